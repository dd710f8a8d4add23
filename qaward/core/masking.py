"""Masking of personal data where the full value is not needed (PIPL: data minimisation)."""


def mask_id_number(value: str | None) -> str:
    if not value:
        return ""
    if len(value) <= 8:
        return "*" * len(value)
    return f"{value[:4]}{'*' * (len(value) - 8)}{value[-4:]}"


def mask_phone(value: str | None) -> str:
    if not value:
        return ""
    if len(value) < 7:
        return "*" * len(value)
    return f"{value[:3]}{'*' * (len(value) - 7)}{value[-4:]}"


def mask_email(value: str | None) -> str:
    if not value or "@" not in value:
        return mask_phone(value)
    local, domain = value.split("@", 1)
    return f"{local[:2]}***@{domain}"


# Roles whose work is to contact applicants: the departments that receive and recommend, and the office
# (and its third party). The supervision and leadership groups and the experts read the contact masked.
CONTACT_ROLES = frozenset({"applicant", "county_msa", "industry_authority", "county_government", "office",
                           "third_party"})


def contact_for(user, phone: str | None, email: str | None = None) -> tuple[str, str]:
    """(phone, email) as the user may see them: in full for CONTACT_ROLES, masked for anyone else."""
    if user.is_authenticated and user.role_codes() & CONTACT_ROLES:
        return phone or "", email or ""
    return mask_phone(phone), mask_email(email)
