from qaward.applications.workflow import APPLICATION_MACHINE  # noqa: F401  (registers the machine)
from qaward.core.audit_labels import action_label
from qaward.programs.workflow import EDITION_MACHINE  # noqa: F401


def test_static_action_has_chinese_label():
    assert action_label("application.attachment_add") == "上传附件"
    assert action_label("login") == "登录"


def test_workflow_action_takes_transition_label():
    assert action_label("application.submit") == "提交申报"
    assert action_label("edition.close_applications") == "截止申报，开始形式审查"


def test_admin_action_names_the_verb():
    assert action_label("admin.programs.rubricitem.change") == "后台修改"


def test_unknown_action_shows_its_code():
    assert action_label("something.new") == "something.new"


def test_audit_page_shows_label_and_code(client, db):
    from qaward.core import audit
    from tests.factories import UserFactory

    user = UserFactory(roles=["supervision"])
    audit.record("application.attachment_add", actor=user)
    client.force_login(user)

    html = client.get("/supervision/audit/").content.decode()

    assert '<td>上传附件<div class="small text-body-secondary font-monospace">application.attachment_add</div></td>' in html


def test_template_filter_gives_the_label():
    from django.template import Context, Template

    html = Template("{% load audit_tags %}{{ code|action_label }}").render(Context({"code": "notice.withdraw"}))

    assert html == "撤回公示"
