"""The figures a partner's money is shown with agree everywhere: a batch is drafted, approved,
its transfer file downloaded and the bank's results imported (one line paid, one failed), and every
page that shows the paid partner's money says paid, with the ledger's amounts: the console's
partner page and commission page, the partner's portal, the finance batch, list and statement.
Line references stay those of the draft; an approved line is not "sent to the bank" before the
file was downloaded; a points batch names its unit; creating a batch that exists takes no number."""

from __future__ import annotations

from datetime import datetime

from payouts.service import batch_queries, batches, lines
from payouts.service.postings import partner_balances
from relay.pages.templating import format_minor
from tests.factories.batches import END_OF_NOVEMBER, END_OF_OCTOBER, make_commission, make_payee
from tests.factories.merchants import make_merchant
from tests.pages.conftest import make_staff, screenshot, sign_in_partner, sign_in_staff

CUTOFF = datetime.fromisoformat(END_OF_OCTOBER)


def cny(minor: int, locale: str = "en") -> str:
    """An amount as the pages write it."""
    return format_minor(minor, "CNY", locale)


async def _text(page, selector: str) -> str:
    return (await page.locator(selector).inner_text()).strip()


async def test_after_a_batch_is_paid_every_page_shows_the_partners_money_as_the_ledger_does(new_page):
    m = await make_merchant()
    alice = await make_payee(m.id, display_name="Alice Chen", payee_name="Alice Chen", payee_account="6222020200112233445")
    bob = await make_payee(m.id, display_name="Bob Li", payee_name="Bob Li", payee_account="6222020200445566778")
    alices = [await make_commission(m.id, alice.id, 3558) for _ in range(6)]  # 213.48 in 6 commissions
    await make_commission(m.id, bob.id, 14940)
    finance = await new_page()
    await sign_in_staff(finance, await make_staff(m.id, "finance"))

    draft, created = await batches.create_batch(m.id, "CNY", CUTOFF, created_by="test")
    noted = {line.partner_id: line.reference for line in (await batch_queries.batch_lines(m.id, draft.id)).items}
    await batches.approve_batch(m.id, draft.id, approved_by="test", expected=None)
    approved = {line.partner_id: line for line in (await batch_queries.batch_lines(m.id, draft.id)).items}
    assert {partner: line.reference for partner, line in approved.items()} == noted  # B1-1 stays B1-1

    await finance.goto(f"/finance/batches/{draft.id}")  # approved, the file not downloaded yet
    row = await finance.locator(f"#lines tr[data-partner='{alice.id}'] td").all_inner_texts()
    assert row[0] == noted[alice.id] and row[2] == "Awaiting the transfer file"
    assert "transfer file not downloaded yet" in await _text(finance, "#total-outstanding")
    transfer = await lines.export_batch(m.id, draft.id)
    exported = b"".join([part async for part in transfer.content]).decode("utf-8-sig")
    assert noted[alice.id] in exported and noted[bob.id] in exported
    await finance.goto(f"/finance/batches/{draft.id}")
    row = await finance.locator(f"#lines tr[data-partner='{alice.id}'] td").all_inner_texts()
    assert row[2] == "Sent to the bank"
    results = f"reference,status,reason\n{noted[alice.id]},paid,\n{noted[bob.id]},failed,account closed\n"
    assert (await lines.import_results(m.id, draft.id, results)).paid == 1
    ledger = (await partner_balances(m.id, alice.id))["CNY"]
    assert (ledger.paid, ledger.available, ledger.in_batch) == (21348, 0, 0)

    # The merchant's console: the partner's page and each commission's page.
    admin = await new_page()
    await sign_in_staff(admin, await make_staff(m.id, "admin"))
    await admin.goto(f"/console/partners/{alice.id}")
    balances = admin.locator("#partner-balances")
    assert await _text(balances, "tr[data-account='paid'] td.num") == cny(21348)
    assert await _text(balances, "tr[data-account='available'] td.num") == cny(0)
    assert await _text(balances, "tr[data-account='in_batch'] td.num") == cny(0)
    states = await admin.locator("#partner-commissions [data-state]").evaluate_all("els => els.map(e => e.dataset.state)")
    assert states == ["paid"] * 6
    await screenshot(admin, "figures-console-partner-paid")
    await admin.goto(f"/console/commissions/{alices[0].id}")
    assert await admin.locator("#status [data-state]").get_attribute("data-state") == "paid"
    assert f"payout batch {draft.id}" in await _text(admin, "#status")

    # The partner's own portal.
    portal = await new_page()
    await sign_in_partner(portal, m.id, alice.id)
    assert await _text(portal, "#cash-paid .value") == cny(21348)
    assert await _text(portal, "#cash-available .value") == cny(0)
    await portal.goto("/p/orders")
    assert [text.startswith("Paid on") for text in await portal.locator("td .badge").all_inner_texts()] == [True] * 6

    # Finance: the batch card and the list keep paid, failed and outstanding apart; the statement.
    await finance.goto(f"/finance/batches/{draft.id}")
    assert await _text(finance, "#total-net") == cny(21348 + 14940)  # what the approval sent
    assert await _text(finance, "#total-paid .value") == (cny(21348))
    assert await _text(finance, "#total-failed .value") == (cny(14940))
    assert await _text(finance, "#total-outstanding .value") == (cny(0))
    await screenshot(finance, "figures-finance-batch-paid-and-failed")
    await finance.goto("/finance/batches")
    listed = finance.locator(f"#batches tr[data-batch='{draft.id}']")
    assert await _text(listed, "[data-total='paid']") == cny(21348)
    assert await _text(listed, "[data-total='failed']") == cny(14940)
    assert await _text(listed, "[data-total='outstanding']") == cny(0)
    await finance.goto(f"/finance/ledger/partners/{alice.id}")
    assert await _text(finance, "#balances [data-account='paid']") == cny(21348)


async def test_a_points_batch_names_its_unit_in_english_and_in_chinese(new_page):
    m = await make_merchant()
    partner = await make_payee(m.id, display_name="Lin Mei")
    await make_commission(m.id, partner.id, 58, asset="PTS")
    staff = await make_staff(m.id, "finance")
    for locale, words in (("en", "58 points"), ("zh-CN", "58 积分")):
        page = await new_page(locale=locale)
        await sign_in_staff(page, staff)
        await page.goto("/finance/batches")
        await page.select_option("#f-asset", "PTS")
        await page.fill("#f-cutoff", "2026-11-01")
        await page.click("#create-batch")
        await page.wait_for_url("**/finance/batches/*")
        assert words in await _text(page, "#total-net")
        if locale == "en":
            await page.click("#approve")
            assert words in await _text(page, "#confirmation")
            await page.click("#confirm-approve")
            await page.wait_for_url("**/finance/batches/*")
            assert words in await _text(page, ".flash-success")
        assert await _text(page, "#total-paid .value") == words
        await screenshot(page, f"figures-finance-points-batch-{locale}")


async def test_creating_a_batch_that_exists_takes_no_number_from_the_next_one():
    m = await make_merchant()
    partner = await make_payee(m.id)
    await make_commission(m.id, partner.id, 10000)
    first, created = await batches.create_batch(m.id, "CNY", CUTOFF, created_by="test")
    again, created_again = await batches.create_batch(m.id, "CNY", CUTOFF, created_by="test")
    assert (created, created_again, again.id) == (True, False, first.id)
    following, _ = await batches.create_batch(m.id, "CNY", datetime.fromisoformat(END_OF_NOVEMBER), created_by="test")
    assert following.id == first.id + 1  # PostgreSQL's sequence gave the repeated INSERT a number before
