# The shell's browser fixtures (headless Chromium, live server, screenshots), shared here.
from tests.browser.conftest import _async_unsafe_allowed, chromium, page, screenshot  # noqa: F401
