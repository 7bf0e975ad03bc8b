"""The finance console in a real browser (Chromium): a draft batch with its lines, totals and the
partners carried forward or held with the reason; approval through the confirmation; the transfer
file downloaded as CSV and XLSX; that XLSX uploaded back with its results filled in, one failed line; the batch closed; the ledger's
reconciliation and a partner's statement; the roles kept apart. Screenshots under tests/artifacts/."""

from __future__ import annotations

import asyncio
import csv
import io
from pathlib import Path

from openpyxl import load_workbook

from payouts.export import COLUMNS
from payouts.service import batch_queries
from tests.factories.batches import make_commission, make_payee
from tests.pages.conftest import make_staff, screenshot, sign_in_staff


async def test_finance_creates_approves_exports_a_batch_uploads_results_with_a_failed_line_and_closes(finance_session):
    page, m = finance_session.page, finance_session.merchant
    alice = await make_payee(m.id, display_name="Alice Chen", payee_name="Alice Chen", payee_account="6222020200112233")
    bob = await make_payee(m.id, display_name="Bob Li", payee_name="Bob Li", payee_account="6222020200445566")
    carol = await make_payee(m.id, display_name="Carol Wu")
    dave = await make_payee(m.id, display_name="Dave Xu", status="suspended")
    a1 = await make_commission(m.id, alice.id, 12000)
    await make_commission(m.id, alice.id, 8050)
    await make_commission(m.id, alice.id, -2050, reversal_of=a1.id)  # refunded before the payout
    await make_commission(m.id, bob.id, 6000)
    await make_commission(m.id, carol.id, 3000)  # below the 50.00 minimum
    await make_commission(m.id, dave.id, 10000)  # suspended: held

    await page.goto("/finance/batches")
    assert "NOT included" in await page.locator("label[for=f-cutoff]").inner_text()
    await screenshot(page, "finance-batches")
    await page.select_option("#f-asset", "CNY")
    await page.fill("#f-cutoff", "2026-11-01")  # October, in Shanghai
    await page.click("#create-batch")
    await page.wait_for_url("**/finance/batches/*")
    batch_id = int(page.url.rsplit("/", 1)[1])
    assert await page.locator("#batch-status").inner_text() == "Draft"
    assert await page.locator("#total-net").inner_text() == "¥240.00"
    assert await page.locator("#total-lines").inner_text() == "2 lines"
    assert await page.locator("#total-carried").inner_text() == "¥30.00"
    assert await page.locator("#total-held").inner_text() == "¥100.00"
    unpaid = page.locator("#unpaid-lines")
    carol_row = await unpaid.locator(f"tr[data-partner='{carol.id}'] td").all_inner_texts()
    assert carol_row[2:4] == ["Carried forward", "Below the minimum payout of ¥50.00."]
    dave_row = await unpaid.locator(f"tr[data-partner='{dave.id}'] td").all_inner_texts()
    assert dave_row[2:4] == ["Held", "The partner is suspended."] and dave_row[-1] == "¥100.00"
    alice_row = await page.locator(f"#lines tr[data-partner='{alice.id}'] td").all_inner_texts()
    assert alice_row[2] == "To be paid" and alice_row[4:] == ["3", "¥180.00", "¥0.00", "¥180.00"]
    await screenshot(page, "finance-batch-draft")

    await page.click("#approve")
    await page.wait_for_url(f"**/finance/batches/{batch_id}/approve")
    confirmation = await page.locator("#confirmation").inner_text()
    assert "You are about to pay ¥240.00 to 2 partners." in confirmation
    assert "¥30.00" in confirmation and "¥100.00" in confirmation
    await screenshot(page, "finance-batch-approve")
    await page.click("#confirm-approve")
    await page.wait_for_url(f"**/finance/batches/{batch_id}")
    assert "Batch approved: 2 lines, ¥240.00 to pay." in await page.locator(".flash-success").inner_text()
    assert await page.locator("#batch-status").inner_text() == "Approved"

    async with page.expect_download() as download_info:
        await page.click("#export")
    download = await download_info.value
    assert download.suggested_filename == f"payout-batch-{batch_id}.csv"
    text = await asyncio.to_thread(Path(await download.path()).read_text, encoding="utf-8")
    assert text.startswith("\ufeff")  # the byte-order mark Excel needs to read UTF-8
    exported = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    lines = {line.partner_id: line for line in (await batch_queries.batch_lines(m.id, batch_id)).items}
    assert exported == [
        list(COLUMNS),
        [f'="{lines[alice.id].reference}"', "Alice Chen", '="6222020200112233"', "", "180.00", "CNY", "",
         f'="{alice.id}"', "", ""],
        [f'="{lines[bob.id].reference}"', "Bob Li", '="6222020200445566"', "", "60.00", "CNY", "", f'="{bob.id}"', "", ""],
    ]
    await page.goto(f"/finance/batches/{batch_id}")
    assert await page.locator("#batch-status").inner_text() == "Exported"

    async with page.expect_download() as download_info:
        await page.click("#export-xlsx")
    download = await download_info.value
    assert download.suggested_filename == f"payout-batch-{batch_id}.xlsx"
    book = load_workbook(io.BytesIO(await asyncio.to_thread(Path(await download.path()).read_bytes)))
    sheet = book.worksheets[0]
    assert [(row[2].value, row[2].data_type) for row in sheet.iter_rows(min_row=2)] == [
        ("6222020200112233", "s"), ("6222020200445566", "s"),
    ]
    sheet["I2"], sheet["I3"], sheet["J3"] = "paid", "failed", "account closed"  # finance fills in the results
    filled = io.BytesIO()
    book.save(filled)
    await page.set_input_files("#f-results", files=[{
        "name": f"payout-batch-{batch_id}.xlsx", "buffer": filled.getvalue(),
        "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }])
    await page.click("#upload")
    await page.wait_for_url(f"**/finance/batches/{batch_id}")
    assert "Results imported: 1 paid, 1 failed, 0 returned, 0 already recorded." in await page.locator(
        ".flash-success").inner_text()
    failed = await page.locator(f"#failed-lines tr[data-partner='{bob.id}'] td").all_inner_texts()
    assert failed[2:4] == ["Failed", "account closed"] and failed[-1] == "¥60.00"
    assert await page.locator("#failed-lines tbody tr").count() == 1
    await screenshot(page, "finance-batch-results")

    await page.click("#actions button:has-text('Close the batch')")
    await page.wait_for_url(f"**/finance/batches/{batch_id}")
    assert "Batch closed." in await page.locator(".flash-success").inner_text()
    assert await page.locator("#batch-status").inner_text() == "Closed"
    # Approved: the bank was asked for both lines; paid and failed apart.
    assert await page.locator("#total-net").inner_text() == "¥240.00"
    assert await page.locator("#total-paid .value").inner_text() == "¥180.00"
    assert await page.locator("#total-failed .value").inner_text() == "¥60.00"

    await page.goto("/finance/ledger")
    assert "no unbalanced transaction" in await page.locator("#audit").inner_text()
    cny = page.locator("section[data-asset='CNY']")
    assert "Ties out" in await cny.locator("h3").inner_text()
    assert await cny.locator("tr[data-account='paid'] td.num").inner_text() == "¥180.00"
    assert await cny.locator("tr[data-account='paid-lines'] td.num").inner_text() == "¥180.00"
    assert await cny.locator("tr[data-account='in_batch'] td.num").inner_text() == "¥0.00"
    assert await cny.locator("tr[data-account='difference'] td.num").inner_text() == "¥0.00"
    # Bob's 60.00 came back, Carol's 30.00 and Dave's 100.00 wait.
    assert await cny.locator("tr[data-account='available'] td.num").inner_text() == "¥190.00"
    await screenshot(page, "finance-ledger")

    await page.fill("#f-partner", bob.code)
    await page.click("#find-partner button")
    await page.wait_for_url(f"**/finance/ledger/partners/{bob.id}")
    assert await page.locator("#balances [data-account='available']").inner_text() == "¥60.00"
    rows = page.locator("#statement tbody tr")
    last = await rows.nth(await rows.count() - 1).locator("td").all_inner_texts()
    assert last[1].startswith("Payout failed") and last[3:] == ["Available", "¥60.00", "¥60.00"]
    await screenshot(page, "finance-statement")


async def test_a_finance_user_cannot_open_the_rules_editor_and_an_admin_cannot_open_the_finance_console(
    finance_session, new_page
):
    page, m = finance_session.page, finance_session.merchant
    for path in ("/console/rules", "/console/rules/1"):
        response = await page.goto(path)
        assert response.status == 403, path
    admin = await make_staff(m.id, "admin")
    admin_page = await new_page()
    await sign_in_staff(admin_page, admin)
    for path in ("/finance/", "/finance/batches", "/finance/ledger"):
        response = await admin_page.goto(path)
        assert response.status == 403, path


async def _chinese_draft(new_page):
    """A finance user's page in Chinese on a draft of October paying 120.00 to one partner:
    (page, merchant, the partner's commission, the batch id)."""
    from tests.factories.merchants import make_merchant

    m = await make_merchant()
    staff = await make_staff(m.id, "finance")
    alice = await make_payee(m.id, display_name="陈爱丽")
    earned = await make_commission(m.id, alice.id, 12000)
    page = await new_page(locale="zh-CN")
    await sign_in_staff(page, staff)
    await page.goto("/finance/batches")
    await page.fill("#f-cutoff", "2026-11-01")
    await page.click("#create-batch")
    await page.wait_for_url("**/finance/batches/*")
    return page, m, earned, int(page.url.rsplit("/", 1)[1])


async def test_the_finance_console_in_chinese(new_page):
    page, _, _, _ = await _chinese_draft(new_page)
    assert await page.locator("#batch-status").inner_text() == "草稿"
    assert await page.locator("#total-net").inner_text() == "¥120.00"
    await screenshot(page, "finance-batch-draft-zh")

    batch_id = int(page.url.rsplit("/", 1)[1])
    await page.click("#approve")
    await page.wait_for_url(f"**/finance/batches/{batch_id}/approve")
    await page.click("#confirm-approve")
    await page.wait_for_url(f"**/finance/batches/{batch_id}")
    async with page.expect_download() as download_info:
        await page.click("#export-gbk")
    download = await download_info.value
    assert download.suggested_filename.endswith("-gbk.csv")
    data = await asyncio.to_thread(Path(await download.path()).read_bytes)
    rows = list(csv.reader(io.StringIO(data.decode("gbk"), newline="")))
    assert rows[0] == ["付款参考号", "收款人", "收款账号", "开户银行", "金额", "币种", "收款方式", "合伙人编号", "结果", "原因"]
    assert len(rows) == 2 and rows[1][4] == "120.00"

    async def upload(status: str) -> None:
        rows[1][8] = status
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        await page.set_input_files(
            "#f-results", files=[{"name": "结果.csv", "mimeType": "text/csv", "buffer": out.getvalue().encode("gbk")}]
        )
        await page.click("#upload")
        await page.wait_for_load_state()

    await upload("好")
    errors = await page.locator("#import-errors").inner_text()
    assert "第 2 行：结果“好”不是已支付、失败或退回。" in errors, errors
    await screenshot(page, "finance-batch-import-errors-zh")
    await upload("已支付")
    assert "结果已导入：1 行已付，0 行失败，0 行退回，0 行此前已记录。" in await page.locator(".flash-success").inner_text()
    await page.goto("/finance/ledger")
    assert await page.locator("h1").inner_text() == "账本"
    await screenshot(page, "finance-ledger-zh")


async def test_approval_after_a_refund_shows_the_new_figures_in_chinese_and_approves_them_on_confirmation(new_page):
    page, m, earned, batch_id = await _chinese_draft(new_page)
    await page.goto(f"/finance/batches/{batch_id}/approve")
    assert "¥120.00" in await page.locator("#about-to-pay").inner_text()
    await make_commission(m.id, earned.partner_id, -2500, reversal_of=earned.id)  # refunded while the page is open

    async with page.expect_response(f"**/finance/batches/{batch_id}/approve") as answer:
        await page.click("#confirm-approve")
    assert (await answer.value).status == 409
    changed = await page.locator("#figures-changed").inner_text()
    assert "没有批准任何内容" in changed and "¥95.00" in changed, changed
    assert "¥95.00" in await page.locator("#about-to-pay").inner_text()
    assert (await batch_queries.get_batch(m.id, batch_id)).status == "draft"
    await screenshot(page, "finance-batch-approve-changed-zh")

    await page.click("#confirm-approve")
    await page.wait_for_url(f"**/finance/batches/{batch_id}")
    approved = await batch_queries.get_batch(m.id, batch_id)
    assert approved.status == "approved" and approved.totals.payout.net_minor == 9500
