"""Partners created and edited in the merchant console: the API's schema refuses bad input next to
each field in the page's language and writes nothing; a change is audited as the staff account;
kinds are labelled in Chinese and English; another merchant's partner is 404. In the browser at
phone and desktop width, in zh-Hans and en."""

from __future__ import annotations

import re

import pytest

from accounts.service import audit
from referral.models import Partner
from referral.service.partners import get_partner
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner
from tests.pages.conftest import client_as_staff, csrf_of, make_staff, screenshot, sign_in_staff

ZH = {"accept-language": "zh-CN"}


def error_of(html: str, field: str) -> str:
    match = re.search(rf'<div class="field-error" id="e-{field}">([^<]*)</div>', html)
    return match.group(1) if match else ""


async def _admin(client, merchant_id: int):
    staff = await make_staff(merchant_id, "admin")
    await client_as_staff(client, staff)
    return staff


@pytest.mark.usefixtures("database_url")
async def test_a_refused_new_partner_is_explained_next_to_each_field_in_chinese_and_nothing_is_written(client):
    m = await make_merchant()
    await _admin(client, m.id)
    form = (await client.get("/console/partners/new", headers=ZH)).text
    assert "全职家长" in form and "物业管家" in form and "门店导购" in form  # the kinds in Chinese
    answer = await client.post("/console/partners/new", headers=ZH, data={
        "csrf_token": csrf_of(form), "display_name": "  ", "kind": "customer", "group": "g" * 41,
        "status": "active", "recruiter": "NOSUCH", "reward_preference": "cash", "email": "not-an-email",
    })
    assert answer.status_code == 422
    html = answer.text
    assert error_of(html, "display_name") == "必填。"
    assert error_of(html, "group") == "最多 40 个字符。"
    assert error_of(html, "recruiter") == "没有推广员使用这个编码。"
    assert error_of(html, "email") == "请输入电子邮箱地址，例如 name@example.com。"
    assert 'value="not-an-email"' in html  # what was typed is kept
    assert await Partner.filter(merchant_id=m.id).count() == 0
    assert (await audit.list_entries(m.id)).items == []


@pytest.mark.usefixtures("database_url")
async def test_a_new_partner_is_created_with_every_field_and_audited_as_the_staff_account(client):
    m = await make_merchant()
    staff = await _admin(client, m.id)
    recruiter = await make_partner(m.id, display_name="Lin Mei")
    form = (await client.get("/console/partners/new")).text
    answer = await client.post("/console/partners/new", data={
        "csrf_token": csrf_of(form), "display_name": "Sunrise Property", "kind": "property_manager",
        "group": "north", "status": "pending", "recruiter": recruiter.code.lower(), "reward_preference": "points",
        "email": "desk@sunrise.example", "customer_ref": "", "payee_name": "Sunrise Ltd", "payee_account": "6222000011112222",
    })
    assert answer.status_code == 303, answer.text[-2000:]
    created = await Partner.filter(merchant_id=m.id, display_name="Sunrise Property").get()
    assert answer.headers["location"] == f"/console/partners/{created.id}"
    assert (created.kind, created.group, created.status, created.recruiter_id, created.reward_preference) == (
        "property_manager", "north", "pending", recruiter.id, "points")
    assert (created.email, created.customer_ref, created.payee_account) == ("desk@sunrise.example", None, "6222000011112222")
    entry = (await audit.list_entries(m.id)).items[0]
    assert (entry.action, entry.subject_id, entry.actor.kind, entry.actor.id) == (
        "partner.create", str(created.id), "staff", str(staff.id))
    page = (await client.get(f"/console/partners/{created.id}", headers=ZH)).text
    assert "物业管家" in page and "property_manager" not in page


@pytest.mark.usefixtures("database_url")
async def test_editing_a_partner_saves_what_changed_refuses_a_recruiting_circle_and_stays_in_its_merchant(client):
    m, other = await make_merchant(), await make_merchant()
    await _admin(client, m.id)
    top = await make_partner(m.id, display_name="Top")
    below = await make_partner(m.id, display_name="Below", recruiter_id=top.id, kind="guide")
    stranger = await make_partner(other.id)
    edit = (await client.get(f"/console/partners/{below.id}/edit")).text
    assert f'value="{top.code}"' in edit  # the recruiter shown by code
    assert '<option value="guide" selected>guide</option>' in edit  # a kind of the merchant's own, kept

    fields = {"display_name": "Below", "kind": "guide", "group": "", "recruiter": top.code, "reward_preference": "cash",
              "email": "", "customer_ref": "", "payee_name": "", "payee_account": ""}
    unchanged = await client.post(f"/console/partners/{below.id}/edit", data={"csrf_token": csrf_of(edit), **fields})
    assert unchanged.status_code == 303
    assert (await audit.list_entries(m.id)).items == []  # nothing changed, nothing recorded

    circle = await client.post(f"/console/partners/{top.id}/edit", data={
        "csrf_token": csrf_of(edit), **fields, "display_name": "Top", "recruiter": below.code})
    assert circle.status_code == 422
    assert "循环" in error_of(circle.text, "recruiter") or "circle" in error_of(circle.text, "recruiter")
    assert (await get_partner(m.id, top.id)).recruiter_id is None

    saved = await client.post(f"/console/partners/{below.id}/edit", data={
        "csrf_token": csrf_of(edit), **fields, "kind": "sales_guide", "group": "east", "recruiter": "",
        "payee_account": "6222 0000 3333 4444"})
    assert saved.status_code == 303
    after = await get_partner(m.id, below.id)
    assert (after.kind, after.group, after.recruiter_id, after.payee_account) == ("sales_guide", "east", None, "6222 0000 3333 4444")
    entry = (await audit.list_entries(m.id)).items[0]
    assert entry.action == "partner.update" and entry.before["kind"] == "guide" and entry.after["group"] == "east"

    assert (await client.get(f"/console/partners/{stranger.id}/edit")).status_code == 404
    refused = await client.post(f"/console/partners/{stranger.id}/edit", data={"csrf_token": csrf_of(edit), **fields})
    assert refused.status_code == 404
    assert (await get_partner(other.id, stranger.id)).display_name == "Partner"


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
async def test_a_merchant_adds_a_partner_in_the_browser_sees_an_error_then_edits_them(new_page, locale):
    m = await make_merchant()
    staff = await make_staff(m.id, "admin")
    page = await new_page(locale=locale)
    await sign_in_staff(page, staff)
    chinese = locale == "zh-CN"
    await page.goto("/console/partners")
    await page.click("#new-partner")
    await page.wait_for_url("**/console/partners/new")
    await page.fill("#f-display_name", "王芳")
    await page.select_option("#f-kind", "sales_guide")
    await page.fill("#f-email", "wang@")
    await page.click("#save-partner")
    assert await page.locator("#e-email").inner_text() == (
        "请输入电子邮箱地址，例如 name@example.com。" if chinese else "Enter an email address like name@example.com.")
    await screenshot(page, f"console-partner-new-error-{locale}")
    await page.fill("#f-email", "wang@example.com")
    await page.fill("#f-payee_account", "6222000099998888")
    await page.click("#save-partner")
    await page.wait_for_url(re.compile(r".*/console/partners/\d+$"))
    assert ("已添加" if chinese else "was added") in await page.locator(".flash-success").inner_text()
    assert ("门店导购" if chinese else "In-store sales guide") in await page.locator("main p.muted").first.inner_text()
    await page.click("#edit-partner")
    await page.fill("#f-group", "east")
    await screenshot(page, f"console-partner-edit-{locale}")
    await page.click("#save-partner")
    await page.wait_for_url(re.compile(r".*/console/partners/\d+$"))
    partner = await Partner.filter(merchant_id=m.id).get()
    assert (partner.display_name, partner.kind, partner.group, partner.email) == ("王芳", "sales_guide", "east", "wang@example.com")
