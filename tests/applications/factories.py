"""Applicants and applications in the real Yuncheng world of the data migrations (divisions,
departments, the Mayor's Quality Award program and its rubrics)."""

from __future__ import annotations

import datetime
import hashlib
import itertools

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory
from stdnum.cn import ric, uscc

from qaward.accounts.enums import OrganizationKind, Role
from qaward.accounts.models import Division, Organization, RoleGrant
from qaward.applicants.enums import ApplicantKind
from qaward.applicants.models import Applicant, OrganizationProfile, PersonProfile
from qaward.applications.content import required_sections
from qaward.applications.enums import AttachmentKind, PublicityResult
from qaward.applications.models import Application, Attachment, PublicityRecord
from qaward.programs.models import EditionStage, Program
from tests.factories import EditionFactory, UserFactory

PROGRAM_CODE = "yuncheng-mayor-quality-award"
_serial = itertools.count(1)
MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def credit_code(division_code: str = "140802") -> str:
    base = f"91{division_code}MA0K{next(_serial):05d}"
    return base + uscc.calc_check_digit(base)


def id_number(birth: str = "19850512") -> str:
    base = f"142701{birth}{next(_serial) % 1000:03d}"
    return base + ric.calc_check_digit(base + "0")


def division(name: str = "盐湖区") -> Division:
    return Division.objects.get(name=name)


def org(name: str) -> Organization:
    return Organization.objects.get(name=name)


def program() -> Program:
    return Program.objects.get(code=PROGRAM_CODE)


def open_edition(deadline: datetime.date | None = None, **kwargs):
    """An edition of the real program, open for applications; deadline 30 days ahead unless told."""
    prog = program()
    number = kwargs.pop("number", None) or (max(prog.editions.values_list("number", flat=True), default=0) + 1)
    year = kwargs.pop("year", None) or (deadline or timezone.localdate()).year
    return EditionFactory(
        program=prog, number=number, year=year, stage=kwargs.pop("stage", EditionStage.OPEN),
        application_deadline=deadline or timezone.localdate() + datetime.timedelta(days=30),
        organization_rubric=prog.organization_rubric, individual_rubric=prog.individual_rubric, **kwargs,
    )


def current_edition():
    """The open edition of this year (one per program and year), created on first use."""
    year = timezone.localdate().year
    existing = program().editions.filter(year=year).first()
    return existing or open_edition(timezone.localdate() + datetime.timedelta(days=30), year=year)


class OrganizationApplicantFactory(DjangoModelFactory):
    class Meta:
        model = Applicant
        skip_postgeneration_save = True

    kind = ApplicantKind.ORGANIZATION
    name = factory.Sequence(lambda n: f"运城测试制造有限公司{n}")
    organization = factory.LazyAttribute(lambda o: Organization.objects.create(
        name=o.name, kind=OrganizationKind.ENTERPRISE, division=division()))
    industry_code = "C36"
    contact_name = "王经理"
    contact_phone = "0359-2000000"

    @factory.post_generation
    def profile(self, create, extracted, **kwargs):
        defaults = {"credit_code": credit_code(), "established_on": datetime.date(2010, 5, 1),
                    "figures_year": timezone.localdate().year - 1, "revenue_rank": 2}
        OrganizationProfile.objects.create(applicant=self, **{**defaults, **(extracted or {}), **kwargs})

    @factory.post_generation
    def user(self, create, extracted, **kwargs):
        """The representative's account: OrganizationApplicantFactory().representative."""
        self.representative = UserFactory(display_name="王经理")
        RoleGrant.objects.create(user=self.representative, role=Role.APPLICANT, organization=self.organization)


class IndividualApplicantFactory(DjangoModelFactory):
    class Meta:
        model = Applicant
        skip_postgeneration_save = True

    kind = ApplicantKind.INDIVIDUAL
    name = factory.Sequence(lambda n: f"李质量{n}")
    organization = factory.LazyAttribute(lambda o: Organization.objects.create(
        name=f"{o.name}所在单位", kind=OrganizationKind.ENTERPRISE, division=division()))
    user = factory.SubFactory(UserFactory)
    industry_code = "C36"
    contact_name = factory.SelfAttribute("name")
    contact_phone = "13800000000"

    @factory.post_generation
    def profile(self, create, extracted, **kwargs):
        defaults = {"id_number": id_number(), "position": "质量总监", "quality_work_since": datetime.date(2005, 3, 1),
                    "conduct_declared": True, "conduct_declared_at": timezone.now()}
        PersonProfile.objects.create(applicant=self, **{**defaults, **(extracted or {}), **kwargs})
        RoleGrant.objects.create(user=self.user, role=Role.APPLICANT, organization=self.organization)
        self.representative = self.user


class ApplicationFactory(DjangoModelFactory):
    class Meta:
        model = Application

    edition = factory.LazyFunction(current_edition)
    applicant = factory.SubFactory(OrganizationApplicantFactory)
    contact_name = "王经理"
    contact_phone = "0359-2000000"


def add_file(application, kind=AttachmentKind.EVIDENCE, data: bytes = MINIMAL_PDF, *, trade_secret=False,
             name="证实性材料.pdf") -> Attachment:
    """A stored attachment without the upload checks (for tests about something else)."""
    data = data + str(next(_serial)).encode()
    attachment = Attachment(application=application, kind=kind, original_name=name, file_type="pdf",
                            size=len(data), sha256=hashlib.sha256(data).hexdigest(), trade_secret=trade_secret)
    attachment.file.save("test.pdf", ContentFile(data), save=False)
    attachment.save()
    return attachment


def receiver_for(application) -> Organization:
    return org(f"{application.applicant.organization.division.name}市场监督管理局")


def complete(application, *, publicity_days_ago: int = 20) -> Application:
    """Fill every material so that each blocking condition is met (a ready-to-submit draft)."""
    if application.is_organization:
        application.profile = "本公司成立于2010年，主要生产汽车零部件。"
        application.quality_mode_summary = "以顾客为中心的零缺陷质量管理模式。"
    application.self_assessment = {code: f"{name}的自我评价。" for code, name in required_sections(application)}
    application.receiver = receiver_for(application)
    application.commitment_signed_by = "王经理"
    application.commitment_signed_at = timezone.now()
    application.no_state_secret_declared = True
    application.save()
    add_file(application)
    end = timezone.localdate() - datetime.timedelta(days=publicity_days_ago)
    PublicityRecord.objects.update_or_create(application=application, defaults={
        "start_on": end - datetime.timedelta(days=20), "end_on": end, "result": PublicityResult.NO_OBJECTION,
    })
    return application


def staff(role: str, organization_name: str):
    user = UserFactory()
    RoleGrant.objects.create(user=user, role=role, organization=org(organization_name))
    return user


OFFICE = "运城市标准化和质量强市领导小组办公室"
SUPERVISION = "运城市标准化和质量强市领导小组监督组"


def office_user():
    return staff(Role.OFFICE, OFFICE)
