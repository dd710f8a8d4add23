"""Who may do what with notices and objections.

The office publishes notices and investigates objections (第八、十七、二十条); the leadership group
decides them (第七条 处理评选异议); the supervision group watches everything and alone sees who
objected (第二十八条 为举报人保密). Everyone may read notices and file an objection.
"""

import rules

from qaward.accounts.rules import can_oversee, is_leadership, is_office, is_supervision

can_publish_notices = is_office
can_investigate_objections = is_office
can_decide_objections = is_leadership
can_view_objections = can_oversee  # the office, the leadership group and the supervision group
can_view_objector_identity = is_supervision

rules.add_perm("notices.publish_notice", can_publish_notices)
rules.add_perm("notices.view_objection", can_view_objections)
rules.add_perm("notices.investigate_objection", can_investigate_objections)
rules.add_perm("notices.decide_objection", can_decide_objections)
rules.add_perm("notices.view_objector_identity", can_view_objector_identity)
