"""Hand-written SQL on either engine: placeholders, chunks, UTC instants, advisory locks.

Queries are written once with ``?`` placeholders and turned into PostgreSQL's ``$1, $2...``
when that is the engine. A *relation* is ``(SELECT ... with ? placeholders, params)``: the
domain that owns some tables hands one to another domain, which composes it into its own
set-based statement without naming those tables.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from core.db import connection, current_dialect

#: ``(SELECT ... with ? placeholders, its parameters in order)``.
Relation = tuple[str, list[Any]]
#: The largest BIGINT (every id and amount column): a bound no row exceeds ("no upper bound"),
#: and past which an integer names nothing (the database driver would overflow).
MAX_BIGINT = 2**63 - 1

_PLACEHOLDER = re.compile(r"\?")


def sql(query: str) -> str:
    """`query` written with ``?`` placeholders, in the current engine's style (PostgreSQL: $1...)."""
    if current_dialect() == "sqlite":
        return query
    return _numbered(query)


@functools.lru_cache(maxsize=2048)
def _numbered(query: str) -> str:
    """``?`` -> ``$1, $2...``, once per statement text: most texts are constants on hot paths
    (an order.created rewrote about twenty of them on every event)."""
    numbers = itertools.count(1)
    return _PLACEHOLDER.sub(lambda _: f"${next(numbers)}", query)


def dollar(query: str) -> str:
    """`query` written with PostgreSQL's numbered ``$1, $2...`` (a number may repeat), in the
    current engine's style: SQLite takes the same numbers as ``?1, ?2...``."""
    return query if current_dialect() == "postgres" else query.replace("$", "?")


def chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def marks(count: int) -> str:
    """``?, ?, ?`` for an IN list or a VALUES row of `count` values."""
    return ", ".join("?" * count)


def utc(instant: datetime) -> datetime:
    """`instant` in UTC. SQLite compares stored instants as text, so every stored or compared
    instant must carry the same offset; naive datetimes are refused."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{instant!r} has no time zone")
    return instant.astimezone(UTC)


def between(column: str, start: datetime | None, end: datetime | None) -> tuple[str, list[Any]]:
    """`` AND column >= ? AND column < ?`` for the instants [start, end) (None: no bound there)."""
    where, params = "", []
    if start is not None:
        where, params = f" AND {column} >= ?", [utc(start)]
    if end is not None:
        where, params = f"{where} AND {column} < ?", [*params, utc(end)]
    return where, params


def instant(value: datetime | str | None) -> datetime | None:
    """A datetime column read by hand-written SQL (SQLite gives back the stored ISO text; text
    without an offset is UTC, as every stored instant is)."""
    if value is None or isinstance(value, datetime):
        return value
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


async def execute(query: str, params: Sequence[Any] = ()) -> int:
    """Run a statement written with ``?``; returns the rows it touched."""
    count, _ = await connection().execute_query(sql(query), list(params))
    return count


async def rows(query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    return await connection().execute_query_dict(sql(query), list(params))


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
