"""What every page's shell needs: the menu for the user's roles, their role labels, the to-do count."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.functional import SimpleLazyObject

from qaward.accounts.enums import STAFF_ROLES, Role

from .navigation import grouped, links_for
from .todo import todos_for


def role_labels(user) -> list[str]:
    if not user.is_authenticated:
        return []
    held = user.role_codes()
    return [str(role.label) for role in Role if role.value in held]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None:  # a response rendered before AuthenticationMiddleware ran
        return {}
    # Password given, code still owed: the shell looks as it does to a visitor until the code is in.
    signed_in = user.is_authenticated and not getattr(request, "needs_second_step", False)
    links = links_for(user if signed_in else AnonymousUser(), request.path)
    return {
        "shell_signed_in": signed_in,
        "nav_entries": links,
        "nav_sections": grouped(links),
        "user_roles": role_labels(user),
        "offers_two_factor": user.is_authenticated and bool(user.role_codes() & STAFF_ROLES),
        # Providers run only when a template shows the count, and once per request.
        "todo_count": SimpleLazyObject(lambda: sum(item.count for item in todos_for(user))),
    }
