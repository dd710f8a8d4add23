"""Who may see and act on an application (per object: DESIGN.md §2).

The transition permissions of the state machine (workflow.py) are the predicates here; who may
*see* an application is one queryset, ``queries.visible_applications``, so a list and a detail
page can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable

import rules

from qaward.accounts.enums import DepartmentType, Role
from qaward.accounts.rules import is_leadership, is_office, is_supervision
from qaward.applicants.rules import acts_for

# The county government or the development-zone committee recommends what its county's market
# supervision department approved (第十六条).
RECOMMENDING_GOVERNMENTS = (DepartmentType.COUNTY_GOVERNMENT, DepartmentType.DEV_ZONE_COMMITTEE)
RECEIVER_ROLES = {
    DepartmentType.COUNTY_MSA: Role.COUNTY_MSA,
    DepartmentType.INDUSTRY_AUTHORITY: Role.INDUSTRY_AUTHORITY,
}


@rules.predicate
def is_applicant_member(user, application) -> bool:
    return application is not None and acts_for(user, application.applicant)


@rules.predicate
def is_receiver_staff(user, application) -> bool:
    """Staff of the department the application was submitted to, in the role that department audits with."""
    receiver = getattr(application, "receiver", None)
    role = RECEIVER_ROLES.get(getattr(receiver, "department_type", ""))
    if role is None or not user.is_authenticated:
        return False
    return user.organizations_for(role).filter(pk=receiver.pk).exists()


def recommending_organizations(application):
    """Who recommends after the receiver's approval: the county government (or dev-zone committee) of
    a county receiver's division; an industry authority recommends what it approved itself."""
    from qaward.accounts.models import Organization

    receiver = application.receiver
    if receiver is None:
        return Organization.objects.none()
    if receiver.department_type == DepartmentType.INDUSTRY_AUTHORITY:
        return Organization.objects.filter(pk=receiver.pk)
    return Organization.objects.filter(department_type__in=RECOMMENDING_GOVERNMENTS,
                                       division_id=receiver.division_id, division__isnull=False, is_active=True)


def recommending_role(application) -> str:
    receiver = application.receiver
    if receiver is not None and receiver.department_type == DepartmentType.INDUSTRY_AUTHORITY:
        return Role.INDUSTRY_AUTHORITY
    return Role.COUNTY_GOVERNMENT


@rules.predicate
def is_recommender_staff(user, application) -> bool:
    if application is None or application.receiver_id is None or not user.is_authenticated:
        return False
    return user.organizations_for(recommending_role(application)).filter(
        pk__in=recommending_organizations(application).values("pk")).exists()


def edition_stage_in(*stages: str):
    """Later steps (第十九～二十二、三十条) belong to a stage of the edition; before it they are not offered."""

    @rules.predicate(name=f"edition_stage_in_{'_'.join(stages)}")
    def predicate(user, application) -> bool:
        return application is not None and application.edition.stage in stages

    return predicate


# The evaluation app registers here how it knows that an expert is assigned to an application.
assignment_lookups: list[Callable[[object, object], bool]] = []


@rules.predicate
def is_assigned_expert(user, application) -> bool:
    return user.has_role(Role.EXPERT) and any(lookup(user, application) for lookup in assignment_lookups)


@rules.predicate
def can_view(user, application) -> bool:
    from .queries import visible_applications

    return application is not None and visible_applications(user).filter(pk=application.pk).exists()


# 第十七条: a file marked as a trade secret is opened only by those who need it.
can_open_trade_secret = is_applicant_member | is_office | is_supervision | is_assigned_expert
can_edit = is_applicant_member
can_formal_review = is_office

rules.add_perm("applications.view_application", can_view)
rules.add_perm("applications.change_application", can_edit)
rules.add_perm("applications.formal_review", can_formal_review)
rules.add_perm("applications.open_trade_secret", can_open_trade_secret)
rules.add_perm("applications.manage_history", is_office)
rules.add_perm("applications.view_outbox", is_office)
rules.add_perm("applications.deliberate", is_leadership)
