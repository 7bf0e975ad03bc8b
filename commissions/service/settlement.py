"""What payouts needs from commissions to settle them: set-based, never row by row.

A payout batch nets, per partner, every *available* commission and reversal of one asset whose
`available_at` is before the batch's cutoff and that no batch holds (`payout_batch_id`
null). Approval claims them (`claim`); a failed or returned line gives them back
(`release_claims`), so a later batch pays them.

A partner's withdrawal sets their unsettled entries aside first (`withdrawal_id`,
`claim_for_withdrawal`): a batch then takes them only when payouts names the withdrawal as
approved (`batchable`'s `withdrawals`), and a rejected, failed or returned withdrawal gives them
back (`release_withdrawals`).

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
    " AND withdrawal_id IS NULL"
)


def _unsettled_params(merchant_id: int, asset: str, cutoff: datetime) -> list[Any]:
    return [merchant_id, asset.upper(), AVAILABLE, utc(cutoff)]


def batchable(
    merchant_id: int, asset: str, cutoff: datetime, *, unrequested: bool = True, withdrawals: Relation | None = None
) -> Relation:
    """A WHERE condition over commission: the entries a batch of `asset` with `cutoff` takes.
    `unrequested`: every unsettled entry available before `cutoff` that no withdrawal set aside;
    `withdrawals` (a relation of withdrawal ids): the entries those withdrawals set aside."""
    parts, params = [], []
    if unrequested:
        parts.append(f"({_UNSETTLED})")
        params += _unsettled_params(merchant_id, asset, cutoff)
    if withdrawals is not None:
        parts.append(
            f"(merchant_id = ? AND asset = ? AND payout_batch_id IS NULL AND withdrawal_id IN ({withdrawals[0]}))"
        )
        params += [merchant_id, asset.upper(), *withdrawals[1]]
    return (" OR ".join(parts) or "1 = 0"), params


def unsettled_by_partner(
    merchant_id: int, asset: str, cutoff: datetime, *, unrequested: bool = True, withdrawals: Relation | None = None
) -> Relation:
    """Columns ``partner_id, amount, entries``: per partner, the net of the entries a batch would
    take (`batchable`: originals and reversals), and how many there are."""
    where, params = batchable(merchant_id, asset, cutoff, unrequested=unrequested, withdrawals=withdrawals)
    return (
        f"SELECT partner_id, SUM(amount) AS amount, COUNT(*) AS entries FROM commission WHERE {where}"
        " GROUP BY partner_id",
        params,
    )


def claimed_by_partner(merchant_id: int, batch_id: int) -> Relation:
    """Columns ``partner_id, amount, entries``: what batch `batch_id` holds, per partner."""
    return (
        "SELECT partner_id, SUM(amount) AS amount, COUNT(*) AS entries FROM commission"
        " WHERE merchant_id = ? AND payout_batch_id = ? GROUP BY partner_id",
        [merchant_id, batch_id],
    )


async def claim(
    merchant_id: int, asset: str, cutoff: datetime, batch_id: int, *, unrequested: bool = True,
    withdrawals: Relation | None = None,
) -> int:
    """Lock every entry `batchable` names to batch `batch_id` (one UPDATE).

    An entry another batch holds is never taken. Returns how many were claimed. The caller
    serialises claims per merchant and asset, so what it sums afterwards is what it claimed.
    """
    where, params = batchable(merchant_id, asset, cutoff, unrequested=unrequested, withdrawals=withdrawals)
    count, _ = await connection().execute_query(
        sql(f"UPDATE commission SET payout_batch_id = ? WHERE {where}"), [batch_id, *params]
    )
    return count


async def claim_for_withdrawal(
    merchant_id: int, asset: str, partner_id: int, cutoff: datetime, withdrawal_id: int
) -> tuple[int, int]:
    """Set aside for withdrawal `withdrawal_id` every unsettled entry of the partner available
    before `cutoff`; (their net, how many). The caller serialises claims per merchant and asset."""
    count, _ = await connection().execute_query(
        sql(f"UPDATE commission SET withdrawal_id = ? WHERE {_UNSETTLED} AND partner_id = ?"),
        [withdrawal_id, *_unsettled_params(merchant_id, asset, cutoff), partner_id],
    )
    _, found = await connection().execute_query(
        sql("SELECT COALESCE(SUM(amount), 0) AS amount FROM commission WHERE merchant_id = ? AND withdrawal_id = ?"),
        [merchant_id, withdrawal_id],
    )
    return int(found[0]["amount"]), count


async def unsettled_of_partner(merchant_id: int, asset: str, partner_id: int, cutoff: datetime) -> int:
    """The net of the partner's unsettled entries available before `cutoff` (what they may withdraw)."""
    _, found = await connection().execute_query(
        sql(f"SELECT COALESCE(SUM(amount), 0) AS amount FROM commission WHERE {_UNSETTLED} AND partner_id = ?"),
        [*_unsettled_params(merchant_id, asset, cutoff), partner_id],
    )
    return int(found[0]["amount"])


def withdrawals_claimed(merchant_id: int, batch_id: int) -> Relation:
    """Column ``withdrawal_id``: the withdrawals whose entries batch `batch_id` holds."""
    return (
        "SELECT DISTINCT withdrawal_id FROM commission WHERE merchant_id = ? AND payout_batch_id = ?"
        " AND withdrawal_id IS NOT NULL",
        [merchant_id, batch_id],
    )


async def release_withdrawals(merchant_id: int, withdrawal_ids: Sequence[int]) -> int:
    """Give back the entries `withdrawal_ids` set aside and no batch holds: unsettled again."""
    if not withdrawal_ids:
        return 0
    count, _ = await connection().execute_query(
        sql(
            "UPDATE commission SET withdrawal_id = NULL WHERE merchant_id = ? AND payout_batch_id IS NULL"
            f" AND withdrawal_id IN ({', '.join('?' * len(withdrawal_ids))})"
        ),
        [merchant_id, *withdrawal_ids],
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
