"""Merchants, their settings, API keys and webhook secret."""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass

from tortoise.transactions import in_transaction

from accounts.errors import MerchantNotFound
from accounts.models import ApiKey, Merchant, Role
from accounts.service import api_keys
from core.api import Principal
from core.ids import token_hash
from core.money import currency as check_currency
from core.sealed import Sealer
from core.time import zone


@dataclass(frozen=True)
class NewMerchant:
    merchant: Merchant
    api_keys: dict[str, str]  #: role -> the key, shown once
    webhook_secret: str  #: in clear, shown once (the merchant's row keeps it sealed)


def new_webhook_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


async def create_merchant(
    name: str,
    currency: str,
    *,
    timezone: str = "Asia/Shanghai",
    allowed_domains: list[str] | None = None,
    sealer: Sealer,
) -> NewMerchant:
    """Create a merchant with one API key per role and a webhook secret; the keys and the secret
    are returned once: only the keys' hashes are kept, and the secret sealed by `sealer`."""
    check_currency(currency)
    zone(timezone)
    webhook_secret = new_webhook_secret()
    async with in_transaction():
        merchant = await Merchant.create(
            name=name,
            currency=currency.upper(),
            timezone=timezone,
            allowed_domains=[d.lower() for d in allowed_domains or []],
            webhook_secret=sealer.seal(webhook_secret),
        )
        keys = {}
        for role in Role:
            keys[role.value] = await issue_api_key(merchant.id, role)
    return NewMerchant(merchant, keys, webhook_secret)


async def issue_api_key(merchant_id: int, role: Role, label: str = "") -> str:
    """A new key of `role`, returned once (the merchant's admin does this with `api_keys.issue_key`)."""
    return (await api_keys.new_key(merchant_id, role, label)).key


async def authenticate(key: str) -> Principal | None:
    """The caller of an API key, or None when the key is unknown or revoked."""
    row = await ApiKey.filter(key_hash=token_hash(key), revoked_at=None).only("id", "merchant_id", "role").first()
    if row is None:
        return None
    return Principal(merchant_id=row.merchant_id, role=row.role, key_id=row.id)


async def get_merchant(merchant_id: int) -> Merchant:
    merchant = await Merchant.get_or_none(id=merchant_id)
    if merchant is None:
        raise MerchantNotFound(merchant_id)
    return merchant


async def find_merchant(name: str) -> Merchant | None:
    """The first merchant with this exact name (used by `relay demo` to find its merchant)."""
    return await Merchant.filter(name=name).order_by("id").first()


async def lock_merchant(merchant_id: int) -> None:
    """Hold the merchant's row until the caller's transaction ends: one merchant's changes that a
    check cannot serialise by itself (recruiter cycles, the last admin key) run one at a time
    (PostgreSQL; SQLite runs transactions one at a time anyway)."""
    await Merchant.select_for_update().filter(id=merchant_id).only("id").first()


async def merchant_ids() -> list[int]:
    """Every merchant's id, in order (for the jobs that go over all of them)."""
    return list(await Merchant.all().order_by("id").values_list("id", flat=True))

