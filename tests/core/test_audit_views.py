"""The supervision group's audit page: who may see it, filters, and the chain check."""

import pytest
from django.urls import reverse

from qaward.core import audit
from qaward.core.models import AuditRecord
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


# --- verifying the chain -------------------------------------------------------------------------

def test_audit_verify_intact(client, supervisor, records):
    client.force_login(supervisor)

    response = client.post(VERIFY)

    assert response.status_code == 200
    assert response.context["report"].intact
    assert "审计链完整：已校验 3 条记录" in response.content.decode()
    entry = AuditRecord.objects.order_by("-sequence").first()
    assert (entry.action, entry.kind) == ("audit.verify_chain", "read")
    assert entry.after == {"checked": 3, "intact": True, "broken_at": None, "reason": ""}


def test_audit_verify_tampered_record_highlighted(client, supervisor, records):
    AuditRecord.objects.filter(sequence=2).update(reason="被改过的理由")
    client.force_login(supervisor)

    response = client.post(VERIFY)

    content = response.content.decode()
    assert response.context["report"].broken_at == 2
    assert "审计链在第 2 号记录处断裂" in content
    assert '<tr data-sequence="2" class="table-danger" data-broken="1">' in content
    assert rows(response) == [4, 3, 2, 1]  # 4 is the verification's own read record


def test_audit_verify_deleted_record_shown_as_missing(client, supervisor, records):
    AuditRecord.objects.filter(sequence=2).delete()
    client.force_login(supervisor)

    response = client.post(VERIFY)

    content = response.content.decode()
    assert response.context["report"].broken_at == 2
    assert '<tr class="table-danger" data-sequence="2" data-broken="1">' in content
    assert "该记录已不存在（被删除）" in content
