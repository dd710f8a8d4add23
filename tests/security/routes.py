"""Every URL pattern of the project, as the permission matrix addresses it.

A route is keyed by its full pattern (``applications/<int:pk>/``); an API operation, which shares
its path with the other methods of that path, by method and pattern (``GET api/v1/me``). The keys
are what the matrix table is written in, so a reviewer reads the same strings as ``urls.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from ninja.operation import PathView

# Covered elsewhere (tests/core/test_admin.py) or not application pages at all.
SKIPPED_PREFIXES = ("admin/", "i18n/", "static/", "media/", "__debug__/")
PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass(frozen=True)
class Route:
    key: str
    pattern: str  # the full route, as in urls.py, without the leading slash
    name: str  # namespaced URL name
    method: str  # the API operation's method; "" for a Django view, which answers GET and/or POST

    @property
    def is_api(self) -> bool:
        return self.pattern.startswith("api/")

    @property
    def parameters(self) -> list[str]:
        return [m["name"] for m in PARAMETER.finditer(self.pattern)]

    def url(self, kwargs: dict) -> str:
        missing = set(self.parameters) - set(kwargs)
        if missing:
            raise KeyError(f"{self.key}: no value for {sorted(missing)}")
        return "/" + PARAMETER.sub(lambda m: str(kwargs[m["name"]]), self.pattern)


def _walk(patterns, prefix: str = "", namespace: str = ""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace or ""]))
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name or ""
            yield prefix + str(entry.pattern), name, entry.callback


def _ninja_method(callback, name: str) -> str:
    """The method of the ninja operation a URL pattern stands for (ninja emits one pattern per operation)."""
    path_view = next((cell.cell_contents for cell in getattr(callback, "__closure__", None) or ()
                      if isinstance(cell.cell_contents, PathView)), None)
    if path_view is None:  # the API root, the OpenAPI document and the docs page
        return "GET"
    short = name.split(":")[-1]
    for operation in path_view.operations:
        if (getattr(operation, "url_name", None) or operation.view_func.__name__) == short:
            (method,) = operation.methods
            return method
    raise LookupError(f"no ninja operation named {name}")


def project_routes() -> list[Route]:
    routes = []
    for pattern, name, callback in _walk(get_resolver().url_patterns):
        if pattern.startswith(SKIPPED_PREFIXES):
            continue
        if pattern.startswith("api/"):
            method = _ninja_method(callback, name)
            routes.append(Route(f"{method} {pattern}", pattern, name, method))
        else:
            routes.append(Route(pattern, pattern, name, ""))
    keys = [r.key for r in routes]
    duplicates = {k for k in keys if keys.count(k) > 1}
    assert not duplicates, f"two URL patterns share a key: {sorted(duplicates)}"
    return routes
