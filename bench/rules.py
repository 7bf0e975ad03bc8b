"""Commission rules benchmarks: one function per part, `main` runs them all.

Part `evaluation` (pure, no database): line evaluations per second of a realistic 20-rule set
(a line evaluation = one order line evaluated for one beneficiary), with its ratio against a
baseline run alongside: the same orders evaluated without compiling the rule set once (it is
recompiled for every order). Target: 50,000+ line evaluations per second on one core.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from commissions.rules import Beneficiary, LineFacts, OrderFacts, Terms, compile_rule_set, evaluate  # noqa: E402
from commissions.ruleset import RuleSet, parse_rule_set  # noqa: E402

TARGET_LINE_EVALUATIONS_PER_SECOND = 50_000
CATEGORIES = ["beauty", "tea", "cups", "accessories", "books", "service", "masks", "snacks"]
SKUS = [f"SKU-{n:03d}" for n in range(60)]


def realistic_rule_set() -> RuleSet:
    """Twenty rules of the kinds merchants write: products, categories, groups, channels, scenes,
    calendars, volume tiers, a first-order bonus and the recruiter's override."""
    rules = [
        {"id": "flagship", "level": 1, "conditions": {"skus": SKUS[:5]}, "reward": {"percent": "15"}},
        {"id": "beauty-gold", "level": 1, "conditions": {"categories": ["beauty"], "partner_groups": ["gold"]},
         "reward": {"percent": "12"}},
        {"id": "beauty", "level": 1, "conditions": {"categories": ["beauty"]}, "reward": {"percent": "10"}},
        {"id": "tea-store", "level": 1, "conditions": {"categories": ["tea"], "channel": "store"},
         "reward": {"percent": "8"}},
        {"id": "masks", "level": 1, "conditions": {"categories": ["masks"]}, "reward": {"flat_per_unit": "3.00"}},
        {"id": "service", "level": 1, "conditions": {"categories": ["service"], "scenes": ["service"]},
         "reward": {"flat_per_unit": "5.00"}},
        {"id": "cups-weekend", "level": 1, "conditions": {"categories": ["cups"], "weekdays": ["sat", "sun"]},
         "reward": {"percent": "9"}},
        {"id": "spring-campaign", "level": 1,
         "conditions": {"categories": ["accessories"], "date_from": "2025-03-01", "date_to": "2025-04-30"},
         "reward": {"percent": "6"}},
        {"id": "guides", "level": 1, "conditions": {"partner_kinds": ["guide"], "channel": "store"},
         "reward": {"percent": "4"}},
        {"id": "books-repeat", "level": 1, "conditions": {"categories": ["books"], "first_order": False},
         "reward": {"percent": "3"}},
        {"id": "snacks-big", "level": 1, "conditions": {"categories": ["snacks"], "min_subtotal": "300.00"},
         "reward": {"percent": "7"}},
        {"id": "product-links", "level": 1, "conditions": {"scenes": ["product"], "skus": SKUS[10:30]},
         "reward": {"percent": "6.5"}},
        {"id": "silver", "level": 1, "conditions": {"partner_groups": ["silver"]}, "reward": {"percent": "5.5"}},
        {"id": "paydays", "level": 1, "conditions": {"days_of_month": [10, 25]}, "reward": {"percent": "5.2"}},
        {"id": "volume", "level": 1, "reward": {"tiers": [
            {"min_month_net": 0, "percent": "4"}, {"min_month_net": "5000.00", "percent": "5"},
            {"min_month_net": "20000.00", "percent": "6"}]}},
        {"id": "welcome", "level": 1, "conditions": {"first_order": True}, "reward": {"flat_per_order": "20.00"}},
        {"id": "recruiter-beauty", "level": 2, "conditions": {"categories": ["beauty"]}, "reward": {"percent": "3"}},
        {"id": "recruiter", "level": 2, "reward": {"percent": "2"}},
        {"id": "recruiter-big-order", "level": 2, "conditions": {"min_subtotal": "500.00"},
         "reward": {"flat_per_order": "5.00"}},
        {"id": "recruiter-first", "level": 2, "conditions": {"first_order": True}, "reward": {"flat_per_order": "2.00"}},
    ]
    modifiers = [
        {"name": "promo days", "conditions": {"days_of_month": [8, 18, 28]}, "multiply": "2"},
        {"name": "gold", "level": 1, "conditions": {"partner_groups": ["gold"]}, "multiply": "1.5"},
        {"name": "store push", "conditions": {"channel": "store", "categories": ["tea", "cups"]}, "multiply": "1.1"},
    ]
    caps = {"per_order": {"cash": "200.00", "points": 20000}, "per_partner_month": {"cash": "5000.00"}}
    return parse_rule_set({"rules": rules, "modifiers": modifiers, "caps": caps},
                          currency="CNY", known_groups={"gold", "silver"})


def sample_orders(count: int, seed: int = 7) -> list[tuple[OrderFacts, list[Beneficiary]]]:
    rng = random.Random(seed)
    start = datetime(2025, 3, 1, tzinfo=UTC)
    orders = []
    for _ in range(count):
        lines = tuple(
            LineFacts(line_no=n + 1, sku=rng.choice(SKUS), category=rng.choice(CATEGORIES),
                      quantity=rng.randint(1, 4), net_minor=rng.randint(500, 60000))
            for n in range(rng.randint(1, 5))
        )
        order = OrderFacts(
            occurred_at=start + timedelta(minutes=rng.randint(0, 60 * 24 * 60)),
            channel=rng.choice(["online", "store"]), scene=rng.choice(["personal", "product", "service", None]),
            is_first_order=rng.random() < 0.3, subtotal_minor=sum(li.net_minor for li in lines) + 1000,
            lines=lines,
        )
        who = [
            Beneficiary(partner_id=rng.randint(1, 500), level=1, group=rng.choice([None, "gold", "silver"]),
                        kind=rng.choice(["customer", "guide", "outlet"]),
                        reward_preference=rng.choice(["cash", "points"]),
                        month_net_before_minor=rng.randint(0, 3_000_000), month_earned={"cash": rng.randint(0, 400_000)}),
            Beneficiary(partner_id=rng.randint(501, 600), level=2, reward_preference="cash"),
        ]
        orders.append((order, who))
    return orders


def _line_evaluations_per_second(run, orders, seconds: float) -> float:
    evaluations, elapsed, started = 0, 0.0, time.perf_counter()
    while elapsed < seconds:
        for order, who in orders:
            run(order, who)
            evaluations += len(order.lines) * len(who)
        elapsed = time.perf_counter() - started
    return evaluations / elapsed


def bench_evaluation(seconds: float = 2.0) -> float:
    """Evaluate sample orders against the compiled 20-rule set; print and return evaluations/s."""
    rule_set = realistic_rule_set()
    compiled = compile_rule_set(rule_set)
    terms = Terms(currency="CNY", timezone="Asia/Shanghai", points_per_unit=Decimal(10))
    orders = sample_orders(2000)
    compiled_rate = _line_evaluations_per_second(
        lambda order, who: evaluate(compiled, 1, order, who, terms), orders, seconds)
    baseline_rate = _line_evaluations_per_second(
        lambda order, who: evaluate(rule_set, 1, order, who, terms), orders, seconds / 2)
    verdict = "ok" if compiled_rate >= TARGET_LINE_EVALUATIONS_PER_SECOND else "BELOW TARGET"
    print(f"rules evaluation: {compiled_rate:,.0f} line evaluations/s with {len(rule_set.rules)} rules "
          f"(target {TARGET_LINE_EVALUATIONS_PER_SECOND:,}: {verdict}); baseline recompiling per order "
          f"{baseline_rate:,.0f}/s; ratio {compiled_rate / baseline_rate:.1f}x")
    return compiled_rate


def main() -> None:
    bench_evaluation()


if __name__ == "__main__":
    main()
