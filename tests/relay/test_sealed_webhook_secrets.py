"""Webhook secrets are stored sealed under a key from the server's secret, opened only to sign
and verify; the server's secret rotates with RELAY_PREVIOUS_SECRET_KEYS and `relay secrets reseal`."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from accounts.models import Merchant
from accounts.service import audit, settings
from accounts.service.merchants import create_merchant
from core.sealed import Sealer
from relay.settings import Settings
from tests.conftest import asgi_client, run_relay, running
from tests.factories.events import order_data, send
from tests.factories.merchants import MerchantCtx, api, make_merchant, sealer

pytestmark = pytest.mark.usefixtures("database_url")


async def test_the_secrets_are_stored_sealed_and_events_still_verify_with_them(client):
    m = await make_merchant()
    row = await Merchant.get(id=m.id)
    assert not row.webhook_secret.startswith("whsec_") and m.webhook_secret[6:] not in row.webhook_secret
    assert sealer().open(row.webhook_secret) == m.webhook_secret
    rotated = await api(client, m, "POST", "/api/v1/merchant/webhook-secret")
    new_secret = rotated.json()["webhook_secret"]
    after = await Merchant.get(id=m.id)
    assert after.previous_webhook_secret == row.webhook_secret  # the replaced one stays sealed as it was
    assert sealer().open(after.webhook_secret) == new_secret and new_secret[6:] not in after.webhook_secret
    assert (await send(client, m, "order.created", order_data())).status_code == 200
    assert (await send(client, m, "order.created", order_data(), secret=new_secret)).status_code == 200
    targets = await settings.webhook_targets([m.id])
    assert targets[m.id].sealed_secret == after.webhook_secret and targets[m.id].secret(sealer()) == new_secret


async def _events_answer(database_url: str, m: MerchantCtx, secrets: tuple[str, ...], **server) -> list:
    """The answers to an event signed with each of `secrets`, from a server given `server`."""
    settings._signing.pop(m.id, None)  # what another process would read: the row as it is now
    answers = []
    async with running(Settings(database_url=database_url, manage_database=False, **server)) as application:
        async with asgi_client(application) as http:
            for secret in secrets:
                answers.append(await send(http, m, "order.created", order_data(), secret=secret))
    return answers


async def test_after_the_server_secret_rotates_the_previous_one_opens_the_secrets_until_they_are_resealed(
    database_url,
):
    old_key, new_key = f"server-secret-{uuid.uuid4()}", f"server-secret-{uuid.uuid4()}"
    created = await create_merchant("Sealed under the old key", "CNY", allowed_domains=["shop.example.com"],
                                    sealer=Sealer(old_key))
    m = MerchantCtx(created.merchant.id, "CNY", "Asia/Shanghai", created.api_keys, created.webhook_secret)
    rotated = await settings.rotate_webhook_secret(m.id, sealer=Sealer(old_key))  # one in its grace period too
    both = (created.webhook_secret, rotated)

    # The new server secret alone cannot open them: 503 and Retry-After (retried), not a 401.
    for refused in await _events_answer(database_url, m, both, secret_key=new_key):
        assert refused.status_code == 503 and refused.headers["retry-after"] == "60", refused.text
        assert refused.json()["type"].endswith("/secret-unreadable")
    # With the old one listed as previous, both verify.
    for answer in await _events_answer(database_url, m, both, secret_key=new_key, previous_secret_keys=(old_key,)):
        assert answer.status_code == 200, answer.text

    done = await settings.reseal_webhook_secrets(Sealer(new_key, [old_key]))
    assert done.changed == 1 and m.id not in done.unreadable  # the others: sealed under the run's own key
    assert (await settings.reseal_webhook_secrets(Sealer(new_key, [old_key]))).changed == 0  # a rerun: nothing
    row = await Merchant.get(id=m.id)
    assert Sealer(new_key).open(row.webhook_secret) == rotated
    assert Sealer(new_key).open(row.previous_webhook_secret) == created.webhook_secret
    # Re-sealed: the old server secret may be dropped.
    for answer in await _events_answer(database_url, m, both, secret_key=new_key):
        assert answer.status_code == 200, answer.text
    entries = (await audit.list_entries(m.id)).items
    assert [(e.action, e.actor.kind) for e in entries if e.action == "webhook_secret.reseal"] == [
        ("webhook_secret.reseal", "system")
    ]


async def test_relay_secrets_reseal_needs_the_old_server_secret_listed_and_changes_nothing_twice(
    fresh_database_url,
):
    url = await fresh_database_url("reseal")
    await asyncio.to_thread(run_relay, "migrate", database_url=url)
    made = await asyncio.to_thread(run_relay, "merchant", "create", "--name", "Old", "--currency", "CNY",
                                   database_url=url, RELAY_SECRET_KEY="old-server-secret")
    merchant_id = made.stdout.split("merchant id: ")[1].split()[0]
    assert "webhook secret: whsec_" in made.stdout

    alone = await asyncio.to_thread(run_relay, "secrets", "reseal", database_url=url, check=False,
                                    RELAY_SECRET_KEY="new-server-secret")
    assert alone.returncode == 1 and f"(ids {merchant_id})" in alone.stderr, alone.stderr
    listed = {"RELAY_SECRET_KEY": "new-server-secret", "RELAY_PREVIOUS_SECRET_KEYS": "older-one, old-server-secret"}
    first = await asyncio.to_thread(run_relay, "secrets", "reseal", database_url=url, **listed)
    assert "1 merchant(s) re-sealed" in first.stdout
    again = await asyncio.to_thread(run_relay, "secrets", "reseal", database_url=url,
                                    RELAY_SECRET_KEY="new-server-secret")
    assert "0 merchant(s) re-sealed" in again.stdout and again.returncode == 0


async def test_the_event_endpoint_documents_its_503_and_retry_after(client):
    document = (await client.get("/openapi.json")).json()
    (operation,) = [path["post"] for name, path in document["paths"].items() if name.endswith("/events")]
    assert "Retry-After" in operation["responses"]["503"]["headers"]
