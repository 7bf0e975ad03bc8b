"""A rule set's rules and modifiers prepared for evaluation: predicates, rates and their texts."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .conditions import Predicate
from .exact import text
from .facts import RewardKind
from .ruleset import Modifier, Rule


@dataclass(slots=True)
class CompiledRule:
    """A rule ready to evaluate: its predicate, and its reward with the texts explanations quote."""

    id: str
    name: str | None
    level: int
    when: Predicate
    reward_type: str
    settle_as: RewardKind | None
    percent: Decimal | None = None
    percent_text: str = ""
    amount: int | None = None
    #: (min_month_net, percent, percent as text), increasing
    tiers: tuple[tuple[int, Decimal, str], ...] = ()
    #: the percent as an exact integer fraction of the base, (numerator, denominator), for `amounts`
    rate: tuple[int, int] | None = None
    #: (min_month_net, rate), increasing
    tier_rates: tuple[tuple[int, tuple[int, int]], ...] = ()
    #: flat_per_order: what a partial refund does to the amount, keep or prorate (`Rule.partial_refund`)
    partial_refund: str = "keep"


@dataclass(slots=True)
class CompiledModifier:
    """A modifier ready to evaluate; `index` is its place in the rule set's list."""

    index: int
    name: str | None
    factor: Decimal
    factor_text: str
    when: Predicate
    #: the factor as an exact integer fraction (numerator, denominator), for `amounts`
    ratio: tuple[int, int] = (1, 1)


def compile_rule(rule: Rule) -> CompiledRule:
    reward = rule.reward
    return CompiledRule(
        id=rule.id, name=rule.name, level=rule.level, when=Predicate(rule.conditions),
        reward_type=reward.type, settle_as=rule.settle_as, percent=reward.percent,
        percent_text=text(reward.percent) if reward.percent is not None else "",
        amount=reward.flat_per_unit if reward.flat_per_unit is not None else reward.flat_per_order,
        tiers=tuple((t.min_month_net, t.percent, text(t.percent)) for t in reward.tiers or ()),
        rate=_percent_ratio(reward.percent) if reward.percent is not None else None,
        tier_rates=tuple((t.min_month_net, _percent_ratio(t.percent)) for t in reward.tiers or ()),
        partial_refund=rule.partial_refund or "keep",
    )


def compile_modifier(index: int, modifier: Modifier) -> CompiledModifier:
    return CompiledModifier(
        index, modifier.name, modifier.multiply, text(modifier.multiply), Predicate(modifier.conditions, modifier.level),
        modifier.multiply.as_integer_ratio(),
    )


def _percent_ratio(percent: Decimal) -> tuple[int, int]:
    numerator, denominator = percent.as_integer_ratio()
    return numerator, denominator * 100
