"""The rule editor in a real browser (Chromium), in Chinese and English: publishing asks for
confirmation without JavaScript and says whether the version was simulated since its last save;
a published version read-only; a failed save's errors listed at the top; suspending a partner asks first."""

from __future__ import annotations

import pytest

from commissions.service import rule_sets
from referral.service.partners import get_partner
from tests.factories.commissions import percent_rule, publish_rule_set
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner
from tests.pages.conftest import make_staff, screenshot, sign_in_staff

WORDS = {
    "en": {"not_simulated": "has not been simulated", "simulated": "You simulated this version",
           "published": "Version 2 is now active"},
    "zh-CN": {"not_simulated": "尚未模拟", "simulated": "你已模拟", "published": "版本 2 现已生效"},
}


async def _admin_page(new_page, locale: str):
    merchant = await make_merchant()
    staff = await make_staff(merchant.id, "admin")
    page = await new_page(locale=locale)
    await sign_in_staff(page, staff)
    return page, merchant


async def _draft_2(new_page, locale: str = "en"):
    """An admin's page; version 1 active (10 %), version 2 a draft (20 %)."""
    page, merchant = await _admin_page(new_page, locale)
    await publish_rule_set(merchant.id, {"rules": [percent_rule("everyone", "10")]})
    await rule_sets.create_draft(merchant.id, {"rules": [percent_rule("everyone", "20")]})
    return page, merchant


@pytest.mark.parametrize("locale", ["en", "zh-CN"])
async def test_publishing_asks_first_and_says_whether_the_saved_draft_was_simulated(new_page, locale):
    page, merchant = await _draft_2(new_page, locale)
    words = WORDS[locale]

    await page.goto("/console/rules/2")
    await page.click("#publish")
    await page.wait_for_url("**/console/rules/2/publish")
    assert (await rule_sets.get_active(merchant.id)).version == 1  # nothing published yet
    assert words["not_simulated"] in await page.locator("#simulation-state").inner_text()
    await screenshot(page, f"console-rule-publish-unsimulated-{locale}")
    await page.click("#simulation-state a")
    await page.wait_for_url("**/console/rules/2/simulation")

    await page.click("#publish")
    await page.wait_for_url("**/console/rules/2/publish")
    assert words["simulated"] in await page.locator("#simulation-state").inner_text()
    await page.click("#confirm-publish")
    await page.wait_for_url("**/console/rules")
    assert words["published"] in await page.locator(".flash-success").inner_text()
    assert (await rule_sets.get_active(merchant.id)).version == 2


async def test_a_publish_without_confirmation_publishes_nothing(new_page):
    page, merchant = await _draft_2(new_page)
    await page.goto("/console/rules/2")
    token = await page.locator("input[name=csrf_token]").first.input_value()
    answer = await page.request.post("/console/rules/2/publish", form={"csrf_token": token}, max_redirects=0)
    assert answer.status == 303 and answer.headers["location"].endswith("/console/rules/2/publish")
    assert (await rule_sets.get_active(merchant.id)).version == 1


async def test_saving_after_a_simulation_asks_for_a_new_one(new_page):
    page, merchant = await _draft_2(new_page)
    await page.goto("/console/rules/2/simulation")
    await page.goto("/console/rules/2")
    await page.fill("#f-rules-0-reward_value", "25")
    await page.click("#save")
    await page.goto("/console/rules/2/publish")
    assert "has not been simulated" in await page.locator("#simulation-state").inner_text()


READ_ONLY = {"en": "Published versions never change", "zh-CN": "已发布的版本不可修改"}


@pytest.mark.parametrize("locale", ["en", "zh-CN"])
async def test_a_published_version_is_shown_read_only_with_the_reason_and_a_way_to_a_new_draft(new_page, locale):
    page, merchant = await _admin_page(new_page, locale)
    await publish_rule_set(merchant.id, {"rules": [percent_rule("everyone", "10")]})
    await page.goto("/console/rules/1")
    field, remove = page.locator("#f-rules-0-reward_value"), page.locator("#rule-0 button.danger")
    assert await field.is_disabled() and await remove.is_disabled()
    assert READ_ONLY[locale] in await page.locator("#read-only").inner_text()
    looks = "e => [getComputedStyle(e).cursor, getComputedStyle(e).borderStyle, getComputedStyle(e).opacity]"
    assert (await field.evaluate(looks))[:2] == ["not-allowed", "dashed"]
    assert float((await remove.evaluate(looks))[2]) < 0.6
    await screenshot(page, f"console-rule-published-{locale}")
    await page.click("#new-draft")
    await page.wait_for_url("**/console/rules/2")
    assert await page.locator("#f-rules-0-reward_value").is_enabled()
    assert await page.locator("#read-only").count() == 0


SUMMARY = {
    "en": ("2 things to fix before saving", "Rule 1 · Percent, or amount in", "Cash per order"),
    "zh-CN": ("保存前需修改 2 处", "规则 1 · 百分比，或金额", "每单现金"),
}


@pytest.mark.parametrize("locale", ["en", "zh-CN"])
async def test_a_failed_save_lists_every_error_at_the_top_linked_to_its_field_and_focused(new_page, locale):
    page, _ = await _draft_2(new_page, locale)
    await page.goto("/console/rules/2")
    await page.fill("#f-rules-0-reward_value", "150")
    await page.fill("#f-caps-per_order-cash", "abc")
    await page.click("#save")
    summary = page.locator("#error-summary")
    heading, rule_label, cap_label = SUMMARY[locale]
    assert heading in await summary.locator("p").inner_text()
    assert await page.evaluate("document.activeElement.id") == "error-summary"
    links = summary.locator("a")
    assert [await link.get_attribute("href") for link in await links.all()] == [
        "#f-rules-0-reward_value", "#f-caps-per_order-cash"]
    texts = await links.all_inner_texts()
    assert texts[0].startswith(rule_label) and texts[1].startswith(cap_label)
    assert await page.locator("#e-rules-0-reward_value").count() == 1  # and still next to the field
    assert await page.locator("#e-caps-per_order-cash").count() == 1
    await screenshot(page, f"console-rule-error-summary-{locale}")
    await links.nth(1).click()
    assert await page.evaluate("document.activeElement.id") == "f-caps-per_order-cash"


SUSPEND = {"en": ("Suspend Huang Li?", "Huang Li is suspended."), "zh-CN": ("暂停 Huang Li？", "Huang Li 已暂停。")}


@pytest.mark.parametrize("locale", ["en", "zh-CN"])
async def test_suspending_a_partner_asks_first_and_cancel_changes_nothing(new_page, locale):
    page, merchant = await _admin_page(new_page, locale)
    partner = await make_partner(merchant.id, display_name="Huang Li")
    question, done = SUSPEND[locale]
    await page.goto("/console/partners")
    await page.click(f"tr[data-partner='{partner.id}'] button.suspend")
    assert await page.locator("h1").inner_text() == question
    assert (await get_partner(merchant.id, partner.id)).status == "active"
    await screenshot(page, f"console-partner-suspend-{locale}")
    await page.click("#confirmation a.button")
    await page.wait_for_url("**/console/partners")
    assert (await get_partner(merchant.id, partner.id)).status == "active"
    await page.click(f"tr[data-partner='{partner.id}'] button.suspend")
    await page.click("#confirm-suspend")
    await page.wait_for_url("**/console/partners")
    assert done in await page.locator(".flash-success").inner_text()
    assert (await get_partner(merchant.id, partner.id)).status == "suspended"
