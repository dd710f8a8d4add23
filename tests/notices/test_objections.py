import datetime as dt
import io
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from PIL import Image

from qaward.core.errors import DomainError, InvalidTransition, NotPermitted, RuleViolation
from qaward.core.models import AuditRecord
from qaward.notices.objections import (
    decide_objection,
    normalize_code,
    objector_identity,
    record_findings,
    track,
)

from .conftest import END, REAL_NAME, START, object_to

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


def test_anonymous_objection_gets_tracking_code_and_stores_no_identity(notice):
    objection = object_to(notice)
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}", objection.tracking_code)
    assert (objection.status, objection.is_anonymous) == ("filed", True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT objector_name, objector_phone, objector_id_number FROM notices_objection")
        assert cursor.fetchone() == ("", "", "")


def test_real_name_identity_stored_sm4_encrypted(notice):
    objection = object_to(notice, anonymous=False, identity=REAL_NAME)
    with connection.cursor() as cursor:
        cursor.execute("SELECT objector_name, objector_phone FROM notices_objection WHERE id = %s", [objection.pk])
        name, phone = cursor.fetchone()
    assert name.startswith("sm4-gcm$") and "钱多多" not in name
    assert phone.startswith("sm4-gcm$") and "13912345678" not in phone


def test_real_name_without_phone_refused(notice):
    from qaward.notices.objections import Identity

    with pytest.raises(DomainError) as caught:
        object_to(notice, anonymous=False, identity=Identity(name="钱多多"))
    assert caught.value.code == "identity_incomplete"


def test_real_name_with_invalid_id_number_refused(notice):
    from qaward.notices.objections import Identity

    with pytest.raises(DomainError) as caught:
        object_to(notice, anonymous=False, identity=Identity("钱多多", "13912345678", "110105194912310021"))
    assert caught.value.code == "identity_invalid"


def test_filing_is_audited_as_anonymous_even_for_a_signed_in_person(notice):
    objection = object_to(notice, anonymous=False, identity=REAL_NAME)
    record = AuditRecord.objects.get(action="objection.file")
    assert (record.actor_id, record.actor_label, record.object_label) == (None, "匿名", f"异议 {objection.tracking_code}")
    assert "钱多多" not in str(record.after) and "13912345678" not in str(record.after)


def test_objection_on_last_day_of_notice_accepted(notice):
    objection = object_to(notice, now=dt.datetime.combine(END, dt.time(23, 30), SHANGHAI))
    assert objection.status == "filed"


def test_objection_on_day_after_end_refused_objection_closed(notice):
    with pytest.raises(RuleViolation) as caught:
        object_to(notice, now=dt.datetime.combine(END + dt.timedelta(days=1), dt.time(0, 5), SHANGHAI))
    assert caught.value.code == "objection_closed"
    assert "已于2026年6月12日期满" in caught.value.detail
    assert notice.objections.count() == 0


def test_objection_before_start_refused(notice):
    with pytest.raises(RuleViolation) as caught:
        object_to(notice, now=dt.datetime.combine(START - dt.timedelta(days=1), dt.time(12), SHANGHAI))
    assert caught.value.code == "objection_closed"


def test_objection_with_too_short_content_refused(notice):
    with pytest.raises(DomainError) as caught:
        object_to(notice, content="不同意")
    assert caught.value.code == "content_too_short"


def test_objection_with_pdf_and_png_evidence_stored_under_random_names(notice):
    files = [SimpleUploadedFile("钱多多的举报材料.pdf", PDF), SimpleUploadedFile("photo.png", png_bytes())]
    objection = object_to(notice, files=files)
    stored = list(objection.evidence.order_by("pk"))
    assert [e.content_type for e in stored] == ["application/pdf", "image/png"]
    assert all("钱多多" not in e.file.name for e in stored)
    assert stored[0].file.read() == PDF


@pytest.mark.parametrize("name,content", [
    ("report.pdf", b"MZ\x90\x00 this is a windows program"),
    ("photo.jpg", b"\xff\xd8\xff\xe0 not really a jpeg"),
    ("notes.txt", "纯文本材料".encode()),
])
def test_evidence_that_is_not_pdf_or_image_by_content_refused(notice, name, content):
    with pytest.raises(DomainError) as caught:
        object_to(notice, files=[SimpleUploadedFile(name, content)])
    assert caught.value.code == "evidence_invalid"
    assert notice.objections.count() == 0


def test_evidence_over_size_limit_refused(notice, settings):
    from qaward.notices import evidence

    big = SimpleUploadedFile("big.pdf", PDF[:-6] + b"0" * (evidence.MAX_BYTES) + b"%%EOF\n")
    with pytest.raises(DomainError) as caught:
        object_to(notice, files=[big])
    assert caught.value.code == "evidence_invalid"


def test_more_than_five_files_refused(notice):
    with pytest.raises(DomainError) as caught:
        object_to(notice, files=[SimpleUploadedFile(f"{i}.pdf", PDF) for i in range(6)])
    assert caught.value.code == "evidence_invalid"


def test_track_accepts_lowercase_and_spaces(notice):
    objection = object_to(notice)
    typed = objection.tracking_code.lower().replace("-", " ")
    assert normalize_code(typed) == objection.tracking_code
    assert track(typed).pk == objection.pk
    assert track("AAAA-BBBB-CCCC") is None
    assert track("") is None


def test_findings_start_investigation_and_are_audited(notice, office):
    objection = record_findings(object_to(notice), actor=office, findings="已向县市场监管局调取事故记录。")
    assert (objection.status, objection.investigated_by) == ("investigating", office)
    assert list(AuditRecord.objects.filter(object_id=str(objection.pk), object_type="notices.objection")
                .values_list("action", flat=True)) == ["objection.file", "objection.investigate", "objection.findings"]


def test_findings_by_leadership_not_permitted(notice, leader):
    with pytest.raises(NotPermitted):
        record_findings(object_to(notice), actor=leader, findings="……")


def test_decision_before_findings_refused_objection_not_investigated(notice, leader):
    from qaward.notices.workflow import OBJECTION_MACHINE

    objection = object_to(notice)
    with pytest.raises(InvalidTransition):  # not yet under investigation
        decide_objection(objection, actor=leader, upheld=True, reason="成立")
    objection.status = "investigating"
    objection.save()
    with pytest.raises(RuleViolation) as caught:
        decide_objection(objection, actor=leader, upheld=True, reason="成立")
    assert caught.value.code == "objection_not_investigated"
    assert OBJECTION_MACHINE.state_of(objection) == "investigating"


def test_decision_by_office_not_permitted(notice, office):
    objection = record_findings(object_to(notice), actor=office, findings="核实属实。")
    with pytest.raises(NotPermitted):
        decide_objection(objection, actor=office, upheld=True, reason="成立")


def test_decision_without_reason_refused(notice, office, leader):
    objection = record_findings(object_to(notice), actor=office, findings="核实属实。")
    with pytest.raises(InvalidTransition) as caught:
        decide_objection(objection, actor=leader, upheld=True, reason="")
    assert caught.value.code == "reason_required"


def test_upheld_objection_removes_entry_with_reason_and_is_audited(notice, office, leader):
    objection = record_findings(object_to(notice), actor=office, findings="经核实，该企业2025年发生较大质量事故。")
    decide_objection(objection, actor=leader, upheld=True, reason="领导小组第3次会议认定异议成立。",
                     public_reply="经调查核实，该单位近3年内发生质量事故，不符合第十一条第（六）项，已从名单中移除。")
    entry = objection.entry
    entry.refresh_from_db()
    assert entry.is_removed
    assert entry.removal_reason == "经调查核实，该单位近3年内发生质量事故，不符合第十一条第（六）项，已从名单中移除。"
    assert notice.active_entries().count() == 2
    removal = AuditRecord.objects.get(action="notice.entry.remove")
    assert removal.actor == leader
    assert removal.after == {"entry": 1, "name": "运城测试企业1有限公司", "removed": True,
                             "objection": objection.tracking_code}
    decision = AuditRecord.objects.get(action="objection.uphold")
    assert (decision.actor, decision.reason) == (leader, "领导小组第3次会议认定异议成立。")
    assert decision.after["status"] == "decided_upheld"


def test_dismissed_objection_keeps_entry(notice, office, leader):
    objection = record_findings(object_to(notice), actor=office, findings="经核实，反映情况不属实。")
    objection = decide_objection(objection, actor=leader, upheld=False, reason="证据不足。",
                                 public_reply="经调查核实，反映问题不属实。")
    assert objection.status == "decided_dismissed"
    assert notice.active_entries().count() == 3
    assert not AuditRecord.objects.filter(action="notice.entry.remove").exists()


def test_objection_to_removed_entry_refused(notice, office, leader):
    objection = record_findings(object_to(notice), actor=office, findings="属实。")
    decide_objection(objection, actor=leader, upheld=True, reason="成立。")
    with pytest.raises(DomainError) as caught:
        object_to(notice)
    assert caught.value.code == "entry_removed"


def test_identity_shown_to_supervision_with_audited_read(notice, supervisor):
    objection = object_to(notice, anonymous=False, identity=REAL_NAME)
    identity = objector_identity(objection, actor=supervisor)
    assert (identity.name, identity.phone, identity.id_number) == ("钱多多", "13912345678", "11010519491231002X")
    read = AuditRecord.objects.get(action="objection.identity.view")
    assert (read.kind, read.actor, read.object_id) == ("read", supervisor, str(objection.pk))


@pytest.mark.parametrize("role", ["office", "leadership"])
def test_identity_refused_to_office_and_leadership(notice, role):
    from tests.factories import UserFactory

    objection = object_to(notice, anonymous=False, identity=REAL_NAME)
    with pytest.raises(NotPermitted):
        objector_identity(objection, actor=UserFactory(roles=[role]))
    assert not AuditRecord.objects.filter(action="objection.identity.view").exists()
