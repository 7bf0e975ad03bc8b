"""Refunds claw back by appending reversals: exact shares, a full refund nets to zero, and each
reversal is payable when (and only when) its original is."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from commissions.models import Commission
from commissions.service.earning import commission_order
from commissions.service.lifecycle import on_order_canceled, on_order_completed, on_refund, release
from tests.factories.commissions import make_order, make_refund, percent_rule, publish_rule_set
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner

pytestmark = pytest.mark.usefixtures("database_url")  # the real database, migrated

COMPLETED = datetime(2026, 3, 12, 2, 0, tzinfo=UTC)
REFUNDED = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


async def net_by_original(merchant_id: int, order_id: int) -> dict[int, int]:
    """original id -> original + its counting reversals."""
    rows = await Commission.filter(merchant_id=merchant_id, order_id=order_id, status__in=("pending", "available"))
    net: dict[int, int] = {}
    for row in rows:
        key = row.reversal_of or row.id
        net[key] = net.get(key, 0) + row.amount
    return net


async def test_a_partial_refund_reverses_the_refunded_share_of_each_commission_exactly():
    m = await make_merchant()
    recruiter = await make_partner(m.id)
    partner = await make_partner(m.id, recruiter_id=recruiter.id)
    await publish_rule_set(m.id, {"rules": [
        percent_rule("l1", "10"),
        percent_rule("l2", "5", level=2),
        {"id": "bonus", "level": 1, "reward": {"flat_per_order": 500}, "partial_refund": "prorate"},
    ]})
    # 3 units at 33.33 = 99.99 net; a second line of 20.00
    order = await make_order(m.id, partner.id, [("A", "toys", 3, 3333), ("B", "books", 1, 2000)])
    made = await commission_order(m.id, order.for_commission())
    assert [(c.level, c.line_no, c.amount) for c in made] == [
        (1, 1, 1000), (1, 2, 200), (1, None, 500), (2, 1, 500), (2, 2, 100),
    ]

    refund, parts = await make_refund(order, [(1, 1, 3333)], at=REFUNDED)  # one unit of line 1
    reversals = await on_refund(m.id, order.id, refund.id, parts, REFUNDED)

    by_original = {r.reversal_of: r for r in reversals}
    line1_l1, _, bonus, line1_l2, _ = made
    assert {k: v.amount for k, v in by_original.items()} == {
        line1_l1.id: -333,  # 1000 x 1/3, half up
        line1_l2.id: -167,  # 500 x 1/3 = 166.67
        bonus.id: -139,  # 500 x 3333/11999 = 138.89: a prorated per-order reward follows the order's refunded net
    }
    assert by_original[bonus.id].explanation["refunded"]["partial_refund"] == "prorate"
    for r in reversals:
        assert (r.refund_id, r.occurred_at, r.status, r.available_at) == (refund.id, REFUNDED, "pending", None)
    assert by_original[line1_l1.id].explanation["refunded"]["refunded_quantity_after"] == 1
    # the originals are untouched
    assert [c.amount for c in await Commission.filter(id__in=[c.id for c in made]).order_by("id")] == [
        1000, 200, 500, 500, 100,
    ]


async def test_a_first_order_bonus_is_kept_through_a_partial_refund_and_taken_back_by_the_whole_refund():
    """Rule `welcome` pays 20.00 once per order (partial_refund: keep, the default). Refunding one
    of two lines takes back that line's 10 % exactly and leaves the 20.00; refunding the other
    line, the whole order is refunded: the 20.00 is taken back in full, and every commission nets to zero."""
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, {"rules": [
        percent_rule("l1", "10"),
        {"id": "welcome", "level": 1, "reward": {"flat_per_order": 2000}},
    ]})
    order = await make_order(m.id, partner.id, [("A", "toys", 1, 15000), ("B", "books", 2, 2500)])
    line_a, line_b, welcome = await commission_order(m.id, order.for_commission())
    assert (line_a.amount, line_b.amount, welcome.amount) == (1500, 500, 2000)
    assert welcome.explanation["reward"] == {"type": "flat_per_order", "amount_minor": 2000, "partial_refund": "keep"}

    refund, parts = await make_refund(order, [(1, 1, 15000)], at=REFUNDED)
    partial = await on_refund(m.id, order.id, refund.id, parts, REFUNDED)
    assert [(r.reversal_of, r.amount) for r in partial] == [(line_a.id, -1500)]  # the 20.00 stays

    refund, parts = await make_refund(order, [(2, 2, 5000)], at=REFUNDED + timedelta(days=1))
    whole = await on_refund(m.id, order.id, refund.id, parts, REFUNDED + timedelta(days=1))
    assert [(r.reversal_of, r.amount) for r in whole] == [(line_b.id, -500), (welcome.id, -2000)]
    taken = whole[1].explanation
    assert taken["refunded"]["partial_refund"] == "keep" and taken["refunded"]["refunded_minor_after"] == 20000
    assert taken["why"].startswith("an amount per order stays through partial refunds")
    assert await net_by_original(m.id, order.id) == {line_a.id: 0, line_b.id: 0, welcome.id: 0}


@pytest.mark.parametrize("partial_refund", ["keep", "prorate"])
async def test_refunding_everything_in_steps_nets_every_commission_to_exactly_zero(partial_refund):
    m = await make_merchant()
    recruiter = await make_partner(m.id)
    partner = await make_partner(m.id, recruiter_id=recruiter.id)
    await publish_rule_set(m.id, {"rules": [
        percent_rule("l1", "7.5"),
        percent_rule("l2", "2.5", level=2),
        {"id": "bonus", "level": 1, "reward": {"flat_per_order": 999}, "partial_refund": partial_refund},
    ]})
    order = await make_order(
        m.id, partner.id, [("A", "toys", 3, 3333), ("B", "books", 7, 1111)], discount_minor=1001
    )
    made = await commission_order(m.id, order.for_commission())
    line1, line2 = order.line(1), order.line(2)
    steps = [
        [(1, 1, line1.net_minor // 3)],
        [(2, 2, 2 * line2.net_minor // 7), (1, 1, line1.net_minor // 3)],
        [(2, 5, line2.net_minor - 2 * line2.net_minor // 7)],
        [(1, 1, line1.net_minor - 2 * (line1.net_minor // 3))],
    ]
    for day, step in enumerate(steps):
        refund, parts = await make_refund(order, step, at=REFUNDED + timedelta(days=day))
        await on_refund(m.id, order.id, refund.id, parts, REFUNDED + timedelta(days=day))

    assert await net_by_original(m.id, order.id) == {c.id: 0 for c in made}


async def test_a_replayed_refund_reverses_once():
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, {"rules": [percent_rule("l1", "10")]})
    order = await make_order(m.id, partner.id, [("A", "toys", 2, 5000)])
    await commission_order(m.id, order.for_commission())
    refund, parts = await make_refund(order, [(1, 1, 5000)])
    first = await on_refund(m.id, order.id, refund.id, parts, REFUNDED)
    again = await on_refund(m.id, order.id, refund.id, parts, REFUNDED)
    assert [r.id for r in again] == [r.id for r in first]
    assert [r.amount for r in first] == [-500]
    assert await Commission.filter(merchant_id=m.id, reversal_of__not_isnull=True).count() == 1


async def test_a_reversal_of_a_pending_commission_releases_with_it():
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, {"rules": [percent_rule("l1", "10")]})
    order = await make_order(m.id, partner.id, [("A", "toys", 2, 5000)])
    (original,) = await commission_order(m.id, order.for_commission())
    # refunded before completion: the reversal waits with its original
    refund, parts = await make_refund(order, [(1, 1, 5000)], at=REFUNDED)
    (reversal,) = await on_refund(m.id, order.id, refund.id, parts, REFUNDED)
    assert (reversal.status, reversal.available_at) == ("pending", None)

    await on_order_completed(m.id, order.id, COMPLETED)
    due = COMPLETED + timedelta(days=7)
    assert await release(due - timedelta(seconds=1), merchant_id=m.id) == []
    assert len(await release(due, merchant_id=m.id)) == 2
    rows = await Commission.filter(merchant_id=m.id, order_id=order.id).order_by("id")
    assert [(r.amount, r.status, r.available_at) for r in rows] == [
        (1000, "available", due), (-500, "available", due),
    ]


async def test_a_reversal_of_an_available_commission_is_available_from_the_refund():
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, {"rules": [percent_rule("l1", "10")]})
    order = await make_order(m.id, partner.id, [("A", "toys", 2, 5000)])
    await commission_order(m.id, order.for_commission())
    await on_order_completed(m.id, order.id, COMPLETED)
    due = COMPLETED + timedelta(days=7)
    await release(due, merchant_id=m.id)

    late = due + timedelta(days=3)
    refund, parts = await make_refund(order, [(1, 1, 5000)], at=late)
    (reversal,) = await on_refund(m.id, order.id, refund.id, parts, late)
    assert (reversal.amount, reversal.status, reversal.available_at) == (-500, "available", late)


async def test_canceled_commissions_are_not_reversed():
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, {"rules": [percent_rule("l1", "10")]})
    order = await make_order(m.id, partner.id, [("A", "toys", 2, 5000)])
    await commission_order(m.id, order.for_commission())
    await on_order_canceled(m.id, order.id)
    refund, parts = await make_refund(order, [(1, 2, 10000)])
    assert await on_refund(m.id, order.id, refund.id, parts, REFUNDED) == []
