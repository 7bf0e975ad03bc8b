"""Points wallet set-up: points earned, made available and credited to the wallet through the
real ledger service (what an approved points batch posts), optionally dated in the past."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import datetime

import httpx

from payouts import ledger
from payouts.service.postings import post_many
from tests.factories.merchants import MerchantCtx
from tests.factories.payouts import earn, ledger_dated, reference


async def credit(merchant_id: int, partner_id: int, points: int, *, at: datetime | None = None) -> int:
    """Credit `points` to the partner's wallet (earned -> available -> wallet); returns the
    credit's transaction id. With `at`, the credit is dated then, as if the batch had been
    approved on that day."""
    await earn(merchant_id, partner_id, points, asset="PTS", available=True)
    with ledger_dated(at) if at is not None else nullcontext():
        (transaction_id,) = await post_many(
            merchant_id, [ledger.points_credit(partner_id, points, reference=reference("B1"))]
        )
    return transaction_id


async def redeem(client: httpx.AsyncClient, m: MerchantCtx, partner_id: int, points: int, *,
                 key: str | None = None, order_ref: str = "SO-1001", role: str = "integration") -> httpx.Response:
    body = {"partner_id": partner_id, "points": points, "order_ref": order_ref,
            "idempotency_key": key or reference("checkout")}
    return await client.post("/api/v1/points/redemptions", json=body, headers=m.auth(role))


async def restore(client: httpx.AsyncClient, m: MerchantCtx, redemption_id: int, points: int, *,
                  key: str | None = None) -> httpx.Response:
    return await client.post(
        f"/api/v1/points/redemptions/{redemption_id}/restore",
        json={"points": points, "idempotency_key": key or reference("refund")}, headers=m.auth("integration"),
    )


async def wallet(client: httpx.AsyncClient, m: MerchantCtx, partner_id: int, role: str = "finance", **query) -> dict:
    response = await client.get(f"/api/v1/partners/{partner_id}/wallet", params=query, headers=m.auth(role))
    assert response.status_code == 200, response.text
    return response.json()
