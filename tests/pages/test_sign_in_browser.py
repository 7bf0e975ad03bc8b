"""Signing in to the consoles in a real browser (Chromium), with screenshots under tests/artifacts/."""

from __future__ import annotations

from datetime import timedelta

from accounts.models import SignInToken
from core import ids
from core.time import now
from referral.service.partners import issue_sign_in_link
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner
from tests.pages.conftest import make_staff, screenshot, sign_in_partner, sign_in_staff


async def test_a_partner_follows_the_sign_in_link_sees_the_portal_and_the_link_then_refuses_a_second_use(new_page):
    merchant = await make_merchant()
    partner = await make_partner(merchant.id, display_name="Lin Mei")
    link = await issue_sign_in_link(merchant.id, partner.id)
    page = await new_page()
    assert (await page.goto(link.path)).status == 200  # the link's page: opening it uses nothing up
    await screenshot(page, "partner-sign-in-link-en")
    async with page.expect_navigation():
        await page.click("form.stack button[type=submit]")  # its button POSTs the token
    assert page.url.endswith("/p/")
    assert await page.locator("h1").inner_text() == "Hello, Lin Mei"
    await screenshot(page, "partner-home-en")

    again = await new_page()
    await again.goto(link.path)
    async with again.expect_response(lambda answer: answer.request.method == "POST") as posted:
        await again.click("form.stack button[type=submit]")
    assert (await posted.value).status == 410
    assert "already used or has expired" in await again.locator("main").inner_text()


async def test_an_expired_sign_in_link_is_refused(new_page):
    merchant = await make_merchant()
    partner = await make_partner(merchant.id)
    link = await issue_sign_in_link(merchant.id, partner.id)
    await SignInToken.filter(merchant_id=merchant.id, token_hash=ids.token_hash(link.token)).update(
        expires_at=now() - timedelta(seconds=1)
    )
    page = await new_page()
    await page.goto(link.path)
    async with page.expect_response(lambda answer: answer.request.method == "POST") as posted:
        await page.click("form.stack button[type=submit]")
    assert (await posted.value).status == 410
    await page.goto("/p/")
    assert "sign-in link" in await page.locator("main").inner_text()  # not signed in
    await screenshot(page, "partner-link-refused")


async def test_an_admin_signs_in_with_a_password_and_a_wrong_one_is_refused_without_saying_why(new_page):
    merchant = await make_merchant()
    admin = await make_staff(merchant.id, "admin")
    page = await new_page()
    await page.goto(f"/console/sign-in?merchant={merchant.id}")
    await screenshot(page, "staff-sign-in")
    await page.fill("#f-email", admin.email)
    await page.fill("#f-password", "not the password")
    await page.click("form.stack button[type=submit]")
    wrong_password = await page.locator(".flash-error").inner_text()
    await page.fill("#f-email", "nobody@example.com")
    await page.fill("#f-password", "not the password")
    await page.click("form.stack button[type=submit]")
    assert await page.locator(".flash-error").inner_text() == wrong_password

    await sign_in_staff(page, admin, with_password=True)
    assert await page.locator("h1").inner_text() == "Merchant console"
    await screenshot(page, "console-home")


async def test_a_finance_user_opening_an_admin_page_gets_403(finance_session):
    page = finance_session.page
    await screenshot(page, "finance-home")
    answer = await page.goto("/console/")
    assert answer.status == 403
    assert await page.locator("h1").inner_text() == "Not allowed"
    await screenshot(page, "finance-on-admin-page-403")


async def test_a_form_posted_without_its_csrf_token_is_refused_with_403(partner_session):
    page = partner_session.page
    await page.locator("form[action='/sign-out'] input[name=csrf_token]").evaluate("input => input.remove()")
    async with page.expect_navigation() as navigation:
        await page.click("form[action='/sign-out'] button")
    assert (await navigation.value).status == 403
    await page.goto("/p/")
    assert await page.locator("h1").inner_text() == "Hello, Lin Mei"  # still signed in


async def test_the_portal_speaks_the_browsers_language_and_switches(new_page):
    merchant = await make_merchant()
    partner = await make_partner(merchant.id, display_name="林美")
    chinese = await new_page(locale="zh-CN")
    await sign_in_partner(chinese, merchant.id, partner.id)
    assert await chinese.locator("h1").inner_text() == "你好，林美"
    assert await chinese.locator("html").get_attribute("lang") == "zh-Hans"
    await screenshot(chinese, "partner-home-zh")

    english = await new_page(locale="en-US")
    await sign_in_partner(english, merchant.id, partner.id)
    assert await english.locator("h1").inner_text() == "Hello, 林美"
    await english.click("nav.lang a[lang=zh-Hans]")
    assert await english.locator("h1").inner_text() == "你好，林美"
    assert english.url.endswith("/p/")


async def test_signing_out_ends_the_session(admin_session):
    page = admin_session.page
    await page.click("form[action='/sign-out'] button")
    assert "/console/sign-in" in page.url
    assert await page.locator(".flash-success").inner_text() == "You are signed out."
    await page.goto("/console/")
    assert "/console/sign-in" in page.url
