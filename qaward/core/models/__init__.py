from .audit import AuditChainHead, AuditRecord

__all__ = ["AuditChainHead", "AuditRecord"]
