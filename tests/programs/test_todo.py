import pytest

from qaward.portal.todo import todos_for
from qaward.programs.models import EditionStage
from qaward.programs.todo import edition_actions
from tests.factories import EditionFactory, UserFactory

from .conftest import edition_in

pytestmark = pytest.mark.django_db
S = EditionStage


def test_office_todo_lists_edition_whose_next_action_is_ready(office):
    ready = edition_in(S.FORMAL_REVIEW, title="第二届")
    EditionFactory(title="第三届")  # preparing without approvals: record_approvals is blocked

    items = edition_actions(office)

    assert [(i.title, i.url) for i in items] == [("第二届：公示受理名单", ready.get_absolute_url())]
    assert items[0].detail == "当前阶段：形式审查"


def test_todo_skips_decided_and_historical_editions(office):
    edition_in(S.DECIDED)
    EditionFactory(stage=S.DECIDED, is_historical=True)

    assert edition_actions(office) == []


def test_hr_bureau_todo_has_the_report(office):
    edition_in(S.RECOMMENDATION_NOTICE, title="第二届")

    assert [i.title for i in edition_actions(UserFactory(roles=["hr_bureau"]))] == ["第二届：联合上报市政府"]


def test_supervision_has_no_edition_todo(supervisor):
    edition_in(S.FORMAL_REVIEW)

    assert edition_actions(supervisor) == []


def test_provider_is_registered_with_the_portal(office):
    edition_in(S.FORMAL_REVIEW, title="第二届")

    assert "第二届：公示受理名单" in [i.title for i in todos_for(office)]
