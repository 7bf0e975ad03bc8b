"""Four `relay serve` processes on one PostgreSQL, as four hosts behind a load balancer would be:
20,000 tracked redirects and 5,000 signed orders (with refunds, and replays of both sent to
another process, some at the same moment) spread over them while finance creates and approves
a payout batch. Then: every click and every order is recorded once, every commission and
reversal once, each ledger transaction sums to zero, and the balances equal the postings.

Nothing here needs in-process state to be right: clicks are flushed on shutdown (the servers
get SIGTERM before the counts), webhook receipts and row locks live in PostgreSQL.
PostgreSQL only (SQLite has one writer: there is no scale-out to test).
"""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from datetime import timedelta

import httpx
import pytest

from accounts.models import WebhookReceipt
from commissions.models import Commission
from payouts.models import PayoutBatchLine
from payouts.service.terms import update_terms
from referral.models import Click, Order, OrderLine, Refund
from tests.factories.batches import END_OF_OCTOBER, OCTOBER, figures, make_commission, make_payee
from tests.factories.commissions import publish_rule_set
from tests.factories.events import envelope, order_data, sign
from tests.factories.merchants import MerchantCtx, make_merchant
from tests.factories.referral import make_link
from tests.payouts.test_concurrency_pipeline import assert_ledger_matches_rows
from tests.servers import Connection, free_port, start_server, stop

pytestmark = pytest.mark.slow

PROCESSES = 4
CLICKS = 20_000
ORDERS = 5_000
REFUND_EVERY = 5  #: every 5th order gets a refund of one tea unit
REPLAY_EVERY = 10  #: every 10th event is delivered twice, to two processes at once
PARTNERS = 40
SEEDED = 200  #: available commissions the payout batch must take, all of them and only them
#: Connections per process: 4 processes share the test server's max_connections with other runs.
POOL = 5
RULES = {"rules": [{"id": "all", "level": 1, "reward": {"percent": "10"}}]}
#: No rate limits here: one client address sends everything (the limits have their own tests).
UNLIMITED = {f"RELAY_RATE_LIMIT_{name}": "off" for name in ("REDIRECT_IP", "REDIRECT_LINK", "EVENTS_IP", "EVENTS_MERCHANT")}


@pytest.fixture
def postgres_url(database_url: str, dialect: str) -> str:
    if dialect != "postgres":
        pytest.skip("scale-out needs PostgreSQL (set RELAY_TEST_DATABASE_URL)")
    return database_url


# --- the load -------------------------------------------------------------------------------------


async def redirect_many(port: int, codes: list[str], count: int) -> list[str]:
    """GET /r/{code} `count` times on one connection; returns the click ids the 302s carried."""
    connection = Connection(port)
    clicks = []
    try:
        for n in range(count):
            status, headers, _ = await connection.request("GET", f"/r/{codes[n % len(codes)]}")
            assert status == 302, status
            clicks.append(headers["location"].rsplit("relay_click=", 1)[1])
    finally:
        connection.close()
    return clicks


class Shop:
    """Signed events spread over the processes; a replay goes to the next process at the same time."""

    def __init__(self, merchant: MerchantCtx, ports: list[int]) -> None:
        self.merchant = merchant
        self.ports = ports
        self.turn = itertools.count()
        self.sent: Counter[str] = Counter()

    async def deliver(self, connections: list[Connection], event_type: str, data: dict, *, replay: bool) -> None:
        body = envelope(event_type, data)
        headers = sign(self.merchant.webhook_secret, body, webhook_id=f"msg_{data.get('refund_id', data['external_id'])}")
        n = next(self.turn)
        targets = [connections[n % len(connections)]]
        if replay:
            targets.append(connections[(n + 1) % len(connections)])
        answers = await asyncio.gather(*(
            connection.request("POST", f"/api/v1/merchants/{self.merchant.id}/events", headers, body.encode())
            for connection in targets
        ))
        for status, _, content in answers:
            assert status == 200, content
        assert len({content for _, _, content in answers}) == 1  # the replay gets the first answer
        self.sent[event_type] += 1


async def finance_batch(clients: list[httpx.AsyncClient], m: MerchantCtx, started: asyncio.Event) -> dict:
    """Created on one process and approved on another while the orders stream in."""
    await started.wait()
    created = await clients[0].post("/api/v1/payout-batches", headers=m.auth("finance"),
                                    json={"asset": "CNY", "cutoff": END_OF_OCTOBER})
    assert created.status_code == 201, created.text
    approved = await clients[1].post(f"/api/v1/payout-batches/{created.json()['id']}/approve",
                                     json=figures(created.json()), headers=m.auth("finance"))
    assert approved.status_code == 200, approved.text
    return approved.json()


# --- the test -------------------------------------------------------------------------------------


async def test_four_processes_on_one_postgresql_record_everything_once(servers, postgres_url, tmp_path):
    m = await make_merchant()
    await update_terms(m.id, minimums={"CNY": 1})
    await publish_rule_set(m.id, RULES)
    partners = [await make_payee(m.id, display_name=f"P{n}") for n in range(PARTNERS)]
    codes = [(await make_link(partner)).code for partner in partners]
    seeded = [
        (await make_commission(m.id, partners[k % PARTNERS].id, 1000 + k, available_at=OCTOBER - timedelta(minutes=k))).id
        for k in range(SEEDED)
    ]

    ports = [free_port() for _ in range(PROCESSES)]
    started = await asyncio.gather(*(
        asyncio.to_thread(start_server, f"{postgres_url}?maxsize={POOL}", port, log=tmp_path / f"server-{port}.log",
                          **UNLIMITED)
        for port in ports
    ))
    servers.extend(started)

    shop = Shop(m, ports)
    orders = iter(range(ORDERS))
    quarter_in = asyncio.Event()

    async def order_stream() -> None:
        connections = [Connection(port) for port in ports]  # one to each process
        try:
            for n in orders:
                data = order_data(f"SO-{n}", partner_code=partners[n % PARTNERS].code)
                await shop.deliver(connections, "order.created", data, replay=n % REPLAY_EVERY == 0)
                if n % REFUND_EVERY == 0:
                    refund = {"external_id": data["external_id"], "refund_id": f"RF-{n}",
                              "occurred_at": data["occurred_at"], "lines": [{"sku": "TEA-1", "quantity": 1}]}
                    await shop.deliver(connections, "order.refunded", refund, replay=n % (2 * REFUND_EVERY) == 0)
                if n >= ORDERS // 4:
                    quarter_in.set()
        finally:
            for connection in connections:
                connection.close()

    clients = [httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60) for port in ports[:2]]
    try:
        per_connection = CLICKS // (4 * PROCESSES)
        results = await asyncio.gather(
            *(redirect_many(port, codes, per_connection) for port in ports for _ in range(4)),
            *(order_stream() for _ in range(4 * PROCESSES)),
            finance_batch(clients, m, quarter_in),
        )
    finally:
        for http in clients:
            await http.aclose()
    click_ids = [click for result in results[:4 * PROCESSES] for click in result]
    batch = results[-1]
    for server in started:  # SIGTERM: each flushes its queued clicks on the way out
        stop(server)

    # Every redirect answered is one click row, none lost, none doubled.
    assert len(click_ids) == CLICKS == len(set(click_ids))
    recorded = await Click.filter(merchant_id=m.id).values_list("id", flat=True)
    assert sorted(recorded) == sorted(click_ids)

    # Every order once, whole; every refund once; one receipt per event, whatever the replays.
    refunds = len(range(0, ORDERS, REFUND_EVERY))
    assert shop.sent == Counter({"order.created": ORDERS, "order.refunded": refunds})
    assert await Order.filter(merchant_id=m.id).count() == ORDERS
    assert await OrderLine.filter(merchant_id=m.id).count() == 2 * ORDERS
    assert await Refund.filter(merchant_id=m.id).count() == refunds
    assert await WebhookReceipt.filter(merchant_id=m.id).count() == ORDERS + refunds

    # Every commission and reversal once: 10 % of 30.00 and of 5.50 per order, -1.00 per refund.
    amounts = Counter(await Commission.filter(merchant_id=m.id, rule_id="all").values_list("amount", flat=True))
    assert amounts == Counter({300: ORDERS, 55: ORDERS, -100: refunds})
    originals = await Commission.filter(merchant_id=m.id, rule_id="all", reversal_of=None).values_list(
        "order_line_id", flat=True)
    assert len(set(originals)) == 2 * ORDERS

    # The batch took exactly the commissions available before its cutoff: the seeded ones.
    claimed = await Commission.filter(merchant_id=m.id, payout_batch_id=batch["id"]).values_list("id", flat=True)
    assert sorted(claimed) == sorted(seeded)
    lines = await PayoutBatchLine.filter(merchant_id=m.id, batch_id=batch["id"]).values_list("gross_minor", flat=True)
    assert sum(lines) == sum(1000 + k for k in range(SEEDED)) == batch["totals"]["payout"]["gross_minor"]

    # Each ledger transaction sums to zero, and each partner's balances equal the postings of its rows.
    await assert_ledger_matches_rows(m.id)
