"""Clicks: recorded on the redirect's hot path through an in-memory buffer flushed in batches.

The redirect never waits on the database: `ClickRecorder.record` decides the click id,
drops a repeat of the same visitor on the same link within `DEDUPE_SECONDS`, and queues
the row; a background task writes the queue with one multi-row INSERT per batch, every
`flush_ms` milliseconds or as soon as `batch_size` clicks wait.

Durability: a clean shutdown (lifespan exit, e.g. SIGTERM to uvicorn) flushes everything.
A SIGKILL or a crash loses the clicks not yet committed, and there are never more than
`max_buffer` of them (queued plus the batch being written; RELAY_CLICK_MAX_PENDING): with the
database answering, about `flush_ms` worth of traffic (at most `batch_size` wait before a
flush starts); while it is slow or down they pile up, the flush is retried with backoff, and
past `max_buffer` new clicks are counted in `dropped` and logged (the visitor is still
redirected, with a click id that will not be found).

Dedupe is per process: with several workers, a repeat that lands on another worker is
recorded again (attribution still picks one click).

Lookups (`get_click`, `last_click`) also see the clicks still queued in this process, so
an order reported right after its click is attributed even before the flush.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import weakref
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from core import ids
from core.db import connection, current_dialect
from core.time import now
from referral.models import Click

log = logging.getLogger("relay.clicks")

#: The same visitor on the same link within this many seconds counts once.
DEDUPE_SECONDS = 60
#: Rows per INSERT statement (SQLite allows 32766 parameters; a click has 11).
_MAX_ROWS_PER_STATEMENT = 1000
#: Longest click and visitor ids a click row holds: a longer one names no click.
_ID_LENGTH = Click._meta.fields_map["id"].max_length
_VISITOR_LENGTH = Click._meta.fields_map["visitor_id"].max_length
#: Longest pause between flush attempts while the database fails.
_MAX_BACKOFF_SECONDS = 5.0
#: How long shutdown waits for a flush in progress before giving up on it.
_STOP_TIMEOUT_SECONDS = 10.0

_COLUMNS = (
    "id", "merchant_id", "link_id", "partner_id", "scene", "visitor_id", "ip_hash",
    "user_agent", "referrer", "is_bot", "occurred_at",
)


@dataclass(frozen=True, slots=True)
class ClickInfo:
    """A click as attribution sees it. Bot clicks are never returned by the lookups."""

    id: str
    partner_id: int
    link_id: int
    scene: str
    visitor_id: str
    occurred_at: datetime
    is_bot: bool


class PendingClick(NamedTuple):
    """A click decided on the redirect, waiting in memory for the next flush.

    A named tuple in the column order of `_COLUMNS`: cheap to make on the hot path, and
    already the row the INSERT takes.
    """

    id: str
    merchant_id: int
    link_id: int
    partner_id: int
    scene: str
    visitor_id: str
    ip_hash: str
    user_agent: str
    referrer: str
    is_bot: bool
    occurred_at: datetime

    def info(self) -> ClickInfo:
        return ClickInfo(
            self.id, self.partner_id, self.link_id, self.scene, self.visitor_id, self.occurred_at, self.is_bot
        )


#: Recorders running in this process; lookups read their queues too.
_recorders: weakref.WeakSet[ClickRecorder] = weakref.WeakSet()


def _pending(merchant_id: int) -> list[PendingClick]:
    return [c for r in list(_recorders) for c in r.pending() if c.merchant_id == merchant_id]


def _info(row: Click) -> ClickInfo:
    return ClickInfo(row.id, row.partner_id, row.link_id, row.scene, row.visitor_id, row.occurred_at, row.is_bot)


async def get_click(merchant_id: int, click_id: str) -> ClickInfo | None:
    """The merchant's non-bot click `click_id` (the shop's ``relay_click``); None otherwise."""
    if len(click_id) > _ID_LENGTH:
        return None  # no click id is that long (and Tortoise refuses to look one up)
    # The queue first, then the database: a click leaves the queue only after its INSERT
    # committed, so it is always in one of the two places in this order.
    for click in _pending(merchant_id):
        if click.id == click_id:
            return None if click.is_bot else click.info()
    row = await Click.get_or_none(merchant_id=merchant_id, id=click_id, is_bot=False)
    return None if row is None else _info(row)


async def last_click(
    merchant_id: int, visitor_id: str, since: datetime, *, first: bool = False
) -> ClickInfo | None:
    """The visitor's latest non-bot click at or after `since` (the earliest with `first=True`)."""
    if len(visitor_id) > _VISITOR_LENGTH:
        return None  # no visitor id is that long
    # The queue first, then the database (see `get_click`).
    found = [
        c.info()
        for c in _pending(merchant_id)
        if c.visitor_id == visitor_id and not c.is_bot and c.occurred_at >= since
    ]
    query = Click.filter(merchant_id=merchant_id, visitor_id=visitor_id, occurred_at__gte=since, is_bot=False)
    order = ("occurred_at", "id") if first else ("-occurred_at", "-id")
    row = await query.order_by(*order).first()
    if row is not None:
        found.append(_info(row))
    if not found:
        return None
    pick = min if first else max
    return pick(found, key=lambda c: (c.occurred_at, c.id))


@lru_cache(maxsize=4096)
def hash_ip(secret_key: str, ip: str) -> str:
    """HMAC-SHA256 of the visitor's address: the same address groups together, but it cannot be
    recovered (or brute-forced over the IPv4 space) without the server's secret."""
    return hmac.new(secret_key.encode(), ip.encode(), hashlib.sha256).hexdigest()


async def insert_clicks(clicks: list[PendingClick]) -> None:
    """Write clicks with one multi-row INSERT per chunk; ids already written are skipped,
    so retrying a flush whose outcome was unknown never duplicates nor fails."""
    db = connection()
    postgres = current_dialect() == "postgres"
    for start in range(0, len(clicks), _MAX_ROWS_PER_STATEMENT):
        chunk = clicks[start : start + _MAX_ROWS_PER_STATEMENT]
        if postgres:
            # One array per column: the same statement text whatever the batch size, so
            # PostgreSQL parses and plans it once per connection (asyncpg caches it).
            await db.execute_query(_POSTGRES_INSERT, [list(column) for column in zip(*chunk, strict=True)])
        else:
            await db.execute_query(_sqlite_insert(len(chunk)), list(chain.from_iterable(chunk)))


_CONFLICT = "ON CONFLICT (id) DO NOTHING"
_POSTGRES_TYPES = (
    "varchar", "bigint", "bigint", "bigint", "varchar", "varchar", "varchar", "varchar", "varchar", "bool",
    "timestamptz",
)
_POSTGRES_INSERT = (
    f"INSERT INTO click ({', '.join(_COLUMNS)}) SELECT * FROM unnest("
    + ", ".join(f"${i}::{kind}[]" for i, kind in enumerate(_POSTGRES_TYPES, start=1))
    + f") {_CONFLICT}"
)


@lru_cache(maxsize=64)
def _sqlite_insert(rows: int) -> str:
    group = "(" + ", ".join("?" * len(_COLUMNS)) + ")"
    return f"INSERT INTO click ({', '.join(_COLUMNS)}) VALUES {', '.join([group] * rows)} {_CONFLICT}"


class ClickRecorder:
    """Queues clicks in memory and writes them in batches; one per process, kept in `app.state.clicks`.

    Use as an async context manager: entering starts the background flusher, leaving
    stops it and flushes what is left. `clock` is injectable so tests need not sleep.
    """

    def __init__(
        self,
        batch_size: int,
        flush_ms: int,
        *,
        max_buffer: int | None = None,
        max_recent: int = 200_000,
        clock: Callable[[], datetime] = now,
        writer: Callable[[list[PendingClick]], Awaitable[None]] = insert_clicks,
    ) -> None:
        self.batch_size = max(1, batch_size)
        self.flush_ms = max(1, flush_ms)
        #: Most clicks not yet committed (queued and in flight): what a SIGKILL can lose at most.
        #: The app passes RELAY_CLICK_MAX_PENDING; about 500 bytes a click.
        self.max_buffer = max(1, max_buffer) if max_buffer is not None else max(50_000, self.batch_size * 250)
        #: Most visits remembered for dedupe (~250 bytes each); past it, the oldest are forgotten
        #: early, so a flood of distinct visitors bounds memory and shortens the window instead.
        self.max_recent = max_recent
        self.clock = clock
        self.dropped = 0  #: clicks lost because the queue was full (the database was down too long)
        self.written = 0  #: clicks written by this recorder
        self.deduplicated = 0  #: repeats answered with the first click's id
        self._writer = writer
        self._buffer: list[PendingClick] = []
        #: The batch being written: still "pending" for lookups until its INSERT committed.
        self._in_flight: list[PendingClick] = []
        #: "link_id visitor_id" -> (click id, POSIX time); oldest first, pruned past the window.
        #: An OrderedDict, not a dict: evicting from the front of a plain dict leaves a prefix of
        #: deleted slots that every `next(iter())` walks until the next resize (measured: 36 us
        #: per redirect at 200,000 remembered visits, 0.7 us with this), which is every redirect
        #: once the traffic has lasted longer than the dedupe window.
        self._recent: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self._wake = asyncio.Event()
        self._stop = asyncio.Event()
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        self._failures = 0

    # --- the hot path ----------------------------------------------------------------------

    def record(
        self,
        *,
        merchant_id: int,
        link_id: int,
        partner_id: int,
        scene: str,
        visitor_id: str,
        ip_hash: str,
        user_agent: str = "",
        referrer: str = "",
        is_bot: bool = False,
    ) -> str:
        """The click id for this visit, queued for the next flush; no I/O.

        A repeat of the same visitor on the same link within `DEDUPE_SECONDS` is not
        recorded again: it gets the first click's id.
        """
        at = self.clock()
        moment = at.timestamp()
        key = f"{link_id} {visitor_id}"
        recent = self._recent
        self._prune(moment)
        seen = recent.pop(key, None)
        if seen is not None and moment - seen[1] < DEDUPE_SECONDS:
            recent[key] = seen  # popped and put back: stays in time order
            self.deduplicated += 1
            return seen[0]
        click_id = ids.click_id()
        recent[key] = (click_id, moment)
        if len(self._buffer) + len(self._in_flight) >= self.max_buffer:
            self.dropped += 1
            if self.dropped == 1 or self.dropped % 1000 == 0:
                log.error("click queue full (%d): %d click(s) dropped so far", self.max_buffer, self.dropped)
            return click_id
        self._buffer.append(
            PendingClick(
                click_id, merchant_id, link_id, partner_id, scene, visitor_id, ip_hash,
                user_agent[:512], referrer[:1024], is_bot, at,
            )
        )
        if len(self._buffer) >= self.batch_size:
            self._wake.set()
        return click_id

    def pending(self) -> list[PendingClick]:
        """Clicks queued or being written, not yet committed."""
        return [*self._in_flight, *self._buffer]

    def _prune(self, moment: float) -> None:
        horizon = moment - DEDUPE_SECONDS
        recent = self._recent
        while recent:
            oldest = next(iter(recent))
            if recent[oldest][1] > horizon and len(recent) < self.max_recent:
                return
            recent.popitem(last=False)

    # --- flushing ----------------------------------------------------------------------------

    async def flush(self) -> int:
        """Write every queued click now; returns how many. On failure the clicks stay queued
        (in order) and the error propagates."""
        written = 0
        async with self._lock:
            while self._buffer:
                # Normally the queue holds about one batch. When the writer fell behind, bigger
                # statements let it catch up: the per-statement cost (a thread hop for SQLite,
                # a round trip for PostgreSQL) is paid per statement, not per click.
                batch = self._buffer[: max(self.batch_size, _MAX_ROWS_PER_STATEMENT)]
                self._in_flight = batch
                del self._buffer[: len(batch)]
                try:
                    await self._writer(batch)
                except BaseException:
                    self._buffer[:0] = batch
                    raise
                finally:
                    self._in_flight = []
                written += len(batch)
                self.written += len(batch)
        return written

    async def _run(self) -> None:
        interval = self.flush_ms / 1000
        while not self._stopping:
            if self._failures:
                # Back off while the database fails: a full batch does not cut the pause
                # short (that would hammer a database that is down), only shutdown does.
                await _wait(self._stop, min(_MAX_BACKOFF_SECONDS, interval * 2 ** min(self._failures, 16)))
            else:
                await _wait(self._wake, interval)
            self._wake.clear()
            if not self._buffer or self._stopping:
                continue
            try:
                await self.flush()
                if self._failures:
                    log.warning("click flush recovered after %d failure(s)", self._failures)
                self._failures = 0
            except asyncio.CancelledError:
                raise
            except Exception:
                self._failures += 1
                log.exception(
                    "click flush failed (%d in a row); %d click(s) kept for retry",
                    self._failures, len(self._buffer),
                )

    async def __aenter__(self) -> ClickRecorder:
        _recorders.add(self)
        self._task = asyncio.create_task(self._run(), name="click-recorder")
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._task is not None:
            # Let a flush in progress finish rather than cancel it half-way through a query.
            self._stopping = True
            self._stop.set()
            self._wake.set()
            try:
                await asyncio.wait_for(self._task, timeout=_STOP_TIMEOUT_SECONDS)
            except (TimeoutError, asyncio.CancelledError):
                pass
            self._task = None
        try:
            await self.flush()
        except Exception:
            log.exception("final click flush failed: %d click(s) lost", len(self._buffer))
        finally:
            _recorders.discard(self)


async def _wait(event: asyncio.Event, seconds: float) -> None:
    """Until `event` is set or `seconds` passed, whichever comes first."""
    try:
        await asyncio.wait_for(event.wait(), timeout=seconds)
    except TimeoutError:
        pass
