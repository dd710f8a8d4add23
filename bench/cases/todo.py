"""(f) The office's to-do list: qaward.portal.todo.todos_for(office user), every provider.

Floor: the counts behind the office's items in raw SQL — roles, the formal-review queue, failed
e-mails, unread notifications, objections to investigate, and the editions whose next stage the
office may enter (an edition in formal review with its acceptance notice published).
"""

from __future__ import annotations

from qaward.accounts.models import RoleGrant
from qaward.applications.enums import ApplicationState, OutboxStatus
from qaward.applications.models import Application, Notification, OutboxEmail
from qaward.notices.enums import NoticeKind, ObjectionStatus
from qaward.notices.models import Objection, PublicNotice
from qaward.portal.todo import todos_for
from qaward.programs.models import Edition, EditionStage

from ..timing import CaseResult, compare
from .common import fetch, fresh_user, table


def run(world, repeat: int) -> list[CaseResult]:
    user_id = world.office_user_id
    counts = [
        (f"SELECT COUNT(*) FROM {table(Application)} WHERE state = %s", [ApplicationState.RECOMMENDED]),
        (f"SELECT COUNT(*) FROM {table(OutboxEmail)} WHERE status = %s", [OutboxStatus.FAILED]),
        (f"SELECT COUNT(*) FROM {table(Notification)} WHERE recipient_id = %s AND read_at IS NULL", [user_id]),
        (f"""SELECT COUNT(*) FROM {table(Objection)}
             WHERE status = %s OR (status = %s AND findings = '')""",
         [ObjectionStatus.FILED, ObjectionStatus.INVESTIGATING]),
    ]
    editions = f"""
        SELECT e.id, EXISTS(SELECT 1 FROM {table(PublicNotice)} n
                            WHERE n.edition_id = e.id AND n.kind = %s AND n.withdrawn_at IS NULL)
        FROM {table(Edition)} e WHERE NOT e.is_historical AND e.stage = %s"""

    def floor() -> list[int]:
        fetch(f"SELECT role FROM {table(RoleGrant)} WHERE user_id = %s AND is_active", [user_id])
        numbers = [fetch(sql, params)[0][0] for sql, params in counts]
        numbers += [1 for _, ready in fetch(editions, [NoticeKind.ACCEPTANCE, EditionStage.FORMAL_REVIEW]) if ready]
        return sorted(n for n in numbers if n > 0)

    def system(user) -> list[int]:
        return sorted(item.count for item in todos_for(user))

    s, f = compare(system, floor, repeat, setup=fresh_user(user_id))
    items = todos_for(fresh_user(user_id)())
    return [CaseResult("f_office_todo", "待办 todos_for(office user), all providers", s.timing, f.timing,
                       len(s.result), len(f.result), s.result == f.result,
                       notes=["; ".join(f"{item.title} {item.count}" for item in items)])]
