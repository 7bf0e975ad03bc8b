"""Signed order.created events through the real endpoint: attribution, bindings, replays, tenancy."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from tortoise.transactions import in_transaction

from accounts.models import WebhookReceipt
from core import ids
from core.time import now
from referral.models import CustomerBinding, Order
from referral.schemas.orders import EventReply
from referral.service import orders
from referral.service.clicks import PendingClick
from referral.service.orders import LineInput, OrderInput
from tests.factories.events import create_order, envelope, order_data, send, written
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_click, make_link, make_partner

pytestmark = pytest.mark.usefixtures("database_url")


async def configure(client, merchant, **fields):
    response = await api(client, merchant, "PATCH", "/api/v1/merchant", json=fields)
    assert response.status_code == 200, response.text
    return response.json()


def iso(at: datetime) -> str:
    return at.isoformat()


# --- the order and its net amounts ---------------------------------------------------------------


async def test_an_order_is_stored_with_net_lines_and_credited_to_the_visitors_last_click(client):
    m = await make_merchant()
    ann, bob = await make_partner(m.id), await make_partner(m.id)
    ann_link = await make_link(ann, scene="personal")
    bob_link = await make_link(bob, scene="product")
    at = now()
    await make_click(ann_link, "visitor-1", at=at - timedelta(days=3))
    last = await make_click(bob_link, "visitor-1", at=at - timedelta(hours=2))

    order = await create_order(client, m, visitor_id="visitor-1", occurred_at=iso(at), discount="1.00")

    assert (order["subtotal_minor"], order["discount_minor"], order["total_minor"], order["total"]) == (
        3550, 100, 3450, "34.50"
    )
    assert [(line["gross_minor"], line["discount_minor"], line["net_minor"]) for line in order["lines"]] == [
        (3000, 85, 2915), (550, 15, 535)
    ]
    assert order["attribution"] == {
        "partner_id": bob.id, "reason": "last_click", "click_id": last.id, "link_id": bob_link.id,
        "scene": "product", "is_first_order": True,
    }
    stored = await Order.get(merchant_id=m.id, external_id=order["external_id"])
    assert (stored.partner_id, stored.attribution, stored.total_minor) == (bob.id, "last_click", 3450)


async def test_the_answer_has_the_documented_shape(client):
    m = await make_merchant()
    response = await send(client, m, "order.created", order_data())
    reply = EventReply.model_validate(response.json())
    assert reply.type == "order.created" and reply.applied and reply.refund is None


async def test_an_order_with_no_touch_is_stored_unattributed_with_the_reason(client):
    m = await make_merchant()
    order = await create_order(client, m)
    assert order["attribution"]["partner_id"] is None
    assert order["attribution"]["reason"] == "none_no_touch"


# --- each rule, and their precedence ---------------------------------------------------------------------


async def test_a_code_entered_at_the_till_wins_over_the_binding_and_the_click(client):
    m = await make_merchant()
    await configure(client, m, binding={"mode": "forever"})
    bound, clicked, at_till = [await make_partner(m.id) for _ in range(3)]
    customer = "cust-till"
    await create_order(client, m, customer_ref=customer, partner_code=bound.code)  # binds the customer
    await make_click(await make_link(clicked), "v-till")

    order = await create_order(
        client, m, customer_ref=customer, channel="store", store_id="store-7", visitor_id="v-till",
        partner_code=f" {at_till.code.lower()} ",
    )
    assert (order["attribution"]["partner_id"], order["attribution"]["reason"]) == (at_till.id, "partner_code")
    assert order["store_id"] == "store-7" and order["channel"] == "store"
    binding = await CustomerBinding.get(merchant_id=m.id, customer_ref=customer)
    assert binding.partner_id == bound.id  # the code won this order; the customer stays bound


async def test_a_bound_customer_stays_with_the_partner_while_the_binding_lasts_then_moves_on(client):
    m = await make_merchant()
    await configure(client, m, binding={"mode": "days", "days": 7})
    ann, bob = await make_partner(m.id), await make_partner(m.id)
    ann_link, bob_link = await make_link(ann), await make_link(bob)
    t0 = now() - timedelta(days=20)
    customer = "cust-bound"

    await make_click(ann_link, "v-a", at=t0 - timedelta(hours=1))
    first = await create_order(client, m, customer_ref=customer, visitor_id="v-a", occurred_at=iso(t0))
    assert first["attribution"]["reason"] == "last_click" and first["attribution"]["partner_id"] == ann.id
    binding = await CustomerBinding.get(merchant_id=m.id, customer_ref=customer)
    assert (binding.partner_id, binding.bound_at, binding.expires_at) == (ann.id, t0, t0 + timedelta(days=7))

    # three days later the customer comes through Bob's link: still Ann's
    await make_click(bob_link, "v-b", at=t0 + timedelta(days=3))
    during = await create_order(
        client, m, customer_ref=customer, visitor_id="v-b", occurred_at=iso(t0 + timedelta(days=3, hours=1))
    )
    assert (during["attribution"]["partner_id"], during["attribution"]["reason"]) == (ann.id, "binding")
    assert during["attribution"]["is_first_order"] is False

    # at the expiry instant the binding is over: Bob's click wins, and binds the customer to Bob
    await make_click(bob_link, "v-b", at=t0 + timedelta(days=6))
    after = await create_order(
        client, m, customer_ref=customer, visitor_id="v-b", occurred_at=iso(t0 + timedelta(days=7))
    )
    assert (after["attribution"]["partner_id"], after["attribution"]["reason"]) == (bob.id, "last_click")
    binding = await CustomerBinding.get(merchant_id=m.id, customer_ref=customer)
    assert (binding.partner_id, binding.bound_at) == (bob.id, t0 + timedelta(days=7))


async def test_binding_off_never_binds(client):
    m = await make_merchant()
    p = await make_partner(m.id)
    await create_order(client, m, customer_ref="cust-free", partner_code=p.code)
    assert await CustomerBinding.filter(merchant_id=m.id).count() == 0


async def test_the_click_id_the_shop_passes_wins_over_the_visitors_later_click(client):
    m = await make_merchant()
    ann, bob = await make_partner(m.id), await make_partner(m.id)
    passed = await make_click(await make_link(ann, scene="campaign"), "v-1", at=now() - timedelta(days=2))
    await make_click(await make_link(bob), "v-1", at=now() - timedelta(minutes=1))
    order = await create_order(client, m, click_id=passed.id, visitor_id="v-1")
    assert order["attribution"]["partner_id"] == ann.id
    assert (order["attribution"]["reason"], order["attribution"]["scene"]) == ("click_id", "campaign")


async def test_first_click_model_credits_the_first_click_inside_the_window(client):
    m = await make_merchant()
    await configure(client, m, attribution_model="first_click", attribution_window_days=10)
    old, first, last = [await make_partner(m.id) for _ in range(3)]
    at = now()
    await make_click(await make_link(old), "v-fc", at=at - timedelta(days=11))
    await make_click(await make_link(first), "v-fc", at=at - timedelta(days=9))
    await make_click(await make_link(last), "v-fc", at=at - timedelta(days=1))
    order = await create_order(client, m, visitor_id="v-fc", occurred_at=iso(at))
    assert (order["attribution"]["partner_id"], order["attribution"]["reason"]) == (first.id, "first_click")


# --- who is never credited ---------------------------------------------------------------------------------


async def test_self_referral_is_not_credited_unless_the_merchant_allows_it(client):
    m = await make_merchant()
    partner = await make_partner(m.id, customer_ref="cust-self")
    refused = await create_order(client, m, customer_ref="cust-self", partner_code=partner.code)
    assert (refused["attribution"]["partner_id"], refused["attribution"]["reason"]) == (None, "none_self_referral")

    await configure(client, m, allow_self_referral=True)
    allowed = await create_order(client, m, customer_ref="cust-self", partner_code=partner.code)
    assert (allowed["attribution"]["partner_id"], allowed["attribution"]["reason"]) == (partner.id, "partner_code")


@pytest.mark.parametrize("status", ["pending", "suspended"])
async def test_inactive_partners_are_not_credited(client, status):
    m = await make_merchant()
    partner = await make_partner(m.id, status=status)
    await make_click(await make_link(partner), "v-inactive")
    for touch in ({"partner_code": partner.code}, {"visitor_id": "v-inactive"}):
        order = await create_order(client, m, **touch)
        assert (order["attribution"]["partner_id"], order["attribution"]["reason"]) == (None, "none_partner_inactive")


async def test_an_unknown_code_is_recorded_as_the_reason(client):
    m = await make_merchant()
    order = await create_order(client, m, partner_code="NOSUCH22")
    assert order["attribution"]["reason"] == "none_unknown_code"


async def test_bot_clicks_are_never_credited(client):
    m = await make_merchant()
    human, crawler = await make_partner(m.id), await make_partner(m.id)
    await make_click(await make_link(human), "v-bot", at=now() - timedelta(hours=3))
    bot = await make_click(await make_link(crawler), "v-bot", at=now() - timedelta(minutes=1), is_bot=True)
    order = await create_order(client, m, visitor_id="v-bot")
    assert order["attribution"]["partner_id"] == human.id  # the later bot click is skipped
    by_id = await create_order(client, m, click_id=bot.id)
    assert (by_id["attribution"]["partner_id"], by_id["attribution"]["reason"]) == (None, "none_bot_click")
    only_bots = await create_order(client, m, visitor_id="nobody-but-bots")
    assert only_bots["attribution"]["reason"] == "none_no_touch"


async def test_another_merchants_click_id_is_unknown_here(client):
    m, other = await make_merchant(), await make_merchant()
    foreign = await make_click(await make_link(await make_partner(other.id)), "v-x")
    order = await create_order(client, m, click_id=foreign.id)
    assert (order["attribution"]["partner_id"], order["attribution"]["reason"]) == (None, "none_unknown_click")


# --- the window edge is inclusive --------------------------------------------------------------------------


async def test_a_click_exactly_at_the_window_edge_counts_and_a_microsecond_earlier_does_not(client):
    m = await make_merchant()
    await configure(client, m, attribution_window_days=30)
    partner = await make_partner(m.id)
    link = await make_link(partner)
    at = datetime(2026, 6, 1, 12, 0, 0, 500000, tzinfo=UTC)
    edge = await make_click(link, "v-edge", at=at - timedelta(days=30))
    await make_click(link, "v-early", at=at - timedelta(days=30, microseconds=1))

    inside = await create_order(client, m, visitor_id="v-edge", occurred_at="2026-06-01T20:00:00.500000+08:00")
    assert (inside["attribution"]["partner_id"], inside["attribution"]["click_id"]) == (partner.id, edge.id)
    by_id = await create_order(client, m, click_id=edge.id, occurred_at=iso(at))
    assert by_id["attribution"]["reason"] == "click_id"
    outside = await create_order(client, m, visitor_id="v-early", occurred_at=iso(at))
    assert (outside["attribution"]["partner_id"], outside["attribution"]["reason"]) == (None, "none_outside_window")


async def test_a_click_after_the_order_is_not_credited(client):
    m = await make_merchant()
    partner = await make_partner(m.id)
    at = now() - timedelta(hours=1)
    later = await make_click(await make_link(partner), "v-later", at=at + timedelta(seconds=1))
    order = await create_order(client, m, visitor_id="v-later", occurred_at=iso(at))
    assert order["attribution"]["reason"] == "none_no_touch"
    by_id = await create_order(client, m, click_id=later.id, occurred_at=iso(at))
    assert by_id["attribution"]["reason"] == "none_outside_window"


# --- first order ---------------------------------------------------------------------------------------------


async def test_is_first_order_marks_only_the_customers_first_attributed_order(client):
    m = await make_merchant()
    partner = await make_partner(m.id)
    unattributed = await create_order(client, m, customer_ref="cust-first")
    assert unattributed["attribution"]["is_first_order"] is False
    canceled = await create_order(client, m, customer_ref="cust-first", partner_code=partner.code)
    assert canceled["attribution"]["is_first_order"] is True
    response = await send(client, m, "order.canceled", {"external_id": canceled["external_id"], "occurred_at": iso(now())})
    assert response.status_code == 200, response.text
    first = await create_order(client, m, customer_ref="cust-first", partner_code=partner.code)
    assert first["attribution"]["is_first_order"] is True  # the canceled one does not count
    second = await create_order(client, m, customer_ref="cust-first", partner_code=partner.code)
    assert second["attribution"]["is_first_order"] is False


# --- replays and duplicates ------------------------------------------------------------------------------------


async def test_a_replayed_webhook_gets_the_first_answer_and_changes_nothing(client):
    m = await make_merchant()
    body = envelope("order.created", order_data())
    first = await send(client, m, "", {}, body=body, webhook_id="msg_replay_1")
    assert first.status_code == 200
    before = await written(m.id)
    # the order moves on meanwhile; the replay still answers as the first delivery did
    external_id = first.json()["order"]["external_id"]
    assert (await send(client, m, "order.completed", {"external_id": external_id, "occurred_at": iso(now())})).status_code == 200
    again = await send(client, m, "", {}, body=body, webhook_id="msg_replay_1")
    assert (again.status_code, again.content) == (first.status_code, first.content)  # byte for byte
    after = await written(m.id)
    assert after == before | {"receipts": before["receipts"] + 1}


async def test_a_webhook_id_reused_for_another_body_is_a_conflict(client):
    m = await make_merchant()
    assert (await send(client, m, "order.created", order_data(), webhook_id="msg_reused")).status_code == 200
    before = await written(m.id)
    response = await send(client, m, "order.created", order_data(), webhook_id="msg_reused")
    assert response.status_code == 409
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "msg_reused" in response.json()["detail"]
    assert await written(m.id) == before
    # even an invalid body under a used id is a conflict, not a validation error
    bad = await send(client, m, "order.created", order_data(lines=[]), webhook_id="msg_reused")
    assert bad.status_code == 409


async def test_the_same_order_sent_again_under_a_new_webhook_id_is_answered_not_applied(client):
    m = await make_merchant()
    data = order_data(partner_code=(await make_partner(m.id)).code)
    first = await send(client, m, "order.created", data)
    before = await written(m.id)
    again = await send(client, m, "order.created", data)
    assert again.status_code == 200
    assert again.json()["applied"] is False and first.json()["applied"] is True
    assert again.json()["order"] == first.json()["order"]
    assert await written(m.id) == before | {"receipts": before["receipts"] + 1}


async def test_the_same_order_id_with_other_content_is_a_conflict(client):
    m = await make_merchant()
    data = order_data()
    assert (await send(client, m, "order.created", data)).status_code == 200
    before = await written(m.id)
    changed = data | {"lines": [{"sku": "TEA-1", "quantity": 4, "unit_price": "10.00"}]}
    response = await send(client, m, "order.created", changed)
    assert response.status_code == 409
    assert data["external_id"] in response.json()["detail"]
    assert await written(m.id) == before


async def test_two_deliveries_of_one_webhook_at_once_apply_it_once(client):
    m = await make_merchant()
    partner = await make_partner(m.id)
    await make_click(await make_link(partner), "v-race")
    body = envelope("order.created", order_data(visitor_id="v-race", customer_ref="cust-race"))
    await configure(client, m, binding={"mode": "forever"})
    answers = await asyncio.gather(*(send(client, m, "", {}, body=body, webhook_id="msg_race") for _ in range(4)))
    assert {a.status_code for a in answers} == {200}
    assert all(a.json() == answers[0].json() for a in answers)
    assert answers[0].json()["applied"] is True
    counts = await written(m.id)
    assert (counts["orders"], counts["lines"], counts["receipts"], counts["bindings"]) == (1, 2, 1, 1)


async def test_the_same_order_under_different_webhook_ids_at_once_is_created_once(client):
    m = await make_merchant()
    data = order_data()
    answers = await asyncio.gather(*(send(client, m, "order.created", data) for _ in range(4)))
    assert {a.status_code for a in answers} == {200}
    assert sorted(a.json()["applied"] for a in answers) == [False, False, False, True]
    counts = await written(m.id)
    assert (counts["orders"], counts["lines"], counts["receipts"]) == (1, 2, 4)


# --- tenancy ----------------------------------------------------------------------------------------------------


async def test_a_merchant_can_neither_read_nor_change_another_merchants_orders(client):
    a, b = await make_merchant(), await make_merchant()
    b_order = await create_order(client, b)
    external_id = b_order["external_id"]

    # A's signature on B's endpoint, and B's on A's: refused before anything is read
    forged = await send(client, a, "order.canceled", {"external_id": external_id, "occurred_at": iso(now())},
                        merchant_id=b.id)
    assert forged.status_code == 401
    # A's own endpoint does not know B's order
    mine = await send(client, a, "order.canceled", {"external_id": external_id, "occurred_at": iso(now())})
    assert mine.status_code == 422
    assert (await api(client, a, "GET", f"/api/v1/orders/{external_id}")).status_code == 404
    assert (await api(client, a, "GET", "/api/v1/orders")).json()["items"] == []
    assert (await Order.get(merchant_id=b.id, external_id=external_id)).status == "created"
    assert await WebhookReceipt.filter(merchant_id=a.id).count() == 0


# --- clicks still queued in memory --------------------------------------------------------------------------------


async def test_a_click_still_queued_in_memory_is_credited():
    m = await make_merchant()
    partner = await make_partner(m.id)
    link = await make_link(partner, scene="service")
    at = now()
    queued = PendingClick(
        id=ids.click_id(), merchant_id=m.id, link_id=link.id, partner_id=partner.id, scene="service",
        visitor_id="v-queued", ip_hash="0" * 64, user_agent="", referrer="", is_bot=False,
        occurred_at=at - timedelta(seconds=1),
    )
    order = OrderInput(
        external_id="SO-queued", occurred_at=at, currency="CNY", channel="online",
        lines=(LineInput("SKU", "", 1, 100),), visitor_id="v-queued",
    )
    async with in_transaction():
        outcome = await orders.create_order(m.id, order, queued_clicks=[queued])
    assert outcome.applied
    assert (outcome.order.attribution.partner_id, outcome.order.attribution.click_id) == (partner.id, queued.id)
    assert outcome.order.attribution.scene == "service"
