"""Orders reported by the shop: created (and attributed), completed, canceled, refunded; and read back.

The event use cases run inside the caller's transaction (`relay/shop_events.py` opens it),
so whatever consumes their outcome (commissions) commits or rolls back with them; a new order
on PostgreSQL is planned instead (`plan_order`) and written with everything else it makes as
one statement (relay/pipeline.py). Each returns a frozen outcome saying exactly what happened, with `applied` false
when the event changed nothing (the same order or refund reported again). order.created, the
hot path, is `order_created` (`plan_order`, `write_order`, `create_order`); what the shop
sends is `order_inputs` (both re-exported here).
"""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime

from tortoise.expressions import Q

from accounts.service import settings
from core.db import connection
from core.errors import InvalidInput
from core.money import format_major
from core.sql import dollar
from referral import amounts
from referral.errors import OrderNotFound, OrderStateRefused, RefundConflict, RefundRefused, UnknownOrder
from referral.models import Order, OrderLine, OrderStatus, Refund, RefundLine
from referral.service import order_sql, order_views
from referral.service.order_created import NewOrder, create_order, plan_order, write_order
from referral.service.order_inputs import LineInput, OrderInput, RefundInput, StatusChange
from referral.service.order_views import (
    OrderDetail,
    OrderOutcome,
    OrderPage,
    RefundLineView,
    RefundOutcome,
    RefundView,
)

__all__ = [
    "LineInput", "NewOrder", "OrderInput", "RefundInput", "StatusChange", "cancel_order", "complete_order",
    "create_order", "get_order", "list_orders", "plan_order", "refund_order", "write_order",
]

# --- order.completed / order.canceled ---------------------------------------------------------------


async def complete_order(merchant_id: int, change: StatusChange) -> OrderOutcome:
    """created -> completed (the after-sales hold starts at `occurred_at`). Completing it again
    changes nothing; a canceled order cannot be completed."""
    row = await _locked(merchant_id, change.external_id)
    if row.status == OrderStatus.canceled.value:
        raise OrderStateRefused(row.external_id, row.status, "completed")
    applied = row.status == OrderStatus.created.value
    if applied:
        row.status, row.completed_at = OrderStatus.completed.value, change.occurred_at
        await row.save(update_fields=["status", "completed_at"])
    return OrderOutcome("completed", applied, await order_views.order_view(row))


async def cancel_order(merchant_id: int, change: StatusChange) -> OrderOutcome:
    """created -> canceled (its commissions become void). A completed order is refunded, not
    canceled; canceling it again changes nothing."""
    row = await _locked(merchant_id, change.external_id)
    if row.status == OrderStatus.completed.value:
        raise OrderStateRefused(row.external_id, row.status, "canceled (refund it instead)")
    applied = row.status == OrderStatus.created.value
    if applied:
        row.status, row.canceled_at = OrderStatus.canceled.value, change.occurred_at
        await row.save(update_fields=["status", "canceled_at"])
    return OrderOutcome("canceled", applied, await order_views.order_view(row))


async def _locked(merchant_id: int, external_id: str) -> Order:
    """The order, locked until the transaction ends (PostgreSQL), so events on one order queue up."""
    row = await Order.filter(merchant_id=merchant_id, external_id=external_id).select_for_update().first()
    if row is None:
        raise UnknownOrder(external_id)
    return row


# --- order.refunded ---------------------------------------------------------------------------------

async def refund_order(merchant_id: int, refund: RefundInput) -> RefundOutcome:
    """Record a refund, by lines and quantities or by an amount, split over the order's lines.

    By quantity, a line's refunded net is cumulative (``net × refunded units / quantity``),
    so returning every unit refunds exactly its net; by amount, the amount is split over the
    lines in proportion to what each has left. Nothing beyond what is left can be refunded.
    The same refund id reported again answers the stored refund; with other content it is
    `RefundConflict`.
    """
    order = await _locked(merchant_id, refund.external_id)
    content_hash = refund.content_hash()
    existing = await Refund.get_or_none(merchant_id=merchant_id, order_id=order.id, external_id=refund.refund_id)
    if existing is not None:
        if existing.content_hash != content_hash:
            raise RefundConflict(order.external_id, refund.refund_id)
        view = await order_views.order_view(order)
        return RefundOutcome(False, view, (await order_views.refund_views(merchant_id, [existing], view.lines))[0])
    if order.status == OrderStatus.canceled.value:
        raise OrderStateRefused(order.external_id, order.status, "refunded")

    db = connection()
    rows = await db.execute_query_dict(dollar(order_sql.REFUNDABLE_SQL), [merchant_id, order.id])
    lines = {
        r["sku"]: (r["id"], amounts.RefundableLine(
            r["quantity"], r["net_minor"], int(r["refunded_quantity"]), int(r["refunded_minor"])
        ))
        for r in rows
    }
    parts: list[tuple[int, int, int]] = []  # (order_line_id, units, amount_minor)
    if refund.lines is not None:
        for index, (sku, units) in enumerate(refund.lines):
            if sku not in lines:
                raise RefundRefused(f"data.lines.{index}.sku", f"order {order.external_id!r} has no line {sku!r}")
            line_id, line = lines[sku]
            if units > line.quantity_left:
                raise RefundRefused(
                    f"data.lines.{index}.quantity",
                    f"only {line.quantity_left} of {line.quantity} unit(s) of {sku!r} are left to refund",
                )
            parts.append((line_id, units, amounts.refund_for_quantity(line, units)))
    else:
        assert refund.amount_minor is not None
        left = sum(line.net_left for _, line in lines.values())
        if refund.amount_minor > left:
            raise RefundRefused(
                "data.amount", f"only {format_major(left, order.currency)} {order.currency} is left to refund"
            )
        split = amounts.refund_for_amount([line for _, line in lines.values()], refund.amount_minor)
        parts = [(line_id, 0, part) for (line_id, _), part in zip(lines.values(), split, strict=True) if part]

    row = await Refund.create(
        merchant_id=merchant_id, order_id=order.id, external_id=refund.refund_id,
        amount_minor=sum(p[2] for p in parts), occurred_at=refund.occurred_at, content_hash=content_hash,
    )
    await RefundLine.bulk_create(
        [RefundLine(merchant_id=merchant_id, refund_id=row.id, order_line_id=line_id, quantity=units, amount_minor=amount)
         for line_id, units, amount in parts]
    )
    view = await order_views.order_view(order)
    by_id = {line.id: line for line in view.lines}
    refund_view = RefundView(
        row.id, row.external_id, row.amount_minor, row.occurred_at,
        tuple(RefundLineView(i, by_id[i].line_no, by_id[i].sku, q, a) for i, q, a in parts),
    )
    return RefundOutcome(True, view, refund_view)


# --- reading ------------------------------------------------------------------------------------------


async def get_order(merchant_id: int, external_id: str) -> OrderDetail:
    """An order with its lines, refunds and attribution; `OrderNotFound` (404) otherwise."""
    row = await Order.get_or_none(merchant_id=merchant_id, external_id=external_id)
    if row is None:
        raise OrderNotFound(external_id)
    view = await order_views.order_view(row)
    refunds = await order_views.refund_views(
        merchant_id, await Refund.filter(merchant_id=merchant_id, order_id=row.id).order_by("id"), view.lines
    )
    return OrderDetail(view, tuple(refunds), sum(r.amount_minor for r in refunds))


async def list_orders(
    merchant_id: int,
    *,
    first_day: date | None = None,
    last_day: date | None = None,
    partner_id: int | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> OrderPage:
    """Orders placed from `first_day` to `last_day` (included, in the merchant's time zone),
    newest first, optionally of one partner; `cursor` continues from a previous page."""
    start, end = await settings.day_bounds(merchant_id, first_day, last_day)
    query = Order.filter(merchant_id=merchant_id)
    # In UTC: on SQLite the ORM compares the stored ISO text as it is, and that text is UTC.
    if start is not None:
        query = query.filter(occurred_at__gte=start.astimezone(UTC))
    if end is not None:
        query = query.filter(occurred_at__lt=end.astimezone(UTC))
    if partner_id is not None:
        query = query.filter(partner_id=partner_id)
    if cursor is not None:
        at, last_id = _read_cursor(cursor)
        # (Tortoise's .exclude(a=.., b=..) means NOT a AND NOT b, hence the explicit Q.)
        query = query.filter(Q(occurred_at__lt=at) | Q(occurred_at=at, id__lt=last_id))
    rows = await query.order_by("-occurred_at", "-id").limit(limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    lines = await OrderLine.filter(merchant_id=merchant_id, order_id__in=[r.id for r in rows]).order_by("line_no")
    by_order: dict[int, list[OrderLine]] = {}
    for line in lines:
        by_order.setdefault(line.order_id, []).append(line)
    items = [order_views.to_view(r, by_order.get(r.id, [])) for r in rows]
    return OrderPage(items, _make_cursor(rows[-1]) if more else None)


def _make_cursor(row: Order) -> str:
    return base64.urlsafe_b64encode(f"{row.occurred_at.isoformat()}|{row.id}".encode()).decode()


def _read_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        at, _, last_id = base64.urlsafe_b64decode(cursor.encode()).decode().partition("|")
        return datetime.fromisoformat(at).astimezone(UTC), int(last_id)
    except (ValueError, UnicodeDecodeError):
        raise InvalidInput("query.cursor: not a cursor this API gave", [
            {"field": "query.cursor", "message": "not a cursor this API gave"}
        ]) from None
