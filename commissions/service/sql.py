"""Hand-written SQL of the commissions domain: multi-row INSERTs (the rest comes from core.sql)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.db import connection
from core.sql import advisory_lock, advisory_locks, chunks, lock_key, sql, utc

__all__ = ["ROWS_PER_INSERT", "advisory_lock", "advisory_locks", "chunks", "insert_returning", "lock_key", "sql", "utc"]

#: Rows per INSERT: 24 columns x 500 rows stays below both engines' parameter limits (32,766).
ROWS_PER_INSERT = 500


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
