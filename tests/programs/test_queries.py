import pytest
from django.contrib.auth.models import AnonymousUser

from qaward.programs.models import EditionStage
from qaward.programs.queries import current_edition, editions_visible_to
from tests.factories import EditionFactory, ProgramFactory, UserFactory

pytestmark = pytest.mark.django_db
S = EditionStage


def test_current_edition_is_newest_non_historical():
    program = ProgramFactory()
    EditionFactory(program=program, number=1, year=2016, is_historical=True, stage=S.DECIDED)
    older = EditionFactory(program=program, number=2, year=2021, stage=S.DECIDED)
    EditionFactory(program=program, number=3, year=2031, is_historical=True, stage=S.DECIDED)

    assert current_edition(program) == older


def test_current_edition_none_without_editions():
    assert current_edition(ProgramFactory()) is None


def test_editions_visible_to_public_hide_editions_before_the_call():
    preparing = EditionFactory(stage=S.PREPARING)
    approved = EditionFactory(stage=S.APPROVED)
    open_ = EditionFactory(stage=S.OPEN)
    decided = EditionFactory(stage=S.DECIDED, is_historical=True)

    public = set(editions_visible_to(AnonymousUser()))
    applicant = set(editions_visible_to(UserFactory(roles=["applicant"])))
    supervision = set(editions_visible_to(UserFactory(roles=["supervision"])))

    assert public == applicant == {open_, decided}
    assert supervision == {preparing, approved, open_, decided}
