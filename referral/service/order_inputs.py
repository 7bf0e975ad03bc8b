"""What the shop sends about orders, parsed and validated by referral/schemas/orders.py: the
inputs of the order use cases (`order_created.create_order`, `orders`), and the content hash that
tells a repeated event from a different one under the same id."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class LineInput:
    sku: str
    category: str
    quantity: int
    unit_price_minor: int


@dataclass(frozen=True, slots=True)
class OrderInput:
    external_id: str
    occurred_at: datetime
    currency: str
    channel: str
    lines: tuple[LineInput, ...]
    discount_minor: int = 0
    customer_ref: str | None = None
    store_id: str | None = None
    click_id: str | None = None
    visitor_id: str | None = None
    partner_code: str | None = None

    def content_hash(self) -> str:
        return _digest([
            self.external_id, self.occurred_at.isoformat(), self.currency, self.channel,
            [[line.sku, line.category, line.quantity, line.unit_price_minor] for line in self.lines],
            self.discount_minor, self.customer_ref, self.store_id, self.click_id, self.visitor_id, self.partner_code,
        ])


@dataclass(frozen=True, slots=True)
class StatusChange:
    """order.completed or order.canceled."""

    external_id: str
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class RefundInput:
    """order.refunded: by `lines` (sku, quantity) or by `amount_minor`, never both."""

    external_id: str
    refund_id: str
    occurred_at: datetime
    lines: tuple[tuple[str, int], ...] | None = None
    amount_minor: int | None = None

    def content_hash(self) -> str:
        return _digest([
            self.external_id, self.refund_id, self.occurred_at.isoformat(),
            None if self.lines is None else [list(line) for line in self.lines], self.amount_minor,
        ])


def _digest(canonical: list[Any]) -> str:
    """What tells the same event from a different one sent under the same id."""
    return hashlib.sha256(json.dumps(canonical, separators=(",", ":")).encode()).hexdigest()
