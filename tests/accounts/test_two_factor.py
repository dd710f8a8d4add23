from django_otp.plugins.otp_totp.models import TOTPDevice

from qaward.core.models import AuditRecord
from tests.accounts.conftest import code_for
from tests.factories import DEFAULT_PASSWORD, UserFactory


def _password_step(client, username="office-chen"):
    return client.post("/accounts/login/", {"username": username, "password": DEFAULT_PASSWORD})


def test_staff_enrolment_shows_qr_code_and_secret(client, office_user):
    client.force_login(office_user)

    response = client.get("/accounts/two-factor/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg role="img" viewBox="0 0 ' in html
    assert 'class="totp-qr"' in html
    device = TOTPDevice.objects.get(user=office_user, confirmed=False)
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    assert f'<p class="totp-secret">{" ".join(secret[i:i + 4] for i in range(0, len(secret), 4))}</p>' in html
    # reloading keeps the same secret
    client.get("/accounts/two-factor/")
    assert TOTPDevice.objects.filter(user=office_user).count() == 1


def test_staff_enrolment_confirms_with_code(client, office_user):
    client.force_login(office_user)
    client.get("/accounts/two-factor/")
    device = TOTPDevice.objects.get(user=office_user)

    response = client.post("/accounts/two-factor/", {"token": code_for(device)})

    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed is True
    assert AuditRecord.objects.filter(action="totp_enrolled", actor=office_user, kind="auth").count() == 1
    # the enrolling session counts as verified: no second step needed right now
    assert client.get("/workbench/").status_code == 200
    assert "两步验证已启用" in client.get("/accounts/two-factor/").content.decode()


def test_staff_enrolment_rejects_wrong_code(client, office_user):
    client.force_login(office_user)
    client.get("/accounts/two-factor/")
    device = TOTPDevice.objects.get(user=office_user)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"

    response = client.post("/accounts/two-factor/", {"token": wrong})

    assert response.status_code == 200
    assert "验证码不正确，请确认手机时间准确后重新输入。" in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed is False
    assert AuditRecord.objects.filter(action="totp_failed", actor=office_user).count() == 1


def test_applicant_cannot_enrol(client, db):
    applicant = UserFactory(roles=["applicant"])
    client.force_login(applicant)

    html = client.get("/accounts/two-factor/").content.decode()

    assert "您的角色无需启用两步验证" in html
    assert not TOTPDevice.objects.filter(user=applicant).exists()
    assert client.post("/accounts/two-factor/", {"token": "123456"}).status_code == 200
    assert not TOTPDevice.objects.filter(user=applicant).exists()


def test_enrolled_login_requires_second_step(client, device):
    response = _password_step(client)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/verify/?next=%2Ftodo%2F"
    blocked = client.get("/todo/")
    assert blocked.status_code == 302
    assert blocked["Location"] == "/accounts/login/verify/?next=/todo/"
    page = client.get("/accounts/login/verify/?next=/todo/")
    assert "<h1>输入动态验证码</h1>" in page.content.decode()


def test_second_step_accepts_current_code(client, device):
    _password_step(client)

    response = client.post("/accounts/login/verify/", {"token": code_for(device), "next": "/todo/"})

    assert response.status_code == 302
    assert response["Location"] == "/todo/"
    assert client.get("/todo/").status_code == 200
    assert AuditRecord.objects.filter(action="totp_verified", kind="auth").count() == 1


def test_second_step_rejects_wrong_code(client, device, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    _password_step(client)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"

    response = client.post("/accounts/login/verify/", {"token": wrong, "next": "/todo/"})

    assert response.status_code == 200
    assert "验证码不正确或已过期，请重新输入。" in response.content.decode()
    assert client.get("/todo/").status_code == 302
    assert AuditRecord.objects.filter(action="totp_failed", kind="auth").count() == 1
    # a right code afterwards still works
    assert client.post("/accounts/login/verify/", {"token": code_for(device)}).status_code == 302
    assert client.get("/todo/").status_code == 200


def test_second_step_throttles_rapid_guesses(client, device):
    _password_step(client)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    client.post("/accounts/login/verify/", {"token": wrong})

    response = client.post("/accounts/login/verify/", {"token": code_for(device)})

    assert "尝试过于频繁，请稍候片刻再输入。" in response.content.decode()
    assert client.get("/todo/").status_code == 302


def test_second_step_rejects_malformed_code(client, device):
    _password_step(client)

    response = client.post("/accounts/login/verify/", {"token": "12ab56"})

    assert "请输入 6 位数字验证码。" in response.content.decode()


def test_password_only_session_is_gated_everywhere(client, enrolled_user):
    client.force_login(enrolled_user)  # as the admin login or another session would

    assert client.get("/workbench/")["Location"] == "/accounts/login/verify/?next=/workbench/"
    api = client.get("/api/v1/programs")
    assert api.status_code == 401
    assert api["Content-Type"] == "application/problem+json"
    assert api.json()["code"] == "otp_required"
    # what the gate leaves open: the code page and logging out
    assert client.get("/accounts/login/verify/").status_code == 200
    assert client.post("/accounts/logout/").status_code == 302


def test_unenrolled_staff_is_not_gated(client, office_user):
    client.force_login(office_user)

    assert client.get("/workbench/").status_code == 200


def test_device_removal_needs_a_code(client, device, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    _password_step(client)
    client.post("/accounts/login/verify/", {"token": code_for(device)})

    refused = client.post("/accounts/two-factor/remove/", {"token": code_for(device)})  # already used
    removed = client.post("/accounts/two-factor/remove/", {"token": code_for(device, drift=1)})

    assert refused.status_code == 422
    assert "验证码不正确或已过期，两步验证未关闭。" in refused.content.decode()
    assert removed.status_code == 302
    assert not TOTPDevice.objects.filter(user=device.user).exists()
    assert AuditRecord.objects.filter(action="totp_removed", kind="auth").count() == 1
    # next login: password only
    client.post("/accounts/logout/")
    assert _password_step(client)["Location"] == "/todo/"


def test_code_page_shows_no_menus_until_verified(client, device):
    _password_step(client)

    html = client.get("/accounts/login/verify/").content.decode()

    assert 'id="app-sidebar"' not in html
    assert "待办事项" not in html
    assert '<form action="/accounts/logout/" method="post">' in html
