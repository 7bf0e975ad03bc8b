"""The portal's payee page (/p/payee), phone first, in zh-Hans and en: the first details saved
without a code and shown masked; each bad field refused next to it in the page's language,
nothing written; a change asks for the code the page sends (read back from the SMTP server),
keeps what was typed, and is refused with a wrong code."""

from __future__ import annotations

import pytest

from accounts.service import audit
from payouts.models import Payee
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner
from tests.mailbox import six_digits
from tests.pages.conftest import BROWSER_HEADERS, client_as_partner, csrf_of, screenshot, sign_in_partner
from tests.pages.test_apply_pages import visible
from tests.payouts.test_payee import CARD_16

pytestmark = pytest.mark.usefixtures("database_url")

ZH = {"accept-language": "zh-CN", **BROWSER_HEADERS}
EN = {"accept-language": "en", **BROWSER_HEADERS}
BANK = {"method": "bank", "account_name": "林美", "bank_name": "招商银行", "account_number": "6222 0202 0011 2230"}


async def save(client, headers, **fields):
    form = await client.get("/p/payee", headers=headers)
    assert form.status_code == 200, form.text
    return await client.post("/p/payee", headers=headers, data={"csrf_token": csrf_of(form.text)} | fields)


async def signed_in(client, email: str):
    m = await make_merchant()
    partner = await make_partner(m.id, email=email)
    await client_as_partner(client, m.id, partner.id)
    return m, partner


async def test_first_details_are_saved_and_shown_masked_in_chinese(messaging_client):
    client = messaging_client
    m, partner = await signed_in(client, "page.first@example.com")
    saved = await save(client, ZH, **BANK)
    assert saved.status_code == 303, saved.text
    shown = await client.get("/p/payee", headers=ZH)
    text = visible(shown.text)
    assert "收款信息" in text and "招商银行" in text and "•••• 2230" in text
    assert CARD_16 not in shown.text and "6222 0202" not in shown.text
    assert (await Payee.get(merchant_id=m.id, partner_id=partner.id)).account_number == CARD_16


@pytest.mark.parametrize(("headers", "change", "field", "words"), [
    (ZH, {"account_number": "6222020200112233"}, "account_number", "卡号无效"),
    (ZH, {"account_name": ""}, "account_name", "必填"),
    (ZH, {"bank_name": ""}, "bank_name", "必填"),
    (ZH, {"method": "alipay", "account_number": "abc"}, "account_number", "支付宝账户的手机号或邮箱"),
    (EN, {"account_number": "6222020200112233"}, "account_number", "not a valid card number"),
    (EN, {"resident_id": "110105194912310021"}, "resident_id", "not a valid resident ID number"),
])
async def test_a_bad_field_is_refused_next_to_it_and_nothing_is_written(messaging_client, headers, change, field, words):
    client = messaging_client
    m, partner = await signed_in(client, "page.bad@example.com")
    refused = await save(client, headers, **(BANK | change))
    assert refused.status_code == 422
    error = refused.text.split(f'id="e-{field}">', 1)[1].split("</div>", 1)[0]
    assert words in error
    assert not await Payee.filter(merchant_id=m.id).exists()
    assert not (await audit.list_entries(m.id, action="payee.update")).items


async def test_a_change_asks_for_the_code_sent_by_email_and_keeps_what_was_typed(messaging_client, mailbox):
    client = messaging_client
    m, partner = await signed_in(client, "page.change@example.com")
    assert (await save(client, ZH, **BANK)).status_code == 303
    alipay = {"method": "alipay", "account_name": "林美", "account_number": "13812345678"}

    asked = await save(client, ZH, **alipay)
    assert asked.status_code == 200
    assert "验证码已发送至 p***@example.com" in visible(asked.text) and 'value="13812345678"' in asked.text
    code = six_digits((await mailbox.wait_for("page.change@example.com"))[-1].text)
    wrong = await save(client, ZH, **alipay, code="000000" if code != "000000" else "111111")
    assert wrong.status_code == 422 and "验证码不正确" in wrong.text.split('id="e-code">', 1)[1]
    assert (await Payee.get(merchant_id=m.id, partner_id=partner.id)).method == "bank"

    changed = await save(client, ZH, **alipay, code=code)
    assert changed.status_code == 303, changed.text
    assert (await Payee.get(merchant_id=m.id, partner_id=partner.id)).method == "alipay"


async def test_the_payee_page_at_phone_width(new_page):
    m = await make_merchant()
    partner = await make_partner(m.id, display_name="林美")
    page = await new_page(locale="zh-CN")
    await sign_in_partner(page, m.id, partner.id)
    await page.goto("/p/payee")
    for name, value in (BANK | {"account_number": "6222 0202 0011 2233"}).items():
        if name != "method":
            await page.fill(f"#f-{name}", value)
    await page.click("form.stack button[type=submit]")
    assert "卡号无效" in await page.locator("#e-account_number").inner_text()
    await screenshot(page, "partner-payee-error")
    await page.fill("#f-account_number", "6222 0202 0011 2230")
    await page.click("form.stack button[type=submit]")
    assert "•••• 2230" in await page.locator("#current-payee").inner_text()
    await screenshot(page, "partner-payee")
