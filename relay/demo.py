"""`relay demo`: a demo merchant with partners, links, clicks, orders, commissions and payouts.

Everything goes through the public HTTP API of an in-process app (and real signed shop
events), so the demo is also a smoke test of the whole path a merchant's shop takes. Its
history covers the last `WEEKS` weeks, so the charts and reports show something: the clicks are
recorded at past moments (the click recorder's clock is set back, as tests do), each order is
placed a little after its click and completed a few days later, and last month's commissions
are paid in a batch (one line failed by the bank, waiting for the next batch).
"""

from __future__ import annotations

import json
import random
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
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
from core.time import midnight, now, zone
from referral.service.clicks import ClickRecorder
from referral.service.links import list_links
from referral.service.partners import issue_sign_in_link, list_partners
from relay.app import create_app
from relay.pipeline import release_commissions
from relay.settings import Settings

DEMO_NAME = "Demo Tea House"
SHOP = "shop.example.com"
TIMEZONE = "Asia/Shanghai"
#: The demo's history: clicks and orders over this many weeks up to now.
WEEKS = 12
#: What the shop sells: sku, category, unit price.
PRODUCTS = (("SERUM-30", "skincare", "199.00"), ("OOLONG-250", "tea", "68.00"), ("GIFTBOX", "gifts", "688.00"))
#: An order is completed this long after it was placed (the demo's hold is 0 days: payable then).
DELIVERED_AFTER = timedelta(days=4)

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
    partner_id: int | None = None  #: whose link it is


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
        secret = settings.sealer.open(existing.webhook_secret)
        return await _consoles(DemoResult(existing.id, keys, secret, links, created=False))
    created = await create_merchant(DEMO_NAME, "CNY", timezone=TIMEZONE, allowed_domains=[SHOP], sealer=settings.sealer)
    merchant = created.merchant
    app = create_app(Settings(database_url=settings.database_url, public_url=settings.public_url, manage_database=False,
                              secret_key=settings.secret_key, previous_secret_keys=settings.previous_secret_keys))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=("198.51.100.20", 40000))
        async with httpx.AsyncClient(transport=transport, base_url=settings.public_url) as http:
            links = await _populate(http, created.api_keys, merchant.id, created.webhook_secret, app.state.clicks)
            await app.state.clicks.flush()
            await release_commissions()  # the demo's hold is 0 days: completed orders' commissions are payable
            await _pay_last_month(http, created.api_keys)
    return await _consoles(DemoResult(merchant.id, created.api_keys, created.webhook_secret, links, created=True))


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
        result.partner_id = first[0].id
    return result


def _caller(http: httpx.AsyncClient, key: str) -> Any:
    """``call(method, path, body)``: the API as the holder of `key`, raising on an error."""

    async def call(method: str, path: str, body: Any = None, *, content: str | None = None) -> Any:
        headers = {"Authorization": f"Bearer {key}"} | ({"content-type": "text/csv"} if content is not None else {})
        response = await http.request(method, path, json=body, content=content, headers=headers)
        response.raise_for_status()
        return response.json() if response.headers.get("content-type", "").startswith("application/") else response.text

    return call


async def _populate(
    http: httpx.AsyncClient, keys: dict[str, str], merchant_id: int, secret: str, clicks: ClickRecorder,
) -> list[dict]:
    call = _caller(http, keys["admin"])

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
    await _history(http, shop, clicks, links, guide["code"])
    return links


async def _history(http: httpx.AsyncClient, shop: _Shop, clicks: ClickRecorder, links: list[dict], guide_code: str) -> None:
    """`WEEKS` weeks of visits and orders, the same every time (a seeded random): on each day a
    few visitors follow partners' links, some of them order twenty minutes later; the store
    guide sells at the till once a week; orders older than `DELIVERED_AFTER` are completed; one
    is partly refunded."""
    chance = random.Random(2026)
    start = now() - timedelta(weeks=WEEKS)
    placed: list[tuple[str, datetime, str]] = []  #: external id, when, the sku bought
    try:
        for day in range(WEEKS * 7):
            for visit in range(chance.choice((0, 1, 1, 2))):
                at = start + timedelta(days=day, hours=chance.randint(9, 21), minutes=chance.randint(0, 59))
                clicks.clock = lambda at=at: at  # noqa: B023  # the click is recorded at `at`
                link = chance.choice(links)
                hop = await http.get(f"/r/{link['code']}", headers=_PHONE)
                if visit > 0 or chance.random() < 0.4:
                    continue  # visited, did not buy
                sku, category, price = PRODUCTS[0] if link.get("sku") else chance.choice(PRODUCTS)
                external_id = f"DEMO-{len(placed) + 1:04d}"
                await shop.send("order.created", {
                    "external_id": external_id, "occurred_at": (at + timedelta(minutes=20)).isoformat(),
                    "currency": "CNY", "channel": "online", "customer_ref": f"customer-{chance.randint(1, 40)}",
                    "lines": [{"sku": sku, "category": category, "quantity": chance.randint(1, 3), "unit_price": price}],
                    "click_id": httpx.URL(hop.headers["location"]).params["relay_click"],
                })
                placed.append((external_id, at + timedelta(minutes=20), sku))
            if day % 7 == 3:
                at = start + timedelta(days=day, hours=15)
                external_id = f"DEMO-STORE-{day // 7 + 1}"
                await shop.send("order.created", {
                    "external_id": external_id, "occurred_at": at.isoformat(), "currency": "CNY", "channel": "store",
                    "store_id": "shanghai-jingan", "customer_ref": f"walk-in-{day}",
                    "lines": [{"sku": "OOLONG-250", "category": "tea", "quantity": chance.randint(1, 4),
                               "unit_price": "68.00"}],
                    "partner_code": guide_code,
                })
                placed.append((external_id, at, "OOLONG-250"))
    finally:
        clicks.clock = now
    delivered = [(external_id, at + DELIVERED_AFTER, sku) for external_id, at, sku in placed
                 if at + DELIVERED_AFTER < now()]
    for external_id, at, _ in delivered:
        await shop.send("order.completed", {"external_id": external_id, "occurred_at": at.isoformat()})
    refunded, at, sku = delivered[len(delivered) // 2]
    await shop.send("order.refunded", {
        "external_id": refunded, "refund_id": "R-1", "occurred_at": (at + timedelta(days=1)).isoformat(),
        "lines": [{"sku": sku, "quantity": 1}],
    })


async def _pay_last_month(http: httpx.AsyncClient, keys: dict[str, str]) -> None:
    """Pay, in cash, what was payable before this month (the bank pays every line but one, which
    waits for the next batch), credit the points, and schedule a batch on the 1st of each month."""
    finance = _caller(http, keys["finance"])
    await finance("PATCH", "/api/v1/payout-terms", {"schedules": {"CNY": {"frequency": "monthly", "day": 1}}})
    first_of_month = midnight(now().astimezone(zone(TIMEZONE)).date().replace(day=1), TIMEZONE)
    batches = {}
    for asset in ("CNY", "PTS"):  # a points batch credits the wallets at approval
        batch = await finance("POST", "/api/v1/payout-batches", {"asset": asset, "cutoff": first_of_month.isoformat()})
        payout = batch["totals"]["payout"]  # approval carries the figures the draft showed
        await finance("POST", f"/api/v1/payout-batches/{batch['id']}/approve", {
            "asset": asset, "lines": payout["lines"], "gross_minor": payout["gross_minor"],
            "net_minor": payout["net_minor"],
        })
        batches[asset] = f"/api/v1/payout-batches/{batch['id']}"
    await finance("POST", f"{batches['CNY']}/export")
    lines = (await finance("GET", f"{batches['CNY']}?line_status=open"))["lines"]
    results = ["reference,status,reason"] + [
        f"{line['reference']},{'failed,account name does not match' if i == len(lines) - 1 else 'paid,'}"
        for i, line in enumerate(lines)
    ]
    await finance("POST", f"{batches['CNY']}/results", content="\r\n".join(results) + "\r\n")
