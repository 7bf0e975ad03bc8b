"""The merchant's settings in the console: attribution, commissions and points, fraud signals and the
shop's connection, each a form checked by the API's own schema (a refusal next to its field in the
page's language, nothing of the section written), saved only where something differs and audited
as the staff account; the webhook secret rotated and shown once. In the browser at phone and
desktop width, in zh-Hans and en."""

from __future__ import annotations

import pytest

from accounts.service import audit, settings
from commissions.service import terms
from core.time import now
from payouts.wallet.service import expiry
from tests.factories.merchants import make_merchant, sealer
from tests.pages.conftest import client_as_staff, csrf_of, make_staff, screenshot, sign_in_staff
from tests.pages.test_console_partner_form import ZH, error_of

pytestmark = pytest.mark.usefixtures("database_url")

ATTRIBUTION = {"attribution_window_days": "30", "attribution_model": "last_click", "binding_mode": "off", "binding_days": ""}
COMMISSIONS = {"hold_days": "7", "rounding": "half_up", "points_per_unit": "1", "points_rounding": "down", "expiry_months": ""}
SHOP = {"timezone": "Asia/Shanghai", "allowed_domains": "shop.example.com", "webhook_url": ""}


def fraud_form(**changes: str) -> dict[str, str]:
    form = {
        "self_referral-action": "flag", "bot_click-action": "flag",
        "customer_velocity-action": "flag", "customer_velocity-window_minutes": "60", "customer_velocity-max_orders": "3",
        "ip_velocity-action": "flag", "ip_velocity-window_minutes": "60", "ip_velocity-max_orders": "5",
        "fast_order-action": "flag", "fast_order-min_seconds": "10",
        "refund_rate-action": "flag", "refund_rate-window_days": "90", "refund_rate-max_percent": "30",
        "refund_rate-min_orders": "10",
    }
    return {**form, **changes}


async def _signed_in(client):
    m = await make_merchant()
    staff = await make_staff(m.id, "admin")
    await client_as_staff(client, staff)
    return m, staff, csrf_of((await client.get("/console/settings")).text)


async def test_the_settings_page_shows_the_current_values_in_chinese(client):
    m, _, _ = await _signed_in(client)
    await terms.update_terms(m.id, {"hold_days": 14})
    html = (await client.get("/console/settings", headers=ZH)).text
    for text in ("归因有效期（天）", "售后冻结期（天）", "处理方式", "商城对接", 'value="14"', "shop.example.com"):
        assert text in html, text


async def test_every_section_refuses_bad_input_next_to_its_field_and_writes_nothing(client):
    m, _, csrf = await _signed_in(client)
    before = (await settings.get_settings(m.id), await terms.get_terms(m.id), await expiry.get_settings(m.id))
    cases = [
        ("attribution", {**ATTRIBUTION, "attribution_window_days": "0", "binding_mode": "days", "binding_days": "x"},
         {"attribution_window_days": "至少为 1。", "binding_days": "请输入 1 到 3650 之间的天数。"}),
        ("commissions", {**COMMISSIONS, "hold_days": "400", "points_per_unit": "-1", "expiry_months": "0"},
         {"hold_days": "最多为 365。", "expiry_months": "至少为 1。",
          "points_per_unit": "请输入每单位金额对应的积分，例如 10 或 0.5（须大于零，最多 6 位小数）。"}),
        ("fraud", fraud_form(**{"refund_rate-max_percent": "120", "fast_order-min_seconds": "soon", "bot_click-action": "shout"}),
         {"refund_rate-max_percent": "请输入 0 到 100 之间的百分比，例如 30 或 12.5。", "fast_order-min_seconds": "请输入整数。",
          "bot_click-action": "请从选项中选择一项。"}),
        ("shop", {**SHOP, "timezone": "Mars/Olympus", "allowed_domains": "shop.example.com\nnot a domain", "webhook_url": "ftp://x"},
         {"timezone": "未知时区：请使用 Asia/Shanghai 这样的名称。", "allowed_domains": "请输入域名，例如 shop.example.com。",
          "webhook_url": "请输入以 http:// 或 https:// 开头的地址，例如 https://shop.example.com/relay。"}),
    ]
    for section, form, expected in cases:
        answer = await client.post(f"/console/settings/{section}", headers=ZH, data={"csrf_token": csrf, **form})
        assert answer.status_code == 422, section
        assert f'id="{section}-errors"' in answer.text
        assert {field: error_of(answer.text, field) for field in expected} == expected, section
    after = (await settings.get_settings(m.id), await terms.get_terms(m.id), await expiry.get_settings(m.id))
    assert after == before
    assert (await audit.list_entries(m.id)).items == []


async def test_each_section_saves_what_changed_and_is_audited_as_the_staff_account(client):
    m, staff, csrf = await _signed_in(client)
    posts = [
        ("attribution", {**ATTRIBUTION, "attribution_window_days": "14", "attribution_model": "first_click",
                         "binding_mode": "days", "binding_days": "90", "allow_self_referral": "1"}),
        ("commissions", {**COMMISSIONS, "hold_days": "10", "points_per_unit": "10", "expiry_months": "12"}),
        ("fraud", fraud_form(**{"refund_rate-action": "hold", "refund_rate-max_percent": "25", "bot_click-action": "off"})),
        ("shop", {**SHOP, "timezone": "Asia/Hong_Kong", "allowed_domains": "shop.example.com\nm.shop.example.com",
                  "webhook_url": "https://erp.example.com/relay"}),
    ]
    for section, form in posts:
        answer = await client.post(f"/console/settings/{section}", data={"csrf_token": csrf, **form})
        assert answer.status_code == 303, (section, answer.text[-1500:])
    merchant = await settings.get_settings(m.id)
    assert (merchant.attribution_window_days, merchant.attribution_model, merchant.binding_days, merchant.allow_self_referral) == (
        14, "first_click", 90, True)
    assert merchant.fraud_signals["refund_rate"] == {"action": "hold", "window_days": 90, "max_percent": "25", "min_orders": 10}
    assert merchant.fraud_signals["bot_click"] == {"action": "off"}
    assert (merchant.timezone, merchant.allowed_domains, merchant.webhook_url) == (
        "Asia/Hong_Kong", ["shop.example.com", "m.shop.example.com"], "https://erp.example.com/relay")
    commission_terms = await terms.get_terms(m.id)
    assert (commission_terms.hold_days, commission_terms.points_per_unit) == (10, "10")
    assert (await expiry.get_settings(m.id)).expiry_months == 12
    entries = (await audit.list_entries(m.id)).items
    assert [e.action for e in reversed(entries)] == [
        "merchant.update_settings", "commission_terms.update", "points_settings.update", "merchant.update_settings",
        "merchant.update_settings"]
    assert {e.actor.id for e in entries} == {str(staff.id)}
    assert entries[1].after == {"fraud_signals": merchant.fraud_signals}  # the whole of the signals after
    assert entries[2].after == {"expiry_months": 12} and entries[2].before == {"expiry_months": None}

    for section, form in posts:  # the same again: nothing differs, nothing is written or recorded
        assert (await client.post(f"/console/settings/{section}", data={"csrf_token": csrf, **form})).status_code == 303
    assert len((await audit.list_entries(m.id)).items) == len(entries)


async def test_a_new_webhook_secret_is_shown_once_and_the_rotation_audited(client):
    m, _, csrf = await _signed_in(client)
    answer = await client.post("/console/settings/webhook-secret", data={"csrf_token": csrf})
    assert answer.status_code == 200
    signing = await settings.shop_signing(m.id)
    current, previous = signing.secrets(now(), sealer())  # the old one verifies during the grace period
    assert current != m.webhook_secret and previous == m.webhook_secret
    assert f'value="{current}"' in answer.text
    assert current not in (await client.get("/console/settings")).text
    assert [e.action for e in (await audit.list_entries(m.id)).items] == ["webhook_secret.rotate"]


async def test_setting_the_points_expiry_through_the_api_is_audited(client):
    from tests.factories.merchants import api

    m = await make_merchant()
    assert (await api(client, m, "PUT", "/api/v1/points/settings", json={"expiry_months": 6})).status_code == 200
    entry = (await audit.list_entries(m.id)).items[0]
    assert (entry.action, entry.actor.kind, entry.before, entry.after) == (
        "points_settings.update", "api_key", {"expiry_months": None}, {"expiry_months": 6})


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
async def test_a_merchant_changes_the_fraud_signals_and_the_hold_in_the_browser(new_page, locale):
    m = await make_merchant()
    staff = await make_staff(m.id, "admin")
    page = await new_page(locale=locale)
    await sign_in_staff(page, staff)
    await page.goto("/console/settings")
    await screenshot(page, f"console-settings-{locale}")
    await page.select_option("#f-refund_rate-action", "hold")
    await page.fill("#f-refund_rate-max_percent", "150")
    await page.click("#save-fraud")
    assert await page.locator("#e-refund_rate-max_percent").is_visible()
    await screenshot(page, f"console-settings-error-{locale}")
    await page.fill("#f-refund_rate-max_percent", "20")
    await page.click("#save-fraud")
    assert await page.locator(".flash-success").is_visible()
    await page.fill("#f-hold_days", "3")
    await page.click("#save-commissions")
    assert await page.locator(".flash-success").is_visible()
    merchant = await settings.get_settings(m.id)
    assert merchant.fraud_signals["refund_rate"]["action"] == "hold" and merchant.fraud_signals["refund_rate"]["max_percent"] == "20"
    assert (await terms.get_terms(m.id)).hold_days == 3
