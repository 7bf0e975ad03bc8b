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

from accounts.service import audit
from accounts.service.audit import Actor
from commissions.errors import CommissionNotHeld
from commissions.models import Commission, CommissionStatus, FraudSignal, ReviewState
from commissions.service.lifecycle import locked_with_reversals
from commissions.service.records import CommissionRecord, record
from commissions.service.sql import sql, utc
from core.db import connection
from core.sql import Relation
from core.time import now
from core.write_plan import Insert, Rows
from referral.attribution import Reason
from referral.fraud import Raised, holds
from referral.service import fraud as referral_fraud
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
    signal: str  #: a `accounts.program_settings.Signal`
    action: str  #: flag or hold, as the merchant's setting said when it was raised
    detail: dict[str, Any]
    created_at: datetime


def _signal(row: FraudSignal) -> SignalRecord:
    return SignalRecord(row.id, row.order_id, row.partner_id, row.signal, row.action, row.detail, row.created_at)


_COLUMNS = ("merchant_id", "order_id", "partner_id", "signal", "action", "detail", "created_at")
_DETAIL = FraudSignal._meta.fields_map["detail"]
_CREATED_AT = FraudSignal._meta.fields_map["created_at"]



async def screen_order(
    merchant_id: int, order: OrderView, *, earns: bool, along: Relation | None = None
) -> Screening | None:
    """Screen a new order for fraud signals (`referral.service.fraud.screen_order` decides them
    from referral's facts, one read), before its commissions are stored: when a signal says
    `hold` (`Screening.holds`), they are stored held (`earning.store_commissions(held=True)`).
    Only orders that earn commissions (`earns`) are screened, and refused self-referrals (no
    commission, recorded all the same). Nothing is written here: `record_signals` does.
    `along`: a lookup sent with the screen's read (`earning.new_ids_relation`), its values in
    `Screening.along`."""
    if not earns and order.attribution.reason != Reason.none_self_referral.value:
        return None
    return await referral_fraud.screen_order(merchant_id, order, along=along)


def holds_commissions(screening: Screening | None) -> bool:
    """Whether the order's commissions are to be stored held for the merchant's review."""
    return screening is not None and holds(list(screening.signals))


#: The signals as rows of the order's write plan (PostgreSQL): written only with the order.
NEW_SIGNALS = Insert(
    "new_fraud_signals",
    (("merchant_id", "bigint"), ("order_id", "bigint"), ("partner_id", "bigint"), ("signal", "text"),
     ("action", "text"), ("detail", "text"), ("created_at", "timestamptz")),
    f"INSERT INTO fraud_signal ({', '.join(_COLUMNS)}) SELECT d.merchant_id, d.order_id, d.partner_id, d.signal,"
    " d.action, d.detail::jsonb, d.created_at FROM {rows} WHERE {gate}"
    " ON CONFLICT (merchant_id, order_id, signal) DO NOTHING",
)


def _signal_values(
    merchant_id: int, order_id: int, partner_id: int | None, signals: Sequence[Raised]
) -> list[tuple[Any, ...]]:
    at = _CREATED_AT.to_db_value(utc(now()), FraudSignal)
    return [
        (merchant_id, order_id, partner_id, s.signal.value, s.action.value, _DETAIL.to_db_value(s.detail, FraudSignal), at)
        for s in signals
    ]


def signal_rows(merchant_id: int, order_id: int, partner_id: int | None, signals: Sequence[Raised]) -> Rows | None:
    """The signals an order raised as rows of its write plan; None when it raised none."""
    return Rows.of(NEW_SIGNALS, _signal_values(merchant_id, order_id, partner_id, signals)) if signals else None


async def record_signals(
    merchant_id: int, order_id: int, partner_id: int | None, signals: Sequence[Raised]
) -> None:
    """Store the signals an order raised (its commissions were stored held already when one of
    them says `hold`), in the caller's transaction. One statement (none when nothing was
    raised); a replay writes nothing new."""
    if not signals:
        return
    values = _signal_values(merchant_id, order_id, partner_id, signals)
    insert = (
        f"INSERT INTO fraud_signal ({', '.join(_COLUMNS)}) VALUES "
        + ", ".join("(" + ", ".join("?" * len(_COLUMNS)) + ")" for _ in values)
        + " ON CONFLICT (merchant_id, order_id, signal) DO NOTHING"
    )
    await connection().execute_query(sql(insert), [value for row in values for value in row])


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

