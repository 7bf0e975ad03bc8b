"""The read side: commissions listed and filtered, one with its explanation, a partner's totals."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from tortoise.expressions import Subquery
from tortoise.functions import Count, Sum

from commissions.errors import CommissionNotFound
from commissions.models import Commission, CommissionStatus, ReviewState
from commissions.service import fraud
from commissions.service.fraud import SignalRecord
from commissions.service.records import CommissionRecord, record
from commissions.service.sql import utc
from referral.service.partners import get_partner
from referral.service.sales import order_id_by_external_id


@dataclass(frozen=True, slots=True)
class CommissionFilter:
    partner_id: int | None = None
    status: str | None = None
    kind: str | None = None
    order_id: int | None = None
    order_external_id: str | None = None
    occurred_from: datetime | None = None  #: inclusive
    occurred_to: datetime | None = None  #: exclusive
    before_id: int | None = None  #: keyset cursor: only ids below it
    limit: int = 50
    review: str | None = None  #: held or approved (fraud review)
    flagged: bool | None = None  #: true: only commissions whose order raised a fraud signal; false: none


@dataclass(frozen=True, slots=True)
class CommissionPage:
    items: list[CommissionRecord]
    next_before_id: int | None  #: pass as `before_id` for the next page; None on the last page
    #: order id -> the fraud signals it raised, for the orders of `items`
    signals: dict[int, list[SignalRecord]] = field(default_factory=dict)


async def list_commissions(merchant_id: int, where: CommissionFilter) -> CommissionPage:
    """The merchant's commissions and reversals matching `where`, newest first."""
    query = Commission.filter(merchant_id=merchant_id)
    if where.order_external_id is not None:
        order_id = await order_id_by_external_id(merchant_id, where.order_external_id)
        if order_id is None:
            return CommissionPage([], None)
        query = query.filter(order_id=order_id)
    if where.flagged is not None:
        flagged = Subquery(fraud.flagged_orders(merchant_id))
        query = query.filter(order_id__in=flagged) if where.flagged else query.exclude(order_id__in=flagged)
    if where.review == ReviewState.held.value:
        # waiting for review: a held commission the merchant rejected (or whose order was canceled) waits no more
        query = query.filter(status=CommissionStatus.pending.value)
    for name in ("partner_id", "status", "kind", "order_id", "review"):
        value = getattr(where, name)
        if value is not None:
            query = query.filter(**{name: value})
    if where.occurred_from is not None:
        query = query.filter(occurred_at__gte=utc(where.occurred_from))
    if where.occurred_to is not None:
        query = query.filter(occurred_at__lt=utc(where.occurred_to))
    if where.before_id is not None:
        query = query.filter(id__lt=where.before_id)
    rows = await query.order_by("-id").limit(where.limit + 1)
    items = [record(row) for row in rows[: where.limit]]
    signals = await fraud.signals_of_orders(merchant_id, (c.order_id for c in items))
    return CommissionPage(items, items[-1].id if len(rows) > where.limit else None, signals)


async def get_commission(merchant_id: int, commission_id: int) -> CommissionRecord:
    """One commission with its explanation; another merchant's id is not found (404)."""
    row = await Commission.get_or_none(merchant_id=merchant_id, id=commission_id)
    if row is None:
        raise CommissionNotFound(commission_id)
    return record(row)


async def get_commission_with_signals(
    merchant_id: int, commission_id: int
) -> tuple[CommissionRecord, list[SignalRecord]]:
    """`get_commission` and the fraud signals its order raised."""
    commission = await get_commission(merchant_id, commission_id)
    signals = await fraud.signals_of_orders(merchant_id, [commission.order_id])
    return commission, signals.get(commission.order_id, [])


@dataclass(frozen=True, slots=True)
class Total:
    status: str
    asset: str
    amount: int  #: originals plus reversals
    count: int


async def partner_totals(merchant_id: int, partner_id: int) -> list[Total]:
    """A partner's commissions summed by status and asset (one GROUP BY); reversals included,
    so `available` in CNY is what the partner may be paid in CNY (before payouts)."""
    await get_partner(merchant_id, partner_id)  # 404 for another merchant's partner
    rows = await (
        Commission.filter(merchant_id=merchant_id, partner_id=partner_id)
        .annotate(amount_sum=Sum("amount"), rows=Count("id"))
        .group_by("status", "asset")
        .order_by("status", "asset")
        .values("status", "asset", "amount_sum", "rows")
    )
    # PostgreSQL's SUM(bigint) is numeric: back to int.
    return [Total(row["status"], row["asset"], int(row["amount_sum"] or 0), row["rows"]) for row in rows]
