"""Commission set-up: referral orders and refunds written straight into the referral tables (as the
shop-event pipeline would have recorded them), rule sets published through the real service."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from commissions.service import rule_sets
from commissions.service.earning import OrderForCommission, OrderLineForCommission
from commissions.service.lifecycle import RefundLine as RefundPart
from core.money import allocate
from referral.models import Order, OrderLine, Refund, RefundLine

_numbers = itertools.count(1)


@dataclass
class MadeOrder:
    order: Order
    lines: list[OrderLine]

    @property
    def id(self) -> int:
        return self.order.id

    def line(self, line_no: int) -> OrderLine:
        return next(line for line in self.lines if line.line_no == line_no)

    def for_commission(self) -> OrderForCommission:
        """The order as the pipeline hands it to `commission_order`."""
        o = self.order
        return OrderForCommission(
            order_id=o.id, partner_id=o.partner_id, occurred_at=o.occurred_at, channel=o.channel, scene=o.scene,
            is_first_order=o.is_first_order, subtotal_minor=o.subtotal_minor, currency=o.currency,
            lines=tuple(
                OrderLineForCommission(line.id, line.line_no, line.sku, line.category, line.quantity, line.net_minor)
                for line in self.lines
            ),
        )


async def make_order(
    merchant_id: int,
    partner_id: int | None,
    lines: list[tuple[str, str, int, int]],
    *,
    at: datetime = datetime(2026, 3, 10, 4, 0, tzinfo=UTC),
    discount_minor: int = 0,
    currency: str = "CNY",
    channel: str = "online",
    scene: str | None = "personal",
    is_first_order: bool = False,
    status: str = "created",
    **overrides: Any,
) -> MadeOrder:
    """An order with `lines` of (sku, category, quantity, unit price minor); the discount is split
    over the lines by gross, as referral does."""
    grosses = [quantity * price for _, _, quantity, price in lines]
    shares = allocate(discount_minor, grosses)
    subtotal = sum(grosses)
    order = await Order.create(
        merchant_id=merchant_id, external_id=f"order-{next(_numbers)}", currency=currency, channel=channel,
        occurred_at=at, subtotal_minor=subtotal, discount_minor=discount_minor, total_minor=subtotal - discount_minor,
        status=status, partner_id=partner_id, attribution="partner_code" if partner_id else "none_no_touch",
        scene=scene, is_first_order=is_first_order, content_hash="0" * 64, **overrides,
    )
    rows = []
    for line_no, ((sku, category, quantity, price), gross, share) in enumerate(
        zip(lines, grosses, shares, strict=True), start=1
    ):
        rows.append(await OrderLine.create(
            merchant_id=merchant_id, order_id=order.id, line_no=line_no, sku=sku, category=category,
            quantity=quantity, unit_price_minor=price, gross_minor=gross, discount_minor=share,
            net_minor=gross - share,
        ))
    return MadeOrder(order, rows)


async def make_refund(
    made: MadeOrder, parts: list[tuple[int, int, int]], *, at: datetime = datetime(2026, 3, 20, tzinfo=UTC)
) -> tuple[Refund, list[RefundPart]]:
    """A recorded refund of (line_no, quantity, amount_minor) parts; returns it and the parts as
    the pipeline hands them to `on_refund`."""
    order = made.order
    refund = await Refund.create(
        merchant_id=order.merchant_id, order_id=order.id, external_id=f"refund-{next(_numbers)}",
        amount_minor=sum(amount for _, _, amount in parts), occurred_at=at, content_hash="0" * 64,
    )
    handed = []
    for line_no, quantity, amount in parts:
        line = made.line(line_no)
        await RefundLine.create(
            merchant_id=order.merchant_id, refund_id=refund.id, order_line_id=line.id, quantity=quantity,
            amount_minor=amount,
        )
        handed.append(RefundPart(line.id, quantity, amount))
    return refund, handed


async def publish_rule_set(merchant_id: int, content: dict[str, Any]) -> int:
    """Create and publish a rule-set version; returns its number."""
    draft = await rule_sets.create_draft(merchant_id, content)
    await rule_sets.publish(merchant_id, draft.version)
    return draft.version


def percent_rule(rule_id: str, percent: str, *, level: int = 1, **rest: Any) -> dict[str, Any]:
    return {"id": rule_id, "level": level, "reward": {"percent": percent}, **rest}
