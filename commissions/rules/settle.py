"""From exact amounts to stored ones: the one rounding of each commission, then the caps.

Caps apply per partner and per settlement kind, first `per_order` then `per_partner_month`. A cap
that cuts several commissions splits the capped total over them by largest remainder in
proportion to their amounts, so each line keeps its own commission (refunds reverse per line).
A cap limited to a level cuts only the commissions of that level, and a monthly one counts only
what the partner earned this month at that level.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Any

from core.errors import InvalidInput
from core.money import MAX_MINOR, allocate, round_minor

from .compiled import CompiledRule
from .exact import POINTS_ROUNDING, ROUNDING
from .facts import Beneficiary, RewardKind, Terms
from .ruleset import CapAmounts, Caps


@dataclass(slots=True)
class Pending:
    """A commission between its exact amount and its final, capped amount."""

    who: Beneficiary
    rule: CompiledRule
    line_no: int | None
    kind: RewardKind
    base_minor: int
    exact: Decimal | None  # in the settlement unit (minor units of cash, or points); None without explanations
    exact_text: str
    explanation: dict[str, Any] | None  # None without explanations
    amount: int = 0


def out_of_range(rule_id: str) -> InvalidInput:
    return InvalidInput(
        f"rule {rule_id!r} gives more than the largest storable amount on this order",
        [{"field": "rules", "message": "a reward (with its modifiers) is out of range"}],
    )


def round_pending(pending: list[Pending], terms: Terms) -> None:
    """The one rounding of each (explained) commission: cash to the minor unit, points to whole points."""
    cash = (terms.rounding, terms.rounding.value, "minor unit")
    points = (POINTS_ROUNDING[terms.points_rounding], terms.points_rounding, "point")
    with localcontext(ROUNDING):
        for item in pending:
            mode, mode_name, unit = cash if item.kind == "cash" else points
            amount = round_minor(item.exact, mode)
            if amount > MAX_MINOR:
                raise out_of_range(item.rule.id)
            item.amount = amount
            item.explanation["rounding"] = {  # type: ignore[index]
                "mode": mode_name, "unit": unit, "exact": item.exact_text, "result": amount
            }


def apply_caps(caps: Caps, pending: list[Pending], *, explain: bool = True) -> None:
    """Cut each partner's commissions of one kind to the rule set's caps, in place."""
    if caps.per_order is None and caps.per_partner_month is None:
        return
    groups: dict[tuple[int, str], list[Pending]] = {}
    for item in pending:
        groups.setdefault((item.who.partner_id, item.kind), []).append(item)
    for (_, kind), items in groups.items():
        if (cap := caps.per_order) is not None and (limit := getattr(cap, kind)) is not None:
            if capped := _of_level(items, cap):
                _cap(capped, _described("per_order", cap, limit) if explain else None, limit)
        if (cap := caps.per_partner_month) is not None and (limit := getattr(cap, kind)) is not None:
            if capped := _of_level(items, cap):
                earned = month_earned_under(cap, capped[0].who, kind)
                remaining = max(0, limit - earned)
                _cap(capped, _described("per_partner_month", cap, limit, earned_this_month_before=earned,
                                        remaining=remaining) if explain else None, remaining)


def _of_level(items: list[Pending], cap: CapAmounts) -> list[Pending]:
    return items if cap.level is None else [item for item in items if item.who.level == cap.level]


def cap_limit(cap: CapAmounts | None, kind: str, level: int) -> int | None:
    """The limit `cap` puts on a beneficiary's commissions of `kind` at `level` (None: uncapped)."""
    if cap is None or (cap.level is not None and cap.level != level):
        return None
    return getattr(cap, kind)


def month_earned_under(cap: CapAmounts, who: Beneficiary, kind: str) -> int:
    """What counts against the monthly `cap` already: the month's earnings, at its level only when it has one."""
    return (who.month_earned if cap.level is None else who.month_earned_at_level).get(kind, 0)


def _described(name: str, cap: CapAmounts, limit: int, **more: int) -> dict[str, Any]:
    described: dict[str, Any] = {"cap": name, "limit": limit}
    if cap.level is not None:
        described["level"] = cap.level
    return described | more


def _cap(items: list[Pending], described: dict[str, Any] | None, limit: int) -> None:
    """Cut `items` to `limit` in total; `described` (None: no explanation) goes into each one cut."""
    total = sum(item.amount for item in items)
    if total <= limit:
        return
    parts = allocate(limit, [item.amount for item in items])
    for item, part in zip(items, parts, strict=True):
        if described is not None:
            item.explanation.setdefault("caps", []).append(  # type: ignore[union-attr]
                {**described, "partner_total_before": total, "partner_total_after": limit,
                 "before": item.amount, "after": part}
            )
        item.amount = part
