"""Tax withheld from payouts: pluggable rules, chosen by name in the merchant's payout terms.

A rule gives the tax due on a partner's whole calendar-month income (integer minor units).
A payout withholds the tax on the month's income so far minus what earlier payouts that month
already withheld, so two payouts in one month withhold what one payout of their sum would.
Withholding is off (``none``) unless the merchant chooses a rule.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from core.money import Rounding, decimals, round_minor
from payouts.errors import WithholdingNotApplicable, WithholdingRuleUnknown

#: (month's income in minor units, asset) -> tax due on it, in minor units.
Rule = Callable[[int, str], int]

NONE = "none"
CN_LABOUR_REMUNERATION = "cn_labour_remuneration"


def no_withholding(income_minor: int, asset: str) -> int:
    return 0


# China, labour remuneration (劳务报酬所得), per payee per month, in CNY major units.
_CN_FLAT_DEDUCTION = Decimal(800)  # when income <= 4,000
_CN_FLAT_LIMIT = Decimal(4000)
_CN_RATIO = Decimal("0.8")  # taxable share when income > 4,000
#: (taxable income up to, rate, quick deduction); the last band has no upper bound.
_CN_BANDS = (
    (Decimal(20000), Decimal("0.2"), Decimal(0)),
    (Decimal(50000), Decimal("0.3"), Decimal(2000)),
    (None, Decimal("0.4"), Decimal(7000)),
)


def cn_labour_remuneration(income_minor: int, asset: str) -> int:
    """China's withholding on a month's labour remuneration, exact, rounded once half-up.

    income <= 4,000: taxable = income - 800 (nothing below 800); otherwise taxable = 80% of
    income. Tax = taxable x rate - quick deduction: <= 20,000: 20%; <= 50,000: 30% - 2,000;
    above: 40% - 7,000.
    """
    if asset.upper() != "CNY":
        raise WithholdingNotApplicable(CN_LABOUR_REMUNERATION, asset)
    places = decimals("CNY")
    income = Decimal(income_minor).scaleb(-places)
    if income <= _CN_FLAT_DEDUCTION:
        return 0
    taxable = income - _CN_FLAT_DEDUCTION if income <= _CN_FLAT_LIMIT else income * _CN_RATIO
    for upper, rate, quick in _CN_BANDS:
        if upper is None or taxable <= upper:
            tax = taxable * rate - quick
            break
    return round_minor(tax.scaleb(places), Rounding.half_up)


#: Every rule a merchant may choose, by the name stored in `PayoutTerms.withholding`.
RULES: dict[str, Rule] = {
    NONE: no_withholding,
    CN_LABOUR_REMUNERATION: cn_labour_remuneration,
}


def rule(name: str | None) -> Rule:
    """The rule called `name`; no name means no withholding."""
    if not name:
        return no_withholding
    try:
        return RULES[name]
    except KeyError:
        raise WithholdingRuleUnknown(name, sorted(RULES)) from None


def withholding_due(
    rule_name: str | None,
    *,
    payout_minor: int,
    month_income_before_minor: int,
    month_withheld_before_minor: int,
    asset: str,
) -> int:
    """Tax to withhold from a payout of `payout_minor`.

    `month_income_before_minor` is the income of the payout's calendar month already paid or
    reserved (and withheld on), `month_withheld_before_minor` the tax those payouts withheld.
    Due = tax(month so far + this payout) - already withheld, never below zero (a rule change
    mid-month does not refund through a payout).
    """
    if payout_minor < 0 or month_income_before_minor < 0 or month_withheld_before_minor < 0:
        raise ValueError("withholding is computed on non-negative amounts")
    total_tax = rule(rule_name)(month_income_before_minor + payout_minor, asset)
    return max(0, total_tax - month_withheld_before_minor)
