"""Benchmark of shop event ingestion: signed order.created events over HTTP, attributed and stored.

    .venv/bin/python bench/ingest.py                     # SQLite, then PostgreSQL if it answers on 127.0.0.1:5432
    .venv/bin/python bench/ingest.py --database-url postgres://postgres@127.0.0.1:5432/postgres

For each engine: a scratch database (a temporary SQLite file; a fresh database on the
PostgreSQL server, dropped afterwards: the database the URL names is never written to)
migrated by `relay migrate`, seeded with a merchant, partners, links, one click per visitor,
an order history (each order with a commission and its ledger entry) and planner statistics; the real app under uvicorn (one process on SQLite,
one per CPU on PostgreSQL, as `relay serve --workers`) on a free loopback port; pre-signed
order.created events (two lines, a discount, a visitor id or a till code: each one is
attributed) sent over keep-alive connections. Prints attributed orders/s and checks the
database holds exactly one attributed order per event answered.

With each rate it prints where the CPU went, in ms per order (Linux /proc): the app's server
processes, every PostgreSQL process, and the load client; for the baseline its own Python and
PostgreSQL. The machine's cores are shared by all of them, so the ratio is about those sums.

Two modes in the same run, each on its own merchant: `referral` (no rule set: the order is
attributed and stored) and `commissions` (a realistic active rule set with levels 1 and 2:
each order also earns five commissions, each posted to the ledger). On PostgreSQL each mode
is then compared with a hand-written asyncpg script doing the same writes per order in one
transaction at the same concurrency (referral: the order, its lines in one multi-row INSERT,
the webhook receipt; commissions: the same plus the commissions, the ledger transactions and
their postings, one multi-row INSERT each), printing orders/s and the ratio. Targets:
referral >= 0.6 of its baseline and >= 1,000 orders/s; commissions >= 0.6 and >= 800 orders/s.
Exit status: 0 targets met, 1 errors or lost orders, 2 below target.

Concurrent orders of one merchant are written together (core/plan_writer.py): on PostgreSQL the
bench prints the group sizes seen (orders per write statement, read back from the orders' xmin:
the rows one statement wrote share its transaction id), and the latency (p50, p99) of the run at
`--concurrency` and of a run of `LATENCY_EVENTS` events one at a time. `--compare-alone` runs
everything again on a server writing each order alone (RELAY_ORDER_GROUP_MAX=1) and prints the
grouped rate over that one.

`bench_ingest_with_commissions(database_url)` runs the commissions mode alone (bench/rules.py).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from servers import HOST, free_port, wait_ready  # noqa: E402  (bench/servers.py)
from standardwebhooks import Webhook  # noqa: E402

from relay.schema import scratch_database  # noqa: E402

PG_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
TARGET_RATIO = 0.6
TARGET_RATE = {"referral": 1000.0, "commissions": 800.0}
MODES = ("referral", "commissions")
#: A realistic rule set: category and base rates, a first-order bonus, the recruiter's override,
#: a per-order cap. No monthly cap or tiers (those add a lock and a month query per order).
RULE_SET = {
    "rules": [
        {"id": "tea", "level": 1, "conditions": {"categories": ["tea"]}, "reward": {"percent": "10"}},
        {"id": "base", "level": 1, "reward": {"percent": "5"}},
        {"id": "welcome", "level": 1, "conditions": {"first_order": True}, "reward": {"flat_per_order": "5.00"}},
        {"id": "recruiter", "level": 2, "reward": {"percent": "2"}},
    ],
    "caps": {"per_order": {"cash": "200.00"}},
}
PARTNERS = 50
#: Events sent one at a time per mode (the latency at concurrency 1).
LATENCY_EVENTS = 300
VISITORS = 2000
#: Orders already in the database when the run starts.
HISTORY = 20_000


@dataclass
class Run:
    engine: str
    sent: int = 0
    ok: int = 0
    errors: int = 0
    seconds: float = 0.0
    stored: int = 0
    #: one answer as the app gave it; the baseline stores receipts of the same size
    sample: str = "{}"
    #: CPU seconds during the run: "app" (the server's processes, or the baseline's own Python),
    #: "postgres" (every PostgreSQL process), "client" (the load generator); empty without /proc
    cpu: dict[str, float] = field(default_factory=dict)
    #: seconds from sending each request to reading its answer
    latencies: list[float] = field(default_factory=list)
    #: orders per write statement -> statements (PostgreSQL; read back after the run)
    groups: dict[int, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def latency(self) -> str:
        """p50 and p99 of the answers' latency, in ms."""
        if not self.latencies:
            return "n/a"
        ordered = sorted(self.latencies)
        p50, p99 = (ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 for q in (0.50, 0.99))
        return f"p50 {p50:.1f} ms, p99 {p99:.1f} ms"

    def group_sizes(self) -> str:
        if not self.groups:
            return "n/a"
        orders = sum(size * count for size, count in self.groups.items())
        statements = sum(self.groups.values())
        sizes = ", ".join(f"{size}: {count}" for size, count in sorted(self.groups.items()))
        return f"{orders / statements:.1f} orders per statement on average ({sizes})"

    def cpu_per_order(self) -> str:
        """Where the CPU went, in ms per order (what the 2-core budget is spent on)."""
        if not self.cpu or not self.ok:
            return "CPU per order: n/a (no /proc)"
        parts = ", ".join(f"{name} {seconds / self.ok * 1000:.2f}" for name, seconds in self.cpu.items())
        return f"CPU per order, ms: {parts}"


# --- CPU accounting (Linux /proc) ------------------------------------------------------------------


def _cpu_of(pid: int) -> float:
    """User + system CPU seconds of process `pid` so far (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _pids(*, comm_prefix: str | None = None, parent: int | None = None) -> list[int]:
    """Processes whose name starts with `comm_prefix`, or the children of `parent`, and theirs."""
    if not os.path.isdir("/proc"):
        return []
    table: dict[int, tuple[int, str]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    text = stat.read()
            except OSError:
                continue
            name, rest = text[text.index("(") + 1 : text.rindex(")")], text.rsplit(")", 1)[1].split()
            table[int(entry)] = (int(rest[1]), name)
    if comm_prefix is not None:
        return [pid for pid, (_, name) in table.items() if name.startswith(comm_prefix)]
    found, frontier = [], [parent]
    while frontier:
        children = [pid for pid, (ppid, _) in table.items() if ppid in frontier]
        found += children
        frontier = children
    return [parent, *found] if parent is not None else found


class CpuMeter:
    """CPU seconds of the app's server processes, PostgreSQL's and this process between `start`
    and `stop` (processes that exit in between are not counted: stop before they do)."""

    def __init__(self, server_pid: int | None) -> None:
        self.server_pid = server_pid

    def _read(self) -> dict[str, float]:
        if not os.path.isdir("/proc"):
            return {}
        readings = {"postgres": sum(_cpu_of(pid) for pid in _pids(comm_prefix="postgres"))}
        if self.server_pid is not None:
            readings["app"] = sum(_cpu_of(pid) for pid in _pids(parent=self.server_pid))
        readings["client" if self.server_pid is not None else "app"] = time.process_time()
        return readings

    def start(self) -> None:
        self.before = self._read()

    def stop(self) -> dict[str, float]:
        after = self._read()
        return {name: after[name] - self.before.get(name, 0.0) for name in ("app", "postgres", "client") if name in after}


# --- databases -----------------------------------------------------------------------------------


def relay(*args: str, url: str) -> None:
    env = {**os.environ, "RELAY_DATABASE_URL": url}
    subprocess.run([sys.executable, "-m", "relay", *args], cwd=ROOT, env=env, check=True, capture_output=True)


def postgres_reachable() -> bool:
    """Whether a PostgreSQL server listens on the default local port."""
    try:
        with socket.create_connection((HOST, 5432), timeout=1):
            return True
    except OSError:
        return False


@dataclass
class Seed:
    merchant_id: int
    secret: str
    codes: list[str]
    visitors: list[str]


async def seed(url: str, mode: str = "referral") -> Seed:
    """A merchant with partners, one link each, and one recent click per visitor; in mode
    `commissions` every partner but the first is recruited by the first, and `RULE_SET` is active."""
    from tortoise import Tortoise

    from accounts.service.merchants import create_merchant
    from core import ids
    from core.db import tortoise_config
    from referral.models import Click, Order, Partner, ShareLink
    from relay.settings import MODEL_MODULES, Settings

    await Tortoise.init(config=tortoise_config(url, MODEL_MODULES), _enable_global_fallback=True)
    try:
        created = await create_merchant("Bench", "CNY", allowed_domains=["shop.example.com"], sealer=Settings().sealer)
        merchant = created.merchant
        await Partner.bulk_create(
            [Partner(merchant_id=merchant.id, code=ids.partner_code(), display_name=f"P{i}") for i in range(PARTNERS)]
        )
        partners = await Partner.filter(merchant_id=merchant.id).order_by("id")
        if mode == "commissions":
            from commissions.service import rule_sets

            await Partner.filter(merchant_id=merchant.id, id__gt=partners[0].id).update(recruiter_id=partners[0].id)
            draft = await rule_sets.create_draft(merchant.id, RULE_SET)
            await rule_sets.publish(merchant.id, draft.version)
        await ShareLink.bulk_create([
            ShareLink(merchant_id=merchant.id, partner_id=p.id, code=ids.link_code(),
                      target_url="https://shop.example.com/", scene="personal")
            for p in partners
        ])
        links = await ShareLink.filter(merchant_id=merchant.id).order_by("id")
        clicked = datetime.now(UTC) - timedelta(days=1)
        visitors = [ids.visitor_id() for _ in range(VISITORS)]
        await Click.bulk_create([
            # each visitor from an address of their own (one shared address would raise ip_velocity
            # fraud signals: writes the hand-written baseline does not do)
            Click(id=ids.click_id(), merchant_id=merchant.id, link_id=link.id, partner_id=link.partner_id,
                  scene=link.scene, visitor_id=visitor, ip_hash=hashlib.sha256(visitor.encode()).hexdigest(),
                  occurred_at=clicked)
            for visitor, link in zip(visitors, (links[i % len(links)] for i in range(VISITORS)), strict=True)
        ], batch_size=500)
        # Order history, then planner statistics: a database in service has both (a fresh one,
        # growing from empty with no statistics, would measure the planner's guesses instead).
        history = datetime.now(UTC) - timedelta(days=60)
        await Order.bulk_create([
            Order(merchant_id=merchant.id, external_id=f"history-{n}", customer_ref=f"old-{n}", currency="CNY",
                  channel="online", occurred_at=history, subtotal_minor=1000, discount_minor=0, total_minor=1000,
                  partner_id=partners[n % len(partners)].id, attribution="last_click", content_hash="0" * 64)
            for n in range(HISTORY)
        ], batch_size=1000)
        await _history_commissions(merchant.id)
        await Tortoise.get_connection("default").execute_script("ANALYZE")
        return Seed(merchant.id, created.webhook_secret, [p.code for p in partners], visitors)
    finally:
        await Tortoise.close_connections()


async def _history_commissions(merchant_id: int) -> None:
    """A commission and its ledger entry (two postings) for each order of the history, as a
    database in service has: ANALYZE then sees a ledger that is not empty. (Analysed empty, the
    planner keeps choosing a sequential scan for the foreign-key checks of every new posting,
    in every pooled connection, until the statistics are next refreshed.)"""
    from tortoise import Tortoise

    db = Tortoise.get_connection("default")
    m = int(merchant_id)
    await db.execute_script(
        "INSERT INTO commission (merchant_id, partner_id, order_id, line_no, level, kind, asset, amount, base_minor,"
        " rule_set_version, rule_id, status, occurred_at, explanation, created_at)"
        " SELECT merchant_id, partner_id, id, NULL, 1, 'cash', 'CNY', 50, 1000, 1, 'base', 'pending', occurred_at,"
        f" '{{}}', occurred_at FROM shop_order WHERE merchant_id = {m} AND external_id LIKE 'history-%'"
    )
    await db.execute_script(
        "INSERT INTO ledger_transaction (merchant_id, kind, asset, reference, idempotency_key, content_hash, memo,"
        " created_at) SELECT merchant_id, 'commission_earned', 'CNY', CAST(id AS VARCHAR(20)),"
        " 'commission_earned:' || CAST(id AS VARCHAR(20)), '0', '', created_at"
        f" FROM commission WHERE merchant_id = {m}"
    )
    for account, sign in (("pending", ""), ("commission_expense", "-")):
        await db.execute_script(
            "INSERT INTO ledger_posting (merchant_id, transaction_id, account, partner_id, asset, amount_minor)"
            f" SELECT t.merchant_id, t.id, '{account}', c.partner_id, 'CNY', {sign}c.amount FROM ledger_transaction t"
            " JOIN commission c ON c.merchant_id = t.merchant_id AND CAST(c.id AS VARCHAR(20)) = t.reference"
            f" WHERE t.merchant_id = {m}"
        )


# --- events ----------------------------------------------------------------------------------------


def order_event(n: int, seed: Seed, tag: str) -> dict:
    at = datetime.now(UTC).isoformat()
    data = {
        "external_id": f"{tag}-{n}",
        "occurred_at": at,
        "currency": "CNY",
        "channel": "online",
        "customer_ref": f"cust-{random.randrange(10**9)}",
        "lines": [
            {"sku": "TEA-1", "category": "tea", "quantity": 3, "unit_price": "19.90"},
            {"sku": "CUP-1", "category": "cups", "quantity": 1, "unit_price": 550},
        ],
        "discount": "2.00",
    }
    if n % 5 == 0:
        data |= {"channel": "store", "store_id": "store-1", "partner_code": random.choice(seed.codes)}
    else:
        data["visitor_id"] = random.choice(seed.visitors)
    return {"type": "order.created", "timestamp": at, "data": data}


def signed_requests(seed: Seed, count: int, tag: str, port: int) -> list[bytes]:
    hook = Webhook(seed.secret)
    now = datetime.now(UTC)
    requests = []
    for n in range(count):
        body = json.dumps(order_event(n, seed, tag), separators=(",", ":"))
        msg_id = f"msg_{tag}_{n}"
        head = (
            f"POST /api/v1/merchants/{seed.merchant_id}/events HTTP/1.1\r\nHost: {HOST}:{port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
            f"webhook-id: {msg_id}\r\nwebhook-timestamp: {int(now.timestamp())}\r\n"
            f"webhook-signature: {hook.sign(msg_id, now, body)}\r\n\r\n"
        )
        requests.append(head.encode() + body.encode())
    return requests


async def _connection(port: int, queue: list[bytes], run: Run) -> None:
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        while queue:
            started = time.perf_counter()
            writer.write(queue.pop())
            run.sent += 1
            status_line = await reader.readline()
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            body = await reader.readexactly(length)
            run.latencies.append(time.perf_counter() - started)
            if status_line.split()[1] == b"200" and b'"applied":true' in body and b'"partner_id":null' not in body:
                run.ok += 1
                run.sample = body.decode()
            else:
                run.errors += 1
                if run.errors <= 3:
                    print(f"  unexpected answer: {status_line.decode().strip()} {body[:300]!r}")
    finally:
        writer.close()


async def load(port: int, requests: list[bytes], concurrency: int, run: Run) -> None:
    queue = list(reversed(requests))
    started = time.perf_counter()
    await asyncio.gather(*(_connection(port, queue, run) for _ in range(concurrency)))
    run.seconds = time.perf_counter() - started


async def count_attributed(url: str, merchant_id: int, tag: str) -> tuple[int, dict[int, int]]:
    """The attributed orders the run stored, and (PostgreSQL) how many orders each write
    statement wrote: size -> statements (the rows of one statement share its xmin)."""
    from tortoise import Tortoise

    from core.db import tortoise_config
    from referral.models import Order
    from relay.settings import MODEL_MODULES

    await Tortoise.init(config=tortoise_config(url, MODEL_MODULES), _enable_global_fallback=True)
    try:
        stored = await Order.filter(
            merchant_id=merchant_id, external_id__startswith=f"{tag}-", partner_id__not_isnull=True
        ).count()
        groups: dict[int, int] = {}
        if url.startswith(("postgres", "asyncpg")):
            rows = await Tortoise.get_connection("default").execute_query_dict(
                "SELECT size, COUNT(*) AS statements FROM (SELECT COUNT(*) AS size FROM shop_order"
                " WHERE merchant_id = $1 AND external_id LIKE $2 GROUP BY xmin::text) AS s GROUP BY size",
                [merchant_id, f"{tag}-%"],
            )
            groups = {int(row["size"]): int(row["statements"]) for row in rows}
        return stored, groups
    finally:
        await Tortoise.close_connections()


def ingest(
    url: str, engine: str, orders: int, concurrency: int, workers: int, modes: tuple[str, ...] = MODES,
    settings: dict[str, str] | None = None, seeds: dict[str, Seed] | None = None,
) -> dict[str, tuple[Run, Run, Seed]]:
    """Each mode on its own merchant (seeded unless `seeds` are given), one server for all (with
    `settings` in its environment); mode -> (the run at `concurrency`, the run one at a time,
    its seed)."""
    if seeds is None:
        relay("migrate", url=url)
        seeds = {mode: asyncio.run(seed(url, mode)) for mode in modes}
    label = "alone" if settings else ""
    port = free_port()
    env = {**os.environ, "RELAY_DATABASE_URL": url, **(settings or {})}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "relay.app:create_app", "--factory", "--host", HOST, "--port", str(port),
         "--log-level", "warning", "--no-access-log", "--workers", str(workers)],
        cwd=ROOT, env=env,
    )
    runs: dict[str, Run] = {}
    single: dict[str, Run] = {}
    try:
        wait_ready(port, server, timeout=120)  # a loaded shared machine starts workers slowly
        for mode, seeded in seeds.items():
            warm = signed_requests(seeded, min(300, orders), f"warm{label}{mode}", port)
            asyncio.run(load(port, warm, concurrency, Run(engine)))
            runs[mode] = Run(f"{engine} {mode}{' ' + label if label else ''}")
            requests = signed_requests(seeded, orders, f"run{label}{mode}", port)
            meter = CpuMeter(server.pid)
            meter.start()
            asyncio.run(load(port, requests, concurrency, runs[mode]))
            runs[mode].cpu = meter.stop()
            single[mode] = Run(f"{engine} {mode}, one at a time")
            one_by_one = signed_requests(seeded, min(LATENCY_EVENTS, orders), f"one{label}{mode}", port)
            asyncio.run(load(port, one_by_one, 1, single[mode]))
    finally:
        server.terminate()
        server.wait(timeout=20)
    for mode, seeded in seeds.items():
        runs[mode].stored, runs[mode].groups = asyncio.run(
            count_attributed(url, seeded.merchant_id, f"run{label}{mode}")
        )
    return {mode: (runs[mode], single[mode], seeds[mode]) for mode in modes}


# --- the hand-written baseline (PostgreSQL) ----------------------------------------------------------

_ORDER_SQL = (
    "INSERT INTO shop_order (merchant_id, external_id, customer_ref, currency, channel, store_id, occurred_at, "
    "subtotal_minor, discount_minor, total_minor, status, partner_id, attribution, click_id, link_id, scene, "
    "is_first_order, content_hash, visitor_id, partner_code, created_at) VALUES "
    "($1, $2, $3, 'CNY', 'online', NULL, $4, 6520, 200, 6320, 'created', $5, 'last_click', NULL, NULL, "
    "'personal', TRUE, $6, $7, NULL, now()) RETURNING id"
)
_LINES_SQL = (
    "INSERT INTO order_line (merchant_id, order_id, line_no, sku, category, quantity, unit_price_minor, "
    "gross_minor, discount_minor, net_minor) VALUES "
    "($1, $2, 1, 'TEA-1', 'tea', 3, 1990, 5970, 183, 5787), ($1, $2, 2, 'CUP-1', 'cups', 1, 550, 550, 17, 533)"
)
_RECEIPT_SQL = (
    "INSERT INTO webhook_receipt (merchant_id, webhook_id, body_hash, status_code, response, received_at) "
    "VALUES ($1, $2, $3, 200, $4, now())"
)


_COMMISSIONS_SQL = (
    "INSERT INTO commission (merchant_id, partner_id, order_id, order_line_id, line_no, level, kind, asset, amount,"
    " base_minor, rule_set_version, rule_id, status, occurred_at, explanation, created_at) VALUES "
    + ", ".join(
        f"($1, $2, $3, $4, 1, 1, 'cash', 'CNY', {5 + i}, 5787, 1, 'tea', 'pending', now(), $5::jsonb, now())"
        for i in range(5)
    )
    + " RETURNING id"
)
_LEDGER_TRANSACTIONS_SQL = (
    "INSERT INTO ledger_transaction (merchant_id, kind, asset, reference, idempotency_key, content_hash, memo,"
    " created_at) VALUES "
    + ", ".join(
        f"($1, 'commission_earned', 'CNY', ${2 + i}::varchar, 'commission_earned:' || ${2 + i}::varchar, $7, '', now())" for i in range(5)
    )
    + " RETURNING id"
)
_POSTINGS_SQL = (
    "INSERT INTO ledger_posting (merchant_id, transaction_id, account, partner_id, asset, amount_minor) VALUES "
    + ", ".join(
        f"($1, ${2 + i}, 'pending', $7, 'CNY', 100), ($1, ${2 + i}, 'commission_expense', $7, 'CNY', -100)"
        for i in range(5)
    )
)
#: An explanation of the size the app stores.
_EXPLANATION = json.dumps({"rule": "tea", "base_minor": 5787, "percent": "10", "modifiers": [], "caps": [],
                           "amount_minor": 579, "level": 1, "partner": {"group": None, "kind": "customer"}})


async def handwritten(url: str, seeded: Seed, orders: int, concurrency: int, reply: str, mode: str) -> Run:
    """The same writes per order with asyncpg and no framework, in one transaction per order: the
    order, its lines, the receipt (holding an answer of the app's size); in mode `commissions`
    also five commissions, their five ledger transactions and ten postings (one INSERT each).
    No attribution read, no rule evaluation, no HTTP."""
    import asyncpg

    parts = urlsplit(url)
    pool = await asyncpg.create_pool(
        host=parts.hostname, port=parts.port or 5432, user=parts.username or "postgres",
        password=parts.password or None, database=parts.path.lstrip("/"), min_size=concurrency, max_size=concurrency,
    )
    run = Run(f"postgres {mode}, hand-written asyncpg")
    todo = list(range(orders))
    partner = await pool.fetchval("SELECT min(id) FROM partner WHERE merchant_id = $1", seeded.merchant_id)

    async def worker() -> None:
        async with pool.acquire() as conn:
            while todo:
                n = todo.pop()
                async with conn.transaction():
                    order_id = await conn.fetchval(
                        _ORDER_SQL, seeded.merchant_id, f"hand{mode}-{n}", f"cust-{n}", datetime.now(UTC),
                        partner, hashlib.sha256(str(n).encode()).hexdigest(), random.choice(seeded.visitors),
                    )
                    await conn.execute(_LINES_SQL, seeded.merchant_id, order_id)
                    if mode == "commissions":
                        commission_ids = [row[0] for row in await conn.fetch(
                            _COMMISSIONS_SQL, seeded.merchant_id, partner, order_id, None, _EXPLANATION
                        )]
                        transaction_ids = [row[0] for row in await conn.fetch(
                            _LEDGER_TRANSACTIONS_SQL, seeded.merchant_id, *map(str, commission_ids), "0" * 64
                        )]
                        await conn.execute(_POSTINGS_SQL, seeded.merchant_id, *transaction_ids, partner)
                    await conn.execute(
                        _RECEIPT_SQL, seeded.merchant_id, f"hand{mode}_{n}", base64.b16encode(os.urandom(32)).decode(),
                        reply,
                    )
                run.ok += 1

    meter = CpuMeter(None)
    meter.start()
    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    run.seconds = time.perf_counter() - started
    run.cpu = meter.stop()  # before the pool closes: its PostgreSQL backends exit with it
    await pool.close()
    return run


# --- main --------------------------------------------------------------------------------------------


def report(run: Run, single: Run, expected: int, concurrency: int) -> bool:
    lost = expected - run.stored if run.stored else 0
    print(
        f"{run.engine:<22} {run.ok:>6} attributed orders in {run.seconds:5.2f} s = {run.rate:8.0f} orders/s"
        f"   errors {run.errors}, in the database {run.stored}"
    )
    print(f"  {run.cpu_per_order()}")
    print(f"  latency at concurrency {concurrency}: {run.latency()}; one at a time ({single.ok} events):"
          f" {single.latency()}")
    if run.groups:
        print(f"  group sizes: {run.group_sizes()}")
    return run.errors == 0 and lost == 0 and run.stored == run.ok and single.errors == 0


def measure(
    url: str, orders: int | None, concurrency: int, workers: int | None, modes: tuple[str, ...] = MODES,
    compare_alone: bool = False,
) -> dict[str, dict]:
    """`modes` on one engine: mode -> {rate, baseline_rate, ratio, target_rate, ok, met, ...}."""
    engine = "postgres" if url.startswith(("postgres", "asyncpg")) else "sqlite"
    orders = orders or (1000 if engine == "sqlite" else 4000)
    # SQLite has one writer: one server process. PostgreSQL: one per CPU, as `relay serve --workers`.
    workers = workers or (1 if engine == "sqlite" else os.cpu_count() or 1)
    print(f"{engine}: {orders} events per mode, {concurrency} connections, {workers} server process(es)")
    results: dict[str, dict] = {}
    measured = ingest(url, engine, orders, concurrency, workers, modes)
    alone: dict[str, tuple[Run, Run, Seed]] = {}
    if compare_alone and engine == "postgres":
        seeds = {mode: seeded for mode, (_, _, seeded) in measured.items()}
        alone = ingest(url, engine, orders, concurrency, workers, modes, {"RELAY_ORDER_GROUP_MAX": "1"}, seeds)
    for mode, (run, single, seeded) in measured.items():
        ok = report(run, single, orders, concurrency)
        result = {"mode": mode, "orders": run.ok, "rate": run.rate, "ok": ok, "target_rate": TARGET_RATE[mode],
                  "baseline_rate": None, "ratio": None, "met": None, "groups": run.groups,
                  "latency": {concurrency: run.latency(), 1: single.latency()}}
        if mode in alone:
            other, other_single, _ = alone[mode]
            ok = report(other, other_single, orders, concurrency) and ok
            print(f"  {mode}: grouped / each order alone {run.rate / other.rate if other.rate else 0:.2f}")
            result |= {"ok": ok, "alone_rate": other.rate}
        if engine == "postgres" and ok:
            base = asyncio.run(handwritten(url, seeded, orders, concurrency, run.sample, mode))
            ratio = run.rate / base.rate if base.rate else 0.0
            print(f"{'  baseline':<22} {base.ok:>6} orders by hand-written asyncpg in {base.seconds:5.2f} s = "
                  f"{base.rate:8.0f} orders/s (one process, {concurrency} connections)")
            print(f"  baseline {base.cpu_per_order()}")
            print(f"  {mode}: ratio {ratio:.2f} (target >= {TARGET_RATIO}); {run.rate:.0f} orders/s "
                  f"(target >= {TARGET_RATE[mode]:.0f})")
            result |= {"baseline_rate": base.rate, "ratio": ratio,
                       "met": ratio >= TARGET_RATIO and run.rate >= TARGET_RATE[mode]}
        results[mode] = result
    return results


def bench_ingest_with_commissions(database_url: str = PG_SERVER, orders: int = 3000, concurrency: int = 32) -> dict:
    """The commissions mode's numbers on a scratch database of `database_url`'s server (or a
    SQLite file when it is sqlite://): {rate, baseline_rate, ratio, target_rate, ok, met, ...}.
    Runs in a child process (Tortoise keeps per-engine state), this mode only."""
    with tempfile.TemporaryDirectory(prefix="relay-bench-") as scratch:
        out = Path(scratch) / "result.json"
        args = ["--database-url", database_url, "--orders", str(orders), "--concurrency", str(concurrency),
                "--modes", "commissions", "--json", str(out)]
        if database_url.startswith("sqlite"):
            args[1] = f"sqlite://{scratch}/relay.sqlite3"
        subprocess.run([sys.executable, __file__, *args], check=False)
        return json.loads(out.read_text())["commissions"] if out.exists() else {"ok": False}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--database-url",
        help="this engine only: sqlite://FILE (a scratch file: it is migrated and written to), or a "
        "PostgreSQL server postgres://USER@HOST:PORT/DB (a scratch database is made there and dropped)",
    )
    parser.add_argument("--orders", type=int, default=None,
                        help="events per mode (default 1000 SQLite, 4000 PostgreSQL)")
    parser.add_argument("--concurrency", type=int, default=32, help="connections sending at once")
    parser.add_argument("--workers", type=int, default=None,
                        help="server processes (default: 1 on SQLite, one per CPU on PostgreSQL)")
    parser.add_argument("--modes", default=",".join(MODES),
                        help=f"comma-separated modes to run (default: {','.join(MODES)})")
    parser.add_argument("--compare-alone", action="store_true",
                        help="PostgreSQL: also run on a server writing each order alone (RELAY_ORDER_GROUP_MAX=1)")
    parser.add_argument("--run-on", help=argparse.SUPPRESS)  # the child process, on a prepared database
    parser.add_argument("--json", help="also write the results (mode -> numbers) to this file")
    args = parser.parse_args()
    modes = tuple(args.modes.split(","))
    if unknown := set(modes) - set(MODES):
        parser.error(f"unknown mode(s) {sorted(unknown)}: choose from {', '.join(MODES)}")
    if args.run_on:
        results = measure(args.run_on, args.orders, args.concurrency, args.workers, modes, args.compare_alone)
        if args.json:
            Path(args.json).write_text(json.dumps(results))
        if not all(r["ok"] for r in results.values()):
            return 1
        return 2 if any(r["met"] is False for r in results.values()) else 0

    def child(url: str) -> int:
        extra = ["--orders", str(args.orders)] if args.orders else []
        extra += ["--workers", str(args.workers)] if args.workers else []
        extra += ["--json", args.json] if args.json else []
        extra += ["--compare-alone"] if args.compare_alone else []
        return subprocess.run(
            [sys.executable, __file__, "--run-on", url, "--concurrency", str(args.concurrency),
             "--modes", ",".join(modes), *extra]
        ).returncode

    def on_scratch_postgres(server: str) -> int:
        with scratch_database(server) as url:
            return child(url)

    if args.database_url:
        if args.database_url.startswith(("postgres", "asyncpg")):
            return on_scratch_postgres(args.database_url)
        return child(args.database_url)
    with tempfile.TemporaryDirectory(prefix="relay-bench-") as scratch:
        codes = [child(f"sqlite://{scratch}/relay.sqlite3")]
    if postgres_reachable():
        codes.append(on_scratch_postgres(PG_SERVER))
    else:
        print("PostgreSQL does not answer on 127.0.0.1:5432: SQLite only")
    return max(codes)


if __name__ == "__main__":
    sys.exit(main())
