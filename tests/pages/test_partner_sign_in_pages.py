"""The portal's sign-in by code (relay/pages/partner_sign_in.py) and its devices page, through the
real app in process: the code read back from a real SMTP server; refusals shown on their field
in the person's language; a session ended anywhere signs that browser out."""

from __future__ import annotations

import re

import httpx
import pytest

from accounts.models import OneTimeCode, PartnerSession
from referral.models import Partner
from tests.conftest import asgi_client
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_partner
from tests.mailbox import six_digits
from tests.pages.conftest import BROWSER_HEADERS, csrf_of

pytestmark = pytest.mark.usefixtures("database_url")

ZH = {"accept-language": "zh-CN,zh;q=0.9", **BROWSER_HEADERS}
EN = {"accept-language": "en", **BROWSER_HEADERS}


def field_error(html: str, name: str) -> str:
    match = re.search(rf'id="e-{name}">([^<]*)<', html)
    assert match, f"no error on {name}"
    return match.group(1)


async def ask(client: httpx.AsyncClient, merchant_id: int, contact: str, headers=ZH) -> httpx.Response:
    form = await client.get(f"/p/sign-in?merchant={merchant_id}", headers=headers)
    return await client.post("/p/sign-in/send", headers=headers,
                             data={"csrf_token": csrf_of(form.text), "merchant": merchant_id, "contact": contact})


async def check(client, merchant_id: int, contact: str, code: str, step_html: str, headers=ZH) -> httpx.Response:
    return await client.post("/p/sign-in/check", headers=headers, data={
        "csrf_token": csrf_of(step_html), "merchant": merchant_id, "contact": contact, "code": code})


async def sign_in(client, mailbox, merchant_id: int, email: str) -> None:
    step = await ask(client, merchant_id, email)
    code = six_digits((await mailbox.wait_for(email))[-1].text)
    answer = await check(client, merchant_id, email, code, step.text)
    assert answer.status_code == 303 and answer.headers["location"] == "/p/", answer.text


async def test_a_partner_signs_in_with_a_code_from_their_email_in_chinese(messaging_client, mailbox):
    client = messaging_client
    merchant = await make_merchant(name="茶舍")
    await make_partner(merchant.id, email="mei@example.com", display_name="林梅")
    form = await client.get(f"/p/sign-in?merchant={merchant.id}", headers=ZH)
    assert form.status_code == 200 and "推广员登录" in form.text and "手机号或邮箱" in form.text
    assert "Sign in" not in form.text and "Mobile" not in form.text

    step = await ask(client, merchant.id, "MEI@example.com ")
    assert step.status_code == 200 and "验证码已发送至 m***@example.com" in step.text
    [message] = await mailbox.wait_for("mei@example.com")
    assert message.subject == "您的登录验证码" and message.text.startswith("【茶舍】")
    code = six_digits(message.text)

    wrong = await check(client, merchant.id, "mei@example.com", f"{(int(code) + 1) % 10**6:06d}", step.text)
    assert wrong.status_code == 422 and field_error(wrong.text, "code") == "验证码不正确，还可尝试 4 次。"
    short = await check(client, merchant.id, "mei@example.com", "12", step.text)
    assert short.status_code == 422 and field_error(short.text, "code") == "请输入收到的 6 位数字。"
    signed = await check(client, merchant.id, "mei@example.com", code, step.text)
    assert signed.status_code == 303
    home = await client.get("/p/", headers=ZH)
    assert home.status_code == 200 and "林梅" in home.text


async def test_a_bad_address_is_shown_on_its_field_and_nothing_is_sent(messaging_client):
    merchant = await make_merchant()
    for typed in ("12345", "mei@", "abc"):
        answer = await ask(messaging_client, merchant.id, typed, headers=EN)
        assert answer.status_code == 422
        assert field_error(answer.text, "contact") == "Enter a mobile number (e.g. 138 0013 8000) or an email address."
    assert not await OneTimeCode.filter(merchant_id=merchant.id).exists()


async def test_the_sign_in_page_needs_a_merchant_that_exists(messaging_client):
    assert (await messaging_client.get("/p/sign-in", headers=EN)).status_code == 404
    assert (await messaging_client.get("/p/sign-in?merchant=x", headers=EN)).status_code == 404
    assert (await messaging_client.get(f"/p/sign-in?merchant={10**15}", headers=EN)).status_code == 404


async def test_devices_are_listed_and_signing_out_everywhere_ends_every_session(messaging_app, mailbox):
    merchant = await make_merchant()
    await make_partner(merchant.id, email="two@example.com")

    async with asgi_client(messaging_app, "198.51.100.30") as phone, asgi_client(messaging_app, "198.51.100.30") as laptop:
        await sign_in(phone, mailbox, merchant.id, "two@example.com")
        await sign_in(laptop, mailbox, merchant.id, "two@example.com")
        devices = await laptop.get("/p/sessions", headers=EN)
        assert devices.status_code == 200 and devices.text.count('class="card session"') == 2
        assert "this device" in devices.text

        answer = await laptop.post("/p/sessions/end-all", headers=EN, data={"csrf_token": csrf_of(devices.text)})
        assert answer.status_code == 303 and answer.headers["location"] == f"/p/sign-in?merchant={merchant.id}"
        for client in (phone, laptop):
            gone = await client.get("/p/", headers=EN)
            assert gone.status_code == 401 and f"/p/sign-in?merchant={merchant.id}" in gone.text
    assert not await PartnerSession.filter(merchant_id=merchant.id, ended_at=None).exists()


async def test_signing_out_ends_the_session_and_a_suspension_signs_the_browser_out(messaging_client, mailbox):
    merchant = await make_merchant()
    partner = await make_partner(merchant.id, email="out@example.com")
    await sign_in(messaging_client, mailbox, merchant.id, "out@example.com")
    home = await messaging_client.get("/p/", headers=EN)
    cookie = messaging_client.cookies.get("relay_session")
    await messaging_client.post("/sign-out", headers=EN, data={"csrf_token": csrf_of(home.text)})
    assert not await PartnerSession.filter(partner_id=partner.id, ended_at=None).exists()
    messaging_client.cookies.clear()
    messaging_client.cookies.set("relay_session", cookie)  # the old cookie, kept by someone: no use
    assert (await messaging_client.get("/p/", headers=EN)).status_code == 401
    messaging_client.cookies.clear()

    await sign_in(messaging_client, mailbox, merchant.id, "out@example.com")
    assert (await messaging_client.get("/p/", headers=EN)).status_code == 200
    await api(messaging_client, merchant, "PATCH", f"/api/v1/partners/{partner.id}", json={"status": "suspended"})
    assert (await Partner.get(id=partner.id)).status == "suspended"
    assert (await messaging_client.get("/p/", headers=EN)).status_code == 401
