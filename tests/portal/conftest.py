import datetime as dt

import pytest

from qaward.portal import todo
from qaward.programs.models import Program
from tests.factories import EditionFactory


@pytest.fixture
def yuncheng(db) -> Program:
    """The program and its Measures, as the programs data migration stores them."""
    return Program.objects.select_related("rule_document").get(code="yuncheng-mayor-quality-award")


@pytest.fixture
def open_edition(yuncheng):
    return EditionFactory(program=yuncheng, number=3, year=2026, title="运城市市长质量奖第三届",
                          stage="open", call_title="关于开展第三届运城市市长质量奖申报工作的通知",
                          call_published_on=dt.date(2026, 3, 10), application_deadline=dt.date(2026, 5, 31))


@pytest.fixture
def todo_providers(db):
    """Register providers for one test only: pass functions to the returned callable."""
    added = []

    def register(fn):
        added.append(fn)
        return todo.todo_provider(fn)

    yield register
    for fn in added:
        todo._PROVIDERS.remove(fn)
