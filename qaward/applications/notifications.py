"""Telling each party that something waits for them: in-app, and by e-mail through a reviewable outbox.

``notify`` is called inside the service's transaction; the e-mails are handed to the task queue
(django-tasks) only once that transaction commits, so a refused operation sends nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from qaward.accounts.models import User
from qaward.core.errors import NotPermitted

from .enums import OutboxStatus
from .models import Notification, OutboxEmail

SIGNATURE = "\n\n—— 运城市市长质量奖评选管理系统（本邮件由系统自动发送，请登录系统办理）"


def users_in(organizations, role: str):
    return User.objects.filter(is_active=True, role_grants__organization__in=organizations,
                               role_grants__role=role, role_grants__is_active=True).distinct()


def users_with_role(role: str):
    return User.objects.filter(is_active=True, role_grants__role=role, role_grants__is_active=True).distinct()


def notify(recipients, title: str, body: str = "", *, url: str = "", application=None) -> list[Notification]:
    created = []
    for user in recipients:
        note = Notification.objects.create(recipient=user, application=application, title=title, body=body, url=url)
        created.append(note)
        if user.email:
            email = OutboxEmail.objects.create(notification=note, to_address=user.email, subject=title,
                                               body=_email_body(body, url))
            transaction.on_commit(lambda pk=email.pk: send_outbox_email.enqueue(pk))
    return created


def _email_body(body: str, url: str) -> str:
    link = f"\n\n办理地址：{settings.SITE_URL.rstrip('/')}{url}" if url and getattr(settings, "SITE_URL", "") else ""
    return f"{body}{link}{SIGNATURE}"


@task()
def send_outbox_email(email_id: int) -> str:
    email = OutboxEmail.objects.filter(pk=email_id, status=OutboxStatus.PENDING).first()
    if email is None:
        return "skipped"  # sent already, or held by the office
    email.attempts += 1
    try:
        send_mail(email.subject, email.body, settings.DEFAULT_FROM_EMAIL, [email.to_address])
    except Exception as error:  # noqa: BLE001 — any transport failure is kept for the office to see
        email.status, email.error = OutboxStatus.FAILED, str(error)[:300]
    else:
        email.status, email.sent_at, email.error = OutboxStatus.SENT, timezone.now(), ""
    email.save(update_fields=["status", "attempts", "error", "sent_at"])
    return email.status


def _require_office(actor) -> None:
    if not actor.has_perm("applications.view_outbox"):
        raise NotPermitted("只有领导小组办公室可以管理发件箱。")


def retry(email: OutboxEmail, actor) -> None:
    """The office sends a failed or held e-mail again."""
    _require_office(actor)
    OutboxEmail.objects.filter(pk=email.pk).exclude(status=OutboxStatus.SENT).update(status=OutboxStatus.PENDING)
    transaction.on_commit(lambda: send_outbox_email.enqueue(email.pk))


def hold(email: OutboxEmail, actor) -> None:
    _require_office(actor)
    OutboxEmail.objects.filter(pk=email.pk, status=OutboxStatus.PENDING).update(status=OutboxStatus.HELD)


def mark_read(user, notification_ids=None) -> int:
    notes = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        notes = notes.filter(pk__in=notification_ids)
    return notes.update(read_at=timezone.now())
