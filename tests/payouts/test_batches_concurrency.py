"""Exactly once under concurrency (PostgreSQL: SQLite runs one writer at a time and ignores row
locks): finance users or hosts racing to create or approve batches make one batch, and a
commission is never in two batches."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from commissions.models import Commission
from payouts.models import LedgerTransaction, PayoutBatch, PayoutBatchLine
from payouts.service import batches
from payouts.service.postings import balances_by_partner, unbalanced_transactions
from tests.factories.batches import make_commission, make_payee
from tests.factories.merchants import make_merchant

pytestmark = pytest.mark.usefixtures("database_url")

CUTOFF = datetime(2026, 10, 31, 15, 59, 59, tzinfo=UTC)


@pytest.fixture(autouse=True)
def postgres_only(dialect):
    if dialect != "postgres":
        pytest.skip("concurrency needs PostgreSQL: SQLite has one writer and no row locks")


async def merchant_with_commissions(partners: int = 6, each: int = 3):
    m = await make_merchant()
    total = 0
    for _ in range(partners):
        partner = await make_payee(m.id)
        for k in range(each):
            await make_commission(m.id, partner.id, 10000 + k, available_at=datetime(2026, 10, 1 + k, tzinfo=UTC))
            total += 10000 + k
    return m, total


@pytest.mark.parametrize("racers", [2, 8])
async def test_concurrent_creations_and_approvals_of_one_cutoff_make_one_batch(racers):
    m, total = await merchant_with_commissions()
    created = await asyncio.gather(*(
        batches.create_batch(m.id, "CNY", CUTOFF, created_by=f"racer {n}") for n in range(racers)
    ))
    assert len({batch.id for batch, _ in created}) == 1
    assert sum(was_created for _, was_created in created) == 1
    batch_id = created[0][0].id

    approved = await asyncio.gather(*(
        batches.approve_batch(m.id, batch_id, approved_by=f"racer {n}", expected=None) for n in range(racers)
    ))
    assert {(b.status, b.approved_at, b.totals.payout.net_minor) for b in approved} == {
        ("approved", approved[0].approved_at, total)
    }
    assert await PayoutBatch.filter(merchant_id=m.id).count() == 1
    assert await Commission.filter(merchant_id=m.id, payout_batch_id=batch_id).count() == 18
    lines = await PayoutBatchLine.filter(merchant_id=m.id, batch_id=batch_id).count()
    reservations = await LedgerTransaction.filter(merchant_id=m.id, kind="payout").count()
    assert (lines, reservations) == (6, 6)  # each line reserved once
    assert sum(b.in_batch for b in (await balances_by_partner(m.id, "CNY")).values()) == total


async def test_racing_approvals_of_overlapping_cutoffs_never_put_a_commission_in_two_batches():
    m, total = await merchant_with_commissions(partners=5, each=3)
    cutoffs = [datetime(2026, 10, day, 12, tzinfo=UTC) for day in (1, 2, 3, 4)]
    drafts = [(await batches.create_batch(m.id, "CNY", cutoff, created_by="test"))[0] for cutoff in cutoffs]
    approved = await asyncio.gather(*(
        batches.approve_batch(m.id, draft.id, approved_by="racer", expected=None) for draft in drafts
    ))
    paid = sum(batch.totals.payout.gross_minor for batch in approved)
    claimed = await Commission.filter(merchant_id=m.id, payout_batch_id__not_isnull=True).count()
    assert (paid, claimed) == (total, 15)  # every commission in exactly one batch, amounts once
    lines = await PayoutBatchLine.filter(merchant_id=m.id, status="open").values_list("batch_id", "partner_id", "gross_minor")
    for batch in approved:  # each open line sums exactly the commissions its batch holds
        held: dict[int, int] = {}
        for partner_id, amount in await Commission.filter(
            merchant_id=m.id, payout_batch_id=batch.id
        ).values_list("partner_id", "amount"):
            held[partner_id] = held.get(partner_id, 0) + amount
        assert held == {partner_id: gross for b, partner_id, gross in lines if b == batch.id}
    assert sum(b.in_batch for b in (await balances_by_partner(m.id, "CNY")).values()) == total
    assert await unbalanced_transactions(m.id) == []
