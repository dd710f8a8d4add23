from django.db import models
from django.utils.translation import gettext_lazy as _

from qaward.programs.enums import AwardLevel  # noqa: F401  (re-exported: the app's vocabulary)


class ApplicationState(models.TextChoices):
    """DESIGN.md §3.2: the states of an application, with the words the UI shows."""

    DRAFT = "draft", _("填报中")
    SUBMITTED = "submitted", _("待接收部门审核")
    RETURNED = "returned", _("退回修改")
    DEPT_APPROVED = "dept_approved", _("接收部门审核通过")
    RECOMMENDED = "recommended", _("已推荐")
    ACCEPTED = "accepted", _("已受理")
    CANDIDATE = "candidate", _("候选")
    PROPOSED = "proposed", _("获奖建议")
    AWARDED = "awarded", _("获奖")
    NOT_AWARDED = "not_awarded", _("未获奖")
    REVOKED = "revoked", _("已撤销")
    REJECTED = "rejected", _("不予受理")
    WITHDRAWN = "withdrawn", _("已撤回")


# The applicant may still change the materials only in these states.
EDITABLE_STATES = frozenset({ApplicationState.DRAFT, ApplicationState.RETURNED})
# In the departments' or the office's hands: the applicant's declared facts are frozen meanwhile.
UNDER_REVIEW = (ApplicationState.SUBMITTED, ApplicationState.DEPT_APPROVED, ApplicationState.RECOMMENDED)
# "any before accepted" (§3.2): the applicant may withdraw.
BEFORE_ACCEPTANCE = (
    ApplicationState.DRAFT, ApplicationState.SUBMITTED, ApplicationState.RETURNED,
    ApplicationState.DEPT_APPROVED, ApplicationState.RECOMMENDED,
)
# States in which an application has left the applicant's hands (it counts in a department's list).
IN_CHAIN = (
    ApplicationState.SUBMITTED, ApplicationState.DEPT_APPROVED, ApplicationState.RECOMMENDED,
    ApplicationState.ACCEPTED, ApplicationState.CANDIDATE, ApplicationState.PROPOSED,
    ApplicationState.AWARDED, ApplicationState.NOT_AWARDED, ApplicationState.REVOKED,
    ApplicationState.REJECTED,
)
# Reached formal acceptance (第十七条): these form the acceptance list and go on to evaluation.
ACCEPTED_OR_LATER = (
    ApplicationState.ACCEPTED, ApplicationState.CANDIDATE, ApplicationState.PROPOSED,
    ApplicationState.AWARDED, ApplicationState.NOT_AWARDED, ApplicationState.REVOKED,
)


class ReviewStage(models.TextChoices):
    APPLICANT = "applicant", _("申报者")
    RECEIVER_AUDIT = "receiver_audit", _("接收部门审核（第十六条）")
    RECOMMENDATION = "recommendation", _("推荐（第十六条）")
    FORMAL_REVIEW = "formal_review", _("形式审查（第十七条）")
    LATER = "later", _("评审与表彰")


class AttachmentKind(models.TextChoices):
    FORM = "form", _("申报表（盖章扫描件）")
    EVIDENCE = "evidence", _("证实性材料")
    TALENT = "talent", _("人才引进证明")
    PUBLICITY = "publicity", _("内部公示证明")
    COMMITMENT = "commitment", _("承诺书（签字盖章）")
    OTHER = "other", _("其他材料")


class TalentLevel(models.TextChoices):
    """第三条: 一般人才 +5, 高端人才（正高级） +20 (program data)."""

    GENERAL = "general", _("一般人才")
    SENIOR = "senior", _("高端人才（正高级）")


class VerificationStatus(models.TextChoices):
    PENDING = "pending", _("待核实")
    VERIFIED = "verified", _("已核实")
    REJECTED = "rejected", _("不予认定")


class PublicityResult(models.TextChoices):
    NO_OBJECTION = "no_objection", _("公示无异议")
    OBJECTION = "objection", _("有异议")


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("待发送")
    SENT = "sent", _("已发送")
    FAILED = "failed", _("发送失败")
    HELD = "held", _("已暂停")
