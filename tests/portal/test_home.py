import datetime as dt

from django.utils import timezone

from qaward.notices.models import PublicNotice
from tests.factories import UserFactory


def test_home_renders_for_anonymous_in_chinese(client, yuncheng, open_edition):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-hans">' in html
    assert "运城市市长质量奖评选管理系统" in html
    assert '<h1 id="hero-title">运城市市长质量奖</h1>' in html
    assert "《运城市市长质量奖管理办法》" in html
    assert "<dd>运政发〔2023〕14号</dd>" in html
    assert "<dd>2023年6月9日</dd>" in html
    assert "<dd>2028年6月8日</dd>" in html
    assert "运城市市长质量奖第三届" in html
    assert '<span class="stage-pill">申报中</span>' in html
    assert "2026年5月31日" in html
    assert "主办：运城市标准化和质量强市领导小组办公室" in html
    assert "本系统不收取任何费用（第十条）" in html


def test_home_shows_empty_notice_state_without_running_notices(client, yuncheng, open_edition):
    response = client.get("/")

    assert "暂无正在公示的名单" in response.content.decode()


def test_home_lists_running_notice(client, yuncheng, open_edition):
    today = timezone.localdate()
    PublicNotice.objects.create(
        edition=open_edition, kind="acceptance", title="第三届运城市市长质量奖受理名单公示",
        start=today - dt.timedelta(days=1), workdays=5, end=today + dt.timedelta(days=6),
        published_by=UserFactory(roles=["office"]),
    )

    html = client.get("/").content.decode()

    assert "第三届运城市市长质量奖受理名单公示" in html
    assert "暂无正在公示的名单" not in html


def test_home_without_edition_says_not_started(client, yuncheng):
    html = client.get("/").content.decode()

    assert "本届评选尚未启动，申报通知发布后将在此公布。" in html
    assert "评选进程" not in html


def test_home_marks_current_stage_in_progress(client, open_edition):
    html = client.get("/").content.decode()

    assert '<li class="stage-step is-current" aria-current="step">\n          申报中' in html
    assert html.count("stage-step is-done") == 2


def test_home_links_rules_and_report_guide(client, yuncheng):
    html = client.get("/").content.decode()

    assert 'href="/rules/"' in html
    assert 'href="/how-to-report/"' in html
    assert 'href="/rules/#article-10"' in html


def test_home_offers_login_to_anonymous_and_public_navigation(client, yuncheng):
    html = client.get("/").content.decode()

    assert 'href="/accounts/login/"' in html
    assert 'aria-label="公开信息导航"' in html
    assert "待办事项" not in html


def test_home_sets_htmx_csrf_header(client, yuncheng):
    response = client.get("/")

    token = response.cookies["csrftoken"].value
    assert token
    assert 'hx-headers=\'{"X-CSRFToken": "' in response.content.decode()
