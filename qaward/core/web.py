"""Web-side helpers shared by every app's views.

``domain_errors`` is how a view calls a service and shows a refusal to the user::

    with domain_errors(request) as outcome:
        services.submit(application, actor=request.user)
    if outcome.failed:
        return render(request, "applications/detail.html", context, status=outcome.status)
    return redirect(application)

The service's DomainError (a RuleViolation names its article in ``detail``) becomes a
``messages.error``; anything else propagates, so programming errors are never hidden as user
messages. base.html configures htmx to swap 422 responses, so a form re-rendered with its error
replaces itself in place.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib import messages

from .errors import DomainError, InvalidTransition, NotPermitted

# Statuses a re-rendered page keeps from the error; every other refusal is "the request was
# understood but the rules refuse it", i.e. 422.
_KEPT_STATUSES = {NotPermitted.status, InvalidTransition.status}


@dataclass
class Outcome:
    error: DomainError | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def status(self) -> int:
        if self.error is None:
            return 200
        return self.error.status if self.error.status in _KEPT_STATUSES else 422

    @property
    def detail(self) -> str:
        return self.error.detail if self.error is not None else ""


@contextmanager
def domain_errors(request, *, form=None) -> Iterator[Outcome]:
    """Turn a DomainError raised in the block into a user message and a failed Outcome.

    With ``form``, the message is attached to the form as a non-field error instead, so it shows
    beside the inputs that caused it rather than in the page's message area.
    """
    outcome = Outcome()
    try:
        yield outcome
    except DomainError as error:
        outcome.error = error
        if form is not None:
            form.add_error(None, error.detail)
        else:
            messages.error(request, error.detail)
