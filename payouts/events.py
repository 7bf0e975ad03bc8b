"""The events Relay sends the merchant, and their payloads (pure: no database).

Each payload is the Standard Webhooks shape ``{"type", "timestamp", "data"}``; amounts are
given twice, as integer minor units (``amount_minor``, exact) and as a decimal string in major
units (``amount``) next to their ``asset`` (an ISO currency, or PTS for points).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from commissions.service.records import CommissionRecord
from core.money import format_major
from payouts.models import line_reference
from payouts.service.batch_queries import BatchInfo, StatusTotal


class EventType(StrEnum):
    commission_created = "commission.created"  #: a partner earned a (positive) commission on an order
    commission_reversed = "commission.reversed"  #: a refund took (part of) a commission back
    payout_line_paid = "payout.line_paid"  #: the bank confirmed a partner's transfer
    payout_line_failed = "payout.line_failed"  #: the bank refused it; the money is available again
    payout_batch_drafted = "payout.batch_drafted"  #: the schedule drafted a batch for finance to review


@dataclass(frozen=True, slots=True)
class Event:
    """An event to enqueue: its type and its `data` (the envelope is added by the outbox)."""

    type: EventType
    data: dict[str, Any]


def envelope(event: Event, at: datetime) -> dict[str, Any]:
    """The body sent to the merchant: ``{"type", "timestamp", "data"}``."""
    return {"type": event.type.value, "timestamp": at.isoformat(), "data": event.data}


def _commission(row: CommissionRecord, order_external_id: str) -> dict[str, Any]:
    return {
        "commission_id": row.id,
        "partner_id": row.partner_id,
        "order_id": row.order_id,
        "order_external_id": order_external_id,
        "level": row.level,
        "kind": row.kind,
        "asset": row.asset,
        "amount_minor": row.amount,
        "amount": format_major(row.amount, row.asset),
        "status": row.status,
        "rule_id": row.rule_id,
        "occurred_at": row.occurred_at.isoformat(),
    }


def commissions_created(rows: Iterable[CommissionRecord], order_external_id: str) -> Iterator[Event]:
    """`commission.created` for each new positive commission (a zero commission is not news)."""
    for row in rows:
        if row.amount > 0 and not row.is_reversal:
            yield Event(EventType.commission_created, _commission(row, order_external_id))


def commissions_reversed(
    rows: Iterable[CommissionRecord], order_external_id: str, refund_external_id: str
) -> Iterator[Event]:
    """`commission.reversed` for each reversal a refund made (its amount is negative)."""
    for row in rows:
        if row.is_reversal and row.amount != 0:
            data = _commission(row, order_external_id) | {
                "reversal_of": row.reversal_of,
                "refund_id": row.refund_id,
                "refund_external_id": refund_external_id,
            }
            yield Event(EventType.commission_reversed, data)


def payout_lines(
    batch_id: int, lines: Iterable[dict[str, Any]], paid: bool, reasons: dict[int, str], settled_at: datetime
) -> Iterator[Event]:
    """`payout.line_paid` or `payout.line_failed` for lines (rows of payout_batch_line) that just
    took that outcome."""
    kind = EventType.payout_line_paid if paid else EventType.payout_line_failed
    for line in lines:
        asset, net = line["asset"], int(line["net_minor"])
        yield Event(kind, {
            "batch_id": batch_id,
            "line_id": line["id"],
            "reference": line_reference(batch_id, line["id"]),
            "partner_id": line["partner_id"],
            "asset": asset,
            "gross_minor": int(line["gross_minor"]),
            "withheld_minor": int(line["withheld_minor"]),
            "net_minor": net,
            "net": format_major(net, asset),
            "reason": None if paid else reasons.get(line["id"]),
            "settled_at": settled_at.isoformat(),
        })


def batch_drafted(batch: BatchInfo) -> Event:
    """`payout.batch_drafted` for a draft the payout schedule made (finance reviews and approves it)."""
    totals = batch.totals

    def part(total: StatusTotal) -> dict[str, Any]:
        return {
            "lines": total.lines, "gross_minor": total.gross_minor, "gross": format_major(total.gross_minor, batch.asset),
            "net_minor": total.net_minor, "net": format_major(total.net_minor, batch.asset),
        }

    return Event(EventType.payout_batch_drafted, {
        "batch_id": batch.id,
        "asset": batch.asset,
        "cutoff": batch.cutoff.isoformat(),
        "status": batch.status,
        "payout": part(totals.payout),
        "carried_forward": part(totals.carried_forward),
        "held": part(totals.held),
    })
