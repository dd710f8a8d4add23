from .organizations import Division, Organization
from .users import ApiToken, RoleGrant, User

__all__ = ["ApiToken", "Division", "Organization", "RoleGrant", "User"]
