"""Who acts for an applicant.

An organisation applicant is represented by the users holding the ``applicant`` role in it. An
individual applicant is represented by their own account alone; their applicant role is held in
their employer, so a person who applies as an individual never acts for the employer's
organisation application through that grant.
"""

import rules

from qaward.accounts.enums import Role
from qaward.accounts.models import RoleGrant
from qaward.accounts.rules import is_office, is_supervision

from .models import Applicant


def acts_for(user, applicant) -> bool:
    if not (user and user.is_authenticated and applicant is not None):
        return False
    if not applicant.is_organization:
        return applicant.user_id == user.pk
    return (
        RoleGrant.objects.filter(user=user, role=Role.APPLICANT, organization_id=applicant.organization_id,
                                 is_active=True).exists()
        and not Applicant.objects.filter(user=user).exists()
    )


def applicants_of(user):
    """The applicants a user acts for (usually one)."""
    if not (user and user.is_authenticated and user.has_role(Role.APPLICANT)):
        return Applicant.objects.none()
    own = Applicant.objects.filter(user=user)
    if own.exists():
        return own
    orgs = RoleGrant.objects.filter(user=user, role=Role.APPLICANT, is_active=True).values("organization_id")
    return Applicant.objects.filter(kind="organization", organization_id__in=orgs)


@rules.predicate
def is_representative(user, applicant) -> bool:
    return acts_for(user, applicant)


@rules.predicate
def sees_an_application(user, applicant) -> bool:
    """Departments in the submission chain see the applicant of an application they handle."""
    from qaward.applications.queries import visible_applications

    return visible_applications(user).filter(applicant=applicant).exists()


rules.add_perm("applicants.view_applicant", is_representative | is_office | is_supervision | sees_an_application)
rules.add_perm("applicants.change_applicant", is_representative)
# The office needs the full ID number (e.g. for the police's opinion, 第十九条); each read is audited.
rules.add_perm("applicants.read_id_number", is_office)
# Violations and accidents found by the office (or reported by departments) are entered by the office.
rules.add_perm("applicants.record_conduct", is_office)


def representatives(applicant):
    """The users who act for an applicant (to tell them when something waits for them)."""
    from qaward.accounts.models import User

    if not applicant.is_organization:
        return User.objects.filter(pk=applicant.user_id, is_active=True)
    return (User.objects.filter(is_active=True, role_grants__organization_id=applicant.organization_id,
                                role_grants__role=Role.APPLICANT, role_grants__is_active=True)
            .exclude(individual_applicant__isnull=False).distinct())
