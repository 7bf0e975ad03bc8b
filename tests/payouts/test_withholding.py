"""Withholding: China's labour-remuneration rule on worked examples, months with several payouts."""

from __future__ import annotations

import pytest

from payouts.errors import WithholdingNotApplicable, WithholdingRuleUnknown
from payouts.withholding import CN_LABOUR_REMUNERATION, RULES, cn_labour_remuneration, rule, withholding_due


def yuan(text: str) -> int:
    whole, _, fen = text.replace(",", "").partition(".")
    return int(whole) * 100 + int(fen or 0)


@pytest.mark.parametrize(
    ("income", "tax"),
    [
        ("0.00", "0.00"),
        ("800.00", "0.00"),  # taxable 0
        ("800.01", "0.00"),  # taxable 0.01, tax 0.002 -> rounds to 0.00
        ("800.03", "0.01"),  # tax 0.006 -> 0.01
        ("3,000.00", "440.00"),  # (3000 - 800) x 20%
        ("4,000.00", "640.00"),  # (4000 - 800) x 20%
        ("4,000.01", "640.00"),  # 3200.008 x 20% = 640.0016 -> 640.00
        ("5,000.05", "800.01"),  # 4000.04 x 20% = 800.008 -> 800.01
        ("10,000.00", "1,600.00"),  # 8000 x 20%
        ("25,000.00", "4,000.00"),  # taxable 20,000 exactly: 20% band; 30% - 2,000 gives the same
        ("30,000.00", "5,200.00"),  # 24000 x 30% - 2000
        ("62,500.00", "13,000.00"),  # taxable 50,000 exactly: 30% - 2,000 = 40% - 7,000
        ("80,000.00", "18,600.00"),  # 64000 x 40% - 7000
    ],
)
def test_tax_on_a_months_income(income, tax):
    assert cn_labour_remuneration(yuan(income), "CNY") == yuan(tax)


def test_a_second_payout_in_the_month_withholds_the_difference():
    first = withholding_due(
        CN_LABOUR_REMUNERATION, payout_minor=yuan("3,000"), month_income_before_minor=0,
        month_withheld_before_minor=0, asset="CNY",
    )
    assert first == yuan("440")
    second = withholding_due(
        CN_LABOUR_REMUNERATION, payout_minor=yuan("7,000"), month_income_before_minor=yuan("3,000"),
        month_withheld_before_minor=first, asset="CNY",
    )
    assert second == yuan("1,160")  # tax(10,000) = 1,600, 440 already withheld
    assert first + second == cn_labour_remuneration(yuan("10,000"), "CNY")


def test_small_payouts_crossing_the_800_and_4000_thresholds_add_up_to_the_months_tax():
    withheld = income = 0
    for payout in ("500", "500", "2,000", "1,500", "30,000"):
        withheld += withholding_due(
            CN_LABOUR_REMUNERATION, payout_minor=yuan(payout), month_income_before_minor=income,
            month_withheld_before_minor=withheld, asset="CNY",
        )
        income += yuan(payout)
        assert withheld == cn_labour_remuneration(income, "CNY")
    assert (income, withheld) == (yuan("34,500"), yuan("6,280"))  # 27,600 x 30% - 2,000


def test_withholding_is_off_by_default_and_unknown_rules_are_refused():
    assert rule(None)(yuan("80,000"), "CNY") == 0
    assert rule("none")(yuan("80,000"), "CNY") == 0
    assert withholding_due(None, payout_minor=yuan("80,000"), month_income_before_minor=0,
                           month_withheld_before_minor=0, asset="CNY") == 0
    assert set(RULES) == {"none", CN_LABOUR_REMUNERATION}
    with pytest.raises(WithholdingRuleUnknown):
        rule("us_1099")


def test_the_china_rule_applies_to_cny_only():
    with pytest.raises(WithholdingNotApplicable):
        cn_labour_remuneration(yuan("3,000"), "USD")


def test_already_withheld_above_the_months_tax_withholds_nothing_rather_than_refunding():
    assert withholding_due(
        CN_LABOUR_REMUNERATION, payout_minor=yuan("100"), month_income_before_minor=yuan("3,000"),
        month_withheld_before_minor=yuan("1,000"), asset="CNY",
    ) == 0
