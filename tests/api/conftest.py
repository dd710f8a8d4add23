from datetime import timedelta

import pytest
from django.test import Client

from qaward.accounts.models import ApiToken
from tests.factories import DEFAULT_PASSWORD, UserFactory

TOKEN_URL = "/api/v1/auth/token"
ME_URL = "/api/v1/me"
PROBLEM_JSON = "application/problem+json"


def bearer(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


def issue(client: Client, username: str, password: str = DEFAULT_PASSWORD, **extra):
    return client.post(TOKEN_URL, {"username": username, "password": password, **extra},
                       content_type="application/json")


@pytest.fixture
def office_user(db):
    return UserFactory(username="office1", display_name="王主任", roles=["office"])


@pytest.fixture
def token_key(office_user):
    _, key = ApiToken.issue(office_user, timedelta(hours=1))
    return key


@pytest.fixture
def csrf_client():
    """A client that, like a browser, is held to the CSRF check (Django's test client skips it)."""
    return Client(enforce_csrf_checks=True)
