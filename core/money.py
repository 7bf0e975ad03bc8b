"""The one place that converts between `moneyed.Money` and integer minor units.

Amounts are stored as BIGINT minor units plus an ISO 4217 code; points are the
custom zero-decimal currency ``PTS``. Nothing here ever touches a float.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

import moneyed
from moneyed import Currency, Money

POINTS = moneyed.add_currency("PTS", None, sub_unit=1, name="Relay points")

#: Largest amount a BIGINT column can hold.
MAX_MINOR = 2**63 - 1


class Rounding(StrEnum):
    """How an exact amount becomes whole minor units (a merchant setting)."""

    half_up = "half_up"
    half_even = "half_even"
    down = "down"

    @property
    def decimal_mode(self) -> str:
        return {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN, "down": ROUND_DOWN}[self.value]


class MoneyFormatError(ValueError):
    """A money amount in input that cannot be taken as it is (the message says why).

    `code` names the reason for callers that word it themselves (a translated page):
    ``expected`` (not a string or an integer), ``not_decimal``, ``too_many_decimals`` (`params`:
    currency, places), ``too_large``, ``unknown_currency``, ``no_minor_unit``; `params` holds
    ``value``, what was given. Without a code: ``invalid``.
    """

    def __init__(self, message: str, code: str = "invalid", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


def currency(code: str) -> Currency:
    """The currency for an ISO code (or ``PTS``); unknown codes raise `MoneyFormatError`."""
    try:
        found = moneyed.get_currency(code.upper())
    except moneyed.CurrencyDoesNotExist:
        raise MoneyFormatError(f"unknown currency {code!r}", "unknown_currency", value=code) from None
    if code.upper() != "XXX" and found.sub_unit < 1:
        raise MoneyFormatError(f"currency {code!r} has no minor unit", "no_minor_unit", value=code)
    return found


def decimals(cur: Currency | str) -> int:
    """How many decimal places the currency's minor unit has (CNY: 2, JPY: 0, BHD: 3)."""
    cur = currency(cur) if isinstance(cur, str) else cur
    return len(str(cur.sub_unit)) - 1


def from_minor(minor: int, cur: Currency | str) -> Money:
    """Money from integer minor units: ``from_minor(1999, "CNY") == Money("19.99", "CNY")``."""
    cur = currency(cur) if isinstance(cur, str) else cur
    return Money(Decimal(minor).scaleb(-decimals(cur)), cur)


def to_minor(amount: Money, rounding: Rounding = Rounding.half_up) -> int:
    """Integer minor units of `amount`, rounded once with `rounding`.

    py-moneyed's ``get_amount_in_sub_unit()`` truncates; this rounds first.
    """
    return round_minor(amount.amount.scaleb(decimals(amount.currency)), rounding)


def round_minor(exact_minor: Decimal, rounding: Rounding = Rounding.half_up) -> int:
    """An exact amount already expressed in minor units, rounded to a whole unit."""
    return int(exact_minor.quantize(Decimal(1), rounding=rounding.decimal_mode))


def parse_minor(value: str | int, cur: Currency | str, *, field: str = "amount") -> int:
    """Minor units from input: an int is minor units, a string is a decimal in major units.

    Strictly refuses more decimals than the currency has, exponents, NaN and infinities,
    and anything past a BIGINT. Negative values are returned as they are: callers decide.
    """
    cur = currency(cur) if isinstance(cur, str) else cur
    if isinstance(value, bool):
        raise MoneyFormatError(f"{field}: expected a decimal string or integer minor units", "expected", value=value)
    if isinstance(value, int):
        minor = value
    elif isinstance(value, str):
        text = value.strip()
        if not text or any(ch not in "0123456789.-+" for ch in text):
            raise MoneyFormatError(f"{field}: {value!r} is not a decimal amount", "not_decimal", value=value)
        try:
            exact = Decimal(text)
        except InvalidOperation:
            raise MoneyFormatError(f"{field}: {value!r} is not a decimal amount", "not_decimal", value=value) from None
        places = decimals(cur)
        exponent = exact.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > places:
            raise MoneyFormatError(
                f"{field}: {value!r} has more decimals than {cur.code} allows ({places})",
                "too_many_decimals", value=value, currency=cur.code, places=places,
            )
        minor = int(exact.scaleb(places))
    else:
        raise MoneyFormatError(f"{field}: expected a decimal string or integer minor units", "expected", value=value)
    if abs(minor) > MAX_MINOR:
        raise MoneyFormatError(f"{field}: {value!r} is too large", "too_large", value=value)
    return minor


def format_major(minor: int, cur: Currency | str) -> str:
    """Minor units as a plain decimal string in major units: ``format_major(5, "CNY") == "0.05"``."""
    return str(from_minor(minor, cur).amount)


def allocate(total: int, weights: Sequence[int]) -> list[int]:
    """Split integer `total` in proportion to integer `weights` by largest remainder.

    The parts always sum to exactly `total`; ties in the remainder go to the earlier
    weight. Negative totals split as the mirror image of the positive split. All-zero
    weights split evenly.
    """
    if not weights:
        if total:
            raise ValueError("cannot allocate a non-zero total over no parts")
        return []
    if any(w < 0 for w in weights):
        raise ValueError("weights must not be negative")
    if total < 0:
        return [-part for part in allocate(-total, weights)]
    basis = list(weights) if any(weights) else [1] * len(weights)
    whole = sum(basis)
    parts = [total * w // whole for w in basis]
    remainders = [total * w % whole for w in basis]
    short = total - sum(parts)
    for index in sorted(range(len(basis)), key=lambda i: (-remainders[i], i))[:short]:
        parts[index] += 1
    return parts
