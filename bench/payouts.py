"""Benchmark of payout batch creation + approval against hand-written SQL doing the same work.

    .venv/bin/python bench/payouts.py                        # 1,000,000 commissions, 100,000 partners
    .venv/bin/python bench/payouts.py --commissions 100000   # a quick run
    .venv/bin/python bench/payouts.py --database-url postgres://postgres@127.0.0.1:5432/relay_bench

PostgreSQL only. Creates a fresh database (dropped at the end unless --keep), migrates it with
`relay migrate`, and generates with generate_series two merchants holding the same data: N
available commissions spread over N/10 partners with bank accounts (each partner's fourth is a
reversal, so every net is payable and the transfer file has one line per partner), and
each partner's opening available balance in the ledger. Then, in the same run:

* service: `create_batch` (draft) + `approve_batch` of merchant A through the project's service
  functions — lines by INSERT ... SELECT ... GROUP BY, the claim by UPDATE, the ledger through
  `post_many` (one payout reservation per line);
* baseline: merchant B, the same aggregation, marking and ledger rows written by hand-written
  set-based SQL in one transaction (draft INSERT ... SELECT, claim UPDATE, lines INSERT ...
  SELECT, ledger INSERT ... SELECT).

Prints both times and the ratio (target <= 1.5), the process peak RSS (target < 300 MB), and
the time to stream merchant A's transfer file (target < 10 s for 100,000 lines). Checks both
sides produced the same lines and amounts. Exit status: 0 ok, 1 results differ, 2 a target missed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tortoise import Tortoise  # noqa: E402

from core.db import connection, tortoise_config  # noqa: E402
from relay.schema import scratch_database  # noqa: E402
from relay.settings import MODEL_MODULES, Settings  # noqa: E402

TARGET_RATIO = 1.5
TARGET_RSS_MB = 300
TARGET_EXPORT_S = 10.0
SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
CUTOFF = datetime(2026, 10, 31, 15, 59, 59, tzinfo=UTC)  # the end of October in Shanghai


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


# --- data ---------------------------------------------------------------------------------------


async def generate(merchant_id: int, commissions: int, partners: int) -> None:
    """Partners with payee accounts, available commissions (one in ten a reversal), opening balances."""
    db = connection()
    await db.execute_query(
        "INSERT INTO partner (merchant_id, code, display_name, kind, status, reward_preference, payee_name,"
        " payee_account, created_at)"
        " SELECT $1, 'P' || g, 'Partner ' || g, 'customer', 'active', 'cash', 'Payee ' || g,"
        " '6222' || lpad(g::text, 12, '0'), now() FROM generate_series(1, $2::int) g",
        [merchant_id, partners],
    )
    # One INSERT gives the partners consecutive ids: commission g goes to partner first + g % partners.
    (ids,) = await db.execute_query_dict(
        "SELECT MIN(id) AS first, MAX(id) AS last FROM partner WHERE merchant_id = $1", [merchant_id]
    )
    assert ids["last"] - ids["first"] + 1 == partners, "partner ids are not consecutive"
    await db.execute_query(
        "INSERT INTO commission (merchant_id, partner_id, order_id, level, kind, asset, amount, base_minor,"
        " rule_set_version, rule_id, reversal_of, refund_id, status, occurred_at, available_at, explanation, created_at)"
        " SELECT $1, $3::bigint + g % $4::int, g, 1, 'cash', 'CNY',"
        "  CASE WHEN (g / $4::int) % 10 = 3 THEN -500 ELSE 1000 + (g::bigint * 7919) % 20000 END,"
        "  10000, 1, 'bench', CASE WHEN (g / $4::int) % 10 = 3 THEN g END,"
        "  CASE WHEN (g / $4::int) % 10 = 3 THEN g END, 'available',"
        "  '2026-09-20T00:00:00Z'::timestamptz, '2026-10-01T00:00:00Z'::timestamptz + (g % 30) * interval '1 day',"
        "  '{}'::jsonb, now()"
        " FROM generate_series(1, $2::int) g",
        [merchant_id, commissions, ids["first"], partners],
    )
    # Opening balances: each partner's commissions, already posted as available.
    await db.execute_query(
        "INSERT INTO ledger_transaction (merchant_id, kind, asset, reference, idempotency_key, content_hash, memo,"
        " created_at)"
        " SELECT $1, 'commission_available', 'CNY', 'opening-' || partner_id, 'bench_opening:' || partner_id,"
        " md5(partner_id::text), 'bench opening balance', now()"
        " FROM commission WHERE merchant_id = $1 GROUP BY partner_id",
        [merchant_id],
    )
    await db.execute_query(
        "INSERT INTO ledger_posting (merchant_id, transaction_id, account, partner_id, asset, amount_minor)"
        " SELECT $1, t.id, leg.account, s.partner_id, 'CNY', leg.sign * s.amount"
        " FROM (SELECT partner_id, SUM(amount) AS amount FROM commission WHERE merchant_id = $1 GROUP BY partner_id) s"
        " JOIN ledger_transaction t ON t.merchant_id = $1 AND t.idempotency_key = 'bench_opening:' || s.partner_id"
        " CROSS JOIN (VALUES ('commission_expense', -1), ('available', 1)) AS leg(account, sign)",
        [merchant_id],
    )


# --- the two contenders -------------------------------------------------------------------------


async def service_run(merchant_id: int) -> tuple[float, float]:
    from payouts.service.batches import approve_batch, create_batch

    started = time.perf_counter()
    draft, _ = await create_batch(merchant_id, "CNY", CUTOFF, created_by="bench")
    created = time.perf_counter()
    await approve_batch(merchant_id, draft.id, approved_by="bench", expected=None)
    return created - started, time.perf_counter() - created


_LINES = (
    "INSERT INTO payout_batch_line (merchant_id, batch_id, partner_id, asset, status, reason, gross_minor,"
    " withheld_minor, net_minor, commission_count, payee_name, payee_account)"
    " SELECT $1, $2::bigint, s.partner_id, 'CNY',"
    "  CASE WHEN p.status <> 'active' OR COALESCE(p.payee_account, '') = '' THEN 'held'"
    "   WHEN s.amount < 5000 THEN 'carried_forward' ELSE $3 END,"
    "  CASE WHEN p.status <> 'active' THEN 'partner ' || p.status WHEN s.amount < 5000 THEN 'below the minimum'"
    "   ELSE NULL END,"
    "  s.amount, 0, s.amount, s.entries, p.payee_name, p.payee_account"
    " FROM ({source}) s JOIN partner p ON p.merchant_id = $1 AND p.id = s.partner_id"
)


async def baseline_run(merchant_id: int) -> tuple[float, float]:
    """The same work as create + approve, written by hand as set-based SQL."""
    from tortoise.transactions import in_transaction

    unsettled = (
        "SELECT partner_id, SUM(amount) AS amount, COUNT(*) AS entries FROM commission WHERE merchant_id = $1"
        " AND asset = 'CNY' AND status = 'available' AND available_at < $4 AND payout_batch_id IS NULL"
        " GROUP BY partner_id"
    )
    started = time.perf_counter()
    async with in_transaction() as db:
        (batch,) = await db.execute_query_dict(
            "INSERT INTO payout_batch (merchant_id, asset, cutoff, status, open_slot, minimum_minor, withholding,"
            " created_by, created_at) VALUES ($1, 'CNY', $2, 'draft', TRUE, 5000, 'none', 'bench', now()) RETURNING id",
            [merchant_id, CUTOFF],
        )
        await db.execute_query(_LINES.format(source=unsettled), [merchant_id, batch["id"], "payable", CUTOFF])
    created = time.perf_counter()
    async with in_transaction() as db:
        batch_id = batch["id"]
        await db.execute_query("DELETE FROM payout_batch_line WHERE merchant_id = $1 AND batch_id = $2",
                               [merchant_id, batch_id])
        await db.execute_query(_LINES.format(source=unsettled), [merchant_id, batch_id, "open", CUTOFF])
        await db.execute_query(
            "UPDATE commission c SET payout_batch_id = $2 FROM payout_batch_line l"
            " WHERE l.merchant_id = $1 AND l.batch_id = $2 AND l.status = 'open'"
            " AND c.merchant_id = $1 AND c.partner_id = l.partner_id AND c.asset = 'CNY' AND c.status = 'available'"
            " AND c.available_at < $3 AND c.payout_batch_id IS NULL",
            [merchant_id, batch_id, CUTOFF],
        )
        await db.execute_query(
            "INSERT INTO ledger_transaction (merchant_id, kind, asset, reference, idempotency_key, content_hash,"
            " memo, created_at)"
            " SELECT $1, 'payout', 'CNY', 'B' || $2::bigint || '-' || id, 'payout_reserved:B' || $2::bigint || '-' || id,"
            " md5(id::text), 'payout batch ' || $2::bigint, now()"
            " FROM payout_batch_line WHERE merchant_id = $1 AND batch_id = $2 AND status = 'open'",
            [merchant_id, batch_id],
        )
        await db.execute_query(
            "INSERT INTO ledger_posting (merchant_id, transaction_id, account, partner_id, asset, amount_minor)"
            " SELECT $1, t.id, leg.account, l.partner_id, 'CNY', leg.sign * l.gross_minor"
            " FROM payout_batch_line l"
            " JOIN ledger_transaction t ON t.merchant_id = $1"
            " AND t.idempotency_key = 'payout_reserved:B' || $2::bigint || '-' || l.id"
            " CROSS JOIN (VALUES ('available', -1), ('in_batch', 1)) AS leg(account, sign)"
            " WHERE l.merchant_id = $1 AND l.batch_id = $2 AND l.status = 'open'",
            [merchant_id, batch_id],
        )
        await db.execute_query(
            "UPDATE payout_batch SET status = 'approved', approved_at = now() WHERE merchant_id = $1 AND id = $2",
            [merchant_id, batch_id],
        )
    return created - started, time.perf_counter() - created


async def outcome(merchant_id: int) -> tuple[int, int, int]:
    (row,) = await connection().execute_query_dict(
        "SELECT COUNT(*) AS lines, COALESCE(SUM(gross_minor), 0) AS gross,"
        " (SELECT COUNT(*) FROM commission WHERE merchant_id = $1 AND payout_batch_id IS NOT NULL) AS claimed"
        " FROM payout_batch_line WHERE merchant_id = $1 AND status = 'open'",
        [merchant_id],
    )
    return int(row["lines"]), int(row["gross"]), int(row["claimed"])


async def stream_export(merchant_id: int) -> tuple[float, int, int]:
    from payouts.models import PayoutBatch
    from payouts.service.lines import export_batch

    batch = await PayoutBatch.get(merchant_id=merchant_id, asset="CNY")
    started = time.perf_counter()
    transfer = await export_batch(merchant_id, batch.id)
    size = 0
    async for data in transfer.content:  # what a response would send, counted and dropped
        size += len(data)
    return time.perf_counter() - started, transfer.totals.line_count, size


# --- the run ------------------------------------------------------------------------------------


async def run(url: str, commissions: int, partners: int) -> int:
    from accounts.service.merchants import create_merchant

    await Tortoise.init(config=tortoise_config(url, MODEL_MODULES), _enable_global_fallback=True)
    try:
        service_m = (await create_merchant("Bench service", "CNY", sealer=Settings().sealer)).merchant.id
        baseline_m = (await create_merchant("Bench baseline", "CNY", sealer=Settings().sealer)).merchant.id
        print(f"generating {commissions:,} commissions for {partners:,} partners, twice...", flush=True)
        began = time.perf_counter()
        for merchant_id in (service_m, baseline_m):
            await generate(merchant_id, commissions, partners)
        await connection().execute_script("VACUUM ANALYZE")
        print(f"  generated in {time.perf_counter() - began:.1f} s; peak RSS so far {peak_rss_mb():.0f} MB", flush=True)

        base_create, base_approve = await baseline_run(baseline_m)
        svc_create, svc_approve = await service_run(service_m)
        base, svc = base_create + base_approve, svc_create + svc_approve
        ratio = svc / base
        print(f"baseline SQL : create {base_create:7.2f} s + approve {base_approve:7.2f} s = {base:7.2f} s")
        print(f"service      : create {svc_create:7.2f} s + approve {svc_approve:7.2f} s = {svc:7.2f} s")
        print(f"ratio service/baseline: {ratio:.2f} (target <= {TARGET_RATIO})")

        same = await outcome(service_m) == await outcome(baseline_m)
        lines, gross, claimed = await outcome(service_m)
        print(f"lines {lines:,}, gross {gross:,} minor units, commissions claimed {claimed:,}:"
              f" {'same as the baseline' if same else 'DIFFERENT from the baseline'}")

        export_s, exported, size = await stream_export(service_m)
        print(f"export: {exported:,} lines ({size / 1e6:.1f} MB of CSV) streamed in {export_s:.2f} s"
              f" (target < {TARGET_EXPORT_S:.0f} s)")
        rss = peak_rss_mb()
        print(f"peak RSS: {rss:.0f} MB (target < {TARGET_RSS_MB} MB)")
    finally:
        await Tortoise.close_connections()
    if not same:
        return 1
    missed = ratio > TARGET_RATIO or rss >= TARGET_RSS_MB or export_s >= TARGET_EXPORT_S
    return 2 if missed else 0


def migrate(url: str) -> None:
    env = {**os.environ, "RELAY_DATABASE_URL": url}
    subprocess.run([sys.executable, "-m", "relay", "migrate"], cwd=ROOT, env=env, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commissions", type=int, default=1_000_000, help="available commissions per merchant")
    parser.add_argument("--partners", type=int, default=None, help="partners (default: commissions / 10)")
    parser.add_argument("--database-url", default=None, help="an empty PostgreSQL database (default: a fresh one)")
    parser.add_argument("--server", default=os.environ.get("RELAY_BENCH_SERVER", SERVER),
                        help="PostgreSQL server for the fresh database")
    parser.add_argument("--keep", action="store_true", help="keep the fresh database")
    args = parser.parse_args()
    partners = args.partners or max(1, args.commissions // 10)
    if args.database_url:
        migrate(args.database_url)
        sys.exit(asyncio.run(run(args.database_url, args.commissions, partners)))
    with scratch_database(args.server, "relay_bench_payouts", keep=args.keep) as url:
        migrate(url)
        status = asyncio.run(run(url, args.commissions, partners))
        if args.keep:
            print(f"kept {url}")
    sys.exit(status)


if __name__ == "__main__":
    main()
