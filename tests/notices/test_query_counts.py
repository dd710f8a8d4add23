"""Notice and objection lists read a fixed number of queries, however many rows they show."""

import pytest
from django.urls import reverse
from django.utils import timezone

from qaward.accounts.models import Division
from qaward.notices.enums import NoticeKind, NoticeScope
from qaward.notices.objections import file_objection, record_findings
from qaward.notices.services import EntryData, publish_notice
from qaward.programs.models import EditionStage
from tests.factories import EditionFactory

pytestmark = pytest.mark.django_db
ROWS = 4


@pytest.fixture
def candidate_notices(office):
    """第十九条: the candidate list is noticed per county, so several notices run at once."""
    edition = EditionFactory(stage=EditionStage.CANDIDATES)
    notices = []
    for number, division in enumerate(Division.objects.order_by("code")[:ROWS]):
        notice = publish_notice(
            edition, kind=NoticeKind.CANDIDATE, scope=NoticeScope.REGION, division=division, actor=office,
            entries=[EntryData(name=f"运城测试企业{number}-{i}有限公司") for i in range(3)],
            title=f"{division.name}候选名单公示", start=timezone.localdate(),
        )
        entry = notice.entries.first()
        file_objection(notice, entry, content="该企业近三年内发生过质量事故，不符合申报条件。")
        investigated = file_objection(notice, entry, content="该企业申报材料中的经营数据与实际不符。")
        record_findings(investigated, actor=office, findings="已调查核实。")
        notices.append(notice)
    return notices


def test_public_notice_list_queries_do_not_grow_with_running_notices(client, candidate_notices,
                                                                      django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get(reverse("notices:public_list"))
    assert len(response.context["running"]) == ROWS
    # The whole period is left on its first day.
    assert [n.workdays_left for n in response.context["running"]] == [n.workdays for n in candidate_notices]


def test_office_notice_management_queries_do_not_grow_with_notices(client, office, candidate_notices,
                                                                    django_assert_max_num_queries):
    accepting = EditionFactory(stage=EditionStage.FORMAL_REVIEW, year=2031, number=3)
    publish_notice(accepting, kind=NoticeKind.ACCEPTANCE, entries=[EntryData(name="运城测试企业有限公司")],
                   title="受理名单公示", actor=office, start=timezone.localdate())
    client.force_login(office)
    # The editions' notices come in one query; the to-do badge still checks each edition's guards.
    with django_assert_max_num_queries(17):
        response = client.get(reverse("notices:manage"))
    assert [len(row["notices"]) for row in response.context["rows"]] == [1, ROWS]


@pytest.mark.parametrize("show", ["investigate", "decide", "all"])
def test_objection_list_queries_do_not_grow_with_objections(client, office, candidate_notices, show,
                                                            django_assert_max_num_queries):
    client.force_login(office)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("notices:objections"), {"show": show})
    assert response.status_code == 200
