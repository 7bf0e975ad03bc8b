"""Orders and refunds as the referral domain hands them out: frozen views, and how rows become them.

The event use cases return `OrderOutcome` / `RefundOutcome`; the next step of the event
pipeline (commissions) reads them, so they carry every amount it needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from referral.models import Order, OrderLine, Refund, RefundLine
from referral.service.sales import RulePartner


@dataclass(frozen=True, slots=True)
class LineView:
    id: int
    line_no: int
    sku: str
    category: str
    quantity: int
    unit_price_minor: int
    gross_minor: int
    discount_minor: int  #: this line's share of the order discount
    net_minor: int  #: what commissions are computed on


@dataclass(frozen=True, slots=True)
class AttributionView:
    partner_id: int | None
    reason: str  #: a `referral.attribution.Reason`
    click_id: str | None
    link_id: int | None
    scene: str | None
    is_first_order: bool
    #: The partner and their active recruiter as commissions evaluate them, when they were read
    #: with the attribution (order.created); empty otherwise, and the commissions step reads them.
    earners: tuple[RulePartner, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class OrderView:
    id: int
    external_id: str
    status: str
    customer_ref: str | None
    currency: str
    channel: str
    store_id: str | None
    occurred_at: datetime
    subtotal_minor: int
    discount_minor: int
    total_minor: int
    completed_at: datetime | None
    canceled_at: datetime | None
    attribution: AttributionView
    lines: tuple[LineView, ...]


@dataclass(frozen=True, slots=True)
class OrderOutcome:
    """What an order event did: `event` is created, completed or canceled."""

    event: str
    applied: bool
    order: OrderView


@dataclass(frozen=True, slots=True)
class RefundLineView:
    order_line_id: int
    line_no: int
    sku: str
    quantity: int  #: units returned; 0 for an amount-only refund
    amount_minor: int  #: net refunded on this line


@dataclass(frozen=True, slots=True)
class RefundView:
    id: int
    external_id: str
    amount_minor: int
    occurred_at: datetime
    lines: tuple[RefundLineView, ...]


@dataclass(frozen=True, slots=True)
class RefundOutcome:
    applied: bool
    order: OrderView
    refund: RefundView


@dataclass(frozen=True, slots=True)
class OrderDetail:
    order: OrderView
    refunds: tuple[RefundView, ...]
    refunded_minor: int


@dataclass(frozen=True, slots=True)
class OrderPage:
    items: list[OrderView]
    next_cursor: str | None



# --- from rows ---------------------------------------------------------------------------------------


async def order_view(row: Order) -> OrderView:
    lines = await OrderLine.filter(merchant_id=row.merchant_id, order_id=row.id).order_by("line_no")
    return to_view(row, lines)


def to_view(row: Order, lines: Sequence[OrderLine]) -> OrderView:
    return OrderView(
        id=row.id,
        external_id=row.external_id,
        status=row.status,
        customer_ref=row.customer_ref,
        currency=row.currency,
        channel=row.channel,
        store_id=row.store_id,
        occurred_at=row.occurred_at,
        subtotal_minor=row.subtotal_minor,
        discount_minor=row.discount_minor,
        total_minor=row.total_minor,
        completed_at=row.completed_at,
        canceled_at=row.canceled_at,
        attribution=AttributionView(row.partner_id, row.attribution, row.click_id, row.link_id, row.scene,
                                    row.is_first_order),
        lines=tuple(
            LineView(line.id, line.line_no, line.sku, line.category, line.quantity, line.unit_price_minor,
                     line.gross_minor, line.discount_minor, line.net_minor)
            for line in lines
        ),
    )


async def refund_views(merchant_id: int, refunds: Sequence[Refund], lines: Sequence[LineView]) -> list[RefundView]:
    by_id = {line.id: line for line in lines}
    parts = await RefundLine.filter(merchant_id=merchant_id, refund_id__in=[r.id for r in refunds]).order_by("id")
    by_refund: dict[int, list[RefundLineView]] = {}
    for p in parts:
        line = by_id[p.order_line_id]
        by_refund.setdefault(p.refund_id, []).append(
            RefundLineView(p.order_line_id, line.line_no, line.sku, p.quantity, p.amount_minor)
        )
    return [
        RefundView(r.id, r.external_id, r.amount_minor, r.occurred_at, tuple(by_refund.get(r.id, ())))
        for r in refunds
    ]


