"""API keys: issued per role, stored as SHA-256 only, rotated and revoked by the merchant's admin.

A key is shown once, when issued. Revocation takes effect on the next request in every
process: `merchants.authenticate` reads the key's row on each call (no cache). Rotation
issues a key with the same role and label and revokes the old one, in one transaction.
The merchant's last active admin key cannot be revoked (that would lock the merchant out);
it can be rotated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.transactions import in_transaction

from accounts.models import ApiKey, Merchant, Role
from accounts.service import audit
from accounts.service.audit import Actor
from core.errors import Conflict, NotFound
from core.ids import secret_token, token_hash
from core.time import now


class ApiKeyNotFound(NotFound):
    def __init__(self, key_id: int) -> None:
        super().__init__(f"API key {key_id} not found", key_id=key_id)


class ApiKeyRevoked(Conflict):
    slug = "api-key-revoked"

    def __init__(self, key_id: int) -> None:
        super().__init__(f"API key {key_id} is revoked already", key_id=key_id)


class LastAdminKey(Conflict):
    slug = "last-admin-key"

    def __init__(self, key_id: int) -> None:
        super().__init__(
            f"API key {key_id} is the merchant's last active admin key: issue another first, or rotate it",
            key_id=key_id,
        )


@dataclass(frozen=True, slots=True)
class ApiKeyInfo:
    """A key as listed: never the key itself, only its first characters."""

    id: int
    role: str
    prefix: str
    label: str
    created_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True, slots=True)
class IssuedKey:
    info: ApiKeyInfo
    key: str  #: shown this once


def _info(row: ApiKey) -> ApiKeyInfo:
    return ApiKeyInfo(row.id, row.role, row.prefix, row.label, row.created_at, row.revoked_at)


async def new_key(merchant_id: int, role: Role, label: str = "") -> IssuedKey:
    """A fresh key of `role` (in the caller's transaction); only its hash is stored."""
    key = secret_token(f"rk_{role.value[:3]}")
    row = await ApiKey.create(
        merchant_id=merchant_id, role=role.value, key_hash=token_hash(key), prefix=key[:12], label=label
    )
    return IssuedKey(_info(row), key)


async def list_keys(merchant_id: int) -> list[ApiKeyInfo]:
    """Every key of the merchant, revoked ones too, oldest first."""
    return [_info(row) for row in await ApiKey.filter(merchant_id=merchant_id).order_by("id")]


async def issue_key(merchant_id: int, role: Role, label: str = "", *, actor: Actor | None) -> IssuedKey:
    async with in_transaction():
        issued = await new_key(merchant_id, role, label)
        await audit.record(merchant_id, actor, "api_key.issue", "api_key", issued.info.id, after=issued.info)
    return issued


async def _locked_key(merchant_id: int, key_id: int) -> ApiKey:
    # One merchant's key changes run one at a time, so two revocations cannot each see the
    # other admin key still active (PostgreSQL; SQLite has one writer anyway).
    await Merchant.select_for_update().filter(id=merchant_id).only("id").first()
    row = await ApiKey.get_or_none(merchant_id=merchant_id, id=key_id)
    if row is None:
        raise ApiKeyNotFound(key_id)
    return row


async def revoke_key(merchant_id: int, key_id: int, *, actor: Actor | None) -> ApiKeyInfo:
    """Refuse the key from now on. Revoking a revoked key answers it unchanged (nothing recorded)."""
    async with in_transaction():
        row = await _locked_key(merchant_id, key_id)
        if row.revoked_at is not None:
            return _info(row)
        if row.role == Role.admin.value:
            others = await ApiKey.filter(
                merchant_id=merchant_id, role=Role.admin.value, revoked_at=None, id__not=key_id
            ).exists()
            if not others:
                raise LastAdminKey(key_id)
        before = _info(row)
        row.revoked_at = now()
        await row.save(update_fields=["revoked_at"])
        await audit.record(merchant_id, actor, "api_key.revoke", "api_key", key_id, before=before, after=_info(row))
    return _info(row)


async def rotate_key(merchant_id: int, key_id: int, *, actor: Actor | None) -> IssuedKey:
    """A new key with the same role and label; the old one is revoked at once (409 if it was already)."""
    async with in_transaction():
        row = await _locked_key(merchant_id, key_id)
        if row.revoked_at is not None:
            raise ApiKeyRevoked(key_id)
        before = _info(row)
        row.revoked_at = now()
        await row.save(update_fields=["revoked_at"])
        issued = await new_key(merchant_id, Role(row.role), row.label)
        await audit.record(
            merchant_id, actor, "api_key.rotate", "api_key", key_id,
            before=before, after={"revoked": _info(row), "replaced_by": issued.info},
        )
    return issued
