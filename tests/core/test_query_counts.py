"""The audit trail page reads a fixed number of queries, however many records and actors it shows."""

import pytest
from django.urls import reverse

from qaward.core import audit
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_audit_trail_queries_do_not_grow_with_records(client, django_assert_max_num_queries):
    supervisor = UserFactory(roles=["supervision"])
    for number in range(60):
        actor = UserFactory(display_name=f"经办人{number}")
        audit.record("accounts.role_granted", actor=actor, obj=actor, reason=f"第{number}次授权")
    client.force_login(supervisor)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("core:audit_trail"))
    assert len(response.context["rows"]) == 50
    assert "经办人59" in response.content.decode()
