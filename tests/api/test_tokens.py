from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from qaward.accounts.models import ApiToken
from qaward.core.models import AuditRecord
from tests.factories import OrganizationFactory, UserFactory

from .conftest import ME_URL, PROBLEM_JSON, TOKEN_URL, bearer, issue

pytestmark = pytest.mark.django_db


def test_issue_token_with_good_credentials_returns_bearer_token(client, office_user):
    before = timezone.now()

    response = issue(client, "office1")

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert set(body) == {"token", "expires_at", "token_type"}
    assert body["token_type"] == "Bearer"
    stored = ApiToken.objects.get(user=office_user)
    assert stored.key_hash == ApiToken.hash_key(body["token"])
    assert stored.prefix == body["token"][:8]
    assert body["token"] not in (stored.key_hash, stored.prefix)
    assert timedelta(hours=8) <= stored.expires_at - before <= timedelta(hours=8, seconds=5)


def test_issue_token_writes_audit_record(client, office_user):
    issue(client, "office1")

    entry = AuditRecord.objects.get(action="api_token.issue")
    assert entry.actor == office_user
    assert entry.object_type == "accounts.apitoken"


def test_issue_token_drops_expired_tokens_of_the_user(client, office_user):
    ApiToken.issue(office_user, timedelta(seconds=-1))

    issue(client, "office1")

    assert ApiToken.objects.filter(user=office_user).count() == 1
    assert ApiToken.objects.get(user=office_user).expires_at > timezone.now()


def test_issue_token_with_wrong_password_is_401_problem(client, office_user):
    response = issue(client, "office1", "wrong-password")

    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM_JSON
    assert response.json() == {
        "type": "urn:qaward:problem:invalid_credentials",
        "title": "认证失败",
        "status": 401,
        "detail": "用户名或密码不正确。",
        "code": "invalid_credentials",
    }
    assert ApiToken.objects.count() == 0


def test_issue_token_for_unknown_user_is_401_problem(client, db):
    response = issue(client, "nobody")

    assert response.status_code == 401
    assert response.json()["code"] == "invalid_credentials"


def test_issue_token_for_inactive_user_is_401_problem(client, db):
    UserFactory(username="gone", is_active=False)

    response = issue(client, "gone")

    assert response.status_code == 401
    assert response.json()["code"] == "invalid_credentials"


def test_issue_token_after_five_failures_is_locked_out_with_429_problem(client, office_user):
    statuses = [issue(client, "office1", "wrong").status_code for _ in range(5)]

    response = issue(client, "office1")

    assert statuses == [401, 401, 401, 401, 429]
    assert response.status_code == 429
    assert response["Content-Type"] == PROBLEM_JSON
    assert response["Retry-After"] == "1800"
    body = response.json()
    assert body["code"] == "locked_out"
    assert body["status"] == 429
    assert body["detail"] == "登录失败次数过多，已暂时禁止登录，请30分钟后再试。"
    assert ApiToken.objects.count() == 0


def test_issue_token_success_resets_failure_count(client, office_user):
    for _ in range(4):
        issue(client, "office1", "wrong")
    assert issue(client, "office1").status_code == 200

    statuses = [issue(client, "office1", "wrong").status_code for _ in range(4)]

    assert statuses == [401, 401, 401, 401]


def test_issue_token_with_missing_password_is_422_validation_problem(client, db):
    response = client.post(TOKEN_URL, {"username": "office1"}, content_type="application/json")

    assert response.status_code == 422
    assert response["Content-Type"] == PROBLEM_JSON
    body = response.json()
    assert body["code"] == "validation_error"
    assert body["detail"] == "请求数据格式不正确"
    assert body["errors"] == [{"loc": ["body", "payload", "password"], "msg": "Field required", "type": "missing"}]


def test_issue_token_with_unparsable_body_is_400_problem(client, db):
    response = client.post(TOKEN_URL, "{not json", content_type="application/json")

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM_JSON
    assert response.json()["code"] == "malformed_body"


@pytest.fixture
def totp_device(office_user):
    return TOTPDevice.objects.create(user=office_user, name="手机", confirmed=True)


def _current_otp(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_issue_token_for_totp_user_without_otp_is_401_otp_required(client, totp_device):
    response = issue(client, "office1")

    assert response.status_code == 401
    assert response.json()["code"] == "otp_required"
    assert ApiToken.objects.count() == 0


def test_issue_token_for_totp_user_with_wrong_otp_is_401_otp_invalid(client, totp_device):
    wrong = f"{(int(_current_otp(totp_device)) + 1) % 1_000_000:06d}"

    response = issue(client, "office1", otp=wrong)

    assert response.status_code == 401
    assert response.json()["code"] == "otp_invalid"
    assert ApiToken.objects.count() == 0


def test_issue_token_for_totp_user_with_current_otp_succeeds(client, totp_device):
    response = issue(client, "office1", otp=_current_otp(totp_device))

    assert response.status_code == 200
    assert ApiToken.objects.filter(user=totp_device.user).count() == 1


def test_issue_token_with_unconfirmed_totp_device_needs_no_otp(client, office_user):
    TOTPDevice.objects.create(user=office_user, name="未确认", confirmed=False)

    assert issue(client, "office1").status_code == 200


def test_bearer_token_authenticates_me(client, office_user, token_key):
    org = OrganizationFactory(name="接口测试用监管局")
    office_user.role_grants.update(organization=org)

    response = client.get(ME_URL, headers=bearer(token_key))

    assert response.status_code == 200
    assert response.json() == {
        "id": office_user.pk,
        "username": "office1",
        "display_name": "王主任",
        "roles": [{"role": "office", "role_label": "领导小组办公室",
                   "organization": {"id": org.pk, "name": "接口测试用监管局"}}],
    }


def test_me_lists_only_active_roles(client, db):
    user = UserFactory(username="multi", roles=["expert", "supervision"])
    user.role_grants.filter(role="supervision").update(is_active=False)
    _, key = ApiToken.issue(user, timedelta(hours=1))

    roles = client.get(ME_URL, headers=bearer(key)).json()["roles"]

    assert [r["role"] for r in roles] == ["expert"]


def test_me_without_credentials_is_401_problem(client, db):
    response = client.get(ME_URL)

    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM_JSON
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    body = response.json()
    assert body["code"] == "unauthenticated"
    assert body["status"] == 401
    assert body["type"] == "urn:qaward:problem:unauthenticated"


def test_unknown_bearer_token_is_401(client, db):
    response = client.get(ME_URL, headers=bearer("not-a-real-token"))

    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


def test_non_ascii_bearer_token_is_401(client, db):
    response = client.get(ME_URL, HTTP_AUTHORIZATION="Bearer 令牌")

    assert response.status_code == 401


def test_expired_token_is_refused(client, office_user):
    _, key = ApiToken.issue(office_user, timedelta(seconds=-1))

    response = client.get(ME_URL, headers=bearer(key))

    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


def test_token_of_deactivated_user_is_refused(client, office_user, token_key):
    office_user.is_active = False
    office_user.save()

    assert client.get(ME_URL, headers=bearer(token_key)).status_code == 401


def test_revoked_token_is_refused(client, office_user, token_key):
    revoke = client.delete(TOKEN_URL, headers=bearer(token_key))

    response = client.get(ME_URL, headers=bearer(token_key))

    assert revoke.status_code == 204
    assert response.status_code == 401
    assert ApiToken.objects.count() == 0
    assert AuditRecord.objects.get(action="api_token.revoke").actor == office_user


def test_revoke_only_removes_the_callers_token(client, office_user, token_key):
    _, other_key = ApiToken.issue(office_user, timedelta(hours=1))

    client.delete(TOKEN_URL, headers=bearer(token_key))

    assert client.get(ME_URL, headers=bearer(other_key)).status_code == 200


def test_token_use_records_last_used_at(client, office_user, token_key):
    client.get(ME_URL, headers=bearer(token_key))

    last_used = ApiToken.objects.get().last_used_at
    assert last_used is not None
    assert timezone.now() - last_used < timedelta(seconds=5)


def test_token_last_used_at_is_written_at_most_once_a_minute(client, office_user, token_key):
    recent = timezone.now() - timedelta(seconds=30)
    ApiToken.objects.update(last_used_at=recent)

    client.get(ME_URL, headers=bearer(token_key))

    assert ApiToken.objects.get().last_used_at == recent


def test_token_last_used_at_older_than_a_minute_is_refreshed(client, office_user, token_key):
    stale = timezone.now() - timedelta(minutes=2)
    ApiToken.objects.update(last_used_at=stale)

    client.get(ME_URL, headers=bearer(token_key))

    assert ApiToken.objects.get().last_used_at > stale + timedelta(minutes=1)
