"""What fraud screening costs on ingestion: statements and time per order.created, screening on vs off.

    .venv/bin/python bench/fraud.py [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--orders 1200]

On a scratch PostgreSQL database (made on the server the URL names, dropped afterwards) seeded
as bench/ingest.py's `commissions` mode, order.created events go through the real event use
case (`relay.shop_events.handle`: attribution, commissions, ledger, receipt, written in one
statement), one at a time in one process, in alternating blocks with every signal `flag`
(the defaults) and every signal `off` (no screening query at all). Every statement sent to
PostgreSQL is counted. Prints statements per order and the time ratio on/off, measured in the
same run. Target: at most one statement more per order (the facts query; an order that raises
a signal adds its write).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402
import ingest  # noqa: E402  (bench/ingest.py: the same seed and events)

from relay.schema import scratch_database  # noqa: E402

SIGNALS = ("self_referral", "customer_velocity", "ip_velocity", "bot_click", "fast_order", "refund_rate")
SENT = {"statements": 0}


def count_statements() -> None:
    """Count every statement asyncpg sends (BEGIN and COMMIT included)."""
    for name in ("fetch", "fetchrow", "fetchval", "execute", "executemany"):
        original = getattr(asyncpg.connection.Connection, name)

        def counted(self, *args, __original=original, **kwargs):
            SENT["statements"] += 1
            return __original(self, *args, **kwargs)

        setattr(asyncpg.connection.Connection, name, counted)


async def measure(url: str, orders: int, block: int) -> dict[str, dict[str, float]]:
    from tortoise import Tortoise

    from accounts.service.receipts import body_hash
    from accounts.service.settings import fraud_rules, shop_signing, update_settings
    from core.db import tortoise_config
    from relay.settings import MODEL_MODULES
    from relay.shop_events import handle

    seeded = await ingest.seed(url, "commissions")
    await Tortoise.init(config=tortoise_config(url, MODEL_MODULES), _enable_global_fallback=True)
    try:
        signing = await shop_signing(seeded.merchant_id)
        assert signing is not None
        totals = {mode: {"orders": 0, "seconds": 0.0, "statements": 0} for mode in ("on", "off")}
        n = 0
        for round_no in range(max(1, orders // (2 * block))):
            for mode in ("on", "off") if round_no % 2 == 0 else ("off", "on"):
                action = "flag" if mode == "on" else "off"
                await update_settings(seeded.merchant_id, {"fraud_signals": {s: {"action": action} for s in SIGNALS}})
                await fraud_rules(seeded.merchant_id)  # re-read after the change: not an order's cost
                for _ in range(block):
                    n += 1
                    body = json.dumps(ingest.order_event(n, seeded, "fraud")).encode()
                    sent, started = SENT["statements"], time.perf_counter()
                    await handle(signing, f"msg_fraud_{n}", body_hash(body), body, [])
                    totals[mode]["seconds"] += time.perf_counter() - started
                    totals[mode]["statements"] += SENT["statements"] - sent
                    totals[mode]["orders"] += 1
    finally:
        await Tortoise.close_connections()
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=ingest.PG_SERVER, help="a PostgreSQL server (a scratch database is made there)")
    parser.add_argument("--orders", type=int, default=1200, help="orders in all (half with screening on)")
    parser.add_argument("--block", type=int, default=100, help="orders per block between switches")
    args = parser.parse_args()
    count_statements()
    with scratch_database(args.database_url, "relay_bench_fraud") as url:
        subprocess.run([sys.executable, "-m", "relay", "migrate"], cwd=ROOT, check=True, capture_output=True,
                       env={**os.environ, "RELAY_DATABASE_URL": url})
        totals = asyncio.run(measure(url, args.orders, args.block))
    per = {mode: {k: v / t["orders"] for k, v in t.items() if k != "orders"} for mode, t in totals.items()}
    for mode in ("on", "off"):
        print(f"screening {mode:3}: {totals[mode]['orders']} orders, {per[mode]['statements']:.2f} statements/order, "
              f"{per[mode]['seconds'] * 1000:.2f} ms/order")
    added = per["on"]["statements"] - per["off"]["statements"]
    print(f"added statements per order: {added:.2f} (target <= 1); time on/off: {per['on']['seconds'] / per['off']['seconds']:.3f}")
    return 0 if added <= 1.05 else 2


if __name__ == "__main__":
    sys.exit(main())
