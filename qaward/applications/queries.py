"""Named querysets: what a user may see, what waits for them, and the acceptance list."""

from __future__ import annotations

from django.db.models import Count, Min, Q, QuerySet

from qaward.accounts.enums import DepartmentType, Role
from qaward.applicants.rules import applicants_of

from .enums import ACCEPTED_OR_LATER, ApplicationState
from .models import Application
from .rules import RECOMMENDING_GOVERNMENTS

S = ApplicationState


# The long texts only the application's own page shows; a list that loads them for every row pays
# for their transfer and decoding and shows none of them.
LIST_DEFERRED = ("profile", "quality_mode_summary", "self_assessment")


def _base() -> QuerySet:
    return Application.objects.select_related(
        "edition", "edition__program", "applicant", "applicant__organization", "applicant__organization__division",
        "receiver", "recommender",
    )


def _list_base() -> QuerySet:
    return listing(_base())


def listing(applications: QuerySet) -> QuerySet:
    """``applications`` for a list or an export: without the texts of LIST_DEFERRED. A list's
    template must not read them, or each row costs one more query."""
    return applications.defer(*LIST_DEFERRED)


def _county_divisions(user):
    return (user.organizations_for(Role.COUNTY_GOVERNMENT)
            .filter(department_type__in=RECOMMENDING_GOVERNMENTS).values("division_id"))


def visible_applications(user) -> QuerySet:
    """Every application the user may see: their own; what was submitted to their department; what
    their county government recommends; everything submitted for the office and the supervision group."""
    if not (user and user.is_authenticated):
        return Application.objects.none()
    roles = user.role_codes()
    q = Q(pk__in=[])
    if Role.APPLICANT in roles:
        q |= Q(applicant__in=applicants_of(user))
    receivers = (user.organizations_for(Role.COUNTY_MSA).filter(department_type=DepartmentType.COUNTY_MSA)
                 | user.organizations_for(Role.INDUSTRY_AUTHORITY)
                 .filter(department_type=DepartmentType.INDUSTRY_AUTHORITY))
    if Role.COUNTY_MSA in roles or Role.INDUSTRY_AUTHORITY in roles:
        q |= Q(receiver__in=receivers.values("pk"), round__gt=0)
    if Role.COUNTY_GOVERNMENT in roles:
        in_county = Q(receiver__department_type=DepartmentType.COUNTY_MSA,
                      receiver__division_id__in=_county_divisions(user))
        q |= in_county & (Q(state=S.DEPT_APPROVED) | Q(recommender__isnull=False))
    if Role.OFFICE in roles or Role.SUPERVISION in roles:
        q |= Q(round__gt=0)
    if Role.LEADERSHIP in roles:
        q |= Q(state__in=ACCEPTED_OR_LATER)
    return _base().filter(q)


def for_page(user) -> QuerySet:
    """visible_applications for the application's own page: also what its checks and forms read
    (the applicant's profiles, the internal publicity, the edition's rubrics). The program's rubrics,
    a fallback editions rarely need, are left out: on PostgreSQL two more joins cost more planning
    time than the query they save."""
    return visible_applications(user).select_related(
        "applicant__org_profile", "applicant__person_profile", "publicity",
        "edition__organization_rubric", "edition__individual_rubric",
    )


def receiver_queue(user) -> QuerySet:
    """第十六条: submissions waiting for the user's department to audit."""
    orgs = (user.organizations_for(Role.COUNTY_MSA).filter(department_type=DepartmentType.COUNTY_MSA)
            | user.organizations_for(Role.INDUSTRY_AUTHORITY)
            .filter(department_type=DepartmentType.INDUSTRY_AUTHORITY))
    return _list_base().filter(state=S.SUBMITTED, receiver__in=orgs.values("pk"))


def recommendation_queue(user) -> QuerySet:
    """第十六条: approved applications waiting for the user's county government (or the industry authority)."""
    county = Q(receiver__department_type=DepartmentType.COUNTY_MSA,
               receiver__division_id__in=_county_divisions(user))
    industry = Q(receiver__department_type=DepartmentType.INDUSTRY_AUTHORITY,
                 receiver__in=user.organizations_for(Role.INDUSTRY_AUTHORITY).values("pk"))
    q = Q(pk__in=[])
    if user.has_role(Role.COUNTY_GOVERNMENT):
        q |= county
    if user.has_role(Role.INDUSTRY_AUTHORITY):
        q |= industry
    return _list_base().filter(q, state=S.DEPT_APPROVED)


def formal_review_queue(user) -> QuerySet:
    """第十七条: recommended applications waiting for the office's formal review."""
    if not user.has_role(Role.OFFICE):
        return Application.objects.none()
    return _list_base().filter(state=S.RECOMMENDED)


def applicant_queue(user) -> QuerySet:
    """Applications waiting for the applicant: drafts and returned ones."""
    return _list_base().filter(applicant__in=applicants_of(user), state__in=(S.DRAFT, S.RETURNED))


def acceptance_list(edition) -> QuerySet:
    """第十七条 受理名单: the applications the office accepted in the edition (organisations first).

    The notices app builds the public notice from this list; it includes the applications that
    have since moved on in the evaluation, because acceptance is not undone by later stages.
    A list: the texts of LIST_DEFERRED are not loaded.
    """
    return (_list_base().filter(edition=edition, state__in=ACCEPTED_OR_LATER)
            .order_by("-applicant__kind", "accepted_at", "pk"))


def counts_by_state(applications: QuerySet) -> list[tuple[str, str, int]]:
    """(state, label, count) in the order of the states, from one aggregate query."""
    counts = dict(applications.order_by().values_list("state").annotate(n=Count("pk")))
    return [(state.value, str(state.label), counts[state.value]) for state in S if state.value in counts]


def counts_by_division(applications: QuerySet) -> list[tuple[str, int]]:
    """(county, count) in the divisions' own order, from one aggregate query. An individual counts
    where their employer is."""
    division = "applicant__organization__division"
    rows = (applications.order_by().values(f"{division}__name")
            .annotate(n=Count("pk"), order=Min(f"{division}__order"), code=Min(f"{division}__code"))
            .order_by("order", "code"))
    return [(row[f"{division}__name"] or "", row["n"]) for row in rows]
