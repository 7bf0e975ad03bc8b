"""Money conversions and splits: exact, strict on input, never a float."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from moneyed import Money

from core.money import (
    MoneyFormatError,
    Rounding,
    allocate,
    format_major,
    from_minor,
    parse_minor,
    round_minor,
    to_minor,
)


def test_minor_units_round_trip_per_currency_exponent():
    assert from_minor(1999, "CNY") == Money("19.99", "CNY")
    assert from_minor(1999, "JPY") == Money("1999", "JPY")
    assert from_minor(1999, "BHD") == Money("1.999", "BHD")
    assert to_minor(Money("19.99", "CNY")) == 1999
    assert format_major(5, "CNY") == "0.05"
    assert format_major(-1205, "CNY") == "-12.05"


def test_to_minor_rounds_instead_of_truncating():
    assert to_minor(Money("0.125", "CNY"), Rounding.half_up) == 13
    assert to_minor(Money("0.125", "CNY"), Rounding.half_even) == 12
    assert to_minor(Money("0.129", "CNY"), Rounding.down) == 12
    assert round_minor(Decimal("-2.5"), Rounding.half_up) == -3


@pytest.mark.parametrize(
    ("text", "cur", "minor"),
    [("12.30", "CNY", 1230), ("12.3", "CNY", 1230), ("12", "CNY", 1200), ("500", "JPY", 500), (1230, "CNY", 1230)],
)
def test_parse_minor_accepts_decimal_strings_and_minor_integers(text, cur, minor):
    assert parse_minor(text, cur) == minor


@pytest.mark.parametrize("bad", ["12.345", "1e3", "NaN", "Infinity", "", "12,30", "0x10", "９"])
def test_parse_minor_refuses_what_is_not_an_exact_amount(bad):
    with pytest.raises(MoneyFormatError):
        parse_minor(bad, "CNY")


def test_parse_minor_refuses_amounts_past_bigint_and_floats():
    with pytest.raises(MoneyFormatError):
        parse_minor(2**63, "CNY")
    with pytest.raises(MoneyFormatError):
        parse_minor("92233720368547758.08", "CNY")
    with pytest.raises(MoneyFormatError):
        parse_minor(12.5, "CNY")  # type: ignore[arg-type]
    with pytest.raises(MoneyFormatError):
        parse_minor(True, "CNY")  # type: ignore[arg-type]


def test_allocate_by_largest_remainder():
    assert allocate(100, [1, 1, 1]) == [34, 33, 33]
    assert allocate(1000, [3333, 3333, 3334]) == [333, 333, 334]
    assert allocate(-100, [1, 1, 1]) == [-34, -33, -33]
    assert allocate(5, [0, 0]) == [3, 2]
    assert allocate(0, []) == []


@given(st.integers(-(10**15), 10**15), st.lists(st.integers(0, 10**9), min_size=1, max_size=30))
def test_allocate_parts_always_sum_to_the_whole(total, weights):
    parts = allocate(total, weights)
    assert sum(parts) == total
    assert all(isinstance(p, int) for p in parts)
    if total >= 0 and any(weights):
        whole = sum(weights)
        for part, weight in zip(parts, weights, strict=True):
            assert abs(part * whole - total * weight) < whole  # each part within one unit of exact
