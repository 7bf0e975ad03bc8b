"""The bank's result file: all or nothing, and importing it twice changes nothing the second time."""

from __future__ import annotations

import pytest

from payouts.models import LedgerTransaction
from payouts.service.postings import unbalanced_transactions
from tests.factories.batches import approve, by_partner, create, get, make_commission, make_payee
from tests.factories.merchants import make_merchant

pytestmark = pytest.mark.usefixtures("database_url")


async def approved_batch(client, m, amounts: list[int]) -> tuple[int, list[dict]]:
    partners = [await make_payee(m.id) for _ in amounts]
    for partner, amount in zip(partners, amounts, strict=True):
        await make_commission(m.id, partner.id, amount)
    batch = await approve(client, m, (await create(client, m))["id"])
    lines = by_partner(await get(client, m, batch["id"]))
    return batch["id"], [lines[p.id] for p in partners]


async def post_results(client, m, batch_id: int, text: str):
    return await client.post(f"/api/v1/payout-batches/{batch_id}/results", content=text, headers=m.auth("finance"))


async def snapshot(client, m, batch_id: int) -> tuple:
    lines = (await get(client, m, batch_id))["lines"]
    ledger_rows = await LedgerTransaction.filter(merchant_id=m.id).count()
    return sorted((line["id"], line["status"], line["reason"], line["settled_at"]) for line in lines), ledger_rows


async def test_importing_the_same_result_file_twice_changes_nothing_the_second_time(client):
    m = await make_merchant()
    batch_id, (one, two, three) = await approved_batch(client, m, [10000, 20000, 30000])
    text = (
        "\ufeffReference,Status,Reason\r\n"
        f"{one['reference']},paid,\r\n{two['reference']},PAID,\r\n{three['reference']},failed,name mismatch\r\n"
    )
    first = await post_results(client, m, batch_id, text)
    assert first.status_code == 200, first.text
    assert (first.json()["paid"], first.json()["failed"], first.json()["unchanged"]) == (2, 1, 0)
    after_first = await snapshot(client, m, batch_id)

    second = await post_results(client, m, batch_id, text)
    assert (second.json()["paid"], second.json()["failed"], second.json()["unchanged"]) == (0, 0, 3)
    assert await snapshot(client, m, batch_id) == after_first
    assert first.json()["batch"]["totals"]["by_status"] == second.json()["batch"]["totals"]["by_status"]
    assert await unbalanced_transactions(m.id) == []


async def test_a_result_file_is_all_or_nothing(client):
    m = await make_merchant()
    batch_id, (one, two) = await approved_batch(client, m, [10000, 20000])
    before = await snapshot(client, m, batch_id)

    unknown = await post_results(client, m, batch_id, f"reference,status,reason\n{one['reference']},paid,\nB999-1,paid,\n")
    assert unknown.status_code == 422
    assert unknown.json()["errors"] == [{
        "field": "row 3", "message": f"reference 'B999-1' is not in batch {batch_id}", "code": "not_in_batch",
        "row": 3, "reference": "B999-1", "batch": batch_id,
    }]
    bad = await post_results(client, m, batch_id, f"reference,outcome\n{one['reference']},paid\n")
    assert bad.status_code == 422
    assert await snapshot(client, m, batch_id) == before

    await post_results(client, m, batch_id, f"reference,status,reason\n{one['reference']},paid,\n")
    contradicting = await post_results(
        client, m, batch_id,
        f"reference,status,reason\n{two['reference']},paid,\n{one['reference']},failed,bounced\n",
    )
    assert contradicting.status_code == 409
    assert [(e["field"], e["message"]) for e in contradicting.json()["errors"]] == [
        ("row 3", f"{one['reference']} is paid, reported failed")
    ]
    lines = {line["id"]: line["status"] for line in (await get(client, m, batch_id))["lines"]}
    assert (lines[one["id"]], lines[two["id"]]) == ("paid", "open")  # line 2 of the refused file was not applied


async def test_results_need_an_approved_cash_batch(client):
    m = await make_merchant()
    partner = await make_payee(m.id)
    await make_commission(m.id, partner.id, 10000)
    draft = await create(client, m)
    refused = await post_results(client, m, draft["id"], "reference,status,reason\n")
    assert refused.status_code == 409
    not_utf8 = await client.post(
        f"/api/v1/payout-batches/{draft['id']}/results", content=b"\xff\xfe\x00", headers=m.auth("finance")
    )
    assert not_utf8.status_code == 409  # the batch is checked before the file is read
