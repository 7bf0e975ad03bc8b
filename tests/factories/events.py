"""Signed shop events, sent through the real endpoint as the shop would send them."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import httpx
import shortuuid
from standardwebhooks import Webhook

from core.time import now
from tests.factories.merchants import MerchantCtx


def sign(secret: str, body: str, *, webhook_id: str | None = None, at: datetime | None = None) -> dict[str, str]:
    """Standard Webhooks headers for `body`."""
    webhook_id = webhook_id or f"msg_{shortuuid.uuid()}"
    at = at or now()
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(secret).sign(webhook_id, at, body),
        "content-type": "application/json",
    }


def envelope(event_type: str, data: dict[str, Any]) -> str:
    return json.dumps({"type": event_type, "timestamp": now().isoformat(), "data": data})


async def send(
    client: httpx.AsyncClient,
    merchant: MerchantCtx,
    event_type: str,
    data: dict[str, Any],
    *,
    body: str | None = None,
    webhook_id: str | None = None,
    secret: str | None = None,
    at: datetime | None = None,
    merchant_id: int | None = None,
) -> httpx.Response:
    """Sign and POST one event to the merchant's endpoint; `body` replaces the JSON made from the rest."""
    body = body if body is not None else envelope(event_type, data)
    headers = sign(secret or merchant.webhook_secret, body, webhook_id=webhook_id, at=at)
    return await client.post(
        f"/api/v1/merchants/{merchant_id or merchant.id}/events", content=body.encode(), headers=headers
    )


def order_data(external_id: str | None = None, **overrides: Any) -> dict[str, Any]:
    """An order.created `data`: two lines, 3 × 10.00 and 1 × 5.50 CNY, no discount, no touch."""
    return {
        "external_id": f"SO-{shortuuid.uuid()[:10]}" if external_id is None else external_id,
        "occurred_at": now().isoformat(),
        "currency": "CNY",
        "channel": "online",
        "customer_ref": f"cust-{shortuuid.uuid()[:8]}",
        "lines": [
            {"sku": "TEA-1", "category": "tea", "quantity": 3, "unit_price": "10.00"},
            {"sku": "CUP-1", "category": "cups", "quantity": 1, "unit_price": 550},
        ],
    } | overrides


async def create_order(client: httpx.AsyncClient, merchant: MerchantCtx, **overrides: Any) -> dict[str, Any]:
    """Send an order.created and return the order from the answer (asserting it was applied)."""
    response = await send(client, merchant, "order.created", order_data(**overrides))
    assert response.status_code == 200, response.text
    return response.json()["order"]


async def written(merchant_id: int) -> dict[str, int]:
    """How many rows the shop's events left for the merchant, per table (to assert nothing was written)."""
    from accounts.models import WebhookReceipt
    from referral.models import CustomerBinding, Order, OrderLine, Refund, RefundLine

    tables = {
        "orders": Order, "lines": OrderLine, "refunds": Refund, "refund_lines": RefundLine,
        "bindings": CustomerBinding, "receipts": WebhookReceipt,
    }
    return {name: await model.filter(merchant_id=merchant_id).count() for name, model in tables.items()}
