"""API keys and staff accounts in the merchant console: a key issued, rotated and revoked (shown
once, never again), the last admin key and the last active admin account kept; people added with a
password or a one-time sign-in link, their console changed, deactivated (signed out at their next
page) and reactivated; bad input next to the field in the page's language; every change audited as
the staff account; another merchant's key or account is 404. In the browser at phone and desktop
width, in zh-Hans and en."""

from __future__ import annotations

import re

import pytest

from accounts.models import ApiKey, StaffAccount
from accounts.service import api_keys, audit, sign_in
from accounts.service.merchants import authenticate
from tests.factories.merchants import make_merchant
from tests.pages.conftest import (
    BROWSER_HEADERS,
    client_as_staff,
    csrf_of,
    make_staff,
    screenshot,
    sign_in_staff,
)
from tests.pages.test_console_partner_form import ZH, error_of


def shown_key(html: str) -> str:
    match = re.search(r'id="key-value" class="secret" readonly value="([^"]+)"', html)
    assert match, "no key shown"
    return match.group(1)


@pytest.mark.usefixtures("database_url")
async def test_a_key_is_issued_shown_once_rotated_and_revoked_and_each_step_audited(client):
    m = await make_merchant()
    staff = await make_staff(m.id, "admin")
    await client_as_staff(client, staff)
    page = (await client.get("/console/settings/api-keys")).text
    refused = await client.post("/console/settings/api-keys", headers=ZH, data={"csrf_token": csrf_of(page), "role": "owner", "label": "x" * 101})
    assert refused.status_code == 422
    assert (error_of(refused.text, "role"), error_of(refused.text, "label")) == ("请从选项中选择一项。", "最多 100 个字符。")
    before = await ApiKey.filter(merchant_id=m.id).count()
    assert before == 3  # the merchant's first keys; nothing was issued

    issued = await client.post("/console/settings/api-keys", data={"csrf_token": csrf_of(page), "role": "integration", "label": "online shop"})
    key = shown_key(issued.text)
    row = await ApiKey.filter(merchant_id=m.id, label="online shop").get()
    assert key.startswith("rk_int_") and key[:12] == row.prefix
    assert key not in (await client.get("/console/settings/api-keys")).text  # never shown again
    assert (await authenticate(key)).role == "integration"  # it works

    rotated = await client.post(f"/console/settings/api-keys/{row.id}/rotate", data={"csrf_token": csrf_of(page)})
    new_key = shown_key(rotated.text)
    assert new_key != key and (await ApiKey.get(id=row.id)).revoked_at is not None
    assert await authenticate(key) is None and (await authenticate(new_key)).role == "integration"
    replacement = await ApiKey.filter(merchant_id=m.id, label="online shop", revoked_at=None).get()
    revoked = await client.post(f"/console/settings/api-keys/{replacement.id}/revoke", data={"csrf_token": csrf_of(page)})
    assert revoked.status_code == 303
    assert (await ApiKey.get(id=replacement.id)).revoked_at is not None
    entries = [(e.action, e.actor.id) for e in (await audit.list_entries(m.id, subject_type="api_key")).items]
    assert entries == [("api_key.revoke", str(staff.id)), ("api_key.rotate", str(staff.id)), ("api_key.issue", str(staff.id))]


@pytest.mark.usefixtures("database_url")
async def test_the_last_admin_key_is_kept_and_another_merchants_key_is_404(client):
    m, other = await make_merchant(), await make_merchant()
    await client_as_staff(client, await make_staff(m.id, "admin"))
    page = (await client.get("/console/settings/api-keys")).text
    admin_key = await ApiKey.filter(merchant_id=m.id, role="admin").get()
    answer = await client.post(f"/console/settings/api-keys/{admin_key.id}/revoke", data={"csrf_token": csrf_of(page)}, follow_redirects=True)
    assert "last active admin key" in answer.text
    assert (await ApiKey.get(id=admin_key.id)).revoked_at is None
    theirs = await ApiKey.filter(merchant_id=other.id, role="integration").get()
    for step in ("rotate", "revoke"):
        assert (await client.post(f"/console/settings/api-keys/{theirs.id}/{step}", data={"csrf_token": csrf_of(page)})).status_code == 404
    assert (await ApiKey.get(id=theirs.id)).revoked_at is None
    assert [k.prefix for k in await api_keys.list_keys(other.id) if k.prefix in page] == []


@pytest.mark.usefixtures("database_url")
async def test_people_are_added_with_a_password_or_a_link_changed_deactivated_and_the_last_admin_kept(client, app):
    m = await make_merchant()
    me = await make_staff(m.id, "admin")
    await client_as_staff(client, me)
    page = (await client.get("/console/settings/staff")).text
    refused = await client.post("/console/settings/staff", headers=ZH, data={
        "csrf_token": csrf_of(page), "email": "not an email", "role": "finance", "password": "short"})
    assert refused.status_code == 422
    assert error_of(refused.text, "email") == "请输入电子邮箱地址，例如 name@example.com。"
    assert "10" in error_of(refused.text, "password")
    taken = await client.post("/console/settings/staff", data={"csrf_token": csrf_of(page), "email": me.email.upper(), "role": "finance"})
    assert taken.status_code == 422 and error_of(taken.text, "email") == "This email already has an account here."
    assert await StaffAccount.filter(merchant_id=m.id).count() == 1

    with_password = await client.post("/console/settings/staff", data={
        "csrf_token": csrf_of(page), "email": "Clerk@Example.com", "role": "finance", "password": "a long enough secret"})
    assert with_password.status_code == 303
    assert await sign_in.verify_staff_password(m.id, "clerk@example.com", "a long enough secret") is not None
    with_link = await client.post("/console/settings/staff", data={"csrf_token": csrf_of(page), "email": "new@example.com", "role": "admin"})
    link = re.search(r'id="staff-link" class="secret" readonly value="[^"]*(/console/sign-in/[^"]+)"', with_link.text).group(1)
    newcomer = await sign_in.staff_by_email(m.id, "new@example.com")

    to_admin = await client.post(f"/console/settings/staff/{(await sign_in.staff_by_email(m.id, 'clerk@example.com')).id}/role",
                                 data={"csrf_token": csrf_of(page), "role": "admin"})
    assert to_admin.status_code == 303
    assert (await sign_in.staff_by_email(m.id, "clerk@example.com")).role == "admin"
    off = await client.post(f"/console/settings/staff/{newcomer.id}/active", data={"csrf_token": csrf_of(page), "active": "0"})
    assert off.status_code == 303 and not (await sign_in.staff_by_email(m.id, "new@example.com")).active
    # the deactivated account's link no longer signs anyone in
    import httpx
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as stranger:
        assert (await stranger.get(link, headers=BROWSER_HEADERS)).status_code != 303

    # demoting or deactivating the other admins until one is left: the last is kept
    clerk = await sign_in.staff_by_email(m.id, "clerk@example.com")
    await client.post(f"/console/settings/staff/{clerk.id}/active", data={"csrf_token": csrf_of(page), "active": "0"})
    kept = await client.post(f"/console/settings/staff/{me.id}/role", data={"csrf_token": csrf_of(page), "role": "finance"},
                             follow_redirects=True)
    assert "last active admin account" in kept.text
    assert (await sign_in.active_staff(m.id, me.id)).role == "admin"
    actions = [e.action for e in (await audit.list_entries(m.id, subject_type="staff_account")).items]
    assert actions == ["staff_account.deactivate", "staff_account.deactivate", "staff_account.change_role",
                       "staff_account.create", "staff_account.create"]


@pytest.mark.usefixtures("database_url")
async def test_another_merchants_staff_account_is_404_and_left_alone(client):
    m, other = await make_merchant(), await make_merchant()
    await client_as_staff(client, await make_staff(m.id, "admin"))
    theirs = await make_staff(other.id, "admin")
    page = (await client.get("/console/settings/staff")).text
    assert theirs.email not in page
    for path, data in ((f"/console/settings/staff/{theirs.id}/role", {"role": "finance"}), (f"/console/settings/staff/{theirs.id}/active", {"active": "0"}),
                       (f"/console/settings/staff/{theirs.id}/sign-in-link", {})):
        assert (await client.post(path, data={"csrf_token": csrf_of(page), **data})).status_code == 404, path
    assert (await sign_in.active_staff(other.id, theirs.id)).role == "admin"


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
async def test_a_merchant_issues_a_key_and_adds_a_finance_clerk_in_the_browser(new_page, locale):
    m = await make_merchant()
    staff = await make_staff(m.id, "admin")
    page = await new_page(locale=locale)
    await sign_in_staff(page, staff)
    await page.goto("/console/settings/api-keys")
    await page.select_option("#f-role", "finance")
    await page.fill("#f-label", "ERP")
    await page.click("#issue-key")
    assert (await page.input_value("#key-value")).startswith("rk_fin_")
    await screenshot(page, f"console-api-keys-{locale}")
    await page.goto("/console/settings/staff")
    await page.fill("#f-email", "clerk@example.com")
    await page.select_option("#f-role", "finance")
    await page.click("#add-staff")
    assert "/console/sign-in/" in await page.input_value("#staff-link")
    await screenshot(page, f"console-staff-{locale}")
    assert (await sign_in.staff_by_email(m.id, "clerk@example.com")).role == "finance"
