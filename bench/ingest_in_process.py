"""order.created's CPU per event without HTTP: new orders' writes grouped against one by one.

    .venv/bin/python bench/ingest_in_process.py [--database-url postgres://postgres@127.0.0.1:5432/postgres]
        [--mode commissions|referral] [--orders 1500] [--blocks 8] [--concurrency 16]

On a scratch PostgreSQL database seeded as bench/ingest.py's, the real app (its lifespan
running) is driven in this process through ASGI with pre-signed order.created events, in
alternating blocks: the PostgreSQL path as it ships (reads, then each order's write plan in one
statement, gathered with the other requests' by the app's `PlanWriter`) and, as the baseline
measured in the same run, each plan written alone (a `PlanWriter` of one plan a statement).
Alternating blocks in one process is what makes a few per cent visible on a shared machine
where separate runs vary by a fifth. Prints, per variant, the CPU per event of this process
(the app's Python; no HTTP server, no client) and of PostgreSQL, the wall time per event, and
the ratios. No target.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ingest  # noqa: E402  (bench/ingest.py: the same seed, events and CPU meter)
from standardwebhooks import Webhook  # noqa: E402

from relay.schema import scratch_database  # noqa: E402

VARIANTS = ("grouped", "one by one")


def scopes(seed: ingest.Seed, count: int, tag: str) -> list[tuple[dict[str, Any], bytes]]:
    """Signed order.created requests as ASGI scopes with their bodies."""
    hook = Webhook(seed.secret)
    at = datetime.now(UTC)
    made = []
    for n in range(count):
        body = json.dumps(ingest.order_event(n, seed, tag), separators=(",", ":"))
        msg_id = f"msg_{tag}_{n}"
        headers = [
            (b"content-type", b"application/json"), (b"webhook-id", msg_id.encode()),
            (b"webhook-timestamp", str(int(at.timestamp())).encode()),
            (b"webhook-signature", hook.sign(msg_id, at, body).encode()),
        ]
        path = f"/api/v1/merchants/{seed.merchant_id}/events"
        made.append(({
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
            "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "", "headers": headers,
            "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 80),
        }, body.encode()))
    return made


async def drive(app: Any, state: dict[str, Any], requests: list[tuple[dict[str, Any], bytes]], concurrency: int) -> int:
    """Send every request through the app, `concurrency` at a time; how many were applied."""
    queue = list(reversed(requests))
    applied = 0

    async def one(scope: dict[str, Any], body: bytes) -> None:
        nonlocal applied
        answer: dict[str, Any] = {"body": b""}
        delivered = False

        async def receive() -> dict[str, Any]:
            nonlocal delivered
            if delivered:
                await asyncio.Event().wait()  # the client never disconnects
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                answer["status"] = message["status"]
            elif message["type"] == "http.response.body":
                answer["body"] += message.get("body", b"")

        await app({**scope, "state": dict(state)}, receive, send)
        if answer["status"] != 200 or b'"applied":true' not in answer["body"]:
            raise SystemExit(f"unexpected answer {answer['status']}: {answer['body'][:300]!r}")
        applied += 1

    async def worker() -> None:
        while queue:
            await one(*queue.pop())

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return applied


async def measure(url: str, mode: str, orders: int, blocks: int, concurrency: int) -> dict[str, dict[str, float]]:
    from core.plan_writer import PlanWriter
    from relay.app import create_app
    from relay.settings import Settings

    seed = await ingest.seed(url, mode)
    app = create_app(Settings(database_url=url))
    totals = {name: {"orders": 0, "app": 0.0, "postgres": 0.0, "wall": 0.0} for name in VARIANTS}
    async with app.router.lifespan_context(app) as state:
        writers = {VARIANTS[0]: app.state.plans, VARIANTS[1]: PlanWriter(most=1)}
        await drive(app, state or {}, scopes(seed, 300, "warm"), concurrency)
        for block in range(blocks):
            name = VARIANTS[block % 2]
            app.state.plans = writers[name]
            requests = scopes(seed, orders, f"block{block}")
            meter = ingest.CpuMeter(None)
            meter.start()
            started = time.perf_counter()
            applied = await drive(app, state or {}, requests, concurrency)
            wall = time.perf_counter() - started
            cpu = meter.stop()
            total = totals[name]
            total["orders"] += applied
            total["app"] += cpu.get("app", 0.0)
            total["postgres"] += cpu.get("postgres", 0.0)
            total["wall"] += wall
        app.state.plans = writers[VARIANTS[0]]
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=ingest.PG_SERVER, help="a PostgreSQL server (a scratch database is made there)")
    parser.add_argument("--mode", choices=ingest.MODES, default="commissions")
    parser.add_argument("--orders", type=int, default=1500, help="events per block")
    parser.add_argument("--blocks", type=int, default=8, help="blocks in all, the variants alternating")
    parser.add_argument("--concurrency", type=int, default=16, help="events in flight at once")
    args = parser.parse_args()
    with scratch_database(args.database_url) as url:
        subprocess.run([sys.executable, "-m", "relay", "migrate"], cwd=ROOT, check=True, capture_output=True,
                       env={**os.environ, "RELAY_DATABASE_URL": url})
        totals = asyncio.run(measure(url, args.mode, args.orders, max(2, args.blocks), args.concurrency))
    per = {}
    print(f"{args.mode}: {args.orders} events per block, {args.blocks} blocks, {args.concurrency} in flight")
    for name, total in totals.items():
        n = total["orders"]
        per[name] = {key: total[key] / n * 1e6 for key in ("app", "postgres", "wall")}
        print(f"  {name:<14} {n:>6} events: app {per[name]['app']:6.0f} µs, PostgreSQL {per[name]['postgres']:6.0f} µs"
              f" of CPU per event; {per[name]['wall']:6.0f} µs wall per event")
    base, ours = per[VARIANTS[1]], per[VARIANTS[0]]
    print("  grouped / one by one: " + ", ".join(
        f"{key} {ours[key] / base[key]:.3f}" for key in ("app", "postgres", "wall") if base[key]
    ))
    return 0


if __name__ == "__main__":
    sys.exit(main())
