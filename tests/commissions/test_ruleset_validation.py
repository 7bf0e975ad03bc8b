"""A rule set is refused with errors naming each offending field, in words a merchant can act on."""

from __future__ import annotations

import copy
import json
import string
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from commissions.errors import InvalidRuleSet
from commissions.rules.ruleset import CODES, ENGLISH, RuleSet, dump_rule_set, parse_rule_set
from core.errors import InvalidInput

GROUPS = {"gold", "silver"}

FULL: dict[str, Any] = {
    "rules": [
        {"id": "beauty-10", "name": "Beauty 10%", "level": 1,
         "conditions": {"categories": ["beauty"], "partner_groups": ["gold"], "partner_kinds": ["guide"],
                        "channel": "store", "scenes": ["product", "service"], "first_order": False,
                        "min_subtotal": "99.00", "date_from": "2025-03-01", "date_to": "2025-03-31",
                        "days_of_month": [8, 18, 28], "weekdays": ["sat", "Sunday", 1],
                        "timezone": "Europe/Paris"},
         "reward": {"percent": "10.5"}, "settle_as": "points"},
        {"id": "mask", "level": 1, "conditions": {"skus": ["MASK-10"]}, "reward": {"flat_per_unit": 300}},
        {"id": "welcome", "level": 1, "conditions": {"first_order": True}, "reward": {"flat_per_order": "20"}},
        {"id": "volume", "level": 1, "reward": {"tiers": [{"min_month_net": 0, "percent": 5},
                                                         {"min_month_net": "10000.00", "percent": "8"}]}},
        {"id": "recruiter", "level": 2, "reward": {"percent": "2"}},
    ],
    "modifiers": [
        {"name": "gold", "level": 1, "conditions": {"partner_groups": ["gold"]}, "multiply": "1.5"},
        {"conditions": {"days_of_month": [8]}, "multiply": 2},
    ],
    "caps": {"per_order": {"cash": "50.00", "points": 5000}, "per_partner_month": {"cash": 100000}},
    "customer_incentive": {"percent": "5", "first_order_only": True, "min_subtotal": "50"},
}


def errors_of(data: Any, **kwargs: Any) -> list[dict[str, str]]:
    with pytest.raises(InvalidInput) as caught:
        parse_rule_set(data, currency=kwargs.pop("currency", "CNY"), known_groups=GROUPS, **kwargs)
    assert caught.value.status == 422
    return caught.value.problem()["errors"]


def fields_of(data: Any) -> list[str]:
    return [e["field"] for e in errors_of(data)]


def with_rule(**changes: Any) -> dict[str, Any]:
    rule = {"id": "r1", "level": 1, "reward": {"percent": "10"}}
    for key, value in changes.items():
        rule[key] = value
    return {"rules": [rule]}


def test_a_complete_rule_set_parses_with_amounts_in_minor_units():
    parsed = parse_rule_set(FULL, currency="CNY", known_groups=GROUPS)

    first = parsed.rules[0]
    assert first.reward.percent == Decimal("10.5")
    assert first.conditions.min_subtotal == 9900
    assert first.conditions.weekdays == (6, 7, 1)
    assert first.conditions.date_from == date(2025, 3, 1)
    assert parsed.rules[2].reward.flat_per_order == 2000
    assert [t.min_month_net for t in parsed.rules[3].reward.tiers] == [0, 1000000]
    assert parsed.caps.per_order.cash == 5000 and parsed.caps.per_order.points == 5000
    assert parsed.customer_incentive.min_subtotal == 5000


def test_a_dumped_rule_set_is_json_and_parses_back_unchanged():
    parsed = parse_rule_set(FULL, currency="CNY", known_groups=GROUPS)
    dumped = dump_rule_set(parsed)

    assert json.loads(json.dumps(dumped)) == dumped
    assert parse_rule_set(dumped, currency="CNY", known_groups=GROUPS) == parsed


def test_decimal_amounts_follow_the_currency_exponent():
    data = with_rule(reward={"flat_per_unit": "300"})
    assert parse_rule_set(data, currency="JPY", known_groups=()).rules[0].reward.flat_per_unit == 300
    assert errors_of(with_rule(reward={"flat_per_unit": "3.5"}), currency="JPY") == [
        {"field": "rules.0.reward.flat_per_unit", "message": "'3.5' has more decimals than JPY allows (0)"}
    ]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"rules": [], "name": "x"}, "name"),
        (with_rule(colour="red"), "rules.0.colour"),
        (with_rule(conditions={"sku": ["A"]}), "rules.0.conditions.sku"),
        (with_rule(reward={"percent": "10", "per": "line"}), "rules.0.reward.per"),
        ({"modifiers": [{"multiply": "2", "when": {}}]}, "modifiers.0.when"),
        ({"caps": {"per_day": {"cash": 1}}}, "caps.per_day"),
        ({"caps": {"per_order": {"usd": 1}}}, "caps.per_order.usd"),
        ({"customer_incentive": {"percent": "5", "code": "X"}}, "customer_incentive.code"),
    ],
)
def test_unknown_fields_are_refused_where_they_are(data, field):
    assert errors_of(data) == [
        {"field": field, "message": "unknown field (check its spelling; the README lists every field)"}
    ]


def test_a_third_level_is_refused_by_design():
    [error] = errors_of(with_rule(level=3))
    assert error["field"] == "rules.0.level"
    assert "level 3 is refused" in error["message"] and "unlawful" in error["message"]


@pytest.mark.parametrize("level", [0, -1, "1", 1.0, True, None])
def test_a_level_must_be_the_integer_one_or_two(level):
    assert fields_of(with_rule(level=level)) == ["rules.0.level"]


@pytest.mark.parametrize("percent", ["100.01", 101, "-1", "-0.5"])
def test_a_percent_outside_zero_to_a_hundred_is_refused(percent):
    assert errors_of(with_rule(reward={"percent": percent})) == [
        {"field": "rules.0.reward.percent",
         "message": f"a percent must be between 0 and 100, not {Decimal(str(percent))}"}
    ]


@pytest.mark.parametrize("percent", [10.5, "ten", "1e2", "", True])
def test_a_percent_must_be_a_decimal_string_or_an_integer_never_a_float(percent):
    assert fields_of(with_rule(reward={"percent": percent})) == ["rules.0.reward.percent"]


def test_tier_percents_are_bounded_too():
    data = with_rule(reward={"tiers": [{"min_month_net": 0, "percent": "120"}]})
    assert fields_of(data) == ["rules.0.reward.tiers.0.percent"]


@pytest.mark.parametrize("name", ["skus", "categories", "partner_groups", "partner_kinds", "scenes",
                                  "days_of_month", "weekdays"])
def test_an_empty_list_condition_is_refused_as_matching_nothing(name):
    assert errors_of(with_rule(conditions={name: []})) == [{
        "field": f"rules.0.conditions.{name}",
        "message": "an empty list matches nothing: leave the condition out to match everything",
    }]


def test_a_date_window_that_ends_before_it_starts_is_refused():
    data = with_rule(conditions={"date_from": "2025-03-10", "date_to": "2025-03-09"})
    assert errors_of(data) == [{
        "field": "rules.0.conditions.date_to",
        "message": "the date window ends (2025-03-09) before it starts (2025-03-10)",
    }]


def test_a_one_day_window_is_fine():
    data = with_rule(conditions={"date_from": "2025-03-10", "date_to": "2025-03-10"})
    assert parse_rule_set(data, currency="CNY", known_groups=()).rules[0].conditions.date_to == date(2025, 3, 10)


@pytest.mark.parametrize("value", ["2025-02-30", "10/03/2025", 1741564800])
def test_a_date_must_be_an_iso_calendar_date(value):
    assert fields_of(with_rule(conditions={"date_from": value})) == ["rules.0.conditions.date_from"]


def test_an_unknown_partner_group_is_refused_in_rules_and_modifiers():
    data = {
        "rules": [{"id": "r1", "level": 1, "conditions": {"partner_groups": ["gold", "platinum"]},
                   "reward": {"percent": "1"}}],
        "modifiers": [{"conditions": {"partner_groups": ["bronze"]}, "multiply": "2"}],
    }
    assert errors_of(data) == [
        {"field": "rules.0.conditions.partner_groups.1",
         "message": "unknown partner group 'platinum' (known groups: gold, silver)"},
        {"field": "modifiers.0.conditions.partner_groups.0",
         "message": "unknown partner group 'bronze' (known groups: gold, silver)"},
    ]


def test_duplicate_rule_ids_are_refused_at_the_second_one():
    data = {"rules": [{"id": "a", "level": 1, "reward": {"percent": "1"}},
                      {"id": "b", "level": 1, "reward": {"percent": "1"}},
                      {"id": "a", "level": 2, "reward": {"percent": "1"}}]}
    assert errors_of(data) == [
        {"field": "rules.2.id", "message": "duplicate rule id 'a' (rules.0.id has it)"}
    ]


@pytest.mark.parametrize("rule_id", ["", "has space", "-leading", "x" * 65, 12])
def test_a_rule_id_is_a_short_readable_token(rule_id):
    assert fields_of(with_rule(id=rule_id)) == ["rules.0.id"]


@pytest.mark.parametrize(("day", "index"), [(0, 1), (32, 1), ("8", 1)])
def test_a_day_of_month_outside_one_to_thirty_one_is_refused(day, index):
    assert fields_of(with_rule(conditions={"days_of_month": [8, day]})) == [
        f"rules.0.conditions.days_of_month.{index}"
    ]


@pytest.mark.parametrize("weekday", [0, 8, "funday", True])
def test_a_weekday_is_one_to_seven_or_a_name(weekday):
    assert fields_of(with_rule(conditions={"weekdays": [weekday]})) == ["rules.0.conditions.weekdays.0"]


@pytest.mark.parametrize("tz", ["Mars/Olympus", "", "../etc/passwd"])
def test_a_bad_time_zone_is_refused(tz):
    [error] = errors_of(with_rule(conditions={"timezone": tz}))
    assert error["field"] == "rules.0.conditions.timezone"
    assert "unknown time zone" in error["message"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (with_rule(reward={"flat_per_unit": -1}), "rules.0.reward.flat_per_unit"),
        (with_rule(reward={"flat_per_order": "-2.00"}), "rules.0.reward.flat_per_order"),
        (with_rule(conditions={"min_subtotal": "-0.01"}), "rules.0.conditions.min_subtotal"),
        (with_rule(reward={"tiers": [{"min_month_net": -5, "percent": "1"}]}), "rules.0.reward.tiers.0.min_month_net"),
        ({"caps": {"per_order": {"cash": -100}}}, "caps.per_order.cash"),
        ({"caps": {"per_partner_month": {"points": "-3"}}}, "caps.per_partner_month.points"),
        ({"customer_incentive": {"amount": "-5"}}, "customer_incentive.amount"),
        ({"modifiers": [{"multiply": "-1"}]}, "modifiers.0.multiply"),
    ],
)
def test_negative_amounts_are_refused(data, field):
    assert fields_of(data) == [field]


def test_tier_thresholds_must_increase():
    data = with_rule(reward={"tiers": [{"min_month_net": 0, "percent": "5"},
                                       {"min_month_net": "100.00", "percent": "6"},
                                       {"min_month_net": "100.00", "percent": "7"}]})
    assert errors_of(data) == [{
        "field": "rules.0.reward.tiers.2.min_month_net",
        "message": "tier thresholds must increase: 10000 is not above the previous tier's 10000",
    }]


def test_tiers_need_at_least_one_tier():
    assert errors_of(with_rule(reward={"tiers": []})) == [
        {"field": "rules.0.reward.tiers", "message": "give at least one tier"}
    ]


@pytest.mark.parametrize("reward", [{}, {"percent": "5", "flat_per_unit": 1}])
def test_a_reward_is_exactly_one_kind(reward):
    assert fields_of(with_rule(reward=reward)) == ["rules.0.reward"]


@pytest.mark.parametrize("incentive", [{}, {"percent": "5", "amount": 100}])
def test_a_customer_incentive_is_a_percent_or_an_amount(incentive):
    assert fields_of({"customer_incentive": incentive}) == ["customer_incentive"]


def test_missing_fields_are_named():
    assert errors_of({"rules": [{"reward": {"percent": "1"}}]}) == [
        {"field": "rules.0.id", "message": "required"},
        {"field": "rules.0.level", "message": "required"},
    ]


def test_every_error_is_reported_at_once_and_the_detail_names_the_first():
    data = copy.deepcopy(FULL)
    data["rules"][0]["level"] = 3
    data["rules"][1]["conditions"]["skus"] = []
    data["modifiers"][0]["multiply"] = 1.5
    with pytest.raises(InvalidInput) as caught:
        parse_rule_set(data, currency="CNY", known_groups=GROUPS)
    problem = caught.value.problem()
    assert [e["field"] for e in problem["errors"]] == [
        "rules.0.level", "rules.1.conditions.skus", "modifiers.0.multiply"
    ]
    assert problem["detail"].startswith("invalid rule set: rules.0.level: level 3 is refused")


def test_field_paths_can_be_prefixed_for_a_nested_body():
    assert errors_of(with_rule(level=3), where="content")[0]["field"] == "content.rules.0.level"


def test_a_rule_set_that_is_not_an_object_is_refused():
    assert fields_of(["rules"]) == ["rule_set"]


def test_the_json_schema_documents_the_shape():
    schema = RuleSet.model_json_schema()
    rule = schema["$defs"]["Rule"]
    assert rule["additionalProperties"] is False
    assert set(rule["properties"]) == {"id", "name", "level", "conditions", "reward", "settle_as", "partial_refund"}


def test_each_error_also_carries_a_code_and_parameters_that_the_api_answer_leaves_out():
    data = copy.deepcopy(FULL)
    data["rules"][0]["level"] = 3
    data["rules"][1]["conditions"]["skus"] = []
    data["rules"][3]["reward"]["tiers"][1]["min_month_net"] = 0
    data["modifiers"][0]["conditions"]["partner_groups"] = ["bronze"]
    data["caps"]["per_order"]["cash"] = "1.234"
    with pytest.raises(InvalidRuleSet) as caught:
        parse_rule_set(data, currency="CNY", known_groups=GROUPS, where="content")
    assert [(r.field, r.code, dict(r.params)) for r in caught.value.refusals] == [
        ("content.rules.0.level", "level_too_deep", {"level": 3}),
        ("content.rules.1.conditions.skus", "empty_list", {}),
        ("content.rules.3.reward.tiers.1.min_month_net", "tiers_increasing", {"threshold_minor": 0, "previous_minor": 0}),
        ("content.modifiers.0.conditions.partner_groups.0", "unknown_group",
         {"group": "bronze", "known": ["gold", "silver"]}),
        ("content.caps.per_order.cash", "money_decimals", {"value": "1.234", "currency": "CNY", "places": 2}),
    ]
    problem = caught.value.problem()
    assert problem["errors"] == [r.error for r in caught.value.refusals]
    assert all(set(error) == {"field", "message"} for error in problem["errors"])
    assert set(problem) == {"type", "title", "status", "detail", "errors"}


WRONG_VALUES = [None, True, 1.5, -1, 3, 10**13, "", "x", "1.234", "-3", "2025-02-30", "Mars/Olympus", [], ["nobody"],
                [32], ["funday"], {}, {"a": 1}, "a" * 101, ["a"] * 501, "bad id!"]


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found += _paths(item, (*prefix, key))
    return found


def test_any_wrong_value_anywhere_is_refused_with_a_known_code_and_its_parameters():
    seen = set()
    for path in _paths(FULL):
        for value in WRONG_VALUES:
            data = copy.deepcopy(FULL)
            target = data
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = copy.deepcopy(value)
            try:
                parse_rule_set(data, currency="CNY", known_groups=GROUPS)
            except InvalidRuleSet as error:
                for refusal in error.refusals:
                    assert refusal.code in CODES, refusal
                    assert set(refusal.params) == set(CODES[refusal.code]), refusal
                    seen.add(refusal.code)
    assert "invalid" not in seen  # every error pydantic raised here has a code of its own
    assert len(seen) > 25


#: (rule set, known groups) -> (code, field, the English the API answered before its words came
#: from `ruleset.ENGLISH`): one case per code worded there.
WORDED = [
    (with_rule(colour="red"), GROUPS, "unknown_field", "rules.0.colour",
     "unknown field (check its spelling; the README lists every field)"),
    ({"rules": [{"level": 1, "reward": {"percent": "10"}}]}, GROUPS, "required", "rules.0.id", "required"),
    (with_rule(reward={"percent": 2.5}), GROUPS, "decimal_with_fraction", "rules.0.reward.percent",
     'give a decimal as a string ("2.5") or an integer, never a number with a fraction'),
    (with_rule(reward={"percent": True}), GROUPS, "decimal_expected", "rules.0.reward.percent",
     'expected a decimal string ("2.5") or an integer'),
    (with_rule(reward={"percent": 10**12}), GROUPS, "too_large", "rules.0.reward.percent",
     "1000000000000 is too large"),
    (with_rule(reward={"percent": "1e3"}), GROUPS, "decimal_format", "rules.0.reward.percent",
     '\'1e3\' is not a decimal like "12.5" (at most 12 digits each side of the point)'),
    (with_rule(reward={"percent": "101"}), GROUPS, "percent_range", "rules.0.reward.percent",
     "a percent must be between 0 and 100, not 101"),
    (with_rule(reward={"flat_per_unit": "-1"}), GROUPS, "amount_negative", "rules.0.reward.flat_per_unit",
     "an amount must not be negative"),
    (with_rule(reward={"flat_per_unit": True}), GROUPS, "money_expected", "rules.0.reward.flat_per_unit",
     "expected a decimal string or integer minor units"),
    (with_rule(reward={"flat_per_unit": "x"}), GROUPS, "money_format", "rules.0.reward.flat_per_unit",
     "'x' is not a decimal amount"),
    (with_rule(reward={"flat_per_unit": "1.234"}), GROUPS, "money_decimals", "rules.0.reward.flat_per_unit",
     "'1.234' has more decimals than CNY allows (2)"),
    (with_rule(reward={"flat_per_unit": "99999999999999999999"}), GROUPS, "too_large", "rules.0.reward.flat_per_unit",
     "'99999999999999999999' is too large"),
    (with_rule(reward={}), GROUPS, "reward_one_kind", "rules.0.reward",
     "give exactly one of percent, flat_per_unit, flat_per_order, tiers"),
    (with_rule(reward={"percent": "1", "flat_per_order": "2"}), GROUPS, "reward_one_kind", "rules.0.reward",
     "give exactly one of percent, flat_per_unit, flat_per_order, tiers (got percent, flat_per_order)"),
    (with_rule(reward={"tiers": []}), GROUPS, "tiers_empty", "rules.0.reward.tiers", "give at least one tier"),
    (with_rule(reward={"tiers": [{"min_month_net": "10", "percent": "1"}, {"min_month_net": "5", "percent": "2"}]}),
     GROUPS, "tiers_increasing", "rules.0.reward.tiers.1.min_month_net",
     "tier thresholds must increase: 500 is not above the previous tier's 1000"),
    (with_rule(level=3), GROUPS, "level_too_deep", "rules.0.level",
     "level 3 is refused: rewards go at most two levels up (1 = the attributed partner, 2 = their recruiter);"
     " deeper multi-level schemes are unlawful in the markets Relay serves"),
    (with_rule(level=0), GROUPS, "level_invalid", "rules.0.level",
     "level must be 1 (the attributed partner) or 2 (the partner's recruiter)"),
    (with_rule(conditions={"skus": []}), GROUPS, "empty_list", "rules.0.conditions.skus",
     "an empty list matches nothing: leave the condition out to match everything"),
    (with_rule(conditions={"weekdays": ["funday"]}), GROUPS, "weekday", "rules.0.conditions.weekdays.0",
     '\'funday\' is not a weekday: use 1 (Monday) to 7 (Sunday) or a name like "sat"'),
    (with_rule(conditions={"days_of_month": [32]}), GROUPS, "day_of_month", "rules.0.conditions.days_of_month.0",
     "32 is not a day of the month (1 to 31)"),
    (with_rule(conditions={"date_from": "2025-02-30"}), GROUPS, "date_format", "rules.0.conditions.date_from",
     '\'2025-02-30\' is not a date like "2025-03-08"'),
    (with_rule(conditions={"timezone": "Mars/Olympus"}), GROUPS, "timezone_unknown", "rules.0.conditions.timezone",
     "unknown time zone 'Mars/Olympus'"),
    (with_rule(conditions={"date_from": "2025-03-10", "date_to": "2025-03-09"}), GROUPS, "date_window",
     "rules.0.conditions.date_to", "the date window ends (2025-03-09) before it starts (2025-03-10)"),
    (with_rule(conditions={"partner_groups": ["bronze"]}), GROUPS, "unknown_group",
     "rules.0.conditions.partner_groups.0", "unknown partner group 'bronze' (known groups: gold, silver)"),
    (with_rule(conditions={"partner_groups": ["bronze"]}), set(), "unknown_group_none_defined",
     "rules.0.conditions.partner_groups.0", "unknown partner group 'bronze' (known groups: none defined yet)"),
    ({"rules": [], "modifiers": [{"multiply": "-1"}]}, GROUPS, "factor_negative", "modifiers.0.multiply",
     "a factor must not be negative, not -1"),
    ({"rules": [], "caps": {"per_order": {"points": "-1"}}}, GROUPS, "points_negative", "caps.per_order.points",
     "points must not be negative"),
    ({"rules": [], "caps": {"per_order": {"points": "1.5"}}}, GROUPS, "money_decimals", "caps.per_order.points",
     "'1.5' has more decimals than PTS allows (0)"),
    ({"rules": [], "customer_incentive": {"percent": "5", "amount": "1"}}, GROUPS, "incentive_one_kind",
     "customer_incentive", "give exactly one of percent, amount"),
    ({"rules": [{"id": "a", "level": 1, "reward": {"percent": "1"}}] * 2}, GROUPS, "duplicate_rule_id", "rules.1.id",
     "duplicate rule id 'a' (rules.0.id has it)"),
    (with_rule(partial_refund="keep"), GROUPS, "partial_refund_per_order_only", "rules.0.partial_refund",
     "partial_refund applies to a flat_per_order reward only (a percent or per-unit amount is reversed exactly"
     " per refunded line)"),
]


@pytest.mark.parametrize(("data", "groups", "code", "field", "english"), WORDED, ids=[w[2] for w in WORDED])
def test_the_api_words_each_refusal_from_its_code_as_it_always_did(data, groups, code, field, english):
    with pytest.raises(InvalidRuleSet) as caught:
        parse_rule_set(data, currency="CNY", known_groups=groups)
    assert [(r.code, r.field, r.message) for r in caught.value.refusals] == [(code, field, english)]
    assert caught.value.problem()["errors"] == [{"field": field, "message": english}]


def test_every_code_a_refusal_is_worded_from_has_english_words_using_only_its_parameters():
    assert set(ENGLISH) <= set(CODES)
    assert {case[2] for case in WORDED} == set(ENGLISH)  # each worded code is pinned above
    for code, words in ENGLISH.items():
        if isinstance(words, str):
            assert {name for _, name, _, _ in string.Formatter().parse(words) if name} <= set(CODES[code]), code
