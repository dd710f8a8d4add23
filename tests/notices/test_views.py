"""Pages: public notice pages and objections without login, and who may see which work page."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from qaward.core.models import AuditRecord
from qaward.notices.enums import AwardLevel, NoticeKind
from qaward.notices.models import Objection, PublicNotice
from qaward.notices.objections import decide_objection, record_findings
from qaward.programs.models import EditionStage
from tests.factories import EditionFactory, UserFactory

from .conftest import REAL_NAME, entries, object_to, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def running(edition, office, today):
    return publish(edition, office, start=today, today=today)


def shift(notice, days):
    """Move a notice's period by ``days`` (time travel for pages that read today's date)."""
    PublicNotice.objects.filter(pk=notice.pk).update(start=notice.start + dt.timedelta(days=days),
                                                     end=notice.end + dt.timedelta(days=days))
    notice.refresh_from_db()
    return notice


def file_via_page(client, notice, **extra):
    entry = notice.entries.order_by("position").first()
    data = {"entry": entry.pk, "content": "该企业申报材料中的营业收入数据与实际不符。", "identity_mode": "anonymous",
            "truthful": "on", **extra}
    return client.post(reverse("notices:object", args=[notice.pk]), data)


def test_public_list_shows_running_notice(client, running):
    response = client.get(reverse("notices:public_list"))
    assert response.status_code == 200
    assert running.title in response.content.decode()


def test_detail_shows_entries_quotas_and_objection_form(client, running):
    response = client.get(running.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "运城测试企业2有限公司" in html
    assert 'id="objection-form"' in html
    assert "本届名额上限" in html


def test_anonymous_objection_through_page_shows_code_once(client, running):
    response = file_via_page(client, running)
    assert response.status_code == 302 and response.url == reverse("notices:receipt")
    objection = Objection.objects.get()
    receipt = client.get(reverse("notices:receipt"))
    assert objection.tracking_code in receipt.content.decode()
    again = client.get(reverse("notices:receipt"))
    assert again.status_code == 302


def test_track_page_shows_status_and_public_reply(client, running, office, leader):
    objection = object_to(running, now=timezone.now())
    objection = record_findings(objection, actor=office, findings="核实属实。")
    decide_objection(objection, actor=leader, upheld=True, reason="内部理由：会议纪要第5号。",
                     public_reply="经核实，该企业不符合申报条件，已从名单中移除。")
    response = client.post(reverse("notices:track"), {"code": objection.tracking_code.lower()})
    html = response.content.decode()
    assert response.status_code == 200
    assert "异议成立" in html and "已从名单中移除" in html
    assert "会议纪要" not in html


def test_track_unknown_code_404(client, db):
    response = client.post(reverse("notices:track"), {"code": "AAAA-BBBB-CCCC"})
    assert response.status_code == 404
    assert "未找到" in response.content.decode()


def test_objection_after_end_refused_politely(client, running):
    shift(running, -30)
    response = file_via_page(client, running)
    assert response.status_code == 422
    assert "不再受理异议" in response.content.decode()
    assert not Objection.objects.exists()


def test_ended_notice_stays_public_in_past_list(client, running):
    shift(running, -30)
    assert running.title in client.get(reverse("notices:past")).content.decode()
    detail = client.get(running.get_absolute_url())
    assert detail.status_code == 200 and 'id="objection-form"' not in detail.content.decode()


def test_print_is_a_pdf(client, running):
    response = client.get(reverse("notices:print", args=[running.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_how_to_object_page_explains_channels_and_confidentiality(client, db):
    html = client.get(reverse("notices:how_to_object")).content.decode()
    for text in ("提出渠道", "需要写明什么", "处理流程和时限", "为异议人保密", "5 个工作日"):
        assert text in html


def test_winners_lists_remaining_recommendation_entries_of_decided_edition(client, office, leader, today):
    edition = EditionFactory(stage=EditionStage.DELIBERATION)
    notice = publish(edition, office, NoticeKind.RECOMMENDATION, start=today, today=today,
                     rows=entries(3, level=AwardLevel.AWARD))
    objection = record_findings(object_to(notice, now=timezone.now()), actor=office, findings="属实。")
    decide_objection(objection, actor=leader, upheld=True, reason="成立。")
    html = client.get(reverse("notices:winners")).content.decode()
    assert "运城测试企业2有限公司" not in html  # not decided yet
    edition.stage = EditionStage.DECIDED
    edition.save()
    html = client.get(reverse("notices:winners")).content.decode()
    assert "运城测试企业2有限公司" in html and "运城测试企业3有限公司" in html
    assert "运城测试企业1有限公司" not in html


# --- work pages: who may see what --------------------------------------------------------------

WORK_PAGES = ["notices:manage", "notices:objections"]


@pytest.mark.parametrize("url_name", WORK_PAGES)
def test_work_pages_send_anonymous_to_login(client, url_name, db):
    response = client.get(reverse(url_name))
    assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("url_name", WORK_PAGES)
@pytest.mark.parametrize("role", ["applicant", "expert", "county_msa"])
def test_work_pages_forbidden_to_other_roles(client, url_name, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(reverse(url_name)).status_code == 403


@pytest.mark.parametrize("role", ["office", "leadership", "supervision"])
def test_objection_pages_open_to_office_leadership_supervision(client, running, role):
    objection = object_to(running, now=timezone.now())
    client.force_login(UserFactory(roles=[role]))
    assert client.get(reverse("notices:objections")).status_code == 200
    assert client.get(reverse("notices:objection_detail", args=[objection.pk])).status_code == 200


def test_publish_page_forbidden_to_leadership(client, edition, leader):
    client.force_login(leader)
    assert client.get(reverse("notices:publish", args=[edition.pk, "acceptance"])).status_code == 403


def test_office_publishes_from_typed_lines(client, edition, office, today):
    client.force_login(office)
    url = reverse("notices:publish", args=[edition.pk, "acceptance"])
    assert client.get(url).status_code == 200
    response = client.post(url, {
        "title": "关于受理名单的公示", "scope": "city", "start": today.isoformat(), "workdays": 5,
        "extra_lines": "甲公司｜组织\n乙某｜个人｜｜丙公司｜盐湖区", "contact": "监督组电话 0359-0000000",
    })
    notice = PublicNotice.objects.get()
    assert response.status_code == 302 and response.url == reverse("notices:manage_notice", args=[notice.pk])
    assert [(e.name, e.track, e.unit) for e in notice.entries.order_by("position")] == [
        ("甲公司", "organization", ""), ("乙某", "individual", "丙公司")]


def test_office_publish_4_workdays_shows_article(client, edition, office, today):
    client.force_login(office)
    response = client.post(reverse("notices:publish", args=[edition.pk, "acceptance"]), {
        "title": "关于受理名单的公示", "scope": "city", "start": today.isoformat(), "workdays": 4,
        "extra_lines": "甲公司",
    })
    assert response.status_code == 422
    assert "第十九、二十条" in response.content.decode()
    assert not PublicNotice.objects.exists()


def test_office_records_findings_and_leadership_decides_through_pages(client, running, office, leader):
    objection = object_to(running, now=timezone.now())
    client.force_login(office)
    client.post(reverse("notices:findings", args=[objection.pk]), {"findings": "调取了税务部门数据，属实。"})
    client.force_login(leader)
    response = client.post(reverse("notices:decide", args=[objection.pk]),
                           {"outcome": "upheld", "reason": "会议决定。", "public_reply": "异议成立，已移除。"})
    assert response.status_code == 302
    objection.refresh_from_db()
    assert objection.status == "decided_upheld"
    assert objection.entry.removed_at is not None


def test_leadership_cannot_post_findings(client, running, leader):
    objection = object_to(running, now=timezone.now())
    client.force_login(leader)
    assert client.post(reverse("notices:findings", args=[objection.pk]), {"findings": "x"}).status_code == 403


# --- the objector's identity (第二十八条) ------------------------------------------------------

def _identity_strings():
    return [REAL_NAME.name, REAL_NAME.phone, REAL_NAME.id_number, REAL_NAME.unit]


@pytest.mark.parametrize("role", ["office", "leadership"])
def test_real_name_identity_never_on_office_or_leadership_pages(client, running, role):
    objection = object_to(running, anonymous=False, identity=REAL_NAME, now=timezone.now())
    client.force_login(UserFactory(roles=[role]))
    pages = [reverse("notices:objections") + "?show=all", reverse("notices:objection_detail", args=[objection.pk]),
             reverse("notices:manage_notice", args=[running.pk]), reverse("notices:manage")]
    for url in pages:
        html = client.get(url).content.decode()
        assert not any(s in html for s in _identity_strings()), url
    assert client.get(reverse("notices:identity", args=[objection.pk])).status_code == 403
    assert client.post(reverse("notices:identity", args=[objection.pk])).status_code == 403


def test_supervision_sees_real_name_identity_after_confirming_and_read_is_audited(client, running, supervisor):
    objection = object_to(running, anonymous=False, identity=REAL_NAME, now=timezone.now())
    client.force_login(supervisor)
    url = reverse("notices:identity", args=[objection.pk])
    confirm = client.get(url).content.decode()
    assert REAL_NAME.name not in confirm
    assert not AuditRecord.objects.filter(action="objection.identity.view").exists()
    shown = client.post(url).content.decode()
    assert all(s in shown for s in _identity_strings())
    assert AuditRecord.objects.filter(action="objection.identity.view", actor=supervisor).count() == 1


def test_anonymous_identity_appears_nowhere_even_to_supervision(client, running, supervisor):
    objection = object_to(running, now=timezone.now())
    client.force_login(supervisor)
    html = client.post(reverse("notices:identity", args=[objection.pk])).content.decode()
    assert "匿名提出，未留身份信息" in html


def test_evidence_download_for_staff_only(client, running, office):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = b"%PDF-1.4\n%%EOF\n"
    objection = object_to(running, now=timezone.now(), files=[SimpleUploadedFile("a.pdf", pdf)])
    item = objection.evidence.get()
    url = reverse("notices:evidence", args=[objection.pk, item.pk])
    assert client.get(url).status_code == 302
    client.force_login(office)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == pdf
    assert response["Content-Type"] == "application/pdf"


def test_todo_lists_objections_for_office_and_leadership(client, running, office, leader):
    from qaward.portal.todo import todos_for

    objection = object_to(running, now=timezone.now())
    assert [(i.title, i.count) for i in todos_for(office) if i.category == "公示与异议"] == [("待调查核实的公示异议", 1)]
    assert [(i.title, i.count) for i in todos_for(leader) if i.category == "公示与异议"] == []
    record_findings(objection, actor=office, findings="属实。")
    assert [(i.title, i.count) for i in todos_for(leader) if i.category == "公示与异议"] == [("待作出处理决定的公示异议", 1)]


def test_print_embeds_noto_cjk_fonts(client, running):
    import re
    import zlib

    pdf = client.get(reverse("notices:print", args=[running.pk])).content
    inflated = b"".join(_inflate(m.group(1), zlib) for m in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S))
    fonts = {name.split(b"+")[-1] for name in re.findall(rb"/BaseFont\s*/([A-Za-z+\-]+)", pdf + inflated)}
    assert {b"Noto-Serif-CJK-SC", b"Noto-Serif-CJK-SC-Bold"} <= fonts


def _inflate(data, zlib):
    try:
        return zlib.decompress(data)
    except zlib.error:
        return b""


def test_real_name_objection_through_page_stores_identity_for_supervision(client, running, supervisor):
    response = file_via_page(client, running, identity_mode="real_name", name="孙某某", phone="13800002222")
    assert response.status_code == 302
    objection = Objection.objects.get()
    assert (objection.is_anonymous, objection.objector_name, objection.objector_phone) == (False, "孙某某", "13800002222")


def test_real_name_objection_without_phone_rerenders_form_with_message(client, running):
    response = file_via_page(client, running, identity_mode="real_name", name="孙某某")
    assert response.status_code == 422
    assert "实名提出异议请填写姓名和联系电话" in response.content.decode()
    assert not Objection.objects.exists()


def test_objection_without_promise_of_truth_rerenders_form(client, running):
    response = file_via_page(client, running, truthful="")
    assert response.status_code == 422
    assert not Objection.objects.exists()


def test_twenty_first_objection_within_an_hour_from_one_address_refused(client, running):
    for _ in range(20):
        assert file_via_page(client, running).status_code == 302
    response = file_via_page(client, running)
    assert response.status_code == 429
    assert Objection.objects.count() == 20
