"""The supervision group's audit page: who may see it, filters, and the chain check."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from qaward.core import audit
from qaward.core.models import AuditRecord, AuditVerification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TRAIL = reverse("core:audit_trail")
VERIFY = reverse("core:audit_verify")


@pytest.fixture
def supervisor():
    return UserFactory(username="supervisor-li", display_name="李组长", roles=["supervision"])


@pytest.fixture
def office():
    return UserFactory(username="office-wang", display_name="王主任", roles=["office"])


@pytest.fixture
def records(office):
    expert = UserFactory(username="expert-zhang", display_name="张专家")
    audit.record("accounts.role_granted", actor=office, obj=expert, reason="聘为评审专家")
    audit.record("accounts.role_granted", actor=office, obj=office, reason="办公室人员")
    audit.record("system.cleanup", reason="夜间维护")
    return expert


def rows(response) -> list[int]:
    return [row["record"].sequence for row in response.context["rows"] if "record" in row]


# --- permissions ---------------------------------------------------------------------------------

def test_audit_trail_supervision_sees_it(client, supervisor, records):
    client.force_login(supervisor)

    response = client.get(TRAIL)

    assert response.status_code == 200
    assert rows(response) == [3, 2, 1]
    assert "聘为评审专家" in response.content.decode()


def test_audit_trail_office_forbidden(client, office):
    client.force_login(office)

    assert client.get(TRAIL).status_code == 403
    assert client.post(VERIFY).status_code == 403


def test_audit_trail_anonymous_redirected_to_login(client):
    response = client.get(TRAIL)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={TRAIL}"
    assert client.post(VERIFY).status_code == 302


def test_audit_verify_get_not_allowed(client, supervisor):
    client.force_login(supervisor)

    assert client.get(VERIFY).status_code == 405


# --- viewing is recorded -------------------------------------------------------------------------

def test_audit_trail_viewing_is_recorded_as_read(client, supervisor, records):
    client.force_login(supervisor)

    client.get(TRAIL, {"actor": "office"})

    entry = AuditRecord.objects.order_by("-sequence").first()
    assert (entry.sequence, entry.kind, entry.action, entry.actor) == (4, "read", "audit.view_trail", supervisor)
    assert entry.after == {"filters": {"actor": "office"}, "page": 1}
    assert audit.verify_chain().intact


def test_audit_trail_refused_viewing_is_not_recorded(client, office, records):
    client.force_login(office)

    client.get(TRAIL)

    assert AuditRecord.objects.count() == 3


# --- filters and pages ---------------------------------------------------------------------------

def test_audit_trail_filter_by_object_type(client, supervisor, records):
    client.force_login(supervisor)

    response = client.get(TRAIL, {"object_type": "accounts.user"})

    assert rows(response) == [2, 1]


def test_audit_trail_filter_by_actor(client, supervisor, records):
    client.force_login(supervisor)

    assert rows(client.get(TRAIL, {"actor": "office-wang"})) == [2, 1]
    assert rows(client.get(TRAIL, {"actor": "系统"})) == [3]


def test_audit_trail_filter_by_kind(client, supervisor, records):
    audit.record_read("applicants.view_id_number", actor=supervisor, obj=records)
    client.force_login(supervisor)

    assert rows(client.get(TRAIL, {"kind": "read"})) == [4]


def test_audit_trail_paginates_newest_first(client, supervisor):
    for n in range(60):
        audit.record(f"test.bulk_{n}")
    client.force_login(supervisor)

    first = client.get(TRAIL)
    second = client.get(TRAIL, {"page": 2})

    assert rows(first) == list(range(60, 10, -1))
    # The first visit's own read record (61) now heads the list, pushing one more onto page 2.
    assert rows(second) == list(range(11, 0, -1))


# --- verifying the chain (in the background: qaward.core.verification) ------------------------------

def test_audit_verify_starts_a_check_and_shows_its_result(client, supervisor, records):
    client.force_login(supervisor)

    response = client.post(VERIFY)

    check = AuditVerification.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("core:audit_verification", args=[check.pk])
    # The test settings run tasks at once (ImmediateBackend): the check has finished already.
    assert (check.status, check.checked, check.progress, check.total, check.broken_at, check.started_by) == (
        "finished", 3, 3, 3, None, supervisor)
    assert check.task_id
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.context["report"] == check
    assert "审计链完整：已校验 3 条记录" in page.content.decode()
    assert 'data-testid="chain-progress"' not in page.content.decode()
    entry = AuditRecord.objects.order_by("-sequence").first()
    assert (entry.action, entry.kind, entry.actor) == ("audit.verify_chain", "read", supervisor)
    assert entry.after == {"checked": 3, "intact": True, "broken_at": None, "reason": ""}


def test_audit_verify_tampered_record_highlighted(client, supervisor, records):
    AuditRecord.objects.filter(sequence=2).update(reason="被改过的理由")
    client.force_login(supervisor)

    response = client.post(VERIFY, follow=True)

    content = response.content.decode()
    assert response.context["report"].broken_at == 2
    assert "审计链在第 2 号记录处断裂" in content
    assert '<tr data-sequence="2" class="table-danger" data-broken="1">' in content
    assert rows(response) == [4, 3, 2, 1]  # 4 is the verification's own read record
    assert AuditRecord.objects.get(sequence=4).after == {
        "checked": 1, "intact": False, "broken_at": 2, "reason": "记录内容与摘要不符（记录被篡改）"}


def test_audit_verify_deleted_record_shown_as_missing(client, supervisor, records):
    AuditRecord.objects.filter(sequence=2).delete()
    client.force_login(supervisor)

    response = client.post(VERIFY, follow=True)

    content = response.content.decode()
    assert response.context["report"].broken_at == 2
    assert '<tr class="table-danger" data-sequence="2" data-broken="1">' in content
    assert "该记录已不存在（被删除）" in content


def test_audit_verify_only_supervision_may_start_or_follow_a_check(client, supervisor, office, records):
    check = AuditVerification.objects.create(started_by=supervisor, status="running", total=3)
    client.force_login(office)

    assert client.post(VERIFY).status_code == 403
    assert client.get(reverse("core:audit_verification", args=[check.pk])).status_code == 403
    assert client.get(reverse("core:audit_verification_progress", args=[check.pk])).status_code == 403
    assert AuditVerification.objects.count() == 1


def test_audit_verify_check_under_way_is_not_started_twice(client, supervisor, records):
    running = AuditVerification.objects.create(started_by=supervisor, status="running", total=3, progress=2)
    client.force_login(supervisor)

    response = client.post(VERIFY)

    assert response["Location"] == reverse("core:audit_verification", args=[running.pk])
    assert AuditVerification.objects.count() == 1


def test_audit_verify_running_page_polls_its_progress(client, supervisor, records):
    check = AuditVerification.objects.create(started_by=supervisor, status="running", total=200, progress=50)
    client.force_login(supervisor)

    response = client.get(reverse("core:audit_verification", args=[check.pk]))

    content = response.content.decode()
    assert response.context["report"] is None
    assert f'hx-get="{reverse("core:audit_verification_progress", args=[check.pk])}"' in content
    assert 'hx-trigger="every 2s"' in content
    assert "正在校验审计链：已校验 50 / 200 条记录。" in content
    assert rows(response) == [3, 2, 1]


def test_audit_verify_progress_fragment_renders_the_bar(client, supervisor):
    check = AuditVerification.objects.create(started_by=supervisor, status="running", total=200, progress=50)
    client.force_login(supervisor)

    response = client.get(reverse("core:audit_verification_progress", args=[check.pk]), HTTP_HX_REQUEST="true")

    content = response.content.decode()
    assert response.status_code == 200
    assert [t.name for t in response.templates] == ["core/_verification.html"]
    assert 'aria-valuenow="25"' in content
    assert 'style="width: 25%"' in content
    assert 'hx-trigger="every 2s"' in content


def test_audit_verify_progress_fragment_queued(client, supervisor):
    check = AuditVerification.objects.create(started_by=supervisor, total=200)
    client.force_login(supervisor)

    content = client.get(reverse("core:audit_verification_progress", args=[check.pk])).content.decode()

    assert "校验已排队，等待后台任务开始" in content
    assert 'hx-trigger="every 2s"' in content


def test_audit_verify_progress_after_the_end_reloads_the_page(client, supervisor):
    check = AuditVerification.objects.create(started_by=supervisor, status="finished", total=3, progress=3,
                                             checked=3)
    client.force_login(supervisor)

    response = client.get(reverse("core:audit_verification_progress", args=[check.pk]), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("core:audit_verification", args=[check.pk])


def test_audit_verify_abandoned_check_stops_polling(client, supervisor):
    check = AuditVerification.objects.create(started_by=supervisor, status="running", total=3,
                                             started_at=timezone.now() - datetime.timedelta(hours=2))
    client.force_login(supervisor)

    content = client.get(reverse("core:audit_verification", args=[check.pk])).content.decode()

    assert 'data-testid="chain-failed"' in content
    assert "hx-trigger" not in content
