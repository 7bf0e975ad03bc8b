"""One-time codes: 6 digits sent to a phone or an email address to prove it is the person's (a
partner signing in; a partner confirming new payee details).

A code is valid for `CODE_TTL` (10 minutes), for at most `MAX_TRIES` (5) tries, and once. Only an
HMAC of it is kept, keyed with the server's secret and the code's own salt: a copy of the table
alone does not let anyone try the million possible codes. A new code for the same purpose and
destination replaces the one before. Each outcome of a check is one conditional UPDATE, so two
concurrent tries can neither both use a code nor together get past the limit.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from tortoise.expressions import F

from accounts.models import OneTimeCode
from core.time import now

CODE_TTL = timedelta(minutes=10)
MAX_TRIES = 5
CODE_DIGITS = 6


class Purpose(StrEnum):
    """What a code proves; a code for one purpose never serves another."""

    sign_in = "sign_in"  #: a partner signs in
    payee_change = "payee_change"  #: a signed-in partner confirms new payee details


class Refusal(StrEnum):
    """Why a code was not accepted (the person is told in these words' translation)."""

    wrong = "wrong"  #: not the code sent; tries remain
    expired = "expired"  #: older than CODE_TTL, or replaced by a newer code
    used_up = "used_up"  #: already used, or MAX_TRIES tries made
    none = "none"  #: no code was sent to this destination


@dataclass(frozen=True, slots=True)
class IssuedCode:
    """A code to send: `code` appears here once and is never stored."""

    id: int
    code: str
    destination: str
    partner_id: int | None
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class CodeCheck:
    """The outcome of one try: `partner_id` when accepted, else the refusal and the tries left."""

    partner_id: int | None
    refusal: Refusal | None
    tries_left: int

    @property
    def accepted(self) -> bool:
        return self.refusal is None


def new_code() -> str:
    """Six random digits (leading zeros kept)."""
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def digest(secret: str, salt: str, code: str) -> str:
    """What is stored of a code: HMAC-SHA256 keyed with the server secret, over the salt and code."""
    return hmac.new(f"relay-code:{secret}".encode(), f"{salt}:{code}".encode(), hashlib.sha256).hexdigest()


async def issue_code(
    merchant_id: int, purpose: Purpose, destination: str, *, partner_id: int | None, secret: str,
    at: datetime | None = None,
) -> IssuedCode:
    """A fresh code for `destination` (a canonical phone or email), replacing any earlier one."""
    moment = at or now()
    code, salt = new_code(), secrets.token_hex(8)
    await OneTimeCode.filter(
        merchant_id=merchant_id, purpose=purpose.value, destination=destination, used_at=None,
        expires_at__gt=moment,
    ).update(expires_at=moment)
    row = await OneTimeCode.create(
        merchant_id=merchant_id, purpose=purpose.value, destination=destination, partner_id=partner_id,
        salt=salt, code_hash=digest(secret, salt, code), expires_at=moment + CODE_TTL, created_at=moment,
    )
    return IssuedCode(row.id, code, destination, partner_id, row.expires_at)


async def check_code(
    merchant_id: int, purpose: Purpose, destination: str, code: str, *, secret: str, at: datetime | None = None
) -> CodeCheck:
    """Try `code` against the newest code sent to `destination` for `purpose`."""
    moment = at or now()
    row = (
        await OneTimeCode.filter(merchant_id=merchant_id, purpose=purpose.value, destination=destination)
        .order_by("-id").first()
    )
    if row is None:
        return CodeCheck(None, Refusal.none, 0)
    if row.used_at is not None or row.attempts >= MAX_TRIES:
        return CodeCheck(None, Refusal.used_up, 0)
    if row.expires_at <= moment:
        return CodeCheck(None, Refusal.expired, 0)
    live = OneTimeCode.filter(id=row.id, used_at=None, attempts__lt=MAX_TRIES, expires_at__gt=moment)
    right = hmac.compare_digest(row.code_hash, digest(secret, row.salt, code.strip()))
    if right:
        if await live.update(used_at=moment, attempts=F("attempts") + 1) == 1:
            return CodeCheck(row.partner_id, None, 0)
        return CodeCheck(None, Refusal.used_up, 0)  # a concurrent try used it, or made the last try
    if await live.update(attempts=F("attempts") + 1) != 1:
        return CodeCheck(None, Refusal.used_up, 0)
    return CodeCheck(None, Refusal.wrong, max(0, MAX_TRIES - row.attempts - 1))
