"""The referred customer's incentive: what a customer who came through a partner gets off."""

from __future__ import annotations

from decimal import Context, Decimal, localcontext

from core.money import Rounding, round_minor

from .rules.ruleset import CustomerIncentive

#: Wide enough that subtotal × percent is always exact.
_EXACT = Context(prec=100)


def customer_discount(
    incentive: CustomerIncentive | None,
    *,
    subtotal_minor: int,
    is_first_order: bool,
    rounding: Rounding = Rounding.half_up,
) -> int:
    """The discount in minor units for a referred customer's order; never more than the subtotal.

    Zero when the rule set has no incentive, when it is for first orders only and this is a
    repeat, or when the subtotal is below `min_subtotal`. A percent is rounded once with the
    merchant's rounding mode.
    """
    if incentive is None or subtotal_minor <= 0:
        return 0
    if incentive.first_order_only and not is_first_order:
        return 0
    if incentive.min_subtotal is not None and subtotal_minor < incentive.min_subtotal:
        return 0
    if incentive.percent is not None:
        with localcontext(_EXACT):
            discount = round_minor(Decimal(subtotal_minor) * incentive.percent / 100, rounding)
    else:
        discount = incentive.amount or 0
    return min(discount, subtotal_minor)
