"""How evaluation decides: precedence, conditions, modifiers, caps, settlement, explanations."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commissions.rules import Beneficiary, LineFacts, OrderFacts, Terms, compile_rule_set, evaluate
from commissions.rules.amounts import rounded
from commissions.rules.exact import ROUNDING
from commissions.rules.ruleset import parse_rule_set
from core.errors import InvalidInput
from core.money import Rounding, round_minor
from tests.commissions.builders import amounts, line, order, partner, rule_set, terms
from tests.commissions.test_reversals_property import beneficiary as property_beneficiary
from tests.commissions.test_reversals_property import orders as property_orders
from tests.commissions.test_reversals_property import rule_sets as property_rule_sets
from tests.commissions.test_reversals_property import terms_strategy as property_terms

TEN = {"percent": "10"}


def test_the_first_matching_rule_in_list_order_wins_each_line():
    rules = rule_set(
        {"id": "serum-20", "level": 1, "conditions": {"skus": ["SERUM"]}, "reward": {"percent": "20"}},
        {"id": "beauty-10", "level": 1, "conditions": {"categories": ["beauty"]}, "reward": TEN},
        {"id": "all-1", "level": 1, "reward": {"percent": "1"}},
    )
    sale = order(line(1, 10000, sku="SERUM", category="beauty"), line(2, 10000, sku="CREAM", category="beauty"),
                 line(3, 10000, sku="PEN", category="office"))

    drafts = evaluate(rules, 4, sale, [partner(7)], terms())

    assert [(d.line_no, d.rule_id, d.amount) for d in drafts] == [
        (1, "serum-20", 2000), (2, "beauty-10", 1000), (3, "all-1", 100)
    ]


def test_rules_of_the_other_level_are_never_used():
    rules = rule_set({"id": "direct", "level": 1, "reward": TEN})
    assert evaluate(rules, 1, order(line(1, 10000)), [partner(3, level=2)], terms()) == []


def test_per_order_rules_pay_once_per_level_the_first_matching_one():
    rules = rule_set(
        {"id": "big-basket", "level": 1, "conditions": {"min_subtotal": "500.00"},
         "reward": {"flat_per_order": "50.00"}},
        {"id": "any-order", "level": 1, "reward": {"flat_per_order": "5.00"}},
        {"id": "recruiter-order", "level": 2, "reward": {"flat_per_order": "1.00"}},
        {"id": "all-10", "level": 1, "reward": TEN},
    )
    sale = order(line(1, 20000), line(2, 10000))

    drafts = evaluate(rules, 1, sale, [partner(7), partner(3, level=2)], terms())

    assert [(d.partner_id, d.line_no, d.rule_id, d.amount) for d in drafts] == [
        (7, 1, "all-10", 2000), (7, 2, "all-10", 1000), (7, None, "any-order", 500), (3, None, "recruiter-order", 100),
    ]


def test_a_per_order_rule_with_line_conditions_needs_one_matching_line():
    rules = rule_set({"id": "tea-bonus", "level": 1, "conditions": {"categories": ["tea"], "skus": ["OOLONG"]},
                      "reward": {"flat_per_order": "8.00"}})

    with_tea = evaluate(rules, 1, order(line(1, 500, sku="CUP"), line(2, 900, sku="OOLONG", category="tea")),
                        [partner(7)], terms())
    without = evaluate(rules, 1, order(line(1, 500, sku="OOLONG", category="cups")), [partner(7)], terms())

    assert amounts(with_tea) == [(7, None, "cash", 800)]
    assert with_tea[0].explanation["conditions"][0] == {
        "condition": "skus", "expected": ["OOLONG"], "seen": "OOLONG", "line_no": 2
    }
    assert without == []


def test_modifiers_stack_by_multiplying_and_respect_their_level_and_lines():
    rules = rule_set(
        {"id": "direct", "level": 1, "reward": TEN},
        {"id": "recruiter", "level": 2, "reward": {"percent": "2"}},
        modifiers=[
            {"name": "gold", "level": 1, "conditions": {"partner_groups": ["gold"]}, "multiply": "1.5"},
            {"name": "tea week", "conditions": {"categories": ["tea"]}, "multiply": "2"},
        ],
    )
    sale = order(line(1, 10000, category="tea"), line(2, 10000, category="cups"))

    drafts = evaluate(rules, 1, sale, [partner(7, group="gold"), partner(3, level=2, group="gold")], terms())

    assert [(d.partner_id, d.line_no, d.amount) for d in drafts] == [
        (7, 1, 3000), (7, 2, 1500), (3, 1, 400), (3, 2, 200)
    ]
    assert [m["name"] for m in drafts[0].explanation["modifiers"]] == ["gold", "tea week"]
    assert drafts[0].explanation["formula"] == "10000 × 10% × 1.5 × 2 = 3000 (minor units)"


def test_a_factor_of_zero_switches_a_reward_off():
    rules = rule_set({"id": "direct", "level": 1, "reward": TEN},
                     modifiers=[{"name": "staff", "conditions": {"partner_kinds": ["staff"]}, "multiply": "0"}])
    assert evaluate(rules, 1, order(line(1, 10000)), [partner(7, kind="staff")], terms()) == []


@pytest.mark.parametrize(
    ("conditions", "facts", "matches"),
    [
        ({"channel": "store"}, {"channel": "store"}, True),
        ({"channel": "store"}, {"channel": "online"}, False),
        ({"scenes": ["product", "order"]}, {"scene": "order"}, True),
        ({"scenes": ["product"]}, {"scene": None}, False),
        ({"first_order": False}, {"first_order": False}, True),
        ({"first_order": False}, {"first_order": True}, False),
        ({"min_subtotal": "100.00"}, {"subtotal_minor": 10000}, True),
        ({"min_subtotal": "100.00"}, {"subtotal_minor": 9999}, False),
    ],
)
def test_order_conditions(conditions, facts, matches):
    rules = rule_set({"id": "r", "level": 1, "conditions": conditions, "reward": TEN})
    drafts = evaluate(rules, 1, order(line(1, 10000), **facts), [partner(7)], terms())
    assert bool(drafts) is matches


@pytest.mark.parametrize(
    ("conditions", "who", "matches"),
    [
        ({"partner_groups": ["gold", "silver"]}, {"group": "silver"}, True),
        ({"partner_groups": ["gold"]}, {"group": None}, False),
        ({"partner_kinds": ["guide"]}, {"kind": "guide"}, True),
        ({"partner_kinds": ["guide"]}, {"kind": "customer"}, False),
    ],
)
def test_partner_conditions(conditions, who, matches):
    rules = rule_set({"id": "r", "level": 1, "conditions": conditions, "reward": TEN})
    assert bool(evaluate(rules, 1, order(line(1, 10000)), [partner(7, **who)], terms())) is matches


@pytest.mark.parametrize(
    ("at", "matches"),
    [
        (datetime(2025, 2, 28, 15, 59, tzinfo=UTC), False),  # 23:59 on 28 Feb in Shanghai
        (datetime(2025, 2, 28, 16, 0, tzinfo=UTC), True),  # 00:00 on 1 March
        (datetime(2025, 3, 31, 15, 59, tzinfo=UTC), True),  # 23:59 on 31 March: the last day counts
        (datetime(2025, 3, 31, 16, 0, tzinfo=UTC), False),
    ],
)
def test_a_date_window_is_inclusive_in_the_merchants_time_zone(at, matches):
    rules = rule_set({"id": "march", "level": 1, "conditions": {"date_from": "2025-03-01", "date_to": "2025-03-31"},
                      "reward": TEN})
    assert bool(evaluate(rules, 1, order(line(1, 10000), at=at), [partner(7)], terms())) is matches


def test_weekdays_by_name_in_the_conditions_own_time_zone():
    """Saturday 00:30 in Paris is Friday 23:30 UTC and Saturday 07:30 in Shanghai."""
    rules = rule_set(
        {"id": "paris-weekend", "level": 1, "conditions": {"weekdays": ["sat", "sun"], "timezone": "Europe/Paris"},
         "reward": TEN},
    )
    saturday_in_paris = datetime(2025, 3, 7, 23, 30, tzinfo=UTC)
    friday_in_paris = datetime(2025, 3, 7, 22, 30, tzinfo=UTC)  # already Saturday in Shanghai

    hit = evaluate(rules, 1, order(line(1, 10000), at=saturday_in_paris), [partner(7)], terms())
    miss = evaluate(rules, 1, order(line(1, 10000), at=friday_in_paris), [partner(7)], terms())

    assert amounts(hit) == [(7, 1, "cash", 1000)]
    assert hit[0].explanation["conditions"] == [{
        "condition": "weekdays", "expected": [6, 7], "seen": 6, "local_date": "2025-03-08", "timezone": "Europe/Paris",
    }]
    assert miss == []


def test_below_the_first_tier_a_tier_rule_earns_nothing_and_keeps_precedence():
    rules = rule_set(
        {"id": "volume", "level": 1, "reward": {"tiers": [{"min_month_net": "1000.00", "percent": "5"}]}},
        {"id": "fallback", "level": 1, "reward": TEN},
    )
    kept = evaluate(rules, 1, order(line(1, 10000)), [partner(7)], terms(), keep_zero=True)

    assert amounts(kept) == [(7, 1, "cash", 0)]
    assert kept[0].explanation["tier"]["reached"] is None
    assert evaluate(rules, 1, order(line(1, 10000)), [partner(7)], terms()) == []


def test_caps_are_per_partner_and_per_settlement_kind_across_levels_and_per_order_rewards():
    rules = rule_set(
        {"id": "tea-points", "level": 1, "conditions": {"categories": ["tea"]}, "reward": TEN, "settle_as": "points"},
        {"id": "direct", "level": 1, "reward": TEN},
        {"id": "welcome", "level": 1, "reward": {"flat_per_order": "10.00"}},
        caps={"per_order": {"cash": "15.00", "points": 5}},
    )
    sale = order(line(1, 10000, category="tea"), line(2, 10000))

    drafts = evaluate(rules, 1, sale, [partner(7)], terms())

    # cash: 1000 (line 2) + 1000 (welcome) = 2000 → 1500; points: 10 → 5
    assert amounts(drafts) == [(7, 1, "points", 5), (7, 2, "cash", 750), (7, None, "cash", 750)]


def test_the_per_order_cap_applies_before_the_monthly_cap():
    rules = rule_set({"id": "direct", "level": 1, "reward": TEN},
                     caps={"per_order": {"cash": "30.00"}, "per_partner_month": {"cash": "100.00"}})
    who = partner(7, month_earned={"cash": 8000})

    drafts = evaluate(rules, 1, order(line(1, 30000), line(2, 10000)), [who], terms())

    assert amounts(drafts) == [(7, 1, "cash", 1500), (7, 2, "cash", 500)]
    assert [c["cap"] for c in drafts[0].explanation["caps"]] == ["per_order", "per_partner_month"]


def test_a_partner_past_the_monthly_cap_earns_nothing_more():
    rules = rule_set({"id": "direct", "level": 1, "reward": TEN}, caps={"per_partner_month": {"points": 100}})
    who = partner(7, reward_preference="points", month_earned={"points": 120})

    assert evaluate(rules, 1, order(line(1, 10000)), [who], terms()) == []
    [kept] = evaluate(rules, 1, order(line(1, 10000)), [who], terms(), keep_zero=True)
    assert kept.explanation["caps"][0]["remaining"] == 0


def test_an_uncut_commission_carries_no_cap_in_its_explanation():
    rules = rule_set({"id": "direct", "level": 1, "reward": TEN}, caps={"per_order": {"cash": "100.00"}})
    [draft] = evaluate(rules, 1, order(line(1, 10000)), [partner(7)], terms())
    assert draft.amount == 1000 and "caps" not in draft.explanation


def test_points_in_a_zero_decimal_currency():
    """JPY has no minor unit: ¥1,999 × 10% = ¥199.9 → at 1 point per ¥1: 199.9 points → 199 (down)."""
    rules = rule_set({"id": "direct", "level": 1, "reward": TEN}, currency="JPY")
    drafts = evaluate(rules, 1, order(line(1, 1999)), [partner(7, reward_preference="points")],
                      terms(currency="JPY", timezone="Asia/Tokyo"))
    assert amounts(drafts) == [(7, 1, "points", 199)]


def test_the_explanation_tells_the_whole_story_as_json():
    rules = rule_set(
        {"id": "tea", "name": "Tea lovers", "level": 1, "conditions": {"categories": ["tea"]},
         "reward": {"percent": "12.5"}},
        modifiers=[{"name": "gold", "conditions": {"partner_groups": ["gold"]}, "multiply": "1.5"}],
        caps={"per_order": {"points": 20}},
    )
    [draft] = evaluate(rules, 9, order(line(1, 9999, category="tea")),
                       [partner(7, group="gold", reward_preference="points")], terms(points_per_unit="2.5"))

    explanation = draft.explanation
    assert json.loads(json.dumps(explanation)) == explanation
    assert explanation == {
        "rule_set_version": 9,
        "rule_id": "tea",
        "rule_name": "Tea lovers",
        "level": 1,
        "line_no": 1,
        "conditions": [{"condition": "categories", "expected": ["tea"], "seen": "tea"}],
        "base_minor": 9999,
        "reward": {"type": "percent", "percent": "12.5"},
        "tier": None,
        "modifiers": [{"index": 0, "name": "gold", "multiply": "1.5", "conditions": [
            {"condition": "partner_groups", "expected": ["gold"], "seen": "gold"}]}],
        "formula": "9999 × 12.5% × 1.5 = 1874.8125 (minor units)",
        "exact_minor": "1874.8125",
        "settlement": {"kind": "points", "source": "partner preference", "currency": "CNY",
                       "points_per_unit": "2.5", "points_rounding": "down", "exact_points": "46.8703125"},
        "rounding": {"mode": "down", "unit": "point", "exact": "46.8703125", "result": 46},
        "caps": [{"cap": "per_order", "limit": 20, "partner_total_before": 46, "partner_total_after": 20,
                  "before": 46, "after": 20}],
        "amount": 20,
    }


def test_a_compiled_rule_set_evaluates_like_the_rule_set_and_is_reusable():
    rules = rule_set({"id": "direct", "level": 1, "reward": TEN},
                     {"id": "recruiter", "level": 2, "reward": {"percent": "3"}})
    compiled = compile_rule_set(rules)
    for net in (1, 999, 10000, 123457):
        sale = order(line(1, net), line(2, net * 2))
        who = [partner(7), partner(3, level=2)]
        assert evaluate(compiled, 1, sale, who, terms()) == evaluate(rules, 1, sale, who, terms())


def test_exact_arithmetic_holds_on_large_amounts():
    rules = rule_set({"id": "direct", "level": 1, "reward": {"percent": "33.333333333333"}},
                     modifiers=[{"multiply": "1.000000000001"}])
    net = 9_000_000_000_000_000_000 // 100
    [draft] = evaluate(rules, 1, order(line(1, net)), [partner(7)], terms())
    exact = Decimal(net) * Decimal("33.333333333333") / 100 * Decimal("1.000000000001")
    assert draft.explanation["exact_minor"] == format(exact.normalize(), "f")
    assert isinstance(draft.amount, int)


def test_a_reward_beyond_a_storable_amount_is_refused_not_wrapped():
    rules = rule_set({"id": "direct", "level": 1, "reward": {"percent": "100"}},
                     modifiers=[{"multiply": "999999999999"}])
    with pytest.raises(InvalidInput):
        evaluate(rules, 1, order(line(1, 10**15)), [partner(7)], terms())


def test_facts_refuse_what_would_be_a_bug_upstream():
    with pytest.raises(TypeError):
        Terms(currency="CNY", timezone="Asia/Shanghai", points_per_unit=1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Terms(currency="CNY", timezone="Nowhere/City")
    with pytest.raises(ValueError):
        OrderFacts(datetime(2025, 3, 1), "online", None, False, 0, ())
    with pytest.raises(ValueError):
        Beneficiary(partner_id=1, level=3)
    with pytest.raises(ValueError):
        LineFacts(1, "A", "c", 1, -5)


def test_terms_read_points_per_unit_from_a_stored_string():
    assert Terms(currency="CNY", timezone="UTC", points_per_unit="2.5").points_per_unit == Decimal("2.5")  # type: ignore[arg-type]


@settings(max_examples=400, deadline=None)
@given(data=st.data(), content=property_rule_sets, sale=property_orders(), rules_terms=property_terms,
       keep_zero=st.booleans())
def test_without_explanations_evaluation_gives_the_same_drafts(data, content, sale, rules_terms, keep_zero):
    rules = compile_rule_set(parse_rule_set(content, currency="CNY", known_groups=["gold", "silver"]))
    who = [data.draw(property_beneficiary(7, 1)), data.draw(property_beneficiary(3, 2))]

    explained = rules.evaluate(1, sale, who, rules_terms, keep_zero=keep_zero)
    lean = rules.evaluate(1, sale, who, rules_terms, keep_zero=keep_zero, explain=False)

    def decided(drafts):
        return [(d.partner_id, d.level, d.line_no, d.rule_id, d.kind, d.amount, d.base_minor) for d in drafts]

    assert decided(lean) == decided(explained)
    assert all(d.explanation == {} for d in lean)


def test_without_explanations_caps_and_points_still_apply():
    rules = rule_set(
        {"id": "all-10", "level": 1, "reward": TEN},
        {"id": "points-bonus", "level": 1, "settle_as": "points", "reward": {"flat_per_order": "1.25"}},
        caps={"per_order": {"cash": 1500}},
        modifiers=[{"conditions": {"categories": ["tea"]}, "multiply": "1.5"}],
    )
    sale = order(line(1, 10000, category="tea"), line(2, 10000))

    lean = evaluate(rules, 1, sale, [partner(7)], terms(points_per_unit="10"), explain=False)

    # 15.00 + 10.00 cut to 15.00 by largest remainder (9.00 + 6.00); 1.25 × 1.5 = 1.875 yuan = 18 points
    assert amounts(lean) == [(7, 1, "cash", 900), (7, 2, "cash", 600), (7, None, "points", 18)]


@settings(max_examples=400, deadline=None)
@given(data=st.data(), content=property_rule_sets, sale=property_orders(), rules_terms=property_terms,
       recruiter=st.sampled_from([3, 7]))
def test_totals_are_the_sums_of_the_drafts_per_partner_and_kind(data, content, sale, rules_terms, recruiter):
    # the recruiter may be the attributed partner too: caps then cover both levels' commissions
    rules = compile_rule_set(parse_rule_set(content, currency="CNY", known_groups=["gold", "silver"]))
    who = [data.draw(property_beneficiary(7, 1)), data.draw(property_beneficiary(recruiter, 2))]

    sums: dict[tuple[int, str], int] = {}
    for draft in rules.evaluate(1, sale, who, rules_terms):
        sums[draft.partner_id, draft.kind] = sums.get((draft.partner_id, draft.kind), 0) + draft.amount
    totals = rules.totals(sale, who, rules_terms)

    assert {key: total for key, total in totals.items() if total} == {key: total for key, total in sums.items() if total}
    assert all(type(total) is int and total >= 0 for total in totals.values())


def test_totals_apply_the_per_order_cap_then_what_is_left_of_the_month():
    rules = rule_set(
        {"id": "all-10", "level": 1, "reward": TEN},
        {"id": "points-bonus", "level": 1, "settle_as": "points", "reward": {"flat_per_order": "1.25"}},
        caps={"per_order": {"cash": 1500}, "per_partner_month": {"cash": 5000}},
    )
    sale = order(line(1, 10000), line(2, 10000))
    compiled = compile_rule_set(rules)

    fresh = compiled.totals(sale, [partner(7)], terms(points_per_unit="10"))
    late = compiled.totals(sale, [partner(7, month_earned={"cash": 4000})], terms(points_per_unit="10"))

    assert fresh == {(7, "cash"): 1500, (7, "points"): 12}  # 20.00 cut to 15.00; 1.25 yuan = 12 points (down)
    assert late[7, "cash"] == 1000  # 10.00 left this month


@given(numerator=st.integers(0, 10**30), twos=st.integers(0, 40), fives=st.integers(0, 40),
       mode=st.sampled_from(list(Rounding)))
def test_an_integer_fraction_rounds_as_the_same_decimal_does(numerator, twos, fives, mode):
    # evaluation's denominators are powers of ten (decimals) times the points rate's: 2**a * 5**b
    denominator = 2**twos * 5**fives
    with localcontext(ROUNDING):  # as evaluation rounds: exact, 1000 digits
        exact = Decimal(numerator).scaleb(-(twos + fives)) * (Decimal(2) ** fives) * (Decimal(5) ** twos)
        assert rounded(numerator, denominator, mode) == round_minor(exact, mode)
