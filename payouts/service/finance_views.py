"""What the finance console reads from the ledger beyond a partner's statement
(`payouts.service.postings.statement_page`): the merchant's reconciliation (balances per asset and
account, the checks that tie them out).

Set-based: the postings summed with GROUP BY, the settled part of the ledger once (a checkpoint
kept in the database), then only what was posted since.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from tortoise.transactions import in_transaction

from core.running import SETTLED_AFTER, newest_before
from core.time import now
from payouts.ledger import AccountKind
from payouts.models import PayoutLineStatus
from payouts.service.postings import unbalanced_transactions
from payouts.service.sql import execute, marks, rows, utc
from payouts.service.terms import POINTS_ASSET

#: How many ids of unbalanced transactions a reconciliation hands out (the count is exact).
UNBALANCED_SHOWN = 20


@dataclass(frozen=True, slots=True)
class AssetReconciliation:
    """One asset's ledger: every account's balance (partner buckets summed over partners) and,
    for cash, what the payout lines say the bank holds and has paid."""

    asset: str
    accounts: dict[str, int]  #: account kind -> balance (minor units or points)
    open_lines_net: int  #: net of cash lines sent to the bank, outcome unknown
    paid_lines_net: int  #: net of cash lines the bank confirmed (returned ones are not paid)

    def balance(self, kind: AccountKind) -> int:
        return self.accounts.get(kind.value, 0)

    @property
    def earned(self) -> int:
        """Everything ever earned: minus the commission expense account."""
        return -self.balance(AccountKind.commission_expense)

    @property
    def accounted(self) -> int:
        """Where the earnings are now: every account but the commission expense."""
        return sum(amount for kind, amount in self.accounts.items() if kind != AccountKind.commission_expense.value)

    @property
    def difference(self) -> int:
        """earned - accounted: zero when every entry balanced."""
        return self.earned - self.accounted

    @property
    def owed(self) -> int:
        """What the merchant still owes its partners: pending + available + requested + in batch."""
        return sum(self.balance(kind) for kind in (
            AccountKind.pending, AccountKind.available, AccountKind.requested, AccountKind.in_batch))

    @property
    def cash(self) -> bool:
        return self.asset != POINTS_ASSET

    @property
    def in_batch_ties(self) -> bool:
        return not self.cash or self.balance(AccountKind.in_batch) == self.open_lines_net

    @property
    def paid_ties(self) -> bool:
        return not self.cash or self.balance(AccountKind.paid) == self.paid_lines_net

    @property
    def ties_out(self) -> bool:
        return self.difference == 0 and self.in_batch_ties and self.paid_ties


@dataclass(frozen=True, slots=True)
class Reconciliation:
    assets: list[AssetReconciliation]
    unbalanced: list[int]  #: ids of transactions breaking the ledger's rules (first `UNBALANCED_SHOWN`)
    unbalanced_count: int

    @property
    def sound(self) -> bool:
        return self.unbalanced_count == 0 and all(a.ties_out for a in self.assets)


# --- the settled part of the ledger, summed once and kept in the database ------------------------



@dataclass(frozen=True, slots=True)
class Settled:
    """The sums and the audit of a merchant's transactions with ``id <= through_id`` (a
    `LedgerCheckpoint` and its `LedgerCheckpointSum` rows)."""

    through_id: int
    sums: dict[tuple[str, str], int]  #: (asset, account) -> balance
    unbalanced: tuple[int, ...]


async def _sums(merchant_id: int, after_id: int, through_id: int) -> dict[tuple[str, str], int]:
    """(asset, account) -> SUM of the postings of transactions ``after_id < id <= through_id``."""
    found = await rows(
        "SELECT asset, account, SUM(amount_minor) AS total FROM ledger_posting"
        " WHERE merchant_id = ? AND transaction_id > ? AND transaction_id <= ? GROUP BY asset, account",
        [merchant_id, after_id, through_id],
    )
    return {(row["asset"], row["account"]): int(row["total"]) for row in found}  # numeric on PostgreSQL


def _add(*parts: dict[tuple[str, str], int]) -> dict[tuple[str, str], int]:
    total: dict[tuple[str, str], int] = {}
    for part in parts:
        for key, amount in part.items():
            total[key] = total.get(key, 0) + amount
    return total


async def checkpoint(merchant_id: int) -> Settled:
    """The merchant's stored checkpoint (through id 0 and nothing summed when there is none); one
    statement, so the id and the sums agree while another process moves them on."""
    found = await rows(
        "SELECT c.through_transaction_id, c.unbalanced, s.asset, s.account, s.amount_minor"
        " FROM ledger_checkpoint c LEFT JOIN ledger_checkpoint_sum s ON s.merchant_id = c.merchant_id"
        " WHERE c.merchant_id = ?",
        [merchant_id],
    )
    if not found:
        return Settled(0, {}, ())
    unbalanced = found[0]["unbalanced"]
    return Settled(
        int(found[0]["through_transaction_id"]),
        {(row["asset"], row["account"]): int(row["amount_minor"]) for row in found if row["asset"] is not None},
        tuple(json.loads(unbalanced) if isinstance(unbalanced, str) else unbalanced),
    )


async def _store(merchant_id: int, known: Settled, more: dict[tuple[str, str], int], settled: Settled) -> None:
    """Move the stored checkpoint from `known` to `settled` (`known` + `more`), in one transaction;
    when another process moved it meanwhile, leave theirs (both are true: the ledger is append-only).
    The UPDATE is the compare-and-set: on PostgreSQL it waits for a racing move to commit, then
    matches no row, so `more` is added once."""
    async with in_transaction():
        await execute(
            "INSERT INTO ledger_checkpoint (merchant_id, through_transaction_id, unbalanced, updated_at)"
            " VALUES (?, 0, '[]', ?) ON CONFLICT (merchant_id) DO NOTHING",
            [merchant_id, utc(now())],
        )
        moved = await execute(
            "UPDATE ledger_checkpoint SET through_transaction_id = ?, unbalanced = ?, updated_at = ?"
            " WHERE merchant_id = ? AND through_transaction_id = ?",
            [settled.through_id, json.dumps(list(settled.unbalanced)), utc(now()), merchant_id, known.through_id],
        )
        if not moved or not more:
            return
        sums = sorted(more.items())
        await execute(
            "INSERT INTO ledger_checkpoint_sum (merchant_id, asset, account, amount_minor)"
            f" VALUES {', '.join([f'({marks(4)})'] * len(sums))} ON CONFLICT (merchant_id, asset, account)"
            " DO UPDATE SET amount_minor = ledger_checkpoint_sum.amount_minor + excluded.amount_minor",
            [value for (asset, account), amount in sums for value in (merchant_id, asset, account, amount)],
        )


async def settled_ledger(merchant_id: int) -> Settled:
    """The merchant's settled ledger, brought up to the current horizon: the stored checkpoint,
    plus the transactions that settled since it (summed, audited and stored)."""
    horizon = await newest_before("ledger_transaction", merchant_id, now() - SETTLED_AFTER)
    known = await checkpoint(merchant_id)
    if horizon <= known.through_id:
        return known
    more = await _sums(merchant_id, known.through_id, horizon)
    broken = await unbalanced_transactions(merchant_id, after_id=known.through_id, through_id=horizon)
    settled = Settled(horizon, _add(known.sums, more), (*known.unbalanced, *broken))
    await _store(merchant_id, known, more, settled)
    return settled


async def _since_and_lines(merchant_id: int, after_id: int) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    """(asset, account) -> SUM of the postings of transactions after `after_id`, and (asset,
    status) -> net of the open and paid payout lines: one statement, so one snapshot (a batch step
    moves both in one transaction; committed between two reads, it would untie the ledger)."""
    found = await rows(
        "SELECT 'posting' AS source, asset, account AS name, SUM(amount_minor) AS total FROM ledger_posting"
        " WHERE merchant_id = ? AND transaction_id > ? GROUP BY asset, account"
        " UNION ALL SELECT 'line', asset, status, SUM(net_minor) FROM payout_batch_line"
        " WHERE merchant_id = ? AND status IN (?, ?) GROUP BY asset, status",
        [merchant_id, after_id, merchant_id, PayoutLineStatus.open.value, PayoutLineStatus.paid.value],
    )
    parts: dict[str, dict[tuple[str, str], int]] = {"posting": {}, "line": {}}
    for row in found:
        parts[row["source"]][(row["asset"], row["name"])] = int(row["total"] or 0)  # numeric on PostgreSQL
    return parts["posting"], parts["line"]


async def reconciliation(merchant_id: int) -> Reconciliation:
    """The merchant's ledger summed per asset and account, the payout lines per asset and status,
    and the audit of unbalanced transactions.

    Transactions older than `SETTLED_AFTER` are summed and audited once and kept in the database
    (`LedgerCheckpoint`); each call, in any process, then reads only the transactions since (by
    id, on the ledger's own index), with the payout lines in the same statement.
    """
    settled = await settled_ledger(merchant_id)
    unbalanced = [*settled.unbalanced, *await unbalanced_transactions(merchant_id, after_id=settled.through_id)]
    since, nets = await _since_and_lines(merchant_id, settled.through_id)
    sums = _add(settled.sums, since)
    by_asset: dict[str, dict[str, int]] = {}
    for (asset, account), amount in sorted(sums.items()):
        by_asset.setdefault(asset, {})[account] = amount
    return Reconciliation(
        [
            AssetReconciliation(
                asset, accounts, nets.get((asset, PayoutLineStatus.open.value), 0),
                nets.get((asset, PayoutLineStatus.paid.value), 0),
            )
            for asset, accounts in by_asset.items()
        ],
        unbalanced[:UNBALANCED_SHOWN],
        len(unbalanced),
    )
