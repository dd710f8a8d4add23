"""The demo world of the permission matrix, plus the few rows the demo does not make.

``load_demo`` gives every role an account and applications in every state of the chain; the
objection (with a named objector and an evidence file), the calendar override and the award record
are added here through the services, so every URL parameter of the project has a real object.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings

from qaward.accounts.models import User
from qaward.applicants.models import Applicant, PersonProfile
from qaward.applications import services as application_services
from qaward.applications.models import Application, OutboxEmail
from qaward.core.models import AuditVerification
from qaward.notices.models import Objection, PublicNotice
from qaward.notices.objections import Identity, file_objection
from qaward.programs.calendar_overrides import set_override
from qaward.programs.models import Edition

# Anonymous plus one account per role; org02 and msa_linyi are there to prove object scoping.
ACTORS = ("anonymous", "org01", "org02", "msa_yanhu", "msa_linyi", "gov_yanhu", "industry_gongxin", "office1",
          "supervision1", "leadership1", "expert01", "hr1", "citygov1", "consult_police", "thirdparty1")

# A named objector: nothing of this may appear on any page but the supervision group's identity page.
OBJECTOR = Identity(name="欧阳异议", phone="13912340987", id_number="11010519491231002X", unit="运城举报人所在单位")
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@dataclass
class World:
    users: dict[str, User]
    objects: dict[str, object] = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError:
            raise AttributeError(name) from None


def _application(username: str) -> Application:
    """The demo application of the applicant account ``username`` (one each in the demo)."""
    return Application.objects.get(applicant__in=Applicant.objects.filter(
        organization__role_grants__user__username=username, kind="organization"))


def build_world() -> World:
    with override_settings(DEBUG=True):
        call_command("load_demo", stdout=io.StringIO())
    users = {u.username: u for u in User.objects.all()}
    office = users["office1"]
    edition = Edition.objects.get(is_historical=False)
    historical = Edition.objects.get(is_historical=True)
    accepted = _application("org01")  # 盐湖区, accepted: the whole county chain saw it
    submitted = _application("org04")  # 盐湖区, waiting for msa_yanhu's audit
    returned = _application("org05")  # 盐湖区, returned by msa_yanhu: editable, but only by org05
    individual = Application.objects.get(applicant__user__username="person01")  # to 工信局
    notice = PublicNotice.objects.get(edition=historical)
    # The past notice ran 2021-12-06 .. 12-10; an objection filed then is as real as one filed today.
    objection = file_objection(
        notice, notice.entries.order_by("position").first(), content="该企业近三年内发生过质量事故，不符合条件。",
        anonymous=False, identity=OBJECTOR, files=[SimpleUploadedFile("举报材料.pdf", PDF)],
        now=dt.datetime(2021, 12, 7, 10, 0, tzinfo=dt.UTC),
    )
    award = application_services.record_award(historical, accepted.applicant, "award", office)
    override = set_override(office, dt.date(2026, 12, 26), is_workday=True, note="（测试）调休上班")
    rubric = edition.organization_rubric
    # A check of the audit chain, as the supervision group's verify button leaves one (finished at once).
    verification = AuditVerification.objects.create(started_by=users["supervision1"], status="finished")
    world = World(users=users)
    world.objects.update(
        edition=edition, historical=historical, accepted=accepted, submitted=submitted, returned=returned,
        individual=individual,
        attachment=accepted.attachments.filter(trade_secret=False).order_by("pk").first(),
        secret_attachment=accepted.attachments.get(trade_secret=True),
        talent=accepted.talents.get(), opinion=accepted.opinion_requests.get(),
        notice=notice, objection=objection, evidence=objection.evidence.get(),
        award=award, override=override, rubric=rubric,
        rubric_item=rubric.categories.order_by("order").first().items.order_by("order").first(),
        outbox=OutboxEmail.objects.order_by("pk").first(),
        honour=accepted.applicant.honours.get(),
        person=individual.applicant,
        id_numbers=list(PersonProfile.objects.values_list("id_number", flat=True)),
        staff_account=users["msa_wanrong"], verification=verification,
    )
    assert Objection.objects.count() == 1
    return world
