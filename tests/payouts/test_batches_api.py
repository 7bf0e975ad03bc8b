"""The payout batch API: finance keys only, one merchant never sees another's batches, input
refused with a named field, pages of batches and lines; payout terms for admin or finance."""

from __future__ import annotations

import pytest

from tests.factories.batches import (
    END_OF_OCTOBER,
    approve,
    by_partner,
    create,
    figures,
    get,
    make_commission,
    make_payee,
)
from tests.factories.merchants import make_merchant

pytestmark = pytest.mark.usefixtures("database_url")


async def test_batches_answer_finance_keys_only(client):
    m = await make_merchant()
    body = {"asset": "CNY", "cutoff": "2026-10-31T23:59:59+08:00"}
    for role in ("admin", "integration"):
        refused = await client.post("/api/v1/payout-batches", json=body, headers=m.auth(role))
        assert refused.status_code == 403, role
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert (await client.get("/api/v1/payout-batches", headers=m.auth(role))).status_code == 403
    assert (await client.get("/api/v1/payout-batches")).status_code == 401
    assert (await client.post("/api/v1/payout-batches", json=body, headers=m.auth("finance"))).status_code == 201


async def test_another_merchants_batch_is_not_found(client):
    a, b = await make_merchant(), await make_merchant()
    partner = await make_payee(a.id)
    await make_commission(a.id, partner.id, 10000)
    batch = await approve(client, a, (await create(client, a))["id"])
    line_id = (await get(client, a, batch["id"]))["lines"][0]["id"]
    path = f"/api/v1/payout-batches/{batch['id']}"
    intruder = b.auth("finance")
    assert (await client.get(path, headers=intruder)).status_code == 404
    for action in ("approve", "discard", "close", "export"):
        body = figures(batch) if action == "approve" else None
        assert (await client.post(f"{path}/{action}", json=body, headers=intruder)).status_code == 404, action
    results = await client.post(f"{path}/results", content="reference,status,reason\n", headers=intruder)
    assert results.status_code == 404
    marked = await client.post(f"{path}/lines/{line_id}/outcome", json={"outcome": "paid"}, headers=intruder)
    assert marked.status_code == 404
    assert (await client.get("/api/v1/payout-batches", headers=intruder)).json()["items"] == []
    # b's own batch for the same cutoff is its own, and holds nothing of a's
    own = await create(client, b)
    assert own["id"] != batch["id"] and own["totals"]["payout"]["lines"] == 0
    assert (await get(client, a, batch["id"]))["lines"][0]["status"] == "open"


async def test_bad_input_is_refused_with_the_field_named_and_nothing_written(client):
    m = await make_merchant()
    cases = [
        ({"asset": "USD", "cutoff": "2026-10-31T23:59:59+08:00"}, "asset"),
        ({"asset": "CNY", "cutoff": "yesterday"}, "cutoff"),
        ({"asset": "CNY"}, "cutoff"),
        ({"asset": "CNY", "cutoff": "2026-10-31T23:59:59+08:00", "extra": 1}, "extra"),
    ]
    for body, field in cases:
        response = await client.post("/api/v1/payout-batches", json=body, headers=m.auth("finance"))
        assert response.status_code == 422, body
        assert response.json()["errors"][0]["field"] == field
    assert (await client.get("/api/v1/payout-batches", headers=m.auth("finance"))).json()["items"] == []
    nothing = {"asset": "CNY", "lines": 0, "gross_minor": 0, "net_minor": 0}
    missing = await client.post("/api/v1/payout-batches/999999999/approve", json=nothing, headers=m.auth("finance"))
    assert missing.status_code == 404
    line = await client.post(
        "/api/v1/payout-batches/999999999/lines/1/outcome", json={"outcome": "lost"}, headers=m.auth("finance")
    )
    assert line.status_code == 422 and line.json()["errors"][0]["field"] == "outcome"


async def test_batches_and_lines_come_in_pages(client):
    m = await make_merchant()
    partners = [await make_payee(m.id) for _ in range(3)]
    for partner in partners:
        await make_commission(m.id, partner.id, 10000)
    first = await create(client, m, "2026-10-30T00:00:00+08:00")
    second = await create(client, m)
    page = (await client.get("/api/v1/payout-batches", params={"limit": 1}, headers=m.auth("finance"))).json()
    assert [b["id"] for b in page["items"]] == [second["id"]] and page["next_before_id"] == second["id"]
    rest = await client.get(
        "/api/v1/payout-batches", params={"before_id": page["next_before_id"]}, headers=m.auth("finance")
    )
    assert [b["id"] for b in rest.json()["items"]] == [first["id"]]

    lines = await get(client, m, second["id"], limit=2)
    assert len(lines["lines"]) == 2 and lines["next_after_line_id"] == lines["lines"][-1]["id"]
    tail = await get(client, m, second["id"], limit=2, after_line_id=lines["next_after_line_id"])
    assert len(tail["lines"]) == 1 and tail["next_after_line_id"] is None
    assert {line["partner_id"] for line in lines["lines"] + tail["lines"]} == {p.id for p in partners}
    assert (await get(client, m, second["id"], line_status="held"))["lines"] == []


async def test_creating_a_batch_answers_it_with_its_lines_and_their_exact_amounts(client):
    m = await make_merchant()
    alice, bob = await make_payee(m.id), await make_payee(m.id)
    await make_commission(m.id, alice.id, 10036)
    await make_commission(m.id, alice.id, 1)
    await make_commission(m.id, bob.id, 4999)  # a fen below the default minimum of 50.00
    created = await client.post(
        "/api/v1/payout-batches", json={"asset": "CNY", "cutoff": END_OF_OCTOBER}, headers=m.auth("finance")
    )
    assert created.status_code == 201, created.text
    lines = {line["partner_id"]: line for line in created.json()["lines"]}
    assert (lines[alice.id]["status"], lines[alice.id]["net_minor"], lines[alice.id]["net"]) == ("payable", 10037, "100.37")
    assert lines[alice.id]["commission_count"] == 2
    assert (lines[bob.id]["status"], lines[bob.id]["gross_minor"]) == ("carried_forward", 4999)
    assert created.json()["next_after_line_id"] is None
    again = await client.post(  # the live batch for the cutoff, answered again with the same lines
        "/api/v1/payout-batches", json={"asset": "CNY", "cutoff": END_OF_OCTOBER}, headers=m.auth("finance")
    )
    assert again.status_code == 200 and again.json()["lines"] == created.json()["lines"]


async def test_payout_terms_set_the_minimum_and_schedule_per_asset(client):
    m = await make_merchant()
    defaults = await client.get("/api/v1/payout-terms", headers=m.auth("finance"))
    assert defaults.status_code == 200
    assert defaults.json()["withholding"] == "none"
    assert [(a["asset"], a["minimum"], a["minimum_is_default"], a["schedule"]) for a in defaults.json()["assets"]] == [
        ("CNY", "50.00", True, None), ("PTS", "1", True, None),
    ]
    body = {"minimums": {"CNY": "100.00", "PTS": 500}, "schedules": {"CNY": {"frequency": "monthly", "day": 1}}}
    for role in ("admin", "integration"):  # finance only changes them, as the role table says
        refused = await client.patch("/api/v1/payout-terms", json=body, headers=m.auth(role))
        assert refused.status_code == 403, role
    assert (await client.get("/api/v1/payout-terms", headers=m.auth("admin"))).json() == defaults.json()
    changed = await client.patch("/api/v1/payout-terms", json=body, headers=m.auth("finance"))
    assert changed.status_code == 200, changed.text
    assert [(a["asset"], a["minimum_minor"], a["schedule"]) for a in changed.json()["assets"]] == [
        ("CNY", 10000, {"frequency": "monthly", "day": 1}), ("PTS", 500, None),
    ]
    partner = await make_payee(m.id)
    await make_commission(m.id, partner.id, 9000)
    batch = await get(client, m, (await create(client, m))["id"])
    assert by_partner(batch)[partner.id]["reason"] == "below the minimum payout of 100.00 CNY"

    for body, field in [
        ({"minimums": {"CNY": "1.234"}}, "minimums.CNY"),
        ({"minimums": {"CNY": 0}}, "minimums.CNY"),
        ({"minimums": {"USD": "10.00"}}, "minimums.USD"),
        ({"withholding": "flat_99"}, "withholding"),
        ({"schedules": {"CNY": {"frequency": "weekly", "day": 7}}}, "schedules.CNY.day"),
    ]:
        refused = await client.patch("/api/v1/payout-terms", json=body, headers=m.auth("finance"))
        assert refused.status_code == 422, body
        assert refused.json()["errors"][0]["field"] == field, refused.json()
    reset = await client.patch("/api/v1/payout-terms", json={"minimums": {"CNY": None}, "schedules": {"CNY": None}},
                               headers=m.auth("finance"))
    assert [(a["minimum"], a["schedule"]) for a in reset.json()["assets"]][0] == ("50.00", None)
    assert (await client.get("/api/v1/payout-terms", headers=m.auth("integration"))).status_code == 403


async def test_a_withholding_rule_must_fit_the_merchants_currency(client):
    m = await make_merchant(currency="USD", timezone="America/New_York")
    refused = await client.patch("/api/v1/payout-terms", json={"withholding": "cn_labour_remuneration"},
                                 headers=m.auth("finance"))
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "withholding"


async def test_a_failed_or_returned_line_needs_a_reason(client):
    m = await make_merchant()
    partner = await make_payee(m.id)
    await make_commission(m.id, partner.id, 10000)
    batch = await approve(client, m, (await create(client, m))["id"])
    line = (await get(client, m, batch["id"]))["lines"][0]
    path = f"/api/v1/payout-batches/{batch['id']}/lines/{line['id']}/outcome"
    for body in ({"outcome": "failed"}, {"outcome": "failed", "reason": "  "}, {"outcome": "returned"}):
        refused = await client.post(path, json=body, headers=m.auth("finance"))
        assert refused.status_code == 422, body
        assert refused.json()["errors"][0]["field"] == "reason"
    assert (await get(client, m, batch["id"]))["lines"][0]["status"] == "open"
