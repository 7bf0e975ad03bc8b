"""The partner portal in a real browser (Chromium): a partner makes a link, a visitor follows it, an
order arrives for that click and the partner sees the pending commission with its explanation;
another partner's ids answer 404. Screenshots of each page go to tests/artifacts/."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx

from referral.service.sales import order_id_by_external_id
from tests.factories.commissions import publish_rule_set
from tests.factories.events import order_data, send
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_link, make_partner
from tests.pages.conftest import PHONE, screenshot, sign_in_partner

RULES = {
    "rules": [
        {"id": "tea", "name": "Tea 10%", "level": 1, "conditions": {"categories": ["tea"]}, "reward": {"percent": "10"}},
    ]
}


async def test_a_partner_shares_a_link_a_visitor_buys_and_the_partner_sees_the_pending_commission_explained(
    partner_session, new_page, site
):
    page, merchant = partner_session.page, partner_session.merchant
    await publish_rule_set(merchant.id, RULES)
    await screenshot(page, "partner-home-en")

    await page.click("nav.main >> text=My links")
    await page.fill("#f-target_url", "https://elsewhere.example.net/tea")
    await page.fill("#f-sku", "TEA-1")
    await page.click("form.stack button[type=submit]")
    assert "not on the shop's website" in await page.locator("#e-target_url").inner_text()
    await screenshot(page, "partner-links-error")

    await page.fill("#f-target_url", "https://shop.example.com/tea/longjing")
    await page.click("form.stack button[type=submit]")
    assert await page.locator(".flash-success").inner_text() == "Link created."
    qr = page.locator("img.qr")
    await page.set_viewport_size(PHONE)
    # The image may still be loading on a busy machine: wait for it rather than read it once.
    await qr.evaluate("img => img.complete ? null : new Promise(done => img.addEventListener('load', done))")
    assert await qr.evaluate("img => img.complete && img.naturalWidth > 0")
    box = await qr.bounding_box()
    assert box["width"] >= 250, box  # big enough to scan from another phone
    assert await page.locator("#copy").is_visible()  # the script ran (nonce'd under the CSP)
    short = await page.locator("#share-url").input_value()
    code = urlsplit(short).path.rsplit("/", 1)[-1]
    poster = await page.request.get(await page.locator("a[download]").get_attribute("href"))
    assert poster.status == 200 and poster.headers["content-type"] == "image/png"
    await screenshot(page, "partner-link")

    # A visitor (a second context: its own cookies) opens the link; the shop is not served here,
    # so the redirect is read, then the shop page is answered by the test.
    visitor = await new_page()
    redirect = await visitor.request.get(f"/r/{code}", max_redirects=0)
    assert redirect.status == 302
    location = redirect.headers["location"]
    assert location.startswith("https://shop.example.com/tea/longjing?relay_click=")
    await visitor.route(lambda url: url.startswith("https://shop.example.com/"),
                        lambda route: route.fulfill(status=200, body="the shop"))
    await visitor.goto(location)
    click_id = parse_qs(urlsplit(location).query)["relay_click"][0]

    order = order_data(click_id=click_id)
    async with httpx.AsyncClient(base_url=site) as shop:
        response = await send(shop, merchant, "order.created", order)
    assert response.status_code == 200, response.text
    assert response.json()["order"]["attribution"]["partner_id"] == partner_session.partner.id

    await page.goto("/p/orders")
    row = page.locator("tbody tr").first
    assert order["external_id"] in await row.inner_text()
    assert "Waiting for delivery" in await row.inner_text()
    assert "¥3.00" in await row.inner_text()  # 10 % of the 30.00 of tea
    await screenshot(page, "partner-orders")

    await row.locator("a").click()
    explanation = await page.locator("section.commission").inner_text()
    for expected in ("Tea 10%", "Condition met: Category", "tea", "Base", "10% of the base", "Rounding", "Waiting for delivery"):
        assert expected in explanation, expected
    await screenshot(page, "partner-order")

    for path, name in (("/p/", "partner-home-with-order"), ("/p/payouts", "partner-payouts"), ("/p/invitees", "partner-invitees")):
        answer = await page.goto(path)
        assert answer.status == 200
        await screenshot(page, name)


async def test_a_partner_editing_ids_in_the_url_gets_404_for_another_partners_order_link_qr_and_poster(
    partner_session, new_page, site
):
    merchant = partner_session.merchant
    await publish_rule_set(merchant.id, RULES)
    other = await make_partner(merchant.id, display_name="Zhao Lei")
    their_link = await make_link(other, scene="product", sku="TEA-1")
    order = order_data(partner_code=other.code)
    async with httpx.AsyncClient(base_url=site) as shop:
        response = await send(shop, merchant, "order.created", order)
    assert response.status_code == 200, response.text
    their_order = await order_id_by_external_id(merchant.id, order["external_id"])

    page = partner_session.page
    for path in (f"/p/orders/{their_order}", f"/p/links/{their_link.id}", f"/p/links/{their_link.id}/qr.svg",
                 f"/p/links/{their_link.id}/poster.png"):
        answer = await page.request.get(path)  # the page's cookies: signed in as the partner
        assert answer.status == 404, path
    await page.goto(f"/p/orders/{their_order}")
    assert await page.locator("h1").inner_text() == "Page not found"
    await screenshot(page, "partner-other-order-404")

    # The owner does see it.
    owner = await new_page()
    await sign_in_partner(owner, merchant.id, other.id)
    assert (await owner.goto(f"/p/orders/{their_order}")).status == 200


async def test_the_home_page_in_chinese(new_page):
    merchant = await make_merchant()
    partner = await make_partner(merchant.id, display_name="林美")
    await publish_rule_set(merchant.id, RULES)
    page = await new_page(locale="zh-CN")
    await sign_in_partner(page, merchant.id, partner.id)
    text = await page.locator("main").inner_text()
    assert "本月收益" in text and "最近 12 周" in text
    await screenshot(page, "partner-home-zh")
    for path, name in (("/p/links", "partner-links-zh"), ("/p/orders", "partner-orders-zh"), ("/p/payouts", "partner-payouts-zh")):
        assert (await page.goto(path)).status == 200
        await screenshot(page, name)
