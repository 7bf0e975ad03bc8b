"""The audit log: every change a person makes, with who, when, what, and the state before and after.

A service that changes something a person asked for takes ``actor=`` and calls `record` inside
its own transaction, so the entry is written with the change or not at all. Any domain may
call it (every domain may call accounts' services). ``actor=None`` means no person asked
(a job, the demo seed): nothing is recorded.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from moneyed import Money

from accounts.models import AuditEntry
from core.api import Principal
from core.time import now


@dataclass(frozen=True, slots=True)
class Actor:
    """Who made a change: an API key (its id and role), or a staff account signed in to a console."""

    kind: str  #: api_key, staff, partner or system
    id: str
    role: str = ""

    @classmethod
    def api_key(cls, principal: Principal) -> Actor:
        return cls("api_key", str(principal.key_id), principal.role)

    @classmethod
    def staff(cls, account_id: int, role: str) -> Actor:
        """A person signed in to a console (the pages pass this)."""
        return cls("staff", str(account_id), role)

    @classmethod
    def partner(cls, partner_id: int) -> Actor:
        """A partner acting for themselves (the portal, the partner API)."""
        return cls("partner", str(partner_id))

    @classmethod
    def system(cls, name: str) -> Actor:
        """A command run by a person from a shell (`relay payouts approve`)."""
        return cls("system", name)

    def __str__(self) -> str:
        return {"api_key": "key", "staff": "staff"}.get(self.kind, self.kind) + f" {self.id}"


def actor_of(principal: Principal | None) -> Actor | None:
    """The actor of an API call (endpoints: ``actor_of(call.principal)``)."""
    return None if principal is None else Actor.api_key(principal)


def jsonable(value: Any) -> Any:
    """`value` as JSON: dataclasses and mappings as objects, instants as ISO text, money as
    minor units with the currency, enums as their value."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, enum.Enum):
        return jsonable(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Money):
        return {"amount": str(value.amount), "currency": value.currency.code}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(item) for item in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return str(value)


async def record(
    merchant_id: int,
    actor: Actor | None,
    action: str,
    subject_type: str,
    subject_id: int | str,
    *,
    before: Any = None,
    after: Any = None,
) -> None:
    """One audit entry, in the caller's transaction; nothing when no person acted (`actor` None)."""
    if actor is None:
        return
    await AuditEntry.create(
        merchant_id=merchant_id,
        occurred_at=now(),
        actor_kind=actor.kind,
        actor_id=actor.id,
        actor_role=actor.role,
        action=action,
        subject_type=subject_type,
        subject_id=str(subject_id),
        before=jsonable(before),
        after=jsonable(after),
    )


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AuditInfo:
    id: int
    occurred_at: datetime
    actor: Actor
    action: str
    subject_type: str
    subject_id: str
    before: Any
    after: Any


@dataclass(frozen=True, slots=True)
class AuditPage:
    items: list[AuditInfo]
    #: pass as `before_id` for the next (older) page; None on the last page
    next_before_id: int | None


async def list_entries(
    merchant_id: int,
    *,
    action: str | None = None,
    subject_type: str | None = None,
    subject_id: str | None = None,
    actor_kind: str | None = None,
    actor_id: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    before_id: int | None = None,
    limit: int = 50,
) -> AuditPage:
    """The merchant's entries, newest first, filtered; [start, end) on `occurred_at`; pages by id."""
    query = AuditEntry.filter(merchant_id=merchant_id)
    filters = {
        "action": action, "subject_type": subject_type, "subject_id": subject_id,
        "actor_kind": actor_kind, "actor_id": actor_id, "occurred_at__gte": start, "occurred_at__lt": end,
        "id__lt": before_id,
    }
    query = query.filter(**{name: value for name, value in filters.items() if value is not None})
    rows = await query.order_by("-id").limit(limit + 1)
    items = [
        AuditInfo(
            row.id, row.occurred_at, Actor(row.actor_kind, row.actor_id, row.actor_role), row.action,
            row.subject_type, row.subject_id, row.before, row.after,
        )
        for row in rows[:limit]
    ]
    return AuditPage(items, items[-1].id if len(rows) > limit else None)
