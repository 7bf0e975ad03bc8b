"""Commission rules benchmarks: one function per part, `main` runs them all.

    .venv/bin/python bench/rules.py                        # SQLite, and PostgreSQL if it answers on 127.0.0.1:5432
    .venv/bin/python bench/rules.py --lines 200000 --database-url postgres://postgres@127.0.0.1:5432/postgres

Part `evaluation` (pure, no database): line evaluations per second of a realistic 20-rule set
(a line evaluation = one order line evaluated for one beneficiary), with explanations (as the
live path stores them), without (drafts with amounts only), and as per-partner totals (what the
simulation adds up), with its ratio against a baseline run alongside: the same orders evaluated
without compiling the rule set once (it is recompiled for every order). Rates are per CPU second
of this process (one core's rate on a shared machine), with the wall-clock rate and the load
average next to them. Target: 50,000+ line evaluations per second on one core, explained.

Part `simulation` (bench/simulation_part.py): a draft replayed over `--lines` order lines
(default 1,000,000) on a scratch database; prints seconds, lines/s, peak RSS. Target: < 30 s per
million lines.

Part `ingestion` (bench/ingest.py `bench_ingest_with_commissions`): signed orders ingested over
HTTP, each earning commissions posted to the ledger; prints orders/s and its ratio and targets.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the other bench modules

from commissions.rules import Beneficiary, LineFacts, OrderFacts, Terms, compile_rule_set, evaluate  # noqa: E402
from commissions.rules.ruleset import RuleSet, parse_rule_set  # noqa: E402

TARGET_LINE_EVALUATIONS_PER_SECOND = 50_000
PG_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
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


def _line_evaluations_per_second(run, orders, seconds: float) -> tuple[float, float]:
    """(per wall second, per CPU second of this process): on a shared machine the second is what
    one core does, the first what this process got of it."""
    evaluations, elapsed, started, cpu_started = 0, 0.0, time.perf_counter(), time.process_time()
    while elapsed < seconds:
        for order, who in orders:
            run(order, who)
            evaluations += len(order.lines) * len(who)
        elapsed = time.perf_counter() - started
    return evaluations / elapsed, evaluations / max(time.process_time() - cpu_started, 1e-9)


def bench_evaluation(seconds: float = 2.0) -> float:
    """Evaluate sample orders against the compiled 20-rule set; print and return evaluations per
    CPU second (one core's rate, whatever else the machine runs)."""
    rule_set = realistic_rule_set()
    compiled = compile_rule_set(rule_set)
    terms = Terms(currency="CNY", timezone="Asia/Shanghai", points_per_unit=Decimal(10))
    orders = sample_orders(2000)
    compiled_rate, compiled_cpu = _line_evaluations_per_second(
        lambda order, who: evaluate(compiled, 1, order, who, terms), orders, seconds)
    lean_rate, lean_cpu = _line_evaluations_per_second(
        lambda order, who: evaluate(compiled, 1, order, who, terms, explain=False), orders, seconds)
    totals_rate, totals_cpu = _line_evaluations_per_second(
        lambda order, who: compiled.totals(order, who, terms), orders, seconds)
    baseline_rate, baseline_cpu = _line_evaluations_per_second(
        lambda order, who: evaluate(rule_set, 1, order, who, terms), orders, seconds / 2)
    verdict = "ok" if compiled_cpu >= TARGET_LINE_EVALUATIONS_PER_SECOND else "BELOW TARGET"
    print(f"rules evaluation: {compiled_cpu:,.0f} line evaluations per CPU second with {len(rule_set.rules)} rules "
          f"(target {TARGET_LINE_EVALUATIONS_PER_SECOND:,} on one core: {verdict}; {compiled_rate:,.0f} per wall "
          f"second, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores); baseline recompiling per "
          f"order {baseline_cpu:,.0f}/CPU s; ratio {compiled_cpu / baseline_cpu:.1f}x")
    print(f"rules evaluation without explanations: {lean_cpu:,.0f} per CPU second "
          f"(ratio {lean_cpu / compiled_cpu:.1f}x the explained path; {lean_rate:,.0f} per wall second)")
    print(f"rules evaluation, per-partner totals only (the simulation): {totals_cpu:,.0f} per CPU second "
          f"(ratio {totals_cpu / compiled_cpu:.1f}x the explained path; {totals_rate:,.0f} per wall second)")
    return compiled_cpu


def bench_simulation_part(lines: int, database_url: str | None) -> bool:
    """The simulation over `lines` order lines on SQLite (None) or a PostgreSQL server's scratch database."""
    from simulation_part import TARGET_SECONDS, bench_simulation

    result = asyncio.run(bench_simulation(lines, database_url))
    ok = result["projected_seconds_per_million"] < TARGET_SECONDS
    print(f"simulation ({result['engine']}): {result['lines']:,} lines in {result['seconds']:.2f} s "
          f"({result['lines_per_second']:,} lines/s, {result['projected_seconds_per_million']:.1f} s per million; "
          f"target < {TARGET_SECONDS:.0f} s: {'ok' if ok else 'SLOWER THAN TARGET'}); "
          f"{result['cpu_seconds']:.1f} CPU s in this process; load average {result['load_average']}; "
          f"peak RSS {result['peak_rss_mb']:.0f} MiB ({result['peak_rss_mb_before']:.0f} before the replay); "
          f"set-up {result['setup_seconds']:.1f} s")
    return ok


def bench_ingestion_part(database_url: str) -> bool | None:
    try:
        from ingest import bench_ingest_with_commissions
    except ImportError:
        print("ingestion part: see bench/ingest.py")
        return None
    result = bench_ingest_with_commissions(database_url)
    ratio = "n/a (no baseline on SQLite)" if result.get("ratio") is None else f"{result['ratio']:.2f}"
    print(f"ingestion with commissions: {result.get('rate', 0):,.0f} orders/s "
          f"(target >= {result.get('target_rate', 0):,.0f}); ratio to hand-written asyncpg {ratio}; "
          f"{'ok' if result.get('ok') and result.get('met') is not False else 'BELOW TARGET or errors'}")
    return bool(result.get("ok")) and result.get("met") is not False


def _postgres_reachable() -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", 5432), timeout=0.5):
        return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000, help="order lines the simulation replays")
    parser.add_argument("--database-url", default=None,
                        help="a PostgreSQL server (a scratch database is made there and dropped), or 'sqlite'; "
                             "default: SQLite, plus PostgreSQL at 127.0.0.1:5432 when it answers")
    parser.add_argument("--skip", action="append", default=[], choices=["evaluation", "simulation", "ingestion"])
    args = parser.parse_args()
    if args.database_url:
        servers = [None if args.database_url == "sqlite" else args.database_url]
    else:
        servers = [None] + [PG_SERVER] * _postgres_reachable()
    results = []
    if "evaluation" not in args.skip:
        results.append(bench_evaluation() >= TARGET_LINE_EVALUATIONS_PER_SECOND)
    for server in servers:
        if "simulation" not in args.skip:
            if len(servers) == 1:
                results.append(bench_simulation_part(args.lines, server))
            else:  # one process per engine: Tortoise and aerich keep per-engine state
                child = subprocess.run([sys.executable, __file__, "--lines", str(args.lines), "--database-url",
                                        server or "sqlite", "--skip", "evaluation", "--skip", "ingestion"])
                results.append(child.returncode == 0)
        if "ingestion" not in args.skip:
            results.append(bench_ingestion_part(server or "sqlite://"))
    return 0 if all(r is not False for r in results) else 2


if __name__ == "__main__":
    sys.exit(main())
