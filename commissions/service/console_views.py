"""Commissions summed for the merchant console's reports: by partner, by scene, by local day.

Originals and reversals that count (pending, available) whose `occurred_at` falls in the range,
so a refund in the range lowers that day's figure. One set-based statement per report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from commissions.models import COUNTING
from commissions.service.sql import utc
from core.sql import marks, rows
from referral.service.console_views import local_day, order_scenes

By = Literal["partner", "scene", "day"]


@dataclass(frozen=True, slots=True)
class Earned:
    cash: int = 0  #: minor units of the merchant currency
    points: int = 0


async def commission_totals(
    merchant_id: int, by: By, start: datetime, end: datetime, *, timezone: str = "UTC"
) -> dict[int | str | None, Earned]:
    """key (partner id, scene, or ``YYYY-MM-DD`` local day in `timezone`) -> cash and points earned."""
    key_params: list[object] = []  # the key expression's parameters
    source_params: list[object] = []
    if by == "partner":
        key, source = "c.partner_id", "commission c"
    elif by == "scene":
        scenes, source_params = order_scenes(merchant_id)
        key, source = "s.scene", f"commission c JOIN ({scenes}) s ON s.order_id = c.order_id"
    else:
        key, key_params = local_day("c.occurred_at", timezone, start, end)
        source = "commission c"
    query = (
        f"SELECT {key} AS key, c.kind AS kind, SUM(c.amount) AS total FROM {source} "
        f"WHERE c.merchant_id = ? AND c.status IN ({marks(len(COUNTING))}) "
        "AND c.occurred_at >= ? AND c.occurred_at < ? GROUP BY 1, 2"  # by position: the key may carry parameters
    )
    values = [*key_params, *source_params, merchant_id, *COUNTING, utc(start), utc(end)]
    totals: dict[int | str | None, dict[str, int]] = {}
    for row in await rows(query, values):
        key_value = str(row["key"]) if by == "day" else row["key"]
        totals.setdefault(key_value, {})[row["kind"]] = int(row["total"] or 0)  # PostgreSQL sums as numeric
    return {k: Earned(v.get("cash", 0), v.get("points", 0)) for k, v in totals.items()}
