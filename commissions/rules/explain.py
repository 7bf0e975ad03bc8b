"""Commissions with their explanation: the rule, each condition that held with the value seen,
the base, the reward, the tier, each modifier, the settlement (rounding and caps are added by
`settle`). This is what the live path stores, so a merchant can see why every amount is what it is.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .compiled import CompiledModifier, CompiledRule
from .conditions import OrderView, Predicate
from .exact import text
from .facts import Beneficiary, LineFacts, OrderFacts, Terms
from .settle import Pending


def on_line(
    version: int, rule: CompiledRule, line: LineFacts, who: Beneficiary, view: OrderView,
    applied: list[CompiledModifier], terms: Terms,
) -> Pending:
    """`rule`'s commission on `line` (the rule matched it; `applied`: the modifiers that hold), explained."""
    tier = None
    if rule.reward_type == "flat_per_unit":
        exact = Decimal(rule.amount) * line.quantity  # type: ignore[arg-type]
        reward = {"type": "flat_per_unit", "amount_minor": rule.amount, "quantity": line.quantity}
        formula = f"{line.quantity} × {rule.amount}"
    else:
        if rule.reward_type == "tiers":
            percent, percent_text, tier = _tier(rule, who, view.order)
        else:
            percent, percent_text = rule.percent, rule.percent_text  # type: ignore[assignment]
        reward = {"type": rule.reward_type, "percent": percent_text}
        exact = Decimal(line.net_minor) * percent.scaleb(-2)
        formula = f"{line.net_minor} × {percent_text}%"
    return _pending(version, rule, line, line.line_no, line.net_minor, who, view, exact, reward,
                    formula, tier, applied, terms)


def on_order(
    version: int, rule: CompiledRule, line: LineFacts | None, who: Beneficiary, view: OrderView,
    applied: list[CompiledModifier], terms: Terms,
) -> Pending:
    """`rule`'s per-order commission (`line`: the first line meeting its line conditions), explained."""
    exact = Decimal(rule.amount)  # type: ignore[arg-type]
    reward = {"type": "flat_per_order", "amount_minor": rule.amount, "partial_refund": rule.partial_refund}
    return _pending(version, rule, line, None, view.order.net_minor, who, view, exact, reward,
                    str(rule.amount), None, applied, terms)


def _pending(
    version: int, rule: CompiledRule, line: LineFacts | None, line_no: int | None, base: int,
    who: Beneficiary, view: OrderView, exact: Decimal, reward: dict, formula: str, tier: dict | None,
    applied: list[CompiledModifier], terms: Terms,
) -> Pending:
    per_order = line_no is None
    explained_modifiers = []
    for m in applied:
        exact *= m.factor
        formula += f" × {m.factor_text}"
        first = m.when.first_line(view.order.lines) if per_order and m.when.has_line_conditions else line
        explained_modifiers.append({
            "index": m.index, "name": m.name, "multiply": m.factor_text,
            "conditions": conditions_seen(m.when, view, who, first, per_order=per_order),
        })
    exact_minor_text = exact_text = text(exact)
    if rule.settle_as is not None:
        kind, source = rule.settle_as, "rule"
    else:
        kind, source = who.reward_preference, "partner preference"  # type: ignore[assignment]
    settlement: dict[str, Any] = {"kind": kind, "source": source, "currency": terms.currency}
    if kind == "points":
        exact = exact.scaleb(-terms.minor_digits) * terms.points_per_unit
        exact_text = text(exact)
        settlement.update({
            "points_per_unit": terms.points_per_unit_text, "points_rounding": terms.points_rounding,
            "exact_points": exact_text,
        })
    explanation = {
        "rule_set_version": version,
        "rule_id": rule.id,
        "rule_name": rule.name,
        "level": who.level,
        "line_no": line_no,
        "conditions": conditions_seen(rule.when, view, who, line, per_order=per_order),
        "base_minor": base,
        "reward": reward,
        "tier": tier,
        "modifiers": explained_modifiers,
        "formula": f"{formula} = {exact_minor_text} (minor units)",
        "exact_minor": exact_minor_text,
        "settlement": settlement,
    }
    return Pending(who, rule, line_no, kind, base, exact, exact_text, explanation)


def _tier(rule: CompiledRule, who: Beneficiary, order: OrderFacts) -> tuple[Decimal, str, dict[str, Any]]:
    """The tier reached by the month's net sales with this whole order; below the first, 0%."""
    volume = who.month_net_before_minor + order.net_minor
    reached = None
    for index, (threshold, _, _) in enumerate(rule.tiers):
        if volume >= threshold:
            reached = index
    percent, percent_text = rule.tiers[reached][1:] if reached is not None else (Decimal(0), "0")
    return percent, percent_text, {
        "month_net_before_minor": who.month_net_before_minor,
        "order_net_minor": order.net_minor,
        "month_net_with_order_minor": volume,
        "reached": reached,
        "min_month_net": rule.tiers[reached][0] if reached is not None else None,
        "percent": percent_text,
    }


def conditions_seen(
    when: Predicate, view: OrderView, who: Beneficiary, line: LineFacts | None, *, per_order: bool
) -> list:
    """The conditions that held, each with the value seen (for the explanation)."""
    seen = []
    for name, expected, source, attribute in when.explained:
        if source == "line":
            if line is None:
                continue
            entry = {"condition": name, "expected": list(expected), "seen": getattr(line, attribute)}
            if per_order:
                entry["line_no"] = line.line_no
        else:
            holder = who if source == "who" else view.order
            value = list(expected) if type(expected) is tuple else expected
            entry = {"condition": name, "expected": value, "seen": getattr(holder, attribute)}
        seen.append(entry)
    if when.calendar:
        c = when.conditions
        day, tz = view.local_date(c.timezone)
        if c.date_from is not None or c.date_to is not None:
            window = {"from": c.date_from and c.date_from.isoformat(), "to": c.date_to and c.date_to.isoformat()}
            seen.append({"condition": "date_window", "expected": window, "seen": day.isoformat(), "timezone": tz})
        if c.days_of_month is not None:
            seen.append({"condition": "days_of_month", "expected": list(c.days_of_month), "seen": day.day,
                         "local_date": day.isoformat(), "timezone": tz})
        if c.weekdays is not None:
            seen.append({"condition": "weekdays", "expected": list(c.weekdays), "seen": day.isoweekday(),
                         "local_date": day.isoformat(), "timezone": tz})
    return seen
