"""Payout batch set-up: commission rows written straight into the commission table (as the
commissions domain would have left them), posted to the ledger through the real accruals."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import httpx

from commissions.models import Commission
from commissions.service.records import CommissionRecord, record
from payouts.service import accruals
from referral.models import Partner
from tests.factories.merchants import MerchantCtx
from tests.factories.referral import make_partner

_orders = itertools.count(900_000)

#: Default availability: the middle of October 2026, well before an end-of-October cutoff.
OCTOBER = datetime(2026, 10, 15, 4, 0, tzinfo=UTC)
#: The end of October in Shanghai (the last second of 31 October, +08:00).
END_OF_OCTOBER = "2026-11-01T00:00:00+08:00"  # the first instant not included
END_OF_NOVEMBER = "2026-12-01T00:00:00+08:00"


async def make_payee(merchant_id: int, **overrides) -> Partner:
    """An active partner with a bank account on file."""
    fields = {"payee_name": "Chen Wei", "payee_account": "6222020200112233"} | overrides
    return await make_partner(merchant_id, **fields)


async def make_commission(
    merchant_id: int,
    partner_id: int,
    amount: int,
    *,
    asset: str = "CNY",
    status: str = "available",
    available_at: datetime | None = OCTOBER,
    reversal_of: int | None = None,
    post: bool = True,
) -> CommissionRecord:
    """A commission (or, with a negative amount and `reversal_of`, a reversal) row; by default
    available in mid-October and posted to the ledger (earned, then made available)."""
    row = await Commission.create(
        merchant_id=merchant_id, partner_id=partner_id, order_id=next(_orders), order_line_id=None, line_no=None,
        level=1, kind="points" if asset == "PTS" else "cash", asset=asset, amount=amount, base_minor=abs(amount) * 10,
        rule_set_version=1, rule_id="test", reversal_of=reversal_of, refund_id=next(_orders) if reversal_of else None,
        status=status, occurred_at=(available_at or OCTOBER), available_at=available_at, explanation={"test": True},
    )
    made = record(row)
    if post:
        await accruals.record_earned(merchant_id, [made])
    return made


async def batch_ids(merchant_id: int, commission_ids: list[int]) -> dict[int, int | None]:
    """commission id -> the payout batch holding it (None: batchable)."""
    found = await Commission.filter(merchant_id=merchant_id, id__in=commission_ids).values_list("id", "payout_batch_id")
    return dict(found)


async def create(client: httpx.AsyncClient, m: MerchantCtx, cutoff: str = END_OF_OCTOBER, asset: str = "CNY") -> dict:
    response = await client.post(
        "/api/v1/payout-batches", json={"asset": asset, "cutoff": cutoff}, headers=m.auth("finance")
    )
    assert response.status_code in (200, 201), response.text
    return response.json()


def figures(batch: dict) -> dict:
    """The approval body of a batch as answered by the API: what its draft shows to pay."""
    payout = batch["totals"]["payout"]
    return {"asset": batch["asset"], "lines": payout["lines"], "gross_minor": payout["gross_minor"],
            "net_minor": payout["net_minor"]}


async def approve(client: httpx.AsyncClient, m: MerchantCtx, batch_id: int) -> dict:
    """Approve the batch with the figures its draft shows now (as the finance console does)."""
    shown = await get(client, m, batch_id, limit=0)
    response = await client.post(
        f"/api/v1/payout-batches/{batch_id}/approve", json=figures(shown), headers=m.auth("finance")
    )
    assert response.status_code == 200, response.text
    return response.json()


async def get(client: httpx.AsyncClient, m: MerchantCtx, batch_id: int, **query) -> dict:
    response = await client.get(f"/api/v1/payout-batches/{batch_id}", params=query, headers=m.auth("finance"))
    assert response.status_code == 200, response.text
    return response.json()


def by_partner(batch: dict) -> dict[int, dict]:
    """partner id -> line, from a batch fetched with its lines."""
    return {line["partner_id"]: line for line in batch["lines"]}


async def outcome(client: httpx.AsyncClient, m: MerchantCtx, batch_id: int, line_id: int, what: str,
                  reason: str | None = None) -> httpx.Response:
    body = {"outcome": what} | ({"reason": reason} if reason else {})
    return await client.post(
        f"/api/v1/payout-batches/{batch_id}/lines/{line_id}/outcome", json=body, headers=m.auth("finance")
    )
