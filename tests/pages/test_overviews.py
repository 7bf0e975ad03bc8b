"""The consoles' home pages tell the money story with exact figures: the merchant console's month
(revenue and commissions from the reports' totals, owed and payable from the ledger), the finance
console's next batches, what is owed per asset and the failed lines waiting for a later batch."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from commissions.service.earning import commission_order
from core.time import now
from payouts.models import PayoutFrequency
from payouts.service import accruals, batch_queries, terms
from payouts.service.terms import Schedule
from tests.factories.batches import make_commission, make_payee
from tests.factories.commissions import make_order, percent_rule, publish_rule_set
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner
from tests.pages.conftest import (
    client_as_staff,
    csrf_of,
    hidden_fields,
    make_staff,
    screenshot,
    sign_in_staff,
)
from tests.pages.test_console_partner_form import ZH

pytestmark = pytest.mark.usefixtures("database_url")


def value_of(html: str, block_id: str) -> str:
    """The figure shown in the stat `block_id` (the yuan written ¥ in either language)."""
    found = re.search(rf'id="{block_id}".*?<div class="value">(.*?)</div>', html, re.S)
    assert found, block_id
    return found[1].replace("CN¥", "¥")


async def test_the_console_home_shows_this_months_revenue_and_commissions_and_what_is_owed_and_payable(client):
    m = await make_merchant()
    seller = await make_partner(m.id, display_name="Li Lei")
    await publish_rule_set(m.id, {"rules": [percent_rule("a", "10")]})
    today = now()
    for at, price in ((today, 25800), (today - timedelta(days=400), 99900)):  # last year's order is not this month's
        order = await make_order(m.id, seller.id, [("A", "tea", 2, price)], at=at)
        await accruals.record_earned(m.id, await commission_order(m.id, order.for_commission()))  # as the pipeline
    alice = await make_payee(m.id)
    await make_commission(m.id, alice.id, 12050)  # payable: past the hold (in October)
    await client_as_staff(client, await make_staff(m.id, "admin"))

    html = (await client.get("/console/", headers={"accept-language": "en"})).text.replace("CN¥", "¥")
    assert value_of(html, "month-revenue") == "¥516.00" and "1 order" in html
    assert value_of(html, "month-commissions") == "¥51.60"
    # owed: both orders' commissions (pending, in the after-sales hold) and alice's payable one
    assert value_of(html, "owed-cash") == "¥371.90"  # 51.60 + 199.80 + 120.50
    assert value_of(html, "payable") == "¥120.50"
    chinese = (await client.get("/console/", headers=ZH)).text
    assert "本月" in chinese and "应付推广员" in chinese and value_of(chinese, "payable") == "¥120.50"


async def _finance(client, merchant_id: int) -> str:
    await client_as_staff(client, await make_staff(merchant_id, "finance"))
    return csrf_of((await client.get("/finance/batches")).text)


async def _batch(client, csrf: str, cutoff: str) -> int:
    answer = await client.post("/finance/batches", data={"csrf_token": csrf, "asset": "CNY", "cutoff": cutoff})
    assert answer.status_code == 303, answer.text[-1500:]
    batch_id = int(answer.headers["location"].rsplit("/", 1)[1])
    shown = hidden_fields((await client.get(f"/finance/batches/{batch_id}/approve")).text)
    assert (await client.post(f"/finance/batches/{batch_id}/approve", data=shown)).status_code == 303
    return batch_id


async def test_the_finance_home_shows_the_next_batch_what_is_owed_and_the_failed_lines_waiting(client):
    m = await make_merchant()
    alice, bob, carol = await make_payee(m.id), await make_payee(m.id, payee_name="Bo Bo"), await make_payee(m.id)
    await make_commission(m.id, alice.id, 12000)
    await make_commission(m.id, bob.id, 8000)
    await make_commission(m.id, carol.id, 5000, status="pending", available_at=None)  # in the hold
    await make_commission(m.id, alice.id, 300, asset="PTS")
    csrf = await _finance(client, m.id)
    batch_id = await _batch(client, csrf, "2026-11-01")
    lines = {line.partner_id: line for line in (await batch_queries.batch_lines(m.id, batch_id)).items}
    results = (f"reference,status,reason\r\n{lines[alice.id].reference},paid,\r\n"
               f"{lines[bob.id].reference},failed,account closed\r\n")
    answer = await client.post(f"/finance/batches/{batch_id}/results", data={"csrf_token": csrf},
                               files={"results": ("results.csv", results)})
    assert answer.status_code == 303, answer.text[-1500:]
    await terms.update_terms(m.id, schedules={"CNY": Schedule(PayoutFrequency.weekly, 0)})

    html = (await client.get("/finance/", headers={"accept-language": "en"})).text.replace("CN¥", "¥")
    assert value_of(html, "next-cash") == "¥80.00"  # bob's failed line is payable again
    assert value_of(html, "next-points") == "300 points"
    assert "Drafted " in html.split('id="next-cash"')[1].split("</div>\n  </div>")[0]
    assert "No schedule: made by hand." in html.split('id="next-points"')[1]
    owed = re.search(r'<tr data-asset="CNY">(.*?)</tr>', html, re.S)[1]
    assert re.findall(r'<td class="num">(.*?)</td>', owed) == ["¥130.00", "¥80.00", "¥0.00"]  # carol's 50 + bob's 80
    assert '<p id="failed-total">1 line, ¥80.00</p>' in html
    failed = html.split('id="failed-lines"')[1]
    assert lines[bob.id].reference in failed and "Bo Bo" in failed and "account closed" in failed
    assert lines[alice.id].reference not in failed
    chinese = (await client.get("/finance/", headers=ZH)).text
    assert "下一批次" in chinese and "等待处理的失败明细" in chinese

    await _batch(client, csrf, "2026-12-01")  # a later batch picks bob's amount up again: nothing waits
    html = (await client.get("/finance/", headers={"accept-language": "en"})).text.replace("CN¥", "¥")
    assert 'id="no-failed"' in html and 'id="failed-lines"' not in html
    assert value_of(html, "next-cash") == "¥0.00"


async def test_the_console_home_in_a_browser_in_both_languages(admin_session, new_page):
    page, m = admin_session.page, admin_session.merchant
    await make_commission(m.id, (await make_payee(m.id)).id, 12050)
    await page.goto("/console/")
    assert (await page.locator("#payable .value").inner_text()).endswith("120.50")
    await screenshot(page, "console-home")
    chinese = await new_page(locale="zh-CN")
    await sign_in_staff(chinese, admin_session.staff)
    await chinese.goto("/console/")
    text = await chinese.locator("main").inner_text()
    assert "本月" in text and "当前可结算" in text and "Payable" not in text
    await screenshot(chinese, "console-home-zh")
