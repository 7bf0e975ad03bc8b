"""Commissions summed for the merchant console's reports (cash and points per partner, scene of
the order or local day) from running totals (`core.running`) plus what has not settled yet.

Facts, added up in `CommissionRunning` once settled: every commission row, originals and
reversals in every status, on the day it happened (`occurred_at`: a reversal on its refund's
day), settled by id up to the newest id created before `SETTLED_AFTER` ago. Read: the rows of the
range's last day less those of its first, plus the rows with newer ids and the days not written
yet, less the rows of the range that do not count (canceled, rejected: a status changes in place,
which no watermark can follow; those rows have an index of their own, `commission_void`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from commissions.models import COUNTING
from commissions.service.console_views import By, Earned
from core.running import Rollup, RunningTotals, Window, day_number_sql
from core.sql import Relation, instant, rows, utc
from core.time import now
from referral.service import console_views
from referral.service import rollup as referral_rollup
from referral.service.console_views import local_day

SETTLED_AFTER = referral_rollup.SETTLED_AFTER
TOTALS = RunningTotals("commission_running", ("scene", "kind"), ("amount",))
ROLLUP = Rollup(TOTALS, "commission_report_progress", ("through_commission_id",))
_NO_DAY: Relation = ("NULL", [])


def _commissions(
    merchant_id: int,
    start: datetime | None,
    end: datetime | None,
    ids: tuple[int, int | None],
    day: Relation,
    *,
    void: bool = False,
) -> Relation:
    """Commissions (every status) that happened in [start, end) with ``ids[0] < id <= ids[1]``,
    per day, partner, scene and kind; `void`: minus those that do not count, whatever their id."""
    expression, day_params = day
    scenes, scene_params = console_views.order_scenes(merchant_id)
    where, params = "", []
    if start is not None:
        where, params = " AND c.occurred_at >= ?", [utc(start)]
    if end is not None:
        where, params = f"{where} AND c.occurred_at < ?", [*params, utc(end)]
    if void:  # the statuses written out: the partial index `commission_void` says the same
        where += f" AND c.status NOT IN ({', '.join(repr(status) for status in COUNTING)})"
    else:
        where += " AND c.id > ?" + ("" if ids[1] is None else " AND c.id <= ?")
        params += [ids[0]] + ([] if ids[1] is None else [ids[1]])
    return (
        f"SELECT {expression} AS day, c.partner_id AS partner_id, COALESCE(s.scene, '') AS scene, c.kind AS kind,"
        f" {'-' if void else ''}SUM(c.amount) AS amount FROM commission c"
        f" LEFT JOIN ({scenes}) s ON s.order_id = c.order_id WHERE c.merchant_id = ?{where} GROUP BY 1, 2, 3, 4",
        [*day_params, *scene_params, merchant_id, *params],
    )


async def catch_up(merchant_id: int, *, max_days: int | None = None) -> int:
    """Bring the merchant's commission running totals up to what has settled (as
    `referral.service.rollup.catch_up`). Returns the days written."""
    timezone = await referral_rollup.merchant_timezone(merchant_id)
    horizon = now() - SETTLED_AFTER
    found = await rows(
        "SELECT id FROM commission WHERE merchant_id = ? AND created_at < ? ORDER BY id DESC LIMIT 1",
        [merchant_id, utc(horizon)],
    )
    settled = {"through_commission_id": int(found[0]["id"]) if found else 0}

    async def earliest() -> datetime | None:
        first = await rows("SELECT MIN(occurred_at) AS first FROM commission WHERE merchant_id = ?", [merchant_id])
        return instant(first[0]["first"])

    def day_facts(start: datetime, end: datetime, ids: dict[str, int]) -> Relation:
        query, params = _commissions(merchant_id, start, end, (0, ids["through_commission_id"]), _NO_DAY)
        return f"SELECT partner_id, scene, kind, amount FROM ({query}) d", params

    def late_facts(old: dict[str, int], new: dict[str, int], since: datetime, before: datetime) -> Relation:
        text, params = local_day("c.occurred_at", timezone, since, before)
        ids = (old["through_commission_id"], new["through_commission_id"])
        return _commissions(merchant_id, None, before, ids, (day_number_sql(text), params))

    return await ROLLUP.catch_up(
        merchant_id, timezone, horizon=horizon, marks=settled, earliest=earliest, day_facts=day_facts,
        late_facts=late_facts, max_days=max_days,
    )


async def earned(merchant_id: int, first_day: date, last_day: date, by: By | None) -> dict[Any, Earned]:
    """key (partner id, scene — '' for orders with no scene —, ``YYYY-MM-DD`` local day, or None
    for the whole range) -> cash and points earned over the merchant's local days [first_day,
    last_day]: commissions that count (pending, available), net of their reversals."""
    timezone = await referral_rollup.merchant_timezone(merchant_id)
    progress = await ROLLUP.progress(merchant_id)
    window = Window.of(progress, timezone, first_day, last_day)

    def day(column: str) -> Relation:
        return local_day(column, timezone, window.start, window.end) if by == "day" else _NO_DAY

    parts = [_commissions(merchant_id, window.start, window.end, (0, None), day("c.occurred_at"), void=True)]
    for part_start, part_end in window.unwritten:
        parts.append(_commissions(merchant_id, part_start, part_end, (0, None), day("c.occurred_at")))
    if window.written and progress is not None:
        ids = (progress.marks["through_commission_id"], None)
        parts.append(_commissions(merchant_id, window.low_at, window.high_at, ids, day("c.occurred_at")))
        if by != "day":
            parts.append(TOTALS.difference(merchant_id, window.low, window.high, partners=by == "partner"))
    query = " UNION ALL ".join(p[0] for p in parts)
    params = [v for p in parts for v in p[1]]
    key = {"partner": "partner_id", "scene": "scene", "day": "day", None: "NULL"}[by]
    found: dict[Any, dict[str, int]] = {}
    for row in await rows(
        f"SELECT {key} AS key, kind, SUM(amount) AS amount FROM ({query}) f GROUP BY 1, 2", params
    ):
        found.setdefault(row["key"], {})[row["kind"]] = int(row["amount"] or 0)  # numeric on PostgreSQL
    if by == "day":
        for (moment, kind), (amount,) in (await TOTALS.each_day(merchant_id, window.low, window.high, "kind")).items():
            totals = found.setdefault(moment.isoformat(), {})
            totals[kind] = totals.get(kind, 0) + amount
    return {
        k: Earned(v.get("cash", 0), v.get("points", 0)) for k, v in found.items() if any(v.values())
    }


