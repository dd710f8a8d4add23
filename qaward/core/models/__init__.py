from .audit import AuditChainHead, AuditRecord
from .verification import AuditVerification

__all__ = ["AuditChainHead", "AuditRecord", "AuditVerification"]
