"""Schemas shared by every router of the API."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema
from pydantic import ConfigDict, Field


class Problem(Schema):
    """RFC 9457 problem details, as sent with Content-Type application/problem+json."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(examples=["urn:qaward:problem:approvals_missing"])
    title: str
    status: int
    detail: str
    code: str = Field(description="机器可读的错误代码；规则违反时为规则代码（见 rulebook）")
    article: str | None = Field(None, description="违反的《办法》条款，如 11(1)")


class ValidationProblemItem(Schema):
    loc: list[str | int]
    msg: str
    type: str


class RuleResultOut(Schema):
    """One check of a rule of the Measures (qaward.core.rulebook.RuleResult.as_dict())."""

    code: str
    article: str
    citation: str
    passed: bool
    severity: str
    detail: str
    message: str


class OrganizationRef(Schema):
    id: int
    name: str


class RoleOut(Schema):
    role: str
    role_label: str
    organization: OrganizationRef


class MeOut(Schema):
    id: int
    username: str
    display_name: str
    roles: list[RoleOut]


class TokenIn(Schema):
    username: str = Field(min_length=1, max_length=150)
    password: str = Field(min_length=1, max_length=4096)
    otp: str | None = Field(None, max_length=16, description="已启用双因素认证的账户必填：动态口令")


class TokenOut(Schema):
    token: str
    expires_at: datetime
    token_type: str = "Bearer"
