"""Properties over random orders, discounts, rule sets and refund sequences: every amount is an int,
caps and allocations sum exactly, and a commission with its reversals never goes below zero and
lands on exactly zero once everything is refunded."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from commissions.reversals import Refunded, kept_order_reversal, line_reversal, order_reversal
from commissions.rules import Beneficiary, LineFacts, OrderFacts, Terms, evaluate
from commissions.rules.ruleset import parse_rule_set
from core.money import Rounding, allocate

SKUS = ["S1", "S2", "S3"]
CATEGORIES = ["tea", "cups"]
GROUPS = ["gold", "silver"]

percents = st.integers(1, 10_000).map(lambda hundredths: str(Decimal(hundredths).scaleb(-2))) | st.just("0")
minor = st.integers(min_value=0, max_value=50_000)
reward_amounts = st.integers(min_value=1, max_value=50_000)

conditions = st.fixed_dictionaries({}, optional={
    "skus": st.lists(st.sampled_from(SKUS), min_size=1, max_size=2, unique=True),
    "categories": st.lists(st.sampled_from(CATEGORIES), min_size=1, max_size=2, unique=True),
    "partner_groups": st.lists(st.sampled_from(GROUPS), min_size=1, unique=True),
    "channel": st.sampled_from(["online", "store"]),
    "first_order": st.booleans(),
    "min_subtotal": minor,
    "weekdays": st.lists(st.integers(1, 7), min_size=1, max_size=5, unique=True),
    "days_of_month": st.lists(st.integers(1, 31), min_size=1, max_size=10, unique=True),
})
#: half the rules and modifiers apply to everything, so most examples earn something
some_conditions = st.one_of(st.just({}), conditions)
tiers = st.lists(st.tuples(st.integers(0, 10**7), percents), min_size=1, max_size=3, unique_by=lambda t: t[0]).map(
    lambda ts: [{"min_month_net": threshold, "percent": p} for threshold, p in sorted(ts)]
)
rewards = st.one_of(
    percents.map(lambda p: {"percent": p}),
    reward_amounts.map(lambda a: {"flat_per_unit": a}),
    reward_amounts.map(lambda a: {"flat_per_order": a}),
    tiers.map(lambda t: {"tiers": t}),
)
rules = st.lists(
    st.fixed_dictionaries(
        {"level": st.sampled_from([1, 2]), "conditions": some_conditions, "reward": rewards},
        optional={"settle_as": st.sampled_from(["cash", "points"])},
    ),
    min_size=1,
    max_size=6,
).map(lambda rs: [{"id": f"r{i}", **r} for i, r in enumerate(rs)])
modifiers = st.lists(
    st.fixed_dictionaries(
        {"conditions": some_conditions, "multiply": st.sampled_from(["1.5", "0.5", "1.25", "2", "3.333", "0"])},
        optional={"level": st.sampled_from([1, 2])},
    ),
    max_size=3,
)
cap_amounts = st.fixed_dictionaries(
    {}, optional={"cash": minor, "points": st.integers(0, 500), "level": st.sampled_from([1, 2])}
)
caps = st.fixed_dictionaries({}, optional={"per_order": cap_amounts, "per_partner_month": cap_amounts})
rule_sets = st.fixed_dictionaries({"rules": rules, "modifiers": modifiers, "caps": caps})

terms_strategy = st.builds(
    Terms,
    currency=st.just("CNY"),
    timezone=st.sampled_from(["Asia/Shanghai", "UTC", "America/New_York"]),
    rounding=st.sampled_from(list(Rounding)),
    points_per_unit=st.sampled_from(["1", "10", "0.5", "2.5", "0.01"]).map(Decimal),
    points_rounding=st.sampled_from(["down", "nearest"]),
)


@st.composite
def orders(draw) -> OrderFacts:
    count = draw(st.integers(1, 5))
    quantities = draw(st.lists(st.integers(1, 5), min_size=count, max_size=count))
    prices = draw(st.lists(st.integers(100, 10_000) | st.integers(0, 100_000), min_size=count, max_size=count))
    gross = [q * p for q, p in zip(quantities, prices, strict=True)]
    discount = draw(st.integers(0, sum(gross) // 3) | st.integers(0, sum(gross)))
    shares = allocate(discount, gross)
    assert sum(shares) == discount  # the order discount splits exactly over the lines
    lines = tuple(
        LineFacts(line_no=i + 1, sku=draw(st.sampled_from(SKUS)), category=draw(st.sampled_from(CATEGORIES)),
                  quantity=quantities[i], net_minor=gross[i] - shares[i])
        for i in range(count)
    )
    at = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=draw(st.integers(0, 60 * 24 * 365)))
    return OrderFacts(occurred_at=at, channel=draw(st.sampled_from(["online", "store"])), scene="personal",
                      is_first_order=draw(st.booleans()), subtotal_minor=sum(gross), lines=lines)


def beneficiary(partner_id: int, level: int) -> st.SearchStrategy[Beneficiary]:
    return st.builds(
        Beneficiary, partner_id=st.just(partner_id), level=st.just(level),
        group=st.sampled_from([None, *GROUPS]), kind=st.just("customer"),
        reward_preference=st.sampled_from(["cash", "points"]),
        month_net_before_minor=st.integers(0, 10**7),
        month_earned=st.fixed_dictionaries({"cash": minor, "points": st.integers(0, 500)}),
        month_earned_at_level=st.fixed_dictionaries({"cash": minor, "points": st.integers(0, 500)}),
    )


def assert_no_float(value: Any) -> None:
    assert not isinstance(value, float), value
    if isinstance(value, dict):
        for item in value.values():
            assert_no_float(item)
    elif isinstance(value, list | tuple):
        for item in value:
            assert_no_float(item)


@st.composite
def refund_steps(draw, whole: Refunded) -> list[Refunded]:
    """Cumulative refunded totals of a line, ending fully refunded (by units, by amount, or both)."""
    steps, quantity, amount = [], 0, 0
    for _ in range(draw(st.integers(0, 4))):
        quantity = draw(st.integers(quantity, whole.quantity))
        amount = draw(st.integers(amount, whole.amount_minor))
        steps.append(Refunded(quantity, amount))
    # a full refund returns every unit, or refunds the whole net, or both (a zero measure cannot say "all")
    endings = ["both"] + ["units"] * bool(whole.quantity) + ["amount"] * bool(whole.amount_minor)
    ending = draw(st.sampled_from(endings))
    steps.append(Refunded(whole.quantity if ending != "amount" else quantity,
                          whole.amount_minor if ending != "units" else amount))
    return steps


@settings(max_examples=300, deadline=None)
@given(data=st.data(), content=rule_sets, order=orders(), terms=terms_strategy)
def test_commissions_and_their_reversals_are_exact_ints_that_net_to_zero(data, content, order, terms):
    rule_set = parse_rule_set(content, currency="CNY", known_groups=GROUPS)
    who = [data.draw(beneficiary(7, 1)), data.draw(beneficiary(3, 2))]

    drafts = evaluate(rule_set, 1, order, who, terms, keep_zero=True)

    for draft in drafts:
        assert type(draft.amount) is int and draft.amount >= 0
        assert type(draft.base_minor) is int
        assert_no_float(draft.explanation)
        assert json.loads(json.dumps(draft.explanation)) == draft.explanation
        assert draft.explanation["amount"] == draft.amount

    # caps hold, and a cut total is split exactly
    for partner in who:
        for kind in ("cash", "points"):
            group = [d for d in drafts if d.partner_id == partner.partner_id and d.kind == kind]
            total = sum(d.amount for d in group)
            if (cap := rule_set.caps.per_order) and getattr(cap, kind) is not None and cap.level in (None, partner.level):
                assert total <= getattr(cap, kind)
            cap = rule_set.caps.per_partner_month
            if cap and getattr(cap, kind) is not None and cap.level in (None, partner.level):
                earned = (partner.month_earned if cap.level is None else partner.month_earned_at_level)[kind]
                assert total <= max(0, getattr(cap, kind) - earned)
            cut = [d.explanation["caps"][-1]["partner_total_after"] for d in group if "caps" in d.explanation]
            if cut:
                assert total == cut[0]

    # refunds: a line's reversals never take it below zero and land on zero
    lines = {line.line_no: line for line in order.lines}
    for draft in drafts:
        if draft.line_no is not None:
            line = lines[draft.line_no]
            whole = Refunded(line.quantity, line.net_minor)
            steps = data.draw(refund_steps(whole))
            reversals, before = [], Refunded()
            for after in steps:
                reversals.append(line_reversal(draft.amount, line=whole, before=before, after=after))
                before = after
        else:
            totals = sorted(data.draw(st.lists(st.integers(0, order.net_minor), max_size=4))) + [order.net_minor]
            # a flat per-order amount is prorated or kept (a net of zero has nothing to refund: prorated)
            kept = order.net_minor > 0 and data.draw(st.booleans())
            reverse = kept_order_reversal if kept else order_reversal
            reversals, before_minor = [], 0
            for after_minor in totals:
                reversals.append(reverse(draft.amount, order_net_minor=order.net_minor,
                                         refunded_before_minor=before_minor, refunded_after_minor=after_minor))
                before_minor = after_minor
            if kept:  # nothing is taken back until a step completes the whole net, then everything
                first_whole = totals.index(order.net_minor)
                assert reversals == [-draft.amount if i == first_whole else 0 for i in range(len(totals))]
        running = draft.amount
        for reversal in reversals:
            assert type(reversal) is int and reversal <= 0
            running += reversal
            assert running >= 0
        if draft.line_no is not None or order.net_minor > 0:
            assert running == 0


@st.composite
def refund_histories(draw) -> tuple[int, Refunded, list[Refunded]]:
    """A commission, its line, and cumulative refunded totals ending in a full refund."""
    whole = Refunded(draw(st.integers(0, 1000)), draw(st.integers(0, 10**12)))
    if whole == Refunded():
        whole = Refunded(1, 0)
    return draw(st.integers(0, 10**12)), whole, draw(refund_steps(whole))


@settings(max_examples=500)
@given(history=refund_histories())
def test_any_refund_history_reverses_a_commission_to_exactly_zero_never_past_it(history):
    commission, whole, steps = history
    running, before = commission, Refunded()
    for after in steps:
        reversal = line_reversal(commission, line=whole, before=before, after=after)
        assert type(reversal) is int and reversal <= 0
        running += reversal
        assert 0 <= running <= commission
        before = after
    assert running == 0
