"""The finance console in process (no browser): every page renders and stays in its merchant; bad
input answered next to the field or in the list of file problems with nothing changed; the batch
steps recorded in the audit log as the signed-in staff account; a points batch; the reconciliation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from accounts.service import audit
from payouts.models import PayoutBatch
from payouts.service import batch_queries, batches, finance_views
from payouts.service.sql import execute, rows, utc
from tests.factories.batches import make_commission, make_payee
from tests.factories.merchants import make_merchant
from tests.factories.payouts import LedgerClock, past_the_balance_check
from tests.pages.conftest import client_as_staff, csrf_of, hidden_fields, make_staff

pytestmark = pytest.mark.usefixtures("database_url")


async def _finance(client, merchant_id: int):
    staff = await make_staff(merchant_id, "finance")
    await client_as_staff(client, staff)
    return staff


async def _draft(client, cutoff: str = "2026-11-01", asset: str = "CNY") -> int:
    html = (await client.get("/finance/batches")).text
    answer = await client.post("/finance/batches", data={"csrf_token": csrf_of(html), "asset": asset, "cutoff": cutoff})
    assert answer.status_code == 303, answer.text[-1500:]
    return int(answer.headers["location"].rsplit("/", 1)[1])


async def _approve(client, batch_id: int, **data):
    """Confirm on the approval page: posts the figures it shows (its hidden fields)."""
    html = (await client.get(f"/finance/batches/{batch_id}/approve")).text
    shown = hidden_fields(html)
    return await client.post(f"/finance/batches/{batch_id}/approve", data=shown | data)


async def _post(client, path: str, **data):
    html = (await client.get("/finance/batches")).text
    return await client.post(path, data={"csrf_token": csrf_of(html), **data})


async def test_every_finance_page_renders_and_stays_in_its_merchant(client):
    m, other = await make_merchant(), await make_merchant()
    alice = await make_payee(m.id, display_name="Alice Chen")
    await make_commission(m.id, alice.id, 12000)
    bruno = await make_payee(m.id, display_name="Bruno Li")
    await make_commission(m.id, bruno.id, 8000)
    stranger = await make_payee(other.id)
    await make_commission(other.id, stranger.id, 9000)
    await _finance(client, m.id)
    batch_id = await _draft(client)
    for path in ("/finance/", "/finance/batches", "/finance/batches?before=x", f"/finance/batches/{batch_id}",
                 f"/finance/batches/{batch_id}?status=payable&after=1",
                 f"/finance/batches/{batch_id}/approve", "/finance/ledger", f"/finance/ledger/partners/{alice.id}",
                 f"/finance/ledger/partners/{alice.id}?asset=PTS&offset=100",
                 f"/finance/ledger/partners/{alice.id}?offset=²", "/finance/batches?before=²"):
        answer = await client.get(path)
        assert answer.status_code == 200, (path, answer.text[-2000:])
    first, second = (await batch_queries.batch_lines(m.id, batch_id)).items
    after_first = (await client.get(f"/finance/batches/{batch_id}?after={first.id}")).text  # the keyset cursor
    assert f"/finance/ledger/partners/{first.partner_id}?" not in after_first
    assert f"/finance/ledger/partners/{second.partner_id}?" in after_first
    lines_page = (await client.get(f"/finance/batches/{batch_id}")).text
    assert f'href="/finance/ledger/partners/{alice.id}?asset=CNY"' in lines_page  # each line links its statement
    chinese = (await client.get(f"/finance/batches/{batch_id}", headers={"accept-language": "zh-CN"})).text
    assert "结算批次" in chinese and "草稿" in chinese

    others = await batch_queries.list_batches(other.id)
    assert others.items == []
    theirs, _ = await batches.create_batch(other.id, "CNY", datetime(2026, 11, 1, tzinfo=UTC), created_by="test")
    assert (await client.get(f"/finance/batches/{theirs.id}")).status_code == 404
    assert (await client.get(f"/finance/ledger/partners/{stranger.id}")).status_code == 404
    for step in ("approve", "discard", "close", "export"):
        assert (await _post(client, f"/finance/batches/{theirs.id}/{step}")).status_code == 404, step
    assert (await batch_queries.get_batch(other.id, theirs.id)).status == "draft"
    answer = await client.post(f"/finance/batches/{batch_id}/approve", data={"csrf_token": "wrong"})
    assert answer.status_code == 403
    assert (await batch_queries.get_batch(m.id, batch_id)).status == "draft"
    assert (await client.get(f"/finance/ledger/find?partner={stranger.code}")).status_code == 404
    assert (await client.get("/finance/ledger/find?partner=²")).status_code == 404  # not an id, no such code
    assert (await client.get(f"/finance/ledger/find?partner={alice.code}")).headers["location"].endswith(
        f"/finance/ledger/partners/{alice.id}"
    )


async def test_a_bad_cutoff_or_asset_is_answered_next_to_the_field_and_the_same_cutoff_gives_the_same_batch(client):
    m = await make_merchant()
    await _finance(client, m.id)
    answer = await _post(client, "/finance/batches", asset="CNY", cutoff="31/10/2026")
    assert answer.status_code == 422 and 'id="e-cutoff"' in answer.text
    answer = await _post(client, "/finance/batches", asset="USD", cutoff="2026-11-01")
    assert answer.status_code == 422 and 'id="e-asset"' in answer.text
    assert not await PayoutBatch.filter(merchant_id=m.id).exists()
    first = await _draft(client)
    assert await _draft(client) == first
    batch = await batch_queries.get_batch(m.id, first)
    assert batch.cutoff.isoformat() == "2026-10-31T16:00:00+00:00"  # 1 November, 00:00 in Shanghai


async def test_a_bad_result_file_changes_nothing_and_a_batch_with_open_lines_does_not_close(client):
    m = await make_merchant()
    alice = await make_payee(m.id)
    await make_commission(m.id, alice.id, 12000)
    staff = await _finance(client, m.id)
    batch_id = await _draft(client)
    assert (await _approve(client, batch_id)).status_code == 303
    (line,) = (await batch_queries.batch_lines(m.id, batch_id)).items
    files = {"results": ("results.csv", f"reference,status,reason\r\n{line.reference},paid,\r\nB{batch_id}-999999,failed,x\r\n")}
    html = (await client.get(f"/finance/batches/{batch_id}")).text
    answer = await client.post(f"/finance/batches/{batch_id}/results", data={"csrf_token": csrf_of(html)}, files=files)
    assert answer.status_code == 422 and 'id="import-errors"' in answer.text and "Row 3: Reference B" in answer.text
    answer = await client.post(
        f"/finance/batches/{batch_id}/results", data={"csrf_token": csrf_of(html)},
        files={"results": ("results.csv", b"reference,status,reason\r\n\xff\xfe,paid,\r\n")},
    )
    assert answer.status_code == 422 and "UTF-8" in answer.text
    answer = await client.post(f"/finance/batches/{batch_id}/results", data={"csrf_token": csrf_of(html)})
    assert answer.status_code == 422 and "Choose the result file first." in answer.text
    assert (await batch_queries.batch_lines(m.id, batch_id)).items[0].status == "open"

    answer = await _post(client, f"/finance/batches/{batch_id}/close")
    assert answer.status_code == 303
    assert "1 line is still open" in (await client.get(f"/finance/batches/{batch_id}")).text
    assert (await batch_queries.get_batch(m.id, batch_id)).status == "approved"

    files = {"results": ("results.csv", f"\ufeffreference,status,reason\r\n{line.reference},paid,\r\n".encode())}
    answer = await client.post(f"/finance/batches/{batch_id}/results", data={"csrf_token": csrf_of(html)}, files=files)
    assert answer.status_code == 303
    assert (await _post(client, f"/finance/batches/{batch_id}/close")).status_code == 303
    assert (await batch_queries.get_batch(m.id, batch_id)).status == "closed"
    entries = (await audit.list_entries(m.id, subject_type="payout_batch", subject_id=str(batch_id))).items
    assert {e.action for e in entries} == {
        "payout_batch.create", "payout_batch.approve", "payout_batch.import_results", "payout_batch.close",
    }
    assert {(e.actor.kind, e.actor.id, e.actor.role) for e in entries} == {("staff", str(staff.id), "finance")}


async def test_a_points_batch_is_credited_and_closed_at_approval(client):
    m = await make_merchant()
    alice = await make_payee(m.id)
    await make_commission(m.id, alice.id, 900, asset="PTS")
    await _finance(client, m.id)
    batch_id = await _draft(client, asset="PTS")
    page = (await client.get(f"/finance/batches/{batch_id}/approve")).text
    assert "credited to the wallets at once" in page
    assert (await _approve(client, batch_id)).status_code == 303
    page = (await client.get(f"/finance/batches/{batch_id}")).text
    assert 'id="batch-status">Closed' in page and 'id="export"' not in page and 'id="results-form"' not in page


async def test_commissions_a_reversal_and_a_pending_commission_tie_out_in_the_reconciliation():
    m = await make_merchant()
    alice = await make_payee(m.id)
    first = await make_commission(m.id, alice.id, 12000)
    await make_commission(m.id, alice.id, 8050)
    await make_commission(m.id, alice.id, -2050, reversal_of=first.id)
    await make_commission(m.id, alice.id, 5000, status="pending", available_at=None)
    await make_commission(m.id, alice.id, 300, asset="PTS")
    summary = await finance_views.reconciliation(m.id)
    assert summary.sound and summary.unbalanced_count == 0
    cny = next(a for a in summary.assets if a.asset == "CNY")
    assert (cny.earned, cny.owed, cny.difference) == (25050, 23000, 0)


async def test_the_reconciliation_sums_the_settled_ledger_once_then_adds_what_settles_and_what_is_new(
    client, monkeypatch
):
    clock = LedgerClock(monkeypatch)
    m = await make_merchant()
    alice = await make_payee(m.id)
    await make_commission(m.id, alice.id, 12000)
    await make_commission(m.id, alice.id, 3000, status="pending", available_at=None)
    clock.settle()
    two_hours_ago = utc(clock.now() - timedelta(hours=2))
    assert (await finance_views.checkpoint(m.id)).through_id == 0  # nothing stored yet
    first = await finance_views.reconciliation(m.id)
    settled = await finance_views.checkpoint(m.id)  # stored in the database, not in this process
    assert settled.through_id > 0 and settled.sums[("CNY", "pending")] == 3000

    await make_commission(m.id, alice.id, 500)  # recent: summed afresh, not kept
    second = await finance_views.reconciliation(m.id)
    assert await finance_views.checkpoint(m.id) == settled
    (cny,) = second.assets
    assert (first.assets[0].earned, cny.earned, cny.owed, cny.difference) == (15000, 15500, 15500, 0)
    assert cny.accounts == {"available": 12500, "commission_expense": -15500, "pending": 3000}

    # A broken transaction written behind the ledger's back, settled: found, and kept found.
    async with past_the_balance_check():  # as a ledger written before PostgreSQL checked may hold
        (broken,) = await rows(
            "INSERT INTO ledger_transaction (merchant_id, kind, asset, reference, idempotency_key, content_hash,"
            " memo, created_at) VALUES (?, 'commission_earned', 'CNY', 'x', 'broken', 'x', '', ?) RETURNING id",
            [m.id, two_hours_ago],
        )
        await execute(
            "INSERT INTO ledger_posting (merchant_id, transaction_id, account, partner_id, asset, amount_minor)"
            " VALUES (?, ?, 'pending', ?, 'CNY', 100)",
            [m.id, broken["id"], alice.id],
        )
    for _ in range(2):
        third = await finance_views.reconciliation(m.id)
        stored = await finance_views.checkpoint(m.id)
        assert (stored.through_id, stored.unbalanced) == (broken["id"], (broken["id"],))
        assert (third.unbalanced, third.unbalanced_count, third.sound) == ([broken["id"]], 1, False)
        assert third.assets[0].difference == -100
    await _finance(client, m.id)
    page = (await client.get("/finance/ledger")).text
    assert "Does not tie out" in page and f"Audit: 1 unbalanced transaction ({broken['id']})." in page


async def test_approving_figures_that_changed_shows_the_new_ones_and_approves_nothing(client):
    m = await make_merchant()
    alice = await make_payee(m.id)
    earned = await make_commission(m.id, alice.id, 12000)
    await _finance(client, m.id)
    batch_id = await _draft(client)
    html = (await client.get(f"/finance/batches/{batch_id}/approve")).text
    shown = hidden_fields(html)
    assert {k: shown[k] for k in ("asset", "lines", "gross_minor", "net_minor")} == {
        "asset": "CNY", "lines": "1", "gross_minor": "12000", "net_minor": "12000",
    }
    await make_commission(m.id, alice.id, -2500, reversal_of=earned.id)

    refused = await client.post(f"/finance/batches/{batch_id}/approve", data=shown)
    assert refused.status_code == 409
    assert "Nothing was approved" in refused.text and "It now pays ¥95.00 to 1 partner" in refused.text
    assert 'name="net_minor" value="9500"' in refused.text
    assert (await batch_queries.get_batch(m.id, batch_id)).status == "draft"
    missing = await client.post(f"/finance/batches/{batch_id}/approve", data={"csrf_token": shown["csrf_token"]})
    assert missing.status_code == 303 and missing.headers["location"].endswith(f"/{batch_id}/approve")
    assert (await batch_queries.get_batch(m.id, batch_id)).status == "draft"
    now_shown = hidden_fields(refused.text)
    assert (await client.post(f"/finance/batches/{batch_id}/approve", data=now_shown)).status_code == 303
    assert (await batch_queries.get_batch(m.id, batch_id)).totals.payout.net_minor == 9500
