"""The to-do list (待办): each domain app contributes what waits for a user.

An app declares a provider in its own ``todo.py`` module; providers are discovered at start-up
(PortalConfig.ready) and each returns TodoItems for one user. Providers must be cheap: one or two
aggregate queries, never a query per row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class TodoItem:
    title: str  # what waits, in the user's words: 「待审核的申报材料」
    url: str
    count: int = 1
    category: str = ""  # the role or area it belongs to, shown as a badge
    urgent: bool = False  # e.g. a notice or deadline ends within two working days
    detail: str = ""


Provider = Callable[[object], list[TodoItem]]
_PROVIDERS: list[Provider] = []


def todo_provider(fn: Provider) -> Provider:
    _PROVIDERS.append(fn)
    return fn


def todos_for(user) -> list[TodoItem]:
    if not user.is_authenticated:
        return []
    items = [item for provider in _PROVIDERS for item in provider(user) if item.count > 0]
    return sorted(items, key=lambda item: (not item.urgent, item.category, item.title))


def discover() -> None:
    autodiscover_modules("todo")
