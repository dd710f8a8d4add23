"""Lists to publish come from the applications app when it has them."""

import pytest
from django.contrib.contenttypes.models import ContentType

from qaward.applications.enums import ApplicationState
from qaward.notices.enums import AwardLevel, NoticeKind
from qaward.notices.services import EntryData, publish_notice
from qaward.notices.sources import source_entries
from qaward.programs.models import EditionStage
from tests.applications.factories import (
    ApplicationFactory,
    IndividualApplicantFactory,
    OrganizationApplicantFactory,
    open_edition,
)

pytestmark = pytest.mark.django_db


def test_acceptance_source_lists_accepted_applications_without_levels(office):
    edition = open_edition(stage=EditionStage.FORMAL_REVIEW)
    accepted = ApplicationFactory(edition=edition, applicant=OrganizationApplicantFactory(name="运城甲制造有限公司"),
                                  state=ApplicationState.ACCEPTED, proposed_level=AwardLevel.AWARD)
    person = ApplicationFactory(edition=edition, applicant=IndividualApplicantFactory(name="赵某某"),
                                state=ApplicationState.ACCEPTED)
    ApplicationFactory(edition=edition, applicant=OrganizationApplicantFactory(name="运城乙制造有限公司"),
                       state=ApplicationState.RECOMMENDED)
    label, rows = source_entries(edition, NoticeKind.ACCEPTANCE)
    assert label == "申报系统"
    assert sorted((r.name, r.track, r.level) for r in rows) == [
        ("赵某某", "individual", ""), ("运城甲制造有限公司", "organization", "")]
    individual = next(r for r in rows if r.track == "individual")
    assert individual.unit == str(person.applicant.organization)
    notice = publish_notice(edition, kind=NoticeKind.ACCEPTANCE, entries=rows, title="受理名单", actor=office)
    entry = notice.entries.get(name="运城甲制造有限公司")
    assert (entry.subject_type, entry.subject_id) == (ContentType.objects.get_for_model(accepted), accepted.pk)
    assert entry.subject == accepted


def test_recommendation_source_falls_back_to_remaining_candidate_entries(office):
    edition = open_edition(stage=EditionStage.CANDIDATES)
    publish_notice(edition, kind=NoticeKind.CANDIDATE, title="候选名单", actor=office, entries=[
        EntryData("甲公司", level=AwardLevel.AWARD), EntryData("乙公司", level=AwardLevel.NOMINATION)])
    label, rows = source_entries(edition, NoticeKind.RECOMMENDATION)
    assert label == "候选名单公示（未被移除的条目）"
    assert [(r.name, r.level) for r in rows] == [("甲公司", "award"), ("乙公司", "nomination")]
