"""The finance console's payout terms form in process: the stored terms shown, each schedule's next
run, refusals next to their fields in the page's language with nothing written, only what differs
saved and audited as the signed-in staff account, and the page for finance only."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from accounts.service import audit
from payouts.models import PayeeSignal, PayoutFrequency
from payouts.service import terms
from payouts.service.schedule import next_period_end
from payouts.service.terms import PayeeChange, Schedule
from tests.factories.merchants import make_merchant
from tests.pages.conftest import client_as_staff, csrf_of, make_staff, screenshot, sign_in_staff
from tests.pages.test_console_partner_form import ZH, error_of

pytestmark = pytest.mark.usefixtures("database_url")

FORM = {
    "withholding": "none", "minimum-cash": "", "minimum-points": "", "schedule-cash-frequency": "",
    "schedule-cash-weekday": "0", "schedule-cash-monthday": "1", "schedule-points-frequency": "",
    "schedule-points-weekday": "0", "schedule-points-monthday": "1", "payee_signal": "flag", "payee_days": "7",
}


async def _signed_in(client, role: str = "finance"):
    merchant = await make_merchant()
    staff = await make_staff(merchant.id, role)
    await client_as_staff(client, staff)
    html = (await client.get("/finance/terms")).text if role == "finance" else ""
    return merchant, staff, csrf_of(html) if html else ""


async def test_the_terms_form_saves_what_differs_audited_and_shows_the_next_run(client):
    merchant, staff, csrf = await _signed_in(client)
    form = {**FORM, "withholding": "cn_labour_remuneration", "minimum-cash": "100", "schedule-cash-frequency": "weekly",
            "schedule-cash-weekday": "4", "schedule-points-frequency": "monthly", "schedule-points-monthday": "15",
            "payee_signal": "hold", "payee_days": "14"}
    answer = await client.post("/finance/terms", data={"csrf_token": csrf, **form})
    assert answer.status_code == 303, answer.text[-2000:]
    saved = await terms.get_terms(merchant.id)
    assert saved.withholding == "cn_labour_remuneration"
    assert (saved.for_asset("CNY").minimum_minor, saved.for_asset("PTS").minimum_is_default) == (10000, True)
    assert saved.for_asset("CNY").schedule == Schedule(PayoutFrequency.weekly, 4)
    assert saved.for_asset("PTS").schedule == Schedule(PayoutFrequency.monthly, 15)
    assert saved.payee_change == PayeeChange(PayeeSignal.hold, 14)
    entries = (await audit.list_entries(merchant.id)).items
    assert [(e.action, e.actor.id) for e in entries] == [("payout_terms.update", str(staff.id))]

    again = await client.post("/finance/terms", data={"csrf_token": csrf, **form})  # nothing differs: nothing written
    assert again.status_code == 303 and len((await audit.list_entries(merchant.id)).items) == 1

    html = (await client.get("/finance/terms", headers={"accept-language": "en"})).text
    assert 'value="100.00"' in html and '<option value="4" selected>Friday</option>' in html
    friday = next_period_end(Schedule(PayoutFrequency.weekly, 4), datetime.now().astimezone(), "Asia/Shanghai")
    shown = re.search(r'id="next-run-cash">Next batch drafted: (.*?) \(', html)
    assert shown and friday.astimezone().strftime("%Y") in shown[1]
    local = friday.astimezone(ZoneInfo("Asia/Shanghai"))
    assert f"{local.day}, {local.year}" in shown[1] and "12:00:00" in shown[1]  # midnight, merchant's time
    chinese = (await client.get("/finance/terms", headers=ZH)).text
    assert "下一批次" in chinese and "每周" in chinese and "星期五" in chinese

    back = await client.post("/finance/terms", data={"csrf_token": csrf, **FORM})  # back to the defaults
    assert back.status_code == 303
    reset = await terms.get_terms(merchant.id)
    assert reset.for_asset("CNY").minimum_is_default and reset.for_asset("CNY").schedule is None
    assert 'id="next-run-cash">No schedule' in (await client.get("/finance/terms")).text


async def test_bad_terms_are_refused_next_to_their_fields_in_the_page_language_nothing_written(client):
    merchant, _, csrf = await _signed_in(client)
    bad = {**FORM, "minimum-cash": "1.234", "minimum-points": "2.5", "schedule-cash-frequency": "monthly",
           "schedule-cash-monthday": "31", "schedule-points-frequency": "weekly", "schedule-points-weekday": "9",
           "payee_days": "400"}
    answer = await client.post("/finance/terms", data={"csrf_token": csrf, **bad}, headers=ZH)
    assert answer.status_code == 422
    html = answer.text
    assert {name: error_of(html, name) for name in ("minimum-cash", "minimum-points", "schedule-cash-monthday",
                                                   "schedule-points-weekday", "payee_days")} == {
        "minimum-cash": "请输入大于零的金额，如 50 或 100.00；留空则使用默认值。",
        "minimum-points": "请输入至少为 1 的整数积分；留空则使用默认值。",
        "schedule-cash-monthday": "请选择 1 到 28 之间的日期。", "schedule-points-weekday": "请选择星期几。",
        "payee_days": "请输入 1 到 365 之间的天数。"}
    assert 'value="1.234"' in html  # what was typed stays in the form
    zero = await client.post("/finance/terms", data={"csrf_token": csrf, **FORM, "minimum-cash": "0"},
                             headers={"accept-language": "en"})
    assert zero.status_code == 422
    assert error_of(zero.text, "minimum-cash").startswith("Enter an amount more than zero")
    unknown = await client.post("/finance/terms", data={"csrf_token": csrf, **FORM, "withholding": "mars"},
                                headers={"accept-language": "en"})
    assert error_of(unknown.text, "withholding") == "Choose one of the options."
    assert (await audit.list_entries(merchant.id)).items == []
    assert (await terms.get_terms(merchant.id)).for_asset("CNY").minimum_is_default


async def test_payout_terms_are_for_finance_only(client):
    await _signed_in(client, "admin")
    assert (await client.get("/finance/terms")).status_code == 403


async def test_finance_sets_the_terms_in_a_browser_and_sees_the_next_run(finance_session, new_page):
    page, m = finance_session.page, finance_session.merchant
    await page.goto("/finance/terms")
    await page.fill("#f-minimum-cash", "0")
    await page.select_option("#f-schedule-cash-frequency", "monthly")
    await page.click("#save-terms")
    assert await page.locator("#e-minimum-cash").inner_text() == "Enter an amount more than zero, like 50 or 100.00; blank: the default."
    await page.fill("#f-minimum-cash", "100")
    await page.click("#save-terms")
    assert "Payout terms saved." in await page.locator("main").inner_text()
    assert (await terms.get_terms(m.id)).for_asset("CNY").schedule == Schedule(PayoutFrequency.monthly, 1)
    assert (await page.locator("#next-run-cash").inner_text()).startswith("Next batch drafted: ")
    await screenshot(page, "finance-terms")
    await page.goto("/finance/")
    assert (await page.locator("#next-cash .next-run").inner_text()).startswith("Drafted ")
    await screenshot(page, "finance-home")

    chinese = await new_page(locale="zh-CN")
    await sign_in_staff(chinese, finance_session.staff)
    await chinese.goto("/finance/terms")
    text = await chinese.locator("main").inner_text()
    assert "结算条款" in text and "下一批次生成时间" in text and "Payout" not in text
    assert "留空：使用默认值 1 积分。低于此金额的合伙人结转到以后的批次。" in text  # one sentence after another, no space
    await screenshot(chinese, "finance-terms-zh")
