"""The partner portal's pages as data: each function is what one page shows, scoped to one merchant
AND one partner, composed from the service functions of the domains below (referral clicks and
orders, commissions, this domain's ledger, batches and wallet).

Every figure is a SQL aggregate; lists are pages of 50; per page a fixed number of statements,
never one per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from commissions.service import partner_views as commission_views
from commissions.service.partner_views import PartnerCommission
from commissions.service.records import CommissionRecord
from core.errors import NotFound
from core.time import now
from payouts.models import PayoutBatchStatus
from payouts.service.postings import Balances, partner_balances
from payouts.service.sql import MAX_BIGINT, instant, marks, rows
from payouts.wallet.service import redemptions
from referral.service import partner_views as referral_views
from referral.service.order_views import LineView
from referral.service.partner_views import OrderSummary
from referral.service.partners import get_partner

#: Weeks in the home page's chart (the last one is the current week).
CHART_WEEKS = 12
PAGE_SIZE = 50


class PartnerOrderNotFound(NotFound):
    """Not one of the partner's orders (or no such order): the page answers 404 either way."""

    def __init__(self, order_id: int) -> None:
        super().__init__(f"order {order_id} not found")


# --- periods in the merchant's time zone ------------------------------------------------------------


def month_bounds(at: datetime, zone: tzinfo) -> tuple[datetime, datetime]:
    """The first instants of `at`'s month and of the next one, in `zone`."""
    local = at.astimezone(zone)
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    following = (start + timedelta(days=32)).replace(day=1)
    return start, following.replace(tzinfo=zone)


def week_bounds(at: datetime, zone: tzinfo, weeks: int = CHART_WEEKS) -> list[datetime]:
    """weeks + 1 instants: the Mondays (00:00 in `zone`) starting each of the last `weeks` weeks
    (the current one last), then the next Monday."""
    local = at.astimezone(zone)
    monday = (local - timedelta(days=local.weekday())).date()
    first = monday - timedelta(weeks=weeks - 1)
    # Each Monday built from its date: a week across a DST change still starts at local midnight.
    return [datetime.combine(first + timedelta(weeks=i), datetime.min.time(), zone) for i in range(weeks + 1)]


# --- home ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Home:
    month_start: datetime
    month: dict[str, int]  #: asset -> earned this month (cash currency and/or PTS), net of reversals
    balances: dict[str, Balances]  #: asset -> pending, available, in batch, paid, wallet...
    weeks: list[datetime]  #: the first instant of each chart week
    week_earnings: list[int]  #: cash earned each week, in minor units of `currency`
    week_clicks: list[int]  #: clicks by people each week
    currency: str


async def home(merchant_id: int, partner_id: int, *, currency: str, zone: tzinfo, at: datetime | None = None) -> Home:
    """This month's earnings, the balances by bucket and 12 weeks of earnings and clicks (three statements)."""
    await get_partner(merchant_id, partner_id)
    at = at or now()
    month = month_bounds(at, zone)
    weeks = referral_views.consecutive(week_bounds(at, zone))
    # One scan of the partner's commissions for the weeks and the month together.
    earned = await commission_views.earnings_by_period(merchant_id, partner_id, [*weeks, month])
    clicks = await referral_views.clicks_by_period(merchant_id, partner_id, weeks)
    return Home(
        month_start=month[0],
        month={asset: values[-1] for asset, values in earned.items()},
        balances=await partner_balances(merchant_id, partner_id),
        weeks=[start for start, _ in weeks],
        week_earnings=earned.get(currency, [0] * (CHART_WEEKS + 1))[:-1],
        week_clicks=clicks,
        currency=currency,
    )


# --- orders and commissions ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LinePayment:
    """The payout line a commission was paid in (or is being paid in): the same row whose
    outcome moved the partner's ledger (in_batch, paid), so a commission's status on a page
    and the ledger's balances never disagree."""

    batch_id: int
    status: str  #: a `payouts.models.PayoutLineStatus`
    settled_at: datetime | None
    sent: bool = False  #: the batch's transfer file was handed out (exported): the bank has the line


@dataclass(frozen=True, slots=True)
class CommissionRow:
    commission: CommissionRecord
    reversed_amount: int  #: what refunds took back of it so far (0 or negative)
    order: OrderSummary | None
    payment: LinePayment | None  #: None unless a payout batch claimed it


@dataclass(frozen=True, slots=True)
class CommissionsPage:
    items: list[CommissionRow]
    next_before_id: int | None


async def line_payments(merchant_id: int, partner_id: int, batch_ids: Sequence[int]) -> dict[int, LinePayment]:
    """batch id -> the partner's line in it (one statement)."""
    unique = sorted(set(batch_ids))
    if not unique:
        return {}
    found = await rows(
        "SELECT l.batch_id, l.status, l.settled_at, b.exported_at FROM payout_batch_line l"
        " JOIN payout_batch b ON b.id = l.batch_id AND b.merchant_id = l.merchant_id"
        f" WHERE l.merchant_id = ? AND l.partner_id = ? AND l.batch_id IN ({marks(len(unique))})",
        [merchant_id, partner_id, *unique],
    )
    return {
        row["batch_id"]: LinePayment(
            row["batch_id"], row["status"], instant(row["settled_at"]), sent=row["exported_at"] is not None
        )
        for row in found
    }


async def payment_of(merchant_id: int, commission: CommissionRecord) -> LinePayment | None:
    """The payout line that claimed `commission`, or None (one statement at most)."""
    if commission.payout_batch_id is None:
        return None
    found = await line_payments(merchant_id, commission.partner_id, [commission.payout_batch_id])
    return found.get(commission.payout_batch_id)


async def _rows(merchant_id: int, partner_id: int, items: Sequence[PartnerCommission]) -> list[CommissionRow]:
    orders = await referral_views.order_summaries(merchant_id, [item.commission.order_id for item in items])
    payments = await line_payments(
        merchant_id, partner_id, [i.commission.payout_batch_id for i in items if i.commission.payout_batch_id]
    )
    return [
        CommissionRow(
            item.commission, item.reversed_amount, orders.get(item.commission.order_id),
            payments.get(item.commission.payout_batch_id) if item.commission.payout_batch_id else None,
        )
        for item in items
    ]


async def commissions(
    merchant_id: int, partner_id: int, *, before_id: int | None = None, limit: int = PAGE_SIZE
) -> CommissionsPage:
    """The partner's commissions newest first with their orders and payments (three statements)."""
    await get_partner(merchant_id, partner_id)
    page = await commission_views.partner_commissions(merchant_id, partner_id, before_id=before_id, limit=limit)
    return CommissionsPage(await _rows(merchant_id, partner_id, page.items), page.next_before_id)


@dataclass(frozen=True, slots=True)
class PartnerOrderView:
    order: OrderSummary
    lines: list[LineView]
    commissions: list[CommissionRow]  #: the partner's commissions and reversals on it, oldest first
    attributed: bool  #: the order is the partner's own (level 1); else level 2 through an invitee


async def order(merchant_id: int, partner_id: int, order_id: int) -> PartnerOrderView:
    """One order the partner earned on (or that is attributed to them), with the partner's
    commissions and their explanations; any other order id is `PartnerOrderNotFound` (404)."""
    found = await referral_views.order_with_lines(merchant_id, order_id)
    if found is None:
        raise PartnerOrderNotFound(order_id)
    own = await commission_views.order_commissions(merchant_id, partner_id, order_id)
    if not own and found.order.partner_id != partner_id:
        raise PartnerOrderNotFound(order_id)
    reversed_by: dict[int, int] = {}
    for c in own:
        if c.reversal_of is not None:
            reversed_by[c.reversal_of] = reversed_by.get(c.reversal_of, 0) + c.amount
    payments = await line_payments(merchant_id, partner_id, [c.payout_batch_id for c in own if c.payout_batch_id])
    items = [
        CommissionRow(c, reversed_by.get(c.id, 0), found.order,
                      payments.get(c.payout_batch_id) if c.payout_batch_id else None)
        for c in own
    ]
    return PartnerOrderView(found.order, found.lines, items, found.order.partner_id == partner_id)


# --- payouts and points ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PayoutLine:
    """One of the partner's lines in an approved batch."""

    id: int
    batch_id: int
    asset: str
    status: str  #: a `payouts.models.PayoutLineStatus`
    reason: str | None
    gross_minor: int
    withheld_minor: int
    net_minor: int
    commission_count: int
    cutoff: datetime  #: the batch takes what was available before this instant
    approved_at: datetime | None
    settled_at: datetime | None


@dataclass(frozen=True, slots=True)
class Payouts:
    balances: dict[str, Balances]
    lines: list[PayoutLine]  #: newest first
    next_before_batch_id: int | None  #: one line per partner and batch: the keyset is the batch id
    wallet: redemptions.WalletInfo


_SHOWN = [s.value for s in PayoutBatchStatus if s not in (PayoutBatchStatus.draft, PayoutBatchStatus.discarded)]


async def payouts(
    merchant_id: int, partner_id: int, *, before_batch_id: int | None = None, wallet_before_id: int | None = None,
    limit: int = PAGE_SIZE,
) -> Payouts:
    """Balances, the partner's payout lines in approved batches (a page, newest first) and the
    points wallet with a page of its history (redemptions, credits, restores, expiries)."""
    wallet = await redemptions.wallet(merchant_id, partner_id, before_id=wallet_before_id, limit=limit)
    found = await rows(
        "SELECT l.id, l.batch_id, l.asset, l.status, l.reason, l.gross_minor, l.withheld_minor, l.net_minor,"
        " l.commission_count, l.settled_at, b.cutoff, b.approved_at"
        " FROM payout_batch_line l JOIN payout_batch b ON b.id = l.batch_id AND b.merchant_id = l.merchant_id"
        f" WHERE l.merchant_id = ? AND l.partner_id = ? AND b.status IN ({marks(len(_SHOWN))}) AND l.batch_id < ?"
        " ORDER BY l.batch_id DESC LIMIT ?",
        [merchant_id, partner_id, *_SHOWN, before_batch_id if before_batch_id is not None else MAX_BIGINT, limit + 1],
    )
    lines = [
        PayoutLine(
            id=row["id"], batch_id=row["batch_id"], asset=row["asset"], status=row["status"], reason=row["reason"],
            gross_minor=int(row["gross_minor"]), withheld_minor=int(row["withheld_minor"]),
            net_minor=int(row["net_minor"]), commission_count=row["commission_count"],
            cutoff=instant(row["cutoff"]), approved_at=instant(row["approved_at"]),
            settled_at=instant(row["settled_at"]),
        )
        for row in found[:limit]
    ]
    return Payouts(
        await partner_balances(merchant_id, partner_id), lines,
        lines[-1].batch_id if len(found) > limit else None, wallet,
    )
