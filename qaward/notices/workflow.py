"""The objection's life as data: filed → investigating → decided (第七、八、二十八条).

The office investigates and records its findings; the leadership group decides, with a reason,
only once findings are on record.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from qaward.core.rulebook import OBJECTION_NOT_INVESTIGATED, check
from qaward.core.workflow import StateMachine, Transition

from .enums import ObjectionStatus
from .rules import can_decide_objections, can_investigate_objections

Status = ObjectionStatus


def findings_recorded(objection, **context):
    recorded = bool(objection.findings.strip())
    yield check(OBJECTION_NOT_INVESTIGATED, recorded, "" if recorded else "办公室尚未记录调查核实情况")


OBJECTION_MACHINE = StateMachine(
    "objection",
    field_name="status",
    states={status.value: status.label for status in ObjectionStatus},
    transitions=[
        Transition("investigate", (Status.FILED,), Status.INVESTIGATING, _("开始调查核实"), can_investigate_objections),
        Transition(
            "uphold", (Status.INVESTIGATING,), Status.UPHELD, _("异议成立"), can_decide_objections,
            guards=(findings_recorded,), reason_required=True,
        ),
        Transition(
            "dismiss", (Status.INVESTIGATING,), Status.DISMISSED, _("异议不成立"), can_decide_objections,
            guards=(findings_recorded,), reason_required=True,
        ),
    ],
)
