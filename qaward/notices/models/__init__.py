from .notices import NoticeEntry, PublicNotice
from .objections import Objection, ObjectionEvidence

__all__ = ["NoticeEntry", "Objection", "ObjectionEvidence", "PublicNotice"]
