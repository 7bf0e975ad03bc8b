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

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from commissions.models import COUNTING, CommissionStatus
from core.running import SETTLED_AFTER, Rollup, RunningTotals, Shape, Window, in_snapshot, newest_before
from core.sql import Relation, between, instant, marks, rows, utc
from core.time import now
from referral.service import console_views
from referral.service import rollup as referral_rollup
from referral.service.console_views import local_dates


@dataclass(frozen=True, slots=True)
class Earned:
    cash: int = 0  #: minor units of the merchant currency
    points: int = 0


TOTALS = RunningTotals("commission_running", ("scene", "kind"), ("amount",))
#: One day ahead: every commission settles by id, so the rows of tomorrow hold today so far.
ROLLUP = Rollup(TOTALS, "commission_report_progress", ("through_commission_id",), ahead=1)
#: The statuses that count, written out: the partial index `commission_void` says the same.
_COUNTING = ", ".join(f"'{status}'" for status in COUNTING)


def _rejected_of_live_orders(merchant_id: int, start: datetime, end: datetime, shape: Shape) -> Relation:
    """Minus the rejected commissions whose order is not canceled, with their order's scene (the
    others that do not count have a canceled order: `_commissions(void=True)` with its scenes)."""
    scenes, scene_params = console_views.order_scenes(merchant_id)
    canceled, canceled_params = console_views.canceled_order_scenes(merchant_id)
    columns, column_params = shape.columns("c.occurred_at", "c.partner_id", "COALESCE(s.scene, '')")
    return (
        f"SELECT {columns}, c.kind AS kind, -CAST(SUM(c.amount) AS BIGINT) AS amount FROM commission c"
        f" LEFT JOIN ({scenes}) s ON s.order_id = c.order_id WHERE c.merchant_id = ?"
        f" AND c.status = '{CommissionStatus.rejected.value}' AND c.occurred_at >= ? AND c.occurred_at < ?"
        f" AND c.order_id NOT IN (SELECT order_id FROM ({canceled}) k) GROUP BY 1, 2, 3, 4",
        [*column_params, *scene_params, merchant_id, utc(start), utc(end), *canceled_params],
    )


def _commissions(
    merchant_id: int,
    start: datetime | None,
    end: datetime | None,
    ids: tuple[int, int | None],
    shape: Shape,
    *,
    scenes: Relation | None,
    void: bool = False,
    partners: Relation | None = None,
) -> Relation:
    """Commissions (every status) that happened in [start, end) with ``ids[0] < id <= ids[1]``,
    per `shape` (the scene from `scenes`, ``order_id, scene``) and kind; `void`: minus those that
    do not count, whatever their id (with `scenes`: only those the scenes name). `partners`
    (``partner_id``): read partner by partner, on the partner's index (no index leads with
    `occurred_at`: ingestion would write one more), for a day of a big program."""
    where, params = between("c.occurred_at", start, end)
    if void:
        where += f" AND c.status NOT IN ({_COUNTING})"
    else:
        where += " AND c.id > ?" + ("" if ids[1] is None else " AND c.id <= ?")
        params += [ids[0]] + ([] if ids[1] is None else [ids[1]])
    join, scene_params = "", []
    if scenes is not None and shape.scene:
        join, scene_params = f" {'' if void else 'LEFT '}JOIN ({scenes[0]}) s ON s.order_id = c.order_id", scenes[1]
    columns, column_params = shape.columns("c.occurred_at", "c.partner_id", "COALESCE(s.scene, '')")
    source, source_params = "commission c", []
    if partners is not None:
        source, source_params = f"({partners[0]}) p JOIN commission c ON c.partner_id = p.partner_id", partners[1]
    return (
        f"SELECT {columns}, c.kind AS kind, {'-' if void else ''}CAST(SUM(c.amount) AS BIGINT) AS amount"
        f" FROM {source}{join} WHERE c.merchant_id = ?{where} GROUP BY 1, 2, 3, 4",
        [*column_params, *source_params, *scene_params, merchant_id, *params],
    )


async def catch_up(
    merchant_id: int, *, max_days: int | None = None, unless_within: timedelta | None = None,
    timezone: str | None = None,
) -> int:
    """Bring the merchant's commission running totals up to what has settled (as
    `referral.service.rollup.catch_up`). Returns the days written."""
    timezone = timezone or await referral_rollup.merchant_timezone(merchant_id)
    if await ROLLUP.fresh(merchant_id, timezone, unless_within):
        return 0
    horizon = now() - SETTLED_AFTER
    settled = {"through_commission_id": await newest_before("commission", merchant_id, horizon)}

    async def earliest() -> datetime | None:
        first = await rows("SELECT MIN(occurred_at) AS first FROM commission WHERE merchant_id = ?", [merchant_id])
        return instant(first[0]["first"])

    def day_facts(start: datetime, end: datetime, ids: dict[str, int]) -> Relation:
        query, params = _commissions(
            merchant_id, start, end, (0, ids["through_commission_id"]), Shape(),
            scenes=console_views.order_scenes(merchant_id), partners=console_views.partner_ids(merchant_id),
        )
        return f"SELECT partner_id, scene, kind, amount FROM ({query}) d", params

    def late_facts(old: dict[str, int], new: dict[str, int], since: datetime, before: datetime) -> Relation:
        day = local_dates(timezone, since, before, numbered=True)
        ids = (old["through_commission_id"], new["through_commission_id"])
        return _commissions(
            merchant_id, None, before, ids, Shape(day), scenes=console_views.order_scenes(merchant_id)
        )

    return await ROLLUP.catch_up(
        merchant_id, timezone, horizon=horizon, marks=settled, earliest=earliest, day_facts=day_facts,
        late_facts=late_facts, max_days=max_days,
    )


@in_snapshot
async def earned(
    merchant_id: int,
    first_day: date,
    last_day: date,
    by: referral_rollup.By,
    *,
    partners: Sequence[int] | None = None,
    timezone: str | None = None,
) -> dict[Any, Earned]:
    """key (partner id, scene — '' for orders with no scene —, ``YYYY-MM-DD`` local day, or None
    for the whole range) -> cash and points earned over the merchant's local days [first_day,
    last_day]: commissions that count (pending, available), net of their reversals. By partner,
    `partners` keeps only those (a page of them: a few reads in place of every partner's)."""
    timezone = timezone or await referral_rollup.merchant_timezone(merchant_id)
    progress = await ROLLUP.progress(merchant_id)
    window = Window.of(progress, timezone, first_day, last_day)
    shape = Shape(local_dates(timezone, window.start, window.end) if by == "day" else None, partner=by == "partner", scene=by == "scene")
    scenes = console_views.order_scenes(merchant_id) if by == "scene" else None
    # minus what does not count: by scene, the canceled orders' scenes, then the rejected others
    void_scenes = console_views.canceled_order_scenes(merchant_id) if scenes else None
    parts = [_commissions(merchant_id, window.start, window.end, (0, None), shape, void=True, scenes=void_scenes)]
    if scenes:
        parts.append(_rejected_of_live_orders(merchant_id, window.start, window.end, shape))
    for part_start, part_end in window.unwritten:
        parts.append(_commissions(merchant_id, part_start, part_end, (0, None), shape, scenes=scenes,
                                  partners=console_views.partner_ids(merchant_id)))
    if window.written and progress is not None:
        ids = (progress.marks["through_commission_id"], None)
        parts.append(_commissions(merchant_id, window.low_at, window.high_at, ids, shape, scenes=scenes))
        if by != "day":
            parts.append(TOTALS.difference(merchant_id, window.low, window.high, partners=by == "partner"))
    query = " UNION ALL ".join(p[0] for p in parts)
    params = [v for p in parts for v in p[1]]
    only = ""
    if by == "partner" and partners is not None:  # the database takes the condition into every part
        if not partners:
            return {}
        only, params = f" WHERE f.partner_id IN ({marks(len(partners))})", [*params, *partners]
    key = {"partner": "partner_id", "scene": "scene", "day": "day", None: "NULL"}[by]
    found: dict[Any, dict[str, int]] = {}
    for row in await rows(
        f"SELECT {key} AS key, kind, CAST(SUM(amount) AS BIGINT) AS amount FROM ({query}) f{only} GROUP BY 1, 2",
        params,
    ):
        found.setdefault(str(row["key"]) if by == "day" else row["key"], {})[row["kind"]] = int(row["amount"] or 0)
    if by == "day":
        for (moment, kind), (amount,) in (await TOTALS.each_day(merchant_id, window.low, window.high, "kind")).items():
            totals = found.setdefault(moment.isoformat(), {})
            totals[kind] = totals.get(kind, 0) + amount
    return {
        k: Earned(v.get("cash", 0), v.get("points", 0)) for k, v in found.items() if any(v.values())
    }


