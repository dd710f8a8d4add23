"""Uploads judged by content, classification marks refused (第十七条), trade secrets guarded."""

import hashlib
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from qaward.accounts.enums import Role
from qaward.applications import files, services
from qaward.applications.models import Attachment
from qaward.core.errors import DomainError, NotPermitted, RuleViolation
from qaward.core.models import AuditRecord
from tests.applications.factories import ApplicationFactory, complete, office_user, staff

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def docx(body="质量管理体系运行良好", header=""):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document><w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p></w:body></w:document>")
        if header:
            archive.writestr("word/header1.xml", f"<w:hdr><w:p><w:r><w:t>{header}</w:t></w:r></w:p></w:hdr>")
    return buffer.getvalue()


def xlsx(*cells):
    book = Workbook()
    for row, value in enumerate(cells, start=1):
        book.active.cell(row=row, column=1, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def stored_files(tmp_path):
    root = tmp_path / "media"
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture
def app():
    return ApplicationFactory()


@pytest.fixture
def rep(app):
    return app.applicant.representative


def upload(app, rep, data, name="材料.pdf", **kwargs):
    return services.add_attachment(app, rep, SimpleUploadedFile(name, data), kind=kwargs.pop("kind", "evidence"),
                                   **kwargs)


def test_pdf_is_stored_with_its_sha256_under_a_random_name(app, rep, tmp_path):
    attachment = upload(app, rep, PDF, name="质量手册.PDF")
    assert (attachment.file_type, attachment.size, attachment.original_name) == ("pdf", len(PDF), "质量手册.pdf")
    assert attachment.sha256 == hashlib.sha256(PDF).hexdigest()
    assert attachment.file.name.startswith(f"applications/{app.pk}/")
    assert "质量手册" not in attachment.file.name
    assert len(stored_files(tmp_path)) == 1


def test_type_is_judged_by_content_not_by_name(app, rep):
    attachment = upload(app, rep, PDF, name="scan.docx")
    assert (attachment.file_type, attachment.original_name) == ("pdf", "scan.pdf")


@pytest.mark.parametrize(("data", "name"), [
    (b"MZ\x90\x00 windows executable", "报告.pdf"),
    (b"just some text", "报告.docx"),
    (b"PK\x03\x04 not really a zip", "表格.xlsx"),
    (b"<html><script>alert(1)</script></html>", "图片.png"),
])
def test_refused_type_leaves_nothing_stored(app, rep, tmp_path, data, name):
    with pytest.raises(DomainError) as refused:
        upload(app, rep, data, name=name)
    assert (refused.value.code, refused.value.status) == ("file_type_not_allowed", 415)
    assert Attachment.objects.count() == 0
    assert stored_files(tmp_path) == []


def test_docx_and_xlsx_and_png_are_accepted(app, rep):
    assert upload(app, rep, docx(), name="自评.docx").file_type == "docx"
    assert upload(app, rep, xlsx("经营收入", 12345), name="数据.xlsx").file_type == "xlsx"
    assert upload(app, rep, PNG, name="照片.png").file_type == "png"


def test_docx_with_classification_mark_in_header_is_refused(app, rep, tmp_path):
    with pytest.raises(RuleViolation) as refused:
        upload(app, rep, docx(header="机密★5年"), name="技术方案.docx")
    assert (refused.value.code, refused.value.article) == ("state_secret", "17")
    assert "文件「技术方案.docx」含有密级标志「机密★」" in refused.value.detail
    assert Attachment.objects.count() == 0
    assert stored_files(tmp_path) == []


def test_xlsx_with_top_secret_mark_is_refused(app, rep, tmp_path):
    with pytest.raises(RuleViolation):
        upload(app, rep, xlsx("绝密", "数据"), name="数据.xlsx")
    assert stored_files(tmp_path) == []


def test_pdf_with_mark_in_embedded_font_text_is_refused(app, rep, tmp_path):
    from weasyprint import HTML

    pdf = HTML(string="<p>秘密★1年</p><p>汽车零部件质量数据</p>").write_pdf()
    with pytest.raises(RuleViolation):
        upload(app, rep, pdf)
    assert stored_files(tmp_path) == []


def test_words_about_confidentiality_are_not_marks(app, rep):
    text = "信息安全的机密性；商业机密按第十七条注明；本材料不涉及国家机密。"
    assert files.classification_marks(text) == []
    assert upload(app, rep, docx(body=text), name="说明.docx").file_type == "docx"


def test_file_over_the_limit_is_refused(app, rep, settings, tmp_path):
    settings.APPLICATION_MAX_FILE_BYTES = 1024 * 1024
    with pytest.raises(DomainError) as refused:
        upload(app, rep, PDF + b"0" * (1024 * 1024))
    assert (refused.value.code, refused.value.status) == ("file_too_large", 413)
    assert stored_files(tmp_path) == []


def test_same_file_twice_is_refused(app, rep):
    upload(app, rep, PDF)
    with pytest.raises(DomainError) as refused:
        upload(app, rep, PDF, name="again.pdf")
    assert refused.value.code == "duplicate_file"


@pytest.mark.parametrize(("given", "expected"), [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("C:\\Users\\王\\报告.pdf", "报告.pdf"),
    ("a\x00b<c>:d.pdf", "abcd.pdf"),
    ("...", "附件.pdf"),
])
def test_filenames_are_sanitised(given, expected):
    assert files.sanitize_filename(given, "pdf") == expected


def test_refused_database_write_removes_the_stored_file(app, rep, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr("qaward.applications.services.attachments.audit.record", broken)
    with pytest.raises(RuntimeError):
        upload(app, rep, PDF)
    assert stored_files(tmp_path) == []
    assert Attachment.objects.count() == 0


def test_only_the_applicant_uploads(app):
    with pytest.raises(NotPermitted):
        upload(app, office_user(), PDF)


def test_remove_deletes_the_file_after_commit(app, rep, tmp_path, django_capture_on_commit_callbacks):
    attachment = upload(app, rep, PDF)
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_attachment(attachment, rep)
    assert stored_files(tmp_path) == []


# --- opening (第十七条: trade secrets) -----------------------------------------------------------------

@pytest.fixture
def submitted_app():
    app = complete(ApplicationFactory())
    return services.perform(app, "submit", app.applicant.representative)


def test_trade_secret_file_is_refused_to_the_receiving_department(submitted_app):
    attachment = submitted_app.attachments.first()
    attachment.trade_secret = True
    attachment.save()
    with pytest.raises(NotPermitted) as refused:
        services.open_attachment(attachment, staff(Role.COUNTY_MSA, "盐湖区市场监督管理局"))
    assert (refused.value.code, refused.value.article) == ("trade_secret_marked", "17")


def test_trade_secret_file_opened_by_office_is_audited(submitted_app):
    attachment = submitted_app.attachments.first()
    attachment.trade_secret = True
    attachment.save()
    office = office_user()
    with services.open_attachment(attachment, office) as handle:
        assert handle.read().startswith(b"%PDF")
    record = AuditRecord.objects.get(action="application.open_trade_secret")
    assert (record.kind, record.actor, record.after["attachment"]) == ("read", office, attachment.pk)


def test_supervision_group_opens_trade_secret(submitted_app):
    attachment = submitted_app.attachments.first()
    attachment.trade_secret = True
    attachment.save()
    supervisor = staff(Role.SUPERVISION, "运城市标准化和质量强市领导小组监督组")
    services.open_attachment(attachment, supervisor).close()
    assert AuditRecord.objects.filter(action="application.open_trade_secret", actor=supervisor).count() == 1


def test_plain_file_opens_for_the_receiving_department_without_audit(submitted_app):
    attachment = submitted_app.attachments.first()
    services.open_attachment(attachment, staff(Role.COUNTY_MSA, "盐湖区市场监督管理局")).close()
    assert AuditRecord.objects.filter(action="application.open_trade_secret").count() == 0


def test_other_county_cannot_open_any_file(submitted_app):
    with pytest.raises(NotPermitted):
        services.open_attachment(submitted_app.attachments.first(), staff(Role.COUNTY_MSA, "临猗县市场监督管理局"))
