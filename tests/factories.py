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
