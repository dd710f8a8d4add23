"""Who may see and change programs, editions and rubrics.

The office runs an edition (第八条); the supervision group and the leadership group watch every
step read-only (第七、十八条). Stage transitions carry their own predicates in workflow.py.
"""

import rules

from qaward.accounts.rules import (
    can_oversee,
    is_city_government,
    is_hr_bureau,
    is_leadership,
    is_office,
)

can_view_office_pages = can_oversee
can_manage_editions = is_office
can_edit_rubrics = is_office

# Transition permissions: 第二十条 the leadership group deliberates; 第二十一条 the office and the
# HR bureau report jointly, and the city government decides.
can_deliberate = is_leadership | is_office
can_report = is_office | is_hr_bureau
can_decide = is_office | is_city_government

rules.add_perm("programs.view_edition", can_view_office_pages)
rules.add_perm("programs.manage_edition", can_manage_editions)
rules.add_perm("programs.view_rubric", can_view_office_pages)
rules.add_perm("programs.change_rubric", can_edit_rubrics)
