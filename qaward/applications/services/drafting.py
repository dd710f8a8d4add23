"""Starting an application and saving its written materials; drafts save at any time."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from qaward.applicants.rules import acts_for
from qaward.core import audit
from qaward.core.errors import NotPermitted, enforce

from .. import eligibility
from ..content import required_sections
from ..enums import ApplicationState
from ..models import Application
from .common import invalid, require_editable

# A draft may exceed the length limits for a while (the checklist says so), but not without bound.
HARD_TEXT_LIMIT = 200_000
TEXT_FIELDS = ("contact_name", "contact_phone", "contact_email", "profile", "quality_mode_summary")
ORGANIZATION_ONLY = ("profile", "quality_mode_summary")


@transaction.atomic
def start_application(edition, applicant, actor) -> Application:
    """A new draft in an open edition, unless 第十三、三十条 bar the applicant from this edition."""
    if not acts_for(actor, applicant):
        raise NotPermitted("只能为本单位（本人）创建申报。")
    draft = Application(edition=edition, applicant=applicant)
    enforce([eligibility.deadline_passed(draft), *eligibility.history_checks(draft)])
    existing = Application.objects.filter(edition=edition, applicant=applicant).exclude(
        state=ApplicationState.WITHDRAWN).first()
    if existing is not None:
        raise invalid(f"已有本届申报（{existing.reference}，{existing.state_label}），请继续办理该申报。",
                      "application_exists", 409)
    draft.contact_name, draft.contact_phone = applicant.contact_name, applicant.contact_phone
    draft.contact_email = actor.email
    draft.created_by = actor
    draft.save()
    audit.record("application.create", actor=actor, obj=draft, after={"edition": edition.pk,
                                                                       "applicant": applicant.pk})
    return draft


@transaction.atomic
def update_application(application: Application, actor, **changes) -> Application:
    """Save any part of the draft. ``self_assessment`` merges by section code; ``receiver`` is the
    department the materials will go to (第十五条), checked at once so a wrong choice is told early."""
    require_editable(application, actor)
    unknown = set(changes) - {*TEXT_FIELDS, "self_assessment", "receiver", "no_state_secret_declared"}
    if unknown:
        raise invalid("不能修改的字段：" + "、".join(sorted(unknown)), "invalid_field")
    if not application.is_organization and set(changes) & set(ORGANIZATION_ONLY):
        raise invalid("个人申报没有组织概述和质量管理模式总结，请填写个人陈述。", "invalid_field")
    changed = []
    for field in TEXT_FIELDS:
        if field in changes:
            value = (changes[field] or "").strip() if field.startswith("contact") else (changes[field] or "")
            if len(value) > HARD_TEXT_LIMIT:
                raise invalid("内容过长，请精简后再保存。", "text_too_long")
            if getattr(application, field) != value:
                setattr(application, field, value)
                changed.append(field)
    if "self_assessment" in changes:
        changed += _merge_self_assessment(application, changes["self_assessment"] or {})
    if "no_state_secret_declared" in changes:
        application.no_state_secret_declared = bool(changes["no_state_secret_declared"])
        changed.append("no_state_secret_declared")
    if "receiver" in changes:
        before = application.receiver_id
        application.receiver = changes["receiver"]
        if application.receiver is not None:
            enforce([eligibility.receiver_invalid(application)])
        if before != application.receiver_id:
            changed.append("receiver")
    if changed:
        application.save()
        audit.record("application.update", actor=actor, obj=application, after={
            "fields": changed, "receiver": application.receiver_id,
        })
    return application


def _merge_self_assessment(application, sections: dict) -> list[str]:
    known = {code for code, _ in required_sections(application)}
    unknown = set(sections) - known
    if unknown:
        raise invalid("评分标准中没有这些条款：" + "、".join(sorted(unknown)), "unknown_section")
    merged = dict(application.self_assessment or {})
    for code, text in sections.items():
        text = text or ""
        if len(text) > HARD_TEXT_LIMIT:
            raise invalid("内容过长，请精简后再保存。", "text_too_long")
        merged[code] = text
    if merged == (application.self_assessment or {}):
        return []
    application.self_assessment = merged
    return ["self_assessment:" + ",".join(sorted(sections))]


@transaction.atomic
def sign_commitment(application: Application, actor, *, signer: str, no_state_secret: bool) -> Application:
    """承诺书 (第十五条: responsibility for completeness, truthfulness, accuracy) and 第十七条's declaration."""
    require_editable(application, actor)
    signer = signer.strip()
    if not signer:
        raise invalid("请填写承诺人姓名。", "signer_required")
    application.commitment_signed_by = signer
    application.commitment_signed_at = timezone.now()
    application.no_state_secret_declared = bool(no_state_secret)
    application.save(update_fields=["commitment_signed_by", "commitment_signed_at", "no_state_secret_declared",
                                    "updated_at"])
    audit.record("application.commitment", actor=actor, obj=application,
                 after={"signer": signer, "no_state_secret": bool(no_state_secret)})
    return application
