"""Benchmark of the consoles' pages with a big merchant: every GET page's server time.

    .venv/bin/python bench/pages.py                        # 10,000 partners, 1,000,000 commissions
    .venv/bin/python bench/pages.py --commissions 100000   # a quick run
    .venv/bin/python bench/pages.py --keep                 # leave the scratch database for a look
    .venv/bin/python bench/pages.py --database-url postgres://postgres@127.0.0.1:5432/relay_bench_pages_xxxx
                                                           # time the pages again on a kept database

PostgreSQL only. A fresh database on the server (dropped at the end unless --keep), migrated by
`relay migrate`, and one merchant generated set-based (generate_series): N/100 partners, the first
hundred recruiting the rest, a share link each, N clicks over the last twelve weeks, N/2 orders of
one line, each earning a level-1 and a level-2 commission (N in all: cash and points; pending,
available, canceled, paid through a closed payout batch) with their ledger transactions and
postings, and a rule-set version. Then the real app runs in this process (httpx over ASGI, no
network) and every GET page of the three consoles, walked from the app's routes so new pages are
covered, is requested by a signed-in partner (the busiest one), an admin and a finance user.

Before the pages are timed, what a running deployment keeps up to date is brought up and timed
apart: the reports' running totals (`relay reports catch-up`, from cron) and the ledger's settled
checkpoint (on a fresh database they are built from nothing: minutes; then seconds at most).

The simulation page is not a page render but a job (it evaluates a draft rule set over every
order of the chosen period; bench/rules.py holds its target): it is timed and listed apart.

Server time is the time from the request entering the app to its last byte (in process, so it
includes no network). Prints each page's median and worst time, and the slowest page. Target:
every page under 100 ms. Exit status: 0 met, 1 a page failed, 2 a page was too slow.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from tortoise import Tortoise  # noqa: E402

from core.db import connection, tortoise_config  # noqa: E402
from relay.app import create_app  # noqa: E402
from relay.schema import scratch_database  # noqa: E402
from relay.settings import MODEL_MODULES, Settings  # noqa: E402

#: Query strings for pages that need one.
QUERIES = {"/finance/ledger/find": "?partner={partner_id}"}
#: Pages that run a job rather than render what is stored (listed, not held to the target).
JOBS = ("/simulation",)
SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
TARGET_MS = 100.0
RECRUITERS = 100
BROWSER = {"user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36"}


# --- data ---------------------------------------------------------------------------------------


def real_explanation() -> str:
    """A commission explanation as the live path stores it (bench/rules.py's rule set and orders)."""
    import json
    from decimal import Decimal

    from rules import realistic_rule_set, sample_orders  # bench/rules.py

    from commissions.rules import Terms, compile_rule_set, evaluate

    compiled = compile_rule_set(realistic_rule_set())
    terms = Terms(currency="CNY", timezone="Asia/Shanghai", points_per_unit=Decimal(10))
    for order, who in sample_orders(50):
        for draft in evaluate(compiled, 1, order, who, terms):
            return json.dumps(draft.explanation)
    raise RuntimeError("no sample order earned a commission")


async def generate(merchant_id: int, commissions: int) -> None:
    """Partners, links, clicks, orders, commissions, ledger and one paid batch, all set-based."""
    db = connection()
    partners = max(commissions // 100, RECRUITERS + 1)
    orders = commissions // 2

    async def run(label: str, statement: str, *args) -> None:
        started = time.perf_counter()
        await db.execute_query(statement, [merchant_id, *args])
        print(f"  {label:<22} {time.perf_counter() - started:6.1f} s", flush=True)

    await run(
        "partners",
        "INSERT INTO partner (merchant_id, code, display_name, kind, \"group\", status, reward_preference,"
        " payee_name, payee_account, created_at)"
        " SELECT $1, 'P' || g, 'Partner ' || g, (ARRAY['parent','sales_guide','customer'])[1 + g % 3],"
        "  CASE WHEN g % 5 = 0 THEN 'gold' END, CASE WHEN g % 50 = 0 THEN 'pending' ELSE 'active' END,"
        "  CASE WHEN g % 7 = 0 THEN 'points' ELSE 'cash' END, 'Payee ' || g, '6222' || lpad(g::text, 12, '0'),"
        "  now() - interval '200 days' FROM generate_series(1, $2::int) g",
        partners,
    )
    (ids,) = await db.execute_query_dict(
        "SELECT MIN(id) AS first, MAX(id) AS last FROM partner WHERE merchant_id = $1", [merchant_id]
    )
    first = ids["first"]
    assert ids["last"] - first + 1 == partners, "partner ids are not consecutive"
    await run(
        "recruiters",
        "UPDATE partner SET recruiter_id = $2::bigint + (id - $2::bigint) % $3::int"
        " WHERE merchant_id = $1 AND id >= $2::bigint + $3::int",
        first, RECRUITERS,
    )
    await run(
        "share links",
        "INSERT INTO share_link (merchant_id, partner_id, code, target_url, scene, sku, campaign, active, created_at)"
        " SELECT $1, p.id, 'L' || p.id, 'https://shop.example.com/p/' || (p.id % 50), 'product',"
        "  'SKU' || (p.id % 50), '', true, p.created_at FROM partner p WHERE p.merchant_id = $1",
    )
    (links,) = await db.execute_query_dict(
        "SELECT MIN(id) AS first FROM share_link WHERE merchant_id = $1", [merchant_id]
    )
    await run(
        "clicks",
        "INSERT INTO click (id, merchant_id, link_id, partner_id, scene, visitor_id, ip_hash, user_agent,"
        " referrer, is_bot, occurred_at)"
        " SELECT 'k' || g, $1, $2::bigint + g % $4::int, $3::bigint + g % $4::int, 'product', 'v' || (g % 300000),"
        "  md5((g % 300000)::text), 'bench', '', g % 97 = 0, now() - (g % 120960) * interval '1 minute'"
        " FROM generate_series(1, $5::int) g",
        links["first"], first, partners, commissions,
    )
    await run(
        "orders",
        "INSERT INTO shop_order (merchant_id, external_id, customer_ref, currency, channel, occurred_at,"
        " subtotal_minor, discount_minor, total_minor, status, partner_id, attribution, link_id, scene,"
        " is_first_order, content_hash, completed_at, canceled_at, created_at)"
        " SELECT $1, 'o' || g, 'c' || (g % 200000), 'CNY', CASE WHEN g % 4 = 0 THEN 'store' ELSE 'online' END,"
        "  t, s, 0, s, CASE WHEN g % 10 < 3 THEN 'created' WHEN g % 10 = 9 THEN 'canceled' ELSE 'completed' END,"
        "  p, 'click_id', $4::bigint + (p - $2::bigint), 'product', g <= 200000, md5(g::text),"
        "  CASE WHEN g % 10 BETWEEN 3 AND 8 THEN t + interval '1 day' END,"
        "  CASE WHEN g % 10 = 9 THEN t + interval '1 day' END, t"
        " FROM (SELECT g, now() - (g % 120960) * interval '1 minute' AS t, 5000 + (g::bigint * 7919) % 20000 AS s,"
        "  $2::bigint + g % $3::int AS p FROM generate_series(1, $5::int) g) o",
        first, partners, links["first"], orders,
    )
    await run(
        "order lines",
        "INSERT INTO order_line (merchant_id, order_id, line_no, sku, category, quantity, unit_price_minor,"
        " gross_minor, discount_minor, net_minor)"
        " SELECT $1, o.id, 1, 'SKU' || (o.id % 50), 'tea', 1, o.subtotal_minor, o.subtotal_minor, 0, o.subtotal_minor"
        " FROM shop_order o WHERE o.merchant_id = $1",
    )
    await run(
        "payout batch",
        "INSERT INTO payout_batch (merchant_id, asset, cutoff, status, open_slot, minimum_minor, withholding,"
        " created_by, approved_by, created_at, approved_at, exported_at, closed_at)"
        " VALUES ($1, 'CNY', now() - interval '14 days', 'closed', true, 0, 'none', 'bench', 'bench',"
        "  now() - interval '14 days', now() - interval '14 days', now() - interval '13 days', now() - interval '12 days')",
    )
    (batch,) = await db.execute_query_dict("SELECT id FROM payout_batch WHERE merchant_id = $1", [merchant_id])
    # A level-1 commission per order, and a level-2 one to the partner's recruiter when there is one.
    await run(
        "commissions",
        "INSERT INTO commission (merchant_id, partner_id, order_id, order_line_id, line_no, level, kind, asset,"
        " amount, base_minor, rule_set_version, rule_id, status, occurred_at, available_at, explanation,"
        " created_at, payout_batch_id)"
        " SELECT $1, CASE WHEN lv = 1 THEN o.partner_id ELSE p.recruiter_id END, o.id, l.id, 1, lv,"
        "  CASE WHEN o.id % 7 = 0 THEN 'points' ELSE 'cash' END, CASE WHEN o.id % 7 = 0 THEN 'PTS' ELSE 'CNY' END,"
        "  l.net_minor / (CASE WHEN lv = 1 THEN 10 ELSE 50 END), l.net_minor, 1,"
        "  CASE WHEN lv = 1 THEN 'tea-10pct' ELSE 'recruiter-2pct' END,"
        "  CASE WHEN o.status = 'canceled' THEN 'canceled' WHEN o.status = 'created' THEN 'pending'"
        "   WHEN o.completed_at + interval '7 days' > now() THEN 'pending' ELSE 'available' END,"
        "  o.occurred_at, o.completed_at + interval '7 days', $2::jsonb, o.occurred_at,"
        "  CASE WHEN o.status = 'completed' AND o.id % 7 <> 0 AND o.completed_at + interval '7 days'"
        "   < now() - interval '14 days' THEN $3::bigint END"
        " FROM shop_order o JOIN order_line l ON l.order_id = o.id JOIN partner p ON p.id = o.partner_id"
        " CROSS JOIN (VALUES (1), (2)) AS lv(lv) WHERE o.merchant_id = $1 AND (lv = 1 OR p.recruiter_id IS NOT NULL)",
        real_explanation(), batch["id"],
    )
    await run(
        "payout lines",
        "INSERT INTO payout_batch_line (merchant_id, batch_id, partner_id, asset, status, gross_minor,"
        " withheld_minor, net_minor, commission_count, payee_name, payee_account, settled_at)"
        " SELECT $1, $2::bigint, c.partner_id, 'CNY', 'paid', SUM(c.amount), 0, SUM(c.amount), COUNT(*),"
        "  'Payee', '6222', now() - interval '12 days'"
        " FROM commission c WHERE c.merchant_id = $1 AND c.payout_batch_id = $2::bigint GROUP BY c.partner_id",
        batch["id"],
    )
    # The ledger: each commission earned (expense -> pending), moved on to available or paid.
    await run(
        "ledger transactions",
        "INSERT INTO ledger_transaction (merchant_id, kind, asset, reference, idempotency_key, content_hash,"
        " memo, created_at)"
        " SELECT $1, 'commission_earned', c.asset, c.id::text, 'earned:' || c.id, md5(c.id::text), '', c.created_at"
        " FROM commission c WHERE c.merchant_id = $1 AND c.status <> 'canceled'",
    )
    await run(
        "ledger postings",
        "INSERT INTO ledger_posting (merchant_id, transaction_id, account, partner_id, asset, amount_minor)"
        " SELECT $1, t.id, leg.account, c.partner_id, c.asset, leg.sign * c.amount"
        " FROM commission c JOIN ledger_transaction t"
        "  ON t.merchant_id = $1 AND t.idempotency_key = 'earned:' || c.id"
        " CROSS JOIN LATERAL (VALUES ('commission_expense', -1),"
        "  (CASE WHEN c.payout_batch_id IS NOT NULL THEN 'paid' WHEN c.status = 'available' THEN 'available'"
        "   ELSE 'pending' END, 1)) AS leg(account, sign)"
        " WHERE c.merchant_id = $1",
    )
    # as autovacuum leaves a table in service: statistics, and the visibility map that lets the
    # pages read a covering index alone
    started = time.perf_counter()
    await db.execute_script("VACUUM ANALYZE")
    print(f"  {'vacuum analyze':<22} {time.perf_counter() - started:6.1f} s", flush=True)


async def setup(merchant_name: str, commissions: int) -> dict:
    """The bench merchant: generated, or the one a kept database (--database-url) already holds."""
    from accounts.service import sign_in as staff_sign_in
    from accounts.service.merchants import create_merchant
    from commissions.service import rule_sets

    db = connection()
    kept = await db.execute_query_dict(
        "SELECT id FROM merchant WHERE name LIKE 'Bench Pages %' ORDER BY id DESC LIMIT 1"
    )
    if kept:
        merchant_id = kept[0]["id"]
        print(f"reusing merchant {merchant_id} (nothing generated)", flush=True)
    else:
        made = await create_merchant(merchant_name, "CNY", allowed_domains=["shop.example.com"], sealer=Settings().sealer)
        merchant_id = made.merchant.id
        print(f"generating {commissions:,} commissions for merchant {merchant_id}", flush=True)
        started = time.perf_counter()
        await generate(merchant_id, commissions)
        print(f"  generated in {time.perf_counter() - started:.0f} s", flush=True)
        await _publish_rules(rule_sets, merchant_id)
    staff = uuid.uuid4().hex[:6]
    (busy,) = await db.execute_query_dict(
        "SELECT partner_id, COUNT(*) AS n FROM commission WHERE merchant_id = $1"
        " GROUP BY partner_id ORDER BY n DESC LIMIT 1",
        [merchant_id],
    )
    (order,) = await db.execute_query_dict(
        "SELECT order_id, id FROM commission WHERE merchant_id = $1 AND partner_id = $2 LIMIT 1",
        [merchant_id, busy["partner_id"]],
    ) or [None]
    (link,) = await db.execute_query_dict(
        "SELECT id FROM share_link WHERE merchant_id = $1 AND partner_id = $2", [merchant_id, busy["partner_id"]]
    )
    return {
        "link_id": link["id"],
        "merchant_id": merchant_id,
        "busy_partner": busy["partner_id"],
        "busy_commissions": busy["n"],
        "order": order,
        "admin": await staff_sign_in.create_staff_account(
            merchant_id, f"admin-{staff}@bench.example", "bench password 1", "admin"
        ),
        "finance": await staff_sign_in.create_staff_account(
            merchant_id, f"finance-{staff}@bench.example", "bench password 1", "finance"
        ),
    }


async def _publish_rules(rule_sets, merchant_id: int) -> None:
    content = {
        "rules": [
            {"id": "tea-10pct", "level": 1, "reward": {"percent": "10"}},
            {"id": "recruiter-2pct", "level": 2, "reward": {"percent": "2"}},
        ]
    }
    try:
        draft = await rule_sets.create_draft(merchant_id, content)
        await rule_sets.publish(merchant_id, draft.version)
    except Exception as error:  # the page bench does not depend on the rules' exact API
        print(f"  (rule set not published: {error})", flush=True)


async def keep_up(merchant_id: int) -> None:
    """What a running deployment keeps up to date before anyone opens a page: the reports' running
    totals (`relay reports catch-up`, from cron) and the ledger's settled checkpoint (each
    reconciliation moves it on); vacuumed as autovacuum would. Timed, apart from the pages."""
    from commissions.service import rollup as commission_rollup
    from payouts.service import finance_views
    from referral.service import rollup as referral_rollup

    for label, work in (
        ("reports catch-up", lambda: referral_rollup.catch_up(merchant_id)),
        ("commissions catch-up", lambda: commission_rollup.catch_up(merchant_id)),
        ("ledger checkpoint", lambda: finance_views.settled_ledger(merchant_id)),
    ):
        started = time.perf_counter()
        await work()
        print(f"  {label:<22} {time.perf_counter() - started:6.1f} s", flush=True)
    await connection().execute_script("VACUUM ANALYZE report_running, commission_running")


# --- the pages ----------------------------------------------------------------------------------


def page_paths(app, console: str, ids: dict) -> tuple[list[str], list[str]]:
    """Every GET page under the console's prefix, with path ids filled in (and those we cannot fill)."""
    found, skipped = [], []
    for route in app.routes:
        path = getattr(route, "path", "")
        if not path.startswith(console) or "GET" not in (getattr(route, "methods", None) or ()):
            continue
        if any(word in path for word in ("sign-in", "sign-out", "language", ".png", ".svg", ".csv", "export")):
            continue
        params = re.findall(r"{(\w+)(?::\w+)?}", path)
        if any(name not in ids for name in params):
            skipped.append(path)
            continue
        query = QUERIES.get(path, "").format(**ids)
        found.append(re.sub(r"{(\w+)(?::\w+)?}", lambda m: str(ids[m.group(1)]), path) + query)
    return found, skipped


async def measure(app, sign_in, console: str, ids: dict, rounds: int) -> list[tuple[str, float, float, int]]:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.9", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://bench", headers=BROWSER) as client:
        await sign_in(client)
        paths, skipped = page_paths(app, console, ids)
        for path in skipped:
            print(f"  skipped {path} (no id for it)")
        results = []
        for path in paths:
            times, status = [], 0
            for _ in range(rounds):
                started = time.perf_counter()
                answer = await client.get(path)
                times.append((time.perf_counter() - started) * 1000)
                status = answer.status_code
            results.append((path, statistics.median(times), max(times), status))
        return results


async def run(url: str, commissions: int, rounds: int) -> int:
    from accounts.service import sign_in as staff_sign_in
    from referral.service import partners

    await Tortoise.init(config=tortoise_config(url, MODEL_MODULES))
    try:
        seeded = await setup(f"Bench Pages {uuid.uuid4().hex[:6]}", commissions)
        await keep_up(seeded["merchant_id"])
        app = create_app(Settings(database_url=url, manage_database=False))
        merchant_id, partner_id = seeded["merchant_id"], seeded["busy_partner"]
        print(f"busiest partner {partner_id}: {seeded['busy_commissions']:,} commissions", flush=True)
        order = seeded["order"] or {}
        db = connection()
        (batch,) = await db.execute_query_dict("SELECT id FROM payout_batch WHERE merchant_id = $1", [merchant_id])
        ids = {
            "order_id": order.get("order_id", 0),
            "commission_id": order.get("id", 0),
            "partner_id": partner_id,
            "batch_id": batch["id"],
            "link_id": seeded["link_id"],
            "version": 1,
        }

        async def as_partner(client) -> None:
            link = await partners.issue_sign_in_link(merchant_id, partner_id)
            assert (await client.get(link.path)).status_code == 303

        def as_staff(staff):
            async def sign_in(client) -> None:
                link = await staff_sign_in.issue_staff_sign_in_link(merchant_id, staff.id)
                assert (await client.get(link.path)).status_code == 303

            return sign_in

        results = []
        async with app.router.lifespan_context(app):
            for console, sign_in in (
                ("/p/", as_partner),
                ("/console/", as_staff(seeded["admin"])),
                ("/finance/", as_staff(seeded["finance"])),
            ):
                results += await measure(app, sign_in, console, ids, rounds)
    finally:
        await Tortoise.close_connections()
    print(f"\n{'page':<52} {'status':>6} {'p50 ms':>8} {'max ms':>8}")
    for path, p50, worst, status in sorted(results, key=lambda r: -r[1]):
        print(f"{path:<52} {status:>6} {p50:8.1f} {worst:8.1f}")
    failed = [r for r in results if r[3] >= 400]
    for path, p50, _, _ in results:
        if path.endswith(JOBS):
            print(f"job, not a page: {path} in {p50:.1f} ms")
    slowest = max((r for r in results if not r[0].endswith(JOBS)), key=lambda r: r[1])
    print(f"\nslowest page: {slowest[0]} in {slowest[1]:.1f} ms (median of {rounds}; target < {TARGET_MS:.0f} ms;"
          f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    if failed:
        print(f"FAILED pages: {[r[0] for r in failed]}")
        return 1
    return 0 if slowest[1] < TARGET_MS else 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default=SERVER, help="PostgreSQL server to make the scratch database on")
    parser.add_argument("--commissions", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5, help="requests per page")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument(
        "--database-url",
        help="reuse a database a --keep run left (migrated again, nothing generated when it holds the bench"
        " merchant, never dropped)",
    )
    args = parser.parse_args()
    database = (
        contextlib.nullcontext(args.database_url) if args.database_url
        else scratch_database(args.server, "relay_bench_pages", keep=args.keep)
    )
    with database as url:
        env = {**os.environ, "RELAY_DATABASE_URL": url}
        subprocess.run([sys.executable, "-m", "relay", "migrate"], check=True, env=env, cwd=ROOT)
        status = asyncio.run(run(url, args.commissions, args.rounds))
        if args.database_url or args.keep:
            print(f"kept {url}")
    sys.exit(status)


if __name__ == "__main__":
    main()
