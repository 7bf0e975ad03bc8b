"""Recording notices (one per partner and event, in the caller's transaction) and the partner's
inbox: list, read, unread count."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core.sql import chunks, execute, marks, utc
from core.time import now as current_time
from core.write_plan import Insert, Rows
from notifications.errors import NotificationNotFound
from notifications.kinds import Delivery, Kind
from notifications.models import Notification

#: Rows per INSERT: 9 parameters each, far below both engines' limits.
NOTICES_PER_INSERT = 500

_PARAMS = Notification._meta.fields_map["params"]
_COLUMNS = ("merchant_id", "partner_id", "kind", "event_key", "params", "created_at", "delivery", "attempts",
            "next_attempt_at")


#: The notices as rows of a new order's write plan (PostgreSQL): written only with the order.
NEW_NOTICES = Insert(
    "new_notices",
    (("merchant_id", "bigint"), ("partner_id", "bigint"), ("kind", "text"), ("event_key", "text"), ("params", "text"),
     ("created_at", "timestamptz"), ("delivery", "text"), ("attempts", "int"), ("next_attempt_at", "timestamptz")),
    f"INSERT INTO notification ({', '.join(_COLUMNS)}) SELECT d.merchant_id, d.partner_id, d.kind, d.event_key,"
    " d.params::jsonb, d.created_at, d.delivery, d.attempts, d.next_attempt_at FROM {rows} WHERE {gate}"
    " ON CONFLICT (merchant_id, partner_id, event_key) DO NOTHING",
)


@dataclass(frozen=True, slots=True)
class Notice:
    """What to tell one partner. `event_key` names the event (``line:42:paid``): a notice whose
    key the partner already has is not written again, so reporting an event twice tells once."""

    partner_id: int
    kind: Kind
    event_key: str
    params: Mapping[str, Any] = field(default_factory=dict)


def _rows(merchant_id: int, notices: Sequence[Notice]) -> list[tuple[Any, ...]]:
    """Each notice's row, in `_COLUMNS` order: due now, never tried."""
    at = utc(current_time())
    return [
        (merchant_id, notice.partner_id, notice.kind.value, notice.event_key,
         _PARAMS.to_db_value(dict(notice.params), None), at, Delivery.pending.value, 0, at)
        for notice in notices
    ]


def notice_rows(merchant_id: int, notices: Sequence[Notice]) -> Rows | None:
    """`notices` as rows of a new order's write plan; None when there are none."""
    return Rows.of(NEW_NOTICES, _rows(merchant_id, notices)) if notices else None


async def notify(merchant_id: int, notices: Sequence[Notice]) -> int:
    """Write `notices` into their partners' inboxes (and the outbox of their emails and SMS), in
    the caller's transaction, a multi-row INSERT per 500; those already written are skipped.
    Returns how many were asked for."""
    for part in chunks(list(notices), NOTICES_PER_INSERT):
        values = [value for row in _rows(merchant_id, part) for value in row]
        await execute(
            f"INSERT INTO notification ({', '.join(_COLUMNS)}) VALUES {', '.join([f'({marks(9)})'] * len(part))}"
            " ON CONFLICT (merchant_id, partner_id, event_key) DO NOTHING",
            values,
        )
    return len(notices)


@dataclass(frozen=True, slots=True)
class NoticeInfo:
    id: int
    kind: Kind
    params: Mapping[str, Any]
    created_at: datetime
    read_at: datetime | None

    @property
    def unread(self) -> bool:
        return self.read_at is None


def _info(row: Notification) -> NoticeInfo:
    return NoticeInfo(id=row.id, kind=Kind(row.kind), params=row.params or {}, created_at=row.created_at,
                      read_at=row.read_at)


async def inbox(merchant_id: int, partner_id: int, *, limit: int = 50, before_id: int | None = None) -> list[NoticeInfo]:
    """The partner's notices, newest first; `before_id` pages on."""
    query = Notification.filter(merchant_id=merchant_id, partner_id=partner_id)
    if before_id is not None:
        query = query.filter(id__lt=before_id)
    return [_info(row) for row in await query.order_by("-id").limit(limit)]


async def unread_count(merchant_id: int, partner_id: int) -> int:
    return await Notification.filter(merchant_id=merchant_id, partner_id=partner_id, read_at=None).count()


async def read_notice(merchant_id: int, partner_id: int, notification_id: int) -> NoticeInfo:
    """One of the partner's notices, marked read; another partner's is NotificationNotFound (404)."""
    row = await Notification.get_or_none(id=notification_id, merchant_id=merchant_id, partner_id=partner_id)
    if row is None:
        raise NotificationNotFound(notification_id)
    if row.read_at is None:
        row.read_at = current_time()
        await Notification.filter(id=row.id, read_at=None).update(read_at=row.read_at)
    return _info(row)


async def read_all(merchant_id: int, partner_id: int) -> int:
    """Marks every unread notice of the partner read; returns how many."""
    return await Notification.filter(merchant_id=merchant_id, partner_id=partner_id, read_at=None).update(
        read_at=current_time())
