"""Worked examples of the commission rules, one story each, with the exact numbers (CNY, minor units
= fen; the merchant is in Asia/Shanghai). docs/api.md repeats them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from commissions.reversals import Refunded, line_reversal, line_reversals
from commissions.rules import evaluate
from core.money import Rounding
from tests.commissions.builders import amounts, line, order, partner, rule_set, terms


def test_a_beauty_partner_earns_ten_percent_on_beauty_lines_only():
    """Rule `beauty-10`: 10% of the net of lines in category beauty.
    A serum line nets ¥199.00 → ¥19.90; a book line (¥50.00) matches no rule → nothing."""
    rules = rule_set({"id": "beauty-10", "level": 1, "conditions": {"categories": ["beauty"]},
                      "reward": {"percent": "10"}})
    sale = order(line(1, 19900, sku="SERUM", category="beauty"), line(2, 5000, sku="NOVEL", category="books"))

    drafts = evaluate(rules, 1, sale, [partner(7)], terms())

    assert amounts(drafts) == [(7, 1, "cash", 1990)]
    assert drafts[0].base_minor == 19900
    assert drafts[0].explanation["conditions"] == [
        {"condition": "categories", "expected": ["beauty"], "seen": "beauty"}
    ]


def test_a_mask_pack_pays_three_yuan_per_unit():
    """Rule `mask-3`: ¥3.00 per unit of SKU MASK-10. Four packs (net ¥96.00) → ¥12.00."""
    rules = rule_set({"id": "mask-3", "level": 1, "conditions": {"skus": ["MASK-10"]},
                      "reward": {"flat_per_unit": "3.00"}})
    sale = order(line(1, 9600, sku="MASK-10", quantity=4))

    assert amounts(evaluate(rules, 1, sale, [partner(7)], terms())) == [(7, 1, "cash", 1200)]


def test_a_first_order_bonus_is_paid_once_per_order_not_per_line():
    """Rule `welcome`: ¥20.00 once per order when it is the customer's first attributed order.
    A first order of three lines → one ¥20.00 commission with no line; a repeat order → nothing."""
    rules = rule_set({"id": "welcome", "level": 1, "conditions": {"first_order": True},
                      "reward": {"flat_per_order": "20.00"}})
    lines = (line(1, 3000), line(2, 4000), line(3, 5000))

    first = evaluate(rules, 1, order(*lines, first_order=True), [partner(7)], terms())
    repeat = evaluate(rules, 1, order(*lines, first_order=False), [partner(7)], terms())

    assert amounts(first) == [(7, None, "cash", 2000)]
    assert first[0].base_minor == 12000
    assert repeat == []


def test_the_recruiter_earns_two_percent_while_the_partner_earns_ten():
    """Rules `direct-10` (level 1, 10%) and `recruiter-2` (level 2, 2%). A ¥100.00 line →
    the attributed partner ¥10.00, their recruiter ¥2.00."""
    rules = rule_set(
        {"id": "direct-10", "level": 1, "reward": {"percent": "10"}},
        {"id": "recruiter-2", "level": 2, "reward": {"percent": "2"}},
    )
    drafts = evaluate(rules, 1, order(line(1, 10000)), [partner(7, 1), partner(3, 2)], terms())

    assert amounts(drafts) == [(7, 1, "cash", 1000), (3, 1, "cash", 200)]
    assert [d.rule_id for d in drafts] == ["direct-10", "recruiter-2"]
    assert [d.level for d in drafts] == [1, 2]


def test_double_points_on_the_eighth_in_the_merchants_time_zone():
    """Modifier `promo days`: ×2 on the 8th, 18th, 28th (merchant time, Asia/Shanghai). Rule: 10%,
    settled in points at 1 point per yuan. An order at 23:30 UTC on 7 March is 07:30 on 8 March
    in Shanghai: ¥100.00 → ¥10.00 → 10 points × 2 = 20 points. At 15:00 UTC on the 7th (23:00 in
    Shanghai, still the 7th): 10 points."""
    rules = rule_set(
        {"id": "all-10", "level": 1, "reward": {"percent": "10"}},
        modifiers=[{"name": "promo days", "conditions": {"days_of_month": [8, 18, 28]}, "multiply": "2"}],
    )
    member = partner(7, reward_preference="points")
    on_the_8th = order(line(1, 10000), at=datetime(2025, 3, 7, 23, 30, tzinfo=UTC))
    on_the_7th = order(line(1, 10000), at=datetime(2025, 3, 7, 15, 0, tzinfo=UTC))

    doubled = evaluate(rules, 1, on_the_8th, [member], terms())
    plain = evaluate(rules, 1, on_the_7th, [member], terms())

    assert amounts(doubled) == [(7, 1, "points", 20)]
    assert amounts(plain) == [(7, 1, "points", 10)]
    modifier = doubled[0].explanation["modifiers"][0]
    assert modifier["multiply"] == "2"
    assert modifier["conditions"][0] == {
        "condition": "days_of_month", "expected": [8, 18, 28], "seen": 8,
        "local_date": "2025-03-08", "timezone": "Asia/Shanghai",
    }


def test_an_order_that_crosses_the_monthly_tier_earns_the_higher_tier_on_all_its_lines():
    """Tiers: 5% from ¥0, 8% from ¥10,000 of attributed net sales this month. The partner had
    ¥9,000.00 before this order; the order nets ¥2,000.00 (¥1,500 + ¥500), so the month reaches
    ¥11,000.00: the whole order earns 8% → ¥120.00 + ¥40.00 (at 5% it would have been ¥100.00)."""
    rules = rule_set({"id": "volume", "level": 1, "reward": {"tiers": [
        {"min_month_net": 0, "percent": "5"}, {"min_month_net": "10000.00", "percent": "8"}]}})
    sale = order(line(1, 150000), line(2, 50000))

    crossing = evaluate(rules, 1, sale, [partner(7, month_net_before_minor=900000)], terms())
    below = evaluate(rules, 1, sale, [partner(7, month_net_before_minor=700000)], terms())

    assert amounts(crossing) == [(7, 1, "cash", 12000), (7, 2, "cash", 4000)]
    assert amounts(below) == [(7, 1, "cash", 7500), (7, 2, "cash", 2500)]
    assert crossing[0].explanation["tier"] == {
        "month_net_before_minor": 900000, "order_net_minor": 200000, "month_net_with_order_minor": 1100000,
        "reached": 1, "min_month_net": 1000000, "percent": "8",
    }


def test_a_per_order_cap_is_split_over_the_lines_by_largest_remainder():
    """Cap per order: ¥50.00 cash per partner. 10% of lines ¥300, ¥200, ¥100 is ¥30 + ¥20 + ¥10 = ¥60,
    capped to ¥50.00 and split 5:3.333:1.667 → ¥25.00, ¥16.67, ¥8.33 (the spare fen goes to the
    largest remainder, line 2)."""
    rules = rule_set({"id": "all-10", "level": 1, "reward": {"percent": "10"}},
                     caps={"per_order": {"cash": "50.00"}})
    drafts = evaluate(rules, 1, order(line(1, 30000), line(2, 20000), line(3, 10000)), [partner(7)], terms())

    assert amounts(drafts) == [(7, 1, "cash", 2500), (7, 2, "cash", 1667), (7, 3, "cash", 833)]
    assert sum(d.amount for d in drafts) == 5000
    assert drafts[1].explanation["caps"] == [{
        "cap": "per_order", "limit": 5000, "partner_total_before": 6000, "partner_total_after": 5000,
        "before": 2000, "after": 1667,
    }]


def test_a_per_order_cap_limited_to_level_one_leaves_the_recruiter_uncapped():
    """Cap per order, level 1 only: ¥100.00. 20% of a ¥800.00 line is ¥160.00 for the partner →
    ¥100.00; their recruiter's 15% (¥120.00) is not capped: the cap is not theirs."""
    rules = rule_set({"id": "direct-20", "level": 1, "reward": {"percent": "20"}},
                     {"id": "recruiter-15", "level": 2, "reward": {"percent": "15"}},
                     caps={"per_order": {"cash": "100.00", "level": 1}})
    drafts = evaluate(rules, 1, order(line(1, 80000)), [partner(7), partner(3, level=2)], terms())

    assert amounts(drafts) == [(7, 1, "cash", 10000), (3, 1, "cash", 12000)]
    assert drafts[0].explanation["caps"] == [{
        "cap": "per_order", "limit": 10000, "level": 1, "partner_total_before": 16000, "partner_total_after": 10000,
        "before": 16000, "after": 10000,
    }]
    assert "caps" not in drafts[1].explanation


def test_a_monthly_cap_limited_to_level_two_counts_only_what_the_partner_earned_at_level_two():
    """Cap per partner per month, level 2 only: ¥50.00. Partner 3 earned ¥400.00 this month in all,
    ¥45.00 of it on their invitees' sales (level 2). On an invitee's ¥100.00 line their 10% (¥10.00)
    is cut to the ¥5.00 left at level 2; on their own ¥100.00 sale (level 1) they earn the whole ¥10.00."""
    rules = rule_set({"id": "direct-10", "level": 1, "reward": {"percent": "10"}},
                     {"id": "recruiter-10", "level": 2, "reward": {"percent": "10"}},
                     caps={"per_partner_month": {"cash": "50.00", "level": 2}})
    month = {"month_earned": {"cash": 40000}, "month_earned_at_level": {"cash": 4500}}

    as_recruiter = evaluate(rules, 1, order(line(1, 10000)), [partner(9), partner(3, level=2, **month)], terms())
    own_sale = evaluate(rules, 1, order(line(1, 10000)), [partner(3, **month)], terms())

    assert amounts(as_recruiter) == [(9, 1, "cash", 1000), (3, 1, "cash", 500)]
    assert as_recruiter[1].explanation["caps"] == [{
        "cap": "per_partner_month", "limit": 5000, "level": 2, "earned_this_month_before": 4500, "remaining": 500,
        "partner_total_before": 1000, "partner_total_after": 500, "before": 1000, "after": 500,
    }]
    assert amounts(own_sale) == [(3, 1, "cash", 1000)]


def test_refunding_one_unit_of_two_reverses_exactly_half_of_the_line_commission():
    """A two-unit line nets ¥19.90; 10% → ¥1.99. Refunding one unit takes back half: 99.5 fen,
    rounded half up in the refund's favour → −¥1.00; refunding the other unit → −¥0.99.
    Net: exactly zero."""
    rules = rule_set({"id": "all-10", "level": 1, "reward": {"percent": "10"}})
    [commission] = evaluate(rules, 1, order(line(1, 1990, quantity=2)), [partner(7)], terms())
    whole = Refunded(quantity=2, amount_minor=1990)

    first = line_reversal(commission.amount, line=whole, before=Refunded(),
                          after=Refunded(quantity=1, amount_minor=995))
    second = line_reversal(commission.amount, line=whole, before=Refunded(quantity=1, amount_minor=995),
                           after=Refunded(quantity=2, amount_minor=1990))

    assert commission.amount == 199
    assert (first, second) == (-100, -99)
    assert commission.amount + first + second == 0


def test_a_full_refund_in_three_steps_nets_the_commission_to_exactly_zero():
    """A three-unit line nets ¥199.00; 10% → ¥19.90. Refunded one unit at a time (¥66.33, ¥66.33,
    ¥66.34): reversals −6.63, −6.64, −6.63 — each step reverses round(1990 × refunded/whole)
    minus what was already reversed, so the last one lands exactly on zero."""
    rules = rule_set({"id": "all-10", "level": 1, "reward": {"percent": "10"}})
    [commission] = evaluate(rules, 1, order(line(1, 19900, quantity=3)), [partner(7)], terms())

    reversals = line_reversals(
        commission.amount, Refunded(quantity=3, amount_minor=19900),
        [Refunded(1, 6633), Refunded(1, 6633), Refunded(1, 6634)],
    )

    assert commission.amount == 1990
    assert reversals == [-663, -664, -663]
    assert commission.amount + sum(reversals) == 0


@pytest.mark.parametrize(
    ("mode", "on_12_5", "on_13_5"),
    [(Rounding.half_up, 13, 14), (Rounding.half_even, 12, 14), (Rounding.down, 12, 13)],
)
def test_each_rounding_mode_rounds_the_exact_commission_once(mode, on_12_5, on_13_5):
    """12.5% of ¥1.00 is 12.5 fen and of ¥1.08 is 13.5 fen: half_up → 13 and 14, half_even → 12
    and 14, down → 12 and 13."""
    rules = rule_set({"id": "odd", "level": 1, "reward": {"percent": "12.5"}})
    drafts = evaluate(rules, 1, order(line(1, 100), line(2, 108)), [partner(7)], terms(rounding=mode))

    assert amounts(drafts) == [(7, 1, "cash", on_12_5), (7, 2, "cash", on_13_5)]
    assert drafts[0].explanation["rounding"] == {
        "mode": mode.value, "unit": "minor unit", "exact": "12.5", "result": on_12_5,
    }


@pytest.mark.parametrize(("points_rounding", "points"), [("down", 19), ("nearest", 20)])
def test_points_conversion_rounds_down_or_to_the_nearest_point(points_rounding, points):
    """10% of ¥19.99 is ¥1.999; at 10 points per yuan that is 19.99 points: down → 19, nearest → 20."""
    rules = rule_set({"id": "all-10", "level": 1, "reward": {"percent": "10"}})
    drafts = evaluate(rules, 1, order(line(1, 1999)), [partner(7, reward_preference="points")],
                      terms(points_per_unit="10", points_rounding=points_rounding))

    assert amounts(drafts) == [(7, 1, "points", points)]
    assert drafts[0].explanation["settlement"]["exact_points"] == "19.99"


def test_a_rule_can_force_points_for_a_partner_who_prefers_cash():
    """Rule `tea-points`: 5% settled as points whatever the partner prefers. ¥300.00 of tea → ¥15.00
    → 15 points for a cash-preferring partner; other lines follow the preference (cash)."""
    rules = rule_set(
        {"id": "tea-points", "level": 1, "conditions": {"categories": ["tea"]}, "reward": {"percent": "5"},
         "settle_as": "points"},
        {"id": "all-5", "level": 1, "reward": {"percent": "5"}},
    )
    drafts = evaluate(rules, 1, order(line(1, 30000, category="tea"), line(2, 30000)),
                      [partner(7, reward_preference="cash")], terms())

    assert amounts(drafts) == [(7, 1, "points", 15), (7, 2, "cash", 1500)]
    assert drafts[0].explanation["settlement"]["source"] == "rule"


def test_the_monthly_cap_counts_what_the_partner_already_earned_this_month():
    """Cap per partner per month: ¥100.00. The partner already earned ¥95.00 in cash this month;
    10% of ¥80.00 would be ¥8.00, only ¥5.00 remain → ¥5.00. Their points are not capped."""
    rules = rule_set({"id": "all-10", "level": 1, "reward": {"percent": "10"}},
                     caps={"per_partner_month": {"cash": "100.00"}})
    earned = partner(7, month_earned={"cash": 9500, "points": 10**6})

    drafts = evaluate(rules, 1, order(line(1, 8000)), [earned], terms())

    assert amounts(drafts) == [(7, 1, "cash", 500)]
    assert drafts[0].explanation["caps"] == [{
        "cap": "per_partner_month", "limit": 10000, "earned_this_month_before": 9500, "remaining": 500,
        "partner_total_before": 800, "partner_total_after": 500, "before": 800, "after": 500,
    }]
