"""Approval pays exactly what the approver saw: the figures of the draft travel with the approval,
and lines that recompute to anything else answer 409 with the new figures and change nothing."""

from __future__ import annotations

import pytest

from accounts.service import audit
from payouts.service.postings import partner_balances
from tests.factories import batches as f
from tests.factories.batches import END_OF_NOVEMBER, END_OF_OCTOBER, figures, make_commission, make_payee
from tests.factories.merchants import make_merchant

pytestmark = pytest.mark.usefixtures("database_url")


async def _approve(client, m, batch_id: int, body: dict):
    return await client.post(f"/api/v1/payout-batches/{batch_id}/approve", json=body, headers=m.auth("finance"))


async def test_a_draft_whose_commissions_another_batch_claimed_meanwhile_is_not_approved_at_zero(client):
    m = await make_merchant()
    alice, bob = await make_payee(m.id), await make_payee(m.id)
    await make_commission(m.id, alice.id, 10360)
    await make_commission(m.id, bob.id, 5000)
    draft = await f.create(client, m, END_OF_OCTOBER)
    seen = figures(draft)
    assert seen == {"asset": "CNY", "lines": 2, "gross_minor": 15360, "net_minor": 15360}

    # Meanwhile a later batch takes the same commissions (available mid-October, before both cutoffs).
    other = await f.approve(client, m, (await f.create(client, m, END_OF_NOVEMBER))["id"])
    assert other["totals"]["payout"]["gross_minor"] == 15360
    shown_before = await f.get(client, m, draft["id"])
    balances_before = await partner_balances(m.id, alice.id)

    refused = await _approve(client, m, draft["id"], seen)
    assert refused.status_code == 409, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    problem = refused.json()
    assert problem["approved"] == seen | {"gross": "153.60", "net": "153.60"}
    assert problem["current"] == {
        "asset": "CNY", "lines": 0, "gross_minor": 0, "gross": "0.00", "net_minor": 0, "net": "0.00",
    }
    assert "nothing was approved" in problem["detail"]
    # Nothing changed: the draft, its lines, the claims and the ledger are as they were.
    assert await f.get(client, m, draft["id"]) == shown_before
    assert await partner_balances(m.id, alice.id) == balances_before
    assert (await f.get(client, m, other["id"]))["totals"] == other["totals"]
    entries = (await audit.list_entries(m.id, subject_type="payout_batch", subject_id=str(draft["id"]))).items
    assert [e.action for e in entries] == ["payout_batch.create"]

    approved = await _approve(client, m, draft["id"], {k: problem["current"][k] for k in seen})
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "approved" and approved.json()["totals"]["payout"]["lines"] == 0


async def test_a_refund_after_the_preview_answers_the_smaller_figures_and_they_are_approved(client):
    m = await make_merchant()
    alice = await make_payee(m.id)
    earned = await make_commission(m.id, alice.id, 10000)
    draft = await f.create(client, m, END_OF_OCTOBER)
    seen = figures(draft)
    await make_commission(m.id, alice.id, -2500, reversal_of=earned.id)  # a partial refund

    refused = await _approve(client, m, draft["id"], seen)
    assert refused.status_code == 409, refused.text
    current = refused.json()["current"]
    assert (current["lines"], current["gross_minor"], current["net_minor"]) == (1, 7500, 7500)
    assert (await f.get(client, m, draft["id"]))["status"] == "draft"
    assert (await partner_balances(m.id, alice.id))["CNY"].in_batch == 0

    approved = await _approve(client, m, draft["id"], {k: current[k] for k in seen})
    assert approved.status_code == 200, approved.text
    assert approved.json()["totals"]["payout"]["net_minor"] == 7500
    assert (await partner_balances(m.id, alice.id))["CNY"].in_batch == 7500


async def test_approval_without_the_figures_or_in_another_asset_is_refused_naming_the_field(client):
    m = await make_merchant()
    alice = await make_payee(m.id)
    await make_commission(m.id, alice.id, 10000)
    draft = await f.create(client, m, END_OF_OCTOBER)
    seen = figures(draft)
    cases = [
        (None, "lines"),
        ({k: v for k, v in seen.items() if k != "net_minor"}, "net_minor"),
        (seen | {"lines": "1"}, "lines"),
        (seen | {"gross_minor": 100.5}, "gross_minor"),
        (seen | {"asset": "PTS"}, "asset"),
    ]
    for body, field in cases:
        if body is None:
            answer = await client.post(f"/api/v1/payout-batches/{draft['id']}/approve", headers=m.auth("finance"))
        else:
            answer = await _approve(client, m, draft["id"], body)
        assert answer.status_code in (400, 422), (body, answer.text)
        if answer.status_code == 422:
            assert field in {error["field"] for error in answer.json()["errors"]}, (body, answer.text)
    assert (await f.get(client, m, draft["id"]))["status"] == "draft"
    assert (await _approve(client, m, draft["id"], seen)).status_code == 200


async def test_a_batch_read_for_its_totals_only_answers_no_lines(client):
    m = await make_merchant()
    await make_commission(m.id, (await make_payee(m.id)).id, 10000)
    draft = await f.create(client, m, END_OF_OCTOBER)
    totals_only = await f.get(client, m, draft["id"], limit=0)  # answered 500 while the batch had lines
    assert totals_only["lines"] == [] and totals_only["totals"] == draft["totals"]


async def test_the_approval_body_and_its_409_are_described_in_openapi(client):
    spec = (await client.get("/openapi.json")).json()
    operation = spec["paths"]["/api/v1/payout-batches/{batch_id}/approve"]["post"]
    assert operation["requestBody"]["required"] is True
    body = spec["components"]["schemas"]["BatchApproval"]
    assert set(body["required"]) == {"asset", "lines", "gross_minor", "net_minor"}
    conflict = operation["responses"]["409"]["content"]["application/problem+json"]["schema"]
    problem = spec["components"]["schemas"][conflict["$ref"].rsplit("/", 1)[1]]
    assert {"approved", "current"} <= set(problem["properties"])
