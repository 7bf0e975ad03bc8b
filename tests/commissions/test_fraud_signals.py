"""Fraud signals through the real app: each raised, and not raised, at its threshold's edge;
flag vs hold; what a held commission can and cannot do (release, payout, approve, reject, refund)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from core import ids
from core.time import now
from payouts.service.postings import partner_balances, unbalanced_transactions
from referral.models import Click
from referral.service.fraud import forget_refund_rates
from relay.pipeline import release_commissions
from tests.factories.batches import approve, batch_ids, create
from tests.factories.commissions import publish_rule_set
from tests.factories.events import order_data, send
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_link, make_partner

RULES = {"rules": [{"id": "ten", "level": 1, "reward": {"percent": "10"}}]}
#: Everything off but what a test turns on, so each test sees only its own signal.
ALL_OFF = {name: {"action": "off"} for name in (
    "self_referral", "customer_velocity", "ip_velocity", "bot_click", "fast_order", "refund_rate"
)}


async def program(client, fraud_signals: dict[str, Any], **partner: Any):
    """A merchant with a 10 % rule, hold days 0, the given signal settings, and one partner with a link."""
    m = await make_merchant()
    await publish_rule_set(m.id, RULES)
    assert (await api(client, m, "PATCH", "/api/v1/commission-terms", json={"hold_days": 0})).status_code == 200
    changed = await api(client, m, "PATCH", "/api/v1/merchant", json={"fraud_signals": ALL_OFF | fraud_signals})
    assert changed.status_code == 200, changed.text
    p = await make_partner(m.id, **partner)
    return m, p, await make_link(p)


async def click(link, *, at=None, ip="1" * 64, visitor=None, is_bot=False) -> str:
    row = await Click.create(
        id=ids.click_id(), merchant_id=link.merchant_id, link_id=link.id, partner_id=link.partner_id,
        scene=link.scene, visitor_id=visitor or ids.visitor_id(), ip_hash=ip, is_bot=is_bot,
        occurred_at=at or now() - timedelta(hours=1),
    )
    return row.id


async def order(client, m, **data: Any) -> dict:
    body = order_data(lines=[{"sku": "TEA", "category": "tea", "quantity": 1, "unit_price": "100.00"}]) | data
    response = await send(client, m, "order.created", body)
    assert response.status_code == 200, response.text
    return body


async def commission_of(client, m, body: dict) -> dict:
    found = await api(client, m, "GET", "/api/v1/commissions", params={"order_external_id": body["external_id"]})
    assert found.status_code == 200, found.text
    [item] = [c for c in found.json()["items"] if c["reversal_of"] is None]
    return item


async def raised(client, m, body: dict) -> list[str]:
    return [s["signal"] for s in (await commission_of(client, m, body))["signals"]]


def ago(**delta: float) -> str:
    return (now() - timedelta(**delta)).isoformat()


async def test_customer_velocity_counts_the_orders_of_the_window_this_one_included(client):
    m, p, _ = await program(client, {"customer_velocity": {"action": "flag", "window_minutes": 60, "max_orders": 3}})
    at = now()
    early = (at - timedelta(minutes=60)).isoformat()  # exactly the window's edge: counts
    for when in (early, (at - timedelta(minutes=30)).isoformat()):
        await order(client, m, customer_ref="c-1", partner_code=p.code, occurred_at=when)
    third = await order(client, m, customer_ref="c-1", partner_code=p.code, occurred_at=at.isoformat())
    assert await raised(client, m, third) == []  # 3 orders: not more than 3
    fourth = await order(client, m, customer_ref="c-1", partner_code=p.code, occurred_at=at.isoformat())
    assert await raised(client, m, fourth) == ["customer_velocity"]
    [signal] = (await commission_of(client, m, fourth))["signals"]
    assert (signal["action"], signal["detail"]["orders"], signal["partner_id"]) == ("flag", 4, p.id)

    # one second outside the window does not count
    for when in ((at - timedelta(minutes=60, seconds=1)).isoformat(), ago(minutes=20), ago(minutes=10)):
        await order(client, m, customer_ref="c-2", partner_code=p.code, occurred_at=when)
    last = await order(client, m, customer_ref="c-2", partner_code=p.code, occurred_at=at.isoformat())
    assert await raised(client, m, last) == []


async def test_ip_velocity_counts_orders_led_by_clicks_from_one_ip(client):
    m, p, link = await program(client, {"ip_velocity": {"action": "flag", "window_minutes": 30, "max_orders": 2}})
    first = await order(client, m, click_id=await click(link, ip="a" * 64))
    second = await order(client, m, click_id=await click(link, ip="a" * 64))
    elsewhere = await order(client, m, click_id=await click(link, ip="b" * 64))
    assert [await raised(client, m, o) for o in (first, second, elsewhere)] == [[], [], []]
    third = await order(client, m, click_id=await click(link, ip="a" * 64))
    assert await raised(client, m, third) == ["ip_velocity"]


async def test_bot_click_when_the_clicks_ip_or_visitor_was_flagged_a_crawler(client):
    m, p, link = await program(client, {"bot_click": {"action": "flag"}})
    await click(link, ip="c" * 64, is_bot=True, at=now() - timedelta(days=2))
    await click(link, visitor="v-bot", ip="e" * 64, is_bot=True, at=now() - timedelta(days=2))
    same_ip = await order(client, m, click_id=await click(link, ip="c" * 64))
    same_visitor = await order(client, m, click_id=await click(link, ip="f" * 64, visitor="v-bot"))
    clean = await order(client, m, click_id=await click(link, ip="d" * 64))
    assert await raised(client, m, same_ip) == ["bot_click"]
    assert await raised(client, m, same_visitor) == ["bot_click"]
    assert await raised(client, m, clean) == []


async def test_fast_order_below_min_seconds_from_click_to_order(client):
    m, p, link = await program(client, {"fast_order": {"action": "flag", "min_seconds": 30}})
    at = now()
    on_edge = await order(client, m, occurred_at=at.isoformat(), click_id=await click(link, at=at - timedelta(seconds=30)))
    fast = await order(client, m, occurred_at=at.isoformat(), click_id=await click(link, at=at - timedelta(seconds=29)))
    assert await raised(client, m, on_edge) == []
    assert await raised(client, m, fast) == ["fast_order"]
    [signal] = (await commission_of(client, m, fast))["signals"]
    assert signal["detail"] == {"seconds": 29, "min_seconds": 30}


async def refund(client, m, body: dict) -> None:
    data = {"external_id": body["external_id"], "refund_id": f"R-{body['external_id']}",
            "occurred_at": now().isoformat(), "amount": "1.00"}
    assert (await send(client, m, "order.refunded", data)).status_code == 200


async def test_refund_rate_of_the_partner_above_max_percent_with_enough_orders(client):
    m, p, _ = await program(
        client, {"refund_rate": {"action": "flag", "window_days": 30, "max_percent": "40", "min_orders": 5}}
    )
    past = [await order(client, m, partner_code=p.code) for _ in range(4)]
    for body in past[:2]:
        await refund(client, m, body)
    forget_refund_rates()
    fifth = await order(client, m, partner_code=p.code)  # 5 orders, 2 refunded: exactly 40 %
    assert await raised(client, m, fifth) == []
    await refund(client, m, past[2])
    forget_refund_rates()
    sixth = await order(client, m, partner_code=p.code)  # 6 orders, 3 refunded: 50 %
    assert await raised(client, m, sixth) == ["refund_rate"]

    other, q, _ = await program(client, {"refund_rate": {"action": "flag", "min_orders": 5}})
    few = [await order(client, other, partner_code=q.code) for _ in range(3)]
    for body in few:
        await refund(client, other, body)
    forget_refund_rates()
    fourth = await order(client, other, partner_code=q.code)  # 75 % refunded, but only 4 orders
    assert await raised(client, other, fourth) == []


async def test_a_refused_self_referral_is_recorded_without_a_commission(client):
    m, p, _ = await program(client, {"self_referral": {"action": "flag"}}, customer_ref="me-1")
    mine = await order(client, m, partner_code=p.code, customer_ref="me-1")
    someone = await order(client, m, partner_code=p.code, customer_ref="me-2")
    listed = await api(client, m, "GET", "/api/v1/fraud-signals")
    [signal] = listed.json()["items"]
    assert (signal["signal"], signal["partner_id"], signal["detail"]["attributed"]) == ("self_referral", p.id, False)
    mine_found = await api(client, m, "GET", "/api/v1/commissions", params={"order_external_id": mine["external_id"]})
    assert mine_found.json()["items"] == []
    assert await raised(client, m, someone) == []


async def test_an_allowed_self_referral_is_attributed_and_held(client):
    m, p, _ = await program(client, {"self_referral": {"action": "hold"}}, customer_ref="me-1")
    assert (await api(client, m, "PATCH", "/api/v1/merchant", json={"allow_self_referral": True})).status_code == 200
    mine = await order(client, m, partner_code=p.code, customer_ref="me-1")
    commission = await commission_of(client, m, mine)
    assert (commission["review"], [s["detail"]["attributed"] for s in commission["signals"]]) == ("held", [True])


async def complete(client, m, body: dict) -> None:
    data = {"external_id": body["external_id"], "occurred_at": ago(seconds=1)}
    assert (await send(client, m, "order.completed", data)).status_code == 200


async def test_flag_only_records_and_the_commission_goes_on(client):
    m, p, link = await program(client, {"fast_order": {"action": "flag"}})
    body = await order(client, m, click_id=await click(link, at=now()))
    await complete(client, m, body)
    await release_commissions()
    commission = await commission_of(client, m, body)
    assert (commission["status"], commission["review"], len(commission["signals"])) == ("available", None, 1)


async def test_a_held_commission_is_not_released_nor_paid_until_approved(client):
    m, p, link = await program(client, {"fast_order": {"action": "hold"}}, payee_name="Li", payee_account="6222")
    held = await order(client, m, click_id=await click(link, at=now()))
    clean = await order(client, m, click_id=await click(link))  # clicked an hour ago
    for body in (held, clean):
        await complete(client, m, body)
    await release_commissions()
    held_row, clean_row = await commission_of(client, m, held), await commission_of(client, m, clean)
    assert (held_row["status"], held_row["review"]) == ("pending", "held")
    assert (clean_row["status"], clean_row["review"]) == ("available", None)
    balances = (await partner_balances(m.id, p.id))["CNY"]
    assert (balances.pending, balances.available) == (1000, 1000)

    listed = await api(client, m, "GET", "/api/v1/commissions", params={"review": "held"})
    assert [c["id"] for c in listed.json()["items"]] == [held_row["id"]]
    flagged = await api(client, m, "GET", "/api/v1/commissions", params={"flagged": "true"})
    assert [c["id"] for c in flagged.json()["items"]] == [held_row["id"]]

    assert (await api(client, m, "PATCH", "/api/v1/payout-terms", role="finance",
                      json={"minimums": {"CNY": "0.01"}})).status_code == 200
    batch = await approve(client, m, (await create(client, m, cutoff=(now() + timedelta(days=1)).isoformat()))["id"])
    claims = await batch_ids(m.id, [held_row["id"], clean_row["id"]])
    assert claims == {held_row["id"]: None, clean_row["id"]: batch["id"]}

    approved = await api(client, m, "POST", f"/api/v1/commissions/{held_row['id']}/approve")
    assert approved.status_code == 200, approved.text
    assert (approved.json()["review"], approved.json()["status"]) == ("approved", "pending")
    assert (await api(client, m, "POST", f"/api/v1/commissions/{held_row['id']}/approve")).status_code == 409
    assert (await api(client, m, "POST", f"/api/v1/commissions/{clean_row['id']}/approve")).status_code == 409
    await release_commissions()
    assert (await commission_of(client, m, held))["status"] == "available"
    assert (await partner_balances(m.id, p.id))["CNY"].available == 1000
    assert await unbalanced_transactions(m.id) == []


async def test_a_held_commission_can_be_rejected(client):
    m, p, link = await program(client, {"fast_order": {"action": "hold"}})
    held = await order(client, m, click_id=await click(link, at=now()))
    row = await commission_of(client, m, held)
    rejected = await api(client, m, "POST", f"/api/v1/commissions/{row['id']}/reject", json={"reason": "bot farm"})
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["status"] == "rejected"
    assert (await partner_balances(m.id, p.id))["CNY"].pending == 0
    assert (await api(client, m, "POST", f"/api/v1/commissions/{row['id']}/approve")).status_code == 409
    waiting = await api(client, m, "GET", "/api/v1/commissions", params={"review": "held"})
    assert waiting.json()["items"] == []


async def test_a_refund_of_a_held_commission_reverses_exactly_and_stays_held_with_it(client):
    m, p, link = await program(client, {"fast_order": {"action": "hold"}})
    body = await order(client, m, click_id=await click(link, at=now()),
                       lines=[{"sku": "TEA", "category": "tea", "quantity": 3, "unit_price": "33.33"}])
    await complete(client, m, body)
    refunded = {"external_id": body["external_id"], "refund_id": "R-1", "occurred_at": now().isoformat(),
                "lines": [{"sku": "TEA", "quantity": 1}]}
    assert (await send(client, m, "order.refunded", refunded)).status_code == 200
    await release_commissions()
    found = await api(client, m, "GET", "/api/v1/commissions", params={"order_external_id": body["external_id"]})
    rows = sorted(found.json()["items"], key=lambda c: c["id"])
    assert [(c["amount"], c["status"], c["review"]) for c in rows] == [(1000, "pending", "held"), (-333, "pending", "held")]
    assert (await partner_balances(m.id, p.id))["CNY"].pending == 667

    assert (await api(client, m, "POST", f"/api/v1/commissions/{rows[0]['id']}/approve")).status_code == 200
    await release_commissions()
    balances = (await partner_balances(m.id, p.id))["CNY"]
    assert (balances.pending, balances.available) == (0, 667)
    assert await unbalanced_transactions(m.id) == []


async def test_fraud_settings_default_merge_and_refuse_bad_values_naming_the_field(client):
    m = await make_merchant()
    got = (await api(client, m, "GET", "/api/v1/merchant")).json()["fraud_signals"]
    assert got["ip_velocity"] == {"action": "flag", "window_minutes": 60, "max_orders": 5}
    assert got["refund_rate"] == {"action": "flag", "window_days": 90, "max_percent": "30", "min_orders": 10}

    changed = await api(client, m, "PATCH", "/api/v1/merchant",
                        json={"fraud_signals": {"ip_velocity": {"action": "hold"}, "refund_rate": {"max_percent": "12.5"}}})
    assert changed.status_code == 200, changed.text
    again = await api(client, m, "PATCH", "/api/v1/merchant", json={"fraud_signals": {"ip_velocity": {"max_orders": 9}}})
    after = again.json()["fraud_signals"]
    assert after["ip_velocity"] == {"action": "hold", "window_minutes": 60, "max_orders": 9}
    assert after["refund_rate"]["max_percent"] == "12.5"

    for bad, field in (
        ({"ip_velocity": {"max_orders": 0}}, "fraud_signals.ip_velocity.max_orders"),
        ({"fast_order": {"action": "maybe"}}, "fraud_signals.fast_order.action"),
        ({"refund_rate": {"max_percent": "100.5"}}, "fraud_signals.refund_rate.max_percent"),
        ({"refund_rate": {"max_percent": 30.5}}, "fraud_signals.refund_rate.max_percent"),
        ({"customer_velocity": {"window_minutes": "60"}}, "fraud_signals.customer_velocity.window_minutes"),
        ({"bot_click": {"min_seconds": 3}}, "fraud_signals.bot_click.min_seconds"),
        ({"sixth_sense": {"action": "flag"}}, "fraud_signals.sixth_sense"),
        ({"fast_order": {"action": None}}, "fraud_signals.fast_order"),
    ):
        refused = await api(client, m, "PATCH", "/api/v1/merchant", json={"fraud_signals": bad})
        assert refused.status_code == 422, (bad, refused.text)
        assert field in [e["field"] for e in refused.json()["errors"]], (bad, refused.json())
    assert (await api(client, m, "GET", "/api/v1/merchant")).json()["fraud_signals"] == after
