import secrets
from datetime import timedelta

import pytest

from qaward.accounts.models import ApiToken

from .conftest import ME_URL, PROBLEM_JSON, TOKEN_URL, bearer

pytestmark = pytest.mark.django_db


def _with_csrf_cookie(client) -> str:
    token = secrets.token_hex(16)
    client.cookies["csrftoken"] = token
    return token


def test_session_user_reads_me_without_csrf(csrf_client, office_user):
    csrf_client.force_login(office_user)

    response = csrf_client.get(ME_URL)

    assert response.status_code == 200
    assert response.json()["username"] == "office1"


def test_session_unsafe_request_without_csrf_token_is_403_problem(csrf_client, office_user):
    csrf_client.force_login(office_user)

    response = csrf_client.delete(TOKEN_URL)

    assert response.status_code == 403
    assert response["Content-Type"] == PROBLEM_JSON
    body = response.json()
    assert body["code"] == "csrf_failed"
    assert body["status"] == 403
    assert body["detail"] == "CSRF 校验失败：请刷新页面后重试，或改用接口令牌。"


def test_session_unsafe_request_with_wrong_csrf_token_is_403(csrf_client, office_user):
    csrf_client.force_login(office_user)
    _with_csrf_cookie(csrf_client)

    response = csrf_client.delete(TOKEN_URL, headers={"X-CSRFToken": secrets.token_hex(16)})

    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"


def test_session_unsafe_request_with_csrf_token_passes_authentication(csrf_client, office_user):
    csrf_client.force_login(office_user)
    csrf = _with_csrf_cookie(csrf_client)

    response = csrf_client.delete(TOKEN_URL, headers={"X-CSRFToken": csrf})

    # Authenticated by session; there is simply no token to revoke.
    assert response.status_code == 400
    assert response.json()["code"] == "no_token"


def test_anonymous_unsafe_request_is_401_not_csrf_403(csrf_client, db):
    response = csrf_client.delete(TOKEN_URL)

    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


def test_bearer_unsafe_request_needs_no_csrf_token(csrf_client, office_user):
    _, key = ApiToken.issue(office_user, timedelta(hours=1))

    response = csrf_client.delete(TOKEN_URL, headers=bearer(key))

    assert response.status_code == 204


def test_token_login_needs_no_csrf_token(csrf_client, office_user):
    response = csrf_client.post(TOKEN_URL, {"username": "office1", "password": "Zl-2026-test-password"},
                                content_type="application/json")

    assert response.status_code == 200
