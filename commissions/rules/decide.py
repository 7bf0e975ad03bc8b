"""Which rule pays each line and each order, and which modifiers apply: the decisions every
evaluation path shares (explained, amounts only, totals only), so they are written once.

Whether a rule's or modifier's conditions hold besides its line conditions depends on three small
sets of facts: the beneficiary's (level, group, kind), the order's (channel, scene, first order,
which subtotal thresholds it reaches), and its local date in each time zone a calendar condition
names. Each set's outcome is kept as a bit mask per distinct value; the rules and modifiers that
hold for a beneficiary on an order are the AND of the three (a `Context`, kept per mask), and per
context the rule and modifiers each (sku, category) of a line gets. A full cache is emptied.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from .compiled import CompiledModifier, CompiledRule
from .conditions import OrderView, Predicate
from .facts import Beneficiary, LineFacts

if TYPE_CHECKING:
    from .evaluate import CompiledRuleSet

#: (beneficiary, rule, line, modifiers applied, per order). For a per-line reward `line` is the
#: line paid; for a per-order reward it is the first line meeting the rule's line conditions (None
#: when it has none).
Decision = tuple[Beneficiary, CompiledRule, LineFacts | None, list[CompiledModifier], bool]

#: entries kept per cache (masks per distinct facts, contexts, line kinds per context)
MAX_ENTRIES = 4096

_LineRule = tuple[CompiledRule, list[CompiledModifier]]


class Context:
    """The rules and modifiers of one level whose conditions other than line conditions hold."""

    __slots__ = ("modifiers", "line_rules", "order_rules", "lines")

    def __init__(self, modifiers: list[CompiledModifier], line_rules: list[CompiledRule],
                 order_rules: list[CompiledRule]) -> None:
        self.modifiers = modifiers
        self.line_rules = line_rules
        self.order_rules = order_rules
        #: (sku, category) -> (the first rule paying such a line, the modifiers applied), or None
        self.lines: dict[tuple[str, str], _LineRule | None] = {}

    def on_line(self, line: LineFacts) -> _LineRule | None:
        """What pays `line` (looked up in `lines` first: `decisions` does that inline)."""
        found = None
        for rule in self.line_rules:
            if rule.when.line_matches(line):
                found = (rule, [m for m in self.modifiers if m.when.line_matches(line)])
                break
        _bounded(self.lines)[line.sku, line.category] = found
        return found


class Decider:
    """A compiled rule set's conditions indexed for deciding many orders (one per rule set)."""

    def __init__(self, rules: CompiledRuleSet) -> None:
        self.rules = rules
        owners: list[CompiledRule | CompiledModifier] = [
            *rules.line_rules[1], *rules.line_rules[2], *rules.order_rules[1], *rules.order_rules[2], *rules.modifiers
        ]
        self.bits = {id(owner): 1 << index for index, owner in enumerate(owners)}
        self.predicates: list[tuple[int, Predicate]] = [(self.bits[id(o)], o.when) for o in owners]
        self.thresholds = sorted({
            p.conditions.min_subtotal for _, p in self.predicates if p.conditions.min_subtotal is not None
        })
        self.zones = sorted({p.conditions.timezone or "" for _, p in self.predicates if p.calendar})
        self.several_zones = len(self.zones) > 1
        self.partner_masks: dict[tuple, int] = {}
        self.sale_masks: dict[tuple, int] = {}
        self.calendar_masks: dict[object, int] = {}  # keyed by the local date (a tuple of them with several zones)
        self.contexts: dict[tuple[int, int], Context] = {}

    def order_mask(self, view: OrderView) -> int:
        """The rules and modifiers whose order and calendar conditions hold on the order."""
        order = view.order
        key = (order.channel, order.scene, order.is_first_order, bisect_right(self.thresholds, order.subtotal_minor))
        sale = self.sale_masks.get(key)
        if sale is None:
            sale = _bounded(self.sale_masks)[key] = sum(b for b, p in self.predicates if p.sale_matches(order))
        if not self.zones:
            return sale
        dates = tuple([view.local_date(zone)[0] for zone in self.zones]) if self.several_zones else view.local_date(
            self.zones[0]
        )[0]
        calendar = self.calendar_masks.get(dates)
        if calendar is None:
            calendar = _bounded(self.calendar_masks)[dates] = sum(
                b for b, p in self.predicates if p.calendar_matches(view)
            )
        return sale & calendar

    def context(self, who: Beneficiary, order_mask: int) -> Context:
        key = (who.level, who.group, who.kind)
        partner = self.partner_masks.get(key)
        if partner is None:
            partner = _bounded(self.partner_masks)[key] = sum(b for b, p in self.predicates if p.partner_matches(who))
        mask = partner & order_mask
        context = self.contexts.get((who.level, mask))
        if context is None:
            rules, bits = self.rules, self.bits

            def holding(owners: list) -> list:
                return [owner for owner in owners if mask & bits[id(owner)]]

            context = _bounded(self.contexts)[who.level, mask] = Context(
                holding(rules.modifiers), holding(rules.line_rules[who.level]), holding(rules.order_rules[who.level])
            )
        return context


def _bounded(cache: dict) -> dict:
    if len(cache) >= MAX_ENTRIES:
        cache.clear()
    return cache


def decisions(rules: CompiledRuleSet, view: OrderView, beneficiaries: Sequence[Beneficiary]) -> Iterator[Decision]:
    """Per beneficiary (in order): per line (in order) the first per-line rule of their level whose
    conditions hold, then the first per-order rule of their level whose conditions hold."""
    decider = rules.decider
    lines = view.order.lines
    order_mask = decider.order_mask(view)
    for who in beneficiaries:
        context = decider.context(who, order_mask)
        if context.line_rules:
            known = context.lines
            for line in lines:
                found = known.get((line.sku, line.category), False)
                if found is False:
                    found = context.on_line(line)
                if found is not None:
                    yield who, found[0], line, found[1], False
        for rule in context.order_rules:
            when = rule.when
            first = when.first_line(lines) if when.has_line_conditions else None
            if when.has_line_conditions and first is None:
                continue
            applied = [
                m for m in context.modifiers if not m.when.has_line_conditions or m.when.first_line(lines) is not None
            ]
            yield who, rule, first, applied, True
            break
