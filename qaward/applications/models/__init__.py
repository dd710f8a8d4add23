from .applications import Application, ApplicationEvent
from .history import AwardRecord
from .materials import Attachment, PublicityRecord, TalentRecord
from .notifications import Notification, OutboxEmail
from .reviews import OpinionRequest

__all__ = [
    "Application", "ApplicationEvent", "Attachment", "AwardRecord", "Notification", "OpinionRequest",
    "OutboxEmail", "PublicityRecord", "TalentRecord",
]
