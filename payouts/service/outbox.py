"""The transactional outbox of events to the merchant: written with the change, sent afterwards.

`enqueue` runs inside the caller's transaction (the shop event's, the bank outcome's), so an
event row exists exactly when its change was committed: a crash loses none and a rollback
invents none. Nothing is written for a merchant without a webhook URL.

`deliver_due` is the job (``relay outbox deliver``, or the app's worker): it claims due events
in one statement (PostgreSQL: ``FOR UPDATE SKIP LOCKED``, so several deliverers never claim
the same row), pushing their `next_attempt_at` a lease ahead; then POSTs each, signed per
Standard Webhooks with the merchant's webhook secret, outside any transaction; then records
2xx as delivered, anything else as a failure retried with exponential backoff, dead after
`MAX_ATTEMPTS`. A deliverer that dies mid-POST leaves the lease to expire and the event is
sent again: delivery is at least once, and the merchant deduplicates on ``webhook-id``.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from standardwebhooks import Webhook

from accounts.service.settings import has_webhook_url, webhook_targets
from core.backoff import retry_delay as backoff
from core.db import connection, current_dialect
from core.ids import random_alphanumeric
from core.sealed import SealedSecretUnreadable, Sealer
from core.sql import chunks, execute, marks, rows, sql, utc
from core.time import now as current_time
from core.write_plan import Insert, Rows
from payouts.events import Event, envelope
from payouts.models import OutboxEvent, OutboxStatus
from payouts.outbox_sender import Answer, Sender

log = logging.getLogger("relay.outbox")

#: Attempts before an event is given up (dead): about five hours of retries.
MAX_ATTEMPTS = 12
#: The wait after the first failure; it doubles with each failure...
FIRST_RETRY = timedelta(seconds=30)
#: ...up to this.
LONGEST_RETRY = timedelta(hours=1)
#: How long a claimed event stays invisible to other deliverers. Far longer than a round of
#: `limit` POSTs, `CONCURRENCY` at a time, each cut at outbox_sender.TIMEOUT_SECONDS.
LEASE = timedelta(minutes=5)
#: POSTs in flight at once per deliverer.
CONCURRENCY = 8
#: Rows per INSERT: 8 parameters each, far below both engines' limits.
EVENTS_PER_INSERT = 500

_PAYLOAD = OutboxEvent._meta.fields_map["payload"]


def retry_delay(attempts: int) -> timedelta | None:
    """How long to wait after the `attempts`-th failed attempt; None: give up (dead)."""
    return backoff(attempts, first=FIRST_RETRY, longest=LONGEST_RETRY, most=MAX_ATTEMPTS)


def new_event_id() -> str:
    """A Standard Webhooks message id: ``msg_`` and 22 random letters and digits."""
    return f"msg_{random_alphanumeric(22)}"


_COLUMNS = ("merchant_id", "event_id", "type", "payload", "created_at", "attempts", "next_attempt_at", "status")
#: The events as rows of a new order's write plan (PostgreSQL): written only with the order.
NEW_EVENTS = Insert(
    "new_outbox_events",
    (("merchant_id", "bigint"), ("event_id", "text"), ("type", "text"), ("payload", "text"),
     ("created_at", "timestamptz"), ("attempts", "int"), ("next_attempt_at", "timestamptz"), ("status", "text")),
    f"INSERT INTO outbox_event ({', '.join(_COLUMNS)}) SELECT d.merchant_id, d.event_id, d.type, d.payload::jsonb,"
    " d.created_at, d.attempts, d.next_attempt_at, d.status FROM {rows} WHERE {gate}",
)


def _rows(merchant_id: int, events: list[Event]) -> list[tuple[Any, ...]]:
    """Each event's row, in `_COLUMNS` order: due now, never tried."""
    at = utc(current_time())
    return [
        (merchant_id, new_event_id(), event.type.value, _PAYLOAD.to_db_value(envelope(event, at), None), at, 0, at,
         OutboxStatus.pending.value)
        for event in events
    ]


async def event_rows(merchant_id: int, events: Iterable[Event]) -> Rows | None:
    """`events` as rows of a new order's write plan; None when there are none, or the merchant
    has no webhook URL (then `events` is not even iterated)."""
    if not await has_webhook_url(merchant_id):
        return None
    made = list(events)
    return Rows.of(NEW_EVENTS, _rows(merchant_id, made)) if made else None


async def enqueue(merchant_id: int, events: Iterable[Event]) -> int:
    """Write `events` for delivery, in the caller's transaction, with one multi-row INSERT;
    returns how many. Nothing (and `events` is not even iterated) when the merchant has no
    webhook URL."""
    if not await has_webhook_url(merchant_id):
        return 0
    made = list(events)
    for part in chunks(made, EVENTS_PER_INSERT):
        await execute(
            f"INSERT INTO outbox_event ({', '.join(_COLUMNS)}) VALUES {', '.join([f'({marks(8)})'] * len(part))}",
            [value for row in _rows(merchant_id, list(part)) for value in row],
        )
    return len(made)


@dataclass(frozen=True, slots=True)
class DeliveryRound:
    """What one `deliver_due` call did."""

    claimed: int
    delivered: int
    retrying: int  #: failed, to be tried again later
    dead: int  #: failed for the last time


async def _claim(at: datetime, limit: int, merchant_id: int | None) -> list[dict[str, Any]]:
    """Due pending events, at most `limit`, each leased to this caller (one statement)."""
    only = " AND merchant_id = ?" if merchant_id is not None else ""
    lock = " FOR UPDATE SKIP LOCKED" if current_dialect() == "postgres" else ""
    params: list[Any] = [utc(at + LEASE), OutboxStatus.pending.value, utc(at)]
    params += [merchant_id] if merchant_id is not None else []
    return await rows(
        "UPDATE outbox_event SET attempts = attempts + 1, next_attempt_at = ?"
        " WHERE id IN (SELECT id FROM outbox_event WHERE status = ? AND next_attempt_at <= ?"
        f"{only} ORDER BY next_attempt_at, id LIMIT ?{lock})"
        " RETURNING id, merchant_id, event_id, type, payload, attempts",
        [*params, limit],
    )


@functools.lru_cache(maxsize=4096)
def _signer(secret: str) -> Webhook:
    return Webhook(secret)


def signed_headers(secret: str, event_id: str, body: str, at: datetime) -> dict[str, str]:
    """The Standard Webhooks headers of `body` sent at `at`."""
    return {
        "webhook-id": event_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": _signer(secret).sign(event_id, at, body),
        "content-type": "application/json",
    }


async def deliver_due(
    now: datetime, *, limit: int = 100, sender: Sender, sealer: Sealer, merchant_id: int | None = None
) -> DeliveryRound:
    """Claim events due at `now` (of one merchant, or all), send them signed with each
    merchant's webhook secret (opened by `sealer` to sign), record each outcome.

    Retries are scheduled from `now`; signatures carry the real current time, which the
    merchant checks against its clock.
    """
    claimed = await _claim(now, limit, merchant_id)
    if not claimed:
        return DeliveryRound(0, 0, 0, 0)
    targets = await webhook_targets(row["merchant_id"] for row in claimed)
    gate = asyncio.Semaphore(CONCURRENCY)

    async def attempt(row: dict[str, Any]) -> Answer:
        target = targets.get(row["merchant_id"])
        if target is None or target.url is None:
            return Answer(None, "the merchant has no webhook URL")
        payload = row["payload"]
        body = payload if isinstance(payload, str) else json.dumps(payload)
        try:
            secret = target.secret(sealer)
        except SealedSecretUnreadable:  # retried: the operator lists the old server secret
            log.error("outbox: merchant %s's webhook secret was sealed under an unknown server secret",
                      row["merchant_id"])
            return Answer(None, "the webhook secret was sealed under a server secret this server does not know")
        headers = signed_headers(secret, row["event_id"], body, current_time())
        async with gate:
            return await sender(target.url, body.encode(), headers)

    answers = await asyncio.gather(*(attempt(row) for row in claimed))
    delivered = [row["id"] for row, answer in zip(claimed, answers, strict=True) if answer.ok]
    failures: list[list[Any]] = []
    dead = 0
    for row, answer in zip(claimed, answers, strict=True):
        if answer.ok:
            continue
        delay = retry_delay(row["attempts"])
        dead += delay is None
        status = OutboxStatus.dead if delay is None else OutboxStatus.pending
        error = (answer.error or f"HTTP {answer.status}")[:500]
        # Only if no other deliverer re-claimed the row meanwhile (its lease had run out).
        failures.append([status.value, utc(now + (delay or timedelta())), error, row["id"], row["attempts"],
                         OutboxStatus.pending.value])
    for part in chunks(delivered, 1000):
        # Delivered is the truth even if the lease ran out and another deliverer holds it now.
        await execute(
            f"UPDATE outbox_event SET status = ?, delivered_at = ?, last_error = NULL WHERE id IN ({marks(len(part))})",
            [OutboxStatus.delivered.value, utc(now), *part],
        )
    if failures:
        await connection().execute_many(
            sql("UPDATE outbox_event SET status = ?, next_attempt_at = ?, last_error = ?"
                " WHERE id = ? AND attempts = ? AND status = ?"),
            failures,
        )
    return DeliveryRound(len(claimed), len(delivered), len(failures) - dead, dead)


async def deliver_forever(
    sender: Sender, *, sealer: Sealer, limit: int = 100, interval: float = 1.0, stop: asyncio.Event | None = None,
    merchant_id: int | None = None,
) -> None:
    """`deliver_due` in a loop: again at once while rounds come back full, else after `interval`
    seconds; until `stop` is set. An error is logged and the loop goes on."""
    stop = stop or asyncio.Event()
    while not stop.is_set():
        try:
            done = await deliver_due(current_time(), limit=limit, sender=sender, sealer=sealer, merchant_id=merchant_id)
        except Exception:
            log.exception("outbox delivery round failed")
            done = DeliveryRound(0, 0, 0, 0)
        if done.claimed:
            log.info("outbox: %s delivered, %s retrying, %s dead", done.delivered, done.retrying, done.dead)
        if done.claimed < limit:
            try:
                await asyncio.wait_for(stop.wait(), interval)
            except TimeoutError:
                pass
