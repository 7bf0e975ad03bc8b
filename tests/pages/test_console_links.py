"""A partner's share links in the merchant console: made through a form (the target checked against
the shop's domains, refusals next to the field in the page's language, nothing written), listed
with their QR codes, switched off and on; audited as the staff account; another merchant's partner
or link is 404. In the browser at phone and desktop width, in zh-Hans and en."""

from __future__ import annotations

import pytest

from accounts.service import audit
from referral.models import ShareLink
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_link, make_partner
from tests.pages.conftest import client_as_staff, csrf_of, make_staff, screenshot, sign_in_staff
from tests.pages.test_console_partner_form import ZH, error_of


@pytest.mark.usefixtures("database_url")
async def test_a_link_off_the_shops_domains_is_refused_in_chinese_and_a_good_one_is_made_and_audited(client):
    m = await make_merchant()
    staff = await make_staff(m.id, "admin")
    await client_as_staff(client, staff)
    partner = await make_partner(m.id, display_name="Lin Mei")
    form = (await client.get(f"/console/partners/{partner.id}/links", headers=ZH)).text
    refused = await client.post(f"/console/partners/{partner.id}/links", headers=ZH, data={
        "csrf_token": csrf_of(form), "scene": "product", "target_url": "https://elsewhere.example.org/p/1", "sku": "SERUM-30"})
    assert refused.status_code == 422
    assert error_of(refused.text, "target_url") == "这个网站不是您商城的域名（见“设置”）。"
    assert 'value="https://elsewhere.example.org/p/1"' in refused.text
    bad_scene = await client.post(f"/console/partners/{partner.id}/links", headers=ZH, data={
        "csrf_token": csrf_of(form), "scene": "moon", "target_url": "https://shop.example.com/"})
    assert error_of(bad_scene.text, "scene") == "请从选项中选择一项。"
    assert await ShareLink.filter(merchant_id=m.id).count() == 0

    made = await client.post(f"/console/partners/{partner.id}/links", data={
        "csrf_token": csrf_of(form), "scene": "product", "target_url": "https://shop.example.com/p/serum", "sku": "SERUM-30"})
    assert made.status_code == 303
    link = await ShareLink.filter(merchant_id=m.id).get()
    assert (link.partner_id, link.scene, link.sku, link.target_url) == (partner.id, "product", "SERUM-30", "https://shop.example.com/p/serum")
    listing = (await client.get(f"/console/partners/{partner.id}/links")).text
    assert f'src="/qr/{link.code}.svg"' in listing and f"/r/{link.code}" in listing

    off = await client.post(f"/console/links/{link.id}/switch", data={"csrf_token": csrf_of(form), "active": "0"})
    assert off.status_code == 303 and not (await ShareLink.get(id=link.id)).active
    assert (await client.get(f"/r/{link.code}")).status_code == 404  # it stops opening at once
    entries = (await audit.list_entries(m.id, subject_type="link")).items
    assert [(e.action, e.actor.kind, e.actor.id) for e in entries] == [
        ("link.switch_off", "staff", str(staff.id)), ("link.create", "staff", str(staff.id))]


@pytest.mark.usefixtures("database_url")
async def test_another_merchants_partner_or_link_is_404_and_left_alone(client):
    m, other = await make_merchant(), await make_merchant()
    await client_as_staff(client, await make_staff(m.id, "admin"))
    stranger = await make_partner(other.id)
    theirs = await make_link(stranger)
    form = (await client.get("/console/partners")).text
    assert (await client.get(f"/console/partners/{stranger.id}/links")).status_code == 404
    made = await client.post(f"/console/partners/{stranger.id}/links", data={
        "csrf_token": csrf_of(form), "scene": "personal", "target_url": "https://shop.example.com/"})
    assert made.status_code == 404
    switched = await client.post(f"/console/links/{theirs.id}/switch", data={"csrf_token": csrf_of(form), "active": "0"})
    assert switched.status_code == 404
    assert (await ShareLink.get(id=theirs.id)).active
    assert await ShareLink.filter(merchant_id=other.id).count() == 1


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
async def test_a_merchant_makes_a_link_for_a_partner_in_the_browser_and_switches_it_off(new_page, locale):
    m = await make_merchant()
    staff = await make_staff(m.id, "admin")
    partner = await make_partner(m.id, display_name="林梅")
    page = await new_page(locale=locale)
    await sign_in_staff(page, staff)
    await page.goto(f"/console/partners/{partner.id}")
    await page.click("#partner-links")
    await page.wait_for_url(f"**/console/partners/{partner.id}/links")
    await page.select_option("#f-scene", "campaign")
    await page.fill("#f-target_url", "https://shop.example.com/campaign/autumn")
    await page.fill("#f-campaign", "autumn")
    await page.click("#make-link")
    row = page.locator("#links tbody tr").first
    assert "autumn" in await row.inner_text()
    assert await row.locator("img.qr-small").count() == 1
    await screenshot(page, f"console-partner-links-{locale}")
    await row.locator("button.switch").click()
    assert ("已停用" if locale == "zh-CN" else "Switched off") in await page.locator("#links tbody tr").first.inner_text()
