"""Every API error leaves as an RFC 9457 problem document (application/problem+json).

Domain errors already know their problem (DomainError.as_problem()); the handlers here translate
the framework's own errors (validation, authentication, 404, throttling) into the same shape so a
client only ever parses one kind of error body.
"""

from __future__ import annotations

import json
import logging

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signals import got_request_exception
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from qaward.core.errors import DomainError

PROBLEM_CONTENT_TYPE = "application/problem+json"

logger = logging.getLogger("qaward.api")

# Titles for the statuses the API produces on its own; DomainError brings its own title.
TITLES = {
    400: "请求无效",
    401: "未登录或令牌无效",
    403: "没有权限",
    404: "对象不存在",
    405: "不支持的请求方法",
    409: "状态冲突",
    422: "请求数据格式不正确",
    429: "请求过于频繁",
    500: "服务器内部错误",
}
CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "validation_error",
    429: "throttled",
    500: "server_error",
}


def problem(status: int, detail: str, *, code: str | None = None, title: str | None = None,
            **extra) -> dict:
    code = code or CODES.get(status, "error")
    body = {"type": f"urn:qaward:problem:{code}", "title": title or TITLES.get(status, detail),
            "status": status, "detail": detail, "code": code}
    body.update(extra)
    return body


def problem_response(body: dict, *, headers: dict | None = None) -> HttpResponse:
    content = json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False)
    response = HttpResponse(content, status=body["status"], content_type=PROBLEM_CONTENT_TYPE,
                            headers=headers)
    return response


def _domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return problem_response(exc.as_problem())


def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {"loc": list(err.get("loc", ())), "msg": err.get("msg", ""), "type": err.get("type", "")}
        for err in exc.errors
    ]
    return problem_response(problem(422, "请求数据格式不正确", errors=errors))


def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    body = problem(401, "请先登录，或在 Authorization 头中提供有效的接口令牌（Bearer）。")
    return problem_response(body, headers={"WWW-Authenticate": 'Bearer realm="api"'})


def _permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    detail = str(exc) if str(exc) else "您没有执行此操作的权限。"
    return problem_response(problem(403, detail))


def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem_response(problem(404, "请求的对象不存在。"))


def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    headers = {"Retry-After": str(exc.wait)} if exc.wait else None
    return problem_response(problem(429, "请求过于频繁，请稍后再试。"), headers=headers)


def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # ninja raises a plain HttpError, in English, when it cannot parse the request body.
    if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
        return problem_response(problem(400, "请求体无法解析，请提交有效的 JSON。", code="malformed_body"))
    return problem_response(problem(exc.status_code, str(exc)))


def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    # Keep Django's behaviour for unexpected errors (log, signal, test client re-raise) but answer
    # in the API's error format instead of an HTML page.
    logger.error("Internal Server Error: %s", request.path, exc_info=exc)
    got_request_exception.send(sender=None, request=request)
    return problem_response(problem(500, "服务器内部错误，请稍后再试或联系管理员。"))


def install_problem_handlers(api: NinjaAPI) -> None:
    # Lookup walks the exception's MRO, so the most specific registered class wins.
    api.add_exception_handler(Exception, _server_error)
    api.add_exception_handler(DomainError, _domain_error)
    api.add_exception_handler(ValidationError, _validation_error)
    api.add_exception_handler(HttpError, _http_error)
    api.add_exception_handler(AuthenticationError, _unauthenticated)
    api.add_exception_handler(PermissionDenied, _permission_denied)
    api.add_exception_handler(Throttled, _throttled)
    api.add_exception_handler(Http404, _not_found)
    api.add_exception_handler(ObjectDoesNotExist, _not_found)
