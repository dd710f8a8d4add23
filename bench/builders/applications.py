"""The current edition's applications in every state of the chain (第十五～十七条), with the rows a
real application gathers on its way: attachments, internal publicity, events, opinions, talents;
and the winners of the two historical editions (第十三、三十条)."""

from __future__ import annotations

import datetime as dt
import random
import secrets

from qaward.accounts.models import User
from qaward.applicants.models import Applicant
from qaward.applications.enums import (
    ApplicationState,
    AttachmentKind,
    AwardLevel,
    PublicityResult,
    TalentLevel,
    VerificationStatus,
)
from qaward.applications.models import (
    Application,
    ApplicationEvent,
    Attachment,
    AwardRecord,
    OpinionRequest,
    PublicityRecord,
    TalentRecord,
)
from qaward.applications.workflow import stage_of

from .. import names
from .reference import Reference

S = ApplicationState
BATCH = 2000
# Twenty applications in the proportions of an edition in formal review: most recommended or
# accepted, a few still in the departments' hands, drafting, rejected or withdrawn.
PATTERN = [S.ACCEPTED, S.RECOMMENDED, S.ACCEPTED, S.RECOMMENDED, S.SUBMITTED, S.DRAFT, S.DEPT_APPROVED, S.RETURNED,
           S.ACCEPTED, S.RECOMMENDED, S.REJECTED, S.ACCEPTED, S.RECOMMENDED, S.WITHDRAWN, S.ACCEPTED, S.RECOMMENDED,
           S.ACCEPTED, S.ACCEPTED, S.RECOMMENDED, S.ACCEPTED]
# The actions that brought an application to each state, after its first submission.
PATH = {
    S.DRAFT: [], S.SUBMITTED: [], S.RETURNED: ["return"], S.DEPT_APPROVED: ["dept_approve"],
    S.RECOMMENDED: ["dept_approve", "recommend"], S.ACCEPTED: ["dept_approve", "recommend", "accept"],
    S.REJECTED: ["dept_approve", "recommend", "reject"], S.WITHDRAWN: ["withdraw"],
}
TARGET = {"submit": S.SUBMITTED, "return": S.RETURNED, "dept_approve": S.DEPT_APPROVED, "recommend": S.RECOMMENDED,
          "accept": S.ACCEPTED, "reject": S.REJECTED, "withdraw": S.WITHDRAWN}
RECOMMENDED_OR_LATER = (S.RECOMMENDED, S.ACCEPTED, S.REJECTED)
SUBMISSIONS = (dt.datetime(2026, 8, 3, 1, tzinfo=dt.UTC), 58 * 86400)  # from 3 August to the deadline
ACCEPTANCES = (dt.datetime(2026, 10, 12, 1, tzinfo=dt.UTC), 38 * 86400)


def _moment(rng: random.Random, window: tuple[dt.datetime, int]) -> dt.datetime:
    start, seconds = window
    return start + dt.timedelta(seconds=rng.randint(0, seconds))


def _state_of(index: int) -> str:
    return PATTERN[index % len(PATTERN)]


def build_applications(rng: random.Random, ref: Reference, applicants: list[Applicant],
                       users: dict[int, User]) -> list[Application]:
    """One application per applicant given; ``users`` maps an applicant's pk to the account that applies."""
    rows = []
    for index, applicant in enumerate(applicants):
        state = _state_of(index)
        submitted = state != S.DRAFT
        resubmitted = submitted and state != S.RETURNED and rng.random() < 0.1
        by_industry = rng.random() < 0.12
        receiver = (ref.authority_for(applicant.industry_code) if by_industry
                    else ref.county_msa[applicant.organization.division_id])
        recommender = None
        if state in RECOMMENDED_OR_LATER:
            recommender = receiver if by_industry else ref.county_government[applicant.organization.division_id]
        organization = applicant.kind == "organization"
        sections = ref.org_sections if organization else ref.individual_sections
        submitted_at = _moment(rng, SUBMISSIONS) if submitted else None
        rows.append(Application(
            edition=ref.edition, applicant=applicant, state=state, receiver=receiver, recommender=recommender,
            contact_name=applicant.contact_name, contact_phone=applicant.contact_phone,
            contact_email=f"contact{index}@bench.yuncheng.example",
            profile=names.text(rng, rng.randint(600, 2000)) if organization else "",
            quality_mode_summary=rng.choice(names.MODES) if organization else "",
            self_assessment={code: names.text(rng, rng.randint(300, 1500)) for code in sections},
            commitment_signed_by=applicant.contact_name if submitted else "",
            commitment_signed_at=submitted_at,
            no_state_secret_declared=submitted,
            round=0 if not submitted else (2 if resubmitted else 1),
            submitted_at=submitted_at,
            accepted_at=_moment(rng, ACCEPTANCES) if state == S.ACCEPTED else None,
            created_by=users[applicant.pk],
        ))
    applications = Application.objects.bulk_create(rows, batch_size=500)
    _materials(rng, ref, applications)
    _events(rng, ref, applications, users)
    return applications


def _file(kind: str, application: Application, trade_secret: bool = False, description: str = "") -> Attachment:
    key = secrets.token_hex(8)
    return Attachment(application=application, kind=kind, file=f"applications/{application.pk}/{key}.pdf",
                      original_name=f"{description or kind}.pdf", file_type="pdf", size=200_000 + len(key) * 1000,
                      sha256=secrets.token_hex(32), trade_secret=trade_secret, description=description,
                      uploaded_by=application.created_by)


def _materials(rng: random.Random, ref: Reference, applications: list[Application]) -> None:
    attachments, publicity, opinions, talents = [], [], [], []
    for a in applications:
        if a.round == 0:
            if rng.random() < 0.6:
                attachments.append(_file(AttachmentKind.EVIDENCE, a, description="营业执照（副本）"))
            continue
        attachments += [_file(AttachmentKind.FORM, a, description="申报表"),
                        _file(AttachmentKind.COMMITMENT, a, description="承诺书")]
        attachments += [_file(AttachmentKind.EVIDENCE, a, rng.random() < 0.15, "证实性材料")
                        for _ in range(rng.randint(1, 4))]
        start = dt.date(2026, 7, 6) + dt.timedelta(days=rng.randint(0, 20))
        publicity.append(PublicityRecord(
            application=a, start_on=start, end_on=start + dt.timedelta(days=rng.choice((4, 6, 7, 8))),
            scope="本单位公告栏及内部网站",
            result=PublicityResult.NO_OBJECTION if rng.random() < 0.97 else PublicityResult.OBJECTION))
        if a.state in (S.RECOMMENDED, S.ACCEPTED) and rng.random() < 0.45:
            for department in rng.sample(ref.consulted, k=rng.randint(1, 2)):
                answered = a.state == S.ACCEPTED or rng.random() < 0.5
                opinions.append(OpinionRequest(
                    application=a, department=department, request_text="请提出该单位近三年有关情况的书面意见。",
                    requested_on=dt.date(2026, 10, 9), answered_on=dt.date(2026, 10, 20) if answered else None,
                    answer_text="经核查，无异议。" if answered else "", recorded_by=ref.office))
        if rng.random() < 0.15:
            for _ in range(rng.randint(1, 2)):
                status = (VerificationStatus.PENDING if a.state != S.ACCEPTED and rng.random() < 0.5
                          else rng.choice((VerificationStatus.VERIFIED, VerificationStatus.REJECTED)))
                talents.append(TalentRecord(
                    application=a, name=names.person_name(rng), level=rng.choice(TalentLevel.values),
                    title="高级工程师", field="质量管理", introduced_on=dt.date(2024, rng.randint(1, 12), 1),
                    status=status, verified_by=None if status == VerificationStatus.PENDING else ref.office))
    Attachment.objects.bulk_create(attachments, batch_size=BATCH)
    PublicityRecord.objects.bulk_create(publicity, batch_size=BATCH)
    OpinionRequest.objects.bulk_create(opinions, batch_size=BATCH)
    TalentRecord.objects.bulk_create(talents, batch_size=BATCH)


def _events(rng: random.Random, ref: Reference, applications: list[Application], users: dict[int, User]) -> None:
    """The round record of each application: what ``services.perform`` writes at each step."""
    office_org = ref.office.role_grants.first().organization
    events = []
    for a in applications:
        if a.round == 0:
            continue
        actions = ["submit", "return", "submit"] if a.round == 2 else ["submit"]
        actions += PATH[a.state]
        state, round_, moment = S.DRAFT, 0, a.submitted_at - dt.timedelta(days=20 if a.round == 2 else 0)
        for action in actions:
            round_ += action == "submit"
            target = TARGET[action]
            actor, org = users[a.applicant_id], None
            if action in ("dept_approve", "return") and state == S.SUBMITTED:
                org = a.receiver
            elif action == "recommend":
                org = a.recommender
            elif action in ("accept", "reject"):
                actor, org = ref.office, office_org
            events.append(ApplicationEvent(
                application=a, stage=stage_of(action, state), action=action, from_state=state, to_state=target,
                round=round_, actor=actor, organization=org, created_at=moment,
                reason="请补充近三年经审计的财务报表。" if action == "return" else "",
            ))
            state, moment = target, moment + dt.timedelta(days=rng.randint(1, 10))
    ApplicationEvent.objects.bulk_create(events, batch_size=BATCH)


def build_history(rng: random.Random, ref: Reference, applicants: list[Applicant]) -> list[AwardRecord]:
    """Eight winners in each historical edition, two of them later revoked (第十三、三十条)."""
    organizations = [a for a in applicants if a.kind == "organization"]
    winners = rng.sample(organizations, k=min(16, len(organizations)))
    records = []
    for n, applicant in enumerate(winners):
        edition = ref.history[n % 2]
        revoked = n in (2, 5)
        records.append(AwardRecord(
            edition=edition, applicant=applicant, level=AwardLevel.AWARD if n % 4 < 2 else AwardLevel.NOMINATION,
            revoked_on=dt.date(edition.year + 3, 6, 1) if revoked else None,
            revocation_note="以弄虚作假手段获得奖项（第三十条）" if revoked else "", recorded_by=ref.office))
    return AwardRecord.objects.bulk_create(records)
