"""Where one event crosses domains: referral's outcome -> commissions -> ledger, all or nothing.

order.created (`create_order`) is the hot path and the one place that decides how a new order
is written. On PostgreSQL every domain first says what it would write (`plan_new_order`: the
order's rows, the webhook receipt's, the commissions', their ledger entries', the merchant's
events', the fraud signals', all under ids taken beforehand), and the plan is then written as
one statement (`core.plan_writer`), grouped with other requests' plans of the same merchant
when a `PlanWriter` is given; a rule set that reads the month under a lock, or an order another
delivery created meanwhile, is planned again and written inside a transaction. On SQLite each
step writes in turn in one transaction.

The other events (`after_order_event`) run inside the caller's transaction (the shop event's,
the release job's, the merchant's reject), so an order's change, its commissions, their ledger
entries and the events telling the merchant (payouts.service.outbox) are written together or
not at all. Upstream domains never call downstream ones; this module is the only place that
does, explicitly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from accounts.service import audit, receipts
from accounts.service.audit import Actor
from accounts.service.receipts import AlreadyReceived, PendingReceipt, Reply
from commissions.service import fraud, lifecycle, queries
from commissions.service.earning import (
    NeedsLock,
    OrderForCommission,
    OrderLineForCommission,
    PlannedCommissions,
    commission_rows,
    new_ids_relation,
    plan_commissions,
    planned_records,
    store_commissions,
)
from commissions.service.records import CommissionRecord
from core.db import current_dialect
from core.plan_writer import write_alone
from core.write_plan import Rows, WritePlan
from notifications.service import notice_rows, notify
from payouts import events
from payouts.service import accruals, outbox, postings
from referral.service import orders, sales
from referral.service.clicks import PendingClick
from referral.service.order_inputs import OrderInput
from referral.service.order_views import OrderOutcome, OrderView, RefundOutcome
from relay import notices

#: How a write plan is written: alone (`core.plan_writer.write_alone`) or gathered with other
#: requests' (`core.plan_writer.PlanWriter.write`); whether its order was (False: it existed).
WritePlanWith = Callable[[WritePlan], Awaitable[bool]]


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


# --- order.created ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlannedOrder:
    """A new order and everything it writes, decided before anything is written (PostgreSQL):
    what it will be, the answer its receipt keeps, and the plan of its writes."""

    outcome: OrderOutcome
    reply: Reply
    plan: WritePlan


async def create_order(
    merchant_id: int, order: OrderInput, *, queued: Sequence[PendingClick], receipt: PendingReceipt,
    write: WritePlanWith = write_alone,
) -> Reply:
    """order.created, all or nothing: the order and its attribution, its commissions (screened
    for fraud first, stored held when a signal says so), their ledger entries, the events for
    the merchant, the signals, and the webhook receipt keeping the answer; the answer.

    PostgreSQL: the reads, then one write plan written by `write` (three round trips with
    commissions, two without). A replay is answered from the stored order (its receipt written
    alone); the same external id with other content is `OrderConflict`; a webhook-id answered
    before is `AlreadyReceived`. SQLite: each step writes in turn, in one transaction.
    """
    if current_dialect() == "postgres":
        return await _create_by_plan(merchant_id, order, queued, receipt, write)
    async with in_transaction():
        outcome = await orders.create_order(merchant_id, order, queued_clicks=queued)
        await after_order_event(merchant_id, outcome)
        reply = receipt.reply_to(outcome)
        await receipts.record(merchant_id, receipt, reply)
    return reply


async def _create_by_plan(
    merchant_id: int, order: OrderInput, queued: Sequence[PendingClick], receipt: PendingReceipt,
    write: WritePlanWith,
) -> Reply:
    planned = await plan_new_order(merchant_id, order, queued, receipt, may_lock=False)
    if not isinstance(planned, NeedsLock):
        answer = await _written(merchant_id, receipt, planned, write)
        if answer is not None:
            return answer
    # The rule set reads the partner's month under a lock, or another delivery created the order
    # since its facts were read: again inside a transaction, which holds the lock to the end and
    # whose reads see the other delivery's order (committed: the plan's INSERT waited for it).
    async with in_transaction():
        for _ in range(2):
            planned = await plan_new_order(merchant_id, order, queued, receipt, may_lock=True)
            assert not isinstance(planned, NeedsLock)
            answer = await _written(merchant_id, receipt, planned, write_alone)
            if answer is not None:
                return answer
    raise RuntimeError(f"order {order.external_id!r} was neither written nor found")


async def _written(
    merchant_id: int, receipt: PendingReceipt, planned: PlannedOrder | OrderOutcome, write: WritePlanWith
) -> Reply | None:
    """The answer once `planned` is written; None when another delivery created its order since
    its facts were read (then nothing of it was written). An order reported before is answered
    from the stored one, its receipt written alone."""
    if isinstance(planned, OrderOutcome):
        reply = receipt.reply_to(planned)
        await receipts.record(merchant_id, receipt, reply)
        return reply
    try:
        written = await write(planned.plan)
    except IntegrityError as error:
        if receipts.is_conflict(error):
            raise AlreadyReceived(receipt.webhook_id) from None
        raise
    return planned.reply if written else None


async def plan_new_order(
    merchant_id: int, order: OrderInput, queued: Sequence[PendingClick], receipt: PendingReceipt, *, may_lock: bool
) -> PlannedOrder | OrderOutcome | NeedsLock:
    """PostgreSQL: every read a new order needs, and the plan of every write it makes, nothing
    written: the attribution facts with the new order's ids (referral), the commissions computed
    (commissions) and the fraud screen's facts with the commissions' ids. An order reported
    before: its stored outcome. `NeedsLock` when the rule set reads the month and not `may_lock`
    (then the commissions read nothing)."""
    made = await orders.plan_order(merchant_id, order, queued_clicks=queued, take_ids=True)
    if isinstance(made, OrderOutcome):
        return made
    outcome = made.outcome()
    view = outcome.order
    planned = await plan_commissions(merchant_id, _for_commission(view), new_order=True, may_lock=may_lock)
    if isinstance(planned, NeedsLock):
        return planned
    # Screened before anything is written, so that on `hold` the commissions are written held;
    # the screen's read also takes the commissions' ids.
    screening = await fraud.screen_order(merchant_id, view, earns=bool(planned), along=new_ids_relation(planned))
    reply = receipt.reply_to(outcome)
    gate, order_rows = made.rows()
    parts: list[Rows | None] = [*order_rows, receipts.receipt_rows(merchant_id, receipt, reply)]
    if isinstance(planned, PlannedCommissions) and screening is not None:
        earned = planned_records(planned, screening.along, held=fraud.holds_commissions(screening))
        parts += [
            commission_rows(earned),
            *postings.entry_rows(merchant_id, accruals.earned_entries(earned)),
            await outbox.event_rows(merchant_id, events.commissions_created(earned, view.external_id)),
            notice_rows(merchant_id, notices.order_attributed(view.id, view.external_id, earned)),
        ]
    if screening is not None:
        parts.append(fraud.signal_rows(merchant_id, view.id, screening.partner_id, screening.signals))
    plan = WritePlan(merchant_id, view.external_id, gate, tuple(part for part in parts if part is not None))
    return PlannedOrder(outcome, reply, plan)


# --- the other events, in the caller's transaction ----------------------------------------------


async def after_order_event(merchant_id: int, outcome: OrderOutcome | RefundOutcome) -> list[CommissionRecord]:
    """Commissions and ledger entries for what an order event changed, each written in turn in
    the caller's transaction; nothing when it was a replay."""
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
        await notify(merchant_id, notices.commissions_reversed(f"refund:{refund.id}", order.external_id, reversals,
                                                               "refund"))
        return reversals
    if outcome.event == "created":
        return await _earn(merchant_id, order)
    if outcome.event == "completed":
        assert order.completed_at is not None
        await lifecycle.on_order_completed(merchant_id, order.id, order.completed_at)
        return []
    voided = await lifecycle.on_order_canceled(merchant_id, order.id)
    await accruals.record_voided(merchant_id, voided)
    await notify(merchant_id, notices.commissions_reversed(f"canceled:{order.id}", order.external_id, voided,
                                                           "canceled"))
    return voided


async def _earn(merchant_id: int, order: OrderView) -> list[CommissionRecord]:
    """A new order's commissions, their ledger entries, the merchant's events and the fraud
    signals, each written in turn (SQLite's order.created)."""
    planned = await plan_commissions(merchant_id, _for_commission(order), new_order=True)
    assert not isinstance(planned, NeedsLock)  # may_lock: the caller's transaction holds it
    # fraud signals: screened before the commissions are stored, so that on `hold` they are
    # stored held (waiting for the merchant's review); recorded with them.
    screening = await fraud.screen_order(merchant_id, order, earns=bool(planned))
    if isinstance(planned, PlannedCommissions):
        earned = await store_commissions(planned, held=fraud.holds_commissions(screening))
    else:
        earned = planned
    await accruals.record_earned(merchant_id, earned)
    await outbox.enqueue(merchant_id, events.commissions_created(earned, order.external_id))
    await notify(merchant_id, notices.order_attributed(order.id, order.external_id, earned))
    if screening is not None:
        await fraud.record_signals(merchant_id, order.id, screening.partner_id, screening.signals)
    return earned


async def release_commissions(at: datetime | None = None) -> int:
    """The cron job: commissions past their hold become available, the ledger says so, and each
    partner is told (one notice per partner and asset: "3 commissions became available").

    One set-based UPDATE, one multi-row posting and one multi-row notice INSERT (per 500
    partners) per merchant, in one transaction; safe to run on several hosts at once (each row
    moves, and is posted and told, once).
    """
    async with in_transaction():
        released = await lifecycle.release(at)
        by_merchant: dict[int, list[CommissionRecord]] = defaultdict(list)
        for row in released:
            by_merchant[row.merchant_id].append(row)
        for merchant_id, rows in by_merchant.items():
            await accruals.record_available(merchant_id, rows)
            await notify(merchant_id, notices.commissions_available(rows))
    return len(released)


async def reject_commission(
    merchant_id: int, commission_id: int, *, reason: str, key_id: int | None, actor: Actor | None = None
) -> CommissionRecord:
    """The merchant refuses a commission; what it (and its reversals) held in the ledger goes back."""
    async with in_transaction():
        before = await queries.get_commission(merchant_id, commission_id) if actor is not None else None
        voided = await lifecycle.reject(merchant_id, commission_id, reason=reason, key_id=key_id)
        await accruals.record_voided(merchant_id, voided)
        await notify(merchant_id, notices.commissions_reversed(
            f"rejected:{commission_id}", await sales.external_id_of(merchant_id, voided[0].order_id) or "", voided,
            "rejected", note=reason))
        await audit.record(
            merchant_id, actor, "commission.reject", "commission", commission_id, before=before, after=voided[0]
        )
    return voided[0]
