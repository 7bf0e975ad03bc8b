"""Admin-scoped reads the merchant console needs beyond `reports`: local days in SQL, partner
names for a page of ids, and the orders' scenes as a relation for commissions' reports.

Every query is one set-based statement filtered by merchant_id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from core.db import current_dialect
from core.running import day_number_sql
from core.sql import Relation, utc
from core.time import zone
from referral.models import Order, Partner


def local_day(column: str, timezone: str, start: datetime, end: datetime) -> Relation:
    """A SQL expression giving the local calendar day (``YYYY-MM-DD`` text) of the instant
    `column` in `timezone`, exact for instants in [start, end), and its ``?`` parameters.

    PostgreSQL converts with its own zone database; SQLite has none, so the zone's UTC offsets
    over the range (a DST change makes two) become a CASE over the instants where they change.
    """
    if current_dialect() == "postgres":
        return f"to_char(({column}) AT TIME ZONE ?, 'YYYY-MM-DD')", [timezone]
    tz = zone(timezone)
    moment, stop = utc(start), utc(end)
    segments: list[tuple[datetime, int]] = []  # (from this instant, offset in minutes)
    while moment < stop + timedelta(hours=1):
        offset = int(moment.astimezone(tz).utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
        if not segments or segments[-1][1] != offset:
            segments.append((moment, offset))
        moment += timedelta(minutes=30)
    if len(segments) == 1:
        return f"date({column}, ?)", [f"{segments[0][1]:+d} minutes"]
    cases = " ".join("WHEN " + column + " < ? THEN ?" for _ in segments[1:])
    params: list[Any] = []
    for (_, offset), (changes_at, _) in zip(segments, segments[1:], strict=False):
        params += [changes_at, f"{offset:+d} minutes"]
    return f"date({column}, CASE {cases} ELSE ? END)", [*params, f"{segments[-1][1]:+d} minutes"]


def local_date(column: str, timezone: str, start: datetime, end: datetime) -> Relation:
    """`local_day` as a date on PostgreSQL (cheaper than its text: a console groups tens of
    thousands of rows by it); the same text on SQLite."""
    if current_dialect() == "postgres":
        return f"(({column}) AT TIME ZONE ?)::date", [timezone]
    return local_day(column, timezone, start, end)


def local_dates(timezone: str, start: datetime, end: datetime, *, numbered: bool = False) -> Callable[[str], Relation]:
    """A `core.running.Shape`'s day: column -> its `local_date` in `timezone` (exact over [start,
    end)), or, `numbered`, its `core.running.day_number` (as the running totals store days)."""

    def day(column: str) -> Relation:
        text, params = local_date(column, timezone, start, end)
        return (day_number_sql(text) if numbered else text), params

    return day


async def partner_names(merchant_id: int, partner_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """partner id -> (display name, code) for the given ids of this merchant (one query)."""
    ids = sorted(set(partner_ids))
    if not ids:
        return {}
    found = await Partner.filter(merchant_id=merchant_id, id__in=ids).values_list("id", "display_name", "code")
    return {row[0]: (row[1], row[2]) for row in found}


async def order_numbers(merchant_id: int, order_ids: Iterable[int]) -> dict[int, str]:
    """order id -> the shop's order number (its external id) for the given ids of this merchant (one query)."""
    ids = sorted(set(order_ids))
    if not ids:
        return {}
    found = await Order.filter(merchant_id=merchant_id, id__in=ids).values_list("id", "external_id")
    return {row[0]: row[1] for row in found}


def order_scenes(merchant_id: int) -> Relation:
    """The merchant's orders as a relation with columns ``order_id, scene`` (scene null for
    orders attributed by a partner code or a binding), for commissions' reports by scene."""
    return "SELECT id AS order_id, scene FROM shop_order WHERE merchant_id = ?", [merchant_id]


def partner_ids(merchant_id: int) -> Relation:
    """The merchant's partners as a relation with the column ``partner_id``."""
    return "SELECT id AS partner_id FROM partner WHERE merchant_id = ?", [merchant_id]


def canceled_order_scenes(merchant_id: int) -> Relation:
    """`order_scenes` of the canceled orders only (read from their own index: a few percent of
    the orders), for the commissions a cancellation voided."""
    return (
        "SELECT id AS order_id, scene FROM shop_order WHERE merchant_id = ? AND canceled_at IS NOT NULL",
        [merchant_id],
    )


async def partner_kinds(merchant_id: int) -> list[str]:
    """The distinct partner kinds in use (the console's filter choices)."""
    kinds = await Partner.filter(merchant_id=merchant_id).distinct().values_list("kind", flat=True)
    return sorted(kinds)
