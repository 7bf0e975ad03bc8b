"""Small builders for the pure commission tests: a rule set from JSON, an order, its partners."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from commissions.rules import Beneficiary, LineFacts, OrderFacts, Terms
from commissions.rules.ruleset import RuleSet, parse_rule_set
from core.money import Rounding

GROUPS = {"gold", "silver", "staff"}


def terms(
    *, rounding: Rounding = Rounding.half_up, points_per_unit: str = "1", points_rounding: str = "down",
    currency: str = "CNY", timezone: str = "Asia/Shanghai",
) -> Terms:
    return Terms(currency=currency, timezone=timezone, rounding=rounding,
                 points_per_unit=Decimal(points_per_unit), points_rounding=points_rounding)  # type: ignore[arg-type]


def rule_set(*rules: dict[str, Any], currency: str = "CNY", **rest: Any) -> RuleSet:
    return parse_rule_set({"rules": list(rules), **rest}, currency=currency, known_groups=GROUPS)


def line(line_no: int, net_minor: int, *, sku: str = "SKU", category: str = "general", quantity: int = 1) -> LineFacts:
    return LineFacts(line_no=line_no, sku=sku, category=category, quantity=quantity, net_minor=net_minor)


def order(
    *lines: LineFacts, at: datetime = datetime(2025, 3, 12, 4, 0, tzinfo=UTC), channel: str = "online",
    scene: str | None = "personal", first_order: bool = False, subtotal_minor: int | None = None,
) -> OrderFacts:
    subtotal = sum(li.net_minor for li in lines) if subtotal_minor is None else subtotal_minor
    return OrderFacts(occurred_at=at, channel=channel, scene=scene, is_first_order=first_order,
                      subtotal_minor=subtotal, lines=tuple(lines))


def partner(partner_id: int = 1, level: int = 1, **rest: Any) -> Beneficiary:
    return Beneficiary(partner_id=partner_id, level=level, **rest)


def amounts(drafts) -> list[tuple[int, int | None, str, int]]:
    """(partner, line, kind, amount) of each draft: what a story's numbers are about."""
    return [(d.partner_id, d.line_no, d.kind, d.amount) for d in drafts]
