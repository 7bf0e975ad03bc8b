"""Order and refund amounts in integer minor units: line nets and refund splits, pure and exact.

Every split goes through `core.money.allocate` (largest remainder), so parts always sum to
the whole: the order discount over the lines, and an amount-only refund over what each line
has left to refund.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.money import MAX_MINOR, allocate


@dataclass(frozen=True, slots=True)
class LineNet:
    gross_minor: int  #: quantity × unit price
    discount_minor: int  #: this line's share of the order discount
    net_minor: int  #: gross − share: what commissions are computed on


@dataclass(frozen=True, slots=True)
class RefundableLine:
    """An order line as a refund sees it: what it was, and what earlier refunds took."""

    quantity: int
    net_minor: int
    refunded_quantity: int = 0
    refunded_minor: int = 0

    @property
    def quantity_left(self) -> int:
        return self.quantity - self.refunded_quantity

    @property
    def net_left(self) -> int:
        return self.net_minor - self.refunded_minor


class AmountOverflow(ValueError):
    """An amount would not fit a BIGINT column."""


def line_nets(lines: Sequence[tuple[int, int]], discount_minor: int) -> list[LineNet]:
    """Gross, discount share and net of each `(quantity, unit_price_minor)` line.

    The discount is split over the lines in proportion to their gross (largest
    remainder), so the shares sum to exactly `discount_minor`.
    """
    grosses = [quantity * unit_price for quantity, unit_price in lines]
    if any(g > MAX_MINOR for g in grosses) or sum(grosses) > MAX_MINOR:
        raise AmountOverflow("an order amount does not fit 64 bits")
    if not 0 <= discount_minor <= sum(grosses):
        raise ValueError("the discount must be between 0 and the subtotal")
    shares = allocate(discount_minor, grosses)
    return [LineNet(g, s, g - s) for g, s in zip(grosses, shares, strict=True)]


def net_share(net_minor: int, units: int, quantity: int) -> int:
    """`net_minor` × units / quantity, rounded half up (largest remainder over two parts)."""
    return allocate(net_minor, [units, quantity - units])[0]


def refund_for_quantity(line: RefundableLine, units: int) -> int:
    """Net refunded when `units` more units of `line` come back.

    Cumulative: the units refunded so far map to ``net × refunded / quantity``, so
    refunding every unit, in any number of steps, refunds exactly the line's net. Never
    more than the line has left (an amount-only refund may already have taken part of it).
    """
    if not 0 < units <= line.quantity_left:
        raise ValueError("units must be between 1 and the quantity left to refund")
    before = net_share(line.net_minor, line.refunded_quantity, line.quantity)
    after = net_share(line.net_minor, line.refunded_quantity + units, line.quantity)
    return min(after - before, line.net_left)


def refund_for_amount(lines: Sequence[RefundableLine], amount_minor: int) -> list[int]:
    """An amount-only refund split over the lines in proportion to what each has left."""
    left = [line.net_left for line in lines]
    if not 0 < amount_minor <= sum(left):
        raise ValueError("the amount must be between 1 and what is left to refund")
    return allocate(amount_minor, left)
