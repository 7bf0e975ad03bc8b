"""The merchant console in a real browser (Chromium): a rule draft edited through the form, a
validation error next to its field, a simulation with the per-partner difference, publishing;
partners approved and suspended; the reports page with its chart and CSV; fraud review; the
audit log; a finance user refused. Screenshots of each page under tests/artifacts/."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from accounts.service import audit
from commissions.models import Commission, FraudSignal
from commissions.service import rule_sets
from commissions.service.earning import commission_order
from referral.service.partners import get_partner
from tests.factories.commissions import make_order, percent_rule, publish_rule_set
from tests.factories.referral import make_click, make_link, make_partner
from tests.pages.conftest import screenshot

MARCH = datetime(2026, 3, 10, 4, 0, tzinfo=UTC)  # noon in Shanghai


async def test_a_merchant_edits_a_draft_sees_an_error_fixes_it_simulates_and_publishes(admin_session):
    page, merchant = admin_session.page, admin_session.merchant
    partner = await make_partner(merchant.id, display_name="Zhou Min")
    await publish_rule_set(merchant.id, {"rules": [percent_rule("everyone", "10")]})
    for day in (5, 12):
        order = await make_order(merchant.id, partner.id, [("A1", "toys", 1, 10000)], at=MARCH.replace(day=day))
        await commission_order(merchant.id, order.for_commission())

    await page.goto("/console/rules")
    await screenshot(page, "console-rules")
    await page.click("#new-draft")
    await page.wait_for_url("**/console/rules/2")
    assert await page.input_value("#f-rules-0-reward_value") == "10"

    await page.fill("#f-rules-0-reward_value", "150")
    await page.fill("#f-rules-0-categories", "toys")
    await page.click("#save")
    error = page.locator("#e-rules-0-reward_value")
    assert "between 0 and 100" in await error.inner_text()
    assert await page.input_value("#f-rules-0-categories") == "toys"  # what was typed is kept
    await screenshot(page, "console-rule-draft-error")

    await page.fill("#f-rules-0-reward_value", "20")
    await page.click("#save")
    assert "saved" in await page.locator(".flash-success").inner_text()
    draft = await rule_sets.get_version(merchant.id, 2)
    assert draft.content["rules"][0] == {
        "id": "everyone", "level": 1, "conditions": {"categories": ["toys"]}, "reward": {"percent": "20"},
    }
    await screenshot(page, "console-rule-draft")

    await page.fill("#f-from", "2026-03-01")
    await page.fill("#f-to", "2026-03-31")
    await page.click("#simulate")
    row = page.locator(f"#simulation-partners tr[data-partner='{partner.id}']")
    cells = await row.locator("td").all_inner_texts()
    assert cells[0].startswith("Zhou Min") and cells[1] == "2"
    assert cells[2:5] == ["¥40.00", "¥20.00", "+¥20.00"]
    assert await page.locator("#total-cash-diff").inner_text() == "+¥20.00"
    await screenshot(page, "console-simulation")

    await page.click("#publish")
    assert "You simulated this version" in await page.locator("#simulation-state").inner_text()
    await page.click("#confirm-publish")
    await page.wait_for_url("**/console/rules")
    assert "Version 2 is now active" in await page.locator(".flash-success").inner_text()
    assert (await rule_sets.get_active(merchant.id)).version == 2
    assert "Version 2 is active" in await page.locator("#active-version").inner_text()


async def test_a_merchant_approves_a_pending_partner_suspends_another_and_makes_a_sign_in_link(admin_session):
    page, merchant = admin_session.page, admin_session.merchant
    newcomer = await make_partner(merchant.id, display_name="Chen Jie", status="pending", kind="guide", group="north")
    regular = await make_partner(merchant.id, display_name="Huang Li", kind="parent")

    await page.goto("/console/partners?status=pending")
    assert await page.locator("#partners tbody tr").count() == 1
    await page.goto("/console/partners")
    await screenshot(page, "console-partners")
    await page.click(f"tr[data-partner='{newcomer.id}'] button.approve")
    assert "Chen Jie is active." in await page.locator(".flash-success").inner_text()
    await page.click(f"tr[data-partner='{regular.id}'] button.suspend")
    await page.click("#confirm-suspend")
    assert "Huang Li is suspended." in await page.locator(".flash-success").inner_text()
    assert (await get_partner(merchant.id, newcomer.id)).status == "active"
    assert (await get_partner(merchant.id, regular.id)).status == "suspended"

    await page.select_option("#f-kind", "guide")
    await page.click("form.filters button[type=submit]")
    assert await page.locator("#partners tbody tr").all_inner_texts() == [
        text for text in await page.locator("#partners tbody tr").all_inner_texts() if "Chen Jie" in text
    ]

    await page.goto(f"/console/partners/{newcomer.id}")
    assert (await page.input_value("#invite-url")).endswith(f"/join/{merchant.id}/{newcomer.code}")
    await page.click("#make-sign-in-link")
    assert "/p/sign-in/rs_" in await page.input_value("#sign-in-url")
    await screenshot(page, "console-partner")

    await page.goto("/console/audit")
    actions = await page.locator("#audit tbody td:nth-child(3)").all_inner_texts()
    assert actions[:2] == ["Suspended a partner", "Approved a partner"]
    await screenshot(page, "console-audit")


async def test_the_reports_page_draws_the_chart_and_downloads_the_csv(admin_session):
    page, merchant = admin_session.page, admin_session.merchant
    partner = await make_partner(merchant.id, display_name="Xu Ning")
    link = await make_link(partner, scene="product")
    for visitor in ("v1", "v2", "v2"):
        await make_click(link, visitor, at=MARCH)
    await publish_rule_set(merchant.id, {"rules": [percent_rule("everyone", "10")]})
    order = await make_order(merchant.id, partner.id, [("A1", "toys", 2, 6000)], at=MARCH, scene="product")
    await commission_order(merchant.id, order.for_commission())

    await page.goto("/console/reports?by=partner&from=2026-03-01&to=2026-03-31")
    assert await page.locator("#report-chart svg.chart rect").count() >= 31
    cells = await page.locator("#report tbody tr").first.locator("td").all_inner_texts()
    assert cells[0].startswith("Xu Ning") and cells[1:6] == ["3", "2", "1", "¥120.00", "¥12.00"]
    await screenshot(page, "console-reports")

    async with page.expect_download() as waiting:
        await page.click("#csv")
    download = await waiting.value
    assert download.suggested_filename == "relay-report-partner-2026-03-01-2026-03-31.csv"
    lines = (await asyncio.to_thread(Path(await download.path()).read_text, encoding="utf-8")).splitlines()
    assert lines[0] == "partner,code,name,clicks,daily_visitors,orders,revenue_CNY,commissions_CNY,commissions_points"
    assert lines[1] == f"{partner.id},{partner.code},Xu Ning,3,2,1,120.00,12.00,0"
    assert lines[-1] == "total,,,3,2,1,120.00,12.00,0"

    await page.goto("/console/reports?by=day&from=2026-03-09&to=2026-03-11")
    assert await page.locator("#report tbody tr").count() == 3


async def test_held_commissions_are_approved_or_rejected_with_a_reason(admin_session):
    page, merchant = admin_session.page, admin_session.merchant
    partner = await make_partner(merchant.id, display_name="Sun Yu")
    await publish_rule_set(merchant.id, {"rules": [percent_rule("everyone", "10")]})
    held = []
    for day in (3, 4):
        order = await make_order(merchant.id, partner.id, [("A1", "toys", 1, 10000)], at=MARCH.replace(day=day))
        held += await commission_order(merchant.id, order.for_commission())
        await FraudSignal.create(merchant_id=merchant.id, order_id=order.id, partner_id=partner.id,
                                 signal="fast_order", action="hold", detail={"seconds": 3}, created_at=MARCH)
    await Commission.filter(merchant_id=merchant.id, id__in=[c.id for c in held]).update(review="held")
    first, second = held

    await page.goto("/console/review")
    assert await page.locator("#held tbody tr").count() == 2
    assert await page.locator("#signals tbody tr").count() == 2
    await screenshot(page, "console-review")
    await page.click(f"tr[data-commission='{first.id}'] form.reject button")
    assert await page.locator(f"#e-reason-{first.id}").inner_text() == "Say why you reject it."
    await page.fill(f"tr[data-commission='{first.id}'] input[name=reason]", "the customer is the partner's spouse")
    await page.click(f"tr[data-commission='{first.id}'] form.reject button")
    assert "rejected" in await page.locator(".flash-success").inner_text()
    await page.click(f"tr[data-commission='{second.id}'] button.approve")
    assert "approved" in await page.locator(".flash-success").inner_text()
    assert await page.locator("#held tbody tr[data-commission]").count() == 0
    rows = {c.id: c for c in await Commission.filter(merchant_id=merchant.id, id__in=[first.id, second.id])}
    assert rows[first.id].status == "rejected" and rows[first.id].rejected_reason == "the customer is the partner's spouse"
    assert rows[second.id].review == "approved"
    audited = await audit.list_entries(merchant.id, subject_type="commission")
    assert [(e.action, e.actor.kind, e.actor.id) for e in audited.items] == [
        ("commission.approve", "staff", str(admin_session.staff.id)),
        ("commission.reject", "staff", str(admin_session.staff.id)),
    ]


async def test_a_finance_user_cannot_open_the_rules_editor(finance_session):
    page = finance_session.page
    version = await publish_rule_set(finance_session.merchant.id, {"rules": [percent_rule("everyone", "10")]})
    for path in ("/console/rules", f"/console/rules/{version}"):
        answer = await page.goto(path)
        assert answer.status == 403, path
    await screenshot(page, "console-finance-forbidden")
