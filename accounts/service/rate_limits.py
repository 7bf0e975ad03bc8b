"""Requests refused by a rate limit, counted per merchant, UTC day and limit, for the merchant to see.

Each process counts its refusals in memory (`core.ratelimit.RateLimits`) and adds them to
the `rate_limit_refusals` table in one upsert every `RELAY_RATE_LIMIT_FLUSH_SECONDS` and at
shutdown, so a flood of refused requests never becomes a flood of writes, and the counts of
every process add up. A SIGKILL loses at most the refusals of one interval.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date

from accounts.models import RateLimitRefusals
from core.db import current_dialect
from core.ratelimit import RateLimits
from core.sql import chunks, execute, marks

log = logging.getLogger("relay.ratelimit")

_ROWS_PER_STATEMENT = 200


async def write_refusals(rows: list[tuple[int, date, str, int]]) -> None:
    """Add `(merchant_id, day, limit, refused)` rows to the table (set-based upserts)."""
    postgres = current_dialect() == "postgres"
    for part in chunks(rows, _ROWS_PER_STATEMENT):
        params: list[object] = []
        for merchant_id, day, name, refused in part:
            # SQLite stores a DATE as ISO text (and its date adapter is deprecated).
            params += [merchant_id, day if postgres else day.isoformat(), name, refused]
        values = ", ".join(f"({marks(4)})" for _ in part)
        await execute(
            "INSERT INTO rate_limit_refusals (merchant_id, day, limit_name, refused) VALUES " + values
            + " ON CONFLICT (merchant_id, day, limit_name)"
            " DO UPDATE SET refused = rate_limit_refusals.refused + excluded.refused",
            params,
        )


async def flush(rate_limits: RateLimits) -> int:
    """Write the refusals this process counted since the last flush; returns how many.
    If the write fails they are kept for the next one."""
    rows = rate_limits.drain()
    if not rows:
        return 0
    try:
        await write_refusals(rows)
    except Exception:
        rate_limits.restore(rows)
        raise
    return sum(row[3] for row in rows)


@contextlib.asynccontextmanager
async def refusal_writer(rate_limits: RateLimits, every_seconds: float) -> AsyncIterator[None]:
    """Flush `rate_limits` every `every_seconds` while the app runs, and once more at shutdown."""

    async def loop() -> None:
        while True:
            await asyncio.sleep(every_seconds)
            try:
                await flush(rate_limits)
            except Exception:  # the database is away: the counts wait for the next interval
                log.warning("could not write rate limit refusals; kept for the next attempt", exc_info=True)

    task = asyncio.create_task(loop())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        try:
            await flush(rate_limits)
        except Exception:
            log.warning("could not write rate limit refusals at shutdown", exc_info=True)


@dataclass(frozen=True, slots=True)
class RefusalCount:
    day: date
    limit: str
    refused: int


async def refusals(merchant_id: int, first: date | None = None, last: date | None = None) -> list[RefusalCount]:
    """The merchant's refused requests per UTC day and limit, both ends included, newest day first."""
    query = RateLimitRefusals.filter(merchant_id=merchant_id)
    if first is not None:
        query = query.filter(day__gte=first)
    if last is not None:
        query = query.filter(day__lte=last)
    rows = await query.order_by("-day", "limit_name")
    return [RefusalCount(row.day, row.limit_name, row.refused) for row in rows]
