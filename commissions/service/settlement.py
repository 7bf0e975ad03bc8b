"""What payouts needs from commissions to settle them: set-based, never row by row.

A payout batch nets, per partner, every *available* commission and reversal of one asset whose
`available_at` is before the batch's cutoff and that no batch holds (`payout_batch_id`
null). Approval claims them (`claim`); a failed or returned line gives them back
(`release_claims`), so a later batch pays them.

Payouts composes the *relations* below — ``(SELECT with ? placeholders, parameters)`` over the
commission table, which only this module names — into its own INSERT ... SELECT, so a batch of
a million commissions is a few statements. Every statement filters by merchant.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from commissions.models import CommissionStatus
from commissions.service.sql import sql, utc
from core.db import connection

#: ``(SELECT ... with ? placeholders, its parameters in order)``.
Relation = tuple[str, list[Any]]

AVAILABLE = CommissionStatus.available.value

_UNSETTLED = (
    "merchant_id = ? AND asset = ? AND status = ? AND available_at < ? AND payout_batch_id IS NULL"
)


def _unsettled_params(merchant_id: int, asset: str, cutoff: datetime) -> list[Any]:
    return [merchant_id, asset.upper(), AVAILABLE, utc(cutoff)]


def unsettled_by_partner(merchant_id: int, asset: str, cutoff: datetime) -> Relation:
    """Columns ``partner_id, amount, entries``: per partner, the net of the unsettled entries of
    `asset` available before `cutoff` (originals and reversals), and how many there are."""
    return (
        "SELECT partner_id, SUM(amount) AS amount, COUNT(*) AS entries FROM commission"
        f" WHERE {_UNSETTLED} GROUP BY partner_id",
        _unsettled_params(merchant_id, asset, cutoff),
    )


def claimed_by_partner(merchant_id: int, batch_id: int) -> Relation:
    """Columns ``partner_id, amount, entries``: what batch `batch_id` holds, per partner."""
    return (
        "SELECT partner_id, SUM(amount) AS amount, COUNT(*) AS entries FROM commission"
        " WHERE merchant_id = ? AND payout_batch_id = ? GROUP BY partner_id",
        [merchant_id, batch_id],
    )


async def claim(merchant_id: int, asset: str, cutoff: datetime, batch_id: int) -> int:
    """Lock every unsettled entry of `asset` up to `cutoff` to batch `batch_id` (one UPDATE).

    An entry another batch holds is never taken. Returns how many were claimed. The caller
    serialises claims per merchant and asset, so what it sums afterwards is what it claimed.
    """
    count, _ = await connection().execute_query(
        sql(f"UPDATE commission SET payout_batch_id = ? WHERE {_UNSETTLED}"),
        [batch_id, *_unsettled_params(merchant_id, asset, cutoff)],
    )
    return count


async def release_claims(merchant_id: int, batch_id: int, partners: Relation | Sequence[int]) -> int:
    """Give back what batch `batch_id` holds of `partners` (a relation with a ``partner_id``
    column, or ids): those entries become batchable again. Returns how many."""
    if isinstance(partners, tuple):
        subquery, params = partners
    else:
        params = list(partners)
        if not params:
            return 0
        subquery = ", ".join("?" * len(params))
    count, _ = await connection().execute_query(
        sql(
            "UPDATE commission SET payout_batch_id = NULL WHERE merchant_id = ? AND payout_batch_id = ?"
            f" AND partner_id IN ({subquery})"
        ),
        [merchant_id, batch_id, *params],
    )
    return count
