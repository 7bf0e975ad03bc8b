"""The posting service on the real database: balanced or nothing, idempotent, append-only, per merchant."""

from __future__ import annotations

import asyncio
import logging

import pytest
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from core.time import now
from payouts import ledger
from payouts.errors import IdempotencyConflict, LedgerAppendOnly, LedgerEntryInvalid, UnbalancedEntry
from payouts.ledger import AccountKind as A
from payouts.ledger import merchant, partner
from payouts.models import LedgerPosting, LedgerTransaction
from payouts.service.postings import (
    Balances,
    balances_by_partner,
    partner_balances,
    post,
    post_many,
    statement,
    statement_page,
    unbalanced_transactions,
)
from payouts.service.sql import execute, rows
from tests.factories.merchants import make_merchant
from tests.factories.payouts import earn, past_the_balance_check, reference
from tests.factories.referral import make_partner

pytestmark = pytest.mark.usefixtures("database_url")  # the real database, migrated


async def written(merchant_id: int) -> tuple[int, int]:
    return (await LedgerTransaction.filter(merchant_id=merchant_id).count(),
            await LedgerPosting.filter(merchant_id=merchant_id).count())


async def test_a_posted_entry_is_stored_with_postings_that_sum_to_zero():
    m = await make_merchant()
    p = await make_partner(m.id)
    tid = await post(m.id, "commission_earned", "CNY",
                     [(merchant(A.commission_expense, p.id), -1250), (partner(p.id, A.pending), 1250)],
                     reference="c-1", idempotency_key="earn:c-1", memo="order 1001")
    stored = await LedgerTransaction.get(id=tid)
    assert (stored.merchant_id, stored.kind, stored.asset, stored.reference, stored.memo) == (
        m.id, "commission_earned", "CNY", "c-1", "order 1001")
    legs = await LedgerPosting.filter(transaction_id=tid).order_by("id").values_list(
        "merchant_id", "account", "partner_id", "asset", "amount_minor")
    assert legs == [(m.id, "commission_expense", p.id, "CNY", -1250), (m.id, "pending", p.id, "CNY", 1250)]
    assert await unbalanced_transactions(m.id) == []


async def test_an_unbalanced_entry_is_refused_and_nothing_is_written():
    m = await make_merchant()
    with pytest.raises(UnbalancedEntry):
        await post(m.id, "commission_earned", "CNY",
                   [(merchant(A.commission_expense, 1), -1250), (partner(1, A.pending), 1249)],
                   reference="c-1", idempotency_key="earn:c-1")
    good = ledger.commission_earned(1, "CNY", 100, commission_id="c-2")
    bad = ledger.Entry(good.kind, good.asset, good.postings[:1] + (ledger.Posting(partner(1, A.pending), 99),),
                       "c-3", "earn:c-3")
    with pytest.raises(UnbalancedEntry):
        await post_many(m.id, [good, bad])  # the good one is not written either
    assert await written(m.id) == (0, 0)


async def test_replaying_an_idempotency_key_returns_the_same_id_and_writes_nothing_more():
    m = await make_merchant()
    e = ledger.commission_earned(5, "CNY", 1000, commission_id="c-1")
    first = await post_many(m.id, [e])
    again = await post(m.id, e.kind, e.asset, e.postings, reference=e.reference,
                       idempotency_key=e.idempotency_key, memo="a retried job")
    assert again == first[0]
    ids = await post_many(m.id, [e, e, ledger.commission_available(5, "CNY", 1000, commission_id="c-1")])
    assert ids[:2] == [first[0], first[0]] and ids[2] > first[0]
    assert await written(m.id) == (2, 4)
    assert (await partner_balances(m.id, 5))["CNY"].available == 1000


async def test_reusing_a_key_for_a_different_entry_is_a_conflict_and_writes_nothing():
    m = await make_merchant()
    await post_many(m.id, [ledger.commission_earned(5, "CNY", 1000, commission_id="c-1")])
    with pytest.raises(IdempotencyConflict) as caught:
        await post_many(m.id, [ledger.commission_earned(6, "CNY", 10, commission_id="c-9"),
                               ledger.commission_earned(5, "CNY", 999, commission_id="c-1")])
    assert caught.value.status == 409
    with pytest.raises(IdempotencyConflict):  # the same key twice in one call, with different content
        await post_many(m.id, [ledger.commission_earned(7, "CNY", 1, commission_id="c-2"),
                               ledger.commission_earned(7, "CNY", 2, commission_id="c-2")])
    assert await written(m.id) == (1, 2)


async def test_the_same_key_belongs_to_each_merchant_separately():
    a, b = await make_merchant(), await make_merchant()
    e = ledger.commission_earned(5, "CNY", 1000, commission_id="c-1")
    (in_a,), (in_b,) = await post_many(a.id, [e]), await post_many(b.id, [e])
    assert in_a != in_b
    assert await written(b.id) == (1, 2)


async def test_posting_inside_a_callers_transaction_commits_or_rolls_back_with_it():
    m = await make_merchant()

    class Abort(Exception):
        pass

    with pytest.raises(Abort):
        async with in_transaction():
            await post_many(m.id, [ledger.commission_earned(5, "CNY", 100, commission_id="c-1")])
            assert (await partner_balances(m.id, 5))["CNY"].pending == 100  # visible inside
            raise Abort
    assert await written(m.id) == (0, 0)

    async with in_transaction():
        await post_many(m.id, [ledger.commission_earned(5, "CNY", 100, commission_id="c-2")])
        with pytest.raises(UnbalancedEntry):  # a refused post leaves the caller's work intact
            await post(m.id, "payout", "CNY", [(partner(5, A.available), -1), (partner(5, A.in_batch), 2)],
                       reference="l-1", idempotency_key="payout:l-1")
        with pytest.raises(IdempotencyConflict):  # refused after its savepoint began: rolled back to it
            await post_many(m.id, [ledger.commission_earned(6, "CNY", 7, commission_id="c-3"),
                                   ledger.commission_earned(5, "CNY", 999, commission_id="c-2")])
    assert await written(m.id) == (1, 2)


async def test_thousands_of_entries_are_written_with_a_handful_of_inserts(caplog):
    m = await make_merchant()
    entries = [ledger.commission_earned(n % 50 + 1, "CNY", n, commission_id=f"c-{n}") for n in range(1, 1201)]
    with caplog.at_level(logging.DEBUG, logger="tortoise.db_client"):
        ids = await post_many(m.id, entries)
    inserts = [r for r in caplog.records if r.getMessage().lstrip().upper().startswith("INSERT")]
    assert len(inserts) == 3 + 3  # 1,200 entries: 3 x 500; 2,400 postings: 3 per chunk of <= 1,000
    assert len(set(ids)) == 1200 and ids == sorted(ids)
    assert await written(m.id) == (1200, 2400)
    assert sum(b.pending for b in (await balances_by_partner(m.id, "CNY")).values()) == 1200 * 1201 // 2
    assert await unbalanced_transactions(m.id) == []


async def test_the_ledger_is_append_only_through_the_orm():
    m = await make_merchant()
    (tid,) = await post_many(m.id, [ledger.commission_earned(5, "CNY", 100, commission_id="c-1")])
    row = await LedgerTransaction.get(id=tid)
    row.memo = "edited"
    with pytest.raises(LedgerAppendOnly):
        await row.save()
    with pytest.raises(LedgerAppendOnly):
        await row.delete()
    with pytest.raises(LedgerAppendOnly):
        await LedgerTransaction(id=tid, merchant_id=m.id, kind="payout", asset="CNY", reference="x",
                                idempotency_key="x", content_hash="-").save(force_update=True)
    with pytest.raises(LedgerAppendOnly):
        await LedgerPosting.filter(transaction_id=tid).update(amount_minor=1)
    with pytest.raises(LedgerAppendOnly):
        await LedgerPosting.filter(transaction_id=tid).delete()
    assert (await LedgerTransaction.get(id=tid)).memo == ""


async def test_the_database_refuses_to_update_or_delete_ledger_rows_whoever_asks():
    m = await make_merchant()
    (tid,) = await post_many(m.id, [ledger.commission_earned(5, "CNY", 100, commission_id="c-1")])
    for statement_text in (
        "UPDATE ledger_transaction SET memo = 'edited' WHERE merchant_id = ? AND id = ?",
        "UPDATE ledger_posting SET amount_minor = 1 WHERE merchant_id = ? AND transaction_id = ?",
        "DELETE FROM ledger_posting WHERE merchant_id = ? AND transaction_id = ?",
        "DELETE FROM ledger_transaction WHERE merchant_id = ? AND id = ?",
    ):
        with pytest.raises(IntegrityError, match="never changed"):
            await execute(statement_text, [m.id, tid])
    assert (await LedgerTransaction.get(id=tid)).memo == ""
    assert await written(m.id) == (1, 2)
    assert (await partner_balances(m.id, 5))["CNY"].pending == 100


async def test_postgres_refuses_at_commit_a_transaction_whose_postings_do_not_sum_to_zero(dialect):
    if dialect != "postgres":
        pytest.skip("a deferred constraint trigger: PostgreSQL (SQLite has none; the service checks)")
    m = await make_merchant()

    async def write(*amounts: tuple[str, int]) -> None:
        async with in_transaction():
            (row,) = await rows(
                "INSERT INTO ledger_transaction (merchant_id, kind, asset, reference, idempotency_key, content_hash,"
                " memo, created_at) VALUES (?, 'payout', 'CNY', 'r', ?, '-', '', ?) RETURNING id",
                [m.id, reference("key"), now()],
            )
            for asset, amount in amounts:  # one statement each: the check waits for the COMMIT
                await execute(
                    "INSERT INTO ledger_posting (merchant_id, transaction_id, account, partner_id, asset,"
                    " amount_minor) VALUES (?, ?, 'available', 5, ?, ?)", [m.id, row["id"], asset, amount],
                )

    await write(("CNY", -100), ("CNY", 100))  # balanced across two statements: accepted
    for unbalanced in ((("CNY", -100), ("CNY", 99)), (("CNY", -100), ("USD", 100))):
        with pytest.raises(Exception, match="does not sum to zero per asset") as refused:
            await write(*unbalanced)
        assert refused.value.sqlstate == "23514"  # check_violation, raised by the COMMIT
    assert await written(m.id) == (1, 2)
    assert await unbalanced_transactions(m.id) == []


async def test_the_audit_finds_transactions_written_around_the_service():
    m = await make_merchant()
    (good,) = await post_many(m.id, [ledger.commission_earned(5, "CNY", 100, commission_id="c-1")])
    async with past_the_balance_check():  # as an older ledger may hold
        lonely = await LedgerTransaction.create(merchant_id=m.id, kind="payout", asset="CNY", reference="x",
                                                idempotency_key="x", content_hash="-")
        skewed = await LedgerTransaction.create(merchant_id=m.id, kind="payout", asset="CNY", reference="y",
                                                idempotency_key="y", content_hash="-")
        await LedgerPosting.create(merchant_id=m.id, transaction_id=skewed.id, account="available",
                                   partner_id=5, asset="CNY", amount_minor=-100)
        await LedgerPosting.create(merchant_id=m.id, transaction_id=skewed.id, account="in_batch",
                                   partner_id=5, asset="CNY", amount_minor=99)
        other_asset = await LedgerTransaction.create(merchant_id=m.id, kind="payout", asset="CNY", reference="z",
                                                     idempotency_key="z", content_hash="-")
        await LedgerPosting.create(merchant_id=m.id, transaction_id=other_asset.id, account="available",
                                   partner_id=5, asset="CNY", amount_minor=-100)
        await LedgerPosting.create(merchant_id=m.id, transaction_id=other_asset.id, account="in_batch",
                                   partner_id=5, asset="USD", amount_minor=100)
    assert await unbalanced_transactions(m.id) == [lonely.id, skewed.id, other_asset.id]
    assert good not in await unbalanced_transactions(m.id)


async def test_invalid_entries_are_refused_before_the_database():
    m = await make_merchant()
    with pytest.raises(LedgerEntryInvalid, match="moves points"):
        await post(m.id, "points_credit", "CNY", [(partner(1, A.available), -1), (partner(1, A.wallet), 1)],
                   reference="r", idempotency_key="k")
    with pytest.raises(LedgerEntryInvalid, match="idempotency_key"):
        await post(m.id, "payout", "CNY", [(partner(1, A.available), -1), (partner(1, A.in_batch), 1)],
                   reference="r", idempotency_key="")
    assert await written(m.id) == (0, 0)


async def test_merchant_a_never_sees_merchant_bs_postings():
    a, b = await make_merchant(), await make_merchant()
    pa = await make_partner(a.id)
    await earn(a.id, pa.id, 700, available=True)
    # The same partner id under merchant B (ids are global, but suppose a bug or an import reused it).
    await earn(b.id, pa.id, 100_000, available=True)
    await post_many(b.id, [ledger.commission_earned(pa.id, "USD", 5, commission_id=reference())])
    assert await partner_balances(a.id, pa.id) == {"CNY": Balances(earned=700, available=700)}
    assert await balances_by_partner(a.id, "CNY") == {pa.id: Balances(earned=700, available=700)}
    assert await balances_by_partner(a.id, "USD") == {}
    assert await unbalanced_transactions(a.id) == []


async def test_concurrent_posts_of_one_key_write_it_once():
    m = await make_merchant()
    e = ledger.commission_earned(5, "CNY", 100, commission_id="c-1")
    results = await asyncio.gather(*(post_many(m.id, [e]) for _ in range(4)))
    assert len({ids[0] for ids in results}) == 1
    assert await written(m.id) == (1, 2)


async def test_the_database_itself_refuses_a_duplicate_key_and_a_posting_without_its_transaction():
    m = await make_merchant()
    await post_many(m.id, [ledger.commission_earned(5, "CNY", 100, commission_id="c-1")])
    with pytest.raises(IntegrityError):
        await LedgerTransaction.create(merchant_id=m.id, kind="payout", asset="CNY", reference="x",
                                       idempotency_key="commission_earned:c-1", content_hash="-")
    with pytest.raises(IntegrityError):
        await LedgerPosting.create(merchant_id=m.id, transaction_id=2**62, account="available",
                                   partner_id=5, asset="CNY", amount_minor=1)
    assert await written(m.id) == (1, 2)


async def test_a_statement_is_the_partners_postings_with_running_balances_and_its_pages_cut_it_exactly():
    m = await make_merchant()
    alice, bob = (await make_partner(m.id)).id, (await make_partner(m.id)).id
    await post_many(m.id, [
        ledger.commission_earned(alice, "CNY", 12000, commission_id="C1"),
        ledger.commission_earned(bob, "CNY", 999, commission_id="C9"),  # another partner's
        ledger.commission_available(alice, "CNY", 12000, commission_id="C1"),
        ledger.commission_earned(alice, "CNY", 8050, commission_id="C2"),
        ledger.commission_reversed(alice, "CNY", 2050, reversal_id="R1", source=A.available),
        ledger.commission_earned(alice, "PTS", 300, commission_id="C3"),  # another asset
    ])
    whole = await statement(m.id, alice, "cny")
    assert [(line.reference, line.account, line.amount, line.balance) for line in whole] == [
        ("C1", A.pending, 12000, 12000),
        ("C1", A.pending, -12000, 0),
        ("C1", A.available, 12000, 12000),
        ("C2", A.pending, 8050, 8050),
        ("R1", A.available, -2050, 9950),
        ("R1", A.reversed, 2050, 2050),
    ]
    pages = [await statement_page(m.id, alice, "CNY", limit=4, offset=offset) for offset in (0, 4, 8)]
    assert [len(page.lines) for page in pages] == [4, 2, 0] and {page.total for page in pages} == {6}
    assert pages[0].lines + pages[1].lines == whole
    assert [(line.reference, line.balance) for line in await statement(m.id, alice, "PTS")] == [("C3", 300)]
