"""Withdrawals on the pages, phone first, in zh-Hans and en: the partner sees what they may
withdraw, the fee and what reaches them before the one button; a double submit asks once;
finance approves or rejects with a reason next to its field (nothing written without one); the
partner sees the reason and the status."""

from __future__ import annotations

import re

import pytest

from payouts.models import PayoutMode, Withdrawal, WithdrawalFee
from payouts.service import withdrawals
from payouts.service.postings import partner_balances
from payouts.service.withdrawals import WithdrawalRules
from tests.conftest import asgi_client
from tests.factories.batches import make_commission, make_payee
from tests.factories.merchants import make_merchant
from tests.pages.conftest import (
    BROWSER_HEADERS,
    client_as_partner,
    client_as_staff,
    csrf_of,
    make_staff,
    screenshot,
    sign_in_partner,
)
from tests.pages.test_apply_pages import visible

pytestmark = pytest.mark.usefixtures("database_url")

ZH = {"accept-language": "zh-CN", **BROWSER_HEADERS}
EN = {"accept-language": "en", **BROWSER_HEADERS}


async def earning(mode: PayoutMode = PayoutMode.both):
    m = await make_merchant()
    await withdrawals.set_rules(m.id, WithdrawalRules(mode=mode, fee=WithdrawalFee.flat, fee_flat_minor=200))
    partner = await make_payee(m.id, display_name="林美")
    await make_commission(m.id, partner.id, 12000)
    return m, partner


def form_fields(html: str) -> dict[str, str]:
    form = html.split('id="withdraw-quote"', 1)[1]
    return {"csrf_token": csrf_of(html), **dict(re.findall(r'type="hidden" name="(amount|idempotency_key)" value="([^"]+)"', form))}


async def test_the_partner_sees_the_fee_before_confirming_and_a_double_submit_asks_once(client):
    m, partner = await earning()
    await client_as_partner(client, m.id, partner.id)
    shown = await client.get("/p/withdraw", headers=ZH)
    text = visible(shown.text)
    assert "可提现金额" in text and "手续费" in text and "实际到账" in text
    assert "提现 ¥120.00，实际到账 ¥118.00" in text
    fields = form_fields(shown.text)
    first = await client.post("/p/withdraw", headers=ZH, data=fields)
    second = await client.post("/p/withdraw", headers=ZH, data=fields)  # the same tap, twice
    assert (first.status_code, second.status_code) == (303, 303)
    assert await Withdrawal.filter(merchant_id=m.id).count() == 1
    after = visible((await client.get("/p/withdraw", headers=ZH)).text)
    assert "等待审核" in after and "暂无可提现金额" in after
    cash = (await partner_balances(m.id, partner.id))["CNY"]
    assert (cash.available, cash.requested) == (0, 12000)


async def test_a_stale_amount_is_refused_in_the_partners_language_and_nothing_is_written(client):
    m, partner = await earning()
    await client_as_partner(client, m.id, partner.id)
    shown = await client.get("/p/withdraw", headers=EN)
    await make_commission(m.id, partner.id, 3000)  # became available after the page was shown
    refused = await client.post("/p/withdraw", headers=EN, data=form_fields(shown.text))
    assert refused.status_code == 422
    assert "The amount available has changed" in refused.text.split('id="withdraw-error"', 1)[1]
    assert "Withdraw ¥150.00, receive ¥148.00" in visible(refused.text)
    assert not await Withdrawal.filter(merchant_id=m.id).exists()


async def test_batches_only_shows_no_button(client):
    m, partner = await earning(PayoutMode.scheduled)
    await client_as_partner(client, m.id, partner.id)
    shown = await client.get("/p/withdraw", headers=ZH)
    assert 'id="withdraw-button"' not in shown.text and "商家仅按周期统一结算" in visible(shown.text)


async def test_finance_rejects_with_a_reason_and_the_partner_reads_it(app, client):
    m, partner = await earning()
    asked, _ = await withdrawals.request_withdrawal(m.id, partner.id, 12000, "tap")
    await client_as_staff(client, await make_staff(m.id, "finance"))
    listed = await client.get("/finance/withdrawals", headers=ZH)
    assert "林美" in visible(listed.text) and "待审核" in visible(listed.text)
    action = f"/finance/withdrawals/{asked.id}/reject"
    blank = await client.post(action, headers=ZH, data={"csrf_token": csrf_of(listed.text), "reason": " "})
    assert blank.status_code == 422 and "请填写给推广员的原因" in blank.text.split(f'id="e-reason-{asked.id}"', 1)[1]
    assert (await Withdrawal.get(id=asked.id)).status == "requested"
    done = await client.post(action, headers=ZH, data={"csrf_token": csrf_of(listed.text), "reason": "户名与卡号不符"})
    assert done.status_code == 303
    assert (await partner_balances(m.id, partner.id))["CNY"].available == 12000

    async with asgi_client(app, "198.51.100.61") as portal:
        await client_as_partner(portal, m.id, partner.id)
        seen = visible((await portal.get("/p/withdraw", headers=ZH)).text)
        assert "已驳回" in seen
        assert "原因：户名与卡号不符" in seen


async def test_finance_approves_a_request(client):
    m, partner = await earning()
    asked, _ = await withdrawals.request_withdrawal(m.id, partner.id, 12000, "tap")
    await client_as_staff(client, await make_staff(m.id, "finance"))
    listed = await client.get("/finance/withdrawals", headers=EN)
    approved = await client.post(f"/finance/withdrawals/{asked.id}/approve", headers=EN,
                                 data={"csrf_token": csrf_of(listed.text)})
    assert approved.status_code == 303
    assert (await Withdrawal.get(id=asked.id)).status == "approved"
    other = await make_merchant()
    await client_as_staff(client, await make_staff(other.id, "finance"))
    stranger = await client.post(f"/finance/withdrawals/{asked.id}/reject", headers=EN,
                                 data={"csrf_token": csrf_of(listed.text), "reason": "x"})
    assert stranger.status_code in (403, 404)
    assert (await Withdrawal.get(id=asked.id)).status == "approved"


async def test_the_withdraw_page_at_phone_width(new_page):
    m, partner = await earning()
    page = await new_page(locale="zh-CN")
    await sign_in_partner(page, m.id, partner.id)
    await page.goto("/p/withdraw")
    assert "实际到账 ¥118.00" in await page.locator("#withdraw-button").inner_text()
    await screenshot(page, "partner-withdraw")
    await page.click("#withdraw-button")
    assert "等待审核" in await page.locator("#withdrawals").inner_text()
    await screenshot(page, "partner-withdraw-requested")
