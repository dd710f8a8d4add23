"""Every move of an application along the chain of 第十五～十七条 goes through ``perform``."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from qaward.accounts.enums import Role
from qaward.applicants.rules import representatives
from qaward.core.errors import DomainError

from ..enums import ApplicationState, AwardLevel, ReviewStage
from ..models import Application, ApplicationEvent
from ..notifications import notify, users_in, users_with_role
from ..rules import RECEIVER_ROLES, recommending_organizations, recommending_role
from ..workflow import APPLICATION_MACHINE, stage_of

S = ApplicationState

# 第十六条: what the receiving department vouches for when it approves.
AUDIT_POINTS = {
    "completeness": "完整性",
    "authenticity": "真实性",
    "accuracy": "准确性",
    "legality": "合法性",
}


def available_actions(application: Application, user) -> list:
    """The transitions the user may fire now, one per action name (the UI's buttons, the API's list)."""
    seen, actions = set(), []
    for transition in APPLICATION_MACHINE.available_actions(application, user):
        if transition.action not in seen:
            seen.add(transition.action)
            actions.append(transition)
    return actions


def perform(application: Application, action: str, actor, *, reason: str = "", checks: dict | None = None,
            level: str = "", today=None) -> Application:
    """Fire one action: permission, guards (the rules), state, round record, audit and notifications."""
    from_state = application.state
    context = {"today": today} if today else {}
    with transaction.atomic():
        app = APPLICATION_MACHINE.fire(application, action, actor, reason=reason.strip(), **context)
        points = _audit_points(action, checks)
        fields = _bookkeeping(app, action, actor, level)
        if fields:
            app.save(update_fields=[*fields, "updated_at"])
        ApplicationEvent.objects.create(
            application=app, stage=stage_of(action, from_state), action=action, from_state=from_state,
            to_state=app.state, round=app.round, actor=actor, organization=_acting_organization(app, action, from_state, actor),
            reason=reason.strip(), checks=points,
        )
        _tell(app, action, from_state, reason.strip())
    return app


def _audit_points(action: str, checks: dict | None) -> dict:
    checks = {key: bool(value) for key, value in (checks or {}).items() if key in AUDIT_POINTS}
    if action == "dept_approve":
        missing = [label for key, label in AUDIT_POINTS.items() if not checks.get(key)]
        if missing:
            raise DomainError(
                "审核通过前，请逐项确认申报材料的" + "、".join(missing) + "（第十六条）。",
                code="audit_points_unconfirmed", status=422, article="16",
            )
    return checks


def _bookkeeping(app: Application, action: str, actor, level: str) -> list[str]:
    now = timezone.now()
    if action == "nominate":
        if level not in AwardLevel.values:
            raise DomainError("请选择拟推荐的奖项：质量奖或质量奖提名奖。", code="level_required", status=422)
        app.proposed_level = level
        return ["proposed_level"]
    if action == "submit":
        app.round += 1
        app.submitted_at = now
        return ["round", "submitted_at"]
    if action == "recommend":
        app.recommender = (actor.organizations_for(recommending_role(app))
                           .filter(pk__in=recommending_organizations(app).values("pk")).first())
        return ["recommender"]
    if action == "accept":
        app.accepted_at = now
        return ["accepted_at"]
    return []


def _acting_organization(app: Application, action: str, from_state: str, actor):
    if action in ("submit", "withdraw"):
        return app.applicant.organization if app.applicant.is_organization else None
    if action == "recommend":
        return app.recommender
    stage = stage_of(action, from_state)
    if stage == ReviewStage.RECEIVER_AUDIT:
        return app.receiver
    if stage == ReviewStage.FORMAL_REVIEW:
        return actor.organizations_for(Role.OFFICE).first()
    return None


def _tell(app: Application, action: str, from_state: str, reason: str) -> None:
    url = reverse("applications:detail", args=[app.pk])
    name = f"{app.applicant.name}（{app.reference}）"
    receiver_staff = (users_in([app.receiver], RECEIVER_ROLES[app.receiver.department_type])
                      if app.receiver is not None and app.receiver.department_type in RECEIVER_ROLES else [])
    because = f"理由：{reason}" if reason else ""
    messages = {
        "submit": (receiver_staff, f"待审核：{name}",
                   "申报者已提交申报材料，请审核材料的完整性、真实性、准确性、合法性（第十六条）。"),
        "dept_approve": (users_in(recommending_organizations(app), recommending_role(app)), f"待推荐：{name}",
                         f"{app.receiver}已审核通过，请向领导小组办公室推荐（第十六条）。"),
        "recommend": (users_with_role(Role.OFFICE), f"待形式审查：{name}",
                      f"{app.recommender or ''}已推荐，请进行形式审查并书面征求有关主管部门意见（第十七条）。"),
        "return": (representatives(app.applicant), f"申报被退回修改：{app.reference}",
                   f"请按意见修改后重新提交。{because}"),
        "reject": (representatives(app.applicant), f"申报未通过：{app.reference}", because),
        "accept": (representatives(app.applicant), f"申报已受理：{app.reference}",
                   "领导小组办公室已完成形式审查，您的申报已列入受理名单，受理名单将向社会公示（第十七条）。"),
        "withdraw": (receiver_staff if from_state != S.DRAFT else [], f"申报已撤回：{name}", "申报者已撤回申报。"),
    }
    if action in messages:
        recipients, title, body = messages[action]
        notify(recipients, title, body, url=url, application=app)

