"""Commissions into the ledger: after any sequence of earning, refunds, release, cancel and reject,
each partner's pending and available balances equal the sums of the commission rows in those
statuses, every transaction balances, and posting the same rows again writes nothing."""

from __future__ import annotations

import pytest
from tortoise.functions import Sum

from commissions.models import Commission
from commissions.service.records import CommissionRecord, record
from payouts.models import LedgerTransaction
from payouts.service.accruals import record_available, record_earned, record_voided
from payouts.service.postings import Balances, balances_by_partner, unbalanced_transactions
from tests.factories.batches import make_commission
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner

pytestmark = pytest.mark.usefixtures("database_url")


async def rows_by_status(merchant_id: int, asset: str) -> dict[tuple[int, str], int]:
    found = await (
        Commission.filter(merchant_id=merchant_id, asset=asset, status__in=["pending", "available"])
        .annotate(total=Sum("amount")).group_by("partner_id", "status").values("partner_id", "status", "total")
    )
    return {(row["partner_id"], row["status"]): int(row["total"]) for row in found}


async def assert_ledger_tracks_rows(merchant_id: int, asset: str = "CNY") -> dict[int, Balances]:
    ledger = await balances_by_partner(merchant_id, asset)
    rows = await rows_by_status(merchant_id, asset)
    for partner_id in {p for p, _ in rows} | set(ledger):
        held = ledger.get(partner_id, Balances())
        assert (held.pending, held.available) == (
            rows.get((partner_id, "pending"), 0), rows.get((partner_id, "available"), 0)
        ), partner_id
    assert await unbalanced_transactions(merchant_id) == []
    return ledger


async def move(row: CommissionRecord, status: str) -> CommissionRecord:
    await Commission.filter(id=row.id).update(status=status)
    return record(await Commission.get(id=row.id))


async def test_the_ledger_tracks_commission_rows_through_their_whole_life():
    m = await make_merchant()
    alice, bob = await make_partner(m.id), await make_partner(m.id)
    a1 = await make_commission(m.id, alice.id, 10000, status="pending")
    a2 = await make_commission(m.id, alice.id, 5000, status="pending")
    b1 = await make_commission(m.id, bob.id, 8000, status="pending")
    b2 = await make_commission(m.id, bob.id, 4000, status="available")  # created available
    await assert_ledger_tracks_rows(m.id)

    # A refund while pending: the reversal is pending too and releases with its original.
    r1 = await make_commission(m.id, alice.id, -2500, status="pending", reversal_of=a1.id)
    await assert_ledger_tracks_rows(m.id)
    released = [await move(a1, "available"), await move(r1, "available"), await move(b1, "available")]
    await record_available(m.id, released)
    ledger = await assert_ledger_tracks_rows(m.id)
    assert (ledger[alice.id].pending, ledger[alice.id].available, ledger[alice.id].reversed) == (5000, 7500, 2500)

    # A refund after release: the reversal is created available and takes from available.
    r2 = await make_commission(m.id, bob.id, -1000, status="available", reversal_of=b1.id)
    await assert_ledger_tracks_rows(m.id)

    # The order of a2 is canceled while pending; bob's b2 is rejected while available,
    # and b1 with its available reversal r2.
    voided = [await move(a2, "canceled"), await move(b2, "rejected"), await move(b1, "rejected"),
              await move(r2, "rejected")]
    await record_voided(m.id, voided)
    ledger = await assert_ledger_tracks_rows(m.id)
    assert (ledger[bob.id].available, ledger[bob.id].reversed, ledger[bob.id].earned) == (0, 0, 0)
    assert (ledger[alice.id].earned, ledger[alice.id].reversed) == (10000, 2500)

    # Replays write nothing: the pipeline may call twice for one event.
    before = await LedgerTransaction.filter(merchant_id=m.id).count()
    await record_earned(m.id, [a1, r1, b2])
    await record_available(m.id, released)
    await record_voided(m.id, voided)
    assert await LedgerTransaction.filter(merchant_id=m.id).count() == before
    await assert_ledger_tracks_rows(m.id)


async def test_a_pending_reversal_voided_with_its_original_leaves_nothing():
    m = await make_merchant()
    alice = await make_partner(m.id)
    a1 = await make_commission(m.id, alice.id, 10000, status="pending")
    r1 = await make_commission(m.id, alice.id, -4000, status="pending", reversal_of=a1.id)
    await record_voided(m.id, [await move(a1, "rejected"), await move(r1, "rejected")])
    ledger = await assert_ledger_tracks_rows(m.id)
    assert ledger[alice.id] == Balances()


async def test_points_accrue_like_cash_in_their_own_asset():
    m = await make_merchant()
    alice = await make_partner(m.id)
    p1 = await make_commission(m.id, alice.id, 300, asset="PTS", status="pending")
    await make_commission(m.id, alice.id, 5000)
    await record_available(m.id, [await move(p1, "available")])
    await make_commission(m.id, alice.id, -100, asset="PTS", status="available", reversal_of=p1.id)
    assert (await assert_ledger_tracks_rows(m.id, "PTS"))[alice.id].available == 200
    assert (await assert_ledger_tracks_rows(m.id, "CNY"))[alice.id].available == 5000
    assert await record_earned(m.id, []) == []
