import sys

import pytest

from qaward.api.root import ROUTERS, _import_router, api

pytestmark = pytest.mark.django_db


def test_openapi_document_is_served_with_the_api_paths(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "运城市市长质量奖评选管理系统 API"
    assert schema["info"]["version"] == "1"
    assert {"/api/v1/auth/token", "/api/v1/me"} <= set(schema["paths"])
    assert set(schema["paths"]["/api/v1/auth/token"]) == {"post", "delete"}


def test_openapi_document_needs_no_authentication(client):
    assert client.get("/api/v1/openapi.json").status_code == 200


def test_openapi_declares_bearer_and_session_security(client):
    schemes = client.get("/api/v1/openapi.json").json()["components"]["securitySchemes"]

    assert schemes["BearerTokenAuth"] == {"type": "http", "scheme": "bearer"}
    assert schemes["SessionCsrfAuth"]["in"] == "cookie"


def test_openapi_errors_are_documented_as_problem_json(client):
    schema = client.get("/api/v1/openapi.json").json()
    me = schema["paths"]["/api/v1/me"]["get"]["responses"]

    assert me["401"]["content"] == {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    assert "application/problem+json" in me["default"]["content"]
    assert {"type", "title", "status", "detail", "code"} <= set(schema["components"]["schemas"]["Problem"]["required"])


def test_token_login_is_public_in_openapi(client):
    schema = client.get("/api/v1/openapi.json").json()

    assert "security" not in schema["paths"]["/api/v1/auth/token"]["post"]
    assert schema["paths"]["/api/v1/me"]["get"]["security"] == [{"BearerTokenAuth": []}, {"SessionCsrfAuth": []}]


def test_docs_page_serves_swagger_from_local_static_files(client):
    response = client.get("/api/v1/docs")

    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "/static/ninja/swagger-ui.css" in html
    assert "cdn" not in html.lower()
    assert "https://" not in html
    assert '"validatorUrl": null' in html


def test_every_existing_router_module_is_mounted():
    mounted = {router for _, router in api._routers}

    for _, module_path in ROUTERS:
        router = _import_router(module_path)
        if router is not None:
            assert router in mounted


def test_router_of_missing_module_is_skipped():
    assert _import_router("qaward.not_yet_written.api") is None
    assert _import_router("qaward.programs.api.not_yet_written") is None


def test_router_module_with_broken_import_raises(tmp_path, monkeypatch):
    package = tmp_path / "brokenapp"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "api.py").write_text("import brokenapp_missing_dependency  # noqa\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "brokenapp", raising=False)

    with pytest.raises(ModuleNotFoundError, match="brokenapp_missing_dependency"):
        _import_router("brokenapp.api")
