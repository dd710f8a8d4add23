"""The problem+json handlers, on a small API of their own so every error kind can be raised."""

import logging

import pytest
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Router, Schema
from ninja.errors import Throttled
from ninja.testing import TestClient

from qaward.accounts.models import User
from qaward.api.errors import install_problem_handlers
from qaward.core import rulebook
from qaward.core.errors import DomainError, InvalidTransition, NotPermitted, RuleViolation

PROBLEM_JSON = "application/problem+json"

router = Router()


class Payload(Schema):
    count: int


@router.post("/rule")
def rule(request):
    raise RuleViolation([rulebook.check(rulebook.APPROVALS_MISSING, False, "缺少省委、省政府审批")])


@router.post("/rules")
def rules(request):
    raise RuleViolation([
        rulebook.check(rulebook.APPROVALS_MISSING, False),
        rulebook.check(rulebook.PLAN_MISSING, True),
        rulebook.check(rulebook.QUOTA_EXCEEDED, False, "组织获奖5个"),
    ])


@router.post("/transition")
def transition(request):
    raise InvalidTransition("当前阶段不能执行该操作。", code="invalid_transition")


@router.post("/not-permitted")
def not_permitted(request):
    raise NotPermitted()


@router.post("/domain")
def domain(request):
    raise DomainError("日期超出范围。", code="date_out_of_range")


@router.get("/permission-denied")
def permission_denied(request):
    raise PermissionDenied


@router.get("/missing")
def missing(request):
    return get_object_or_404(User, pk=-1).username


@router.get("/does-not-exist")
def does_not_exist(request):
    return User.objects.get(pk=-1).username


@router.get("/throttled")
def throttled(request):
    raise Throttled(wait=30)


@router.post("/validated")
def validated(request, payload: Payload):
    return payload.count


@router.get("/crash")
def crash(request):
    raise RuntimeError("boom")


problem_api = NinjaAPI(urls_namespace="problem-tests")
install_problem_handlers(problem_api)
problem_api.add_router("", router)
client = TestClient(problem_api)


def test_rule_violation_is_422_problem_with_code_and_article():
    response = client.post("/rule")

    assert response.status_code == 422
    assert response["Content-Type"] == PROBLEM_JSON
    assert response.json() == {
        "type": "urn:qaward:problem:approvals_missing",
        "title": "不符合第四条：组织开展前须报请市委、市政府同意，并经省委、省政府审批",
        "status": 422,
        "detail": "不符合第四条：组织开展前须报请市委、市政府同意，并经省委、省政府审批（缺少省委、省政府审批）",
        "code": "approvals_missing",
        "article": "4",
    }


def test_several_rule_violations_list_each_failed_rule():
    body = client.post("/rules").json()

    assert body["code"] == "approvals_missing"
    assert [v["code"] for v in body["violations"]] == ["approvals_missing", "quota_exceeded"]
    assert body["violations"][1]["article"] == "4"
    assert body["violations"][1]["detail"] == "组织获奖5个"


def test_invalid_transition_is_409_problem():
    response = client.post("/transition")

    assert response.status_code == 409
    assert response["Content-Type"] == PROBLEM_JSON
    assert response.json()["code"] == "invalid_transition"
    assert "article" not in response.json()


def test_not_permitted_is_403_problem():
    response = client.post("/not-permitted")

    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert response.json()["detail"] == "您没有执行此操作的权限。"


def test_plain_domain_error_is_400_problem():
    response = client.post("/domain")

    assert response.status_code == 400
    assert response.json() == {"type": "urn:qaward:problem:date_out_of_range", "title": "日期超出范围。",
                               "status": 400, "detail": "日期超出范围。", "code": "date_out_of_range"}


def test_django_permission_denied_is_403_problem():
    response = client.get("/permission-denied")

    assert response.status_code == 403
    assert response["Content-Type"] == PROBLEM_JSON
    assert response.json()["code"] == "forbidden"
    assert response.json()["title"] == "没有权限"


@pytest.mark.django_db
def test_http404_is_404_problem():
    response = client.get("/missing")

    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM_JSON
    assert response.json() == {"type": "urn:qaward:problem:not_found", "title": "对象不存在", "status": 404,
                               "detail": "请求的对象不存在。", "code": "not_found"}


@pytest.mark.django_db
def test_object_does_not_exist_is_404_problem():
    response = client.get("/does-not-exist")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_throttled_is_429_problem_with_retry_after():
    response = client.get("/throttled")

    assert response.status_code == 429
    assert response["Content-Type"] == PROBLEM_JSON
    assert response["Retry-After"] == "30"
    assert response.json()["code"] == "throttled"


def test_validation_error_is_422_problem_with_errors():
    response = client.post("/validated", json={"count": "many"})

    assert response.status_code == 422
    assert response["Content-Type"] == PROBLEM_JSON
    body = response.json()
    assert body["code"] == "validation_error"
    assert body["title"] == "请求数据格式不正确"
    assert body["detail"] == "请求数据格式不正确"
    assert body["errors"] == [{
        "loc": ["body", "payload", "count"],
        "msg": "Input should be a valid integer, unable to parse string as an integer",
        "type": "int_parsing",
    }]


def test_unexpected_error_is_500_problem_and_logged(caplog):
    with caplog.at_level(logging.ERROR, logger="qaward.api"):
        response = client.get("/crash")

    assert response.status_code == 500
    assert response["Content-Type"] == PROBLEM_JSON
    assert response.json()["code"] == "server_error"
    assert "boom" not in response.content.decode()
    assert caplog.records[0].exc_info[1].args == ("boom",)
