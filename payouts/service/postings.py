"""Posting entries to the ledger and reading balances back, with set-based SQL.

Writes are multi-row INSERTs inside `in_transaction()`, which nests: called inside a caller's
transaction they commit or roll back with it. Balances are never cached; each is a SUM over
postings. The chart of accounts is in payouts/ledger.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from tortoise.transactions import in_transaction

from core.db import connection, current_dialect, joined_transaction
from core.sql import MAX_BIGINT, instant, marks
from core.sql import sql as _sql
from core.time import now
from core.write_plan import Insert, Rows
from payouts.errors import IdempotencyConflict
from payouts.ledger import (
    PARTNER_ACCOUNTS,
    Account,
    AccountKind,
    Entry,
    Posting,
    TransactionKind,
    check,
    entry,
)

#: Rows per INSERT statement: 500 entries x 8 and 1,000 postings x 6 parameters stay far below
#: both engines' limits (32,766 for SQLite, 32,767 for PostgreSQL).
ENTRIES_PER_INSERT = 500
POSTINGS_PER_INSERT = 1000


@dataclass(frozen=True, slots=True)
class Balances:
    """A partner's money (or points) in one asset, by bucket; see payouts/ledger.py."""

    earned: int = 0  #: everything ever earned (minus the commission_expense sub-ledger)
    pending: int = 0
    available: int = 0
    requested: int = 0  #: withdrawals the partner asked for, not yet in a batch
    in_batch: int = 0
    paid: int = 0
    reversed: int = 0
    wallet: int = 0
    withheld: int = 0  #: tax withheld from the partner's payouts
    fees: int = 0  #: withdrawal fees charged on the partner's payouts
    redeemed: int = 0
    expired: int = 0

    @property
    def owed(self) -> int:
        """What the merchant still owes the partner: pending + available + requested + in batch."""
        return self.pending + self.available + self.requested + self.in_batch


#: Which `Balances` field each account's SUM fills (merchant accounts: the partner's sub-ledger).
_FIELD_OF = {kind.value: kind.value for kind in PARTNER_ACCOUNTS} | {
    AccountKind.withholding_tax.value: "withheld",
    AccountKind.withdrawal_fees.value: "fees",
    AccountKind.points_redeemed.value: "redeemed",
    AccountKind.points_expired.value: "expired",
}
assert set(_FIELD_OF.values()) | {"earned"} == {f.name for f in fields(Balances)}


def _balances(sums: Iterable[tuple[str, Any]]) -> Balances:
    values: dict[str, int] = {}
    for account, total in sums:
        if account == AccountKind.commission_expense.value:
            values["earned"] = -int(total)
        else:
            values[_FIELD_OF[account]] = int(total)  # PostgreSQL's SUM(bigint) is numeric
    return Balances(**values)


@dataclass(frozen=True, slots=True)
class StatementLine:
    """One posting on a partner's account, with that account's balance after it."""

    transaction_id: int
    posted_at: datetime
    kind: TransactionKind
    reference: str
    memo: str
    account: AccountKind
    amount: int
    balance: int


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _values(rows: int, width: int) -> str:
    row = "(" + ", ".join("?" * width) + ")"
    return ", ".join([row] * rows)


async def post(
    merchant_id: int,
    kind: TransactionKind | str,
    asset: str,
    postings: Iterable[Posting | tuple[Account, int]],
    *,
    reference: str,
    idempotency_key: str,
    memo: str = "",
) -> int:
    """Write one balanced entry; returns its transaction id.

    An unbalanced or invalid entry raises before anything is written. Replaying an
    idempotency key returns the existing id and writes nothing; reusing it for a different
    entry raises `IdempotencyConflict`.
    """
    made = entry(kind, asset, postings, reference=reference, idempotency_key=idempotency_key, memo=memo)
    (transaction_id,) = await post_many(merchant_id, [made])
    return transaction_id


async def post_many(merchant_id: int, entries: Iterable[Entry]) -> list[int]:
    """Write many entries with a few multi-row INSERTs; returns their ids in order.

    All or nothing: if any entry is invalid or conflicts, nothing of the call is written.
    Entries already written (same idempotency key and content) are replays: their existing
    ids are returned. Concurrent posts of one key write it once (INSERT ... ON CONFLICT).
    (A new order's entries on PostgreSQL are rows of its write plan instead: `entry_rows`.)
    """
    entries = list(entries)
    unique, hashes = _checked(entries)
    ids: dict[str, int] = {}
    created_at = now()
    if (
        unique and len(unique) <= ENTRIES_PER_INSERT and current_dialect() == "postgres"
        and sum(len(e.postings) for e in unique) <= POSTINGS_PER_INSERT
    ):
        await _post_in_one_statement(merchant_id, unique, hashes, created_at, ids)
        return [ids[e.idempotency_key] for e in entries]
    async with in_transaction() as conn:
        for chunk in _chunks(unique, ENTRIES_PER_INSERT):
            params: list[Any] = []
            for e in chunk:
                params += [merchant_id, e.kind.value, e.asset, e.reference, e.idempotency_key,
                           hashes[e.idempotency_key], e.memo, created_at]
            inserted = {
                row["idempotency_key"]: row["id"]
                for row in await conn.execute_query_dict(
                    _sql(
                        "INSERT INTO ledger_transaction (merchant_id, kind, asset, reference, idempotency_key,"
                        f" content_hash, memo, created_at) VALUES {_values(len(chunk), 8)}"
                        " ON CONFLICT (merchant_id, idempotency_key) DO NOTHING RETURNING id, idempotency_key"
                    ),
                    params,
                )
            }
            ids.update(inserted)
            replayed = [e.idempotency_key for e in chunk if e.idempotency_key not in inserted]
            if replayed:
                await _match_replays(conn, merchant_id, replayed, hashes, ids)
            posting_rows: list[Any] = []
            for e in chunk:
                if e.idempotency_key in inserted:
                    transaction_id = inserted[e.idempotency_key]
                    for p in e.postings:
                        posting_rows.append((merchant_id, transaction_id, p.account.kind.value,
                                             p.account.partner_id, e.asset, p.amount))
            for part in _chunks(posting_rows, POSTINGS_PER_INSERT):
                await conn.execute_query(
                    _sql(
                        "INSERT INTO ledger_posting (merchant_id, transaction_id, account, partner_id, asset,"
                        f" amount_minor) VALUES {_values(len(part), 6)}"
                    ),
                    [value for row in part for value in row],
                )
    return [ids[e.idempotency_key] for e in entries]


def _checked(entries: list[Entry]) -> tuple[list[Entry], dict[str, str]]:
    """Each entry checked (balanced, valid); the distinct ones and key -> content hash.
    `IdempotencyConflict` when one key is given twice with different content."""
    hashes: dict[str, str] = {}
    unique: list[Entry] = []
    for e in entries:
        check(e)
        digest = e.content_hash()
        known = hashes.get(e.idempotency_key)
        if known is None:
            hashes[e.idempotency_key] = digest
            unique.append(e)
        elif known != digest:
            raise IdempotencyConflict(e.idempotency_key)
    return unique, hashes


#: Entries and their postings from arrays (one text for any number), PostgreSQL: as rows of a
#: new order's write plan (`entry_rows`), or alone (`_post_in_one_statement`).
NEW_TRANSACTIONS = Insert(
    "new_ledger_transactions",
    (("merchant_id", "bigint"), ("kind", "text"), ("asset", "text"), ("reference", "text"),
     ("idempotency_key", "text"), ("content_hash", "text"), ("memo", "text"), ("created_at", "timestamptz")),
    "INSERT INTO ledger_transaction (merchant_id, kind, asset, reference, idempotency_key, content_hash, memo,"
    " created_at) SELECT d.merchant_id, d.kind, d.asset, d.reference, d.idempotency_key, d.content_hash, d.memo,"
    " d.created_at FROM {rows} WHERE {gate} ORDER BY d.n"
    " ON CONFLICT (merchant_id, idempotency_key) DO NOTHING RETURNING id, merchant_id, idempotency_key",
)
NEW_POSTINGS = Insert(
    "new_ledger_postings",
    (("merchant_id", "bigint"), ("idempotency_key", "text"), ("account", "text"), ("partner_id", "bigint"),
     ("asset", "text"), ("amount_minor", "bigint")),
    "INSERT INTO ledger_posting (merchant_id, transaction_id, account, partner_id, asset, amount_minor)"
    f" SELECT d.merchant_id, t.id, d.account, d.partner_id, d.asset, d.amount_minor FROM {{rows}}"
    f" JOIN {NEW_TRANSACTIONS.name} t ON t.merchant_id = d.merchant_id AND t.idempotency_key = d.idempotency_key"
    " WHERE {gate} ORDER BY d.n",
)
#: No key of the call is already in the ledger with other content (a conflict): the gate of
#: `_ONE_STATEMENT`, so that a conflicting call inserts nothing ($6: the keys, $7: their hashes).
_NO_CONFLICT = (
    "NOT EXISTS (SELECT 1 FROM unnest($6::text[], $7::text[]) AS c(idempotency_key, content_hash)"
    " JOIN ledger_transaction x ON x.merchant_id = ($2::bigint[])[1] AND x.idempotency_key = c.idempotency_key"
    " AND x.content_hash <> c.content_hash)"
)
#: `post_many` of one chunk on PostgreSQL: the two as one statement of their own.
_ONE_STATEMENT = (
    f"WITH {NEW_TRANSACTIONS.name} AS ({NEW_TRANSACTIONS.cte(1, _NO_CONFLICT)}),"
    f" {NEW_POSTINGS.name} AS ({NEW_POSTINGS.cte(len(NEW_TRANSACTIONS.columns) + 2, 'TRUE')})"
    f" SELECT id, idempotency_key FROM {NEW_TRANSACTIONS.name}"
)


def entry_rows(merchant_id: int, entries: Iterable[Entry]) -> tuple[Rows, Rows]:
    """New entries (keys no entry has yet: those of new commissions) as rows of an order's write
    plan: their transactions, then their postings. Checked as `post_many` checks them."""
    unique, hashes = _checked(list(entries))
    return _entry_rows(merchant_id, unique, hashes, now())


def _entry_rows(
    merchant_id: int, unique: list[Entry], hashes: dict[str, str], created_at: datetime
) -> tuple[Rows, Rows]:
    transactions = Rows.of(NEW_TRANSACTIONS, [
        (merchant_id, e.kind.value, e.asset, e.reference, e.idempotency_key, hashes[e.idempotency_key], e.memo,
         created_at)
        for e in unique
    ])
    postings = Rows.of(NEW_POSTINGS, [
        (merchant_id, e.idempotency_key, p.account.kind.value, p.account.partner_id, e.asset, p.amount)
        for e in unique for p in e.postings
    ])
    return transactions, postings


async def _post_in_one_statement(
    merchant_id: int, unique: list[Entry], hashes: dict[str, str], created_at: datetime, ids: dict[str, int]
) -> None:
    """`post_many` of one chunk on PostgreSQL: one round trip, and no savepoint in a caller's
    transaction. A key already in the ledger with other content (a conflict) makes the statement
    insert nothing; the keys it skipped are checked afterwards (replays, or that conflict). The
    ledger is append-only, so nothing inserted is ever deleted again: a conflicting entry that
    another transaction commits while this statement runs (the only way past its gate) raises
    `IdempotencyConflict` here too, and the caller's transaction must roll back, as it does
    when the error reaches the edge."""
    transactions, postings = _entry_rows(merchant_id, unique, hashes, created_at)
    params = [
        [0] * len(transactions.values), *transactions.arrays(), [0] * len(postings.values), *postings.arrays(),
    ]
    async with joined_transaction() as conn:
        found = await conn.execute_query_dict(_ONE_STATEMENT, params)
        inserted = {row["idempotency_key"]: row["id"] for row in found}
        ids.update(inserted)
        replayed = [e.idempotency_key for e in unique if e.idempotency_key not in inserted]
        if replayed:
            await _match_replays(conn, merchant_id, replayed, hashes, ids)


async def _match_replays(conn, merchant_id: int, keys: list[str], hashes: dict[str, str], ids: dict[str, int]) -> None:
    """Keys already in the ledger: a replay if the content matches, a conflict otherwise."""
    rows = await conn.execute_query_dict(
        _sql(
            "SELECT id, idempotency_key, content_hash FROM ledger_transaction"
            f" WHERE merchant_id = ? AND idempotency_key IN ({', '.join('?' * len(keys))})"
        ),
        [merchant_id, *keys],
    )
    for row in rows:
        if row["content_hash"] != hashes[row["idempotency_key"]]:
            raise IdempotencyConflict(row["idempotency_key"])
        ids[row["idempotency_key"]] = row["id"]
    missing = set(keys) - {row["idempotency_key"] for row in rows}
    if missing:  # ON CONFLICT skipped them, so they exist: only a broken unique index gets here
        raise RuntimeError(f"ledger entries neither inserted nor found: {sorted(missing)}")


async def partner_balances(merchant_id: int, partner_id: int) -> dict[str, Balances]:
    """asset -> the partner's balances in it (one GROUP BY over the partner's postings)."""
    rows = await connection().execute_query_dict(
        _sql(
            "SELECT asset, account, SUM(amount_minor) AS total FROM ledger_posting"
            " WHERE merchant_id = ? AND partner_id = ? GROUP BY asset, account"
        ),
        [merchant_id, partner_id],
    )
    by_asset: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for row in rows:
        by_asset[row["asset"]].append((row["account"], row["total"]))
    return {asset: _balances(sums) for asset, sums in sorted(by_asset.items())}


async def balances_by_partner(merchant_id: int, asset: str) -> dict[int, Balances]:
    """partner id -> balances in `asset`, for every partner with postings in it (one GROUP BY)."""
    rows = await connection().execute_query_dict(
        _sql(
            "SELECT partner_id, account, SUM(amount_minor) AS total FROM ledger_posting"
            " WHERE merchant_id = ? AND asset = ? AND partner_id IS NOT NULL GROUP BY partner_id, account"
        ),
        [merchant_id, asset.upper()],
    )
    by_partner: dict[int, list[tuple[str, Any]]] = defaultdict(list)
    for row in rows:
        by_partner[row["partner_id"]].append((row["account"], row["total"]))
    return {partner_id: _balances(sums) for partner_id, sums in sorted(by_partner.items())}


#: The partner's own accounts: a statement lists the postings on them.
_PARTNER_KINDS = sorted(kind.value for kind in PARTNER_ACCOUNTS)


@dataclass(frozen=True, slots=True)
class StatementPage:
    """`lines` of a partner's statement in one asset, oldest first; `total` postings in all."""

    lines: list[StatementLine]
    total: int
    limit: int
    offset: int


async def statement_page(
    merchant_id: int, partner_id: int, asset: str, *, limit: int = 100, offset: int = 0
) -> StatementPage:
    """Postings on the partner's own accounts in `asset`, oldest first, `limit` of them from
    `offset`, each with its account's balance after it: a window SUM over the partner's postings
    computed by the database, so a page never loads the history before it."""
    asset = asset.upper()
    where = f"p.merchant_id = ? AND p.partner_id = ? AND p.asset = ? AND p.account IN ({marks(len(_PARTNER_KINDS))})"
    params: list[Any] = [merchant_id, partner_id, asset, *_PARTNER_KINDS]
    # The running balances over the partner's postings alone, then the page's transactions joined
    # (joining every posting's transaction first read thousands of rows for a page of 100).
    found = await connection().execute_query_dict(
        _sql(
            "SELECT w.transaction_id, w.account, w.amount_minor, t.kind, t.reference, t.memo, t.created_at,"
            " w.balance, w.total FROM ("
            "SELECT p.transaction_id, p.id, p.account, p.amount_minor,"
            " SUM(p.amount_minor) OVER (PARTITION BY p.account ORDER BY p.transaction_id, p.id"
            " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS balance,"
            " COUNT(*) OVER () AS total"
            f" FROM ledger_posting p WHERE {where} ORDER BY p.transaction_id, p.id LIMIT ? OFFSET ?) w"
            " JOIN ledger_transaction t ON t.id = w.transaction_id AND t.merchant_id = ?"
            " ORDER BY w.transaction_id, w.id"
        ),
        [*params, limit, offset, merchant_id],
    )
    if found:
        total = int(found[0]["total"])
    else:
        counted = await connection().execute_query_dict(
            _sql(f"SELECT COUNT(*) AS n FROM ledger_posting p WHERE {where}"), params
        )
        total = int(counted[0]["n"])
    lines = [
        StatementLine(
            transaction_id=row["transaction_id"], posted_at=instant(row["created_at"]),
            kind=TransactionKind(row["kind"]), reference=row["reference"], memo=row["memo"],
            account=AccountKind(row["account"]), amount=int(row["amount_minor"]), balance=int(row["balance"]),
        )
        for row in found
    ]
    return StatementPage(lines, total, limit, offset)


async def statement(merchant_id: int, partner_id: int, asset: str) -> list[StatementLine]:
    """Every posting on the partner's own accounts in `asset`, oldest first, with running balances
    (`statement_page` without a limit)."""
    return (await statement_page(merchant_id, partner_id, asset, limit=MAX_BIGINT)).lines


async def unbalanced_transactions(
    merchant_id: int, *, after_id: int = 0, through_id: int | None = None
) -> list[int]:
    """Ids of the merchant's transactions that break the ledger's rules (the audit; empty when sound),
    optionally only those with ``after_id < id <= through_id``.

    A transaction is unbalanced when its postings do not sum to zero, when it has fewer than
    two postings of its own merchant, or when a posting's asset differs from the transaction's
    (so the sum is zero per asset).
    """
    through = MAX_BIGINT if through_id is None else through_id
    rows = await connection().execute_query_dict(
        _sql(
            "SELECT t.id AS id FROM ledger_transaction t"
            " LEFT JOIN ledger_posting p ON p.transaction_id = t.id AND p.merchant_id = t.merchant_id"
            " AND p.transaction_id > ? AND p.transaction_id <= ?"  # the range on both sides: the planner reads only it
            " WHERE t.merchant_id = ? AND t.id > ? AND t.id <= ?"
            " GROUP BY t.id"
            " HAVING COUNT(p.id) < 2 OR SUM(p.amount_minor) <> 0"
            " OR SUM(CASE WHEN p.asset <> t.asset THEN 1 ELSE 0 END) > 0"
            " ORDER BY t.id"
        ),
        [after_id, through, merchant_id, after_id, through],
    )
    return [row["id"] for row in rows]
