"""What the commissions services hand out: frozen records, never model rows."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from commissions.models import Commission


@dataclass(frozen=True, slots=True)
class CommissionRecord:
    """One commission or reversal as stored (see `commissions.models.Commission`)."""

    id: int
    merchant_id: int
    partner_id: int
    order_id: int
    order_line_id: int | None
    line_no: int | None
    level: int
    kind: str
    asset: str
    amount: int
    base_minor: int
    rule_set_version: int
    rule_id: str
    reversal_of: int | None
    refund_id: int | None
    status: str
    occurred_at: datetime
    available_at: datetime | None
    explanation: dict[str, Any]
    rejected_reason: str | None
    rejected_by_key_id: int | None
    rejected_at: datetime | None
    created_at: datetime
    payout_batch_id: int | None
    #: fraud review (commissions.models.ReviewState): None, held or approved
    review: str | None = None
    reviewed_at: datetime | None = None
    reviewed_by_key_id: int | None = None

    @property
    def is_reversal(self) -> bool:
        return self.reversal_of is not None


FIELDS = tuple(f.name for f in fields(CommissionRecord))
_FIELDS_MAP = Commission._meta.fields_map


def record(row: Commission) -> CommissionRecord:
    return CommissionRecord(**{name: getattr(row, name) for name in FIELDS})


def record_from_db(row: dict[str, Any]) -> CommissionRecord:
    """A record from a raw row (hand-written SQL), each value converted as the ORM would."""
    return CommissionRecord(**{name: _FIELDS_MAP[name].to_python_value(row[name]) for name in FIELDS})


def db_values(values: dict[str, Any]) -> list[Any]:
    """`values` in `COLUMNS` order, converted as the ORM would write them; a nullable column not
    given is null, a required one must be given."""
    row = []
    for name in COLUMNS:
        field = _FIELDS_MAP[name]
        row.append(field.to_db_value(values[name] if name in values or not field.null else None, None))
    return row


#: The columns a new commission row is inserted with.
COLUMNS = tuple(name for name in FIELDS if name != "id")
