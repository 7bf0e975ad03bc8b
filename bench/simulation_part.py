"""Benchmark part `simulation`: a draft rule set replayed over 1,000,000 order lines.

    .venv/bin/python bench/simulation_part.py                  # temporary SQLite file
    .venv/bin/python bench/simulation_part.py --lines 200000 --database-url postgres://postgres@127.0.0.1:5432/postgres

`bench_simulation(lines=..., database_url=...)` creates a fresh database (migrated as
`relay migrate` does), writes one merchant with 2,000 partners (a quarter recruited by another), an
active rule set and a draft, and `lines` order lines (three per order, spread over three months)
straight into the referral tables (then, on PostgreSQL, ANALYZE, as autovacuum would have done
on a live database); set-up is not timed. It then times
`commissions.service.simulation.simulate` over the whole range: orders streamed in chunks,
every line evaluated for the partner and the recruiter, nothing written. Target: 1,000,000 lines
in under 30 s. Returns the measurements; `main` prints them (exit status 2 past the target).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tortoise import Tortoise  # noqa: E402

from accounts.service.merchants import create_merchant  # noqa: E402
from commissions.service import rule_sets  # noqa: E402
from commissions.service.simulation import simulate  # noqa: E402
from commissions.service.sql import insert_returning, sql  # noqa: E402
from core.db import connection, current_dialect, dialect_of, tortoise_config  # noqa: E402
from relay import schema  # noqa: E402
from relay.settings import MODEL_MODULES, Settings  # noqa: E402

TARGET_SECONDS = 30.0
PARTNERS = 2000
LINES_PER_ORDER = 3
START = datetime(2026, 1, 1, tzinfo=UTC)
DAYS = 90
CATEGORIES = ["beauty", "tea", "cups", "accessories", "books", "service", "masks", "snacks"]

ACTIVE = {
    "rules": [
        {"id": "beauty", "level": 1, "conditions": {"categories": ["beauty"]}, "reward": {"percent": "10"}},
        {"id": "masks", "level": 1, "conditions": {"categories": ["masks"]}, "reward": {"flat_per_unit": "3.00"}},
        {"id": "base", "level": 1, "reward": {"percent": "5"}},
        {"id": "override", "level": 2, "reward": {"percent": "2"}},
    ]
}
DRAFT = {
    "rules": [
        {"id": "beauty-gold", "level": 1, "conditions": {"categories": ["beauty"], "partner_groups": ["gold"]},
         "reward": {"percent": "12"}},
        {"id": "beauty", "level": 1, "conditions": {"categories": ["beauty"]}, "reward": {"percent": "10"}},
        {"id": "tea-store", "level": 1, "conditions": {"categories": ["tea"], "channel": "store"},
         "reward": {"percent": "8"}},
        {"id": "masks", "level": 1, "conditions": {"categories": ["masks"]}, "reward": {"flat_per_unit": "3.00"}},
        {"id": "weekend", "level": 1, "conditions": {"weekdays": ["sat", "sun"]}, "reward": {"percent": "7"}},
        {"id": "volume", "level": 1, "reward": {"tiers": [
            {"min_month_net": 0, "percent": "4"}, {"min_month_net": "5000.00", "percent": "5"},
            {"min_month_net": "20000.00", "percent": "6"}]}},
        {"id": "welcome", "level": 1, "conditions": {"first_order": True}, "reward": {"flat_per_order": "20.00"}},
        {"id": "override", "level": 2, "reward": {"percent": "2.5"}},
    ],
    "modifiers": [{"name": "double-11", "conditions": {"days_of_month": [11]}, "multiply": "2"}],
    "caps": {"per_order": {"cash": "200.00"}, "per_partner_month": {"cash": "3000.00", "points": 300000}},
}


async def _fresh_database(database_url: str | None) -> tuple[str, Any]:
    """A new empty database and a function dropping it (PostgreSQL) or nothing (SQLite file)."""
    if database_url is None:
        folder = tempfile.mkdtemp(prefix="relay-bench-")
        return f"sqlite://{folder}/relay.sqlite3", None
    name = f"relay_bench_{uuid.uuid4().hex[:8]}"
    await schema.server_execute(database_url, f'CREATE DATABASE "{name}"')

    async def drop() -> None:
        await schema.server_execute(database_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return schema.database_url(database_url, name), drop


async def _populate(merchant_id: int, lines: int, rng: random.Random) -> int:
    """Partners and `lines` order lines written with multi-row INSERTs; returns the order count."""
    partner_rows = []
    for n in range(PARTNERS):
        partner_rows.append((
            merchant_id, f"B{n:07d}", f"Partner {n}", rng.choice(["parent", "guide", "customer"]),
            rng.choice(["gold", "silver", None]), "active", None,
            "points" if n % 5 == 0 else "cash", START,
        ))
    inserted = await insert_returning(
        "partner",
        ("merchant_id", "code", "display_name", "kind", '"group"', "status", "recruiter_id", "reward_preference",
         "created_at"),
        partner_rows,
    )
    ids = [row["id"] for row in inserted]
    db = connection()
    for partner_id in ids[PARTNERS // 4:PARTNERS // 2]:
        await db.execute_query(sql("UPDATE partner SET recruiter_id = ? WHERE id = ?"), [ids[partner_id % 100], partner_id])

    orders = lines // LINES_PER_ORDER
    await _insert_orders(merchant_id, orders, ids[0])
    if current_dialect() == "postgres":
        # Planner statistics, as autovacuum keeps them on a live database (the bench does not
        # wait the minute it takes to notice a table that was just filled).
        await db.execute_script("ANALYZE shop_order; ANALYZE order_line; ANALYZE partner")
    return orders


def _line_terms(n: str) -> tuple[str, str]:
    """SQL for the quantity and unit price of line `n` (an SQL expression), as pseudo-random
    functions of the order number `i`: the order's subtotal and its lines use the same ones."""
    return f"(1 + (i + {n}) % 4)", f"(500 + ((i * 31 + {n} * 17) * 7919) % 29501)"


async def _insert_orders(merchant_id: int, orders: int, first_partner: int) -> None:
    """`orders` orders of three lines in two set-based statements (the server generates the rows):
    varied channels, scenes, categories, prices and partners, spread evenly over `DAYS`."""
    postgres = current_dialect() == "postgres"
    step = max(1, DAYS * 86400 // orders)  # seconds between orders
    if postgres:
        numbers = "generate_series(CAST(0 AS BIGINT), CAST(? AS BIGINT) - 1) AS seq(i)"
        occurred = f"TIMESTAMPTZ '{START.isoformat()}' + (i * {step}) * INTERVAL '1 second'"
    else:  # SQLite: the text Tortoise stores for an aware UTC datetime with no microseconds
        numbers = "(WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?) SELECT i FROM seq)"
        occurred = f"strftime('%Y-%m-%d %H:%M:%S+00:00', '{START:%Y-%m-%d %H:%M:%S}', '+' || (i * {step}) || ' seconds')"
    subtotal = " + ".join("{} * {}".format(*_line_terms(str(n))) for n in range(1, LINES_PER_ORDER + 1))
    db = connection()
    await db.execute_query(sql(
        "INSERT INTO shop_order (merchant_id, external_id, currency, channel, occurred_at, subtotal_minor,"
        " discount_minor, total_minor, status, partner_id, attribution, scene, is_first_order, content_hash,"
        " created_at)"
        f" SELECT ?, 'bench-' || i, 'CNY', CASE WHEN i % 2 = 0 THEN 'online' ELSE 'store' END, {occurred},"
        f" {subtotal}, 0, {subtotal}, 'completed', ? + (i * 7919) % {PARTNERS}, 'click_id',"
        f" CASE WHEN (i / 2) % 2 = 0 THEN 'personal' ELSE 'product' END, i % 7 = 0, '{'0' * 64}', ?"
        f" FROM {numbers}"
    ), [merchant_id, first_partner, START, orders])
    quantity, price = _line_terms("n")
    categories = " ".join(f"WHEN {k} THEN '{c}'" for k, c in enumerate(CATEGORIES))
    numbered = "CAST(SUBSTR(external_id, 7) AS BIGINT)"  # the i of 'bench-i'
    await db.execute_query(sql(
        "INSERT INTO order_line (merchant_id, order_id, line_no, sku, category, quantity, unit_price_minor,"
        " gross_minor, discount_minor, net_minor)"
        f" SELECT merchant_id, id, n, 'SKU-' || ({price} % 60), CASE (i * 5 + n * 3) % 8 {categories} END,"
        f" {quantity}, {price}, {quantity} * {price}, 0, {quantity} * {price}"
        f" FROM (SELECT id, merchant_id, {numbered} AS i FROM shop_order WHERE merchant_id = ?) AS o"
        " CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS k ORDER BY id, n"
    ), [merchant_id])


def _peak_rss_mb() -> float:
    """This process's peak resident set so far, in MiB (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


async def bench_simulation(lines: int = 1_000_000, database_url: str | None = None, seed: int = 7) -> dict[str, Any]:
    """Set up `lines` order lines in a fresh database, then time one simulation over all of them."""
    url, drop = await _fresh_database(database_url)
    await schema.migrate(url)  # what `relay migrate` runs
    await Tortoise.init(config=tortoise_config(url, MODEL_MODULES), _enable_global_fallback=True)
    try:
        merchant = (await create_merchant("Bench", "CNY", sealer=Settings().sealer)).merchant
        setup_started = time.perf_counter()
        orders = await _populate(merchant.id, lines, random.Random(seed))
        setup_seconds = time.perf_counter() - setup_started
        active = await rule_sets.create_draft(merchant.id, ACTIVE)
        await rule_sets.publish(merchant.id, active.version)
        draft = await rule_sets.create_draft(merchant.id, DRAFT)

        rss_before = _peak_rss_mb()
        load_before = os.getloadavg()[0]
        started, cpu_started = time.perf_counter(), time.process_time()
        report = await simulate(merchant.id, draft.version, START, START + timedelta(days=DAYS + 1))
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
        rss_after = _peak_rss_mb()
        load_after = os.getloadavg()[0]
    finally:
        await Tortoise.close_connections()
        if drop is not None:
            await drop()
    assert report.lines == orders * LINES_PER_ORDER, (report.lines, orders)
    return {
        "engine": dialect_of(url),
        "orders": report.orders,
        "lines": report.lines,
        "setup_seconds": round(setup_seconds, 1),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),  # this process only (SQLite's own work runs in it too)
        "lines_per_second": round(report.lines / seconds),
        "target_seconds_per_million": TARGET_SECONDS,
        "projected_seconds_per_million": round(seconds * 1_000_000 / report.lines, 2),
        # the process's high-water mark: set-up is set-based SQL, so the replay sets it
        "peak_rss_mb_before": rss_before,
        "peak_rss_mb": rss_after,
        # the machine's 1-minute load average around the replay (wall time stretches with it)
        "load_average": f"{load_before:.1f} -> {load_after:.1f} on {os.cpu_count()} cores",
        "simulated_cash_minor": report.simulated.cash,
        "simulated_points": report.simulated.points,
        "partners": len(report.partners),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--database-url", default=None, help="a PostgreSQL server URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    result = asyncio.run(bench_simulation(args.lines, args.database_url))
    for key, value in result.items():
        print(f"{key}: {value}")
    ok = result["projected_seconds_per_million"] <= TARGET_SECONDS
    print("simulation: " + ("ok" if ok else "SLOWER THAN TARGET"))
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
