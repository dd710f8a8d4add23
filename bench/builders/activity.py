"""What people did with the applications: a long audit trail (bulk, with the real SM3 chain), the
office's calendar overrides, the acceptance notice with objections (through the real services),
notifications and the e-mail outbox."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from qaward.accounts.models import User
from qaward.applications.enums import OutboxStatus
from qaward.applications.models import Application, Notification, OutboxEmail
from qaward.core import audit
from qaward.core.models import AuditChainHead, AuditRecord
from qaward.notices import objections as objection_services
from qaward.notices import services as notice_services
from qaward.notices.enums import NoticeKind
from qaward.notices.models import PublicNotice
from qaward.notices.sources import source_entries
from qaward.programs.calendar_overrides import set_override

from .. import names
from .reference import Reference

BATCH = 5000
# (action, kind, object type, before → after) of the trail's usual records.
AUDIT_ACTIONS = [
    ("application.update", AuditRecord.Kind.CHANGE, "applications.application", None),
    ("application.submit", AuditRecord.Kind.CHANGE, "applications.application", ("draft", "submitted")),
    ("application.dept_approve", AuditRecord.Kind.CHANGE, "applications.application", ("submitted", "dept_approved")),
    ("application.recommend", AuditRecord.Kind.CHANGE, "applications.application", ("dept_approved", "recommended")),
    ("application.accept", AuditRecord.Kind.CHANGE, "applications.application", ("recommended", "accepted")),
    ("attachment.view_trade_secret", AuditRecord.Kind.READ, "applications.application", None),
    ("applicant.view_id_number", AuditRecord.Kind.READ, "applications.application", None),
    ("auth.login", AuditRecord.Kind.AUTH, "", None),
]
# 2027 as the State Council might publish it in November 2026, before the `holidays` package knows it.
DAYS_OFF_2027 = [(dt.date(2027, 1, 1), "元旦")] + [
    (dt.date(2027, 2, 5) + dt.timedelta(days=n), "春节") for n in range(8)
] + [(dt.date(2027, 4, 5), "清明节"), (dt.date(2027, 5, 3), "劳动节"), (dt.date(2027, 5, 4), "劳动节"),
     (dt.date(2027, 5, 5), "劳动节"), (dt.date(2027, 6, 9), "端午节"), (dt.date(2027, 9, 15), "中秋节")] + [
    (dt.date(2027, 10, 1) + dt.timedelta(days=n), "国庆节") for n in range(7)
]
WORKDAYS_2027 = [(dt.date(2027, 2, 20), "春节调休上班"), (dt.date(2027, 4, 25), "劳动节调休上班"),
                 (dt.date(2027, 9, 26), "国庆节调休上班"), (dt.date(2027, 10, 9), "国庆节调休上班")]


def build_audit_trail(rng: random.Random, count: int, actors: list[User], applications: list[Application]) -> int:
    """Append ``count`` records to the chain as audit.record would, digest for digest, in bulk."""
    if count <= 0:
        return 0
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        sequence, previous = head.last_sequence, head.last_digest
        # The edition's year so far, one record every few minutes, ending before today's real records.
        end = timezone.now().replace(microsecond=0) - dt.timedelta(days=1)
        step = max(1, int(250 * 86400 / count))
        moment = end - dt.timedelta(seconds=step * count)
        batch = []
        for _ in range(count):
            sequence += 1
            moment += dt.timedelta(seconds=step)
            action, kind, object_type, change = rng.choice(AUDIT_ACTIONS)
            actor = rng.choice(actors)
            application = rng.choice(applications) if object_type else None
            entry = AuditRecord(
                sequence=sequence, recorded_at=moment, kind=kind, actor_id=actor.pk, actor_label=actor.username,
                action=action, object_type=object_type,
                object_id=str(application.pk) if application else "",
                object_label=f"2026-Z-{application.pk:04d} {application.applicant.name}"[:255] if application else "",
                reason="材料齐全，情况属实。" if change else "",
                before=audit._jsonable({"state": change[0]} if change else {}),
                after=audit._jsonable({"state": change[1], "round": 1} if change else {"at": moment}),
                previous_digest=previous,
            )
            entry.digest = audit.compute_digest(entry)
            previous = entry.digest
            batch.append(entry)
            if len(batch) == BATCH:
                AuditRecord.objects.bulk_create(batch)
                batch = []
        AuditRecord.objects.bulk_create(batch)
        head.last_sequence, head.last_digest = sequence, previous
        head.save(update_fields=["last_sequence", "last_digest"])
    return count


def build_calendar(ref: Reference) -> None:
    """The office enters 2027's schedule through the real service (each change audited)."""
    for day, note in DAYS_OFF_2027:
        set_override(ref.office, day, is_workday=False, note=note)
    for day, note in WORKDAYS_2027:
        set_override(ref.office, day, is_workday=True, note=note)


def build_notice(rng: random.Random, ref: Reference) -> PublicNotice | None:
    """The acceptance notice published today from the acceptance list, with objections at every step."""
    _, entries = source_entries(ref.edition, NoticeKind.ACCEPTANCE)
    if not entries:
        return None
    notice = notice_services.publish_notice(
        ref.edition, kind=NoticeKind.ACCEPTANCE, entries=entries, actor=ref.office,
        title=f"{ref.edition.title}受理名单公示", contact="联系电话：0359-2000000",
    )
    lines = list(notice.entries.order_by("position"))
    filed = []
    for n in range(max(4, len(lines) // 25)):
        anonymous = n % 3 != 0
        identity = None if anonymous else objection_services.Identity(
            name=names.person_name(rng), phone=f"139{rng.randint(10000000, 99999999)}", unit="某单位")
        filed.append(objection_services.file_objection(
            notice, rng.choice(lines), content="该单位近三年曾发生质量事故，申报材料所述与事实不符，请核实。",
            anonymous=anonymous, identity=identity))
    # Half stay filed; the office investigates the rest; the leadership group decides one in four.
    for n, objection in enumerate(filed):
        if n % 2 == 0:
            continue
        objection = objection_services.record_findings(objection, actor=ref.office,
                                                        findings="经调取相关部门记录，情况如下……")
        if n % 4 == 3:
            objection_services.decide_objection(objection, actor=ref.leadership, upheld=False,
                                                reason="经调查核实，异议所述情况不属实。")
    return notice


def build_messages(ref: Reference, applications: list[Application], users: dict[int, User]) -> None:
    """Notifications (the office's partly unread) and the e-mail outbox behind them, a few failed."""
    now = timezone.now()
    notes = [Notification(recipient=ref.office, application=a, title="有新的申报待形式审查", url=f"/applications/{a.pk}/",
                          created_at=now - dt.timedelta(hours=n),
                          read_at=None if n % 5 == 0 else now)
             for n, a in enumerate(applications[:150])]
    notes += [Notification(recipient=users[a.applicant_id], application=a, title="申报已提交", read_at=now,
                           created_at=a.submitted_at)
              for a in applications if a.round > 0]
    notes = Notification.objects.bulk_create(notes, batch_size=BATCH)
    OutboxEmail.objects.bulk_create([
        OutboxEmail(notification=note, to_address=f"n{note.pk}@bench.yuncheng.example", subject=note.title,
                    body=note.title, status=OutboxStatus.FAILED if n % 97 == 0 else OutboxStatus.SENT,
                    attempts=1, error="SMTP 连接超时" if n % 97 == 0 else "", sent_at=None if n % 97 == 0 else now)
        for n, note in enumerate(notes)
    ], batch_size=BATCH)
