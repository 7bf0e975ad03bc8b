"""The ledger checkpoint (`payouts.service.finance_views`): the settled part of a merchant's
ledger summed once and kept in the database; the stored sums plus the tail are always the whole
ledger, a later read does not sum the settled part again, and processes racing to move the
checkpoint add each settled transaction once."""

from __future__ import annotations

import asyncio
import contextvars
from datetime import UTC, datetime

import pytest

from core.sql import MAX_BIGINT
from payouts.ledger import AccountKind
from payouts.service import batch_queries, batches, finance_views, lines
from payouts.service.sql import execute, rows
from tests.factories.batches import make_commission, make_payee
from tests.factories.merchants import make_merchant
from tests.factories.payouts import LedgerClock

pytestmark = pytest.mark.usefixtures("database_url")


@pytest.fixture
def clock(monkeypatch) -> LedgerClock:
    return LedgerClock(monkeypatch)


async def _full_sums(merchant_id: int) -> dict[tuple[str, str], int]:
    found = await rows(
        "SELECT asset, account, SUM(amount_minor) AS total FROM ledger_posting WHERE merchant_id = ?"
        " GROUP BY asset, account", [merchant_id],
    )
    return {(row["asset"], row["account"]): int(row["total"]) for row in found}


async def test_a_stored_checkpoint_plus_the_tail_is_the_whole_ledger_summed_at_every_step(clock):
    m, other = await make_merchant(), await make_merchant()
    alice, bob = await make_payee(m.id), await make_payee(other.id)
    await make_commission(other.id, bob.id, 777)  # another merchant's ledger: never in m's sums
    for step, (amount, asset) in enumerate([(12000, "CNY"), (2500, "CNY"), (300, "PTS"), (4100, "CNY")]):
        await make_commission(m.id, alice.id, amount, asset=asset)
        if step % 2 == 0:  # every other step, what is there settles
            clock.settle()
        summary = await finance_views.reconciliation(m.id)
        stored = await finance_views.checkpoint(m.id)
        tail = await finance_views._sums(m.id, stored.through_id, MAX_BIGINT)
        whole = await _full_sums(m.id)
        assert finance_views._add(stored.sums, tail) == whole
        assert {(a.asset, k): v for a in summary.assets for k, v in a.accounts.items()} == whole
        assert summary.sound
    assert stored.through_id > 0 and tail  # both parts were exercised at the end


async def test_a_fresh_process_reads_the_stored_checkpoint_instead_of_summing_the_settled_ledger_again(clock):
    m = await make_merchant()
    alice = await make_payee(m.id)
    await make_commission(m.id, alice.id, 12000)
    clock.settle()
    await finance_views.reconciliation(m.id)
    # Nothing is kept in this process: if the settled postings were summed again, these two
    # (balanced, added to the settled transaction behind the ledger's back, for the test only)
    # would show. The stored sums answer.
    (settled,) = await rows("SELECT MAX(id) AS id FROM ledger_transaction WHERE merchant_id = ?", [m.id])
    await execute(
        "INSERT INTO ledger_posting (merchant_id, transaction_id, account, partner_id, asset, amount_minor)"
        " VALUES (?, ?, 'available', ?, 'CNY', 12000), (?, ?, 'commission_expense', ?, 'CNY', -12000)",
        [m.id, settled["id"], alice.id] * 2,
    )
    (cny,) = (await finance_views.reconciliation(m.id)).assets
    assert (cny.earned, cny.balance(AccountKind.available)) == (12000, 12000)
    whole = await _full_sums(m.id)
    assert (whole[("CNY", "available")], whole[("CNY", "commission_expense")]) == (24000, -24000)


async def test_processes_racing_to_move_the_checkpoint_add_each_settled_transaction_once(dialect, clock):
    if dialect != "postgres":
        pytest.skip("concurrency needs PostgreSQL: SQLite has one writer")
    m = await make_merchant()
    alice = await make_payee(m.id)
    for round_ in range(2):  # the first move inserts the sums, the second adds to them
        for amount in (12000, 2500, 4100):
            await make_commission(m.id, alice.id, amount + round_)
        clock.settle()
        await asyncio.gather(*(finance_views.settled_ledger(m.id) for _ in range(8)))
        stored = await finance_views.checkpoint(m.id)
        assert stored.sums == await _full_sums(m.id)
    assert stored.sums[("CNY", "commission_expense")] == -(2 * (12000 + 2500 + 4100) + 3)


async def test_a_result_import_committing_while_the_reconciliation_reads_does_not_untie_it(dialect, monkeypatch):
    """The import moves in_batch -> paid in the ledger and the line open -> paid in one
    transaction; committed between the reconciliation's read of the ledger and its read of the
    lines, it must be seen by both reads or by neither."""
    if dialect != "postgres":
        pytest.skip("needs a second connection committing mid-read: PostgreSQL")
    m = await make_merchant()
    alice = await make_payee(m.id)
    await make_commission(m.id, alice.id, 12000)
    batch, _ = await batches.create_batch(m.id, "CNY", datetime(2026, 11, 1, tzinfo=UTC), created_by="test")
    await batches.approve_batch(m.id, batch.id, approved_by="test", expected=None)
    (line,) = (await batch_queries.batch_lines(m.id, batch.id)).items
    outside = contextvars.copy_context()  # no transaction open in it: the import commits on its own
    audit = finance_views.unbalanced_transactions  # read between the ledger's tail and the lines

    async def audit_then_import(*args, **kwargs):
        found = await audit(*args, **kwargs)
        monkeypatch.setattr(finance_views, "unbalanced_transactions", audit)
        results = f"reference,status,reason\r\n{line.reference},paid,\r\n"
        await asyncio.get_running_loop().create_task(lines.import_results(m.id, batch.id, results), context=outside)
        return found

    monkeypatch.setattr(finance_views, "unbalanced_transactions", audit_then_import)
    (during,) = (await finance_views.reconciliation(m.id)).assets
    (after,) = (await finance_views.reconciliation(m.id)).assets
    before_import, after_import = (12000, 0, 12000, 0), (0, 12000, 0, 12000)
    state = (during.balance(AccountKind.in_batch), during.balance(AccountKind.paid), during.open_lines_net,
             during.paid_lines_net)
    assert state in (before_import, after_import) and during.ties_out
    assert (after.balance(AccountKind.in_batch), after.balance(AccountKind.paid), after.open_lines_net,
            after.paid_lines_net) == after_import and after.ties_out
