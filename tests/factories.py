"""Factories shared by the whole suite: real rows in the real database."""

import factory
from factory.django import DjangoModelFactory

from qaward.accounts.enums import DivisionKind, OrganizationKind
from qaward.accounts.models import Division, Organization, RoleGrant, User

DEFAULT_PASSWORD = "Zl-2026-test-password"


class DivisionFactory(DjangoModelFactory):
    class Meta:
        model = Division
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"1498{n % 100:02d}")
    name = factory.Sequence(lambda n: f"测试县{n}")
    kind = DivisionKind.COUNTY


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"测试组织{n}")
    kind = OrganizationKind.DEPARTMENT


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Sequence(lambda n: f"用户{n}")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """UserFactory(roles=["office"]) or roles=[("county_msa", org)]."""
        if not create:
            return
        for entry in extracted or []:
            role, org = entry if isinstance(entry, tuple) else (entry, None)
            RoleGrant.objects.create(user=self, role=role, organization=org or OrganizationFactory())
        self.save()


class RoleGrantFactory(DjangoModelFactory):
    class Meta:
        model = RoleGrant

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = "office"


# --- programs: rule documents, programs, rubrics, editions ---------------------------------------

import datetime as _dt  # noqa: E402

from qaward.programs.models import (  # noqa: E402
    Edition,
    EditionApproval,
    Program,
    Rubric,
    RubricCategory,
    RubricItem,
    RuleDocument,
)


class RuleDocumentFactory(DjangoModelFactory):
    class Meta:
        model = RuleDocument

    title = factory.Sequence(lambda n: f"测试质量奖管理办法{n}")
    document_number = factory.Sequence(lambda n: f"测政发〔2023〕{n}号")
    issuer = "测试市人民政府"
    effective_from = _dt.date(2023, 6, 9)
    valid_years = 5


class RubricFactory(DjangoModelFactory):
    """A balanced rubric: one category holding one item worth the whole total (override freely)."""

    class Meta:
        model = Rubric
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"test-rubric-{n}")
    name = factory.Sequence(lambda n: f"测试评分标准{n}")
    track = "organization"
    total_points = 1000

    @factory.post_generation
    def balanced(self, create, extracted, **kwargs):
        """RubricFactory(balanced=False) leaves the rubric without categories."""
        if not create or extracted is False:
            return
        category = RubricCategory.objects.create(rubric=self, code="1", name="类目", points=self.total_points,
                                                 order=1)
        RubricItem.objects.create(category=category, code="1.1", name="条目", points=self.total_points,
                                  kind=RubricItem.Kind.PROCESS, order=1)


class RubricCategoryFactory(DjangoModelFactory):
    class Meta:
        model = RubricCategory

    rubric = factory.SubFactory(RubricFactory, balanced=False)
    code = factory.Sequence(lambda n: f"C{n}")
    name = factory.Sequence(lambda n: f"类目{n}")
    points = 100
    order = factory.Sequence(int)


class RubricItemFactory(DjangoModelFactory):
    class Meta:
        model = RubricItem

    category = factory.SubFactory(RubricCategoryFactory)
    code = factory.Sequence(lambda n: f"I{n}")
    name = factory.Sequence(lambda n: f"条目{n}")
    points = 100
    kind = RubricItem.Kind.PROCESS
    order = factory.Sequence(int)


class ProgramFactory(DjangoModelFactory):
    class Meta:
        model = Program

    code = factory.Sequence(lambda n: f"test-program-{n}")
    name = factory.Sequence(lambda n: f"测试质量奖{n}")
    issuing_authority = "测试市人民政府"
    rule_document = factory.SubFactory(RuleDocumentFactory)
    organization_rubric = factory.SubFactory(RubricFactory)
    individual_rubric = factory.SubFactory(RubricFactory, track="individual", total_points=100)


class EditionFactory(DjangoModelFactory):
    """An edition in `preparing` (pass stage=... for another); year 2026 unless told."""

    class Meta:
        model = Edition

    program = factory.SubFactory(ProgramFactory)
    number = factory.Sequence(lambda n: n + 1)
    year = 2026
    title = factory.LazyAttribute(lambda o: f"{o.program.name}第{o.number}届")
    plan = "评选方案：按《管理办法》组织评选。"
    organization_rubric = factory.SelfAttribute("program.organization_rubric")
    individual_rubric = factory.SelfAttribute("program.individual_rubric")


class EditionApprovalFactory(DjangoModelFactory):
    class Meta:
        model = EditionApproval

    edition = factory.SubFactory(EditionFactory)
    kind = EditionApproval.Kind.CITY
    authority = factory.LazyAttribute(lambda o: "中共测试市委、测试市人民政府" if o.kind == "city" else "中共山西省委、山西省人民政府")
    document_number = factory.Sequence(lambda n: f"测批〔2026〕{n}号")
    approved_on = _dt.date(2026, 3, 1)
