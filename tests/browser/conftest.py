"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright against pytest-django's live_server.

Mark tests ``@pytest.mark.browser`` and ask for ``page`` (a fresh context per test) or ``signed_in``
(a page of a user signed in through the real login form). Screenshots go to
test-artifacts/screenshots/; ``axe_violations(page)`` runs axe-core and returns the serious ones.

Tests using the live server run in transactions that are flushed afterwards, so the data of the
data migrations (the program, its Measures) is restored for each of them: serialized_rollback.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
VIEWPORT = {"width": 1440, "height": 900}


@pytest.fixture(scope="session")
def _async_unsafe_allowed():
    # Playwright's sync API keeps an event loop running in this thread; Django refuses ORM calls
    # from a thread with a running loop unless told that this is intended.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def chromium(_async_unsafe_allowed, live_server, django_db_serialized_rollback):
    """One browser per test, started after the test database is set up and stopped before it is flushed.

    Playwright's sync API switches the context Django keeps its database connections in; a
    session-wide browser would make the per-test restore of the serialized data (which lives on the
    connection object) miss the connection and leave the next test with an empty database.
    """
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, viewport=VIEWPORT, locale="zh-CN",
                                   reduced_motion="reduce")  # no smooth scrolling mid-screenshot
    context.set_default_timeout(15_000)
    browser_page = context.new_page()
    yield browser_page
    context.close()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str, *, full_page: bool = True) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


def sign_in(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录", exact=True).click()
    page.wait_for_load_state("networkidle")


def axe_violations(page, impacts=("critical", "serious")) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "targets": [node["target"] for node in v["nodes"]][:5]}
        for v in results.response["violations"] if v["impact"] in impacts
    ]
