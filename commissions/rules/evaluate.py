"""One order's commission drafts under a rule-set version, with their explanations (the live path).

The decisions are `decide`'s; each commission is computed exactly and explained (`explain`), then
rounded once and capped (`settle`). `explain=False` hands the same decisions to `amounts`, which
gives the same drafts without explanations (property-tested), and `totals` gives only each
partner's sums (the simulation).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import localcontext

from . import amounts
from . import explain as explained
from .compiled import CompiledModifier, CompiledRule, compile_modifier, compile_rule
from .conditions import OrderView
from .decide import Decider, decisions
from .exact import EXACT
from .facts import Beneficiary, CommissionDraft, OrderFacts, RewardKind, Terms
from .ruleset import RuleSet
from .settle import Pending, apply_caps, round_pending


class CompiledRuleSet:
    """A `RuleSet` prepared for fast evaluation; compile once per version, evaluate many orders."""

    def __init__(self, rule_set: RuleSet) -> None:
        self.rule_set = rule_set
        self.line_rules: dict[int, list[CompiledRule]] = {1: [], 2: []}
        self.order_rules: dict[int, list[CompiledRule]] = {1: [], 2: []}
        for rule in rule_set.rules:
            target = self.order_rules if rule.reward.flat_per_order is not None else self.line_rules
            target[rule.level].append(compile_rule(rule))
        self.modifiers: list[CompiledModifier] = [
            compile_modifier(index, m) for index, m in enumerate(rule_set.modifiers)
        ]
        self.decider = Decider(self)

    def evaluate(
        self, version: int, order: OrderFacts, beneficiaries: Sequence[Beneficiary], terms: Terms,
        *, keep_zero: bool = False, explain: bool = True,
    ) -> list[CommissionDraft]:
        """See the module function `evaluate`. `explain=False` gives the same drafts with an empty
        `explanation`, several times faster: for callers that only need the amounts."""
        if not explain:
            return amounts.drafts(self, order, beneficiaries, terms, keep_zero=keep_zero)
        view = OrderView(order, terms)
        pending: list[Pending] = []
        with localcontext(EXACT):
            for who, rule, line, applied, per_order in decisions(self, view, beneficiaries):
                if per_order:
                    pending.append(explained.on_order(version, rule, line, who, view, applied, terms))
                else:
                    pending.append(explained.on_line(version, rule, line, who, view, applied, terms))  # type: ignore[arg-type]
        round_pending(pending, terms)
        apply_caps(self.rule_set.caps, pending)
        drafts = []
        for item in pending:
            if item.amount or keep_zero:
                item.explanation["amount"] = item.amount  # type: ignore[index]
                drafts.append(CommissionDraft(
                    partner_id=item.who.partner_id, level=item.who.level, line_no=item.line_no,
                    rule_id=item.rule.id, kind=item.kind, amount=item.amount, base_minor=item.base_minor,
                    explanation=item.explanation,  # type: ignore[arg-type]
                ))
        return drafts

    def totals(
        self, order: OrderFacts, beneficiaries: Sequence[Beneficiary], terms: Terms
    ) -> dict[tuple[int, RewardKind], int]:
        """What each beneficiary earns on `order`, per (partner id, kind), caps applied: the sums of
        `evaluate`'s amounts, without building the drafts (see `amounts.totals`)."""
        return amounts.totals(self, order, beneficiaries, terms)


def compile_rule_set(rule_set: RuleSet) -> CompiledRuleSet:
    """Prepare a rule set once (per published version) for evaluating many orders."""
    return CompiledRuleSet(rule_set)


def evaluate(
    rule_set: RuleSet | CompiledRuleSet,
    version: int,
    order: OrderFacts,
    beneficiaries: Sequence[Beneficiary],
    terms: Terms,
    *,
    keep_zero: bool = False,
    explain: bool = True,
) -> list[CommissionDraft]:
    """The commissions `order` earns its `beneficiaries` under one rule-set version.

    Drafts come per beneficiary (in the order given), per line (in order), then the per-order
    reward. Drafts whose final amount is zero are left out unless `keep_zero` (the simulator
    keeps them, to show why a partner earns nothing). Pass a `CompiledRuleSet` on hot paths.
    `explain=False`: the same drafts (same amounts, kinds, lines, rules) with an empty
    `explanation`, for callers that only need the amounts.
    """
    compiled = rule_set if isinstance(rule_set, CompiledRuleSet) else CompiledRuleSet(rule_set)
    return compiled.evaluate(version, order, beneficiaries, terms, keep_zero=keep_zero, explain=explain)
