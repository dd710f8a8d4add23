"""A scratch database for the benchmarks, and Django configured on it.

The default is a temporary SQLite file. A PostgreSQL URL names a database the bench creates (it
refuses one that already exists, unless reusing a world kept by ``--keep``) and drops at the end.
Nothing here ever opens the project's own db.sqlite3.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_DATABASE = ROOT / "db.sqlite3"
SETTINGS = "config.settings.dev"


class BenchSetupError(RuntimeError):
    pass


def _parse(url: str) -> dict:
    import dj_database_url

    return dj_database_url.parse(url)


def is_postgres(url: str) -> bool:
    return "postgresql" in _parse(url)["ENGINE"]


def _refuse_project_database(url: str) -> None:
    config = _parse(url)
    if "sqlite" in config["ENGINE"] and Path(str(config["NAME"])).resolve() == PROJECT_DATABASE.resolve():
        raise BenchSetupError(f"refusing to benchmark on the project database {PROJECT_DATABASE}")


def _admin_connection(url: str):
    """A connection to the server's maintenance database, for CREATE/DROP DATABASE."""
    import psycopg

    config = _parse(url)
    return psycopg.connect(
        dbname="postgres", user=config.get("USER") or None, password=config.get("PASSWORD") or None,
        host=config.get("HOST") or None, port=config.get("PORT") or None, autocommit=True,
    )


def _create_postgres(url: str) -> None:
    from psycopg import sql

    name = _parse(url)["NAME"]
    with _admin_connection(url) as admin:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            raise BenchSetupError(
                f"database {name!r} already exists; give a new name (the bench creates and drops its own), "
                "or pass --reuse to benchmark a world kept earlier with --keep"
            )
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _drop_postgres(url: str) -> None:
    from psycopg import sql

    name = _parse(url)["NAME"]
    with _admin_connection(url) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def configure(url: str) -> None:
    """Point Django at ``url`` and set it up. Must run before any model is imported."""
    _refuse_project_database(url)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    os.environ["DATABASE_URL"] = url
    # DEBUG makes every cursor record its SQL; the timings must not pay for that.
    os.environ["DEBUG"] = "0"
    import django

    django.setup()


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def analyze() -> None:
    """Give PostgreSQL its planner statistics now, as autovacuum would soon after a bulk load.

    Left to itself, autovacuum works through the fresh tables while the first cases run and
    slows them by several milliseconds a query. SQLite keeps no statistics unless told, and a
    production SQLite database is never told, so it is left as it is.
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


@contextlib.contextmanager
def scratch_database(url: str | None = None, *, keep: bool = False, reuse: bool = False) -> Iterator[str]:
    """Yield the URL of a migrated scratch database with Django set up on it."""
    tmpdir = None
    if url is None:
        tmpdir = tempfile.mkdtemp(prefix="qaward-bench-")
        url = f"sqlite:///{tmpdir}/bench.sqlite3"
    _refuse_project_database(url)
    postgres = is_postgres(url)
    if postgres and not reuse:
        _create_postgres(url)
    try:
        configure(url)
        migrate()
        yield url
    finally:
        from django.db import connections

        connections.close_all()
        if not keep and not reuse:
            if postgres:
                _drop_postgres(url)
            elif tmpdir:
                shutil.rmtree(tmpdir, ignore_errors=True)
