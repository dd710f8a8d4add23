"""What the cases share: raw SQL for the floors, a freshly loaded user per run, table names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.db import connection
from django.utils import timezone


def table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def fetch(sql: str, params: Sequence = ()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def placeholders(values: Iterable) -> str:
    return ", ".join(["%s"] * len(list(values)))


def aware(value: dt.datetime | None) -> dt.datetime | None:
    """A datetime from a raw cursor: SQLite gives naive UTC, PostgreSQL an aware one."""
    if value is None or timezone.is_aware(value):
        return value
    return value.replace(tzinfo=dt.UTC)


def fresh_user(pk: int):
    """The user as the authentication middleware hands it to a view: no cached roles."""
    from qaward.accounts.models import User

    return lambda: User.objects.get(pk=pk)
