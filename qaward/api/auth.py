"""Who is calling the API: a bearer token, or the browser session (with CSRF on unsafe methods)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from qaward.accounts.models import ApiToken
from qaward.core.errors import NotPermitted

# Writing last_used_at on every request would turn each read into a write.
LAST_USED_RESOLUTION = timedelta(minutes=1)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def token_lifetime() -> timedelta:
    return getattr(settings, "API_TOKEN_LIFETIME", timedelta(hours=8))


class BearerTokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        if not token:
            return None
        try:
            api_token = ApiToken.objects.select_related("user").get(key_hash=ApiToken.hash_key(token))
        except (ApiToken.DoesNotExist, UnicodeEncodeError):
            return None
        now = timezone.now()
        if api_token.expires_at <= now or not api_token.user.is_active:
            return None
        if api_token.last_used_at is None or now - api_token.last_used_at >= LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.api_token = api_token
        # Services and audit records read request.user; a token caller is that user.
        request.user = api_token.user
        return api_token.user


class SessionCsrfAuth(APIKeyCookie):
    """The browser's Django session; unsafe methods must carry the CSRF token.

    Unlike ninja's SessionAuth, an anonymous request is simply "not this scheme" (so it ends as 401,
    not a CSRF 403), and the CSRF check only runs once a session user is known.
    """

    param_name = settings.SESSION_COOKIE_NAME

    def __call__(self, request: HttpRequest):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if (self.csrf and request.method not in SAFE_METHODS
                and not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request)):
            raise NotPermitted("CSRF 校验失败：请刷新页面后重试，或改用接口令牌。", code="csrf_failed")
        return user

    def authenticate(self, request: HttpRequest, key: str | None):  # pragma: no cover - see __call__
        return None


bearer_auth = BearerTokenAuth()
session_auth = SessionCsrfAuth()

# The bearer scheme goes first: a token caller has no session and must not meet the CSRF check.
api_auth = [bearer_auth, session_auth]
