"""Benchmark part `simulation`: a draft rule set replayed over 1,000,000 order lines.

    .venv/bin/python bench/simulation_part.py                  # temporary SQLite file
    .venv/bin/python bench/simulation_part.py --lines 200000 --database-url postgres://postgres@127.0.0.1:5432/postgres

`bench_simulation(lines=..., database_url=...)` creates a fresh database (migrated as
`relay migrate` does), writes one merchant with 2,000 partners (a quarter recruited by another), an
active rule set and a draft, and `lines` order lines (three per order, spread over three months)
straight into the referral tables; set-up is not timed. It then times
`commissions.service.simulation.simulate` over the whole range: orders streamed in chunks,
every line evaluated for the partner and the recruiter, nothing written. Target: 1,000,000 lines
in under 30 s. Returns the measurements; `main` prints them (exit status 2 past the target).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tortoise import Tortoise  # noqa: E402

from commissions.service import rule_sets  # noqa: E402
from commissions.service.simulation import simulate  # noqa: E402
from commissions.service.sql import insert_returning, sql  # noqa: E402
from core.db import connection, dialect_of, tortoise_config  # noqa: E402
from referral.service.merchants import create_merchant  # noqa: E402
from relay import schema  # noqa: E402
from relay.settings import MODEL_MODULES  # noqa: E402

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
    import asyncpg

    parts = urlsplit(database_url)
    name = f"relay_bench_{uuid.uuid4().hex[:8]}"
    server = await asyncpg.connect(database_url)
    await server.execute(f'CREATE DATABASE "{name}"')
    await server.close()

    async def drop() -> None:
        server = await asyncpg.connect(database_url)
        await server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await server.close()

    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", "")), drop


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
    step = timedelta(days=DAYS) / orders
    batch = 2000
    for first in range(0, orders, batch):
        count = min(batch, orders - first)
        order_rows, line_specs = [], []
        for n in range(first, first + count):
            specs = [(rng.choice(CATEGORIES), rng.randint(1, 4), rng.randint(500, 30000)) for _ in range(LINES_PER_ORDER)]
            subtotal = sum(q * p for _, q, p in specs)
            order_rows.append((
                merchant_id, f"bench-{n}", "CNY", rng.choice(["online", "store"]), START + step * n, subtotal, 0,
                subtotal, "completed", rng.choice(ids), "click_id", rng.choice(["personal", "product"]),
                n % 7 == 0, "0" * 64, START,
            ))
            line_specs.append(specs)
        created = await insert_returning(
            "shop_order",
            ("merchant_id", "external_id", "currency", "channel", "occurred_at", "subtotal_minor", "discount_minor",
             "total_minor", "status", "partner_id", "attribution", "scene", "is_first_order", "content_hash",
             "created_at"),
            order_rows,
        )
        created.sort(key=lambda row: row["id"])
        line_rows = []
        for order, specs in zip(created, line_specs, strict=True):
            for line_no, (category, quantity, price) in enumerate(specs, start=1):
                gross = quantity * price
                line_rows.append((merchant_id, order["id"], line_no, f"SKU-{price % 60:03d}", category, quantity,
                                  price, gross, 0, gross))
        await insert_returning(
            "order_line",
            ("merchant_id", "order_id", "line_no", "sku", "category", "quantity", "unit_price_minor", "gross_minor",
             "discount_minor", "net_minor"),
            line_rows,
        )
    return orders


async def bench_simulation(lines: int = 1_000_000, database_url: str | None = None, seed: int = 7) -> dict[str, Any]:
    """Set up `lines` order lines in a fresh database, then time one simulation over all of them."""
    url, drop = await _fresh_database(database_url)
    await schema.migrate(url)  # what `relay migrate` runs
    await Tortoise.init(config=tortoise_config(url, MODEL_MODULES), _enable_global_fallback=True)
    try:
        merchant = (await create_merchant("Bench", "CNY")).merchant
        setup_started = time.perf_counter()
        orders = await _populate(merchant.id, lines, random.Random(seed))
        setup_seconds = time.perf_counter() - setup_started
        active = await rule_sets.create_draft(merchant.id, ACTIVE)
        await rule_sets.publish(merchant.id, active.version)
        draft = await rule_sets.create_draft(merchant.id, DRAFT)

        started, cpu_started = time.perf_counter(), time.process_time()
        report = await simulate(merchant.id, draft.version, START, START + timedelta(days=DAYS + 1))
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
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
