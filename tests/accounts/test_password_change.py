from qaward.core.models import AuditRecord
from tests.factories import DEFAULT_PASSWORD

NEW_PASSWORD = "Yc-quality-2026-new"


def test_password_change_page_renders(client, office_user):
    client.force_login(office_user)

    html = client.get("/accounts/password/").content.decode()

    assert "<h1>修改密码</h1>" in html
    assert '<label class="form-label" for="id_old_password">当前密码' in html


def test_password_change_updates_password_and_keeps_session(client, office_user):
    client.force_login(office_user)

    response = client.post("/accounts/password/", {
        "old_password": DEFAULT_PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD,
    })

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/done/"
    office_user.refresh_from_db()
    assert office_user.check_password(NEW_PASSWORD)
    assert client.get("/accounts/password/done/").status_code == 200
    assert AuditRecord.objects.filter(action="password_changed", actor=office_user).count() == 1


def test_password_change_rejects_wrong_old_password(client, office_user):
    client.force_login(office_user)

    response = client.post("/accounts/password/", {
        "old_password": "not-my-password", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD,
    })

    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    office_user.refresh_from_db()
    assert office_user.check_password(DEFAULT_PASSWORD)


def test_password_change_requires_login(client, db):
    assert client.get("/accounts/password/")["Location"] == "/accounts/login/?next=/accounts/password/"
