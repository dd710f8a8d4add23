"""The audit trail: append-only, hash-chained records of state changes and sensitive reads."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from .crypto import sm3_hex
from .models import AuditChainHead, AuditRecord

GENESIS = "0" * 64


def _canonical(record: AuditRecord) -> str:
    payload = {
        "sequence": record.sequence,
        "recorded_at": record.recorded_at.isoformat(),
        "kind": record.kind,
        "actor_id": record.actor_id,
        "actor_label": record.actor_label,
        "action": record.action,
        "object_type": record.object_type,
        "object_id": record.object_id,
        "object_label": record.object_label,
        "reason": record.reason,
        "before": record.before,
        "after": record.after,
        "algorithm": record.algorithm,
        "previous_digest": record.previous_digest,
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, cls=DjangoJSONEncoder)


def compute_digest(record: AuditRecord) -> str:
    return sm3_hex(_canonical(record))


def _jsonable(value: dict | None) -> dict:
    return json.loads(json.dumps(value or {}, cls=DjangoJSONEncoder, ensure_ascii=False))


def record(action: str, *, actor=None, obj=None, reason: str = "", before: dict | None = None,
           after: dict | None = None, kind: str = AuditRecord.Kind.CHANGE) -> AuditRecord:
    """Append one record; call inside the transaction that made the change."""
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        entry = AuditRecord(
            sequence=head.last_sequence + 1,
            recorded_at=timezone.now().replace(microsecond=0),
            kind=kind,
            actor=actor if getattr(actor, "pk", None) else None,
            actor_label=_actor_label(actor),
            action=action,
            object_type=obj._meta.label_lower if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            object_label=str(obj)[:255] if obj is not None else "",
            reason=reason,
            before=_jsonable(before),
            after=_jsonable(after),
            previous_digest=head.last_digest,
        )
        entry.digest = compute_digest(entry)
        entry.save()
        head.last_sequence, head.last_digest = entry.sequence, entry.digest
        head.save(update_fields=["last_sequence", "last_digest"])
    return entry


def record_read(what: str, *, actor, obj=None, reason: str = "", after: dict | None = None) -> AuditRecord:
    return record(what, actor=actor, obj=obj, reason=reason, after=after, kind=AuditRecord.Kind.READ)


def _actor_label(actor) -> str:
    if actor is None or not getattr(actor, "pk", None):
        return "系统" if actor is None else "匿名"
    return actor.get_username()


@dataclass
class ChainReport:
    checked: int
    broken_at: int | None = None  # sequence of the first bad link
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None


# How often a long walk reports its progress: every chunk read from the database.
PROGRESS_EVERY = 2000
# Records appended while the walk runs are walked too; this bounds the rounds under a stream of appends.
MAX_ROUNDS = 10


def verify_chain(progress: Callable[[int], None] | None = None, *, every: int = PROGRESS_EVERY) -> ChainReport:
    """Walk the chain in order; report the first link whose digest or back-pointer is wrong.

    ``progress(walked)`` is called every ``every`` records (a background check shows it as a bar).
    """
    walk = _Walk(progress, every)
    records = AuditRecord.objects.order_by("sequence")
    broken, rounds = walk.over(records), 0
    while broken is None:
        head = AuditChainHead.objects.filter(pk=1).first()
        # A writer appends the record and moves the head in one transaction: a head beyond the walk
        # with the records present means they were appended meanwhile, not that the tail is gone.
        appended = records.filter(sequence__gt=walk.checked)
        if head is None or head.last_sequence <= walk.checked or rounds == MAX_ROUNDS or not appended.exists():
            return _check_head(walk.checked, walk.previous, head)
        broken, rounds = walk.over(appended), rounds + 1
    return broken


class _Walk:
    def __init__(self, progress, every: int):
        self.previous, self.checked = GENESIS, 0
        self.progress, self.every = progress, every

    def over(self, records) -> ChainReport | None:
        for entry in records.iterator(chunk_size=2000):
            expected_sequence = self.checked + 1
            if entry.sequence != expected_sequence:
                return ChainReport(self.checked, expected_sequence, f"缺少第 {expected_sequence} 号记录（可能被删除）")
            if entry.previous_digest != self.previous:
                return ChainReport(self.checked, entry.sequence, "前序摘要不一致（前一条记录被篡改或删除）")
            if compute_digest(entry) != entry.digest:
                return ChainReport(self.checked, entry.sequence, "记录内容与摘要不符（记录被篡改）")
            self.previous = entry.digest
            self.checked += 1
            if self.progress is not None and self.checked % self.every == 0:
                self.progress(self.checked)
        return None


def _check_head(checked: int, last_digest: str, head: AuditChainHead | None) -> ChainReport:
    """The head remembers the last link, so a deleted or rewritten tail is caught too."""
    if head is None:
        return ChainReport(checked, 1, "链头缺失（审计链被重置）") if checked else ChainReport(0)
    if head.last_sequence > checked:
        first, last = checked + 1, head.last_sequence
        missing = f"第 {first} 号" if first == last else f"第 {first}～{last} 号"
        return ChainReport(checked, checked + 1, f"链尾缺少{missing}记录（末尾记录被删除）")
    if head.last_sequence < checked:
        return ChainReport(checked, head.last_sequence + 1, "链头之后出现未经登记的记录（记录被伪造追加）")
    if head.last_digest != last_digest:
        return ChainReport(checked, checked, "末条记录与链头摘要不符（末尾记录被篡改后重算摘要）")
    return ChainReport(checked)
