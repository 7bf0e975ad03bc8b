"""Each thing that happens to a partner leaves a notice in their inbox, written with the change:
an order counted as theirs, a refund, a cancellation or a rejection taking commissions back,
commissions released (one notice per partner per run), an application decided, a payout line
paid, failed or returned, points credited. An event reported twice tells once."""

from __future__ import annotations

from datetime import timedelta

from core.time import now
from notifications.models import Notification
from relay import applications
from relay.pipeline import release_commissions
from tests.factories.batches import approve, by_partner, create, get, make_commission, make_payee, outcome
from tests.factories.commissions import publish_rule_set
from tests.factories.events import order_data, send
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_partner

RULES = {
    "rules": [
        {"id": "skincare", "level": 1, "conditions": {"categories": ["skincare"]}, "reward": {"percent": "10"}},
        {"id": "recruiter", "level": 2, "reward": {"percent": "2"}},
    ]
}


async def notices(merchant_id: int, partner_id: int | None = None) -> list[tuple[int, str, dict]]:
    query = Notification.filter(merchant_id=merchant_id)
    if partner_id is not None:
        query = query.filter(partner_id=partner_id)
    return [(row.partner_id, row.kind, row.params) for row in await query.order_by("id")]


async def serum_order(client, merchant, partner, quantity: int = 1) -> dict:
    order = order_data(lines=[{"sku": "SERUM-30", "category": "skincare", "quantity": quantity,
                               "unit_price": "100.00"}], partner_code=partner.code)
    answer = await send(client, merchant, "order.created", order)
    assert answer.status_code == 200, answer.text
    return order


async def test_an_order_tells_each_earning_partner_what_it_is_expected_to_earn_once(client):
    m = await make_merchant()
    recruiter = await make_partner(m.id)
    parent = await make_partner(m.id, recruiter_id=recruiter.id)
    await publish_rule_set(m.id, RULES)
    order = await serum_order(client, m, parent)
    again = await send(client, m, "order.created", order)
    assert again.status_code == 200
    external = order["external_id"]
    assert sorted(await notices(m.id)) == sorted([
        (parent.id, "order_attributed", {"order": external, "amount_minor": 1000, "currency": "CNY"}),
        (recruiter.id, "order_attributed", {"order": external, "amount_minor": 200, "currency": "CNY"}),
    ])


async def test_a_refund_takes_back_commissions_and_says_why(client):
    m = await make_merchant()
    parent = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    order = await serum_order(client, m, parent, quantity=2)
    await send(client, m, "order.completed", {"external_id": order["external_id"], "occurred_at": now().isoformat()})
    refund = {"external_id": order["external_id"], "refund_id": "R1", "occurred_at": now().isoformat(),
              "lines": [{"sku": "SERUM-30", "quantity": 1}]}
    assert (await send(client, m, "order.refunded", refund)).status_code == 200
    assert (await send(client, m, "order.refunded", refund)).status_code == 200  # reported twice
    reversed_ = [n for n in await notices(m.id, parent.id) if n[1] == "commission_reversed"]
    assert reversed_ == [(parent.id, "commission_reversed", {
        "order": order["external_id"], "amount_minor": 1000, "currency": "CNY", "reason": "refund"})]


async def test_a_canceled_order_and_a_rejected_commission_are_told_with_their_reason(client):
    m = await make_merchant()
    parent = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    canceled = await serum_order(client, m, parent)
    await send(client, m, "order.canceled", {"external_id": canceled["external_id"], "occurred_at": now().isoformat()})
    rejected = await serum_order(client, m, parent)
    listed = await api(client, m, "GET", "/api/v1/commissions", params={"order_external_id": rejected["external_id"]})
    [commission] = listed.json()["items"]
    answer = await api(client, m, "POST", f"/api/v1/commissions/{commission['id']}/reject",
                       json={"reason": "self-purchase ring"})
    assert answer.status_code == 200, answer.text
    told = [params for _, kind, params in await notices(m.id, parent.id) if kind == "commission_reversed"]
    assert told == [
        {"order": canceled["external_id"], "amount_minor": 1000, "currency": "CNY", "reason": "canceled"},
        {"order": rejected["external_id"], "amount_minor": 1000, "currency": "CNY", "reason": "rejected",
         "note": "self-purchase ring"},
    ]


async def test_a_release_tells_each_partner_once_with_the_count_and_the_sum(client):
    m = await make_merchant()
    lin, zhao = await make_partner(m.id), await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    completed_at = now()
    for partner, quantity in ((lin, 1), (lin, 2), (lin, 1), (zhao, 1)):
        order = await serum_order(client, m, partner, quantity=quantity)
        await send(client, m, "order.completed", {"external_id": order["external_id"],
                                                  "occurred_at": completed_at.isoformat()})
    await release_commissions(completed_at + timedelta(days=7, seconds=1))
    await release_commissions(completed_at + timedelta(days=7, seconds=2))
    available = sorted((p, params) for p, kind, params in await notices(m.id) if kind == "commissions_available")
    assert available == sorted([(lin.id, {"count": 3, "amount_minor": 4000, "currency": "CNY"}),
                                (zhao.id, {"count": 1, "amount_minor": 1000, "currency": "CNY"})])


async def test_payout_lines_paid_failed_and_returned_each_tell_their_partner(client):
    m = await make_merchant()
    alice, bob = await make_payee(m.id), await make_payee(m.id)
    await make_commission(m.id, alice.id, 12000)
    await make_commission(m.id, bob.id, 8000)
    batch = await create(client, m)
    await approve(client, m, batch["id"])
    lines = by_partner(await get(client, m, batch["id"], line_status="open"))
    assert (await outcome(client, m, batch["id"], lines[alice.id]["id"], "paid")).status_code == 200
    assert (await outcome(client, m, batch["id"], lines[alice.id]["id"], "paid")).status_code == 200  # again
    failed = await outcome(client, m, batch["id"], lines[bob.id]["id"], "failed", reason="account closed")
    assert failed.status_code == 200, failed.text
    returned = await outcome(client, m, batch["id"], lines[alice.id]["id"], "returned", reason="name mismatch")
    assert returned.status_code == 200, returned.text
    assert [(p, kind, params) for p, kind, params in await notices(m.id) if kind == "payout_line"] == [
        (alice.id, "payout_line", {"outcome": "paid", "amount_minor": 12000, "currency": "CNY"}),
        (bob.id, "payout_line", {"outcome": "failed", "amount_minor": 8000, "currency": "CNY", "note": "account closed"}),
        (alice.id, "payout_line", {"outcome": "returned", "amount_minor": 12000, "currency": "CNY",
                                   "note": "name mismatch"}),
    ]


async def test_points_credited_at_approval_tell_each_partner(client):
    m = await make_merchant()
    alice = await make_partner(m.id)
    await make_commission(m.id, alice.id, 500, asset="PTS")
    await make_commission(m.id, alice.id, 300, asset="PTS")
    await approve(client, m, (await create(client, m, asset="PTS"))["id"])
    assert await notices(m.id) == [(alice.id, "points_credited", {"points": 800})]


async def test_an_application_decided_is_told_to_the_applicant(client):
    m = await make_merchant()
    kinds = {"kind": "customer", "answers": {}, "accepted_agreement_version": None,
             "invite_code": None, "locale": "en"}
    first = await applications.apply(m.id, display_name="Wang", phone="13800138001", email=None, **kinds)
    second = await applications.apply(m.id, display_name="Li", phone="13800138002", email=None, **kinds)
    asked = await api(client, m, "POST", f"/api/v1/applications/{first.application.id}/request-info",
                      json={"message": "Which store do you work at?"})
    assert asked.status_code == 200, asked.text
    approved = await api(client, m, "POST", f"/api/v1/applications/{first.application.id}/approve")
    assert approved.status_code == 200, approved.text
    rejected = await api(client, m, "POST", f"/api/v1/applications/{second.application.id}/reject",
                         json={"reason": "Outside our delivery area"})
    assert rejected.status_code == 200, rejected.text
    assert await notices(m.id) == [
        (first.application.partner.id, "application_decided",
         {"decision": "request_info", "note": "Which store do you work at?"}),
        (first.application.partner.id, "application_decided", {"decision": "approve"}),
        (second.application.partner.id, "application_decided",
         {"decision": "reject", "note": "Outside our delivery area"}),
    ]
