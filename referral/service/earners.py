"""Who earns on an attributed order, as the commissions hot path reads it: in one query each.

`earners` is the attributed partner and, while active, their recruiter (`earners_of` makes the
same list from the order's attribution facts, which read it along: see `order_sql`); `month_net_relation`
is their net sales so far this month, as SQL the commissions domain folds into its own
month-to-date query (one round trip for both domains' month facts, as `payout_partners`
does for payouts). Same counting as `sales.partners_net`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from core.db import connection
from core.sql import dollar
from referral.errors import PartnerNotFound
from referral.models import PartnerStatus
from referral.service.sales import RulePartner

_EARNERS = (
    'SELECT 1 AS level, p.id AS id, p."group" AS "group", p.kind AS kind, p.status AS status,'
    " p.recruiter_id AS recruiter_id, p.reward_preference AS reward_preference"
    " FROM partner p WHERE p.merchant_id = $1 AND p.id = $2"
    ' UNION ALL SELECT 2, r.id, r."group", r.kind, r.status, r.recruiter_id, r.reward_preference'
    " FROM partner p JOIN partner r ON r.merchant_id = p.merchant_id AND r.id = p.recruiter_id"
    " WHERE p.merchant_id = $1 AND p.id = $2 AND r.status = $3"
)


async def earners(merchant_id: int, partner_id: int) -> list[RulePartner]:
    """The partner (level 1), then their recruiter while active (level 2); `PartnerNotFound` if
    the merchant has no partner `partner_id`."""
    db = connection()
    rows = await db.execute_query_dict(dollar(_EARNERS), [merchant_id, partner_id, PartnerStatus.active.value])
    rows.sort(key=lambda row: row["level"])
    if not rows or rows[0]["level"] != 1:
        raise PartnerNotFound(partner_id)
    return [
        RulePartner(row["id"], row["group"], row["kind"], row["status"], row["recruiter_id"], row["reward_preference"])
        for row in rows
    ]


def earners_of(fact: dict[str, Any]) -> tuple[RulePartner, ...]:
    """`earners` from a row of the attribution facts query (`order_sql.EARNER_COLUMNS` with the
    partner's id and status): the same partners, read in the order's first query."""
    found = [RulePartner(fact["partner"], fact["p_group"], fact["p_kind"], fact["status"], fact["p_recruiter"],
                         fact["p_reward"])]
    if fact["r_id"] is not None and fact["r_status"] == PartnerStatus.active.value:
        found.append(RulePartner(fact["r_id"], fact["r_group"], fact["r_kind"], fact["r_status"], fact["r_recruiter"],
                                 fact["r_reward"]))
    return tuple(found)


def month_net_relation(
    merchant_id: int, partner_ids: Sequence[int], start: datetime, end: datetime
) -> tuple[str, list[object]]:
    """Net sales per partner in [start, end) as ``(SELECT with ? placeholders, parameters)``
    with columns ``partner_id, net`` (partners without sales are left out)."""
    marks = ", ".join("?" * len(partner_ids))
    return (
        "SELECT partner_id, SUM(total_minor) AS net FROM shop_order WHERE merchant_id = ?"
        f" AND partner_id IN ({marks}) AND occurred_at >= ? AND occurred_at < ? AND status <> 'canceled'"
        " GROUP BY partner_id",
        [merchant_id, *partner_ids, start.astimezone(UTC), end.astimezone(UTC)],
    )
