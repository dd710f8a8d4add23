"""The API's root: /api/v1/, its OpenAPI document and the routers of every app.

To mount an app's router, add one line to ROUTERS: ("/prefix", "dotted.module.path"); the module
must define `router = Router(tags=[...])`. A module that does not exist (yet) is skipped, so apps
can be developed in parallel; any other import error is raised.
"""

from __future__ import annotations

import importlib
import logging

from django.conf import settings
from ninja import NinjaAPI, Router
from ninja.openapi.docs import Swagger

from .auth import api_auth
from .errors import PROBLEM_CONTENT_TYPE, install_problem_handlers
from .schemas import Problem

logger = logging.getLogger(__name__)

ROUTERS: list[tuple[str, str]] = [
    ("", "qaward.api.accounts"),
    ("/calendar", "qaward.programs.api.calendar"),
    ("", "qaward.programs.api.editions"),
    ("", "qaward.applications.api"),
    ("", "qaward.applicants.api"),
    ("", "qaward.notices.api"),
]

HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


class QawardAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI document declares the problem+json error bodies it really sends."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema.setdefault("components", {})
        components.setdefault("schemas", {}).setdefault(
            "Problem", Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        )
        problem_content = {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
        for path_item in schema.get("paths", {}).values():
            for method, operation in path_item.items():
                if method not in HTTP_METHODS:
                    continue
                responses = operation.setdefault("responses", {})
                for status, response in responses.items():
                    if str(status).isdigit() and int(status) >= 400:
                        response["content"] = problem_content
                responses.setdefault("default", {"description": "错误（RFC 9457 problem+json）",
                                                 "content": problem_content})
        return schema


def _import_router(module_path: str) -> Router | None:
    try:
        module = importlib.import_module(module_path)
    except ModuleNotFoundError as exc:
        missing = exc.name or ""
        # Only the module itself (or its not-yet-created package) may be missing; a broken import
        # inside an existing module must fail loudly.
        if module_path == missing or module_path.startswith(missing + "."):
            logger.info("API router %s not mounted: module does not exist", module_path)
            return None
        raise
    return module.router


def build_api() -> NinjaAPI:
    # ninja renders its bundled (local) Swagger UI only when the "ninja" app is installed; without
    # it the docs page would load Swagger from a CDN, which this project never does.
    local_docs = "ninja" in settings.INSTALLED_APPS
    new_api = QawardAPI(
        title="运城市市长质量奖评选管理系统 API",
        version="1",
        description=(
            "认证：浏览器会话（非安全方法须带 CSRF 令牌），或 `Authorization: Bearer <token>`"
            "（令牌由 `POST /api/v1/auth/token` 取得）。错误均为 RFC 9457 `application/problem+json`，"
            "规则违反时带 `code` 与 `article`。"
        ),
        urls_namespace="api",
        auth=api_auth,
        docs=Swagger(settings={"validatorUrl": None, "persistAuthorization": False}),
        docs_url="/docs" if local_docs else None,
    )
    install_problem_handlers(new_api)
    for prefix, module_path in ROUTERS:
        router = _import_router(module_path)
        if router is not None:
            new_api.add_router(prefix, router)
    return new_api


api = build_api()
