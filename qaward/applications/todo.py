"""What waits for each party in the chain of 第十五～十七条, for the to-do page."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.accounts.enums import Role
from qaward.portal.todo import TodoItem, todo_provider

from .enums import ApplicationState, OutboxStatus
from .models import OutboxEmail
from .queries import applicant_queue, formal_review_queue, receiver_queue, recommendation_queue

S = ApplicationState
# A deadline within this many days makes an unfinished draft urgent.
URGENT_DAYS = 7


@todo_provider
def application_todos(user) -> list[TodoItem]:
    roles = user.role_codes()
    items = []
    if Role.APPLICANT in roles:
        items += _applicant_items(user)
    if Role.COUNTY_MSA in roles or Role.INDUSTRY_AUTHORITY in roles:
        items.append(TodoItem(_("待审核的申报材料"), reverse("applications:inbox"), receiver_queue(user).count(),
                              _("申报审核"), detail=_("审核材料的完整性、真实性、准确性、合法性（第十六条）")))
    if Role.COUNTY_GOVERNMENT in roles or Role.INDUSTRY_AUTHORITY in roles:
        items.append(TodoItem(_("待推荐的申报"), reverse("applications:inbox"), recommendation_queue(user).count(),
                              _("申报审核"), detail=_("接收部门已审核通过，向领导小组办公室推荐（第十六条）")))
    if Role.OFFICE in roles:
        items.append(TodoItem(_("待形式审查的申报"), reverse("applications:formal_review"),
                              formal_review_queue(user).count(), _("形式审查"),
                              detail=_("形式审查、书面征求意见、核实人才引进，形成受理名单（第十七条）")))
        items.append(TodoItem(_("发送失败的提醒邮件"), reverse("applications:outbox") + "?status=failed",
                              OutboxEmail.objects.filter(status=OutboxStatus.FAILED).count(), _("形式审查")))
    unread = user.notifications.filter(read_at__isnull=True).count()
    items.append(TodoItem(_("未读通知"), reverse("applications:notifications"), unread, _("通知")))
    return items


def _applicant_items(user) -> list[TodoItem]:
    queue = list(applicant_queue(user))
    soon = timezone.localdate() + datetime.timedelta(days=URGENT_DAYS)
    items = []
    for application in queue:
        deadline = application.edition.application_deadline
        if application.state == S.RETURNED:
            items.append(TodoItem(_("申报被退回，请修改后重新提交"), reverse("applications:detail", args=[application.pk]),
                                  1, _("我的申报"), urgent=True, detail=application.edition.title))
        else:
            items.append(TodoItem(
                _("继续填写并提交申报"), reverse("applications:detail", args=[application.pk]), 1, _("我的申报"),
                urgent=bool(deadline and deadline <= soon),
                detail=_("%(edition)s，申报截止 %(deadline)s") % {
                    "edition": application.edition.title, "deadline": deadline or "—"},
            ))
    return items
