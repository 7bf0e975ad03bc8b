"""Fraud signals on the commissions side: record what an order raised, hold its commissions for
review, let the merchant approve them; list signals for the merchant.

A held commission keeps its status `pending` (so the ledger keeps it in the partner's pending
bucket, exactly as before) and gets `review = held`: the release job leaves it alone, so it never
becomes available and no payout batch can take it. Its reversals are held with it. The merchant
either approves it (`review = approved`: it goes on as any other and is released once its hold
has passed) or rejects it (the ordinary rejection, `relay.pipeline.reject_commission`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from commissions.errors import CommissionNotHeld
from commissions.models import Commission, CommissionStatus, FraudSignal, ReviewState
from commissions.service.lifecycle import locked_with_reversals
from commissions.service.records import CommissionRecord, record
from commissions.service.sql import sql, utc
from core.db import connection, current_dialect
from core.time import now
from referral.attribution import Reason
from referral.fraud import Raised, holds
from referral.service import audit
from referral.service import fraud as referral_fraud
from referral.service.audit import Actor
from referral.service.fraud import Screening
from referral.service.order_views import OrderView

HELD = ReviewState.held.value
PENDING = CommissionStatus.pending.value


@dataclass(frozen=True, slots=True)
class SignalRecord:
    """One fraud signal an order raised, as the merchant sees it."""

    id: int
    order_id: int
    partner_id: int | None
    signal: str  #: a `referral.fraud.Signal`
    action: str  #: flag or hold, as the merchant's setting said when it was raised
    detail: dict[str, Any]
    created_at: datetime


def _signal(row: FraudSignal) -> SignalRecord:
    return SignalRecord(row.id, row.order_id, row.partner_id, row.signal, row.action, row.detail, row.created_at)


_COLUMNS = ("merchant_id", "order_id", "partner_id", "signal", "action", "detail", "created_at")
_DETAIL = FraudSignal._meta.fields_map["detail"]
_CREATED_AT = FraudSignal._meta.fields_map["created_at"]
#: The order's original commissions are held in the same statement (PostgreSQL runs a WITH's
#: UPDATE whether or not the INSERT reads it).
_HOLD = "UPDATE commission SET review = ? WHERE merchant_id = ? AND order_id = ? AND reversal_of IS NULL AND status = ?"


async def screen_order(
    merchant_id: int, order: OrderView, earned: Sequence[CommissionRecord]
) -> Screening | None:
    """Screen a just-created order for fraud signals (`referral.service.fraud.screen_order`
    decides them from referral's facts) and record them, holding its commissions when a signal
    says so. Only orders that earned commissions are screened, and refused self-referrals (no
    commission, recorded all the same). One read and, when something was raised, one write."""
    if not earned and order.attribution.reason != Reason.none_self_referral.value:
        return None
    screening = await referral_fraud.screen_order(merchant_id, order)
    await record_signals(merchant_id, order.id, screening.partner_id, screening.signals)
    return screening


async def record_signals(
    merchant_id: int, order_id: int, partner_id: int | None, signals: Sequence[Raised]
) -> None:
    """Store the signals an order raised and, when one of them says `hold`, hold the order's
    commissions. One statement on PostgreSQL (none when nothing was raised); a replay writes
    nothing new. Runs inside the shop event's transaction."""
    if not signals:
        return
    at = _CREATED_AT.to_db_value(utc(now()), FraudSignal)
    rows = [
        [merchant_id, order_id, partner_id, s.signal.value, s.action.value, _DETAIL.to_db_value(s.detail, FraudSignal), at]
        for s in signals
    ]
    insert = (
        f"INSERT INTO fraud_signal ({', '.join(_COLUMNS)}) VALUES "
        + ", ".join("(" + ", ".join("?" * len(_COLUMNS)) + ")" for _ in rows)
        + " ON CONFLICT (merchant_id, order_id, signal) DO NOTHING"
    )
    params: list[Any] = [value for row in rows for value in row]
    db = connection()
    if not holds(list(signals)):
        await db.execute_query(sql(insert), params)
    elif current_dialect() == "postgres":
        await db.execute_query(sql(f"WITH held AS ({_HOLD} RETURNING id) {insert}"), [
            HELD, merchant_id, order_id, PENDING, *params
        ])
    else:
        await db.execute_query(sql(_HOLD), [HELD, merchant_id, order_id, PENDING])
        await db.execute_query(sql(insert), params)


async def approve(
    merchant_id: int, commission_id: int, *, key_id: int | None, actor: Actor | None = None
) -> CommissionRecord:
    """The merchant lets a held commission go on: it (and its reversals) are `approved` and from
    now on released, paid and reversed as any other. `CommissionNotHeld` (409) when it is not
    held, is a reversal, or is no longer pending (rejected, canceled)."""
    async with in_transaction():
        row, _ = await locked_with_reversals(merchant_id, commission_id)
        if row.reversal_of is not None:
            raise CommissionNotHeld(commission_id, f"it is a reversal; approve commission {row.reversal_of}")
        if row.review != HELD:
            raise CommissionNotHeld(commission_id, "it is not held for review")
        if row.status != PENDING:
            raise CommissionNotHeld(commission_id, f"it is {row.status}")
        await Commission.filter(merchant_id=merchant_id, review=HELD).filter(
            Q(id=commission_id) | Q(reversal_of=commission_id)
        ).update(review=ReviewState.approved.value, reviewed_at=now(), reviewed_by_key_id=key_id)
        approved = await Commission.get(merchant_id=merchant_id, id=commission_id)
        await audit.record(
            merchant_id, actor, "commission.approve", "commission", commission_id,
            before=record(row), after=record(approved),
        )
    return record(approved)


async def signals_of_orders(merchant_id: int, order_ids: Iterable[int]) -> dict[int, list[SignalRecord]]:
    """order id -> the signals it raised (oldest first); what commission responses show."""
    ids = sorted(set(order_ids))
    if not ids:
        return {}
    found: dict[int, list[SignalRecord]] = {}
    for row in await FraudSignal.filter(merchant_id=merchant_id, order_id__in=ids).order_by("id"):
        found.setdefault(row.order_id, []).append(_signal(row))
    return found


@dataclass(frozen=True, slots=True)
class SignalPage:
    items: list[SignalRecord]
    next_before_id: int | None  #: pass as `before_id` for the next page; None on the last page


async def list_signals(
    merchant_id: int,
    *,
    partner_id: int | None = None,
    signal: str | None = None,
    action: str | None = None,
    before_id: int | None = None,
    limit: int = 50,
) -> SignalPage:
    """The merchant's fraud signals, newest first (the console's list): every order that raised
    one, attributed or not (a refused self-referral has no commission but is listed here)."""
    query = FraudSignal.filter(merchant_id=merchant_id)
    for name, value in (("partner_id", partner_id), ("signal", signal), ("action", action)):
        if value is not None:
            query = query.filter(**{name: value})
    if before_id is not None:
        query = query.filter(id__lt=before_id)
    rows = await query.order_by("-id").limit(limit + 1)
    items = [_signal(row) for row in rows[:limit]]
    return SignalPage(items, items[-1].id if len(rows) > limit else None)


def flagged_orders(merchant_id: int) -> Any:
    """The ids of the merchant's orders that raised a signal, as a subquery for commission filters."""
    return FraudSignal.filter(merchant_id=merchant_id).values("order_id")

