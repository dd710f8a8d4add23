from .applicants import Applicant, OrganizationProfile, PersonProfile
from .records import AccidentRecord, Honour, ViolationRecord

__all__ = ["AccidentRecord", "Applicant", "Honour", "OrganizationProfile", "PersonProfile", "ViolationRecord"]
