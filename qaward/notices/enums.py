from django.db import models
from django.utils.translation import gettext_lazy as _

from qaward.programs.enums import AwardLevel, Track  # noqa: F401  (re-exported)
from qaward.programs.models import EditionStage


class NoticeKind(models.TextChoices):
    """The lists the Measures publish, each with its article."""

    ACCEPTANCE = "acceptance", _("受理名单公示")  # 第十七条
    CANDIDATE = "candidate", _("候选名单公示")  # 第十九条
    RECOMMENDATION = "recommendation", _("获奖建议名单公示")  # 第二十条
    REVOCATION = "revocation", _("撤销奖项公告")  # 第三十条


class NoticeScope(models.TextChoices):
    """第十九条: the candidate list is noticed 在本地区、本行业、本领域内; 第二十条: 在全市范围内."""

    CITY = "city", _("全市")
    REGION = "region", _("本地区")
    INDUSTRY = "industry", _("本行业、本领域")


class ObjectionStatus(models.TextChoices):
    FILED = "filed", _("已受理，待调查")
    INVESTIGATING = "investigating", _("调查核实中")
    UPHELD = "decided_upheld", _("异议成立")
    DISMISSED = "decided_dismissed", _("异议不成立")


OPEN_OBJECTION_STATUSES = (ObjectionStatus.FILED, ObjectionStatus.INVESTIGATING)

# The article that requires each list to be noticed, for pages and messages.
KIND_ARTICLE = {
    NoticeKind.ACCEPTANCE: _("第十七条"),
    NoticeKind.CANDIDATE: _("第十九条"),
    NoticeKind.RECOMMENDATION: _("第二十条"),
    NoticeKind.REVOCATION: _("第三十条"),
}

# The edition stage during which each list's notice runs; the edition may not leave that stage
# until the notice has ended with no open objection (第十九、二十、二十一条 "公示无异议后").
STAGE_NOTICE_KIND = {
    EditionStage.ACCEPTANCE_NOTICE: NoticeKind.ACCEPTANCE,
    EditionStage.CANDIDATES: NoticeKind.CANDIDATE,
    EditionStage.RECOMMENDATION_NOTICE: NoticeKind.RECOMMENDATION,
}

# Stages in which the office may publish each kind: the stage before (publish, then move the
# edition on) and the notice's own stage (e.g. a corrected list after a withdrawal).
PUBLISHABLE_IN = {
    NoticeKind.ACCEPTANCE: (EditionStage.FORMAL_REVIEW, EditionStage.ACCEPTANCE_NOTICE),
    NoticeKind.CANDIDATE: (EditionStage.CANDIDATES,),
    NoticeKind.RECOMMENDATION: (EditionStage.DELIBERATION, EditionStage.RECOMMENDATION_NOTICE),
    NoticeKind.REVOCATION: (EditionStage.DECIDED,),
}

# Lists capped by 第四条's quotas: the recommendation list is the proposed winners.
QUOTA_CAPPED_KINDS = (NoticeKind.RECOMMENDATION,)
