"""Shop events racing each other and racing payout batches (PostgreSQL: SQLite has one writer
and ignores row locks, so there is no race to test there).

Two acceptance lines of the payouts issue, through the real ASGI app:

* the same refund delivered to 8 workers at once (one webhook-id, or 8 new ones) makes one
  refund and one reversal per commission, and the ledger agrees with the rows;
* shop events (orders created, completed, refunded) and the release job keep running while a
  payout batch is created and approved: every commission ends in exactly one batch or is still
  waiting for the next one, and a later batch picks up exactly the rest.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter, defaultdict
from datetime import timedelta

import httpx
import pytest

from commissions.models import Commission
from core.time import now
from payouts.models import PayoutBatchLine
from payouts.service import batches
from payouts.service.postings import balances_by_partner, unbalanced_transactions
from payouts.service.terms import update_terms
from referral.models import Order, Partner, Refund
from relay.pipeline import release_commissions
from tests.factories.batches import make_commission, make_payee
from tests.factories.commissions import publish_rule_set
from tests.factories.events import envelope, order_data, send
from tests.factories.merchants import MerchantCtx, make_merchant
from tests.servers import free_port, start_server

pytestmark = pytest.mark.usefixtures("database_url")

RULES = {
    "rules": [
        {"id": "direct", "level": 1, "reward": {"percent": "10"}},
        {"id": "recruiter", "level": 2, "reward": {"percent": "2"}},
    ]
}
WORKERS = 8


@pytest.fixture(autouse=True)
def postgres_only(dialect):
    if dialect != "postgres":
        pytest.skip("concurrency needs PostgreSQL: SQLite has one writer and no row locks")


# --- helpers ------------------------------------------------------------------------------------


async def rows_by_partner(merchant_id: int) -> dict[int, dict[str, int]]:
    """partner id -> what the commission rows say the ledger must hold (pending, available, in_batch)."""
    sums: dict[int, dict[str, int]] = defaultdict(lambda: {"pending": 0, "available": 0, "in_batch": 0})
    for partner_id, status, amount, batch_id in await Commission.filter(merchant_id=merchant_id).values_list(
        "partner_id", "status", "amount", "payout_batch_id"
    ):
        if batch_id is not None:
            sums[partner_id]["in_batch"] += amount
        elif status in ("pending", "available"):
            sums[partner_id][status] += amount
    return dict(sums)


async def ledger_by_partner(merchant_id: int) -> dict[int, dict[str, int]]:
    return {
        partner_id: {"pending": b.pending, "available": b.available, "in_batch": b.in_batch}
        for partner_id, b in (await balances_by_partner(merchant_id, "CNY")).items()
    }


async def assert_ledger_matches_rows(merchant_id: int) -> None:
    assert await unbalanced_transactions(merchant_id) == []
    assert await ledger_by_partner(merchant_id) == await rows_by_partner(merchant_id)


async def earners(merchant_id: int) -> tuple[Partner, Partner]:
    """A parent (level 1) and the recruiter who brought them in (level 2), both with a payee account."""
    recruiter = await make_payee(merchant_id, display_name="Lin")
    parent = await make_payee(merchant_id, display_name="Zhao", recruiter_id=recruiter.id)
    return parent, recruiter


async def deliver(client: httpx.AsyncClient, m: MerchantCtx, event_type: str, data: dict) -> None:
    response = await send(client, m, event_type, data)
    assert response.status_code == 200, response.text


# --- 1. one refund, 8 deliveries at once ----------------------------------------------------------


async def one_refund_from_8_workers(clients: list[httpx.AsyncClient], *, released: bool) -> None:
    """An order with commissions at levels 1 and 2 (pending, or released: available), then one
    refund delivered 8 times at once under one webhook-id, then 8 times more under new ids;
    delivery n goes to ``clients[n % len(clients)]``."""
    client = clients[0]
    m = await make_merchant()
    parent, recruiter = await earners(m.id)
    await publish_rule_set(m.id, RULES)
    order = order_data(
        lines=[
            {"sku": "SERUM-30", "category": "skincare", "quantity": 2, "unit_price": "199.00"},
            {"sku": "CREAM-50", "category": "skincare", "quantity": 1, "unit_price": "88.80"},
        ],
        partner_code=parent.code,
    )
    await deliver(client, m, "order.created", order)
    # Completed a month ago when the commissions should be available already (then released).
    completed_at = now() - timedelta(days=30 if released else 0)
    await deliver(client, m, "order.completed", {"external_id": order["external_id"], "occurred_at": completed_at.isoformat()})
    if released:
        await release_commissions(now())
    originals = await Commission.filter(merchant_id=m.id, reversal_of=None).order_by("id")
    assert len(originals) == 4  # two lines x two levels
    assert {c.status for c in originals} == {"available" if released else "pending"}

    body = envelope("order.refunded", {
        "external_id": order["external_id"], "refund_id": "R1", "occurred_at": now().isoformat(),
        "lines": [{"sku": "SERUM-30", "quantity": 1}, {"sku": "CREAM-50", "quantity": 1}],
    })
    same_id = await asyncio.gather(*(
        send(clients[n % len(clients)], m, "order.refunded", {}, body=body, webhook_id="msg_refund_R1")
        for n in range(WORKERS)
    ))
    # A loser of the race waits on the order's lock, finds the receipt and answers from it:
    # never a 409 or 503 here, and every answer is the first delivery's, byte for byte.
    assert [r.status_code for r in same_id] == [200] * WORKERS, [r.text for r in same_id]
    assert len({r.text for r in same_id}) == 1
    assert same_id[0].json()["applied"] is True

    # The shop gave up waiting and re-sends the same refund as 8 new deliveries.
    new_ids = await asyncio.gather(*(
        send(clients[n % len(clients)], m, "order.refunded", {}, body=body, webhook_id=f"msg_refund_R1_again_{n}")
        for n in range(WORKERS)
    ))
    assert [r.status_code for r in new_ids] == [200] * WORKERS, [r.text for r in new_ids]
    assert [r.json()["applied"] for r in new_ids] == [False] * WORKERS
    assert all(r.json()["refund"] == same_id[0].json()["refund"] for r in new_ids)

    order_row = await Order.get(merchant_id=m.id, external_id=order["external_id"])
    assert await Refund.filter(merchant_id=m.id, order_id=order_row.id).count() == 1
    reversals = await Commission.filter(merchant_id=m.id, reversal_of__not_isnull=True)
    assert Counter(r.reversal_of for r in reversals) == {c.id: 1 for c in originals}
    by_original = {r.reversal_of: r.amount for r in reversals}
    serum = originals[0].order_line_id  # 1 of its 2 units refunded: half; the cream entirely
    for c in originals:
        assert by_original[c.id] == (-(c.amount // 2) if c.order_line_id == serum else -c.amount)
    assert {r.status for r in reversals} == {"available" if released else "pending"}
    await assert_ledger_matches_rows(m.id)
    assert set(await ledger_by_partner(m.id)) == {parent.id, recruiter.id}


@pytest.mark.parametrize("released", [False, True], ids=["pending", "available"])
async def test_the_same_refund_delivered_to_8_workers_at_once_is_reversed_once(client, released):
    await one_refund_from_8_workers([client], released=released)


@pytest.mark.slow
async def test_the_same_refund_delivered_to_two_servers_at_once_is_reversed_once(database_url, servers):
    """The same story across real processes: `relay serve --workers 2` and a second `relay serve`,
    each on its own loopback port, the deliveries alternating between them."""
    ports = [free_port(), free_port()]
    servers.append(start_server(database_url, ports[0], workers=2))
    servers.append(start_server(database_url, ports[1]))
    async with (
        httpx.AsyncClient(base_url=f"http://127.0.0.1:{ports[0]}", timeout=30) as first,
        httpx.AsyncClient(base_url=f"http://127.0.0.1:{ports[1]}", timeout=30) as second,
    ):
        await one_refund_from_8_workers([first, second], released=True)


# --- 2. ingestion during batch creation and approval ---------------------------------------------


async def test_ingestion_continuing_while_a_batch_is_created_and_approved_loses_nothing(client):
    m = await make_merchant()
    await update_terms(m.id, minimums={"CNY": 1})  # every positive net is paid: no carry-forward to reason about
    recruiters = [await make_payee(m.id, display_name=f"Recruiter {n}") for n in range(3)]
    parents = [
        await make_payee(m.id, display_name=f"Parent {n}", recruiter_id=recruiters[n % 3].id) for n in range(9)
    ]
    everyone = parents + recruiters
    await publish_rule_set(m.id, RULES)

    base = now().replace(microsecond=0)
    cutoff = base - timedelta(hours=1)
    # A few hundred commissions already there: available before the cutoff (the batch must take
    # every one), available after it (never), and pending ones the release job moves meanwhile.
    shapes = (
        [("available", cutoff - timedelta(days=1, seconds=k)) for k in range(200)]
        + [("available", cutoff + timedelta(minutes=1 + k % 50)) for k in range(60)]
        + [("pending", cutoff - timedelta(days=3) + timedelta(minutes=10 * k)) for k in range(60)]
    )
    made = []
    for start in range(0, len(shapes), 40):
        made += await asyncio.gather(*(
            make_commission(m.id, everyone[k % len(everyone)].id, 1000 + k, status=status, available_at=at)
            for k, (status, at) in enumerate(shapes[start:start + 40], start=start)
        ))
    must_claim = {c.id for c in made if c.status == "available" and c.available_at < cutoff}
    never_claim = {c.id for c in made if c.available_at > cutoff}

    # The shop keeps sending orders; the release job runs at an instant that moves forward, so
    # commissions become available (before and after the cutoff) while the batch is approved.
    started = asyncio.Event()
    batch_done = asyncio.Event()
    sent = itertools.count()
    instants = itertools.count()

    async def ingest(worker: int) -> int:
        orders = 0
        extra = 0
        while extra < 4:
            n = next(sent)
            data = order_data(partner_code=parents[n % len(parents)].code)
            await deliver(client, m, "order.created", data)
            # Completed 10 days ago (available 3 days before the cutoff) or just now (after it).
            completed = base - timedelta(days=10) if n % 2 else base - timedelta(days=7, minutes=30) + timedelta(minutes=n % 60)
            await deliver(client, m, "order.completed", {"external_id": data["external_id"], "occurred_at": completed.isoformat()})
            await release_commissions(cutoff - timedelta(days=3) + timedelta(minutes=20 * next(instants)))
            if n % 3 == 0:  # some are refunded in part: reversals race the claim too
                await deliver(client, m, "order.refunded", {
                    "external_id": data["external_id"], "refund_id": f"R-{n}", "occurred_at": base.isoformat(),
                    "lines": [{"sku": "TEA-1", "quantity": 1}],
                })
            orders += 1
            if orders == 3:
                started.set()
            if batch_done.is_set():
                extra += 1
        return orders

    async def batch_while_ingesting():
        await started.wait()
        draft, created = await batches.create_batch(m.id, "CNY", cutoff, created_by="finance")
        assert created
        approved = await batches.approve_batch(m.id, draft.id, approved_by="finance", expected=None)
        batch_done.set()
        return approved

    *ingested, first = await asyncio.gather(*(ingest(w) for w in range(4)), batch_while_ingesting())
    assert sum(ingested) >= 16 and first.status == "approved"

    rows = await Commission.filter(merchant_id=m.id).values(
        "id", "partner_id", "amount", "status", "available_at", "payout_batch_id"
    )
    in_first = {r["id"] for r in rows if r["payout_batch_id"] == first.id}
    assert must_claim <= in_first  # available before the approval started: taken, all of them
    assert not never_claim & in_first
    assert {r["payout_batch_id"] for r in rows} <= {first.id, None}
    for r in rows:
        if r["id"] in in_first:
            assert r["status"] == "available" and r["available_at"] < cutoff, r
        else:  # waiting for a later batch
            assert r["status"] in ("pending", "available"), r
    # Each line sums exactly what its batch claimed, once.
    claimed: dict[int, tuple[int, int]] = {}
    for r in rows:
        if r["id"] in in_first:
            amount, count = claimed.get(r["partner_id"], (0, 0))
            claimed[r["partner_id"]] = (amount + r["amount"], count + 1)
    lines = await PayoutBatchLine.filter(merchant_id=m.id, batch_id=first.id).values_list(
        "partner_id", "status", "gross_minor", "commission_count"
    )
    assert {p: (gross, count) for p, status, gross, count in lines if status == "open"} == claimed
    assert {status for _, status, _, _ in lines} == {"open"}
    assert first.totals.payout.gross_minor == sum(amount for amount, _ in claimed.values())
    await assert_ledger_matches_rows(m.id)

    # Everything left: released, then the next batch takes exactly the rest.
    await release_commissions(base + timedelta(days=30))
    left = {r["id"] for r in await Commission.filter(merchant_id=m.id, payout_batch_id=None).values("id")}
    assert left == {r["id"] for r in rows} - in_first
    later = base + timedelta(days=30)
    draft, _ = await batches.create_batch(m.id, "CNY", later, created_by="finance")
    second = await batches.approve_batch(m.id, draft.id, approved_by="finance", expected=None)
    after = await Commission.filter(merchant_id=m.id).values("id", "status", "payout_batch_id")
    assert {r["id"] for r in after if r["payout_batch_id"] == second.id} == left
    assert {r["id"] for r in after if r["payout_batch_id"] == first.id} == in_first
    assert {r["status"] for r in after} == {"available"}
    total = sum(r["amount"] for r in await Commission.filter(merchant_id=m.id).values("amount"))
    assert first.totals.payout.gross_minor + second.totals.payout.gross_minor == total
    await assert_ledger_matches_rows(m.id)
    assert {p: b["pending"] + b["available"] for p, b in (await ledger_by_partner(m.id)).items()} == {
        p.id: 0 for p in everyone
    }
