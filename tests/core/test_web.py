import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory

from qaward.core import rulebook
from qaward.core.errors import InvalidTransition, NotPermitted, RuleViolation
from qaward.core.web import domain_errors


@pytest.fixture
def request_with_messages():
    request = RequestFactory().post("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def test_domain_errors_turns_rule_violation_into_message_and_422(request_with_messages):
    result = rulebook.check(rulebook.ORG_TOO_YOUNG, False, "设立于2024年3月1日")

    with domain_errors(request_with_messages) as outcome:
        raise RuleViolation([result])

    assert outcome.failed
    assert outcome.status == 422
    assert [str(m) for m in get_messages(request_with_messages)] == [
        "不符合第十一条第（一）项：在本市依法设立并正常开展活动须满3年（设立于2024年3月1日）"
    ]


@pytest.mark.parametrize(("error", "status"), [(NotPermitted(), 403), (InvalidTransition("当前阶段不能执行此操作"), 409)])
def test_domain_errors_keeps_forbidden_and_conflict_statuses(request_with_messages, error, status):
    with domain_errors(request_with_messages) as outcome:
        raise error

    assert outcome.status == status
    assert outcome.detail == error.detail


def test_domain_errors_passes_when_nothing_raised(request_with_messages):
    with domain_errors(request_with_messages) as outcome:
        pass

    assert (outcome.ok, outcome.failed, outcome.status) == (True, False, 200)
    assert list(get_messages(request_with_messages)) == []


def test_domain_errors_attaches_to_form_when_given(request_with_messages):
    form = forms.Form(data={})
    form.is_valid()

    with domain_errors(request_with_messages, form=form):
        raise NotPermitted("只有领导小组办公室可以发布申报通知。")

    assert form.non_field_errors() == ["只有领导小组办公室可以发布申报通知。"]
    assert list(get_messages(request_with_messages)) == []


def test_domain_errors_does_not_swallow_other_exceptions(request_with_messages):
    with pytest.raises(ZeroDivisionError), domain_errors(request_with_messages):
        1 / 0  # noqa: B018
