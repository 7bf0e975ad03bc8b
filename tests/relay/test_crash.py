"""SIGKILL in the middle of the money path: nothing half-written, nothing doubled.

The real server (`relay serve`, uvicorn) runs in a subprocess on a loopback port against the
test database; the real `relay payouts approve` command runs in another. Each is killed with
SIGKILL while it works, restarted, and the database must then hold whole operations only:
every order the shop got a 200 for is there with its lines, commissions and ledger entries; an
order without an answer is there entirely or not at all, and the shop's retry (same body, same
webhook-id, as Standard Webhooks retries) applies it exactly once; a server killed while
redirecting loses at most RELAY_CLICK_MAX_PENDING queued clicks; a batch approval is all or
nothing, and approving again afterwards claims each commission once.

PostgreSQL only: SQLite in a subprocess would share one file lock with the test process, and
the concurrency these tests lean on (requests in flight while the process dies) is PostgreSQL's.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime

import httpx
import pytest

from commissions.models import Commission
from commissions.service.records import record
from core import ids
from core.db import connection
from payouts.models import LedgerTransaction, PayoutBatch, PayoutBatchLine
from payouts.service import accruals
from payouts.service.batches import create_batch
from payouts.service.postings import balances_by_partner, unbalanced_transactions
from referral.models import Click, Order, OrderLine, Partner
from tests.conftest import ROOT
from tests.factories.commissions import publish_rule_set
from tests.factories.events import envelope, order_data, sign
from tests.factories.merchants import MerchantCtx, make_merchant
from tests.factories.referral import make_link, make_partner
from tests.servers import Connection, free_port, kill, relay_env, start_server

pytestmark = pytest.mark.slow

RULES = {"rules": [{"id": "all", "level": 1, "reward": {"percent": "10"}}]}
#: order_data's two lines (3 × 10.00 and 1 × 5.50): 10 % of each, one commission per line.
COMMISSIONS_PER_ORDER = {3000: 300, 550: 55}
ORDERS = 400
SENDERS = 8
#: external id -> the event's body as first sent (a retry sends it again, byte for byte)
_bodies: dict[str, str] = {}


@pytest.fixture
def postgres_url(database_url: str, dialect: str) -> str:
    if dialect != "postgres":
        pytest.skip("crash tests need PostgreSQL (set RELAY_TEST_DATABASE_URL): a second process writes")
    return database_url


async def _send_order(http: httpx.AsyncClient, m: MerchantCtx, data: dict) -> int | None:
    """The status code of one order.created, or None when the connection died without an answer.
    Sent as Standard Webhooks retries are: the same body under the same webhook-id every time."""
    body = _bodies.setdefault(data["external_id"], envelope("order.created", data))
    try:
        response = await http.post(f"/api/v1/merchants/{m.id}/events", content=body.encode(),
                                   headers=sign(m.webhook_secret, body, webhook_id=f"msg_{data['external_id']}"))
    except httpx.TransportError:
        return None
    return response.status_code


async def _order_state(merchant_id: int, external_id: str) -> tuple[int, int, int, int]:
    """(orders, lines, commissions, commissions posted to the ledger) of one external order id."""
    orders = await Order.filter(merchant_id=merchant_id, external_id=external_id)
    if not orders:
        return 0, 0, 0, 0
    order_ids = [order.id for order in orders]
    lines = await OrderLine.filter(merchant_id=merchant_id, order_id__in=order_ids).count()
    commissions = await Commission.filter(merchant_id=merchant_id, order_id__in=order_ids).values_list("id", flat=True)
    posted = await LedgerTransaction.filter(
        merchant_id=merchant_id, idempotency_key__in=[f"commission_earned:{c}" for c in commissions]
    ).count()
    return len(orders), lines, len(commissions), posted


async def test_a_server_killed_while_orders_stream_in_leaves_whole_orders_only(servers, postgres_url):
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    orders = [order_data(f"CRASH-{n}", partner_code=partner.code) for n in range(ORDERS)]
    answers: dict[str, int | None] = {}
    port = free_port()
    servers.append(server := start_server(postgres_url, port))

    queue: asyncio.Queue[dict] = asyncio.Queue()
    for data in orders:
        queue.put_nowait(data)
    killed = asyncio.Event()

    async def sender(http: httpx.AsyncClient) -> None:
        while not queue.empty():
            data = queue.get_nowait()
            answers[data["external_id"]] = status = await _send_order(http, m, data)
            if status is None:  # the server is gone: leave the rest unsent
                return
            if not killed.is_set() and sum(code == 200 for code in answers.values()) >= ORDERS // 4:
                killed.set()
                kill(server)  # while the other senders' requests are in flight

    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
        await asyncio.gather(*(sender(http) for _ in range(SENDERS)))
    assert killed.is_set()

    acknowledged = {key for key, code in answers.items() if code == 200}
    assert all(code in (200, None) for code in answers.values()), Counter(answers.values())
    unanswered = {data["external_id"] for data in orders} - acknowledged
    assert acknowledged and unanswered
    for external_id in sorted(acknowledged):
        assert await _order_state(m.id, external_id) == (1, 2, 2, 2), external_id
    for external_id in sorted(unanswered):
        assert await _order_state(m.id, external_id) in ((0, 0, 0, 0), (1, 2, 2, 2)), external_id
    assert await unbalanced_transactions(m.id) == []

    # The shop retries everything it has no 200 for, on a restarted server, under the same
    # webhook-id: each order lands once. Delivering everything once more changes nothing.
    servers.append(start_server(postgres_url, port))
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
        senders = asyncio.Semaphore(SENDERS)

        async def resend(data: dict) -> int | None:
            async with senders:
                return await _send_order(http, m, data)

        retried = await asyncio.gather(*(resend(data) for data in orders if data["external_id"] in unanswered))
        assert set(retried) == {200}
        again = await asyncio.gather(*(resend(data) for data in orders))
    assert set(again) == {200}
    for data in orders:
        assert await _order_state(m.id, data["external_id"]) == (1, 2, 2, 2), data["external_id"]
    amounts = Counter(await Commission.filter(merchant_id=m.id).values_list("amount", flat=True))
    assert amounts == Counter({amount: ORDERS for amount in COMMISSIONS_PER_ORDER.values()})
    balance = (await balances_by_partner(m.id, "CNY"))[partner.id]
    assert (balance.earned, balance.pending) == (ORDERS * 355, ORDERS * 355)
    assert await unbalanced_transactions(m.id) == []


# --- click batching ------------------------------------------------------------------------------

#: Small on purpose: a SIGKILL loses at most CLICK_MAX_PENDING clicks (the configured bound).
CLICK_SETTINGS = {"RELAY_CLICK_BATCH_SIZE": "50", "RELAY_CLICK_FLUSH_MS": "100", "RELAY_CLICK_MAX_PENDING": "200",
                  "RELAY_RATE_LIMIT_REDIRECT_IP": "off", "RELAY_RATE_LIMIT_REDIRECT_LINK": "off"}
CLICK_MAX_PENDING = 200
VISITORS = 4  #: connections redirecting at once


async def test_a_server_killed_while_clicks_are_queued_loses_at_most_the_configured_bound(servers, postgres_url):
    """The redirect answers before its click is written (clicks wait in memory for the next
    batch). SIGKILL the server mid-stream: every click in the database was answered, and of the
    clicks answered at most RELAY_CLICK_MAX_PENDING are missing."""
    m = await make_merchant()
    link = await make_link(await make_partner(m.id))
    port = free_port()
    servers.append(server := start_server(f"{postgres_url}?maxsize=4", port, **CLICK_SETTINGS))
    answered: list[str] = []
    killed = asyncio.Event()

    async def visitor() -> None:
        connection = Connection(port)
        try:
            while not killed.is_set():
                status, headers, _ = await connection.request("GET", f"/r/{link.code}")
                assert status == 302, status
                answered.append(headers["location"].rsplit("relay_click=", 1)[1])
                if len(answered) >= 2_000 and not killed.is_set():
                    killed.set()
                    kill(server)  # while the other visitors' clicks are queued or being written
        except (OSError, asyncio.IncompleteReadError):
            assert killed.is_set()  # the server is gone
        finally:
            connection.close()

    await asyncio.gather(*(visitor() for _ in range(VISITORS)))
    recorded = set(await Click.filter(merchant_id=m.id).values_list("id", flat=True))
    # A click is written after its 302 was sent: one being read when the server died may be
    # written without the visitor having seen its answer, one per connection at most.
    assert len(recorded - set(answered)) <= VISITORS
    lost = set(answered) - recorded
    assert len(lost) <= CLICK_MAX_PENDING, len(lost)
    assert len(recorded) >= len(answered) - CLICK_MAX_PENDING


# --- batch approval ------------------------------------------------------------------------------

PARTNERS = 2500
PER_PARTNER = 2  #: 5,000 commissions, two chunks of lines (payouts.service.batches.LINES_PER_CHUNK)
AVAILABLE_AT = datetime(2026, 10, 15, 4, 0, tzinfo=UTC)
CUTOFF = datetime(2026, 10, 31, 15, 59, 59, tzinfo=UTC)


async def _many_available_commissions(merchant_id: int) -> list[int]:
    """`PARTNERS` payees with `PER_PARTNER` available commissions each (3,000 fen apiece),
    written in bulk and posted through the real accruals. Returns the partner ids."""
    await Partner.bulk_create([
        Partner(merchant_id=merchant_id, code=ids.partner_code(), display_name=f"P{n}", kind="parent",
                status="active", reward_preference="cash", payee_name="Chen Wei", payee_account=f"6222{n:012d}")
        for n in range(PARTNERS)
    ], batch_size=1000)
    partner_ids = await Partner.filter(merchant_id=merchant_id).order_by("id").values_list("id", flat=True)
    await Commission.bulk_create([
        Commission(
            merchant_id=merchant_id, partner_id=partner_id, order_id=n * PER_PARTNER + k, order_line_id=None,
            line_no=None, level=1, kind="cash", asset="CNY", amount=3000, base_minor=30_000, rule_set_version=1,
            rule_id="crash", status="available", occurred_at=AVAILABLE_AT, available_at=AVAILABLE_AT,
            explanation={"test": True},
        )
        for n, partner_id in enumerate(partner_ids) for k in range(PER_PARTNER)
    ], batch_size=1000)
    rows = await Commission.filter(merchant_id=merchant_id)
    await accruals.record_earned(merchant_id, [record(row) for row in rows])
    return list(partner_ids)


async def _advisory_lock_held(database_url: str) -> bool:
    """Whether another session of this database holds an advisory lock (the approval's claim lock)."""
    found = await connection().execute_query_dict(
        "SELECT COUNT(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
        " WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()"
        " AND l.pid <> pg_backend_pid()"
    )
    return found[0]["n"] > 0


def _approve(database_url: str, merchant_id: int, batch_id: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "relay", "payouts", "approve", "--merchant", str(merchant_id), "--batch", str(batch_id)],
        cwd=ROOT, env=relay_env(database_url), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


async def test_an_approval_killed_midway_claims_nothing_and_a_rerun_claims_each_commission_once(
    servers, postgres_url
):
    m = await make_merchant()
    partner_ids = await _many_available_commissions(m.id)
    draft, _ = await create_batch(m.id, "CNY", CUTOFF, created_by="crash test")

    approval = _approve(postgres_url, m.id, draft.id)
    servers.append(approval)
    deadline = time.monotonic() + 60
    while not await _advisory_lock_held(postgres_url):
        assert approval.poll() is None, approval.stderr.read() if approval.stderr else ""
        assert time.monotonic() < deadline, "the approval never took its claim lock"
        await asyncio.sleep(0.005)
    await asyncio.sleep(0.05)  # into the claim and the postings
    assert approval.poll() is None, "the approval finished before it could be killed: make it bigger"
    kill(approval)

    # Killed inside its transaction: nothing claimed, nothing posted, still a draft.
    assert (await PayoutBatch.get(merchant_id=m.id, id=draft.id)).status == "draft"
    assert await Commission.filter(merchant_id=m.id, payout_batch_id__not_isnull=True).count() == 0
    assert await LedgerTransaction.filter(merchant_id=m.id, kind="payout").count() == 0
    assert await unbalanced_transactions(m.id) == []

    for _ in range(2):  # the rerun approves; a second rerun finds it approved and changes nothing
        rerun = _approve(postgres_url, m.id, draft.id)
        servers.append(rerun)
        out, err = rerun.communicate(timeout=300)
        assert rerun.returncode == 0, err
        assert "approved" in out

    lines = await PayoutBatchLine.filter(merchant_id=m.id, batch_id=draft.id)
    assert sorted(line.partner_id for line in lines) == partner_ids
    assert {(line.status, line.gross_minor, line.commission_count) for line in lines} == {
        ("open", 3000 * PER_PARTNER, PER_PARTNER)
    }
    claimed = Counter(
        await Commission.filter(merchant_id=m.id).values_list("payout_batch_id", flat=True)
    )
    assert claimed == Counter({draft.id: PARTNERS * PER_PARTNER})
    assert await LedgerTransaction.filter(merchant_id=m.id, kind="payout").count() == PARTNERS
    balances = await balances_by_partner(m.id, "CNY")
    assert {(b.available, b.in_batch) for b in balances.values()} == {(0, 3000 * PER_PARTNER)}
    assert await unbalanced_transactions(m.id) == []


async def _creating_batch() -> bool:
    """Whether another session of this database is inside a transaction writing a payout batch."""
    found = await connection().execute_query_dict(
        "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database()"
        " AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND query ILIKE '%payout_batch%'"
    )
    return found[0]["n"] > 0


def _create(database_url: str, merchant_id: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "relay", "payouts", "create", "--merchant", str(merchant_id), "--asset", "CNY",
         "--cutoff", CUTOFF.isoformat()],
        cwd=ROOT, env=relay_env(database_url), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


async def test_a_batch_creation_killed_midway_leaves_no_batch_or_a_whole_one_and_a_rerun_makes_one(
    servers, postgres_url
):
    """SIGKILL `relay payouts create` once it is inside its transaction writing the draft: the
    database holds no batch or the whole draft (never part of its lines), nothing is claimed or
    posted (a draft commits nothing to anyone), and running it again yields exactly one draft."""
    m = await make_merchant()
    partner_ids = await _many_available_commissions(m.id)
    postings_before = await LedgerTransaction.filter(merchant_id=m.id).count()

    creation = _create(postgres_url, m.id)
    servers.append(creation)
    deadline = time.monotonic() + 60
    while not await _creating_batch():
        if creation.poll() is not None:
            break  # finished before we saw it: the checks below still hold
        assert time.monotonic() < deadline, "the creation never started writing"
        await asyncio.sleep(0.002)
    kill(creation)

    made = await PayoutBatch.filter(merchant_id=m.id)
    assert len(made) <= 1
    if made:
        lines = await PayoutBatchLine.filter(merchant_id=m.id, batch_id=made[0].id)
        assert sorted(line.partner_id for line in lines) == partner_ids  # whole, never partial
    assert await Commission.filter(merchant_id=m.id, payout_batch_id__not_isnull=True).count() == 0
    assert await LedgerTransaction.filter(merchant_id=m.id).count() == postings_before
    assert await unbalanced_transactions(m.id) == []

    for _ in range(2):  # a rerun makes (or shows) the draft; a second one shows the same draft
        rerun = _create(postgres_url, m.id)
        servers.append(rerun)
        _, err = rerun.communicate(timeout=300)
        assert rerun.returncode == 0, err
    (batch,) = await PayoutBatch.filter(merchant_id=m.id)
    lines = await PayoutBatchLine.filter(merchant_id=m.id, batch_id=batch.id)
    assert sorted(line.partner_id for line in lines) == partner_ids
    assert {(line.status, line.gross_minor) for line in lines} == {("payable", 3000 * PER_PARTNER)}
