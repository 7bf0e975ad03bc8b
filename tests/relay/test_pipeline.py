"""A shop's order, end to end through HTTP: attribution -> commissions -> ledger, in one transaction.

The story: a parent shares a link; a visitor clicks and buys 2 serums (199.00 each) with a
20.00 order discount; 10 % commission on skincare, 2 % to the recruiter. The order completes,
one serum is refunded, the hold passes, and the ledger agrees with the commission rows at
every step, to the fen.
"""

from __future__ import annotations

from datetime import timedelta

import httpx

from core.time import now
from payouts.service.postings import partner_balances, unbalanced_transactions
from relay.pipeline import release_commissions
from tests.factories.commissions import publish_rule_set
from tests.factories.events import order_data, send
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_link, make_partner

RULES = {
    "rules": [
        {"id": "skincare", "level": 1, "conditions": {"categories": ["skincare"]}, "reward": {"percent": "10"}},
        {"id": "recruiter", "level": 2, "reward": {"percent": "2"}},
    ]
}


async def click(client: httpx.AsyncClient, code: str) -> str:
    response = await client.get(f"/r/{code}", headers={"user-agent": "Mozilla/5.0 (iPhone)"})
    assert response.status_code == 302
    return httpx.URL(response.headers["location"]).params["relay_click"]


async def commissions(client, merchant, external_id: str) -> list[dict]:
    response = await api(client, merchant, "GET", "/api/v1/commissions", params={"order_external_id": external_id})
    assert response.status_code == 200, response.text
    return sorted(response.json()["items"], key=lambda c: c["id"])


async def one_serum_order(client, merchant, partner) -> dict:
    """Publish RULES and send a 100.00 serum order entered with the partner's code."""
    await publish_rule_set(merchant.id, RULES)
    order = order_data(
        lines=[{"sku": "SERUM-30", "category": "skincare", "quantity": 1, "unit_price": "100.00"}],
        partner_code=partner.code,
    )
    assert (await send(client, merchant, "order.created", order)).status_code == 200
    return order


async def test_an_attributed_order_earns_is_reversed_in_part_and_the_ledger_agrees(client):
    m = await make_merchant()
    recruiter = await make_partner(m.id, display_name="Lin")
    parent = await make_partner(m.id, display_name="Zhao", recruiter_id=recruiter.id)
    link = await make_link(parent, scene="product", sku="SERUM-30")
    await publish_rule_set(m.id, RULES)

    click_id = await click(client, link.code)
    order = order_data(
        lines=[{"sku": "SERUM-30", "category": "skincare", "quantity": 2, "unit_price": "199.00"}],
        discount="20.00",
        click_id=click_id,
    )
    created = await send(client, m, "order.created", order)
    assert created.status_code == 200, created.text
    assert created.json()["order"]["attribution"]["partner_id"] == parent.id

    earned = await commissions(client, m, order["external_id"])
    # net 398.00 - 20.00 = 378.00; 10 % = 37.80 to the parent, 2 % = 7.56 to the recruiter
    assert [(c["partner_id"], c["level"], c["amount"], c["status"]) for c in earned] == [
        (parent.id, 1, 3780, "pending"),
        (recruiter.id, 2, 756, "pending"),
    ]
    assert (await partner_balances(m.id, parent.id))["CNY"].pending == 3780

    completed_at = now()
    done = await send(client, m, "order.completed", {"external_id": order["external_id"], "occurred_at": completed_at.isoformat()})
    assert done.status_code == 200, done.text
    refund = await send(client, m, "order.refunded", {
        "external_id": order["external_id"], "refund_id": "R1", "occurred_at": now().isoformat(),
        "lines": [{"sku": "SERUM-30", "quantity": 1}],
    })
    assert refund.status_code == 200, refund.text
    after_refund = await commissions(client, m, order["external_id"])
    reversals = [(c["partner_id"], c["amount"]) for c in after_refund if c["reversal_of"]]
    assert sorted(reversals) == sorted([(parent.id, -1890), (recruiter.id, -378)])
    assert (await partner_balances(m.id, parent.id))["CNY"].pending == 1890

    # Before the hold ends nothing moves; after it, the commission and its reversal move together.
    await release_commissions(completed_at + timedelta(days=6))
    assert (await partner_balances(m.id, parent.id))["CNY"].available == 0
    await release_commissions(completed_at + timedelta(days=7, seconds=1))
    parent_balance = (await partner_balances(m.id, parent.id))["CNY"]
    assert (parent_balance.pending, parent_balance.available) == (0, 1890)
    assert (await partner_balances(m.id, recruiter.id))["CNY"].available == 378
    assert await unbalanced_transactions(m.id) == []


async def test_a_replayed_order_event_earns_once(client):
    m = await make_merchant()
    parent = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    order = order_data(
        lines=[{"sku": "SERUM-30", "category": "skincare", "quantity": 1, "unit_price": "100.00"}],
        partner_code=parent.code,
    )
    from tests.factories.events import envelope

    body = envelope("order.created", order)
    first = await send(client, m, "order.created", order, body=body, webhook_id="msg_same")
    again = await send(client, m, "order.created", order, body=body, webhook_id="msg_same")
    other_id = await send(client, m, "order.created", order, body=body, webhook_id="msg_other")
    assert first.status_code == again.status_code == other_id.status_code == 200
    assert first.json() == again.json()
    assert [c["amount"] for c in await commissions(client, m, order["external_id"])] == [1000]
    assert (await partner_balances(m.id, parent.id))["CNY"].pending == 1000


async def test_a_canceled_order_voids_its_commissions_in_the_ledger(client):
    m = await make_merchant()
    parent = await make_partner(m.id)
    order = await one_serum_order(client, m, parent)
    canceled = await send(client, m, "order.canceled", {"external_id": order["external_id"], "occurred_at": now().isoformat()})
    assert canceled.status_code == 200, canceled.text
    assert [c["status"] for c in await commissions(client, m, order["external_id"])] == ["canceled"]
    balance = (await partner_balances(m.id, parent.id))["CNY"]
    assert (balance.pending, balance.available) == (0, 0)
    assert await unbalanced_transactions(m.id) == []


async def test_a_rejected_commission_leaves_the_partners_balance(client):
    m = await make_merchant()
    parent = await make_partner(m.id)
    order = await one_serum_order(client, m, parent)
    (commission,) = await commissions(client, m, order["external_id"])
    response = await api(client, m, "POST", f"/api/v1/commissions/{commission['id']}/reject", json={"reason": "self-purchase ring"})
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "rejected"
    assert (await partner_balances(m.id, parent.id))["CNY"].pending == 0
    assert await unbalanced_transactions(m.id) == []


async def test_a_partners_balances_and_statement_come_from_the_ledger(client):
    m = await make_merchant()
    other = await make_merchant()
    parent = await make_partner(m.id)
    await one_serum_order(client, m, parent)

    balances = await api(client, m, "GET", f"/api/v1/partners/{parent.id}/balances", role="finance")
    assert balances.status_code == 200, balances.text
    (cny,) = balances.json()["balances"]
    assert (cny["asset"], cny["pending"], cny["available"], cny["display"]["pending"]) == ("CNY", 1000, 0, "10.00")

    statement = await api(client, m, "GET", f"/api/v1/partners/{parent.id}/statement", params={"asset": "CNY"})
    assert statement.status_code == 200, statement.text
    assert [(line["account"], line["amount"], line["balance"]) for line in statement.json()["lines"]] == [
        ("pending", 1000, 1000)
    ]
    # another merchant's key sees nothing of this partner
    assert (await api(client, other, "GET", f"/api/v1/partners/{parent.id}/balances")).status_code == 404
    assert (await api(client, m, "GET", f"/api/v1/partners/{parent.id}/balances", role="integration")).status_code == 403


async def test_the_referred_customers_discount_goes_from_checkout_into_the_commission_base(client):
    """Checkout asks Relay for the referred customer's discount (5 % of 200.00 = 10.00), the shop
    applies it, and the order's discount lowers the commission base: 10 % of 190.00 = 19.00."""
    m = await make_merchant()
    parent = await make_partner(m.id)
    await publish_rule_set(m.id, {**RULES, "customer_incentive": {"percent": "5", "first_order_only": True}})

    asked = await api(client, m, "POST", "/api/v1/checkout/incentive", role="integration",
                      json={"partner_code": parent.code, "customer_ref": "new-customer", "subtotal": "200.00"})
    assert asked.status_code == 200, asked.text
    assert (asked.json()["discount"], asked.json()["partner_id"]) == (1000, parent.id)

    order = order_data(
        customer_ref="new-customer",
        lines=[{"sku": "SERUM-30", "category": "skincare", "quantity": 1, "unit_price": "200.00"}],
        discount=asked.json()["discount"],
        partner_code=parent.code,
    )
    assert (await send(client, m, "order.created", order)).status_code == 200
    (commission,) = await commissions(client, m, order["external_id"])
    assert (commission["base_minor"], commission["amount"]) == (19000, 1900)

    # a second order of the same customer is no longer a first order: no discount offered
    again = await api(client, m, "POST", "/api/v1/checkout/incentive", role="integration",
                      json={"partner_code": parent.code, "customer_ref": "new-customer", "subtotal": "200.00"})
    assert again.json()["discount"] == 0
