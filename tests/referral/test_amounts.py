"""Line nets and refund splits in minor units: exact, and summing to the whole (no database)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.money import MAX_MINOR
from referral.amounts import (
    AmountOverflow,
    RefundableLine,
    line_nets,
    refund_for_amount,
    refund_for_quantity,
)


def test_the_discount_is_split_in_proportion_to_gross_by_largest_remainder():
    nets = line_nets([(3, 1000), (1, 550)], 100)
    assert [(n.gross_minor, n.discount_minor, n.net_minor) for n in nets] == [(3000, 85, 2915), (550, 15, 535)]


def test_a_discount_of_one_cent_over_three_equal_lines_goes_to_the_first():
    assert [n.discount_minor for n in line_nets([(1, 100)] * 3, 1)] == [1, 0, 0]


def test_free_lines_take_no_discount_share():
    nets = line_nets([(1, 0), (2, 500)], 300)
    assert [n.net_minor for n in nets] == [0, 700]


def test_a_discount_larger_than_the_subtotal_or_an_overflow_is_refused():
    with pytest.raises(ValueError):
        line_nets([(1, 100)], 101)
    with pytest.raises(AmountOverflow):
        line_nets([(2, MAX_MINOR // 2 + 1)], 0)


@given(
    st.lists(st.tuples(st.integers(1, 1000), st.integers(0, 10**9)), min_size=1, max_size=20),
    st.data(),
)
def test_shares_always_sum_to_the_discount(lines, data):
    subtotal = sum(q * p for q, p in lines)
    discount = data.draw(st.integers(0, subtotal))
    nets = line_nets(lines, discount)
    assert sum(n.discount_minor for n in nets) == discount
    assert all(0 <= n.net_minor <= n.gross_minor for n in nets)


def test_refunding_units_one_at_a_time_refunds_exactly_the_net():
    line = RefundableLine(quantity=3, net_minor=2915)
    parts = []
    for _ in range(3):
        part = refund_for_quantity(line, 1)
        parts.append(part)
        line = RefundableLine(3, 2915, line.refunded_quantity + 1, line.refunded_minor + part)
    assert parts == [972, 971, 972]
    assert sum(parts) == 2915


@given(st.integers(1, 50), st.integers(0, 10**12), st.data())
def test_any_sequence_of_quantity_refunds_ends_at_exactly_the_net(quantity, net, data):
    line = RefundableLine(quantity, net)
    total = 0
    while line.quantity_left:
        units = data.draw(st.integers(1, line.quantity_left))
        part = refund_for_quantity(line, units)
        # cumulative: what is refunded so far is the net of the units so far, rounded once
        total += part
        line = RefundableLine(quantity, net, line.refunded_quantity + units, line.refunded_minor + part)
        assert abs(total * quantity - net * line.refunded_quantity) * 2 <= quantity
    assert total == net


def test_an_amount_refund_is_split_over_what_each_line_has_left():
    lines = [RefundableLine(3, 2915, 1, 972), RefundableLine(1, 535)]
    parts = refund_for_amount(lines, 1000)
    assert parts == [784, 216]
    assert sum(parts) == 1000


def test_after_an_amount_refund_returning_every_unit_refunds_only_what_is_left():
    line = RefundableLine(quantity=2, net_minor=100, refunded_minor=30)
    first = refund_for_quantity(line, 1)
    line = RefundableLine(2, 100, 1, 30 + first)
    second = refund_for_quantity(line, 1)
    assert (first, second) == (50, 20)


def test_refunds_beyond_what_is_left_are_refused():
    with pytest.raises(ValueError):
        refund_for_quantity(RefundableLine(2, 100, 2, 100), 1)
    with pytest.raises(ValueError):
        refund_for_amount([RefundableLine(1, 100, 0, 60)], 41)
