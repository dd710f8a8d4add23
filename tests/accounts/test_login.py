from django.test import Client

from qaward.core.models import AuditRecord
from tests.factories import DEFAULT_PASSWORD, UserFactory


def _login(client, username, password, **extra):
    return client.post("/accounts/login/", {"username": username, "password": password, **extra})


def test_login_page_is_chinese(client, db):
    response = client.get("/accounts/login/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>用户登录</h1>" in html
    assert '<label class="form-label" for="id_username">用户名' in html
    assert '<label class="form-label" for="id_password">密码' in html


def test_login_success_redirects_to_todo_and_is_audited(client, office_user):
    response = _login(client, "office-chen", DEFAULT_PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/todo/"
    record = AuditRecord.objects.get(action="login")
    assert (record.kind, record.actor, record.object_label) == ("auth", office_user, "陈科长")


def test_login_follows_safe_next(client, office_user):
    response = _login(client, "office-chen", DEFAULT_PASSWORD, next="/workbench/")

    assert response["Location"] == "/workbench/"


def test_login_ignores_foreign_next(client, office_user):
    response = _login(client, "office-chen", DEFAULT_PASSWORD, next="https://evil.example/")

    assert response["Location"] == "/todo/"


def test_login_wrong_password_is_refused(client, office_user):
    response = _login(client, "office-chen", "wrong-password")

    assert response.status_code == 200
    assert "用户名或密码不正确。连续输错 5 次，账号将被锁定 30 分钟。" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not AuditRecord.objects.filter(action="login").exists()


def test_login_locks_out_after_five_failures(client, office_user):
    for _ in range(5):
        _login(client, "office-chen", "wrong-password")

    response = _login(client, "office-chen", DEFAULT_PASSWORD)

    assert response.status_code == 429
    html = response.content.decode()
    assert "登录失败次数过多，账号已暂时锁定" in html
    assert "该账号在本设备上已连续 5 次输错密码。" in html
    assert "请 30 分钟后再试。" in html
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_user_name(client, office_user):
    other = UserFactory(username="office-zhou")
    for _ in range(5):
        _login(client, "office-chen", "wrong-password")

    response = _login(client, other.username, DEFAULT_PASSWORD)

    assert response.status_code == 302


def test_logout_requires_post(client, office_user):
    client.force_login(office_user)

    assert client.get("/accounts/logout/").status_code == 405
    assert "_auth_user_id" in client.session

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session
    assert AuditRecord.objects.filter(action="logout", actor=office_user).count() == 1


def test_login_form_enforces_csrf(office_user):
    client = Client(enforce_csrf_checks=True)

    refused = _login(client, "office-chen", DEFAULT_PASSWORD)
    client.get("/accounts/login/")
    accepted = _login(client, "office-chen", DEFAULT_PASSWORD, csrfmiddlewaretoken=client.cookies["csrftoken"].value)

    assert refused.status_code == 403
    assert accepted.status_code == 302


def test_logout_enforces_csrf(office_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(office_user)

    response = client.post("/accounts/logout/")

    assert response.status_code == 403
    assert "_auth_user_id" in client.session


def test_signed_in_user_visiting_login_goes_to_todo(client, office_user):
    client.force_login(office_user)

    assert client.get("/accounts/login/")["Location"] == "/todo/"
