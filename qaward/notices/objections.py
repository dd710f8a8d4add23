"""Operations on objections (异议): file, investigate, decide, and the supervision group's view of
who objected. Each checks permission and the rules, changes state and audits, atomically.

第二十八条 requires the objector to be protected (为举报人保密): the identity is stored encrypted,
no audit record or page other than the supervision group's names the objector, and filing is
never attributed to the signed-in user (the audit actor of a filing is always "匿名").
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from stdnum.cn import ric

from qaward.core import audit
from qaward.core.errors import DomainError, NotPermitted, RuleViolation
from qaward.core.rulebook import OBJECTION_CLOSED, check

from . import evidence as evidence_checks
from .models import NoticeEntry, Objection, ObjectionEvidence, PublicNotice
from .models.notices import NoticeStatus
from .queries import IDENTITY_FIELDS
from .rules import can_investigate_objections, can_view_objections, can_view_objector_identity
from .services import remove_entry
from .workflow import OBJECTION_MACHINE

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read aloud and retyped
MIN_CONTENT_CHARS = 10
MAX_CONTENT_CHARS = 5000
PHONE = re.compile(r"^\+?[0-9][0-9\- ]{5,19}$")
UPHELD_PUBLIC_NOTE = "经调查核实，异议成立，已从名单中移除"


@dataclass(frozen=True)
class Identity:
    name: str = ""
    phone: str = ""
    id_number: str = ""
    unit: str = ""


def new_tracking_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalize_code(code: str) -> str:
    raw = re.sub(r"[^0-9A-Za-z]", "", code or "").upper()
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}" if len(raw) == 12 else ""


def _today(now: dt.datetime | None) -> dt.date:
    return timezone.localdate(now) if now is not None else timezone.localdate()


def check_open_for_objections(notice: PublicNotice, day: dt.date):
    """第二十七、二十八条 as the notice states them: objections are taken during the notice period."""
    if notice.accepts_objections_on(day):
        return check(OBJECTION_CLOSED, True)
    status = notice.status_on(day)
    if status == NoticeStatus.SCHEDULED:
        detail = f"该公示自{notice.start:%Y年%-m月%-d日}起开始受理异议"
    elif status == NoticeStatus.WITHDRAWN:
        detail = "该公示已撤回，不再受理异议"
    else:
        detail = (f"该公示已于{notice.end:%Y年%-m月%-d日}期满，不再受理异议；"
                  "如对评选工作有意见，可按「异议与举报须知」向监督组反映")
    return check(OBJECTION_CLOSED, False, detail)


def _clean_identity(anonymous: bool, identity: Identity | None) -> Identity:
    if anonymous:
        return Identity()
    identity = identity or Identity()
    name, phone = identity.name.strip(), identity.phone.strip()
    id_number, unit = identity.id_number.strip().upper(), identity.unit.strip()
    if not name or not phone:
        raise DomainError("实名提出异议请填写姓名和联系电话；也可以选择匿名提出。", code="identity_incomplete",
                          status=422)
    if not PHONE.match(phone):
        raise DomainError("联系电话格式不正确。", code="identity_invalid", status=422)
    if id_number and not ric.is_valid(id_number):
        raise DomainError("身份证号码不正确。", code="identity_invalid", status=422)
    return Identity(name[:60], phone, id_number, unit[:120])


def file_objection(notice: PublicNotice, entry: NoticeEntry, *, content: str, anonymous: bool = True,
                   identity: Identity | None = None, files=(), now: dt.datetime | None = None) -> Objection:
    """Anyone files an objection to one entry of a running notice; returns it with its tracking code."""
    now = now or timezone.now()
    if entry.notice_id != notice.pk:
        raise DomainError("异议对象不在该公示名单中。", code="entry_invalid", status=422)
    result = check_open_for_objections(notice, _today(now))
    if not result.passed:
        raise RuleViolation([result])
    if entry.is_removed:
        raise DomainError("该条目已从名单中移除。", code="entry_removed", status=409)
    content = content.strip()
    if len(content) < MIN_CONTENT_CHARS:
        raise DomainError(f"请写明异议的事实和理由（不少于{MIN_CONTENT_CHARS}个字）。", code="content_too_short",
                          status=422)
    if len(content) > MAX_CONTENT_CHARS:
        raise DomainError(f"异议内容不超过{MAX_CONTENT_CHARS}字，详细情况可作为证明材料上传。",
                          code="content_too_long", status=422)
    identity = _clean_identity(anonymous, identity)
    checked = evidence_checks.check_files(files)
    with transaction.atomic():
        objection = _create_with_unique_code(
            notice=notice, entry=entry, content=content, is_anonymous=anonymous, filed_at=now,
            objector_name=identity.name, objector_phone=identity.phone, objector_id_number=identity.id_number,
            objector_unit=identity.unit,
        )
        for item in checked:
            ObjectionEvidence.objects.create(objection=objection, file=item.content, content_type=item.content_type,
                                             size=item.size, digest=item.digest, uploaded_at=now)
        # Never the request's user: a signed-in objector must not be named by the audit trail.
        audit.record("objection.file", actor=AnonymousUser(), obj=objection, after={
            "notice": notice.pk, "entry": entry.position, "anonymous": anonymous, "evidence": len(checked),
        })
    return objection


def _create_with_unique_code(**fields) -> Objection:
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Objection.objects.create(tracking_code=new_tracking_code(), **fields)
        except IntegrityError:  # pragma: no cover - 32**12 codes make a collision vanishingly rare
            continue
    raise DomainError("生成查询码失败，请重试。", code="tracking_code_failed", status=503)  # pragma: no cover


def track(code: str) -> Objection | None:
    normalized = normalize_code(code)
    if not normalized:
        return None
    return (Objection.objects.defer(*IDENTITY_FIELDS).select_related("notice", "entry")
            .filter(tracking_code=normalized).first())


def record_findings(objection: Objection, *, actor, findings: str, now: dt.datetime | None = None) -> Objection:
    """The office records its investigation (第八条); the first record starts the investigation."""
    findings = findings.strip()
    if not findings:
        raise DomainError("请填写调查核实情况。", code="findings_required", status=422)
    if not can_investigate_objections(actor):
        raise NotPermitted()
    with transaction.atomic():
        if OBJECTION_MACHINE.transition(objection, "investigate") is not None:
            objection = OBJECTION_MACHINE.fire(objection, "investigate", actor)
        objection = Objection.objects.select_for_update().get(pk=objection.pk)
        if not objection.is_open:
            raise DomainError("该异议已作出处理决定，不能再修改调查情况。", code="objection_decided", status=409)
        before = objection.findings
        objection.findings = findings
        objection.investigated_by = actor
        objection.investigated_at = now or timezone.now()
        objection.save(update_fields=["findings", "investigated_by", "investigated_at"])
        audit.record("objection.findings", actor=actor, obj=objection,
                     before={"findings": before}, after={"findings": findings})
    return objection


def decide_objection(objection: Objection, *, actor, upheld: bool, reason: str, public_reply: str = "",
                     now: dt.datetime | None = None) -> Objection:
    """The leadership group decides (第七条 处理评选异议); an upheld objection takes the entry off the list."""
    now = now or timezone.now()
    with transaction.atomic():
        objection = OBJECTION_MACHINE.fire(objection, "uphold" if upheld else "dismiss", actor, reason=reason)
        objection.decision_reason = reason.strip()
        objection.public_reply = public_reply.strip()
        objection.decided_by = actor
        objection.decided_at = now
        objection.save(update_fields=["decision_reason", "public_reply", "decided_by", "decided_at"])
        if upheld:
            remove_entry(objection.entry, actor=actor, reason=public_reply.strip() or UPHELD_PUBLIC_NOTE,
                         objection=objection, now=now)
    return objection


def objector_identity(objection: Objection, *, actor) -> Identity:
    """Who objected, for the supervision group alone; every look is an audited read (第二十八条)."""
    if not can_view_objector_identity(actor):
        raise NotPermitted("异议人身份信息仅监督组可以查看。")
    objection = Objection.objects.get(pk=objection.pk)
    audit.record_read("objection.identity.view", actor=actor, obj=objection)
    return Identity(objection.objector_name, objection.objector_phone, objection.objector_id_number,
                    objection.objector_unit)


def require_viewer(actor) -> None:
    if not can_view_objections(actor):
        raise NotPermitted()
