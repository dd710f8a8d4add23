import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language (zh-hans).

    LocaleMiddleware activates a request's language in the thread and leaves it there, so a test
    that browses in English would otherwise hand English labels to whichever test the same
    worker runs next.
    """
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put the data migrations' rows back after a test that flushed the database.

    Live-server (transactional) tests end with a flush. pytest-django runs them after the other
    tests, but pytest-xdist hands a worker its files in batches, so an ordinary test can still
    follow one in the same worker and would find the program, its Measures and the departments
    gone. Restoring once here, outside any test transaction, keeps every later test honest.
    """
    yield
    if "transactional_db" not in item.fixturenames and "live_server" not in item.fixturenames:
        return
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        for connection in connections.all(initialized_only=True):
            content = getattr(connection, "_test_serialized_contents", None)
            if content:
                connection.creation.deserialize_db_from_string(content)
