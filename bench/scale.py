"""Scale-out on PostgreSQL: the tracked redirect and signed-order ingestion with 1, 2 and 4 worker
processes (uvicorn --workers N, as `relay serve --workers N`), and each figure's ratio to 1.

    .venv/bin/python bench/scale.py [--database-url postgres://postgres@127.0.0.1:5432/postgres]

A scratch database on that server (created, migrated by `relay migrate`, dropped afterwards)
holds two merchants: one with a link to redirect through (bench/redirect.py's seed), one with
partners, visitors' clicks, an order history and an active rule set (bench/ingest.py's seed, its
`commissions` mode: each order earns five commissions posted to the ledger). For each N the same
loads run against a fresh server: redirects (wrk when on PATH, else the asyncio raw-socket
client) and pre-signed order.created events over keep-alive connections, after a warm-up.
Prints requests/s and orders/s per N, the ratio to N = 1, and checks that every order answered
was stored and attributed. The client runs on the same machine: on a machine with C cores the
ratio for N > C is bounded by the cores, and a loaded machine makes every figure noisy.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
from pathlib import Path

import ingest  # bench/ingest.py
import redirect  # bench/redirect.py
from servers import HOST, free_port, wait_ready  # bench/servers.py

from relay.schema import scratch_database

ROOT = Path(__file__).resolve().parent.parent
PROCESSES = (1, 2, 4)
#: Connections each process keeps to PostgreSQL: 4 processes share max_connections with everyone else.
POOL = 5


def start(url: str, port: int, workers: int) -> subprocess.Popen:
    env = {
        **os.environ, "RELAY_DATABASE_URL": f"{url}?maxsize={POOL}",
        # One client address and one link: every limit is checked, none refuses.
        "RELAY_RATE_LIMIT_REDIRECT_IP": "1000000000/minute", "RELAY_RATE_LIMIT_REDIRECT_LINK": "1000000000/minute",
        "RELAY_RATE_LIMIT_EVENTS_IP": "1000000000/minute", "RELAY_RATE_LIMIT_EVENTS_MERCHANT": "1000000000/minute",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "relay.app:create_app", "--factory", "--host", HOST, "--port", str(port),
         "--log-level", "warning", "--no-access-log", "--workers", str(workers)],
        cwd=ROOT, env=env,
    )
    wait_ready(port, server, timeout=120)
    return server


def measure(url: str, workers: int, link: str, seeded: ingest.Seed, args: argparse.Namespace) -> dict:
    """Redirects/s and orders/s (with the orders stored) against one server of `workers` processes."""
    port = free_port()
    server = start(url, port, workers)
    tag = f"scale{workers}"
    try:
        # Warm every worker: code paths, link cache, connection pools.
        redirect.load(port, f"/r/{link}", requests=2000, seconds=2.0, connections=args.connections,
                      name="warm", use_wrk=False)
        asyncio.run(ingest.load(port, ingest.signed_requests(seeded, 200, f"warm{tag}", port), args.connections,
                                ingest.Run("warm")))
        redirects = redirect.load(port, f"/r/{link}", requests=args.requests, seconds=args.seconds,
                                  connections=args.connections, name=f"{workers}", use_wrk=args.wrk)
        orders = ingest.Run(f"{workers}")
        asyncio.run(ingest.load(port, ingest.signed_requests(seeded, args.orders, tag, port), args.connections,
                                orders))
    finally:
        redirect.stop_server(server)
    stored, _ = asyncio.run(ingest.count_attributed(url, seeded.merchant_id, tag))
    return {"workers": workers, "redirects": redirects.rps, "redirect_errors": redirects.errors,
            "orders": orders.rate, "order_errors": orders.errors, "answered": orders.ok, "stored": stored}


def run(url: str, args: argparse.Namespace) -> int:
    ingest.relay("migrate", url=url)
    (link, _), _ = asyncio.run(redirect._seed(url))
    seeded = asyncio.run(ingest.seed(url, "commissions"))
    print(f"PostgreSQL, {os.cpu_count()} CPU(s); redirects: {'wrk' if args.wrk else 'asyncio client'}, "
          f"<= {args.seconds} s / {args.requests} requests, {args.connections} connections; "
          f"orders: {args.orders} signed order.created with commissions, {args.connections} connections")
    results = []
    for workers in PROCESSES:
        results.append(measure(url, workers, link, seeded, args))
        r = results[-1]
        print(f"  {workers} process(es): {r['redirects']:8.0f} redirects/s   {r['orders']:7.0f} orders/s")
    first = results[0]
    print(f"{'processes':>10}{'redirects/s':>14}{'ratio':>8}{'orders/s':>11}{'ratio':>8}{'errors':>8}{'stored':>14}")
    ok = True
    for r in results:
        errors = r["redirect_errors"] + r["order_errors"]
        ok &= errors == 0 and r["stored"] == r["answered"] == args.orders
        print(f"{r['workers']:>10}{r['redirects']:>14.0f}{r['redirects'] / first['redirects']:>8.2f}"
              f"{r['orders']:>11.0f}{r['orders'] / first['orders']:>8.2f}{errors:>8}"
              f"{r['stored']:>7}/{r['answered']:<6}")
    print("OK" if ok else "FAIL: errors, or orders answered but not stored")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=ingest.PG_SERVER,
                        help="a PostgreSQL server: a scratch database is made there and dropped")
    parser.add_argument("--connections", type=int, default=32, help="keep-alive connections of each load")
    parser.add_argument("--seconds", type=float, default=4.0, help="time limit of the redirect load")
    parser.add_argument("--requests", type=int, default=40_000, help="request limit of the redirect load")
    parser.add_argument("--orders", type=int, default=2000, help="signed orders per process count")
    parser.add_argument("--no-wrk", action="store_true", help="use the Python client even if wrk is on PATH")
    args = parser.parse_args()
    args.wrk = not args.no_wrk and redirect.shutil.which("wrk") is not None
    if not args.database_url.startswith(("postgres", "asyncpg")):
        parser.error("scale-out is measured on PostgreSQL: give a postgres:// server")
    with scratch_database(args.database_url, "relay_scale") as url:
        return run(url, args)


if __name__ == "__main__":
    sys.exit(main())
