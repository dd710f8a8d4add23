import pytest
from django.urls import reverse

from qaward.core.models import AuditRecord
from qaward.programs.models import EditionStage, Rubric
from tests.factories import EditionFactory

pytestmark = pytest.mark.django_db


def detail(code):
    return reverse("programs:rubric_detail", args=[code])


def test_rubric_page_shows_categories_items_bands_and_verify_warning(client, office):
    client.force_login(office)

    html = client.get(detail("gbt19580-2004")).content.decode()

    assert "请对照标准文本核对" in html
    assert 'data-testid="verify-button"' in html
    assert "4.7 经营结果" in html and "4.4.6" in html
    assert html.count("<tr><th scope=\"row\" class=\"text-nowrap\">") == 6
    assert "无系统方法，信息零散；几乎未展开；被动应对问题；各部门各自为政" in html
    assert "各类目合计 1000 / 1000 分" in html


def test_rubric_page_for_supervision_has_no_buttons(client, supervisor):
    client.force_login(supervisor)

    html = client.get(detail("gbt19580-2004")).content.decode()

    assert "请对照标准文本核对" in html
    assert 'data-testid="verify-button"' not in html
    assert "rubric_item_points" not in html and "/points/" not in html


def test_verify_button_marks_verified_and_audits(client, office):
    client.force_login(office)

    response = client.post(reverse("programs:rubric_verify", args=["gbt19580-2004"]))

    assert response.status_code == 302
    assert Rubric.objects.get(code="gbt19580-2004").verified is True
    assert AuditRecord.objects.filter(action="rubric.mark_verified").count() == 1
    assert "请对照标准文本核对" not in client.get(detail("gbt19580-2004")).content.decode()


def test_verify_by_supervision_forbidden(client, supervisor):
    client.force_login(supervisor)

    assert client.post(reverse("programs:rubric_verify", args=["gbt19580-2004"])).status_code == 403
    assert Rubric.objects.get(code="gbt19580-2004").verified is False


def test_item_points_form_changes_points_and_shows_imbalance(client, office):
    client.force_login(office)
    item = Rubric.objects.get(code="gbt19580-2012").categories.get(code="4.1").items.get(code="4.1.2")

    response = client.post(reverse("programs:rubric_item_points", args=[item.pk]),
                           {f"item{item.pk}-points": 40, f"item{item.pk}-reason": "核对"})
    html = client.get(detail("gbt19580-2012")).content.decode()

    item.refresh_from_db()
    assert response.status_code == 302
    assert item.points == 40
    assert 'data-testid="rubric-problems"' in html
    assert "4.1 领导 各条目合计 100 分，类目为 110 分" in html


def test_item_points_form_after_evaluation_started_refused(client, office):
    client.force_login(office)
    rubric = Rubric.objects.get(code="gbt19580-2004")
    EditionFactory(organization_rubric=rubric, stage=EditionStage.EVALUATION)
    item = rubric.categories.get(code="4.2").items.get(code="4.2.1")

    page = client.get(detail(rubric.code)).content.decode()
    response = client.post(reverse("programs:rubric_item_points", args=[item.pk]), {f"item{item.pk}-points": 30})

    item.refresh_from_db()
    assert "本标准已锁定" in page
    assert response.status_code == 409
    assert "评审开始后评分标准锁定" in response.content.decode()
    assert item.points == 40
