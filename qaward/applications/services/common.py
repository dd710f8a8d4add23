from __future__ import annotations

from qaward.core.errors import DomainError, InvalidTransition, NotPermitted

from ..enums import EDITABLE_STATES, ApplicationState


def require_editable(application, actor) -> None:
    """Only the applicant changes the materials, and only while they are in its hands."""
    if not actor.has_perm("applications.change_application", application):
        raise NotPermitted("只有申报者本人（本单位经办人）可以修改申报材料。")
    if application.state not in EDITABLE_STATES:
        raise InvalidTransition(
            f"申报当前状态为「{application.state_label}」，不能修改申报材料。"
            "材料被退回修改后方可再次编辑。", code="not_editable",
        )


def require_office(application, actor, *, states=(ApplicationState.RECOMMENDED,), doing: str) -> None:
    if not actor.has_perm("applications.formal_review", application):
        raise NotPermitted("只有领导小组办公室可以进行形式审查。")
    if application.state not in states:
        allowed = "、".join(str(ApplicationState(s).label) for s in states)
        raise InvalidTransition(f"申报当前状态为「{application.state_label}」，{doing}须在「{allowed}」状态下进行。",
                                code="invalid_transition")


def invalid(detail: str, code: str, status: int = 422) -> DomainError:
    return DomainError(detail, code=code, status=status)
