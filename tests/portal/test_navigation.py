from django.test import RequestFactory

from qaward.portal.context_processors import navigation
from qaward.portal.navigation import PUBLIC, NavEntry, links_for, resolve_entries, roles
from qaward.portal.todo import TodoItem
from tests.factories import UserFactory


def _labels(links):
    return [link.label for link in links]


def test_anonymous_sees_public_entries_only(db):
    from django.contrib.auth.models import AnonymousUser

    labels = _labels(links_for(AnonymousUser()))

    assert labels[:1] == ["首页"]
    assert "管理办法" in labels
    assert "异议与举报" in labels
    assert "待办事项" not in labels


def test_signed_in_user_sees_work_entries_first(db):
    labels = _labels(links_for(UserFactory()))

    assert labels[:2] == ["待办事项", "我的工作台"]
    assert "审计日志" not in labels


def test_role_entries_follow_role(db):
    assert "审计日志" in _labels(links_for(UserFactory(roles=["supervision"])))
    assert "审计日志" not in _labels(links_for(UserFactory(roles=["applicant"])))


def test_unresolvable_entries_are_skipped(db):
    entries = [NavEntry("不存在", "nowhere:page", PUBLIC), NavEntry("首页", "portal:home", PUBLIC)]

    assert _labels(resolve_entries(entries)) == ["首页"]


def test_active_entry_matches_current_path(db):
    links = resolve_entries([NavEntry("待办", "portal:todo", None, section="work"),
                             NavEntry("首页", "portal:home", roles("office"), section="public")], "/todo/")

    assert [(link.label, link.active) for link in links] == [("待办", True), ("首页", False)]


def test_only_the_deepest_matching_entry_is_active(db):
    links = resolve_entries([NavEntry("公示管理", "notices:manage", roles("office"), section="organise"),
                             NavEntry("公示公告", "notices:public_list", PUBLIC, section="public")],
                            "/notices/manage/1/")

    assert [(link.label, link.active) for link in links] == [("公示管理", True), ("公示公告", False)]


def test_formal_review_entry_is_for_the_office_not_the_third_party(db):
    assert "形式审查" in _labels(links_for(UserFactory(roles=["office"])))
    assert "形式审查" not in _labels(links_for(UserFactory(roles=["third_party"])))
    assert "受理名单" in _labels(links_for(UserFactory(roles=["third_party"])))


def test_context_processor_gives_role_labels_and_todo_count(db, todo_providers):
    user = UserFactory(roles=["office", "supervision"])
    todo_providers(lambda u: [TodoItem("待办一", "/a/", 2), TodoItem("待办二", "/b/", 3)])
    request = RequestFactory().get("/workbench/")
    request.user = user

    context = navigation(request)

    assert context["user_roles"] == ["领导小组办公室", "监督组"]
    assert int(str(context["todo_count"])) == 5
    assert [link.label for link in context["nav_entries"] if link.active] == ["我的工作台"]


def test_page_reached_through_two_roles_is_listed_once(db):
    entries = [NavEntry("审计日志", "core:audit_trail", roles("supervision"), section="oversight"),
               NavEntry("全程监督", "core:audit_trail", roles("office"), section="oversight")]

    assert _labels(resolve_entries(entries)) == ["审计日志"]


def test_user_menu_offers_two_factor_to_staff_only(client, db):
    client.force_login(UserFactory(roles=["expert"]))
    assert 'href="/accounts/two-factor/"' in client.get("/workbench/").content.decode()

    client.force_login(UserFactory(roles=["applicant"]))
    assert 'href="/accounts/two-factor/"' not in client.get("/workbench/").content.decode()
