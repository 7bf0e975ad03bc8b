"""Accounting stories told end to end on the real ledger, with the exact balances after each step."""

from __future__ import annotations

from dataclasses import astuple

import pytest

from payouts import ledger
from payouts.export import BankStatus, TransferLine, parse_bank_results, transfer_rows
from payouts.ledger import AccountKind as A
from payouts.ledger import TransactionKind as K
from payouts.service.postings import Balances, partner_balances, post_many, statement, unbalanced_transactions
from payouts.withholding import CN_LABOUR_REMUNERATION, withholding_due
from tests.factories.merchants import make_merchant
from tests.factories.payouts import reference
from tests.factories.referral import make_partner

pytestmark = pytest.mark.usefixtures("database_url")  # the real database, migrated


def adds_up(b: Balances) -> bool:
    """Everything earned sits in exactly one bucket."""
    return b.earned == sum(astuple(b)[1:])


async def test_earn_reverse_make_available_pay_then_a_late_refund_is_netted_by_the_next_batch():
    m = await make_merchant()
    alice = (await make_partner(m.id, display_name="Alice")).id

    async def step(*entries):
        await post_many(m.id, entries)
        return (await partner_balances(m.id, alice))["CNY"]

    # Two orders earn 12.50 and 80.00; a partial refund of order 1 reverses 3.00 while pending.
    await step(ledger.commission_earned(alice, "CNY", 1250, commission_id="C1"),
               ledger.commission_earned(alice, "CNY", 8000, commission_id="C2"))
    b = await step(ledger.commission_reversed(alice, "CNY", 300, reversal_id="R1", source=A.pending))
    assert b == Balances(earned=9250, pending=8950, reversed=300)

    # The after-sales hold ends: the commissions and the reversal row move to available.
    b = await step(ledger.commission_available(alice, "CNY", 1250, commission_id="C1"),
                   ledger.commission_available(alice, "CNY", -300, commission_id="R1"),
                   ledger.commission_available(alice, "CNY", 8000, commission_id="C2"))
    assert b == Balances(earned=9250, available=8950, reversed=300)

    # Batch line L1 takes all of it; the bank confirms.
    b = await step(ledger.payout_reserved(alice, "CNY", 8950, line_id="L1"))
    assert (b.available, b.in_batch, b.owed) == (0, 8950, 8950)
    b = await step(ledger.payout_paid(alice, "CNY", 8950, line_id="L1"))
    assert b == Balances(earned=9250, paid=8950, reversed=300)

    # Order 2 is refunded for 20.00 after it was paid: available goes negative...
    b = await step(ledger.commission_reversed(alice, "CNY", 2000, reversal_id="R2", source=A.available))
    assert (b.available, b.reversed, b.owed) == (-2000, 2300, -2000)
    # ...and the next commission (50.00) pays only the 30.00 left after netting.
    b = await step(ledger.commission_earned(alice, "CNY", 5000, commission_id="C3"),
                   ledger.commission_available(alice, "CNY", 5000, commission_id="C3"))
    assert b.available == 3000
    b = await step(ledger.payout_reserved(alice, "CNY", 3000, line_id="L2"),
                   ledger.payout_paid(alice, "CNY", 3000, line_id="L2"))
    assert b == Balances(earned=14250, paid=11950, reversed=2300)
    assert adds_up(b)

    lines = await statement(m.id, alice, "CNY")
    available = [(line.kind, line.reference, line.amount, line.balance) for line in lines if line.account == A.available]
    assert available == [
        (K.commission_available, "C1", 1250, 1250),
        (K.commission_available, "R1", -300, 950),
        (K.commission_available, "C2", 8000, 8950),
        (K.payout, "L1", -8950, 0),
        (K.commission_reversed, "R2", -2000, -2000),
        (K.commission_available, "C3", 5000, 3000),
        (K.payout, "L2", -3000, 0),
    ]
    assert [line.balance for line in lines if line.account == A.paid] == [8950, 11950]
    assert [line.balance for line in lines if line.account == A.reversed] == [300, 2300]
    assert {line.account for line in lines} == {A.pending, A.available, A.in_batch, A.paid, A.reversed}
    assert all(line.posted_at.tzinfo is not None for line in lines)
    assert [line.transaction_id for line in lines] == sorted(line.transaction_id for line in lines)
    assert await unbalanced_transactions(m.id) == []


async def test_a_month_of_payouts_with_china_withholding_a_failed_transfer_and_a_retry():
    m = await make_merchant()
    bob = (await make_partner(m.id, display_name="Bob", payee_name="Bob Li", payee_account="6222020200112233")).id

    async def balances() -> Balances:
        return (await partner_balances(m.id, bob))["CNY"]

    async def pay_out(line_id: str) -> tuple[int, int]:
        """Reserve all available, withhold the month's tax difference; returns (net, withheld)."""
        b = await balances()
        tax = withholding_due(
            CN_LABOUR_REMUNERATION, payout_minor=b.available, asset="CNY",
            month_income_before_minor=b.paid + b.in_batch + b.withheld,  # every payout here is this month
            month_withheld_before_minor=b.withheld,
        )
        await post_many(m.id, [ledger.payout_reserved(bob, "CNY", b.available, line_id=line_id),
                               ledger.withholding(bob, "CNY", tax, line_id=line_id)])
        return b.available - tax, tax

    commission = reference("commission")
    await post_many(m.id, [ledger.commission_earned(bob, "CNY", 300_000, commission_id=commission),
                           ledger.commission_available(bob, "CNY", 300_000, commission_id=commission)])

    # 3,000.00: 440.00 withheld, 2,560.00 sent; the bank refuses it.
    net, tax = await pay_out("L1")
    assert (net, tax) == (256_000, 44_000)
    rows = list(transfer_rows([TransferLine(bob, "Bob Li", "6222020200112233", net, "CNY", "L1")], "CNY"))
    assert str(rows[0]["amount"]) == "2560.00"
    (result,) = parse_bank_results("reference,status,reason\nL1,failed,account frozen\n")
    assert (result.reference, result.status) == ("L1", BankStatus.failed)
    await post_many(m.id, [ledger.payout_failed(bob, "CNY", net, line_id="L1", withheld=tax)])
    assert await balances() == Balances(earned=300_000, available=300_000)

    # The retry withholds the same 440.00 (the failed line no longer counts) and is paid.
    net, tax = await pay_out("L2")
    assert (net, tax) == (256_000, 44_000)
    await post_many(m.id, [ledger.payout_paid(bob, "CNY", net, line_id="L2")])
    assert await balances() == Balances(earned=300_000, paid=256_000, withheld=44_000)

    # 7,000.00 more in the same month: tax(10,000.00) = 1,600.00, of which 440.00 already withheld.
    commission = reference("commission")
    await post_many(m.id, [ledger.commission_earned(bob, "CNY", 700_000, commission_id=commission),
                           ledger.commission_available(bob, "CNY", 700_000, commission_id=commission)])
    net, tax = await pay_out("L3")
    assert (net, tax) == (584_000, 116_000)
    await post_many(m.id, [ledger.payout_paid(bob, "CNY", net, line_id="L3")])
    b = await balances()
    assert b == Balances(earned=1_000_000, paid=840_000, withheld=160_000)
    assert adds_up(b)
    assert await unbalanced_transactions(m.id) == []


async def test_points_are_earned_credited_to_the_wallet_spent_expired_and_clawed_back():
    m = await make_merchant()
    carol = (await make_partner(m.id, reward_preference="points")).id
    await post_many(m.id, [
        ledger.commission_earned(carol, "PTS", 500, commission_id="C1"),
        ledger.commission_available(carol, "PTS", 500, commission_id="C1"),
        ledger.points_credit(carol, 300, reference="credit-1"),
        ledger.points_redemption(carol, 120, reference="order-9"),
        ledger.points_expiry(carol, 80, reference="expiry-2026-12"),
        ledger.commission_reversed(carol, "PTS", 50, reversal_id="R1", source=A.wallet),
    ])
    b = (await partner_balances(m.id, carol))["PTS"]
    assert b == Balances(earned=500, available=200, wallet=50, redeemed=120, expired=80, reversed=50)
    assert adds_up(b)
    wallet = [(line.kind, line.balance) for line in await statement(m.id, carol, "PTS") if line.account == A.wallet]
    assert wallet == [(K.points_credit, 300), (K.points_redemption, 180), (K.points_expiry, 100),
                      (K.commission_reversed, 50)]
    assert await unbalanced_transactions(m.id) == []
