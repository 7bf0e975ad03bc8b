"""Refund share math: exact, cumulative, never past the commission, zero at full refund."""

from __future__ import annotations

import pytest

from commissions.reversals import (
    Refunded,
    line_reversal,
    line_reversals,
    order_reversal,
    refunded_fraction,
    refunded_share,
)


@pytest.mark.parametrize(
    ("amount", "refunded", "whole", "share"),
    [
        (199, 1, 2, 100),  # 99.5 → the tie goes to the refunded side (half up)
        (199, 0, 2, 0),
        (199, 2, 2, 199),
        (1990, 1, 3, 663),  # 663.33
        (1990, 2, 3, 1327),  # 1326.67
        (1, 1, 3, 0),
        (0, 1, 2, 0),
        (-199, 1, 2, -100),  # mirrored
    ],
)
def test_refunded_share_is_the_half_up_largest_remainder_part(amount, refunded, whole, share):
    assert refunded_share(amount, refunded, whole) == share


@pytest.mark.parametrize(("refunded", "whole"), [(3, 2), (-1, 2), (0, 0)])
def test_refunded_share_refuses_impossible_parts(refunded, whole):
    with pytest.raises(ValueError):
        refunded_share(100, refunded, whole)


def test_the_larger_of_units_and_amount_decides_how_much_is_refunded():
    line = Refunded(quantity=4, amount_minor=1000)
    assert refunded_fraction(Refunded(1, 100), line) == (1, 4)
    assert refunded_fraction(Refunded(0, 600), line) == (600, 1000)
    assert refunded_fraction(Refunded(4, 900), line) == (4, 4)
    assert refunded_fraction(Refunded(0, 5000), line) == (1000, 1000)  # more than the net counts as all
    assert refunded_fraction(Refunded(1, 0), Refunded(quantity=2, amount_minor=0)) == (1, 2)  # free line
    assert refunded_fraction(Refunded(0, 0), Refunded()) == (0, 1)


def test_an_amount_only_refund_then_the_units_reverse_everything_exactly_once():
    """A price adjustment of ¥2.50 on a ¥10.00, 2-unit line (commission 100), then both units."""
    line = Refunded(quantity=2, amount_minor=1000)
    steps = line_reversals(100, line, [Refunded(0, 250), Refunded(1, 375), Refunded(1, 375)])
    assert steps == [-25, -38, -37]  # 25, then 62.5 → 63 (half up) cumulative, then all 100
    assert 100 + sum(steps) == 0


def test_a_refund_never_reverses_more_than_remains():
    line = Refunded(quantity=1, amount_minor=1000)
    assert line_reversals(7, line, [Refunded(0, 600), Refunded(0, 900), Refunded(1, 0)]) == [-4, -3, 0]


def test_cumulative_totals_must_not_shrink():
    with pytest.raises(ValueError):
        line_reversal(10, line=Refunded(2, 100), before=Refunded(1, 50), after=Refunded(0, 60))


def test_a_per_order_reward_reverses_with_the_orders_refunded_net():
    """A ¥20.00 first-order bonus on an order netting ¥300.00: refunding ¥100.00 takes back ¥6.67,
    the remaining ¥200.00 takes back ¥13.33."""
    first = order_reversal(2000, order_net_minor=30000, refunded_before_minor=0, refunded_after_minor=10000)
    rest = order_reversal(2000, order_net_minor=30000, refunded_before_minor=10000, refunded_after_minor=30000)
    assert (first, rest) == (-667, -1333)


def test_a_zero_net_order_has_nothing_for_a_refund_to_reverse():
    assert order_reversal(500, order_net_minor=0, refunded_before_minor=0, refunded_after_minor=0) == 0
