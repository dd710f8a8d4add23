"""Permission predicates shared by every app: who holds which role."""

import rules

from .enums import Role


def role_predicate(role: str):
    @rules.predicate(name=f"has_role_{role}")
    def predicate(user, obj=None) -> bool:
        return bool(user and user.is_authenticated and user.has_role(role))

    return predicate


is_applicant = role_predicate(Role.APPLICANT)
is_county_msa = role_predicate(Role.COUNTY_MSA)
is_industry_authority = role_predicate(Role.INDUSTRY_AUTHORITY)
is_county_government = role_predicate(Role.COUNTY_GOVERNMENT)
is_office = role_predicate(Role.OFFICE)
is_third_party = role_predicate(Role.THIRD_PARTY)
is_expert = role_predicate(Role.EXPERT)
is_supervision = role_predicate(Role.SUPERVISION)
is_leadership = role_predicate(Role.LEADERSHIP)
is_consulted_dept = role_predicate(Role.CONSULTED_DEPT)
is_hr_bureau = role_predicate(Role.HR_BUREAU)
is_city_government = role_predicate(Role.CITY_GOVERNMENT)

# Read-only oversight of every step (第十八条 监督组) plus the office that runs it.
can_oversee = is_office | is_supervision | is_leadership

rules.add_perm("core.view_audit_trail", is_supervision)
rules.add_perm("core.verify_audit_trail", is_supervision)
