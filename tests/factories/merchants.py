"""Merchants with their API keys, ready to call the API as each role."""

from __future__ import annotations

from dataclasses import dataclass

import httpx
import shortuuid

from accounts.service.merchants import create_merchant
from core.sealed import Sealer
from relay.settings import Settings


def sealer() -> Sealer:
    """What the tests' app and `relay` commands seal with (the server secret of the environment)."""
    return Settings().sealer


@dataclass
class MerchantCtx:
    id: int
    currency: str
    timezone: str
    keys: dict[str, str]
    webhook_secret: str

    def auth(self, role: str = "admin") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[role]}"}


async def make_merchant(
    *, name: str | None = None, currency: str = "CNY", timezone: str = "Asia/Shanghai",
    allowed_domains: tuple[str, ...] = ("shop.example.com",),
) -> MerchantCtx:
    created = await create_merchant(
        name or f"Merchant {shortuuid.uuid()[:6]}", currency, timezone=timezone,
        allowed_domains=list(allowed_domains), sealer=sealer(),
    )
    m = created.merchant
    return MerchantCtx(m.id, m.currency, m.timezone, created.api_keys, created.webhook_secret)


async def api(client: httpx.AsyncClient, merchant: MerchantCtx, method: str, path: str, role: str = "admin", **kw):
    """Call the JSON API as `merchant` with the key of `role`."""
    return await client.request(method, path, headers=merchant.auth(role), **kw)
