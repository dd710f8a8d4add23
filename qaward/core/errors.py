"""Errors the domain raises; the UI and the API render them (problem+json in the API)."""

from __future__ import annotations

from collections.abc import Iterable

from .rulebook import RuleResult, failures


class DomainError(Exception):
    """A refused operation with an HTTP status, a machine code and a Chinese message."""

    status = 400

    def __init__(self, detail: str, *, code: str = "invalid", title: str = "", status: int | None = None,
                 article: str | None = None, extra: dict | None = None):
        super().__init__(detail)
        self.detail = detail
        self.code = code
        self.title = title or detail
        self.article = article
        self.extra = extra or {}
        if status is not None:
            self.status = status

    def as_problem(self) -> dict:
        problem = {"type": f"urn:qaward:problem:{self.code}", "title": self.title, "status": self.status,
                   "detail": self.detail, "code": self.code}
        if self.article:
            problem["article"] = self.article
        problem.update(self.extra)
        return problem


class RuleViolation(DomainError):
    """One or more rules of the Measures refuse the operation."""

    status = 422

    def __init__(self, results: Iterable[RuleResult]):
        self.results = failures(results) or list(results)
        first = self.results[0]
        super().__init__(
            "；".join(r.message for r in self.results),
            code=first.code,
            title=first.rule.message(),
            article=first.article,
            extra={"violations": [r.as_dict() for r in self.results]} if len(self.results) > 1 else {},
        )


class InvalidTransition(DomainError):
    status = 409


class NotPermitted(DomainError):
    status = 403

    def __init__(self, detail: str = "您没有执行此操作的权限。", **kwargs):
        super().__init__(detail, code=kwargs.pop("code", "forbidden"), **kwargs)


def enforce(results: Iterable[RuleResult]) -> list[RuleResult]:
    """Raise RuleViolation when any blocking rule failed; return all results otherwise."""
    results = list(results)
    if failures(results):
        raise RuleViolation(results)
    return results
