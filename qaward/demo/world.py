"""What builders share while the demo world is built, and how demo accounts are recognised later.

A demo account is a user whose e-mail address is in DEMO_EMAIL_DOMAIN (".example" is reserved by
RFC 2606, so no real mailbox can be hit). That marker lets `load_demo --list-accounts` and
`--if-empty` work on an already loaded database without rebuilding anything, and keeps the
passwords out of the database: each is derived from the username by demo_password().
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db.models import Prefetch

from qaward.accounts.models import Division, Organization, RoleGrant, User

DEMO_EMAIL_DOMAIN = "demo.yuncheng.example"
DEMO_PASSWORD_PREFIX = "Demo-2026!"


def demo_password(username: str) -> str:
    return f"{DEMO_PASSWORD_PREFIX}{username}"


def demo_users():
    return User.objects.filter(email__endswith=f"@{DEMO_EMAIL_DOMAIN}")


def demo_loaded() -> bool:
    return demo_users().exists()


def list_accounts() -> list[dict]:
    """Every demo account as {"username","password","roles","organization"}, in creation order."""
    grants = RoleGrant.objects.filter(is_active=True).select_related("organization").order_by("pk")
    accounts = []
    for user in demo_users().order_by("pk").prefetch_related(Prefetch("role_grants", queryset=grants)):
        user_grants = list(user.role_grants.all())
        accounts.append({
            "username": user.username,
            "password": demo_password(user.username),
            "roles": list(dict.fromkeys(g.role for g in user_grants)),
            "organization": user_grants[0].organization.name if user_grants else "",
        })
    return accounts


@dataclass
class DemoWorld:
    """State passed from one builder to the next; builders add to it and read what earlier ones made."""

    log: Callable[[str], object] = print
    users: dict[str, User] = field(default_factory=dict)
    objects: dict[str, object] = field(default_factory=dict)

    def division(self, code: str) -> Division:
        return Division.objects.get(code=code)

    def organization(self, name: str) -> Organization:
        return Organization.objects.get(name=name)

    def add_user(self, username: str, display_name: str, grants: list[tuple[str, Organization]]) -> User:
        """Create one demo account holding `grants` (role, organisation)."""
        user = User.objects.create(
            username=username,
            display_name=display_name,
            email=f"{username}@{DEMO_EMAIL_DOMAIN}",
            password=make_password(demo_password(username)),
        )
        RoleGrant.objects.bulk_create(
            RoleGrant(user=user, role=role, organization=organization) for role, organization in grants
        )
        self.users[username] = user
        return user

    def user(self, username: str) -> User:
        return self.users[username]
