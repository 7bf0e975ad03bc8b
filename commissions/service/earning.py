"""An attributed order's commissions: load the facts, evaluate the active rule set, store the drafts.

`commission_order` is called by the shop-event pipeline inside its transaction, right after the
order is recorded; everything it writes commits or rolls back with the order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from commissions.errors import CurrencyMismatch
from commissions.models import COUNTING, Commission, CommissionStatus
from commissions.rules import Beneficiary, LineFacts, OrderFacts
from commissions.service.calendar import month_of
from commissions.service.records import COLUMNS, CommissionRecord, db_values, record, record_from_db
from commissions.service.rule_sets import active_rule_set
from commissions.service.sql import advisory_lock, insert_returning, utc
from commissions.service.terms import evaluation_terms
from core.money import POINTS
from core.time import now
from referral.service.partners import get_partner
from referral.service.sales import partners_net


@dataclass(frozen=True, slots=True)
class OrderLineForCommission:
    order_line_id: int
    line_no: int
    sku: str
    category: str
    quantity: int
    net_minor: int  #: the line's gross less its share of the order discount


@dataclass(frozen=True, slots=True)
class OrderForCommission:
    """A recorded order as commissions need it. `partner_id` is the attributed partner (None: nothing)."""

    order_id: int
    partner_id: int | None
    occurred_at: datetime
    channel: str
    scene: str | None
    is_first_order: bool
    subtotal_minor: int
    currency: str
    lines: tuple[OrderLineForCommission, ...]


async def commission_order(merchant_id: int, order: OrderForCommission) -> list[CommissionRecord]:
    """Compute and store the order's commissions (status `pending`, `available_at` null).

    Nothing when the order has no partner or no rule set is active. Level 1 is the attributed
    partner; level 2 their recruiter, only while active. Calling it again for the same order
    returns the commissions already stored and writes nothing.
    """
    if order.partner_id is None:
        return []
    async with in_transaction():
        partner = await get_partner(merchant_id, order.partner_id)
        recruiter = None
        if partner.recruiter_id is not None:
            recruiter = await get_partner(merchant_id, partner.recruiter_id)
            if not recruiter.is_active:
                recruiter = None
        people = [partner] + ([recruiter] if recruiter else [])
        # The monthly cap reads what the partner earned so far: orders of the same partner are
        # computed one at a time. Locks are taken in id order, so two orders cannot deadlock.
        for partner_id in sorted(p.id for p in people):
            await advisory_lock("partner_month", merchant_id, partner_id)

        existing = await Commission.filter(merchant_id=merchant_id, order_id=order.order_id, reversal_of=None)
        if existing:
            return [record(row) for row in sorted(existing, key=lambda row: row.id)]
        terms = await evaluation_terms(merchant_id)
        if order.currency.upper() != terms.currency:
            raise CurrencyMismatch(order.currency, terms.currency)
        active = await active_rule_set(merchant_id, terms.currency)
        if active is None:
            return []

        occurred_at = utc(order.occurred_at)
        month_start, month_end = month_of(occurred_at, terms.timezone)
        ids = [p.id for p in people]
        earned = await month_earned(merchant_id, ids, month_start, month_end)
        net_before = await partners_net(merchant_id, month_start, occurred_at, ids)
        beneficiaries = [
            Beneficiary(
                partner_id=who.id, level=level, group=who.group, kind=who.kind,
                reward_preference=who.reward_preference, month_net_before_minor=net_before.get(who.id, 0),
                month_earned=earned[who.id],
            )
            for level, who in enumerate(people, start=1)
        ]
        facts = OrderFacts(
            occurred_at=occurred_at,
            channel=order.channel,
            scene=order.scene,
            is_first_order=order.is_first_order,
            subtotal_minor=order.subtotal_minor,
            lines=tuple(
                LineFacts(line.line_no, line.sku, line.category, line.quantity, line.net_minor) for line in order.lines
            ),
        )
        drafts = active.compiled.evaluate(active.version, facts, beneficiaries, terms)
        if not drafts:
            return []
        line_ids = {line.line_no: line.order_line_id for line in order.lines}
        created_at = now()
        rows = [
            db_values({
                "merchant_id": merchant_id,
                "partner_id": draft.partner_id,
                "order_id": order.order_id,
                "order_line_id": None if draft.line_no is None else line_ids[draft.line_no],
                "line_no": draft.line_no,
                "level": draft.level,
                "kind": draft.kind,
                "asset": terms.currency if draft.kind == "cash" else POINTS.code,
                "amount": draft.amount,
                "base_minor": draft.base_minor,
                "rule_set_version": active.version,
                "rule_id": draft.rule_id,
                "reversal_of": None,
                "refund_id": None,
                "status": CommissionStatus.pending.value,
                "occurred_at": occurred_at,
                "available_at": None,
                "explanation": draft.explanation,
                "rejected_reason": None,
                "rejected_by_key_id": None,
                "rejected_at": None,
                "created_at": created_at,
            })
            for draft in drafts
        ]
        inserted = await insert_returning(Commission._meta.db_table, COLUMNS, rows)
    return sorted((record_from_db(row) for row in inserted), key=lambda r: r.id)


async def month_earned(
    merchant_id: int, partner_ids: list[int] | None, start: datetime, end: datetime
) -> dict[int, dict[str, Any]]:
    """partner -> kind -> what the partner earned on orders in [start, end), for the monthly cap
    (`partner_ids` None: every partner).

    Originals only, pending or available: a canceled or rejected commission was never earned, and
    a refund does not give back room under a cap the original already used.
    """
    query = Commission.filter(
        merchant_id=merchant_id, reversal_of=None, status__in=COUNTING, occurred_at__gte=start, occurred_at__lt=end
    )
    if partner_ids is not None:
        query = query.filter(partner_id__in=partner_ids)
    rows = await (
        query.annotate(total=Sum("amount"))
        .group_by("partner_id", "kind")
        .values("partner_id", "kind", "total")
    )
    earned: dict[int, dict[str, Any]] = defaultdict(dict)
    for row in rows:
        earned[row["partner_id"]][row["kind"]] = int(row["total"] or 0)
    return earned
