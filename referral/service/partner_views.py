"""What the partner portal reads of the referral domain, always scoped to one merchant AND one partner.

Set-based: clicks counted per period in one statement, orders fetched by a list of ids in one,
the partner's invitees one page at a time; a relation of invitees' orders for the commissions
domain to fold into its own level-2 query.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from core.sql import Relation, chunks, instant, marks, rows, utc
from referral.errors import PartnerNotFound
from referral.models import Order, OrderLine, Partner
from referral.service.order_views import LineView

#: Ids per IN (...) list.
IDS_PER_QUERY = 1000


#: A period [start, end).
Period = tuple[datetime, datetime]


def consecutive(bounds: Sequence[datetime]) -> list[Period]:
    """The periods between consecutive `bounds`: [bounds[0], bounds[1]), [bounds[1], bounds[2])..."""
    return list(zip(bounds, bounds[1:], strict=False))


def period_sums(column: str, periods: Sequence[Period]) -> tuple[str, list[datetime], Period]:
    """SELECT items summing `column` over rows whose occurred_at is in each period, named p0, p1...
    (one scan of the rows), their parameters, and the span covering every period (for the WHERE)."""
    items, params = [], []
    for index, (start, end) in enumerate(periods):
        items.append(f"COALESCE(SUM(CASE WHEN occurred_at >= ? AND occurred_at < ? THEN {column} ELSE 0 END), 0) AS p{index}")
        params += [utc(start), utc(end)]
    span = (utc(min(start for start, _ in periods)), utc(max(end for _, end in periods)))
    return ", ".join(items), params, span


async def clicks_by_period(merchant_id: int, partner_id: int, periods: Sequence[Period]) -> list[int]:
    """The partner's clicks by people (bots left out) in each period (index merchant_id, partner_id, occurred_at)."""
    if not periods:
        return []
    items, params, span = period_sums("1", periods)
    found = await rows(
        f"SELECT {items} FROM click WHERE merchant_id = ? AND partner_id = ? AND is_bot = ?"
        " AND occurred_at >= ? AND occurred_at < ?",
        [*params, merchant_id, partner_id, False, *span],
    )
    return [int(found[0][f"p{i}"]) for i in range(len(periods))]


@dataclass(frozen=True, slots=True)
class OrderSummary:
    """An order as a partner sees it in a list: no customer data."""

    id: int
    external_id: str
    status: str  #: a `referral.models.OrderStatus`
    occurred_at: datetime
    total_minor: int
    currency: str
    partner_id: int | None  #: the attributed partner (the invitee, for a level-2 commission)
    completed_at: datetime | None


_SUMMARY = "id, external_id, status, occurred_at, total_minor, currency, partner_id, completed_at"


def _summary(row: dict) -> OrderSummary:
    return OrderSummary(
        id=row["id"], external_id=row["external_id"], status=row["status"], occurred_at=instant(row["occurred_at"]),
        total_minor=int(row["total_minor"]), currency=row["currency"], partner_id=row["partner_id"],
        completed_at=instant(row["completed_at"]),
    )


async def order_summaries(merchant_id: int, order_ids: Sequence[int]) -> dict[int, OrderSummary]:
    """order id -> summary for the merchant's orders among `order_ids` (the caller has scoped the
    ids to its partner: they are the orders of the partner's commissions)."""
    found: dict[int, OrderSummary] = {}
    unique = sorted(set(order_ids))
    for part in chunks(unique, IDS_PER_QUERY):
        for row in await rows(
            f"SELECT {_SUMMARY} FROM shop_order WHERE merchant_id = ? AND id IN ({marks(len(part))})",
            [merchant_id, *part],
        ):
            found[row["id"]] = _summary(row)
    return found


@dataclass(frozen=True, slots=True)
class PartnerOrder:
    order: OrderSummary
    lines: list[LineView]


async def order_with_lines(merchant_id: int, order_id: int) -> PartnerOrder | None:
    """One of the merchant's orders with its lines (None when the merchant has no such order).
    The portal shows it only to a partner it concerns (see payouts.service.partner_views.order)."""
    row = await Order.filter(merchant_id=merchant_id, id=order_id).first().values(*_SUMMARY.split(", "))
    if row is None:
        return None
    lines = await OrderLine.filter(merchant_id=merchant_id, order_id=order_id).order_by("line_no")
    return PartnerOrder(
        _summary(row),
        [
            LineView(line.id, line.line_no, line.sku, line.category, line.quantity, line.unit_price_minor,
                     line.gross_minor, line.discount_minor, line.net_minor)
            for line in lines
        ],
    )


@dataclass(frozen=True, slots=True)
class Invitee:
    """A partner someone recruited (their level-2 earnings come from this partner's sales)."""

    id: int
    display_name: str
    status: str
    joined_at: datetime


@dataclass(frozen=True, slots=True)
class InviteePage:
    items: list[Invitee]
    total: int
    limit: int
    offset: int


async def invitees(merchant_id: int, partner_id: int, *, limit: int = 50, offset: int = 0) -> InviteePage:
    """The partners `partner_id` recruited, newest first (index merchant_id, recruiter_id)."""
    if not await Partner.exists(merchant_id=merchant_id, id=partner_id):
        raise PartnerNotFound(partner_id)
    query = Partner.filter(merchant_id=merchant_id, recruiter_id=partner_id)
    total = await query.count()
    found = await query.order_by("-id").offset(offset).limit(limit).values("id", "display_name", "status", "created_at")
    items = [Invitee(r["id"], r["display_name"], r["status"], r["created_at"]) for r in found]
    return InviteePage(items, total, limit, offset)


def orders_of_partners(merchant_id: int, partner_ids: Sequence[int]) -> Relation:
    """The orders attributed to `partner_ids`, as a relation with columns ``order_id, partner_id``."""
    return (
        f"SELECT id AS order_id, partner_id FROM shop_order WHERE merchant_id = ? AND partner_id IN ({marks(len(partner_ids))})",
        [merchant_id, *partner_ids],
    )
