"""Checking the whole audit chain in the background: a walk of 100,000 records takes seconds, too
long to hold a request. The supervision page starts a check (``start``), the worker of django-tasks
(``manage.py db_worker``) walks the chain and writes its progress and result to an
AuditVerification, and the page polls that row. ``manage.py verify_audit`` still walks in the
foreground.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from . import audit
from .errors import NotPermitted
from .models import AuditChainHead, AuditVerification

S = AuditVerification.Status


def start(user) -> AuditVerification:
    """Queue a check of the whole chain, or hand back the one already under way (a second click
    should not start a second walk)."""
    if not user.has_perm("core.verify_audit_trail"):
        raise NotPermitted("只有监督组可以校验审计链。")
    under_way = AuditVerification.objects.under_way().first()
    if under_way is not None:
        return under_way
    head = AuditChainHead.objects.filter(pk=1).first()
    verification = AuditVerification.objects.create(started_by=user, total=head.last_sequence if head else 0)
    result = verify_chain_in_background.enqueue(verification.pk)
    # Only the task id is written here: the worker may already be updating the row's other fields.
    AuditVerification.objects.filter(pk=verification.pk).update(task_id=str(result.id)[:64])
    verification.refresh_from_db()
    return verification


@task()
def verify_chain_in_background(verification_id: int) -> dict:
    rows = AuditVerification.objects.filter(pk=verification_id)
    verification = rows.select_related("started_by").first()
    if verification is None or verification.status == S.FINISHED:
        return {"skipped": True}
    rows.update(status=S.RUNNING)
    try:
        report = audit.verify_chain(lambda walked: rows.update(progress=walked))
    except Exception as error:
        rows.update(status=S.FAILED, finished_at=timezone.now(), reason=f"{type(error).__name__}: {error}"[:500])
        raise
    outcome = {"checked": report.checked, "intact": report.intact, "broken_at": report.broken_at,
               "reason": report.reason}
    with transaction.atomic():
        rows.update(status=S.FINISHED, finished_at=timezone.now(), progress=report.checked, checked=report.checked,
                    broken_at=report.broken_at, reason=report.reason)
        audit.record_read("audit.verify_chain", actor=verification.started_by, after=outcome)
    return outcome
