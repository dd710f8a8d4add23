from qaward.programs.models import RuleDocument


def test_rules_page_renders_measures_with_bold_article_headings(client, yuncheng):
    response = client.get("/rules/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>《运城市市长质量奖管理办法》</h1>" in html
    assert '<h3 class="rules-chapter" id="chapter-3">第三章　申报条件</h3>' in html
    assert '<div class="rules-article" id="article-10">' in html
    assert ('<p><strong class="rules-article-label">第十条</strong>运城市市长质量奖评选不向申报单位和个人收取任何费用。'
            in html)
    assert "<p>（六）近3年内无重大质量、安全、环保等事故。</p>" in html
    assert html.count('class="rules-article"') == 35


def test_rules_page_shows_validity(client, yuncheng):
    html = client.get("/rules/").content.decode()

    assert "2023年6月9日起施行，有效期至2028年6月8日" in html


def test_rules_page_without_text_shows_empty_state(client, yuncheng):
    RuleDocument.objects.update(full_text="")

    html = client.get("/rules/").content.decode()

    assert "管理办法全文尚未录入" in html


def test_report_guide_cites_article_28(client, db):
    html = client.get("/how-to-report/").content.decode()

    assert "<h1>如何提出异议和举报</h1>" in html
    assert 'href="/rules/#article-28"' in html
    assert "提倡实名举报；匿名提交同样受理。" in html


def test_report_guide_links_notices_and_tracking(client, db):
    html = client.get("/how-to-report/").content.decode()

    assert 'href="/notices/"' in html
    assert 'href="/notices/track/"' in html
