"""The ledger's pure core: every constructor balances, bad entries are refused, the chart adds up."""

from __future__ import annotations

import pytest

from payouts import ledger
from payouts.errors import LedgerEntryInvalid, UnbalancedEntry
from payouts.ledger import AccountKind as A
from payouts.ledger import TransactionKind as K
from payouts.ledger import balances_of, merchant, partner

P = 7


def every_constructor() -> list[ledger.Entry]:
    return [
        ledger.commission_earned(P, "CNY", 1250, commission_id=41),
        ledger.commission_reversed(P, "CNY", 300, reversal_id=42),
        ledger.commission_available(P, "CNY", 1250, commission_id=41),
        ledger.commission_available(P, "CNY", -300, commission_id=42),
        ledger.payout_reserved(P, "CNY", 950, line_id="L1"),
        ledger.withholding(P, "CNY", 190, line_id="L1"),
        ledger.payout_failed(P, "CNY", 760, line_id="L1", withheld=190),
        ledger.payout_reserved(P, "CNY", 950, line_id="L2"),
        ledger.payout_paid(P, "CNY", 950, line_id="L2"),
        ledger.payout_returned(P, "CNY", 950, line_id="L2"),
        ledger.withdrawal_requested(P, "CNY", 950, withdrawal_id=3),
        ledger.withdrawal_released(P, "CNY", 950, withdrawal_id=3),
        ledger.withdrawal_requested(P, "CNY", 950, withdrawal_id=4),
        ledger.payout_reserved(P, "CNY", 1150, line_id="L3", requested=950),
        ledger.withdrawal_fee(P, "CNY", 100, line_id="L3"),
        ledger.payout_failed(P, "CNY", 1050, line_id="L3", fee=100),
        ledger.commission_earned(P, "PTS", 500, commission_id=43),
        ledger.commission_available(P, "PTS", 500, commission_id=43),
        ledger.points_credit(P, 300, reference="credit-1"),
        ledger.points_redemption(P, 120, reference="order-9"),
        ledger.points_expiry(P, 80, reference="expiry-2026-12"),
    ]


def test_every_constructor_makes_a_balanced_entry_of_its_kind():
    entries = every_constructor()
    for e in entries:
        assert sum(p.amount for p in e.postings) == 0, e
        assert all(p.amount != 0 for p in e.postings)
    assert {e.kind for e in entries} == set(K)


def test_idempotency_keys_name_the_movement_so_reserve_and_pay_of_one_line_differ():
    reserve = ledger.payout_reserved(P, "CNY", 950, line_id="L2")
    paid = ledger.payout_paid(P, "CNY", 950, line_id="L2")
    assert (reserve.kind, paid.kind) == (K.payout, K.payout)
    assert reserve.idempotency_key == "payout_reserved:L2" and paid.idempotency_key == "payout_paid:L2"
    assert reserve.reference == paid.reference == "L2"


def test_the_docstring_story_leaves_exact_buckets_and_earned_equals_their_sum():
    balances = balances_of(every_constructor())

    def cny(kind):
        return balances.get(("CNY", partner(P, kind) if kind in ledger.PARTNER_ACCOUNTS else merchant(kind, P)), 0)

    # 12.50 earned, 3.00 reversed, 9.50 failed once then paid and returned: all available again.
    assert cny(A.commission_expense) == -1250
    assert (cny(A.pending), cny(A.available), cny(A.in_batch), cny(A.paid)) == (0, 950, 0, 0)
    assert (cny(A.reversed), cny(A.withholding_tax)) == (300, 0)
    assert sum(v for (asset, _), v in balances.items() if asset == "CNY") == 0
    pts = {acc.kind: v for (asset, acc), v in balances.items() if asset == "PTS"}
    assert pts == {A.commission_expense: -500, A.pending: 0, A.available: 200, A.wallet: 100,
                   A.points_redeemed: 120, A.points_expired: 80}


def test_unbalanced_entry_is_refused_with_its_sum():
    with pytest.raises(UnbalancedEntry) as caught:
        ledger.entry(K.commission_earned, "CNY", [(partner(P, A.pending), 100),
                                                 (merchant(A.commission_expense, P), -99)],
                     reference="c1", idempotency_key="k1")
    assert caught.value.sums == {"CNY": 1}
    assert caught.value.status == 422 and "CNY +1" in caught.value.detail


@pytest.mark.parametrize(
    ("kind", "asset", "postings", "message"),
    [
        ("bonus", "CNY", [(partner(P, A.pending), 1), (merchant(A.commission_expense), -1)], "unknown transaction kind"),
        (K.payout, "XYZ", [(partner(P, A.available), -1), (partner(P, A.in_batch), 1)], "unknown currency"),
        (K.payout, "PTS", [(partner(P, A.available), -1), (partner(P, A.in_batch), 1)], "moves cash"),
        (K.points_credit, "CNY", [(partner(P, A.available), -1), (partner(P, A.wallet), 1)], "moves points"),
        (K.commission_earned, "PTS", [(partner(P, A.paid), 1), (merchant(A.commission_expense), -1)], "holds cash"),
        (K.commission_earned, "CNY", [(partner(P, A.wallet), 1), (merchant(A.commission_expense), -1)], "holds points"),
        (K.commission_earned, "CNY", [(partner(P, A.pending), 0), (merchant(A.commission_expense), 0)], "non-zero"),
        (K.commission_earned, "CNY", [(partner(P, A.pending), 1.0), (merchant(A.commission_expense), -1)], "integer"),
        (K.commission_earned, "CNY", [(ledger.Account(A.pending), 1), (merchant(A.commission_expense), -1)], "needs a partner"),
        (K.commission_earned, "CNY", [(partner(P, A.pending), 0)], "at least two"),
    ],
)
def test_invalid_entries_are_refused(kind, asset, postings, message):
    with pytest.raises(LedgerEntryInvalid, match=message):
        ledger.entry(kind, asset, postings, reference="r", idempotency_key="k")


def test_constructors_refuse_amounts_that_are_not_positive_integers():
    for amount in (0, -5, 1.5, True):
        with pytest.raises(LedgerEntryInvalid):
            ledger.commission_earned(P, "CNY", amount, commission_id=1)
    with pytest.raises(LedgerEntryInvalid, match="pending, available or wallet"):
        ledger.commission_reversed(P, "CNY", 5, reversal_id=1, source=A.paid)
    with pytest.raises(LedgerEntryInvalid, match="withheld"):
        ledger.payout_failed(P, "CNY", 5, line_id=1, withheld=-1)


def test_accounts_read_like_the_chart():
    assert str(partner(7, A.in_batch)) == "partner:7:in_batch"
    assert str(merchant(A.commission_expense)) == "merchant:commission_expense"
    assert str(merchant(A.withholding_tax, 7)) == "merchant:withholding_tax[partner 7]"


def test_the_content_hash_ignores_posting_order_and_memo_but_not_amounts():
    a = ledger.commission_earned(P, "CNY", 100, commission_id=1, memo="first")
    b = ledger.Entry(a.kind, a.asset, tuple(reversed(a.postings)), a.reference, a.idempotency_key, "other")
    c = ledger.commission_earned(P, "CNY", 101, commission_id=1)
    assert a.content_hash() == b.content_hash() != c.content_hash()
