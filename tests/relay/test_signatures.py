"""The event endpoint accepts only fresh events signed with the merchant's own secret (Standard Webhooks)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from accounts.service.merchants import new_webhook_secret
from core.time import now
from tests.factories.events import envelope, order_data, send, sign, written
from tests.factories.merchants import api, make_merchant

pytestmark = pytest.mark.usefixtures("database_url")


def url(merchant_id: int) -> str:
    return f"/api/v1/merchants/{merchant_id}/events"


def assert_refused(response, status: int = 401) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert {"type", "title", "status", "detail"} <= response.json().keys()


async def test_a_correctly_signed_event_is_accepted(client):
    m = await make_merchant()
    response = await send(client, m, "order.created", order_data())
    assert response.status_code == 200, response.text
    assert (await written(m.id))["orders"] == 1


@pytest.mark.parametrize("missing", ["webhook-id", "webhook-timestamp", "webhook-signature"])
async def test_each_missing_header_is_refused_and_nothing_is_written(client, missing):
    m = await make_merchant()
    body = envelope("order.created", order_data())
    headers = sign(m.webhook_secret, body)
    del headers[missing]
    assert_refused(await client.post(url(m.id), content=body, headers=headers))
    assert set((await written(m.id)).values()) == {0}


async def test_a_signature_that_does_not_match_the_body_is_refused(client):
    m = await make_merchant()
    body = envelope("order.created", order_data())
    headers = sign(m.webhook_secret, body)
    tampered = body.replace('"quantity": 3', '"quantity": 30')
    assert tampered != body
    assert_refused(await client.post(url(m.id), content=tampered, headers=headers))
    assert set((await written(m.id)).values()) == {0}


@pytest.mark.parametrize(
    "signature", ["v1,AAAA", "v1,not base64!", "garbage", "v2,abc", "v1,a,b", ""],
)
async def test_malformed_signatures_are_refused(client, signature):
    m = await make_merchant()
    body = envelope("order.created", order_data())
    headers = sign(m.webhook_secret, body) | {"webhook-signature": signature}
    assert_refused(await client.post(url(m.id), content=body, headers=headers))
    assert set((await written(m.id)).values()) == {0}


async def test_a_wrong_secret_is_refused(client):
    m = await make_merchant()
    assert_refused(await send(client, m, "order.created", order_data(), secret=new_webhook_secret()))
    assert set((await written(m.id)).values()) == {0}


async def test_another_merchants_secret_is_refused(client):
    m, other = await make_merchant(), await make_merchant()
    assert_refused(await send(client, m, "order.created", order_data(), secret=other.webhook_secret))
    assert set((await written(m.id)).values()) == {0}
    assert set((await written(other.id)).values()) == {0}


@pytest.mark.parametrize("offset", [timedelta(minutes=-6), timedelta(minutes=6), timedelta(days=-1)])
async def test_a_timestamp_more_than_five_minutes_away_is_refused(client, offset):
    m = await make_merchant()
    response = await send(client, m, "order.created", order_data(), at=now() + offset)
    assert_refused(response)
    assert "timestamp" in response.json()["detail"]
    assert set((await written(m.id)).values()) == {0}


async def test_a_timestamp_that_is_not_a_number_is_refused(client):
    m = await make_merchant()
    body = envelope("order.created", order_data())
    headers = sign(m.webhook_secret, body) | {"webhook-timestamp": "yesterday"}
    assert_refused(await client.post(url(m.id), content=body, headers=headers))


async def test_a_timestamp_within_five_minutes_is_accepted(client):
    m = await make_merchant()
    response = await send(client, m, "order.created", order_data(), at=now() - timedelta(minutes=4))
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("merchant_id", [999_999_999, 2**63, 2**70])
async def test_an_unknown_merchant_is_refused(client, merchant_id):
    m = await make_merchant()
    assert_refused(await send(client, m, "order.created", order_data(), merchant_id=merchant_id))


async def test_a_rotated_secret_verifies_at_once(client):
    m = await make_merchant()
    assert (await send(client, m, "order.created", order_data())).status_code == 200  # caches the secret
    response = await api(client, m, "POST", "/api/v1/merchant/webhook-secret")
    assert response.status_code == 200
    new_secret = response.json()["webhook_secret"]
    assert new_secret.startswith("whsec_") and new_secret != m.webhook_secret
    # the old one still verifies during the grace period: tests/relay/test_webhook_secret_rotation.py
    assert (await send(client, m, "order.created", order_data(), secret=new_secret)).status_code == 200
    # the secret is never shown by the settings
    settings = (await api(client, m, "GET", "/api/v1/merchant")).json()
    assert new_secret not in str(settings) and "webhook_secret" not in settings


async def test_rotating_the_secret_needs_an_admin_key(client):
    m = await make_merchant()
    assert (await api(client, m, "POST", "/api/v1/merchant/webhook-secret", role="integration")).status_code == 403
    assert (await client.post("/api/v1/merchant/webhook-secret")).status_code == 401


async def test_a_signed_body_that_is_not_json_is_a_bad_request(client):
    m = await make_merchant()
    body = '{"type": "order.created", "data": '
    response = await client.post(url(m.id), content=body, headers=sign(m.webhook_secret, body))
    assert_refused(response, 400)
    assert set((await written(m.id)).values()) == {0}


async def test_a_webhook_id_longer_than_a_receipt_keeps_is_refused(client):
    m = await make_merchant()
    response = await send(client, m, "order.created", order_data(), webhook_id="msg_" + "x" * 300)
    assert_refused(response, 400)
    assert set((await written(m.id)).values()) == {0}


async def test_the_event_endpoint_is_documented(client):
    document = (await client.get("/openapi.json")).json()
    operation = document["paths"]["/api/v1/merchants/{merchant_id}/events"]["post"]
    headers = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
    assert headers == {"webhook-id", "webhook-timestamp", "webhook-signature"}
    assert {"200", "400", "401", "409", "422"} <= operation["responses"].keys()
    assert "order.created" in str(operation["requestBody"])


async def test_an_oversized_body_is_refused_before_anything_else(client):
    m = await make_merchant()
    body = '{"padding": "' + "x" * 1_000_001 + '"}'
    response = await client.post(url(m.id), content=body, headers=sign(m.webhook_secret, body))
    assert_refused(response, 413)
    assert set((await written(m.id)).values()) == {0}
