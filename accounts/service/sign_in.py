"""Who signs in to the consoles: staff accounts (email + argon2 password, role admin or finance)
and one-time sign-in links (for partners, and for staff), of which only the hash is kept.

A staff email is unique within a merchant (not across merchants): staff sign in with the
merchant id, the email and the password. A wrong password and an unknown email end the
same way (None), after the same amount of hashing work.

An admin manages the accounts (`create_staff_account`, `change_role`, `set_active`, each
audited); the merchant's last active admin account keeps its role and stays active.
"""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from accounts.models import SignInToken, StaffAccount, StaffRole
from accounts.service import audit
from accounts.service.audit import Actor
from accounts.service.merchants import lock_merchant
from core import ids
from core.errors import Conflict, InvalidInput, NotFound
from core.time import now

#: How long a sign-in link works (the issue: 15 minutes), and only once.
SIGN_IN_LINK_TTL = timedelta(minutes=15)
#: Where a partner's sign-in link points (the partner portal consumes it).
PARTNER_SIGN_IN_PATH = "/p/sign-in/"
#: Where a staff member's one-time link points.
STAFF_SIGN_IN_PATH = "/console/sign-in/"
MIN_PASSWORD_LENGTH = 10

_hasher = PasswordHasher()  # argon2id with the library's recommended (RFC 9106 low-memory) parameters


@dataclass(frozen=True, slots=True)
class StaffInfo:
    """A staff account as the pages see it (never the password hash)."""

    id: int
    merchant_id: int
    email: str
    role: str
    active: bool


@dataclass(frozen=True, slots=True)
class SignInLink:
    """A freshly issued one-time link: the token appears here once and is never stored."""

    token: str
    path: str  #: e.g. /p/sign-in/<token>; prefix it with the public URL
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class SignedIn:
    """Who a consumed sign-in link belongs to: exactly one of partner_id, staff_account_id is set."""

    merchant_id: int
    partner_id: int | None
    staff_account_id: int | None


class StaffAccountNotFound(NotFound):
    def __init__(self, email: str) -> None:
        super().__init__(f"no staff account {email!r} for this merchant")


class StaffAccountExists(Conflict):
    def __init__(self, email: str) -> None:
        super().__init__(f"a staff account {email!r} already exists for this merchant")


def _info(row: StaffAccount) -> StaffInfo:
    return StaffInfo(row.id, row.merchant_id, row.email, row.role, row.active)


def normalize_email(email: str) -> str:
    return email.strip().lower()


def _check(email: str, password: str | None, role: str) -> None:
    errors = []
    if "@" not in email or len(email) > 254 or " " in email:
        errors.append({"field": "email", "message": "not an email address"})
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        errors.append({"field": "password", "message": f"at least {MIN_PASSWORD_LENGTH} characters"})
    if role not in {r.value for r in StaffRole}:
        errors.append({"field": "role", "message": f"one of {', '.join(r.value for r in StaffRole)}"})
    if errors:
        raise InvalidInput(f"{errors[0]['field']}: {errors[0]['message']}", errors)


async def _hash(password: str) -> str:
    # argon2 takes tens of milliseconds of CPU: off the event loop.
    return await asyncio.to_thread(_hasher.hash, password)


async def create_staff_account(
    merchant_id: int, email: str, password: str | None, role: str, *, actor: Actor | None = None
) -> StaffInfo:
    """A new active staff account; the email is taken lower-cased and must be new for the merchant.
    Without a password nobody knows one (a random one is hashed): the person signs in through a
    one-time link (`issue_staff_sign_in_link`). Audited as `actor` (`staff_account.create`)."""
    email = normalize_email(email)
    _check(email, password, role)
    try:
        async with in_transaction():
            row = await StaffAccount.create(
                merchant_id=merchant_id, email=email, role=role,
                password_hash=await _hash(password if password is not None else secrets.token_urlsafe(32)),
            )
            await audit.record(merchant_id, actor, "staff_account.create", "staff_account", row.id, after=_info(row))
    except IntegrityError:
        raise StaffAccountExists(email) from None
    return _info(row)


async def set_password(merchant_id: int, email: str, password: str) -> StaffInfo:
    """Replace a staff account's password (it keeps its role)."""
    email = normalize_email(email)
    row = await StaffAccount.get_or_none(merchant_id=merchant_id, email=email)
    if row is None:
        raise StaffAccountNotFound(email)
    _check(email, password, row.role)
    row.password_hash = await _hash(password)
    await row.save(update_fields=["password_hash"])
    return _info(row)


@lru_cache(maxsize=1)
def _decoy_hash() -> str:
    return _hasher.hash("decoy password for unknown emails")


def _verify(stored: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored or _decoy_hash(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


async def verify_staff_password(merchant_id: int, email: str, password: str) -> StaffInfo | None:
    """The active account these credentials open, or None: unknown email, wrong password and an
    inactive account are not told apart (and an unknown email costs the same hashing work)."""
    row = await StaffAccount.get_or_none(merchant_id=merchant_id, email=normalize_email(email))
    ok = await asyncio.to_thread(_verify, row.password_hash if row else None, password)
    if row is None or not ok or not row.active:
        return None
    if _hasher.check_needs_rehash(row.password_hash):
        row.password_hash = await _hash(password)
        await row.save(update_fields=["password_hash"])
    return _info(row)


async def active_staff(merchant_id: int, staff_account_id: int) -> StaffInfo | None:
    """The account behind a staff session, or None when it is gone or deactivated (the session ends)."""
    row = await StaffAccount.get_or_none(merchant_id=merchant_id, id=staff_account_id, active=True)
    return _info(row) if row else None


async def staff_by_email(merchant_id: int, email: str) -> StaffInfo:
    row = await StaffAccount.get_or_none(merchant_id=merchant_id, email=normalize_email(email))
    if row is None:
        raise StaffAccountNotFound(email)
    return _info(row)


# --- staff accounts an admin manages -------------------------------------------------------------


class LastActiveAdmin(Conflict):
    """The merchant's last active admin account cannot lose its role or be deactivated: nobody
    could sign in to the merchant console any more."""

    slug = "last-active-admin"

    def __init__(self, staff_account_id: int) -> None:
        super().__init__(
            f"staff account {staff_account_id} is the merchant's last active admin: add another admin first",
            staff_account_id=staff_account_id,
        )


class StaffAccountIdNotFound(NotFound):
    def __init__(self, staff_account_id: int) -> None:
        super().__init__(f"staff account {staff_account_id} not found", staff_account_id=staff_account_id)


async def list_staff(merchant_id: int) -> list[StaffInfo]:
    """The merchant's staff accounts, inactive ones too, oldest first."""
    return [_info(row) for row in await StaffAccount.filter(merchant_id=merchant_id).order_by("id")]


async def _locked_account(merchant_id: int, staff_account_id: int) -> StaffAccount:
    # One merchant's account changes run one at a time, so two changes cannot each see the
    # other admin still active (PostgreSQL; SQLite has one writer anyway).
    await lock_merchant(merchant_id)
    row = await StaffAccount.get_or_none(merchant_id=merchant_id, id=staff_account_id)
    if row is None:
        raise StaffAccountIdNotFound(staff_account_id)
    return row


async def _check_another_admin(merchant_id: int, row: StaffAccount) -> None:
    """Refuse a change taking `row` out of the active admins when it is the last one."""
    if row.role != StaffRole.admin.value or not row.active:
        return
    others = await StaffAccount.filter(
        merchant_id=merchant_id, role=StaffRole.admin.value, active=True, id__not=row.id
    ).exists()
    if not others:
        raise LastActiveAdmin(row.id)


async def change_role(merchant_id: int, staff_account_id: int, role: str, *, actor: Actor | None) -> StaffInfo:
    """Give the account another role (it applies from its next page); an unchanged role records nothing."""
    if role not in {r.value for r in StaffRole}:
        raise InvalidInput(f"role: one of {', '.join(r.value for r in StaffRole)}",
                           [{"field": "role", "message": f"one of {', '.join(r.value for r in StaffRole)}"}])
    async with in_transaction():
        row = await _locked_account(merchant_id, staff_account_id)
        if row.role == role:
            return _info(row)
        await _check_another_admin(merchant_id, row)
        before = _info(row)
        row.role = role
        await row.save(update_fields=["role"])
        await audit.record(merchant_id, actor, "staff_account.change_role", "staff_account", row.id,
                           before=before, after=_info(row))
    return _info(row)


async def set_active(merchant_id: int, staff_account_id: int, active: bool, *, actor: Actor | None) -> StaffInfo:
    """Deactivate an account (it cannot sign in; its open sessions end at their next page) or
    reactivate it; no change records nothing."""
    async with in_transaction():
        row = await _locked_account(merchant_id, staff_account_id)
        if row.active == active:
            return _info(row)
        if not active:
            await _check_another_admin(merchant_id, row)
        before = _info(row)
        row.active = active
        await row.save(update_fields=["active"])
        action = "staff_account.reactivate" if active else "staff_account.deactivate"
        await audit.record(merchant_id, actor, action, "staff_account", row.id, before=before, after=_info(row))
    return _info(row)


# --- one-time sign-in links -------------------------------------------------------------------


async def issue_partner_link(merchant_id: int, partner_id: int) -> SignInLink:
    """A link for the merchant's partner `partner_id`, which the caller checked is theirs
    (`referral.service.partners.issue_sign_in_link` does)."""
    return await _issue(merchant_id, PARTNER_SIGN_IN_PATH, partner_id=partner_id)


async def issue_staff_sign_in_link(merchant_id: int, staff_account_id: int) -> SignInLink:
    if await active_staff(merchant_id, staff_account_id) is None:
        raise NotFound(f"staff account {staff_account_id} not found or inactive")
    return await _issue(merchant_id, STAFF_SIGN_IN_PATH, staff_account_id=staff_account_id)


async def _issue(merchant_id: int, path: str, **owner: int) -> SignInLink:
    token = ids.secret_token("rs")
    expires_at = now() + SIGN_IN_LINK_TTL
    await SignInToken.create(merchant_id=merchant_id, token_hash=ids.token_hash(token), expires_at=expires_at, **owner)
    return SignInLink(token=token, path=path + token, expires_at=expires_at)


async def consume_sign_in_link(token: str, *, at: datetime | None = None) -> SignedIn | None:
    """Use a sign-in link once. None when it is unknown, expired or already used.

    The token's hash is unique across merchants, so the lookup needs no merchant id (as an
    API key's does not). One conditional UPDATE marks it used: of two concurrent uses,
    exactly one changes a row.
    """
    moment = at or now()
    digest = ids.token_hash(token)
    changed = await SignInToken.filter(token_hash=digest, used_at=None, expires_at__gt=moment).update(used_at=moment)
    if changed != 1:
        return None
    row = await SignInToken.get(token_hash=digest)
    if row.staff_account_id is not None and await active_staff(row.merchant_id, row.staff_account_id) is None:
        return None
    return SignedIn(row.merchant_id, row.partner_id, row.staff_account_id)
