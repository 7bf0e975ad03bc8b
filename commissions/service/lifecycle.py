"""What happens to commissions after the order: completion, cancellation, refunds, release, rejection.

Amounts are never updated: a refund appends reversals (negative rows), everything else only
moves a status or sets `available_at`. The shop-event pipeline calls the `on_*` functions inside
its transaction; `release` is the cron job; `reject` is the merchant's decision.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from commissions.errors import CommissionNotFound, CommissionNotRejectable, OrderAlreadyCompleted
from commissions.models import COUNTING, Commission, CommissionStatus, ReviewState
from commissions.reversals import Refunded, kept_order_reversal, line_reversal, order_reversal
from commissions.service.records import COLUMNS, CommissionRecord, db_values, record, record_from_db
from commissions.service.rule_sets import partial_refund_policies
from commissions.service.sql import advisory_lock, insert_returning, sql, utc
from commissions.service.terms import cached_evaluation_terms, hold_days
from core.db import connection
from core.time import now
from referral.service.sales import LineRefundHistory, refund_history

_FIELD_AVAILABLE_AT = Commission._meta.fields_map["available_at"]
PENDING = CommissionStatus.pending.value
AVAILABLE = CommissionStatus.available.value


async def on_order_completed(merchant_id: int, order_id: int, completed_at: datetime) -> int:
    """Start the after-sales hold: the order's pending commissions (and reversals) become
    available at `completed_at` + the merchant's hold days. One UPDATE; a repeated completion
    changes nothing. Returns how many rows got their `available_at`."""
    available_at = utc(completed_at) + timedelta(days=await hold_days(merchant_id))
    return await Commission.filter(
        merchant_id=merchant_id, order_id=order_id, status=PENDING, available_at__isnull=True
    ).update(available_at=available_at)


async def on_order_canceled(merchant_id: int, order_id: int) -> list[CommissionRecord]:
    """Void the order's pending commissions (status `canceled`); returns the voided rows.

    A completed order is not canceled but refunded: its commissions may be available already,
    so `OrderAlreadyCompleted` (409) sends the caller to the refund path.
    """
    async with in_transaction():
        completed = await Commission.filter(merchant_id=merchant_id, order_id=order_id).filter(
            available_at__isnull=False
        ).exists()
        if completed:
            raise OrderAlreadyCompleted(order_id)
        voided = await connection().execute_query_dict(
            sql(
                "UPDATE commission SET status = ? WHERE merchant_id = ? AND order_id = ? AND status = ?"
                " RETURNING *"
            ),
            [CommissionStatus.canceled.value, merchant_id, order_id, PENDING],
        )
    return [record_from_db(row) for row in voided]


@dataclass(frozen=True, slots=True)
class RefundLine:
    """The part of one refund that falls on one order line (this refund only, not a running total)."""

    order_line_id: int
    quantity: int  #: units returned; 0 for an amount-only refund
    amount_minor: int  #: net amount refunded on the line


async def on_refund(
    merchant_id: int,
    order_id: int,
    refund_id: int,
    refund_lines: Iterable[RefundLine],
    occurred_at: datetime,
) -> list[CommissionRecord]:
    """Append the reversals one refund causes, and return them.

    Every pending or available commission of a refunded line gets a reversal; a per-order
    commission gets one in proportion to the order's refunded net when its rule says `prorate`,
    and only once the whole net is refunded when it says `keep` (the default). The amounts come from
    `commissions.reversals` over cumulative refunded totals, so the reversals of a fully refunded
    line (or order) sum to exactly minus the commission. The refund (and the order's earlier
    refunds) must already be recorded by referral: earlier refunds are read from there.

    A reversal of an available commission is available from max(its `available_at`, the refund);
    a reversal of a pending one stays pending with the same `available_at`, so both release
    together. Calling it again for the same refund returns the reversals already stored.
    """
    refunded_at = utc(occurred_at)
    this_refund: dict[int, Refunded] = {}
    for line in refund_lines:
        seen = this_refund.get(line.order_line_id, Refunded())
        this_refund[line.order_line_id] = Refunded(seen.quantity + line.quantity, seen.amount_minor + line.amount_minor)
    async with in_transaction():
        # Refunds of one order are reversed one at a time: each reads what the earlier ones took.
        await advisory_lock("order_refunds", merchant_id, order_id)
        done = await Commission.filter(merchant_id=merchant_id, order_id=order_id, refund_id=refund_id)
        if done:
            return [record(row) for row in sorted(done, key=lambda row: row.id)]
        # Locked: a concurrent reject either happens first (and the original is skipped) or
        # finds this reversal committed and voids it too.
        originals = await Commission.filter(
            merchant_id=merchant_id, order_id=order_id, reversal_of=None, status__in=COUNTING
        ).order_by("id").select_for_update()
        if not originals or not this_refund:
            return []
        history = await refund_history(merchant_id, order_id, refund_id)
        per_order = {(o.rule_set_version, o.rule_id) for o in originals if o.order_line_id is None}
        policies = await partial_refund_policies(
            merchant_id, per_order, (await cached_evaluation_terms(merchant_id)).currency
        ) if per_order else {}
        created_at = now()
        rows = []
        for original in originals:
            policy = policies.get((original.rule_set_version, original.rule_id), "keep")
            reversed_now = _reversal(original, history, this_refund, policy)
            if reversed_now is None or reversed_now[0] == 0:
                continue
            amount, base, share = reversed_now
            if original.status == AVAILABLE:
                status, available_at = AVAILABLE, max(original.available_at or refunded_at, refunded_at)
            else:
                status, available_at = PENDING, original.available_at
            rows.append(db_values({
                "merchant_id": merchant_id,
                "partner_id": original.partner_id,
                "order_id": order_id,
                "order_line_id": original.order_line_id,
                "line_no": original.line_no,
                "level": original.level,
                "kind": original.kind,
                "asset": original.asset,
                "amount": amount,
                "base_minor": base,
                "rule_set_version": original.rule_set_version,
                "rule_id": original.rule_id,
                "reversal_of": original.id,
                "refund_id": refund_id,
                "status": status,
                "occurred_at": refunded_at,
                "available_at": available_at,
                "explanation": {
                    "reversal_of": original.id,
                    "refund_id": refund_id,
                    "original_amount": original.amount,
                    "refunded": share,
                    "amount": amount,
                    "why": WHY[share.get("partial_refund", "prorate")],
                },
                "rejected_reason": None,
                "rejected_by_key_id": None,
                "rejected_at": None,
                "created_at": created_at,
                # held with its original: never released (negative, into available) while it waits
                "review": original.review,
            }))
        if not rows:
            return []
        inserted = await insert_returning(Commission._meta.db_table, COLUMNS, rows)
    return sorted((record_from_db(row) for row in inserted), key=lambda r: r.id)


#: The reversal's explanation in words, by how it was computed: a share of what was refunded
#: (lines, and per-order amounts its rule prorates), or a per-order amount kept until the whole
#: order was refunded.
WHY = {
    "prorate": "a refund takes back the commission's share of what was refunded",
    "keep": "an amount per order stays through partial refunds; the refund of the whole order takes it back",
}


def _reversal(
    original: Commission, history: dict[int, LineRefundHistory], this_refund: dict[int, Refunded], policy: str,
) -> tuple[int, int, dict] | None:
    """(amount, base, explanation of the share) of one original's reversal, or None if untouched;
    `policy` is its rule's `partial_refund` (per-order commissions only)."""
    if original.order_line_id is not None:
        refund = this_refund.get(original.order_line_id)
        line = history.get(original.order_line_id)
        if refund is None or line is None:
            return None
        before = Refunded(line.refunded_quantity, line.refunded_minor)
        after = Refunded(before.quantity + refund.quantity, before.amount_minor + refund.amount_minor)
        amount = line_reversal(
            original.amount, line=Refunded(line.quantity, line.net_minor), before=before, after=after
        )
        share = {
            "scope": "line", "line_quantity": line.quantity, "line_net_minor": line.net_minor,
            "refunded_quantity_before": before.quantity, "refunded_minor_before": before.amount_minor,
            "refunded_quantity_after": after.quantity, "refunded_minor_after": after.amount_minor,
        }
        return amount, -refund.amount_minor, share
    order_net = sum(line.net_minor for line in history.values())
    if order_net <= 0:
        return None
    before_minor = min(sum(line.refunded_minor for line in history.values()), order_net)
    refund_minor = sum(refund.amount_minor for line_id, refund in this_refund.items() if line_id in history)
    after_minor = min(before_minor + refund_minor, order_net)
    reverse = kept_order_reversal if policy == "keep" else order_reversal
    amount = reverse(
        original.amount, order_net_minor=order_net, refunded_before_minor=before_minor, refunded_after_minor=after_minor
    )
    share = {
        "scope": "order", "order_net_minor": order_net,
        "refunded_minor_before": before_minor, "refunded_minor_after": after_minor, "partial_refund": policy,
    }
    return amount, -refund_minor, share


async def release(at: datetime | None = None, *, merchant_id: int | None = None) -> list[CommissionRecord]:
    """Move every pending commission and reversal whose `available_at` has come to `available`,
    except those held for the merchant's fraud review (`review = held`, see commissions/service/fraud.py).

    One set-based UPDATE ... RETURNING, idempotent: running it twice, or from cron on several
    hosts at once, moves each row once (on PostgreSQL a concurrent run waits on the rows being
    moved, then finds them no longer pending). It runs for every merchant unless `merchant_id`
    narrows it. Returns the moved rows (the ledger posts them as made available).
    """
    query = (
        "UPDATE commission SET status = ? WHERE status = ? AND available_at <= ?"
        " AND (review IS NULL OR review <> ?)"
    )
    params: list[object] = [
        AVAILABLE, PENDING, _FIELD_AVAILABLE_AT.to_db_value(utc(at or now()), Commission), ReviewState.held.value
    ]
    if merchant_id is not None:
        query += " AND merchant_id = ?"
        params.append(merchant_id)
    moved = await connection().execute_query_dict(sql(query + " RETURNING *"), params)
    return [record_from_db(row) for row in moved]


async def locked_with_reversals(merchant_id: int, commission_id: int) -> tuple[Commission, list[Commission]]:
    """The commission and the rows of it and its reversals, locked until the transaction ends
    (PostgreSQL); `CommissionNotFound` (404) when the merchant has no such commission."""
    rows = await Commission.filter(merchant_id=merchant_id).filter(
        Q(id=commission_id) | Q(reversal_of=commission_id)
    ).select_for_update()
    row = next((r for r in rows if r.id == commission_id), None)
    if row is None:
        raise CommissionNotFound(commission_id)
    return row, rows


async def reject(
    merchant_id: int, commission_id: int, *, reason: str, key_id: int | None
) -> list[CommissionRecord]:
    """The merchant refuses a commission (fraud, a mistake) while it is pending or available and
    no payout batch holds it.

    Its reversals are voided with it (rejected too), so they stop counting: nothing of the
    original remains. A reversal cannot be rejected on its own: reject its original.
    Returns the rows it voided, the original first.
    """
    async with in_transaction():
        # The original and its reversals are locked: a payout batch cannot claim one meanwhile.
        row, rows = await locked_with_reversals(merchant_id, commission_id)
        if row.reversal_of is not None:
            raise CommissionNotRejectable(commission_id, f"it is a reversal; reject commission {row.reversal_of}")
        if row.status not in COUNTING:
            raise CommissionNotRejectable(commission_id, f"it is {row.status}")
        claimed = next((r.payout_batch_id for r in rows if r.payout_batch_id is not None), None)
        if claimed is not None:
            raise CommissionNotRejectable(commission_id, f"payout batch {claimed} holds it (or one of its reversals)")
        at = now()
        await Commission.filter(merchant_id=merchant_id, id=commission_id).update(
            status=CommissionStatus.rejected.value, rejected_reason=reason, rejected_by_key_id=key_id, rejected_at=at
        )
        await Commission.filter(merchant_id=merchant_id, reversal_of=commission_id, status__in=COUNTING).update(
            status=CommissionStatus.rejected.value,
            rejected_reason=f"commission {commission_id} was rejected",
            rejected_by_key_id=key_id,
            rejected_at=at,
        )
        voided = [r.id for r in rows if r.id == commission_id or r.status in COUNTING]
        after = await Commission.filter(merchant_id=merchant_id, id__in=voided).order_by("id")
    return sorted((record(r) for r in after), key=lambda r: r.id != commission_id)
