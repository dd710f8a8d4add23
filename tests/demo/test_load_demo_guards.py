"""load_demo on databases it must not fill: production settings and non-demo data."""

import io

import pytest
from django.core.management import CommandError, call_command

from qaward.accounts.models import Organization, User
from qaward.programs.models import Edition
from tests.factories import UserFactory


def run(*args) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_load_demo_refuses_when_debug_is_off_on_an_empty_database(db, settings):
    settings.DEBUG = False
    organizations = Organization.objects.count()
    with pytest.raises(CommandError, match="DEBUG 未开启"):
        run()
    assert (User.objects.count(), Organization.objects.count(), Edition.objects.count()) == (0, organizations, 0)


def test_load_demo_refuses_a_database_with_other_users(db, settings):
    settings.DEBUG = True
    UserFactory(username="someone")
    with pytest.raises(CommandError, match="数据库不为空"):
        run()
    assert list(User.objects.values_list("username", flat=True)) == ["someone"]


def test_if_empty_leaves_a_database_with_other_users_alone(db, settings):
    settings.DEBUG = True
    UserFactory(username="someone")
    assert "已有非演示数据" in run("--if-empty")
    assert User.objects.count() == 1
    assert Edition.objects.count() == 0


def test_list_accounts_on_an_empty_database_is_an_empty_list(db, settings):
    settings.DEBUG = True
    assert run("--list-accounts").strip() == "[]"
