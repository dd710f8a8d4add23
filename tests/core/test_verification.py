"""Checking the audit chain in the background (qaward.core.verification); the page is in test_audit_views."""

import datetime

import pytest
from django.utils import timezone

from qaward.core import audit, verification
from qaward.core.errors import NotPermitted
from qaward.core.models import AuditRecord, AuditVerification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def supervisor():
    return UserFactory(username="supervisor-li", roles=["supervision"])


@pytest.fixture
def records():
    for n in range(1, 6):
        audit.record(f"test.step_{n}", reason=f"第{n}步")


def test_start_runs_the_check_and_stores_the_result(supervisor, records):
    check = verification.start(supervisor)

    # ImmediateBackend (config/settings/test.py): the task has run inside enqueue().
    assert (check.status, check.total, check.progress, check.checked, check.broken_at, check.reason) == (
        "finished", 5, 5, 5, None, "")
    assert check.intact and check.finished_at is not None
    assert check.percent == 100


def test_start_broken_chain_stored_with_its_first_broken_link(supervisor, records):
    AuditRecord.objects.filter(sequence=3).update(after={"n": 30})

    check = verification.start(supervisor)

    assert (check.status, check.checked, check.broken_at, check.reason, check.intact) == (
        "finished", 2, 3, "记录内容与摘要不符（记录被篡改）", False)
    entry = AuditRecord.objects.order_by("-sequence").first()
    assert (entry.action, entry.actor, entry.after) == ("audit.verify_chain", supervisor, {
        "checked": 2, "intact": False, "broken_at": 3, "reason": "记录内容与摘要不符（记录被篡改）"})


@pytest.mark.parametrize("roles", [["office"], ["leadership"], []])
def test_start_refused_outside_supervision(roles, records):
    with pytest.raises(NotPermitted):
        verification.start(UserFactory(roles=roles))

    assert not AuditVerification.objects.exists()


def test_start_abandoned_check_does_not_hold_back_a_new_one(supervisor, records):
    lost = AuditVerification.objects.create(started_by=supervisor, status="running",
                                            started_at=timezone.now() - datetime.timedelta(hours=2))

    check = verification.start(supervisor)

    assert check.pk != lost.pk
    assert (check.status, check.checked) == ("finished", 5)
    assert lost.abandoned and not lost.under_way


def test_task_writes_progress_while_walking(supervisor, records, monkeypatch):
    """The real walk, every 2 records instead of 2,000, looking at the row after each progress write."""
    seen = []
    check = AuditVerification.objects.create(started_by=supervisor, total=5)

    def spy(progress=None, *, every=2):
        def progress_and_look(walked):
            progress(walked)
            seen.append(AuditVerification.objects.values_list("status", "progress").get(pk=check.pk))
        return real(progress_and_look, every=every)

    real = audit.verify_chain
    monkeypatch.setattr(audit, "verify_chain", spy)
    verification.verify_chain_in_background.call(check.pk)

    assert seen == [("running", 2), ("running", 4)]
    check.refresh_from_db()
    assert (check.status, check.progress, check.checked) == ("finished", 5, 5)


def test_task_finished_check_is_not_walked_again(supervisor, records):
    check = AuditVerification.objects.create(started_by=supervisor, status="finished", checked=5)

    assert verification.verify_chain_in_background.call(check.pk) == {"skipped": True}
    assert not AuditRecord.objects.filter(action="audit.verify_chain").exists()
