"""Withdrawals exactly once under concurrency (PostgreSQL: SQLite has one writer and ignores row
locks): eight requests of one partner (double taps and other devices) racing a batch approval
ask for or pay each commission once; finance rejecting a withdrawal while a batch approval pays
it does one or the other. Checked on the ledger, the balances, the lines and the commissions."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from commissions.models import Commission
from core.errors import Conflict
from payouts.errors import WithdrawalRefused
from payouts.models import PayoutBatchLine, PayoutMode, Withdrawal, WithdrawalFee
from payouts.service import batches, withdrawals
from payouts.service.postings import partner_balances, unbalanced_transactions
from payouts.service.withdrawals import WithdrawalRules
from tests.factories.batches import make_commission, make_payee
from tests.factories.merchants import make_merchant

pytestmark = pytest.mark.usefixtures("database_url")

CUTOFF = datetime(2026, 10, 31, 16, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def postgres_only(dialect):
    if dialect != "postgres":
        pytest.skip("concurrency needs PostgreSQL: SQLite has one writer and no row locks")


async def earning_partner():
    m = await make_merchant()
    await withdrawals.set_rules(m.id, WithdrawalRules(mode=PayoutMode.both, fee=WithdrawalFee.flat, fee_flat_minor=100))
    partner = await make_payee(m.id)
    other = await make_payee(m.id)
    for k in range(3):
        await make_commission(m.id, partner.id, 10000 + k, available_at=datetime(2026, 10, 1 + k, tzinfo=UTC))
    await make_commission(m.id, other.id, 5000)
    return m, partner, other, 30003


async def check_books(merchant_id: int, partner_id: int, total: int) -> None:
    assert await unbalanced_transactions(merchant_id) == []
    cash = (await partner_balances(merchant_id, partner_id))["CNY"]
    assert cash.available + cash.requested + cash.in_batch + cash.fees + cash.paid == total
    assert cash.available >= 0 and cash.requested >= 0
    asked = sum(w.amount_minor for w in await Withdrawal.filter(merchant_id=merchant_id, status="requested"))
    assert cash.requested == asked


@pytest.mark.parametrize("round_", range(3))
async def test_eight_requests_racing_a_batch_approval_take_each_commission_once(round_):
    m, partner, other, total = await earning_partner()
    draft, _ = await batches.create_batch(m.id, "CNY", CUTOFF, created_by="schedule")
    racers = [withdrawals.request_withdrawal(m.id, partner.id, total, f"tap-{n % 4}") for n in range(8)]
    racers.insert(round_ * 3, batches.approve_batch(m.id, draft.id, approved_by="finance", expected=None))
    results = await asyncio.gather(*racers, return_exceptions=True)
    assert not [r for r in results if isinstance(r, BaseException) and not isinstance(r, WithdrawalRefused)], results

    made = {r[0].id for r in results if isinstance(r, tuple)}
    lines = {line.partner_id: line for line in await PayoutBatchLine.filter(merchant_id=m.id, batch_id=draft.id)}
    claimed = await Commission.filter(merchant_id=m.id, partner_id=partner.id).values_list(
        "payout_batch_id", "withdrawal_id")
    cash = (await partner_balances(m.id, partner.id))["CNY"]
    if made:  # a request won: the batch (nothing approved for it) left the partner out
        assert len(made) == 1 and partner.id not in lines
        assert set(claimed) == {(None, made.pop())}
        assert (cash.available, cash.requested, cash.in_batch) == (0, total, 0)
    else:  # the batch won: every request found nothing left
        assert lines[partner.id].gross_minor == total and lines[partner.id].status == "open"
        assert set(claimed) == {(draft.id, None)}
        assert (cash.available, cash.requested, cash.in_batch) == (0, 0, total)
    assert lines[other.id].gross_minor == 5000  # the other partner's line, untouched by the race
    await check_books(m.id, partner.id, total)


async def test_a_rejection_racing_the_batch_that_pays_the_withdrawal_does_one_or_the_other():
    m, partner, other, total = await earning_partner()
    asked, _ = await withdrawals.request_withdrawal(m.id, partner.id, total, "tap")
    await withdrawals.approve_withdrawal(m.id, asked.id)
    draft, _ = await batches.create_batch(m.id, "CNY", CUTOFF, created_by="finance")
    results = await asyncio.gather(
        withdrawals.reject_withdrawal(m.id, asked.id, "account name does not match"),
        batches.approve_batch(m.id, draft.id, approved_by="finance", expected=None),
        return_exceptions=True,
    )
    status = (await Withdrawal.get(id=asked.id)).status
    lines = {line.partner_id: line for line in await PayoutBatchLine.filter(merchant_id=m.id, batch_id=draft.id)}
    cash = (await partner_balances(m.id, partner.id))["CNY"]
    if isinstance(results[0], Conflict):  # the batch took it first
        assert status == "in_batch" and lines[partner.id].net_minor == total - 100
        assert (cash.in_batch, cash.fees, cash.requested, cash.available) == (total - 100, 100, 0, 0)
    else:
        assert status == "rejected" and results[0].status == "rejected"
        # rejected first: back to available, and the batch (mode both) may pay it as unrequested
        assert cash.requested == 0 and cash.fees == 0
        assert cash.available + cash.in_batch == total
    await check_books(m.id, partner.id, total)
