"""The outbox side of notices: a deliverer (relay/notify.py) claims due ones in one statement
(PostgreSQL: ``FOR UPDATE SKIP LOCKED``, so two deliverers never claim the same), each leased
for `LEASE`; sends them outside any transaction; then records each outcome: sent, inbox only
(nothing to send), or a failure retried with backoff and dead after `MAX_ATTEMPTS` or at once
when the driver says trying again cannot help."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from core.backoff import retry_delay as backoff
from core.db import connection, current_dialect
from core.sql import chunks, execute, marks, rows, sql, utc
from notifications.kinds import Channel, Delivery, Kind

#: Attempts before a notice's email or SMS is given up: about five hours of retries.
MAX_ATTEMPTS = 12
FIRST_RETRY = timedelta(seconds=30)
LONGEST_RETRY = timedelta(hours=1)
#: How long a claimed notice stays invisible to other deliverers.
LEASE = timedelta(minutes=5)


def retry_delay(attempts: int) -> timedelta | None:
    return backoff(attempts, first=FIRST_RETRY, longest=LONGEST_RETRY, most=MAX_ATTEMPTS)


@dataclass(frozen=True, slots=True)
class Due:
    """A notice claimed for sending."""

    id: int
    merchant_id: int
    partner_id: int
    kind: Kind
    params: dict[str, Any]
    attempts: int  #: this one included


async def claim_due(at: datetime, limit: int, *, merchant_id: int | None = None) -> list[Due]:
    """Due pending notices (of one merchant, or all), at most `limit`, each leased to the caller
    (one statement)."""
    lock = " FOR UPDATE SKIP LOCKED" if current_dialect() == "postgres" else ""
    only = " AND merchant_id = ?" if merchant_id is not None else ""
    found = await rows(
        "UPDATE notification SET attempts = attempts + 1, next_attempt_at = ?"
        f" WHERE id IN (SELECT id FROM notification WHERE delivery = ? AND next_attempt_at <= ?{only}"
        f" ORDER BY next_attempt_at, id LIMIT ?{lock})"
        " RETURNING id, merchant_id, partner_id, kind, params, attempts",
        [utc(at + LEASE), Delivery.pending.value, utc(at), *([merchant_id] if merchant_id is not None else []), limit],
    )
    return [
        Due(id=row["id"], merchant_id=row["merchant_id"], partner_id=row["partner_id"], kind=Kind(row["kind"]),
            params=json.loads(row["params"]) if isinstance(row["params"], str) else row["params"],
            attempts=row["attempts"])
        for row in found
    ]


@dataclass(frozen=True, slots=True)
class Failure:
    notice: Due
    reason: str
    permanent: bool  #: trying again cannot help (a refused address)


async def record_sent(at: datetime, sent: Sequence[tuple[Due, Channel]]) -> None:
    """Sent is the truth even if the lease ran out and another deliverer holds the notice now."""
    for channel in (Channel.email, Channel.sms):
        ids = [notice.id for notice, used in sent if used == channel]
        for part in chunks(ids, 1000):
            await execute(
                "UPDATE notification SET delivery = ?, channel = ?, sent_at = ?, last_error = NULL"
                f" WHERE id IN ({marks(len(part))})",
                [Delivery.sent.value, channel.value, utc(at), *part],
            )


async def record_inbox_only(notices: Sequence[Due]) -> None:
    for part in chunks([notice.id for notice in notices], 1000):
        await execute(f"UPDATE notification SET delivery = ? WHERE id IN ({marks(len(part))})",
                      [Delivery.inbox_only.value, *part])


async def record_failures(at: datetime, failures: Sequence[Failure]) -> int:
    """Each failure retried later, or dead; returns how many are dead."""
    updates: list[list[Any]] = []
    dead = 0
    for failure in failures:
        delay = None if failure.permanent else retry_delay(failure.notice.attempts)
        dead += delay is None
        delivery = Delivery.dead if delay is None else Delivery.pending
        # Only if no other deliverer re-claimed the notice meanwhile (its lease had run out).
        updates.append([delivery.value, utc(at + (delay or timedelta())), failure.reason[:500], failure.notice.id,
                        failure.notice.attempts, Delivery.pending.value])
    if updates:
        await connection().execute_many(
            sql("UPDATE notification SET delivery = ?, next_attempt_at = ?, last_error = ?"
                " WHERE id = ? AND attempts = ? AND delivery = ?"),
            updates,
        )
    return dead
