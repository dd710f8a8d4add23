from qaward.portal.todo import TodoItem
from tests.factories import UserFactory


def test_todo_requires_login(client, db):
    response = client.get("/todo/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/todo/"


def test_todo_lists_items_from_registered_provider(client, todo_providers):
    user = UserFactory(roles=["county_msa"])

    @todo_providers
    def pending_reviews(u):
        if not u.has_role("county_msa"):
            return []
        return [
            TodoItem("待审核的申报材料", "/applications/inbox/", count=3, category="县级市场监管部门"),
            TodoItem("即将截止的审核", "/applications/inbox/?due=soon", count=1, category="县级市场监管部门",
                     urgent=True, detail="2 个工作日内截止"),
            TodoItem("已处理", "/x/", count=0, category="县级市场监管部门"),
        ]

    client.force_login(user)
    response = client.get("/todo/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h2 class="todo-group-title" id="todo-group-1">县级市场监管部门</h2>' in html
    assert "待审核的申报材料" in html
    assert 'href="/applications/inbox/"' in html
    assert '<a class="list-group-item todo-item is-urgent" href="/applications/inbox/?due=soon">' in html
    assert "2 个工作日内截止" in html
    assert "已处理" not in html  # zero counts are dropped
    assert '<div class="todo-stat"><strong>4</strong>项待办</div>' in html
    assert '<div class="todo-stat is-urgent"><strong>1</strong>项紧急</div>' in html
    # urgent first
    assert html.index("即将截止的审核") < html.index("待审核的申报材料")


def test_todo_count_shows_in_header_badge(client, todo_providers):
    user = UserFactory(roles=["office"])
    todo_providers(lambda u: [TodoItem("待形式审查", "/office/", count=7, category="领导小组办公室")])
    client.force_login(user)

    html = client.get("/workbench/").content.decode()

    assert '<span class="header-badge" aria-hidden="true">7</span>' in html
    assert 'aria-label="待办事项：7 项"' in html


def test_todo_empty_state(client, db):
    client.force_login(UserFactory(roles=["expert"]))

    html = client.get("/todo/").content.decode()

    assert "暂无待办事项" in html
    assert "所有事项均已处理完毕。有新的任务时，会显示在这里。" in html
