"""Evaluation without explanations: the same decisions and amounts, in exact integer fractions.

For callers that only need the amounts (drafts with an empty explanation) or only each partner's
total on an order (the simulation). A reward is ``numerator / denominator`` minor units (or
points): the base times the percent, each modifier's factor and the points rate, all exact
integer fractions of the validated decimals, rounded once like `core.money.round_minor` rounds
the `Decimal` the explained path computes; property tests hold the paths to the same amounts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from core.money import MAX_MINOR, Rounding

from .compiled import CompiledModifier, CompiledRule
from .conditions import OrderView
from .decide import decisions
from .exact import POINTS_ROUNDING
from .facts import Beneficiary, CommissionDraft, LineFacts, OrderFacts, RewardKind, Terms
from .settle import Pending, apply_caps, cap_limit, month_earned_under, out_of_range

if TYPE_CHECKING:
    from .evaluate import CompiledRuleSet

_NOTHING = (0, 1)


def drafts(
    rules: CompiledRuleSet, order: OrderFacts, beneficiaries: Sequence[Beneficiary], terms: Terms, *, keep_zero: bool
) -> list[CommissionDraft]:
    """`evaluate(..., explain=False)`: the drafts, each with an empty explanation."""
    pending = []
    for who, rule, line, applied, per_order in decisions(rules, OrderView(order, terms), beneficiaries):
        kind, amount = _amount(rule, who, order.net_minor, line, applied, per_order, terms)
        base = order.net_minor if per_order else line.net_minor  # type: ignore[union-attr]
        pending.append(Pending(who, rule, None if per_order else line.line_no, kind, base, None, "", None,  # type: ignore[union-attr]
                               amount))
    apply_caps(rules.rule_set.caps, pending, explain=False)
    return [
        CommissionDraft(item.who.partner_id, item.who.level, item.line_no, item.rule.id, item.kind, item.amount,
                        item.base_minor, {})
        for item in pending if item.amount or keep_zero
    ]


def totals(
    rules: CompiledRuleSet, order: OrderFacts, beneficiaries: Sequence[Beneficiary], terms: Terms
) -> dict[tuple[int, RewardKind], int]:
    """What each partner earns on the order per settlement kind, caps applied: the sums of the
    drafts' amounts (a cap cuts a partner's commissions of one kind to exactly its limit, so the
    split over lines is not needed). Keys without a commission are left out; totals may be 0."""
    found: dict[tuple[int, RewardKind], int] = {}
    whose: dict[tuple[int, RewardKind], Beneficiary] = {}
    for who, rule, line, applied, per_order in decisions(rules, OrderView(order, terms), beneficiaries):
        kind, amount = _amount(rule, who, order.net_minor, line, applied, per_order, terms)
        key = (who.partner_id, kind)
        if key in found:
            found[key] += amount
        else:
            found[key] = amount
            whose[key] = who  # the caps read the first commission's beneficiary, as `settle`
    caps = rules.rule_set.caps
    order_cap, month_cap = caps.per_order, caps.per_partner_month
    if order_cap is None and month_cap is None:
        return found
    if _mixed_levels(beneficiaries) and (order_cap and order_cap.level or month_cap and month_cap.level):
        # A partner at both levels of one order (their own recruiter), under a cap of one level:
        # which part of their total the cap cuts depends on each commission; sum the drafts.
        found = {}
        for draft in drafts(rules, order, beneficiaries, terms, keep_zero=True):
            found[draft.partner_id, draft.kind] = found.get((draft.partner_id, draft.kind), 0) + draft.amount
        return found
    for key, total in found.items():
        kind, who = key[1], whose[key]
        limit = cap_limit(order_cap, kind, who.level)
        if limit is not None and total > limit:
            total = limit
        limit = cap_limit(month_cap, kind, who.level)
        if limit is not None:
            total = min(total, max(0, limit - month_earned_under(month_cap, who, kind)))  # type: ignore[arg-type]
        found[key] = total
    return found


def _mixed_levels(beneficiaries: Sequence[Beneficiary]) -> bool:
    return len({who.partner_id for who in beneficiaries}) < len(beneficiaries)


def _amount(
    rule: CompiledRule, who: Beneficiary, order_net: int, line: LineFacts | None, applied: list[CompiledModifier],
    per_order: bool, terms: Terms,
) -> tuple[RewardKind, int]:
    """One commission's kind and amount, rounded once."""
    reward = rule.reward_type
    if per_order:
        numerator, denominator = rule.amount, 1
    elif reward == "flat_per_unit":
        numerator, denominator = rule.amount * line.quantity, 1  # type: ignore[operator,union-attr]
    else:
        if reward == "tiers":
            volume = who.month_net_before_minor + order_net  # this whole order counts toward the tier
            rate = _NOTHING
            for threshold, tier_rate in rule.tier_rates:
                if volume >= threshold:
                    rate = tier_rate
        else:
            rate = rule.rate  # type: ignore[assignment]
        numerator, denominator = line.net_minor * rate[0], rate[1]  # type: ignore[union-attr]
    for modifier in applied:
        numerator *= modifier.ratio[0]
        denominator *= modifier.ratio[1]
    kind = rule.settle_as if rule.settle_as is not None else who.reward_preference
    if kind == "points":
        numerator *= terms.points_per_minor[0]
        denominator *= terms.points_per_minor[1]
        mode = POINTS_ROUNDING[terms.points_rounding]
    else:
        mode = terms.rounding
    amount = rounded(numerator, denominator, mode)  # type: ignore[arg-type]
    if amount > MAX_MINOR:
        raise out_of_range(rule.id)
    return kind, amount  # type: ignore[return-value]


def rounded(numerator: int, denominator: int, mode: Rounding) -> int:
    """``numerator / denominator`` (both >= 0, denominator > 0) rounded to a whole unit with `mode`,
    as `core.money.round_minor` rounds the same exact `Decimal`."""
    whole, rest = divmod(numerator, denominator)
    if not rest or mode is Rounding.down:
        return whole
    twice = 2 * rest
    if twice > denominator or (twice == denominator and (mode is Rounding.half_up or whole % 2)):
        return whole + 1
    return whole
