"""The partner portal on a phone (390x844, Chromium): the whole menu shows with the current item in
view, the 12-week chart's text is readable (12 px or more) with a scale for each series, the links
table fits the screen, the new-link form reports every error at once, and every tap target is at
least 24 px."""

from __future__ import annotations

from datetime import UTC, datetime

from referral.models import Click
from tests.factories.referral import make_click, make_link
from tests.pages.conftest import PHONE, screenshot

PORTAL = ["/p/", "/p/links", "/p/orders", "/p/payouts", "/p/invitees", "/p/sessions", "/p/payee"]
#: A tap target's smallest side (WCAG 2.2, 2.5.8 minimum target size).
MIN_TARGET = 24
#: The visible targets smaller than MIN_TARGET, leaving out a link inside a sentence (WCAG's
#: inline exception): [selector-ish, width, height].
SMALL_TARGETS = """() => {
  const small = [];
  for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.classList.contains('skip')) continue;  // off-screen until focused
    const inSentence = getComputedStyle(el).display === 'inline' && el.parentElement.closest('p, li, dd, .hint, .small');
    if (inSentence) continue;
    if (box.width < 24 || box.height < 24) small.push([el.outerHTML.slice(0, 80), Math.round(box.width), Math.round(box.height)]);
  }
  return small;
}"""


async def test_the_partner_menu_shows_every_item_and_the_current_one_on_a_phone(partner_session):
    page = partner_session.page
    await page.set_viewport_size(PHONE)
    for path in PORTAL[:5]:
        await page.goto(path)
        boxes = await page.locator("nav.main a").evaluate_all(
            "els => els.map(a => { const b = a.getBoundingClientRect(); return [a.textContent, b.left, b.right, !!a.getAttribute('aria-current')]; })")
        assert len(boxes) >= 5
        cut = [(text, left, right) for text, left, right, _ in boxes if left < 0 or right > PHONE["width"]]
        assert cut == [], (path, cut)
        assert [text for text, *_, current in boxes if current], path  # the current item is marked, in view
    await screenshot(page, "phone-partner-menu")


async def test_the_twelve_week_chart_is_readable_on_a_phone_with_a_scale_for_the_clicks(partner_session):
    page, partner = partner_session.page, partner_session.partner
    link = await make_link(partner)
    now = datetime.now(UTC)
    for n in range(17):  # this week's clicks: the clicks line's top is 17
        await make_click(link, f"visitor-{n}", at=now)
    assert await Click.filter(merchant_id=partner.merchant_id, link_id=link.id).count() == 17
    await page.set_viewport_size(PHONE)
    await page.goto("/p/")
    sizes = await page.locator("svg.chart text").evaluate_all(
        "els => els.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)")
    assert sizes and min(sizes) >= 12, sizes
    scales = await page.locator("svg.chart text.scale").all_text_contents()
    assert scales[-1] == "17"  # the clicks' own scale, beside the earnings'
    chart = await page.locator("svg.chart").bounding_box()
    assert chart["x"] >= 0 and chart["x"] + chart["width"] <= PHONE["width"]
    await screenshot(page, "phone-partner-home")


async def test_the_links_table_fits_a_phone(partner_session, site):
    page, partner = partner_session.page, partner_session.partner
    await make_link(partner, scene="campaign", campaign="双十一预热活动")
    await page.set_viewport_size(PHONE)
    await page.goto("/p/links")
    headers = await page.locator("table th").evaluate_all("els => els.map(th => th.getBoundingClientRect().right)")
    assert len(headers) == 3 and max(headers) <= PHONE["width"], headers
    overflow = await page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= PHONE["width"]
    assert await page.locator("table td.url a").first.inner_text() != ""
    await screenshot(page, "phone-partner-links")


async def test_the_new_link_form_shows_every_error_at_once(partner_session):
    page = partner_session.page
    await page.set_viewport_size(PHONE)
    await page.goto("/p/links")
    await page.select_option("#f-scene", "product")
    await page.fill("#f-target_url", "https://elsewhere.example.org/item/1")
    await page.fill("#f-sku", "")
    await page.click("form.stack button[type=submit]")
    await page.wait_for_load_state()
    errors = await page.locator(".field-error").all_inner_texts()
    assert len(errors) == 2, errors  # the product is missing and the address is not the shop's
    assert await page.locator("#f-target_url").get_attribute("aria-invalid") == "true"
    assert await page.locator("#f-sku").get_attribute("aria-invalid") == "true"
    await screenshot(page, "phone-partner-link-errors")


async def test_every_tap_target_of_the_portal_is_at_least_24_px_on_a_phone(partner_session):
    page, partner = partner_session.page, partner_session.partner
    await make_link(partner)
    await page.set_viewport_size(PHONE)
    for path in PORTAL:
        await page.goto(path)
        assert await page.evaluate(SMALL_TARGETS) == [], path

