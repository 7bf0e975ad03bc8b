"""`relay demo`: a demo merchant with partners, links, clicks, orders and commissions.

Everything goes through the public HTTP API of an in-process app (and real signed shop
events), so the demo is also a smoke test of the whole path a merchant's shop takes.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from typing import Any

import httpx
import shortuuid
from standardwebhooks import Webhook

from accounts.models import Role
from accounts.service.merchants import create_merchant, find_merchant, issue_api_key
from accounts.service.sign_in import (
    StaffAccountExists,
    create_staff_account,
    set_password,
)
from core.time import now
from referral.service.links import list_links
from referral.service.partners import issue_sign_in_link, list_partners
from relay.app import create_app
from relay.pipeline import release_commissions
from relay.settings import Settings

DEMO_NAME = "Demo Tea House"
SHOP = "shop.example.com"

RULES: dict[str, Any] = {
    "rules": [
        {"id": "skincare-10pct", "level": 1, "conditions": {"categories": ["skincare"]}, "reward": {"percent": "10"}},
        {"id": "tea-3-per-unit", "level": 1, "conditions": {"categories": ["tea"]}, "reward": {"flat_per_unit": "3.00"}},
        {"id": "everything-else-5pct", "level": 1, "reward": {"percent": "5"}},
        {"id": "first-order-bonus", "level": 1, "conditions": {"first_order": True}, "reward": {"flat_per_order": "20.00"}},
        {"id": "recruiter-2pct", "level": 2, "reward": {"percent": "2"}},
    ],
    "modifiers": [{"name": "double on the 8th, 18th and 28th", "conditions": {"days_of_month": [8, 18, 28]}, "multiply": "2"}],
    "caps": {"per_order": {"cash": "500.00"}},
    "customer_incentive": {"percent": "5", "first_order_only": True},
}


#: A phone's browser: httpx's own user agent is (rightly) taken for a bot.
_PHONE = {"user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"}


@dataclass
class DemoResult:
    merchant_id: int
    keys: dict[str, str]
    webhook_secret: str
    links: list[dict[str, Any]]
    created: bool
    #: The consoles: role -> (email, password) of a staff account, and a partner's sign-in link path.
    staff: dict[str, tuple[str, str]] = field(default_factory=dict)
    partner_sign_in: str = ""


class _Shop:
    """The merchant's shop: sends signed events to Relay."""

    def __init__(self, http: httpx.AsyncClient, merchant_id: int, secret: str) -> None:
        self.http, self.merchant_id, self.webhook = http, merchant_id, Webhook(secret)

    async def send(self, kind: str, data: dict[str, Any]) -> dict[str, Any]:
        stamp = now()
        body = json.dumps({"type": kind, "timestamp": stamp.isoformat(), "data": data})
        msg_id = f"msg_{shortuuid.uuid()}"
        headers = {
            "webhook-id": msg_id,
            "webhook-timestamp": str(int(stamp.timestamp())),
            "webhook-signature": self.webhook.sign(msg_id, stamp, body),
            "content-type": "application/json",
        }
        response = await self.http.post(f"/api/v1/merchants/{self.merchant_id}/events", content=body, headers=headers)
        response.raise_for_status()
        return response.json()


async def seed(settings: Settings) -> DemoResult:
    """Create (once) and populate the demo merchant; on later runs, issue fresh keys for it."""
    existing = await find_merchant(DEMO_NAME)
    if existing is not None:
        keys = {role.value: await issue_api_key(existing.id, role, label="demo") for role in Role}
        links = []
        for partner in (await list_partners(existing.id, limit=10)).items:
            links += [{"code": link.code, "scene": link.scene} for link in (await list_links(existing.id, partner.id)).items]
        return await _consoles(DemoResult(existing.id, keys, existing.webhook_secret, links, created=False))
    created = await create_merchant(DEMO_NAME, "CNY", timezone="Asia/Shanghai", allowed_domains=[SHOP])
    merchant = created.merchant
    app = create_app(Settings(database_url=settings.database_url, public_url=settings.public_url, manage_database=False))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=("198.51.100.20", 40000))
        async with httpx.AsyncClient(transport=transport, base_url=settings.public_url) as http:
            links = await _populate(http, created.api_keys, merchant.id, merchant.webhook_secret)
            await app.state.clicks.flush()
    await release_commissions()  # the demo's hold is 0 days: completed orders' commissions are payable
    return await _consoles(DemoResult(merchant.id, created.api_keys, merchant.webhook_secret, links, created=True))


async def _consoles(result: DemoResult) -> DemoResult:
    """An admin and a finance account with fresh passwords, and a sign-in link of the first partner."""
    for role in ("admin", "finance"):
        email, password = f"{role}@demo.example", f"demo-{secrets.token_urlsafe(9)}"
        try:
            await create_staff_account(result.merchant_id, email, password, role)
        except StaffAccountExists:
            await set_password(result.merchant_id, email, password)
        result.staff[role] = (email, password)
    first = (await list_partners(result.merchant_id, limit=1)).items
    if first:
        result.partner_sign_in = (await issue_sign_in_link(result.merchant_id, first[0].id)).path
    return result


async def _populate(http: httpx.AsyncClient, keys: dict[str, str], merchant_id: int, secret: str) -> list[dict]:
    admin = {"Authorization": f"Bearer {keys['admin']}"}

    async def call(method: str, path: str, body: Any = None) -> Any:
        response = await http.request(method, path, json=body, headers=admin)
        response.raise_for_status()
        return response.json()

    await call("PATCH", "/api/v1/commission-terms", {"hold_days": 0})
    draft = await call("POST", "/api/v1/rule-sets", {"content": RULES})
    await call("POST", f"/api/v1/rule-sets/{draft['version']}/publish")

    lin = await call("POST", "/api/v1/partners", {
        "display_name": "Lin Mei (stay-at-home parent)", "kind": "parent", "group": "gold",
        "payee_name": "Lin Mei", "payee_account": "6222 0000 1111 2222",
    })
    sunrise = await call("POST", "/api/v1/partners", {
        "display_name": "Sunrise Property Management", "kind": "property_manager", "recruiter_id": lin["id"],
        "payee_name": "Sunrise PM Ltd", "payee_account": "6222 0000 3333 4444",
    })
    guide = await call("POST", "/api/v1/partners", {
        "display_name": "Wang Fang (store guide)", "kind": "sales_guide", "reward_preference": "points",
    })
    links = [
        await call("POST", f"/api/v1/partners/{lin['id']}/links", {"target_url": f"https://{SHOP}/", "scene": "personal"}),
        await call("POST", f"/api/v1/partners/{lin['id']}/links", {
            "target_url": f"https://{SHOP}/p/serum", "scene": "product", "sku": "SERUM-30"}),
        await call("POST", f"/api/v1/partners/{sunrise['id']}/links", {
            "target_url": f"https://{SHOP}/campaign/autumn", "scene": "campaign", "campaign": "autumn"}),
    ]

    shop = _Shop(http, merchant_id, secret)
    orders = [
        (links[1], "SERUM-30", "skincare", 2, "199.00"),
        (links[0], "OOLONG-250", "tea", 5, "68.00"),
        (links[2], "SERUM-30", "skincare", 4, "199.00"),
        (links[2], "GIFTBOX", "gifts", 1, "688.00"),
    ]
    for index, (link, sku, category, quantity, price) in enumerate(orders, start=1):
        visitor = httpx.Cookies()
        for _ in range(2):  # a second visit within 60 s counts once
            hop = await http.get(f"/r/{link['code']}", cookies=visitor, headers=_PHONE)
            visitor.update(hop.cookies)
        click_id = httpx.URL(hop.headers["location"]).params["relay_click"]
        await shop.send("order.created", {
            "external_id": f"DEMO-{index:04d}", "occurred_at": now().isoformat(),
            "currency": "CNY", "channel": "online", "customer_ref": f"customer-{index}",
            "lines": [{"sku": sku, "category": category, "quantity": quantity, "unit_price": price}],
            "click_id": click_id,
        })
    await shop.send("order.created", {
        "external_id": "DEMO-STORE-1", "occurred_at": now().isoformat(), "currency": "CNY", "channel": "store",
        "store_id": "shanghai-jingan", "customer_ref": "walk-in-7",
        "lines": [{"sku": "OOLONG-250", "category": "tea", "quantity": 3, "unit_price": "68.00"}],
        "partner_code": guide["code"],
    })
    for external_id in ("DEMO-0001", "DEMO-0002", "DEMO-0003", "DEMO-STORE-1"):
        await shop.send("order.completed", {"external_id": external_id, "occurred_at": now().isoformat()})
    await shop.send("order.refunded", {
        "external_id": "DEMO-0003", "refund_id": "R-1", "occurred_at": now().isoformat(),
        "lines": [{"sku": "SERUM-30", "quantity": 1}],
    })
    return links
