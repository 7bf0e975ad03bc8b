"""The points wallet through the real API: redemption at checkout, replays, overdraws, restores
on refund, history, tenancy and roles; every ledger transaction balances."""

from __future__ import annotations

import pytest

from payouts.models import LedgerTransaction, PointsRedemption, PointsRestore
from payouts.service.postings import partner_balances, unbalanced_transactions
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner
from tests.payouts.wallet_setup import credit, redeem, restore, wallet

pytestmark = pytest.mark.usefixtures("database_url")


async def ledger_rows(merchant_id: int) -> int:
    return await LedgerTransaction.filter(merchant_id=merchant_id).count()


async def test_a_batch_credits_1500_points_and_a_redemption_of_600_leaves_900(client):
    m = await make_merchant()
    p = await make_partner(m.id, reward_preference="points")
    await credit(m.id, p.id, 1500)

    response = await redeem(client, m, p.id, 600, key="checkout-SO-1001", order_ref="SO-1001")

    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["points"], body["balance_after"], body["restored"], body["restorable"]) == (600, 900, 0, 600)
    assert body["reference"] == f"PR{body['id']}" and body["order_ref"] == "SO-1001"
    assert "idempotent-replayed" not in response.headers
    w = await wallet(client, m, p.id)
    assert w["balance"] == 900
    assert w["totals"] == {"credited": 1500, "redeemed": 600, "restored": 0, "expired": 0, "reversed": 0}
    assert [(h["movement"], h["points"], h["balance"]) for h in w["history"]] == [
        ("redemption", -600, 900), ("credit", 1500, 1500)]
    assert w["history"][0]["reference"] == body["reference"]
    pts = (await partner_balances(m.id, p.id))["PTS"]
    assert (pts.wallet, pts.redeemed, pts.earned) == (900, 600, 1500)
    assert await unbalanced_transactions(m.id) == []


async def test_a_replay_answers_the_first_redemption_and_changes_nothing(client):
    m = await make_merchant()
    p = await make_partner(m.id)
    await credit(m.id, p.id, 1500)
    first = await redeem(client, m, p.id, 600, key="k-1")
    written = await ledger_rows(m.id)

    again = await redeem(client, m, p.id, 600, key="k-1")

    assert again.status_code == 201 and again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    assert await ledger_rows(m.id) == written
    assert await PointsRedemption.filter(merchant_id=m.id).count() == 1
    assert (await wallet(client, m, p.id))["balance"] == 900


@pytest.mark.parametrize("change", [{"points": 601}, {"order_ref": "SO-OTHER"}, {"partner": "other"}])
async def test_the_same_key_with_other_content_is_a_conflict_and_writes_nothing(client, change):
    m = await make_merchant()
    p, other = await make_partner(m.id), await make_partner(m.id)
    await credit(m.id, p.id, 1500)
    await credit(m.id, other.id, 1500)
    await redeem(client, m, p.id, 600, key="k-1", order_ref="SO-1")
    written = await ledger_rows(m.id)

    response = await redeem(client, m, other.id if "partner" in change else p.id, change.get("points", 600),
                            key="k-1", order_ref=change.get("order_ref", "SO-1"))

    assert response.status_code == 409, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["idempotency_key"] == "k-1"
    assert await ledger_rows(m.id) == written
    assert (await wallet(client, m, p.id))["balance"] == 900
    assert (await wallet(client, m, other.id))["balance"] == 1500


async def test_an_overdraw_is_refused_with_a_clear_problem_and_nothing_written(client):
    m = await make_merchant()
    p = await make_partner(m.id)
    await credit(m.id, p.id, 1500)
    await redeem(client, m, p.id, 600)
    written = await ledger_rows(m.id)

    response = await redeem(client, m, p.id, 901, key="too-much")

    assert response.status_code == 409
    problem = response.json()
    assert problem["type"].endswith("/insufficient-points") and problem["title"] == "Insufficient points"
    assert (problem["balance"], problem["requested"], problem["partner_id"]) == (900, 901, p.id)
    assert await ledger_rows(m.id) == written
    assert await PointsRedemption.filter(merchant_id=m.id).count() == 1
    # a refusal does not use the key up: the shop may send it again for what the wallet holds
    assert (await redeem(client, m, p.id, 900, key="too-much")).json()["balance_after"] == 0


async def test_an_empty_wallet_refuses_any_redemption(client):
    m = await make_merchant()
    p = await make_partner(m.id)
    response = await redeem(client, m, p.id, 1)
    assert response.status_code == 409 and response.json()["balance"] == 0


async def test_a_restore_of_200_gives_1100_and_restores_never_exceed_the_redemption(client):
    m = await make_merchant()
    p = await make_partner(m.id)
    await credit(m.id, p.id, 1500)
    redemption = (await redeem(client, m, p.id, 600)).json()

    first = await restore(client, m, redemption["id"], 200, key="refund-1")

    assert first.status_code == 201, first.text
    body = first.json()
    assert body["restore"]["points"] == 200 and body["restore"]["balance_after"] == 1100
    assert (body["redemption"]["restored"], body["redemption"]["restorable"]) == (200, 400)
    assert (await wallet(client, m, p.id))["balance"] == 1100

    replay = await restore(client, m, redemption["id"], 200, key="refund-1")
    assert replay.status_code == 201 and replay.headers["idempotent-replayed"] == "true"
    assert replay.json()["restore"] == body["restore"]
    assert (await restore(client, m, redemption["id"], 300, key="refund-1")).status_code == 409
    written = await ledger_rows(m.id)
    too_much = await restore(client, m, redemption["id"], 401, key="refund-2")
    assert too_much.status_code == 409 and (too_much.json()["restorable"], too_much.json()["requested"]) == (400, 401)
    assert await ledger_rows(m.id) == written

    rest = await restore(client, m, redemption["id"], 400, key="refund-2")
    assert rest.json()["restore"]["balance_after"] == 1500
    assert rest.json()["redemption"]["restorable"] == 0
    assert (await restore(client, m, redemption["id"], 1, key="refund-3")).status_code == 409

    w = await wallet(client, m, p.id)
    assert w["balance"] == 1500
    assert w["totals"] == {"credited": 1500, "redeemed": 600, "restored": 600, "expired": 0, "reversed": 0}
    assert [(h["movement"], h["points"], h["balance"]) for h in w["history"]] == [
        ("restore", 400, 1500), ("restore", 200, 1100), ("redemption", -600, 900), ("credit", 1500, 1500)]
    read = await client.get(f"/api/v1/points/redemptions/{redemption['id']}", headers=m.auth("admin"))
    assert [r["points"] for r in read.json()["restores"]] == [200, 400]
    assert (await partner_balances(m.id, p.id))["PTS"].redeemed == 0
    assert await unbalanced_transactions(m.id) == []


async def test_a_restore_is_a_new_ledger_entry_and_the_redemption_is_never_edited(client):
    m = await make_merchant()
    p = await make_partner(m.id)
    await credit(m.id, p.id, 1000)
    redemption = (await redeem(client, m, p.id, 300)).json()
    await restore(client, m, redemption["id"], 100)
    entries = await LedgerTransaction.filter(merchant_id=m.id, reference=redemption["reference"]).order_by("id")
    assert [(e.kind, e.idempotency_key.split(":")[0]) for e in entries] == [
        ("points_redemption", "points_redemption"), ("points_redemption", "points_restore")]
    assert await PointsRestore.filter(merchant_id=m.id).count() == 1


async def test_another_merchants_partner_wallet_and_redemption_are_not_found(client):
    a, b = await make_merchant(), await make_merchant()
    p = await make_partner(a.id)
    await credit(a.id, p.id, 1000)
    redemption = (await redeem(client, a, p.id, 300)).json()
    written = await ledger_rows(a.id)

    assert (await redeem(client, b, p.id, 100)).status_code == 404
    assert (await restore(client, b, redemption["id"], 100)).status_code == 404
    assert (await client.get(f"/api/v1/points/redemptions/{redemption['id']}", headers=b.auth("admin"))).status_code == 404
    assert (await client.get(f"/api/v1/partners/{p.id}/wallet", headers=b.auth("finance"))).status_code == 404
    assert await ledger_rows(a.id) == written and await ledger_rows(b.id) == 0


async def test_the_shop_redeems_and_restores_while_admin_and_finance_only_read(client):
    m = await make_merchant()
    p = await make_partner(m.id)
    await credit(m.id, p.id, 1000)
    assert (await redeem(client, m, p.id, 100, role="admin")).status_code == 403
    assert (await redeem(client, m, p.id, 100, role="finance")).status_code == 403
    redemption = (await redeem(client, m, p.id, 100)).json()
    for role in ("admin", "finance", "integration"):
        assert (await wallet(client, m, p.id, role=role))["balance"] == 900
    response = await client.post(f"/api/v1/points/redemptions/{redemption['id']}/restore",
                                 json={"points": 1, "idempotency_key": "r"}, headers=m.auth("finance"))
    assert response.status_code == 403
    assert (await client.get("/api/v1/points/redemptions/1")).status_code == 401


@pytest.mark.parametrize(("body", "field"), [
    ({"points": 0}, "points"), ({"points": -5}, "points"), ({"points": "600"}, "points"), ({"points": 1.5}, "points"),
    ({"points": True}, "points"), ({"order_ref": ""}, "order_ref"), ({"idempotency_key": "x" * 201}, "idempotency_key"),
    ({"extra": 1}, "extra"),
])
async def test_bad_input_is_a_422_naming_the_field_and_nothing_is_written(client, body, field):
    m = await make_merchant()
    p = await make_partner(m.id)
    await credit(m.id, p.id, 1000)
    written = await ledger_rows(m.id)
    payload = {"partner_id": p.id, "points": 100, "order_ref": "SO-1", "idempotency_key": "k"} | body
    response = await client.post("/api/v1/points/redemptions", json=payload, headers=m.auth("integration"))
    assert response.status_code == 422, response.text
    assert field in [e["field"] for e in response.json()["errors"]]
    assert await ledger_rows(m.id) == written


async def test_a_suspended_partner_cannot_spend_but_its_refunds_are_restored(client):
    m = await make_merchant()
    p = await make_partner(m.id)
    await credit(m.id, p.id, 1000)
    redemption = (await redeem(client, m, p.id, 400)).json()
    p.status = "suspended"
    await p.save()
    refused = await redeem(client, m, p.id, 100)
    assert refused.status_code == 409 and "suspended" in refused.json()["detail"]
    assert (await restore(client, m, redemption["id"], 400)).json()["restore"]["balance_after"] == 1000


async def test_the_history_pages_newest_first(client):
    m = await make_merchant()
    p = await make_partner(m.id)
    await credit(m.id, p.id, 1000)
    for points in (100, 200, 300):
        await redeem(client, m, p.id, points)
    first = await wallet(client, m, p.id, limit=2)
    assert [(h["points"], h["balance"]) for h in first["history"]] == [(-300, 400), (-200, 700)]
    second = await wallet(client, m, p.id, limit=2, before_id=first["next_before_id"])
    assert [(h["points"], h["balance"]) for h in second["history"]] == [(-100, 900), (1000, 1000)]
    assert second["next_before_id"] is None
    totals_only = await wallet(client, m, p.id, limit=0)
    assert totals_only["history"] == [] and totals_only["balance"] == 400


async def test_points_settings_are_off_by_default_and_validated(client):
    m = await make_merchant()
    url = "/api/v1/points/settings"
    assert (await client.get(url, headers=m.auth("admin"))).json() == {"expiry_months": None}
    assert (await client.put(url, json={"expiry_months": 12}, headers=m.auth("finance"))).json() == {"expiry_months": 12}
    assert (await client.get(url, headers=m.auth("admin"))).json() == {"expiry_months": 12}
    for bad in (0, 121, "12", 1.5):
        response = await client.put(url, json={"expiry_months": bad}, headers=m.auth("admin"))
        assert response.status_code == 422, bad
    assert (await client.put(url, json={"expiry_months": 6}, headers=m.auth("integration"))).status_code == 403
    assert (await client.put(url, json={"expiry_months": None}, headers=m.auth("admin"))).json() == {"expiry_months": None}
