"""Issuing and revoking API tokens: the only state the API app changes itself."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from qaward.accounts.models import ApiToken
from qaward.core import audit

from .auth import token_lifetime


def issue_token(user) -> tuple[ApiToken, str]:
    """Create a token for `user`; return it with the clear key, which is shown only once."""
    with transaction.atomic():
        # Expired tokens are useless; dropping them keeps the table to live tokens.
        ApiToken.objects.filter(user=user, expires_at__lte=timezone.now()).delete()
        token, key = ApiToken.issue(user, token_lifetime())
        audit.record("api_token.issue", actor=user, obj=token,
                     after={"prefix": token.prefix, "expires_at": token.expires_at})
    return token, key


def revoke_token(token: ApiToken, *, actor) -> None:
    with transaction.atomic():
        audit.record("api_token.revoke", actor=actor, obj=token,
                     before={"prefix": token.prefix, "expires_at": token.expires_at})
        token.delete()
