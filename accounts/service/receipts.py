"""Webhook receipts: a shop event's `webhook-id` is answered once; a replay gets the first answer.

Only events that succeeded are kept. A refused event (4xx) leaves nothing behind, so the shop
may fix it and retry under the same id, and an event that arrived too early (a refund before
its order) succeeds when redelivered.

Concurrency rests on the unique (merchant_id, webhook_id) constraint, not on a read: the
receipt is inserted last, inside the event's transaction (a new order on PostgreSQL: as rows
of its write plan, `receipt_rows`, in the one statement that writes everything); a second
delivery of the same id waits on the first's uncommitted row (PostgreSQL) and then fails to
insert, which rolls back everything it did. The caller then answers from the stored receipt.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError

from accounts.errors import ReplayConflict
from accounts.models import WebhookReceipt
from core.db import connection
from core.sql import sql
from core.time import now
from core.write_plan import Insert, Rows


@dataclass(frozen=True, slots=True)
class Reply:
    """An answer to a shop event: its status and its JSON, byte for byte as first given."""

    status: int
    text: str

    @classmethod
    def of(cls, status: int, body: dict[str, Any]) -> Reply:
        # Keys sorted: PostgreSQL's jsonb reorders them, and a replay must be the same bytes.
        return cls(status, json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False))


@dataclass(frozen=True, slots=True)
class PendingReceipt:
    """The receipt of the event being handled: its webhook-id, the body's hash, and how its
    answer is made from the use case's outcome. Written with the event's work, last (`record`,
    or `receipt_rows` in a new order's write plan)."""

    webhook_id: str
    body_hash: str
    reply_to: Callable[[Any], Reply]

    def params(self, reply: Reply) -> list[Any]:
        """The receipt row's values after merchant_id (`COLUMNS[1:]`)."""
        return [self.webhook_id, self.body_hash, reply.status, reply.text, now()]


class AlreadyReceived(Exception):
    """This webhook-id already has a receipt: leave the transaction (rolling it back) and answer
    from `stored_reply`."""


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


#: A receipt row's columns (`PendingReceipt.params` gives the values after merchant_id).
COLUMNS = ("merchant_id", "webhook_id", "body_hash", "status_code", "response", "received_at")
_INSERT = f"INSERT INTO webhook_receipt ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
#: The receipt as rows of a new order's write plan (PostgreSQL), written only with the order; a
#: receipt already there for this webhook-id fails the statement (`is_conflict`).
NEW_RECEIPT = Insert(
    "new_receipt",
    (("merchant_id", "bigint"), ("webhook_id", "text"), ("body_hash", "text"), ("status_code", "int"),
     ("response", "text"), ("received_at", "timestamptz")),
    f"INSERT INTO webhook_receipt ({', '.join(COLUMNS)}) SELECT d.merchant_id, d.webhook_id, d.body_hash,"
    " d.status_code, d.response::jsonb, d.received_at FROM {rows} WHERE {gate}",
)


def receipt_rows(merchant_id: int, receipt: PendingReceipt, reply: Reply) -> Rows:
    """The receipt keeping `reply`, as rows of the event's write plan."""
    return Rows.of(NEW_RECEIPT, [(merchant_id, *receipt.params(reply))])


def is_conflict(error: Exception) -> bool:
    """Whether `error` (from a statement writing a receipt) is the receipt's unique (merchant_id,
    webhook_id): the webhook-id was answered before, by a delivery that committed first."""
    return getattr(error.__cause__, "table_name", None) == "webhook_receipt"


async def record(merchant_id: int, receipt: PendingReceipt, reply: Reply) -> None:
    """Keep `reply` as the answer to the receipt's webhook-id; raises `AlreadyReceived` when it
    was answered before.

    Must be the last statement of the event's transaction: on PostgreSQL a failed statement
    ends the transaction. (Hand-written: it is on every event's path.)
    """
    try:
        await connection().execute_query(sql(_INSERT), [merchant_id, *receipt.params(reply)])
    except IntegrityError:
        raise AlreadyReceived(receipt.webhook_id) from None


async def stored_reply(merchant_id: int, webhook_id: str, body_digest: str) -> Reply | None:
    """The first answer to `webhook_id`, None when there is none; `ReplayConflict` (409) when the
    id was used for a different body."""
    row = await WebhookReceipt.get_or_none(merchant_id=merchant_id, webhook_id=webhook_id)
    if row is None:
        return None
    if row.body_hash != body_digest:
        raise ReplayConflict(webhook_id)
    return Reply.of(row.status_code, row.response)
