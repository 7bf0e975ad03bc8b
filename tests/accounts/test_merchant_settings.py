"""The merchant's own settings through the admin API: read, change, validation, no secret shown."""

from __future__ import annotations

import pytest

from tests.factories.merchants import api, make_merchant

pytestmark = pytest.mark.usefixtures("database_url")


async def test_the_settings_show_the_merchant_and_its_attribution_rules_but_not_the_secret(client):
    m = await make_merchant(currency="JPY", timezone="Asia/Tokyo", allowed_domains=("shop.example.jp",))
    response = await api(client, m, "GET", "/api/v1/merchant")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body == {
        "id": m.id, "name": body["name"], "currency": "JPY", "timezone": "Asia/Tokyo",
        "allowed_domains": ["shop.example.jp"], "attribution_window_days": 30, "attribution_model": "last_click",
        "binding": {"mode": "off", "days": None}, "allow_self_referral": False, "webhook_url": None,
        "fraud_signals": body["fraud_signals"],  # tests/commissions/test_fraud_signals.py
    }
    assert m.webhook_secret not in response.text


async def test_only_the_fields_sent_change(client):
    m = await make_merchant()
    response = await api(client, m, "PATCH", "/api/v1/merchant", json={
        "attribution_window_days": 7, "attribution_model": "first_click", "binding": {"mode": "days", "days": 90},
        "allowed_domains": ["Shop.Example.com", "m.example.com", "shop.example.com"],
    })
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["attribution_window_days"], body["attribution_model"]) == (7, "first_click")
    assert body["binding"] == {"mode": "days", "days": 90}
    assert body["allowed_domains"] == ["shop.example.com", "m.example.com"]
    assert body["timezone"] == "Asia/Shanghai" and body["allow_self_referral"] is False

    again = await api(client, m, "PATCH", "/api/v1/merchant", json={"binding": {"mode": "forever"}, "timezone": "UTC",
                                                                   "allow_self_referral": True})
    assert again.json()["binding"] == {"mode": "forever", "days": None}
    assert (await api(client, m, "GET", "/api/v1/merchant")).json() == again.json()
    assert again.json()["attribution_window_days"] == 7


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"attribution_window_days": 0}, "attribution_window_days"),
        ({"attribution_window_days": 366}, "attribution_window_days"),
        ({"attribution_window_days": "30"}, "attribution_window_days"),
        ({"attribution_model": "linear"}, "attribution_model"),
        ({"binding": {"mode": "days"}}, "binding"),
        ({"binding": {"mode": "forever", "days": 3}}, "binding"),
        ({"binding": {"mode": "weeks", "days": 3}}, "binding.mode"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"allowed_domains": ["not a host"]}, "allowed_domains.0"),
        ({"allow_self_referral": "yes"}, "allow_self_referral"),
        ({"allow_self_referral": None}, ""),
        ({"currency": "USD"}, "currency"),
        ({"webhook_secret": "whsec_x"}, "webhook_secret"),
    ],
)
async def test_invalid_settings_are_refused_naming_the_field(client, body, field):
    m = await make_merchant()
    before = (await api(client, m, "GET", "/api/v1/merchant")).json()
    response = await api(client, m, "PATCH", "/api/v1/merchant", json=body)
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == field
    assert (await api(client, m, "GET", "/api/v1/merchant")).json() == before


async def test_settings_need_an_admin_key(client):
    m = await make_merchant()
    assert (await api(client, m, "GET", "/api/v1/merchant", role="finance")).status_code == 403
    assert (await api(client, m, "PATCH", "/api/v1/merchant", role="integration", json={})).status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "http://shop.example.com/hooks",  # https only (RELAY_WEBHOOK_ALLOW_INSECURE=1 on a development machine)
        "https://user:secret@shop.example.com/hooks",
        "https://localhost/hooks", "https://127.0.0.1/hooks", "https://[::1]/hooks",
        "https://0x7f000001/hooks", "https://2130706433/hooks", "https://017700000001/hooks", "https://127.1/hooks",
        "https://[::ffff:127.0.0.1]/hooks", "https://10.0.0.5/hooks", "https://192.168.0.10/hooks",
        "https://169.254.169.254/latest/meta-data/", "https://[fe80::1]/hooks", "https://224.0.0.251/hooks",
        "https://240.0.0.1/hooks", "https://0.0.0.0/hooks", "https://[fd12:3456::1]/hooks",
    ],
)
async def test_a_webhook_url_into_relays_own_network_is_refused_at_save_and_nothing_changes(client, url):
    m = await make_merchant()
    refused = await api(client, m, "PATCH", "/api/v1/merchant", json={"webhook_url": url})
    assert refused.status_code == 422, refused.text
    assert [e["field"] for e in refused.json()["errors"]] == ["webhook_url"]
    assert (await api(client, m, "GET", "/api/v1/merchant")).json()["webhook_url"] is None


async def test_a_public_https_webhook_url_is_saved_even_before_its_name_resolves(client):
    m = await make_merchant()
    for url in ("https://93.184.216.34/relay", "https://hooks.shop.example.com/relay"):
        saved = await api(client, m, "PATCH", "/api/v1/merchant", json={"webhook_url": url})
        assert saved.status_code == 200 and saved.json()["webhook_url"] == url, saved.text
