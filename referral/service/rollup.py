"""The merchant console's report figures (clicks, daily visitors, attributed orders, revenue) per
partner, scene or local day, from running totals (`core.running`) plus what has not settled yet.

Facts, added up in `ReportRunning` once settled:

- clicks by people (bots excluded), settled once older than `SETTLED_AFTER` (the click writer
  holds a click for milliseconds, or while the database is down; a click written later than
  that, after an outage of more than an hour, is not in the rows: see docs/consoles.md);
- attributed orders of every status, with their totals, and the refunds of those orders
  (negative revenue on the order's day, partner and scene): settled by id, up to the newest id
  created before `SETTLED_AFTER` ago (ids may commit out of order, never an hour apart).

Read: the rows of the day after the range less those of its first day, plus, summed from the
clicks, orders and refunds themselves, what the rows do not hold yet (the days after the last
written one, the orders and refunds with newer ids), less the canceled orders of the range and
plus the refunds they had (a cancellation changes an order in place, which no watermark can
follow; the canceled orders have an index of their own, `shop_order_canceled`).

Unique visitors do not add up; a visitor is counted once a day for each partner and scene, and
those counts are summed (someone clicking on three days counts three times): exact unique
visitors over a month of a big program take a COUNT(DISTINCT) over every click (300 ms at a
million clicks), the API's report (`referral.service.reports`) still counts them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, Literal

from accounts.service import settings
from core.running import (
    SETTLED_AFTER,
    Rollup,
    RunningTotals,
    Shape,
    Window,
    in_snapshot,
    newest_before,
    no_day,
)
from core.sql import Relation, between, instant, marks, rows, utc
from core.time import now
from referral.service.console_views import local_dates

#: Days a page read writes at most before answering (`relay reports catch-up` writes them all).
DAYS_PER_READ = 1
VALUES = ("clicks", "visitors", "orders", "revenue_minor")
TOTALS = RunningTotals("report_running", ("scene",), VALUES)
ROLLUP = Rollup(TOTALS, "report_progress", ("through_order_id", "through_refund_id"))

By = Literal["partner", "scene", "day"] | None
_KEY = {"partner": "partner_id", "scene": "scene", "day": "day"}


@dataclass(frozen=True, slots=True)
class Figures:
    clicks: int = 0
    visitors: int = 0  #: a visitor counted once a day per partner and scene, summed
    orders: int = 0  #: attributed, not canceled
    revenue_minor: int = 0  #: net of order discounts and of refunds

    def __add__(self, other: Figures) -> Figures:
        return Figures(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True)))

    @staticmethod
    def total(many: Iterable[Figures]) -> Figures:
        """`many` added up (every figure adds up: visitors too, counted per day)."""
        return Figures(*(sum(column) for column in zip(*(f.as_tuple() for f in many), strict=True)))

    def as_tuple(self) -> tuple[int, int, int, int]:
        """The figures in the order of `VALUES`."""
        return (self.clicks, self.visitors, self.orders, self.revenue_minor)


def _clicks(merchant_id: int, start: datetime, end: datetime, day: Relation, shape: Shape, *, visitors: bool = True) -> Relation:
    """Clicks by people in [start, end), their visitors counted per `day` (the local day of
    ``c.occurred_at``), partner and scene, then summed to `shape` (`visitors` False: left at 0)."""
    expression, day_params = day
    when, params = between("c.occurred_at", start, end)
    if not visitors:
        columns, column_params = shape.columns("c.occurred_at", "c.partner_id", "c.scene")
        return (
            f"SELECT {columns}, COUNT(*) AS clicks, 0 AS visitors, 0 AS orders, 0 AS revenue_minor FROM click c"
            f" WHERE c.merchant_id = ? AND NOT c.is_bot{when} GROUP BY 1, 2, 3",
            [*column_params, merchant_id, *params],
        )
    counted = replace(shape, day=(lambda column: (column, [])) if shape.day else None)  # v.day is the day
    columns, column_params = counted.columns("v.day", "v.partner_id", "v.scene")
    return (
        f"SELECT {columns}, CAST(SUM(v.clicks) AS BIGINT) AS clicks, COUNT(*) AS visitors, 0 AS orders,"
        f" 0 AS revenue_minor FROM (SELECT {expression} AS day, c.partner_id AS partner_id, c.scene AS scene,"
        " c.visitor_id AS visitor_id, COUNT(*) AS clicks FROM click c"
        f" WHERE c.merchant_id = ? AND NOT c.is_bot{when} GROUP BY 1, 2, 3, 4) v GROUP BY 1, 2, 3",
        [*column_params, *day_params, merchant_id, *params],
    )


def _orders(
    merchant_id: int, start: datetime | None, end: datetime | None, ids: tuple[int, int | None], shape: Shape
) -> Relation:
    """Attributed orders (every status) in [start, end) with ``ids[0] < id <= ids[1]``."""
    columns, column_params = shape.columns("o.occurred_at", "o.partner_id", "COALESCE(o.scene, '')")
    when, params = between("o.occurred_at", start, end)
    upto, top = ("", []) if ids[1] is None else (" AND o.id <= ?", [ids[1]])
    return (
        f"SELECT {columns}, 0 AS clicks, 0 AS visitors, COUNT(*) AS orders, CAST(SUM(o.total_minor) AS BIGINT) AS revenue_minor"
        f" FROM shop_order o WHERE o.merchant_id = ? AND o.partner_id IS NOT NULL AND o.id > ?{upto}{when}"
        " GROUP BY 1, 2, 3",
        [*column_params, merchant_id, ids[0], *top, *params],
    )


def _refunds(
    merchant_id: int, start: datetime | None, end: datetime | None, ids: tuple[int, int | None], shape: Shape
) -> Relation:
    """Refunds with ``ids[0] < id <= ids[1]`` of the attributed orders placed in [start, end),
    as negative revenue on the order's day, partner and scene."""
    columns, column_params = shape.columns("o.occurred_at", "o.partner_id", "COALESCE(o.scene, '')")
    when, params = between("o.occurred_at", start, end)
    upto, top = ("", []) if ids[1] is None else (" AND r.id <= ?", [ids[1]])
    return (
        f"SELECT {columns}, 0 AS clicks, 0 AS visitors, 0 AS orders, -CAST(SUM(r.amount_minor) AS BIGINT) AS revenue_minor"
        " FROM refund r JOIN shop_order o ON o.merchant_id = r.merchant_id AND o.id = r.order_id"
        f" WHERE r.merchant_id = ? AND o.partner_id IS NOT NULL AND r.id > ?{upto}{when} GROUP BY 1, 2, 3",
        [*column_params, merchant_id, ids[0], *top, *params],
    )


def _canceled(merchant_id: int, start: datetime, end: datetime, shape: Shape) -> Relation:
    """Minus the attributed orders canceled (``canceled_at`` set, the status canceled) placed in
    [start, end): their count and what they added (their total less their refunds, which were
    counted, and are added back here: a refund comes before a cancellation, if ever)."""
    columns, column_params = shape.columns("o.occurred_at", "o.partner_id", "COALESCE(o.scene, '')")
    canceled = (
        "o.merchant_id = ? AND o.canceled_at IS NOT NULL AND o.partner_id IS NOT NULL"
        " AND o.occurred_at >= ? AND o.occurred_at < ?"
    )
    bounds = [merchant_id, utc(start), utc(end)]
    return (
        f"SELECT {columns}, 0 AS clicks, 0 AS visitors, -COUNT(*) AS orders, -CAST(SUM(o.total_minor) AS BIGINT) AS revenue_minor"
        f" FROM shop_order o WHERE {canceled} GROUP BY 1, 2, 3"
        f" UNION ALL SELECT {columns}, 0, 0, 0, CAST(SUM(r.amount_minor) AS BIGINT) FROM shop_order o"
        f" JOIN refund r ON r.merchant_id = o.merchant_id AND r.order_id = o.id WHERE {canceled} GROUP BY 1, 2, 3",
        [*column_params, *bounds, *column_params, *bounds],
    )


def _union(*parts: Relation) -> Relation:
    return " UNION ALL ".join(p[0] for p in parts), [v for p in parts for v in p[1]]


# --- catching up -------------------------------------------------------------------------------------


async def catch_up(
    merchant_id: int, *, max_days: int | None = None, unless_within: timedelta | None = None,
    timezone: str | None = None,
) -> int:
    """Bring the merchant's running totals up to what has settled: the days up to the one an hour
    ago falls in (at most `max_days` of them), and the orders and refunds settled since; nothing
    when that was done less than `unless_within` ago. Returns the days written (0 also when
    another process is at it)."""
    timezone = timezone or await merchant_timezone(merchant_id)
    if await ROLLUP.fresh(merchant_id, timezone, unless_within):
        return 0
    horizon = now() - SETTLED_AFTER
    marks = {
        "through_order_id": await newest_before("shop_order", merchant_id, horizon),
        "through_refund_id": await newest_before("refund", merchant_id, horizon),
    }

    async def earliest() -> datetime | None:
        found = await rows(
            "SELECT MIN(occurred_at) AS first FROM click WHERE merchant_id = ?"
            " UNION ALL SELECT MIN(occurred_at) FROM shop_order WHERE merchant_id = ?",
            [merchant_id, merchant_id],
        )
        seen = [instant for instant in (instant(r["first"]) for r in found) if instant is not None]
        return min(seen, default=None)

    def day_facts(start: datetime, end: datetime, marks: dict[str, int]) -> Relation:
        query, params = _union(
            _clicks(merchant_id, start, end, no_day(), Shape()),
            _orders(merchant_id, start, end, (0, marks["through_order_id"]), Shape()),
            _refunds(merchant_id, start, end, (0, marks["through_refund_id"]), Shape()),
        )
        return f"SELECT partner_id, scene, {', '.join(VALUES)} FROM ({query}) d", params

    def late_facts(old: dict[str, int], new: dict[str, int], since: datetime, before: datetime) -> Relation:
        day = local_dates(timezone, since, before, numbered=True)
        return _union(
            _orders(merchant_id, None, before, (old["through_order_id"], new["through_order_id"]), Shape(day)),
            _refunds(merchant_id, None, before, (old["through_refund_id"], new["through_refund_id"]), Shape(day)),
        )

    return await ROLLUP.catch_up(
        merchant_id, timezone, horizon=horizon, marks=marks, earliest=earliest, day_facts=day_facts,
        late_facts=late_facts, max_days=max_days,
    )


# --- reading -----------------------------------------------------------------------------------------


async def merchant_timezone(merchant_id: int) -> str:
    """The time zone the merchant's report days are counted in. (Every function here takes
    ``timezone=`` too: the merchant's, when the caller has just read it, one statement less.)"""
    return (await settings.get_settings(merchant_id)).timezone


async def _facts(
    merchant_id: int, first_day: date, last_day: date, by: By, *, visitors: bool = True, clicks: bool = True,
    timezone: str | None = None,
) -> tuple[Relation, Window]:
    """Every fact of the range not canceled, as a relation ``day, partner_id, scene, *VALUES``
    kept to what `by` groups on: the written rows' difference (not by day: see `figures`), what
    settled after them, the days they do not cover, minus the canceled orders."""
    timezone = timezone or await merchant_timezone(merchant_id)
    progress = await ROLLUP.progress(merchant_id)
    window = Window.of(progress, timezone, first_day, last_day)
    day = local_dates(timezone, window.start, window.end)
    shape = Shape(day if by == "day" else None, partner=by == "partner", scene=by == "scene")
    parts = [_canceled(merchant_id, window.start, window.end, shape)]
    for start, end in window.unwritten:  # not in the rows: from the facts, whatever their ids
        parts += [
            *([_clicks(merchant_id, start, end, day("c.occurred_at"), shape, visitors=visitors)] if clicks else []),
            _orders(merchant_id, start, end, (0, None), shape),
            _refunds(merchant_id, start, end, (0, None), shape),
        ]
    if window.written and progress is not None:  # in the rows' days: what settled after them
        orders, refunds = progress.marks["through_order_id"], progress.marks["through_refund_id"]
        parts += [
            _orders(merchant_id, window.low_at, window.high_at, (orders, None), shape),
            _refunds(merchant_id, window.low_at, window.high_at, (refunds, None), shape),
        ]
        if by != "day":
            parts.append(TOTALS.difference(merchant_id, window.low, window.high, partners=by == "partner"))
    return _union(*parts), window


# Every part's figures are BIGINT (SUM of BIGINT is NUMERIC: cast back), so these sums add in
# 128-bit integers, not NUMERIC; and they come back as int.
_SUMS = ", ".join(f"CAST(SUM({v}) AS BIGINT) AS {v}" for v in VALUES)
_ANY = " OR ".join(f"SUM({v}) <> 0" for v in VALUES)


@in_snapshot
async def figures(
    merchant_id: int,
    first_day: date,
    last_day: date,
    by: By,
    *,
    visitors: bool = True,
    partners: Sequence[int] | None = None,
    timezone: str | None = None,
) -> dict[Any, Figures]:
    """key (partner id, scene — '' for orders with no scene —, ``YYYY-MM-DD`` local day, or None
    for the whole range) -> figures over the merchant's local days [first_day, last_day].

    Partners and scenes with nothing in the range are left out; by day, every day is listed.
    One statement (by day, two). `visitors` False: visitors of the days not written yet are not
    counted (a chart of clicks and revenue does not need them). By partner, `partners` keeps
    only those (a page of them: the database reads theirs alone)."""
    (query, params), window = await _facts(
        merchant_id, first_day, last_day, by, visitors=visitors, timezone=timezone
    )
    only = ""
    if by == "partner" and partners is not None:  # the database takes the condition into every part
        if not partners:
            return {}
        only, params = f" WHERE f.partner_id IN ({marks(len(partners))})", [*params, *partners]
    if by is None:
        statement = f"SELECT NULL AS key, {_SUMS} FROM ({query}) f"
    else:
        having = "" if by == "day" else f" HAVING {_ANY}"
        statement = f"SELECT {_KEY[by]} AS key, {_SUMS} FROM ({query}) f{only} GROUP BY 1{having}"
    found = {
        str(row["key"]) if by == "day" else row["key"]: Figures(*(int(row[v] or 0) for v in VALUES))
        for row in await rows(statement, params)
    }
    if by != "day":
        return found
    written = await TOTALS.each_day(merchant_id, window.low, window.high, None)
    days = [first_day + timedelta(days=n) for n in range((last_day - first_day).days + 1)]
    return {
        d.isoformat(): found.get(d.isoformat(), Figures()) + Figures(*written.get((d, None), [0] * len(VALUES)))
        for d in days
    }


@in_snapshot
async def leading_partners(
    merchant_id: int, first_day: date, last_day: date, limit: int, *, timezone: str | None = None
) -> list[int]:
    """The ids of the `limit` partners with the most revenue over the local days [first_day,
    last_day] (then the most orders, then by id), among those with orders there: one statement
    that sends back `limit` ids however many partners there are (clicks are not read: they do
    not rank)."""
    (query, params), _ = await _facts(merchant_id, first_day, last_day, "partner", clicks=False, timezone=timezone)
    found = await rows(
        f"SELECT partner_id AS key, {_SUMS} FROM ({query}) f GROUP BY 1"
        " HAVING SUM(orders) <> 0 OR SUM(revenue_minor) <> 0 ORDER BY revenue_minor DESC, orders DESC, key LIMIT ?",
        [*params, limit],
    )
    return [int(row["key"]) for row in found]


