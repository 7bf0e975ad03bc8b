"""The referred customer's discount: a percent or an amount, conditions, never more than the subtotal."""

from __future__ import annotations

import pytest

from commissions.incentive import customer_discount
from commissions.rules.ruleset import CustomerIncentive, parse_rule_set
from core.money import Rounding


def incentive(**fields) -> CustomerIncentive:
    parsed = parse_rule_set({"customer_incentive": fields}, currency="CNY", known_groups=())
    assert parsed.customer_incentive is not None
    return parsed.customer_incentive


def test_five_percent_off_a_referred_customers_order():
    """5% off ¥199.90 is ¥9.995 → ¥10.00 (half up), ¥9.99 (half even or down)."""
    five = incentive(percent="5")
    assert customer_discount(five, subtotal_minor=19990, is_first_order=False) == 1000
    assert customer_discount(five, subtotal_minor=19990, is_first_order=False, rounding=Rounding.half_even) == 1000
    assert customer_discount(five, subtotal_minor=19970, is_first_order=False, rounding=Rounding.half_even) == 998
    assert customer_discount(five, subtotal_minor=19990, is_first_order=False, rounding=Rounding.down) == 999


def test_an_amount_off_never_exceeds_the_subtotal():
    twenty = incentive(amount="20.00")
    assert customer_discount(twenty, subtotal_minor=5000, is_first_order=True) == 2000
    assert customer_discount(twenty, subtotal_minor=1500, is_first_order=True) == 1500
    assert customer_discount(twenty, subtotal_minor=0, is_first_order=True) == 0


def test_a_hundred_percent_off_is_the_whole_subtotal():
    assert customer_discount(incentive(percent=100), subtotal_minor=12345, is_first_order=True) == 12345


def test_a_first_order_incentive_skips_repeat_orders():
    welcome = incentive(amount=1000, first_order_only=True)
    assert customer_discount(welcome, subtotal_minor=5000, is_first_order=True) == 1000
    assert customer_discount(welcome, subtotal_minor=5000, is_first_order=False) == 0


@pytest.mark.parametrize(("subtotal", "discount"), [(9999, 0), (10000, 1000), (25000, 1000)])
def test_a_minimum_subtotal_is_inclusive(subtotal, discount):
    over_100 = incentive(amount="10.00", min_subtotal="100.00")
    assert customer_discount(over_100, subtotal_minor=subtotal, is_first_order=False) == discount


def test_no_incentive_means_no_discount():
    assert customer_discount(None, subtotal_minor=10000, is_first_order=True) == 0
