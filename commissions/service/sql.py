"""Hand-written SQL helpers: placeholders per engine, multi-row INSERTs, advisory locks, UTC."""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from core.db import connection, current_dialect

#: Rows per INSERT: 24 columns x 500 rows stays below both engines' parameter limits (32,766).
ROWS_PER_INSERT = 500


def utc(instant: datetime) -> datetime:
    """`instant` in UTC. SQLite compares stored datetimes as text, so every stored or compared
    instant must carry the same offset; naive datetimes are refused."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{instant!r} has no time zone")
    return instant.astimezone(UTC)


def sql(query: str) -> str:
    """`query` written with ``?`` placeholders, in the current engine's style (PostgreSQL: $1...)."""
    if current_dialect() == "sqlite":
        return query
    numbers = itertools.count(1)
    return re.sub(r"\?", lambda _: f"${next(numbers)}", query)


def chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


async def insert_returning(
    table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], returning: str = "*"
) -> list[dict]:
    """Insert `rows` with multi-row INSERTs; returns the inserted rows as the database has them
    (only the `returning` columns when given, e.g. ``"id"``)."""
    inserted: list[dict] = []
    row_sql = "(" + ", ".join("?" * len(columns)) + ")"
    for part in chunks(rows, ROWS_PER_INSERT):
        query = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([row_sql] * len(part))} RETURNING {returning}"
        )
        inserted += await connection().execute_query_dict(sql(query), [value for row in part for value in row])
    return inserted


def lock_key(*parts: object) -> int:
    """A stable signed 64-bit key for `pg_advisory_xact_lock` (the same in every process)."""
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


async def advisory_lock(*parts: object) -> None:
    """Serialise transactions on `parts` until the current transaction ends (PostgreSQL).

    SQLite runs one writing transaction at a time, so there is nothing to do there.
    """
    if current_dialect() == "postgres":
        await connection().execute_query("SELECT pg_advisory_xact_lock($1)", [lock_key(*parts)])


async def advisory_locks(keys: Sequence[tuple[object, ...]]) -> None:
    """`advisory_lock` on each of `keys`, in the order given, in one round trip (PostgreSQL)."""
    if keys and current_dialect() == "postgres":
        await connection().execute_query(
            "SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) WITH ORDINALITY AS l(k, n) ORDER BY n",
            [[lock_key(*parts) for parts in keys]],
        )
