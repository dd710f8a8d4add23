"""The rubric list and its export read a fixed number of queries, however many rubrics there are."""

import pytest
from django.urls import reverse

from qaward.programs.models import EditionStage, Rubric
from tests.factories import EditionFactory, RubricFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rubrics():
    for _ in range(4):
        rubric = RubricFactory()
        EditionFactory(organization_rubric=rubric, stage=EditionStage.EVALUATION, year=2031)
    return Rubric.objects.count()


def test_rubric_list_queries_do_not_grow_with_rubrics(client, office, rubrics, django_assert_max_num_queries):
    client.force_login(office)
    with django_assert_max_num_queries(13):
        response = client.get(reverse("programs:rubric_list"))
    assert len(response.context["rows"]) == rubrics
    # Each edition in evaluation locks its organisation and its individual rubric.
    assert sum(1 for row in response.context["rows"] if row["locked_by"]) == 8


def test_rubric_export_queries_do_not_grow_with_rubrics(client, office, rubrics, django_assert_max_num_queries):
    client.force_login(office)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("programs:rubric_export"))
    assert response.status_code == 200
