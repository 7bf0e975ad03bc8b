"""After the order: completion starts the hold, release makes commissions available, a cancel
voids them, and reject refuses them. Amounts never change; only statuses and dates move."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from commissions.errors import CommissionNotRejectable, OrderAlreadyCompleted
from commissions.models import Commission
from commissions.service import terms
from commissions.service.earning import commission_order
from commissions.service.lifecycle import on_order_canceled, on_order_completed, on_refund, reject, release
from tests.conftest import run_relay
from tests.factories.commissions import make_order, make_refund, percent_rule, publish_rule_set
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner

pytestmark = pytest.mark.usefixtures("database_url")  # the real database, migrated

RULES = {"rules": [percent_rule("l1", "10"), percent_rule("l2", "5", level=2)]}
COMPLETED = datetime(2026, 3, 12, 2, 0, tzinfo=UTC)


async def earned_order(merchant_id: int, partner_id: int, unit_price: int = 10000, **kw):
    order = await make_order(merchant_id, partner_id, [("A", "toys", 1, unit_price)], **kw)
    made = await commission_order(merchant_id, order.for_commission())
    return order, made


async def statuses(merchant_id: int, order_id: int) -> list[tuple[str, datetime | None]]:
    rows = await Commission.filter(merchant_id=merchant_id, order_id=order_id).order_by("id")
    return [(row.status, row.available_at) for row in rows]


async def test_completion_starts_the_hold_of_the_merchants_hold_days():
    m = await make_merchant()
    recruiter = await make_partner(m.id)
    partner = await make_partner(m.id, recruiter_id=recruiter.id)
    await publish_rule_set(m.id, RULES)
    await terms.update_terms(m.id, {"hold_days": 3})
    order, made = await earned_order(m.id, partner.id)
    assert len(made) == 2

    assert await on_order_completed(m.id, order.id, COMPLETED) == 2
    assert await statuses(m.id, order.id) == [("pending", COMPLETED + timedelta(days=3))] * 2
    # a repeated completion event moves nothing
    assert await on_order_completed(m.id, order.id, COMPLETED + timedelta(days=1)) == 0
    assert await statuses(m.id, order.id) == [("pending", COMPLETED + timedelta(days=3))] * 2


async def test_release_moves_exactly_the_commissions_past_their_hold_and_is_idempotent():
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    due, _ = await earned_order(m.id, partner.id)
    held, _ = await earned_order(m.id, partner.id)
    open_order, _ = await earned_order(m.id, partner.id)
    await on_order_completed(m.id, due.id, COMPLETED)  # default hold: 7 days
    await on_order_completed(m.id, held.id, COMPLETED + timedelta(days=2))
    at = COMPLETED + timedelta(days=7)  # exactly due's available_at: included

    assert len(await release(at, merchant_id=m.id)) == 1
    assert await statuses(m.id, due.id) == [("available", at)]
    assert await statuses(m.id, held.id) == [("pending", at + timedelta(days=2))]
    assert await statuses(m.id, open_order.id) == [("pending", None)]
    assert await release(at, merchant_id=m.id) == []


async def test_two_releases_at_once_move_each_commission_once():
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    for _ in range(20):
        order, _ = await earned_order(m.id, partner.id)
        await on_order_completed(m.id, order.id, COMPLETED)
    at = COMPLETED + timedelta(days=8)
    moved = await asyncio.gather(release(at, merchant_id=m.id), release(at, merchant_id=m.id))
    ids = [row.id for rows in moved for row in rows]
    assert len(ids) == len(set(ids)) == 20  # each row moved once, by one of the two
    assert await Commission.filter(merchant_id=m.id, status="available").count() == 20


async def test_the_release_command_prints_how_many_it_moved(database_url):
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    # Far in the past, so no other test's commission is due at that instant.
    order, _ = await earned_order(m.id, partner.id, at=datetime(2001, 1, 1, tzinfo=UTC))
    await on_order_completed(m.id, order.id, datetime(2001, 1, 2, tzinfo=UTC))
    result = run_relay("commissions", "release", "--at", "2001-01-09T00:00:00+00:00", database_url=database_url)
    assert result.stdout.strip() == "released 1 commission(s)"
    assert await statuses(m.id, order.id) == [("available", datetime(2001, 1, 9, tzinfo=UTC))]


async def test_a_cancel_voids_pending_commissions_but_a_completed_order_must_be_refunded():
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    canceled, _ = await earned_order(m.id, partner.id)
    assert len(await on_order_canceled(m.id, canceled.id)) == 1
    assert await statuses(m.id, canceled.id) == [("canceled", None)]

    completed, _ = await earned_order(m.id, partner.id)
    await on_order_completed(m.id, completed.id, COMPLETED)
    with pytest.raises(OrderAlreadyCompleted):
        await on_order_canceled(m.id, completed.id)
    assert await statuses(m.id, completed.id) == [("pending", COMPLETED + timedelta(days=7))]


async def test_reject_refuses_a_pending_or_available_commission_and_voids_its_reversals():
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    order, (commission,) = await earned_order(m.id, partner.id)
    await on_order_completed(m.id, order.id, COMPLETED)
    await release(COMPLETED + timedelta(days=7), merchant_id=m.id)
    refund, parts = await make_refund(order, [(1, 0, 4000)])
    (reversal,) = await on_refund(m.id, order.id, refund.id, parts, COMPLETED + timedelta(days=10))
    assert (reversal.amount, reversal.status) == (-400, "available")

    with pytest.raises(CommissionNotRejectable, match="reversal"):
        await reject(m.id, reversal.id, reason="no", key_id=None)
    rejected, also_voided = await reject(m.id, commission.id, reason="self-purchase ring", key_id=42)
    assert also_voided.id == reversal.id
    assert (rejected.status, rejected.rejected_reason, rejected.rejected_by_key_id) == (
        "rejected", "self-purchase ring", 42,
    )
    assert rejected.amount == 1000  # the amount is never touched
    voided = await Commission.get(id=reversal.id)
    assert (voided.status, voided.amount) == ("rejected", -400)
    with pytest.raises(CommissionNotRejectable, match="rejected"):
        await reject(m.id, commission.id, reason="again", key_id=42)

    batched, (claimed,) = await earned_order(m.id, partner.id)
    await Commission.filter(id=claimed.id).update(payout_batch_id=7)  # as payouts' approval does
    with pytest.raises(CommissionNotRejectable, match="payout batch 7"):
        await reject(m.id, claimed.id, reason="late", key_id=42)

    canceled, (void,) = await earned_order(m.id, partner.id)
    await on_order_canceled(m.id, canceled.id)
    with pytest.raises(CommissionNotRejectable, match="canceled"):
        await reject(m.id, void.id, reason="late", key_id=42)

