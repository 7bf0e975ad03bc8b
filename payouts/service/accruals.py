"""Commissions into the ledger: what the shop-event pipeline posts, inside the event's transaction,
when commissions are created, made available, or voided.

For each partner and asset the ledger then tracks the commission rows exactly:
``pending`` = the sum of pending rows and ``available`` = the sum of available rows that no
payout batch holds (reversals included, negative); what batches hold is in ``in_batch`` or
``paid`` (see payouts/service/batches.py). Entries are keyed by commission id (``commission_earned:41``...),
so posting the same rows again writes nothing. Entries are written with `post_many`,
`ROWS_PER_POST` rows at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol

from payouts import ledger
from payouts.ledger import AccountKind, Entry, Posting, TransactionKind
from payouts.service.postings import post_many
from payouts.service.sql import chunks, rows

# Commission statuses (commissions.models.CommissionStatus), as the rows carry them.
PENDING = "pending"
AVAILABLE = "available"


class CommissionRow(Protocol):
    """What the accruals read of a commission (a `commissions.service.records.CommissionRecord`)."""

    id: int
    partner_id: int
    asset: str
    amount: int  #: negative for a reversal
    status: str


#: Rows per `post_many`: a release of a million rows never holds a million entries in memory.
ROWS_PER_POST = 5000


async def record_earned(merchant_id: int, commissions: Iterable[CommissionRow]) -> list[int]:
    """Post new commissions and reversals (`earned_entries`); returns the transaction ids."""
    ids: list[int] = []
    for part in _parts(commissions):
        entries = earned_entries(part)
        ids += await post_many(merchant_id, entries) if entries else []
    return ids


def earned_entries(commissions: Iterable[CommissionRow]) -> list[Entry]:
    """The entries of new commissions and reversals (what `record_earned` posts, and what a new
    order's write plan holds: `payouts.service.postings.entry_rows`).

    A commission (positive) is ``commission_earned`` into pending (and ``commission_available``
    too if it is created available). A reversal (negative) is ``commission_reversed`` out of the
    bucket of its own status: pending, or available (where it may go negative after a payout;
    the next batch nets it). Rows created canceled or rejected, or of zero, post nothing.
    """
    entries: list[Entry] = []
    for row in commissions:
        if row.amount == 0 or row.status not in (PENDING, AVAILABLE):
            continue
        if row.amount > 0:
            entries.append(ledger.commission_earned(row.partner_id, row.asset, row.amount, commission_id=row.id))
            if row.status == AVAILABLE:
                entries.append(ledger.commission_available(row.partner_id, row.asset, row.amount, commission_id=row.id))
        else:
            source = AccountKind.available if row.status == AVAILABLE else AccountKind.pending
            entries.append(ledger.commission_reversed(
                row.partner_id, row.asset, -row.amount, reversal_id=row.id, source=source
            ))
    return entries


async def record_available(merchant_id: int, released: Iterable[CommissionRow]) -> list[int]:
    """Post ``commission_available`` (pending -> available, negative for a reversal) for rows the
    release job moved from pending to available."""
    ids: list[int] = []
    for part in _parts(released):
        entries = [
            ledger.commission_available(row.partner_id, row.asset, row.amount, commission_id=row.id)
            for row in part
            if row.amount != 0
        ]
        ids += await post_many(merchant_id, entries) if entries else []
    return ids


def _parts(rows_in: Iterable[CommissionRow]) -> Iterable[list[CommissionRow]]:
    part: list[CommissionRow] = []
    for row in rows_in:
        part.append(row)
        if len(part) == ROWS_PER_POST:
            yield part
            part = []
    if part:
        yield part


def _keys(commission_id: int) -> list[str]:
    return [f"{movement}:{commission_id}" for movement in
            ("commission_earned", "commission_reversed", "commission_available", "commission_voided")]


async def record_voided(merchant_id: int, voided: Iterable[CommissionRow]) -> list[int]:
    """Undo the accruals of canceled or rejected rows: whatever each row still holds in pending
    or available (read back from its own entries) goes back where it came from — a commission's
    to ``commission_expense`` (it was never earned), a reversal's out of ``reversed``.

    Written as ``commission_reversed`` entries keyed ``commission_voided:{id}``; a row voided
    twice, or never posted, posts nothing.
    """
    ids: list[int] = []
    for part in _parts(row for row in voided if row.amount != 0):
        held = await _still_held(merchant_id, part)
        entries: list[Entry] = []
        for row in part:
            buckets = {account: amount for account, amount in held[row.id].items() if amount}
            if not buckets:
                continue
            counter = (
                ledger.merchant(AccountKind.commission_expense, row.partner_id)
                if row.amount > 0
                else ledger.partner(row.partner_id, AccountKind.reversed)
            )
            legs = [
                Posting(ledger.partner(row.partner_id, AccountKind(account)), -amount)
                for account, amount in buckets.items()
            ]
            if sum(buckets.values()):
                legs.append(Posting(counter, sum(buckets.values())))
            entries.append(ledger.entry(
                TransactionKind.commission_reversed, row.asset, legs, reference=str(row.id),
                idempotency_key=f"commission_voided:{row.id}", memo=f"commission {row.status}",
            ))
        ids += await post_many(merchant_id, entries) if entries else []
    return ids


async def _still_held(merchant_id: int, part: list[CommissionRow]) -> dict[int, dict[str, int]]:
    """commission id -> what its own entries left in pending and available."""
    held: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for some in chunks(part, 500):
        keys = [key for row in some for key in _keys(row.id)]
        found = await rows(
            "SELECT t.reference AS reference, p.account AS account, SUM(p.amount_minor) AS amount"
            " FROM ledger_transaction t JOIN ledger_posting p ON p.transaction_id = t.id"
            f" WHERE t.merchant_id = ? AND t.idempotency_key IN ({', '.join('?' * len(keys))})"
            " AND p.merchant_id = ? AND p.account IN (?, ?) GROUP BY t.reference, p.account",
            [merchant_id, *keys, merchant_id, AccountKind.pending.value, AccountKind.available.value],
        )
        for row in found:
            held[int(row["reference"])][row["account"]] += int(row["amount"])
    return held
