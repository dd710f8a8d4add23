"""Two application servers on one database share everything a user can notice (DESIGN.md §8).

Two real server processes (tests/scaleout/instance.py) run the ordinary settings against one
database made for this test — a new PostgreSQL database when DATABASE_URL names PostgreSQL, else a
SQLite file — and one MEDIA_ROOT. A client that signs in on A is signed in on B, limits counted on A
hold on B, and a file uploaded through A downloads through B. Only 127.0.0.1; every wait is bounded.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import secrets
import select
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import pytest

from tests.factories import DEFAULT_PASSWORD

from .instance import LOCKED_USERNAME, OFFICE_NAME, OFFICE_USERNAME

ROOT = Path(__file__).resolve().parents[2]
REQUEST_TIMEOUT = 15
PREPARE_TIMEOUT = 90
START_TIMEOUT = 30
OBJECTIONS_PER_HOUR = 20  # qaward/notices/throttle.py
AXES_FAILURE_LIMIT = 5  # config/settings/base.py
PDF = b"%PDF-1.4\n% scale-out evidence " + secrets.token_hex(8).encode() + b"\n%%EOF\n"


# --- the shared database ---------------------------------------------------------------------------

def _postgres_database(url: str):
    """A new database on the server DATABASE_URL names; yields its URL and drops it afterwards."""
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(url)
    # Named after the suite's own databases, so CI's clean-up of test_<name>* catches a leftover.
    name = f"test_{config['NAME']}_scaleout_{secrets.token_hex(4)}"[:63]
    admin = {"host": config["HOST"] or None, "port": config["PORT"] or None, "user": config["USER"] or None,
             "password": config["PASSWORD"] or None, "dbname": "postgres", "connect_timeout": 10}
    with psycopg.connect(**admin, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urllib.parse.urlsplit(url)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(**admin, autocommit=True) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def shared_database_url(tmp_path):
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://", "pgsql://")):
        yield from _postgres_database(url)
    else:
        yield f"sqlite:///{tmp_path / 'shared.sqlite3'}"


# --- the two servers -------------------------------------------------------------------------------

@dataclass
class Instance:
    name: str
    process: subprocess.Popen
    log: Path
    port: int = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _environment(database_url: str, media_root: Path) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": database_url, "MEDIA_ROOT": str(media_root),
           # The ordinary settings (shared database cache), not the suite's local-memory ones.
           "DJANGO_SETTINGS_MODULE": "config.settings.dev", "DEBUG": "0", "PYTHONUNBUFFERED": "1"}
    env.pop("REDIS_URL", None)  # a Redis cache would outlive the test and keep its counts
    return env


def _read_line(process: subprocess.Popen, timeout: float) -> str:
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    return process.stdout.readline().strip() if ready else ""


def _tail(path: Path) -> str:
    return path.read_text(errors="replace")[-3000:] if path.exists() else ""


@pytest.fixture
def instances(shared_database_url, tmp_path):
    env = _environment(shared_database_url, tmp_path / "media")
    command = [sys.executable, "-m", "tests.scaleout.instance"]
    prepared = subprocess.run([*command, "prepare"], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=PREPARE_TIMEOUT, check=False)
    assert prepared.returncode == 0, prepared.stderr[-3000:]
    seeded = json.loads(prepared.stdout.strip().splitlines()[-1])

    servers: list[Instance] = []
    try:
        for name in ("A", "B"):
            log = tmp_path / f"server-{name}.log"
            with log.open("w") as stderr:
                process = subprocess.Popen([*command, "serve"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                           stderr=stderr, text=True)
            servers.append(Instance(name, process, log))
        deadline = time.monotonic() + START_TIMEOUT
        for server in servers:
            line = _read_line(server.process, max(0.1, deadline - time.monotonic()))
            assert line.isdigit(), f"server {server.name} did not start:\n{_tail(server.log)}"
            server.port = int(line)
        yield seeded, servers[0], servers[1]
    finally:
        for server in servers:
            server.process.kill()
        for server in servers:
            server.process.wait(timeout=10)
            server.process.stdout.close()
            # Shown by pytest only when the test failed.
            print(f"--- server {server.name} log ---\n{_tail(server.log)}")


# --- a stdlib browser ------------------------------------------------------------------------------

class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the test looks at each 302 itself


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


class Browser:
    """One client of the load balancer: a cookie jar that every instance sees (cookies ignore ports)."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())

    def request(self, instance: Instance, path: str, *, data: bytes | None = None,
                content_type: str | None = None) -> Response:
        request = urllib.request.Request(instance.base + path, data=data)
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            with self.opener.open(request, timeout=REQUEST_TIMEOUT) as response:
                return Response(response.status, dict(response.headers), response.read())
        except urllib.error.HTTPError as error:
            with error:
                return Response(error.code, dict(error.headers), error.read())

    def get(self, instance: Instance, path: str) -> Response:
        return self.request(instance, path)

    def post_form(self, instance: Instance, path: str, fields: dict[str, str]) -> Response:
        return self.request(instance, path, data=urllib.parse.urlencode(fields).encode(),
                            content_type="application/x-www-form-urlencoded")

    def post_multipart(self, instance: Instance, path: str, fields: dict[str, str],
                       files: list[tuple[str, str, bytes, str]] = ()) -> Response:
        boundary = secrets.token_hex(16)
        parts = []
        for name, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, filename, content, content_type in files:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                         f"Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request(instance, path, data=b"".join(parts),
                            content_type=f"multipart/form-data; boundary={boundary}")

    def log_in(self, instance: Instance, username: str, password: str) -> Response:
        page = self.get(instance, "/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        return self.post_form(instance, "/accounts/login/",
                              {"csrfmiddlewaretoken": token, "username": username, "password": password})


# --- the test --------------------------------------------------------------------------------------

def test_two_instances_share_sessions_limits_and_files(instances):
    seeded, a, b = instances
    notice, entry = seeded["notice"], seeded["entry"]
    objection = {"entry_id": str(entry), "content": "该企业存在违规生产行为，附材料为证。"}

    # A session opened on A is the same session on B.
    office = Browser()
    assert office.get(b, "/todo/").status == 302
    signed_in = office.log_in(a, OFFICE_USERNAME, DEFAULT_PASSWORD)
    assert (signed_in.status, signed_in.headers["Location"]) == (302, "/todo/")
    todo = office.get(b, "/todo/")
    assert todo.status == 200
    assert OFFICE_NAME in todo.text

    # Objections counted on A and on B share one limit (the cache), and evidence filed on A is stored
    # where B finds it (MEDIA_ROOT, the storage backend).
    public = Browser()
    path = f"/api/v1/notices/{notice}/objections"
    first = public.post_multipart(a, path, objection, [("evidence", "证据.pdf", PDF, "application/pdf")])
    codes = [first.status] + [public.post_multipart(a if n % 2 else b, path, objection).status
                              for n in range(1, OBJECTIONS_PER_HOUR)]
    assert codes == [201] * OBJECTIONS_PER_HOUR
    assert public.post_multipart(b, path, objection).status == 429
    assert public.post_multipart(a, path, objection).status == 429

    listed = json.loads(office.get(b, f"/api/v1/notices/{notice}/objections").body)
    with_evidence = [o["id"] for o in listed if o["evidence_count"]]
    assert (len(listed), len(with_evidence)) == (OBJECTIONS_PER_HOUR, 1)
    detail = office.get(b, f"/notices/objections/{with_evidence[0]}/")
    assert detail.status == 200
    evidence_url = re.search(rf'href="(/notices/objections/{with_evidence[0]}/evidence/\d+/)"', detail.text).group(1)
    download = office.get(b, evidence_url)
    assert (download.status, download.headers["Content-Type"], download.body) == (200, "application/pdf", PDF)

    # Login failures counted on A and on B lock the account on both (django-axes, database handler).
    guesser = Browser()
    failures = [guesser.log_in(a if n % 2 else b, LOCKED_USERNAME, "wrong-password").status
                for n in range(AXES_FAILURE_LIMIT - 1)]
    assert failures == [200] * (AXES_FAILURE_LIMIT - 1)
    assert guesser.log_in(a, LOCKED_USERNAME, "wrong-password").status == 429
    assert guesser.log_in(b, LOCKED_USERNAME, DEFAULT_PASSWORD).status == 429
