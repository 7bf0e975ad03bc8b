"""Where one event crosses domains: referral's outcome -> commissions -> ledger, all or nothing.

Each function here runs inside the caller's transaction (the shop event's, the release job's,
the merchant's reject) or, for a new order on PostgreSQL, the shop event's write batch (one
statement, `core.write_batch`), so an order, its commissions, their ledger entries and the
events telling the merchant (payouts.service.outbox) are written together or not at all. Upstream
domains never call downstream ones; this module is the only place that does, explicitly.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from tortoise.transactions import in_transaction

from accounts.service import audit
from accounts.service.audit import Actor
from commissions.service import fraud, lifecycle, queries
from commissions.service.earning import (
    OrderForCommission,
    OrderLineForCommission,
    PlannedCommissions,
    new_ids_relation,
    plan_commissions,
    store_commissions,
)
from commissions.service.records import CommissionRecord
from payouts import events
from payouts.service import accruals, outbox
from referral.service.order_views import OrderOutcome, OrderView, RefundOutcome


def _for_commission(order: OrderView) -> OrderForCommission:
    return OrderForCommission(
        order_id=order.id,
        partner_id=order.attribution.partner_id,
        occurred_at=order.occurred_at,
        channel=order.channel,
        scene=order.attribution.scene,
        is_first_order=order.attribution.is_first_order,
        subtotal_minor=order.subtotal_minor,
        currency=order.currency,
        lines=tuple(
            OrderLineForCommission(line.id, line.line_no, line.sku, line.category, line.quantity, line.net_minor)
            for line in order.lines
        ),
        earners=order.attribution.earners,
    )


async def after_order_event(merchant_id: int, outcome: OrderOutcome | RefundOutcome) -> list[CommissionRecord]:
    """Commissions and ledger entries for what an order event changed; nothing when it was a replay."""
    if not outcome.applied:
        return []
    order = outcome.order
    if isinstance(outcome, RefundOutcome):
        refund = outcome.refund
        reversals = await lifecycle.on_refund(
            merchant_id,
            order.id,
            refund.id,
            [lifecycle.RefundLine(line.order_line_id, line.quantity, line.amount_minor) for line in refund.lines],
            refund.occurred_at,
        )
        await accruals.record_earned(merchant_id, reversals)
        await outbox.enqueue(merchant_id, events.commissions_reversed(reversals, order.external_id, refund.external_id))
        return reversals
    if outcome.event == "created":
        planned = await plan_commissions(merchant_id, _for_commission(order))
        # fraud signals: screened before the commissions are stored, so that on `hold` they are
        # stored held (waiting for the merchant's review); recorded with them. In a write batch
        # the screen's read also takes the new commissions' ids (one round trip less).
        screening = await fraud.screen_order(
            merchant_id, order, earns=bool(planned), along=new_ids_relation(planned)
        )
        if isinstance(planned, PlannedCommissions):
            earned = await store_commissions(
                planned, held=fraud.holds_commissions(screening), ids=screening.along if screening else ()
            )
        else:
            earned = planned
        await accruals.record_earned(merchant_id, earned)
        await outbox.enqueue(merchant_id, events.commissions_created(earned, order.external_id))
        if screening is not None:
            await fraud.record_signals(merchant_id, order.id, screening.partner_id, screening.signals)
        return earned
    if outcome.event == "completed":
        assert order.completed_at is not None
        await lifecycle.on_order_completed(merchant_id, order.id, order.completed_at)
        return []
    voided = await lifecycle.on_order_canceled(merchant_id, order.id)
    await accruals.record_voided(merchant_id, voided)
    return voided


async def release_commissions(at: datetime | None = None) -> int:
    """The cron job: commissions past their hold become available, and the ledger says so.

    One set-based UPDATE and one multi-row posting per merchant, in one transaction; safe to
    run on several hosts at once (each row moves, and is posted, once).
    """
    async with in_transaction():
        released = await lifecycle.release(at)
        by_merchant: dict[int, list[CommissionRecord]] = defaultdict(list)
        for row in released:
            by_merchant[row.merchant_id].append(row)
        for merchant_id, rows in by_merchant.items():
            await accruals.record_available(merchant_id, rows)
    return len(released)


async def reject_commission(
    merchant_id: int, commission_id: int, *, reason: str, key_id: int | None, actor: Actor | None = None
) -> CommissionRecord:
    """The merchant refuses a commission; what it (and its reversals) held in the ledger goes back."""
    async with in_transaction():
        before = await queries.get_commission(merchant_id, commission_id) if actor is not None else None
        voided = await lifecycle.reject(merchant_id, commission_id, reason=reason, key_id=key_id)
        await accruals.record_voided(merchant_id, voided)
        await audit.record(
            merchant_id, actor, "commission.reject", "commission", commission_id, before=before, after=voided[0]
        )
    return voided[0]
