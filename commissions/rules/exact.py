"""Exact decimal arithmetic for evaluation: its contexts, and decimals written for people."""

from __future__ import annotations

from decimal import Context, Decimal, DivisionByZero, Inexact, InvalidOperation, Overflow

from core.money import Rounding

#: Exact arithmetic: products of validated inputs stay far below 1000 digits, and an inexact
#: result would raise instead of rounding silently.
EXACT = Context(prec=1000, traps=[InvalidOperation, DivisionByZero, Overflow, Inexact])
#: The one rounding (quantize must be allowed to drop digits).
ROUNDING = Context(prec=1000, traps=[InvalidOperation, DivisionByZero, Overflow])
#: How an exact number of points becomes whole points, per the merchant's `points_rounding`.
POINTS_ROUNDING = {"down": Rounding.down, "nearest": Rounding.half_up}


def text(value: Decimal) -> str:
    """A decimal for people: plain notation, no trailing zeros ("12.5", "1990")."""
    return format(value.normalize(ROUNDING), "f")
