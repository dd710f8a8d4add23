"""Operations on applications: one function per operation, each checking permission and the rules,
changing state and writing the audit record in one transaction. Views and the API call these."""

from .attachments import add_attachment, open_attachment, remove_attachment
from .drafting import sign_commitment, start_application, update_application
from .history import record_award, record_revocation
from .materials import add_talent, record_publicity, remove_talent
from .review import answer_opinion, request_opinion, verify_talent
from .transitions import available_actions, perform

__all__ = [
    "add_attachment", "add_talent", "answer_opinion", "available_actions", "open_attachment", "perform",
    "record_award", "record_publicity", "record_revocation", "remove_attachment", "remove_talent",
    "request_opinion", "sign_commitment", "start_application", "update_application", "verify_talent",
]
