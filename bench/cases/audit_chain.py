"""(e) Verifying the whole audit chain: qaward.core.audit.verify_chain().

Floor: SM3 over the same canonical bytes, in a plain loop, the bytes prepared before timing. The
ratio is what the walk pays beyond the hashing it cannot avoid: the SELECT, building model
instances and the canonical JSON. The notes split that overhead: the raw fetch alone, and a
hand-written verification (raw rows → canonical JSON → SM3) doing the same work without the ORM.
"""

from __future__ import annotations

import json
from time import perf_counter

from django.core.serializers.json import DjangoJSONEncoder

from qaward.core import audit
from qaward.core.crypto import sm3_hex
from qaward.core.models import AuditRecord

from ..timing import CaseResult, compare
from .common import aware, fetch, table

REPEAT_CAP = 3  # a full walk of 100,000 records takes seconds; three runs give a stable median
COLUMNS = ("sequence", "recorded_at", "kind", "actor_id", "actor_label", "action", "object_type", "object_id",
           "object_label", "reason", "before", "after", "algorithm", "previous_digest")


def _hand_written() -> int:
    """Verify the chain from raw rows: what verify_chain does, minus the ORM."""
    rows = fetch(f"SELECT {', '.join(COLUMNS)}, digest FROM {table(AuditRecord)} ORDER BY sequence")
    previous, checked = audit.GENESIS, 0
    for row in rows:
        payload = dict(zip(COLUMNS, row[:-1], strict=True))
        payload["recorded_at"] = aware(payload["recorded_at"]).isoformat()
        for key in ("before", "after"):  # SQLite hands JSON back as text, PostgreSQL as objects
            if isinstance(payload[key], str):
                payload[key] = json.loads(payload[key])
        text = json.dumps(payload, sort_keys=True, ensure_ascii=False, cls=DjangoJSONEncoder)
        if payload["previous_digest"] != previous or sm3_hex(text) != row[-1]:
            break
        previous, checked = row[-1], checked + 1
    return checked


def run(world, repeat: int) -> list[CaseResult]:
    repeat = min(repeat, REPEAT_CAP)
    records = list(AuditRecord.objects.order_by("sequence"))
    blobs = [audit._canonical(r).encode("utf-8") for r in records]
    stored = [r.digest for r in records]
    del records

    system, floor = compare(audit.verify_chain, lambda: [sm3_hex(blob) for blob in blobs], repeat)
    report = system.result

    start = perf_counter()
    fetch(f"SELECT {', '.join(COLUMNS)}, digest FROM {table(AuditRecord)} ORDER BY sequence")
    fetch_ms = (perf_counter() - start) * 1000
    start = perf_counter()
    hand_checked = _hand_written()
    hand_ms = (perf_counter() - start) * 1000
    return [CaseResult(
        "e_audit_verify_chain", f"审计链校验 verify_chain over {len(blobs)} records vs SM3 loop",
        system.timing, floor.timing, report.checked, len(floor.result),
        report.intact and report.checked == len(blobs) and floor.result == stored and hand_checked == len(blobs),
        notes=[f"raw SELECT of all rows alone {fetch_ms:.0f} ms; hand-written verify (raw rows → JSON → SM3) "
               f"{hand_ms:.0f} ms = {hand_ms / floor.timing.median_ms:.1f}× the SM3 floor",
               f"chain intact: {report.intact}"],
    )]
