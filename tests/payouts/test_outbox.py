"""Events to the merchant: written with the change (or not at all), delivered signed, retried,
given up, never to another merchant.

The merchant's endpoint is a fake implementing the sender port: it verifies each delivery
with standardwebhooks, as a merchant would, and answers what the test tells it to.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from datetime import timedelta
from typing import Any

import pytest
from standardwebhooks import Webhook, WebhookVerificationError
from tortoise.transactions import in_transaction

from accounts.service import settings
from core.outbound import UrlRules
from core.time import now
from payouts.events import Event, EventType
from payouts.models import OutboxEvent
from payouts.outbox_sender import Answer, HttpxSender
from payouts.service import outbox
from tests.conftest import run_relay
from tests.factories.batches import approve, by_partner, create, get, make_commission, make_payee, outcome
from tests.factories.commissions import publish_rule_set
from tests.factories.events import envelope, order_data, send
from tests.factories.merchants import MerchantCtx, api, make_merchant, sealer
from tests.factories.referral import make_partner
from tests.payouts.test_outbox_sender import Resolver, receiver

pytestmark = pytest.mark.usefixtures("database_url")

DEVELOPMENT = UrlRules(allow_insecure=True)
RULES = {
    "rules": [
        {"id": "skincare", "level": 1, "conditions": {"categories": ["skincare"]}, "reward": {"percent": "10"}},
        {"id": "recruiter", "level": 2, "reward": {"percent": "2"}},
    ]
}


class Endpoint:
    """A merchant's webhook endpoint: verifies the signature with the merchant's secret, keeps
    what it received, answers `statuses` in turn (200 once they run out)."""

    def __init__(self, url: str, secret: str, statuses: tuple[int, ...] = ()) -> None:
        self.url, self.secret, self.statuses = url, secret, list(statuses)
        self.received: list[tuple[str, dict[str, Any]]] = []

    def take(self, body: bytes, headers: dict[str, str]) -> Answer:
        payload = Webhook(self.secret).verify(body, headers)  # raises on a bad signature
        self.received.append((headers["webhook-id"], payload))
        status = self.statuses.pop(0) if self.statuses else 200
        return Answer(status, None if status < 300 else f"HTTP {status}")


class Endpoints:
    """The sender port, faked: routes each POST to the `Endpoint` of its URL."""

    def __init__(self, *endpoints: Endpoint) -> None:
        self.by_url = {endpoint.url: endpoint for endpoint in endpoints}

    async def __call__(self, url: str, body: bytes, headers: dict[str, str]) -> Answer:
        await asyncio.sleep(0)  # let concurrent deliverers interleave
        return self.by_url[url].take(body, headers)


async def with_webhook(client, url: str = "https://shop.example.com/relay-hooks") -> MerchantCtx:
    m = await make_merchant()
    response = await api(client, m, "PATCH", "/api/v1/merchant", json={"webhook_url": url})
    assert response.status_code == 200, response.text
    assert response.json()["webhook_url"] == url
    return m


async def queued(merchant_id: int) -> list[OutboxEvent]:
    return await OutboxEvent.filter(merchant_id=merchant_id).order_by("id")


def serum_order(partner, **overrides) -> dict:
    """A 100.00 serum order entered with the partner's code (10 % to them, 2 % to their recruiter)."""
    return order_data(
        lines=[{"sku": "SERUM-30", "category": "skincare", "quantity": 1, "unit_price": "100.00"}],
        partner_code=partner.code, **overrides,
    )


async def test_an_order_with_commissions_enqueues_one_commission_created_each(client):
    m = await with_webhook(client)
    recruiter = await make_partner(m.id)
    parent = await make_partner(m.id, recruiter_id=recruiter.id)
    await publish_rule_set(m.id, RULES)
    order = serum_order(parent)
    assert (await send(client, m, "order.created", order)).status_code == 200

    events = await queued(m.id)
    assert [(e.type, e.status, e.attempts, e.event_id[:4]) for e in events] == [
        ("commission.created", "pending", 0, "msg_")
    ] * 2
    data = [e.payload["data"] for e in events]
    assert [(d["partner_id"], d["level"], d["amount_minor"], d["amount"], d["asset"]) for d in data] == [
        (parent.id, 1, 1000, "10.00", "CNY"), (recruiter.id, 2, 200, "2.00", "CNY"),
    ]
    assert {d["order_external_id"] for d in data} == {order["external_id"]}
    listed = await api(client, m, "GET", "/api/v1/commissions", params={"order_external_id": order["external_id"]})
    assert sorted(d["commission_id"] for d in data) == sorted(c["id"] for c in listed.json()["items"])
    assert all(e.payload["type"] == "commission.created" and e.payload["timestamp"] for e in events)


async def test_a_replayed_shop_event_enqueues_nothing_more(client):
    m = await with_webhook(client)
    parent = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    order = serum_order(parent)
    body = envelope("order.created", order)
    for webhook_id in ("msg_same", "msg_same", "msg_other"):
        assert (await send(client, m, "order.created", order, body=body, webhook_id=webhook_id)).status_code == 200
    assert [e.type for e in await queued(m.id)] == ["commission.created"]


async def test_an_event_rolled_back_after_its_commissions_enqueues_nothing(client):
    m = await with_webhook(client)
    parent = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    first = serum_order(parent)
    assert (await send(client, m, "order.created", first, webhook_id="msg_reused")).status_code == 200
    # Another order under the same webhook-id: attributed and commissioned, then the receipt
    # refuses it (409) and the whole transaction, events included, rolls back.
    other = serum_order(parent)
    refused = await send(client, m, "order.created", other, webhook_id="msg_reused")
    assert refused.status_code == 409, refused.text
    events = await queued(m.id)
    assert [e.payload["data"]["order_external_id"] for e in events] == [first["external_id"]]

    async def rolled_back() -> None:
        async with in_transaction():
            await outbox.enqueue(m.id, [Event(EventType.commission_created, {"commission_id": 1})])
            raise RuntimeError("the change failed after its event was written")

    with pytest.raises(RuntimeError):
        await rolled_back()
    assert len(await queued(m.id)) == 1


async def test_a_merchant_without_a_webhook_url_gets_no_events(client):
    m = await make_merchant()
    parent = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    assert (await send(client, m, "order.created", serum_order(parent))).status_code == 200
    assert await queued(m.id) == []


async def test_a_refund_enqueues_commission_reversed(client):
    m = await with_webhook(client)
    parent = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    order = serum_order(parent)
    assert (await send(client, m, "order.created", order)).status_code == 200
    refund = await send(client, m, "order.refunded", {
        "external_id": order["external_id"], "refund_id": "R1", "occurred_at": now().isoformat(),
        "lines": [{"sku": "SERUM-30", "quantity": 1}],
    })
    assert refund.status_code == 200, refund.text
    created, reversed_ = await queued(m.id)
    data = reversed_.payload["data"]
    assert reversed_.type == "commission.reversed"
    assert (data["amount_minor"], data["amount"], data["reversal_of"], data["refund_external_id"]) == (
        -1000, "-10.00", created.payload["data"]["commission_id"], "R1"
    )


async def test_delivery_is_signed_with_the_merchants_secret_and_marked_delivered(client):
    m = await with_webhook(client)
    parent = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    assert (await send(client, m, "order.created", serum_order(parent))).status_code == 200
    endpoint = Endpoint("https://shop.example.com/relay-hooks", m.webhook_secret)

    done = await outbox.deliver_due(now(), sealer=sealer(), sender=Endpoints(endpoint), merchant_id=m.id)
    assert (done.claimed, done.delivered, done.retrying, done.dead) == (1, 1, 0, 0)
    (event,) = await queued(m.id)
    assert (event.status, event.attempts, event.last_error) == ("delivered", 1, None)
    assert event.delivered_at is not None
    assert endpoint.received == [(event.event_id, event.payload)]
    assert (await outbox.deliver_due(now(), sealer=sealer(), sender=Endpoints(endpoint), merchant_id=m.id)).claimed == 0


async def test_a_failing_endpoint_is_retried_with_backoff_then_given_up(client):
    m = await with_webhook(client)
    async with in_transaction():
        await outbox.enqueue(m.id, [Event(EventType.commission_created, {"commission_id": 7})])
    endpoint = Endpoint("https://shop.example.com/relay-hooks", m.webhook_secret, statuses=(500,) * 20)
    sender = Endpoints(endpoint)
    at = now() + timedelta(seconds=1)

    done = await outbox.deliver_due(at, sealer=sealer(), sender=sender, merchant_id=m.id)
    (event,) = await queued(m.id)
    assert (done.retrying, event.status, event.attempts, event.last_error) == (1, "pending", 1, "HTTP 500")
    assert event.next_attempt_at == at + timedelta(seconds=30)
    # Not due before its time; then each failure doubles the wait, up to an hour.
    assert (await outbox.deliver_due(at + timedelta(seconds=29), sealer=sealer(), sender=sender, merchant_id=m.id)).claimed == 0
    waits = []
    while event.status == "pending":
        at = event.next_attempt_at
        await outbox.deliver_due(at, sealer=sealer(), sender=sender, merchant_id=m.id)
        (event,) = await queued(m.id)
        waits.append((event.next_attempt_at - at).total_seconds())
    assert waits == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600, 0]
    assert (event.status, event.attempts, len(endpoint.received)) == ("dead", outbox.MAX_ATTEMPTS, 12)
    assert (await outbox.deliver_due(at + timedelta(days=1), sealer=sealer(), sender=sender, merchant_id=m.id)).claimed == 0


def test_the_backoff_doubles_from_30_seconds_up_to_an_hour_and_gives_up_after_12_attempts():
    assert [outbox.retry_delay(n).total_seconds() for n in range(1, 12)] == [
        30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600
    ]
    assert outbox.retry_delay(12) is None


async def test_two_deliverers_at_once_never_send_the_same_event_twice(client):
    m = await with_webhook(client)
    async with in_transaction():
        await outbox.enqueue(m.id, [Event(EventType.commission_created, {"commission_id": n}) for n in range(60)])
    endpoint = Endpoint("https://shop.example.com/relay-hooks", m.webhook_secret)
    sender = Endpoints(endpoint)

    async def drain() -> int:
        sent = 0
        while (done := await outbox.deliver_due(now(), limit=7, sealer=sealer(), sender=sender, merchant_id=m.id)).claimed:
            sent += done.delivered
        return sent

    counts = await asyncio.gather(drain(), drain(), drain())
    assert sum(counts) == 60
    assert Counter(Counter(webhook_id for webhook_id, _ in endpoint.received).values()) == {1: 60}
    assert {e.status for e in await queued(m.id)} == {"delivered"}


async def test_payout_lines_paid_and_failed_enqueue_their_events(client):
    m = await with_webhook(client)
    paid_to, failed_to = await make_payee(m.id), await make_payee(m.id)
    await make_commission(m.id, paid_to.id, 10000)
    await make_commission(m.id, failed_to.id, 20000)
    batch = await approve(client, m, (await create(client, m))["id"])
    lines = by_partner(await get(client, m, batch["id"]))
    assert (await outcome(client, m, batch["id"], lines[paid_to.id]["id"], "paid")).status_code == 200
    assert (await outcome(client, m, batch["id"], lines[failed_to.id]["id"], "failed", "closed account")).status_code == 200
    assert (await outcome(client, m, batch["id"], lines[paid_to.id]["id"], "paid")).status_code == 200  # no change

    paid, failed = await queued(m.id)
    assert (paid.type, failed.type) == ("payout.line_paid", "payout.line_failed")
    assert paid.payload["data"] | {"settled_at": None} == {
        "batch_id": batch["id"], "line_id": lines[paid_to.id]["id"], "reference": lines[paid_to.id]["reference"],
        "partner_id": paid_to.id, "asset": "CNY", "gross_minor": 10000, "withheld_minor": 0, "net_minor": 10000,
        "net": "100.00", "reason": None, "settled_at": None,
    }
    assert (failed.payload["data"]["partner_id"], failed.payload["data"]["reason"]) == (failed_to.id, "closed account")


async def test_each_merchant_gets_only_its_own_events_signed_with_its_own_secret(client):
    a = await with_webhook(client, "https://a.example.com/hooks")
    b = await with_webhook(client, "https://b.example.com/hooks")
    at_a, at_b = Endpoint("https://a.example.com/hooks", a.webhook_secret), Endpoint("https://b.example.com/hooks", b.webhook_secret)
    partners = {}
    for m in (a, b):
        partners[m.id] = await make_partner(m.id)
        await publish_rule_set(m.id, RULES)
        assert (await send(client, m, "order.created", serum_order(partners[m.id]))).status_code == 200
    sender = Endpoints(at_a, at_b)
    for m in (a, b):
        await outbox.deliver_due(now(), sealer=sealer(), sender=sender, merchant_id=m.id)

    for endpoint, m in ((at_a, a), (at_b, b)):
        assert [p["data"]["partner_id"] for _, p in endpoint.received] == [partners[m.id].id]
        assert {e.event_id for e in await queued(m.id)} == {webhook_id for webhook_id, _ in endpoint.received}
    with pytest.raises(WebhookVerificationError):  # b's secret does not verify a's events
        Endpoint(at_a.url, b.webhook_secret).take(*await resend_body(a))


async def resend_body(m: MerchantCtx) -> tuple[bytes, dict[str, str]]:
    """One of `m`'s events as it is sent: body and signed headers."""
    (event,) = await queued(m.id)
    body = json.dumps(event.payload)
    return body.encode(), outbox.signed_headers(m.webhook_secret, event.event_id, body, now())


async def test_the_real_http_sender_delivers_to_an_endpoint_verifying_the_signature(client):
    """A receiver on this machine, over HTTP: allowed only by the development rule (saved and sent)."""
    resolve = Resolver(merchant_test=["127.0.0.1"])
    async with receiver() as got:
        m = await make_merchant()
        url = f"http://merchant.test:{got.port}/hooks"
        await settings.update_settings(m.id, {"webhook_url": url}, webhook_rules=DEVELOPMENT, resolve=resolve)
        async with in_transaction():
            await outbox.enqueue(m.id, [Event(EventType.payout_line_paid, {"line_id": 1})])
        async with HttpxSender(DEVELOPMENT, resolve=resolve) as sender:
            done = await outbox.deliver_due(now(), sealer=sealer(), sender=sender, merchant_id=m.id)
    assert done.delivered == 1
    (_, headers, body), = got.requests
    assert Webhook(m.webhook_secret).verify(body, headers)["type"] == "payout.line_paid"


async def test_the_webhook_url_must_be_http_and_null_removes_it(client):
    m = await with_webhook(client)
    refused = await api(client, m, "PATCH", "/api/v1/merchant", json={"webhook_url": "ftp://shop.example.com/x"})
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["webhook_url"]
    removed = await api(client, m, "PATCH", "/api/v1/merchant", json={"webhook_url": None})
    assert removed.status_code == 200 and removed.json()["webhook_url"] is None
    async with in_transaction():
        assert await outbox.enqueue(m.id, [Event(EventType.commission_created, {})]) == 0


@pytest.mark.parametrize(
    ("allow_insecure", "error"), [("1", "ConnectError"), ("0", "refused: only https URLs are allowed")],
)
async def test_relay_outbox_deliver_once_records_an_unreachable_or_refused_endpoint_as_a_retry(
    client, database_url, allow_insecure, error
):
    """The discard port on loopback, where nothing listens: tried with the development rule
    (RELAY_WEBHOOK_ALLOW_INSECURE=1), refused unsent without it (a URL saved under that rule)."""
    m = await make_merchant()
    await settings.update_settings(m.id, {"webhook_url": "http://127.0.0.1:9/hooks"}, webhook_rules=DEVELOPMENT)
    async with in_transaction():
        await outbox.enqueue(m.id, [Event(EventType.commission_created, {"commission_id": 1})])
    result = run_relay("outbox", "deliver", "--once", "--merchant", str(m.id), database_url=database_url,
                       RELAY_WEBHOOK_ALLOW_INSECURE=allow_insecure)
    assert "1 event(s): 0 delivered, 1 to retry, 0 dead" in result.stdout
    (event,) = await queued(m.id)
    assert (event.status, event.attempts) == ("pending", 1)
    assert event.last_error.startswith(error)


async def test_the_delivery_loop_sends_what_is_enqueued_until_stopped(client):
    m = await with_webhook(client)
    endpoint = Endpoint("https://shop.example.com/relay-hooks", m.webhook_secret)
    stop = asyncio.Event()
    loop = asyncio.create_task(
        outbox.deliver_forever(Endpoints(endpoint), sealer=sealer(), interval=0.01, stop=stop, merchant_id=m.id)
    )
    async with in_transaction():
        await outbox.enqueue(m.id, [Event(EventType.commission_created, {"commission_id": 3})])
    for _ in range(500):
        if endpoint.received:
            break
        await asyncio.sleep(0.01)
    stop.set()
    await loop
    assert [p["data"] for _, p in endpoint.received] == [{"commission_id": 3}]
