"""Program reports: clicks, unique visitors, attributed orders and revenue per partner, link or scene.

Each report is two set-based queries (the grouped rows, and the totals, since unique
visitors do not add up across rows); no rows are walked in Python.

- clicks and unique visitors: clicks by people (bots excluded) in the period;
- orders: attributed orders placed in the period, canceled ones excluded;
- revenue: those orders' totals (after the order discount) less everything refunded on
  them so far, whenever the refund came.

Orders attributed by a partner code or a binding have no link and no scene: they make a
row whose key is null in those reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from accounts.service import settings
from core.db import connection
from core.sql import dollar, utc
from core.time import now, zone
from referral.service import partners


class Dimension(StrEnum):
    partner = "partner"
    link = "link"
    scene = "scene"


_KEY = {Dimension.partner: "partner_id", Dimension.link: "link_id", Dimension.scene: "scene"}
_LABELS = {
    Dimension.partner: (
        "LEFT JOIN partner p ON p.merchant_id = $1 AND p.id = g.key",
        "p.code AS code, p.display_name AS label",
    ),
    Dimension.link: ("LEFT JOIN share_link s ON s.merchant_id = $1 AND s.id = g.key", "s.code AS code, NULL AS label"),
    Dimension.scene: ("", "NULL AS code, NULL AS label"),
}


@dataclass(frozen=True, slots=True)
class Figures:
    clicks: int
    unique_visitors: int
    orders: int
    revenue_minor: int  #: net of order discounts and of refunds


@dataclass(frozen=True, slots=True)
class ReportRow:
    key: int | str | None  #: partner id, link id or scene; None: orders with no link (code, binding)
    code: str | None  #: partner code or link code
    label: str | None  #: partner display name
    figures: Figures


@dataclass(frozen=True, slots=True)
class Report:
    by: Dimension
    currency: str
    first_day: date
    last_day: date
    start: datetime
    end: datetime
    partner_id: int | None
    rows: list[ReportRow]
    total: Figures


async def report(
    merchant_id: int,
    by: Dimension,
    *,
    first_day: date | None = None,
    last_day: date | None = None,
    partner_id: int | None = None,
) -> Report:
    """The program's numbers from `first_day` to `last_day`, both included, as days in the
    merchant's time zone (by default the last 30 days up to today); `partner_id` restricts
    them to one partner (404 when it is not this merchant's)."""
    merchant = await settings.get_settings(merchant_id)
    if partner_id is not None:
        await partners.get_partner(merchant_id, partner_id)
    last_day = last_day or now().astimezone(zone(merchant.timezone)).date()
    first_day = first_day or last_day - timedelta(days=29)
    start, end = settings.local_days(merchant.timezone, first_day, last_day)
    assert start is not None and end is not None
    db = connection()
    # In UTC: SQLite compares the stored ISO text, which is always UTC.
    values: list[Any] = [merchant_id, utc(start), utc(end)]
    values += [partner_id] if partner_id is not None else []
    rows = await db.execute_query_dict(dollar(_grouped(by, partner_id is not None)), values)
    totals = await db.execute_query_dict(dollar(_figures(None, partner_id is not None)), values)
    return Report(
        by=by,
        currency=merchant.currency,
        first_day=first_day,
        last_day=last_day,
        start=start,
        end=end,
        partner_id=partner_id,
        rows=[ReportRow(r["key"], r["code"], r["label"], _to_figures(r)) for r in rows],
        total=_to_figures(totals[0]),
    )


def _figures(key: str | None, one_partner: bool) -> str:
    """Clicks and orders side by side (UNION ALL), summed per `key` column, or over all when None."""

    def part(table: str, alias: str, figures: str, where: str) -> str:
        of_partner = f" AND {alias}.partner_id = $4" if one_partner else ""
        head = f"{alias}.{key} AS key, " if key else ""
        tail = f" GROUP BY {alias}.{key}" if key else ""
        return (
            f"SELECT {head}{figures} FROM {table} {alias} WHERE {alias}.merchant_id = $1 AND {where} "
            f"AND {alias}.occurred_at >= $2 AND {alias}.occurred_at < $3{of_partner}{tail}"
        )

    clicks = part(
        "click", "c", "COUNT(*) AS clicks, COUNT(DISTINCT c.visitor_id) AS visitors, 0 AS orders, 0 AS revenue",
        "NOT c.is_bot",
    )
    orders = part(
        "shop_order", "o",
        "0, 0, COUNT(*), SUM(o.total_minor - COALESCE((SELECT SUM(r.amount_minor) FROM refund r "
        "WHERE r.merchant_id = o.merchant_id AND r.order_id = o.id), 0))",
        "o.partner_id IS NOT NULL AND o.status <> 'canceled'",
    )
    return (
        f"SELECT {'u.key AS key, ' if key else ''}COALESCE(SUM(u.clicks), 0) AS clicks, "
        "COALESCE(SUM(u.visitors), 0) AS visitors, COALESCE(SUM(u.orders), 0) AS orders, "
        f"COALESCE(SUM(u.revenue), 0) AS revenue FROM ({clicks} UNION ALL {orders}) u"
        f"{' GROUP BY u.key' if key else ''}"
    )


def _grouped(by: Dimension, one_partner: bool) -> str:
    join, labels = _LABELS[by]
    return (
        f"SELECT g.key AS key, g.clicks AS clicks, g.visitors AS visitors, g.orders AS orders, "
        f"g.revenue AS revenue, {labels} FROM ({_figures(_KEY[by], one_partner)}) g {join} "
        "ORDER BY g.revenue DESC, g.orders DESC, g.clicks DESC, g.key"
    )


def _to_figures(row: dict[str, Any]) -> Figures:
    # PostgreSQL sums BIGINTs as NUMERIC (Decimal): exact, made int here.
    return Figures(int(row["clicks"]), int(row["visitors"]), int(row["orders"]), int(row["revenue"]))

