"""Rotating the webhook secret keeps the replaced one valid for a grace period, then only the new one verifies."""

from __future__ import annotations

from datetime import timedelta

import pytest
from starlette.datastructures import Headers

from accounts.models import Merchant
from accounts.service import settings
from core.errors import Unauthorized
from core.time import now
from relay.shop_events import verify
from tests.factories.events import envelope, order_data, send, sign
from tests.factories.merchants import api, make_merchant, sealer

pytestmark = pytest.mark.usefixtures("database_url")


async def rotate(client, m) -> str:
    response = await api(client, m, "POST", "/api/v1/merchant/webhook-secret")
    assert response.status_code == 200, response.text
    return response.json()["webhook_secret"]


async def test_during_the_grace_period_events_signed_with_either_secret_verify(client):
    m = await make_merchant()
    new_secret = await rotate(client, m)
    assert (await send(client, m, "order.created", order_data())).status_code == 200
    assert (await send(client, m, "order.created", order_data(), secret=new_secret)).status_code == 200


async def test_after_the_grace_period_only_the_new_secret_verifies(client):
    m = await make_merchant()
    new_secret = await rotate(client, m)
    # The grace period ended an instant ago (a backdated row instead of waiting 24 h).
    await Merchant.filter(id=m.id).update(previous_secret_valid_until=now() - timedelta(seconds=1))
    settings._signing.pop(m.id, None)
    refused = await send(client, m, "order.created", order_data())
    assert refused.status_code == 401, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert (await send(client, m, "order.created", order_data(), secret=new_secret)).status_code == 200


async def test_the_grace_period_is_24_hours_by_default(client):
    """An injected clock: the previous secret verifies 23 h 59 min after the rotation, not 24 h."""
    m = await make_merchant()
    new_secret = await rotate(client, m)
    signing = await settings.shop_signing(m.id)
    assert signing is not None
    body = envelope("order.created", order_data())
    old_headers = Headers(sign(m.webhook_secret, body))
    rotated_at = now()
    assert verify(signing, body.encode(), old_headers, sealer(), at=rotated_at + timedelta(hours=23, minutes=59))
    with pytest.raises(Unauthorized):
        verify(signing, body.encode(), old_headers, sealer(), at=rotated_at + timedelta(hours=24, seconds=1))
    assert verify(signing, body.encode(), Headers(sign(new_secret, body)), sealer(), at=rotated_at + timedelta(days=30))


async def test_the_grace_period_comes_from_the_setting(app, client):
    m = await make_merchant()
    before = now()
    await rotate(client, m)
    row = await Merchant.get(id=m.id)
    hours = app.state.settings.webhook_secret_grace_hours
    assert before + timedelta(hours=hours) <= row.previous_secret_valid_until <= now() + timedelta(hours=hours)


async def test_a_second_rotation_drops_the_first_secret_at_once(client):
    m = await make_merchant()
    second = await rotate(client, m)
    third = await rotate(client, m)
    assert (await send(client, m, "order.created", order_data())).status_code == 401
    assert (await send(client, m, "order.created", order_data(), secret=second)).status_code == 200
    assert (await send(client, m, "order.created", order_data(), secret=third)).status_code == 200


async def test_a_rotation_without_grace_refuses_the_old_secret_at_once(client):
    m = await make_merchant()
    new_secret = await settings.rotate_webhook_secret(m.id, sealer=sealer(), grace=timedelta(0))
    assert (await send(client, m, "order.created", order_data())).status_code == 401
    assert (await send(client, m, "order.created", order_data(), secret=new_secret)).status_code == 200


async def test_events_relay_sends_are_signed_with_the_new_secret_only(client):
    m = await make_merchant()
    new_secret = await rotate(client, m)
    targets = await settings.webhook_targets([m.id])
    assert targets[m.id].secret(sealer()) == new_secret
