"""Office pages: permission matrix, the stage bar, actions with blockers, forms, Excel exports."""

import datetime as dt
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from qaward.core.models import AuditRecord
from qaward.programs.models import EditionStage, Rubric
from tests.factories import EditionFactory, UserFactory

from .conftest import edition_in

pytestmark = pytest.mark.django_db
S = EditionStage


def client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def edition(yuncheng):
    return EditionFactory(program=yuncheng, number=2, year=2026, title="第二届运城市市长质量奖")


def page_urls(edition):
    rubric = Rubric.objects.get(code="gbt19580-2004")
    return [
        reverse("programs:edition_list"),
        reverse("programs:edition_export"),
        reverse("programs:edition_detail", args=[edition.pk]),
        reverse("programs:rubric_list"),
        reverse("programs:rubric_export"),
        reverse("programs:rubric_detail", args=[rubric.code]),
        reverse("programs:rubric_items_export", args=[rubric.code]),
    ]


@pytest.mark.parametrize("role", ["office", "supervision", "leadership"])
def test_office_pages_readable_by_office_supervision_and_leadership(client, edition, role):
    client = client_for(client, UserFactory(roles=[role]))

    statuses = [client.get(url).status_code for url in page_urls(edition)]

    assert statuses == [200] * 7


@pytest.mark.parametrize("role", ["applicant", "expert", "county_msa", "third_party", "consulted_dept"])
def test_office_pages_forbidden_to_other_roles(client, edition, role):
    client = client_for(client, UserFactory(roles=[role]))

    statuses = [client.get(url).status_code for url in page_urls(edition)]

    assert statuses == [403] * 7


def test_office_pages_anonymous_redirected_to_login(client, edition):
    response = client.get(reverse("programs:edition_list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_edition_create_page_office_only(client, supervisor, office):
    assert client_for(client, supervisor).get(reverse("programs:edition_create")).status_code == 403
    assert client_for(client, office).get(reverse("programs:edition_create")).status_code == 200


@pytest.mark.parametrize("name", ["edition_plan", "edition_approval", "edition_call", "edition_rubrics"])
def test_edition_forms_refuse_supervision_posts(client, supervisor, edition, name):
    response = client_for(client, supervisor).post(reverse(f"programs:{name}", args=[edition.pk]), {})

    assert response.status_code == 403


def test_edition_detail_shows_all_eleven_stages_with_current_marked(client, office):
    edition = edition_in(S.OPEN)

    html = client_for(client, office).get(edition.get_absolute_url()).content.decode()

    assert html.count('class="stage-step is-') == 11
    assert html.count("stage-step is-done") == 2
    assert 'class="stage-step is-current" data-stage="open" aria-current="step"' in html
    assert "申报中" in html and "已发布表彰决定" in html


def test_edition_detail_shows_quotas_approvals_and_call(client, office):
    edition = edition_in(S.OPEN)

    html = client_for(client, office).get(edition.get_absolute_url()).content.decode()

    assert html.count("≤ 4") == 4
    assert "质量奖提名奖" in html
    assert "省委、省政府审批" in html
    assert edition.call_title in html
    assert "2026-05-31" in html


def test_edition_detail_blocked_action_explains_rule_with_article(client, office, edition):
    html = client_for(client, office).get(edition.get_absolute_url()).content.decode()

    assert 'data-action="record_approvals"' in html
    assert 'data-code="approvals_missing"' in html
    assert "不符合第四条：组织开展前须报请市委、市政府同意，并经省委、省政府审批" in html
    assert "disabled" in html
    assert "<summary>登记审批</summary>" in html


def test_edition_detail_read_only_for_supervision(client, supervisor, edition):
    html = client_for(client, supervisor).get(edition.get_absolute_url()).content.decode()

    assert 'data-testid="no-actions"' in html
    assert "<summary>登记审批</summary>" not in html
    assert 'action="/office/editions/' not in html


def test_edition_detail_visible_to_hr_bureau_when_it_may_report(client):
    hr = UserFactory(roles=["hr_bureau"])
    reporting = edition_in(S.RECOMMENDATION_NOTICE)
    earlier = edition_in(S.DELIBERATION)
    client = client_for(client, hr)

    assert client.get(reporting.get_absolute_url()).status_code == 200
    assert client.get(earlier.get_absolute_url()).status_code == 403


def test_post_approval_then_action_moves_edition_and_audits(client, office, edition):
    client = client_for(client, office)
    for kind, authority in [("city", "中共运城市委、运城市人民政府"), ("province", "中共山西省委、山西省人民政府")]:
        response = client.post(reverse("programs:edition_approval", args=[edition.pk]), {
            "kind": kind, "authority": authority, "document_number": f"{kind}〔2026〕1号", "approved_on": "2026-02-01",
        })
        assert response.status_code == 302

    response = client.post(reverse("programs:edition_action", args=[edition.pk, "record_approvals"]),
                           {"record_approvals-reason": "已获批准"})

    edition.refresh_from_db()
    assert response.status_code == 302
    assert edition.stage == S.APPROVED
    assert AuditRecord.objects.filter(action="edition.record_approval").count() == 2
    assert AuditRecord.objects.get(action="edition.record_approvals").reason == "已获批准"


def test_post_blocked_action_rerenders_with_article_and_422(client, office, edition):
    response = client_for(client, office).post(
        reverse("programs:edition_action", args=[edition.pk, "record_approvals"]), {})

    edition.refresh_from_db()
    assert response.status_code == 422
    assert "不符合第四条" in response.content.decode()
    assert edition.stage == S.PREPARING


def test_post_action_by_supervision_forbidden(client, supervisor, edition):
    response = client_for(client, supervisor).post(
        reverse("programs:edition_action", args=[edition.pk, "record_approvals"]), {})

    assert response.status_code == 403


def test_post_call_with_deadline_before_publication_shows_article_14(client, office):
    edition = EditionFactory(stage=S.APPROVED)

    response = client_for(client, office).post(reverse("programs:edition_call", args=[edition.pk]), {
        "title": "申报通知", "text": "正文", "published_on": "2026-03-10", "deadline": "2026-03-01",
    })

    assert response.status_code == 422
    assert "不符合第十四条" in response.content.decode()


def test_post_decide_with_document_records_decision(client, office):
    edition = edition_in(S.REPORTED)

    response = client_for(client, office).post(reverse("programs:edition_action", args=[edition.pk, "decide"]), {
        "decide-decision_document": "运政发〔2026〕30号", "decide-decided_on": dt.date.today().isoformat(),
    })

    edition.refresh_from_db()
    assert response.status_code == 302
    assert (edition.stage, edition.decision_document) == (S.DECIDED, "运政发〔2026〕30号")


def test_create_edition_form_creates_and_redirects(client, office, yuncheng):
    response = client_for(client, office).post(reverse("programs:edition_create"), {
        "program": yuncheng.pk, "number": 1, "year": 2018, "title": "第一届运城市市长质量奖", "is_historical": "on",
        "decision_document": "运政发〔2018〕40号", "decided_on": "2018-12-20",
    })

    edition = yuncheng.editions.get()
    assert response.status_code == 302
    assert response["Location"] == edition.get_absolute_url()
    assert (edition.stage, edition.is_historical) == (S.DECIDED, True)


def test_create_edition_form_within_cycle_shows_article_4(client, office, yuncheng, edition):
    response = client_for(client, office).post(reverse("programs:edition_create"), {
        "program": yuncheng.pk, "number": 3, "year": 2029, "title": "第三届",
    })

    assert response.status_code == 422
    assert "不符合第四条：评选周期为5年，每个周期只开展一届评选" in response.content.decode()


def read_sheet(response):
    sheet = load_workbook(BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_edition_export_opens_with_openpyxl_and_has_the_rows(client, office, edition):
    EditionFactory(program=edition.program, number=1, year=2018, title="第一届运城市市长质量奖", stage=S.DECIDED,
                   is_historical=True)

    response = client_for(client, office).get(reverse("programs:edition_export"))
    rows = read_sheet(response)

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert rows[0][:5] == ["奖项", "届次", "评选年度", "名称", "阶段"]
    assert [row[:5] for row in rows[1:]] == [
        ["运城市市长质量奖", 2, 2026, "第二届运城市市长质量奖", "筹备（制订评选方案和标准）"],
        ["运城市市长质量奖", 1, 2018, "第一届运城市市长质量奖", "已发布表彰决定"],
    ]
    assert rows[2][-1] == "是"


def test_rubric_items_export_has_every_item(client, supervisor):
    rows = read_sheet(client_for(client, supervisor).get(reverse("programs:rubric_items_export",
                                                                 args=["gbt19580-2004"])))

    assert len(rows) == 1 + 22
    assert rows[1][:7] == ["4.1", "领导", 100, "4.1.1", "组织的领导", 60, "过程（方法、展开、学习、整合）"]
    assert sum(row[5] for row in rows[1:]) == 1000


def test_rubric_export_lists_the_shipped_rubrics(client, office):
    rows = read_sheet(client_for(client, office).get(reverse("programs:rubric_export")))

    assert sorted(row[0] for row in rows[1:]) == ["gbt19580-2004", "gbt19580-2012", "individual-2023"]
    assert {row[5] for row in rows[1:]} == {"平衡"}
