"""The application page (relay/pages/apply.py), the console's review queue and the applicant's own
application page, through the real app in process."""

from __future__ import annotations

import re

import pytest

from accounts.models import AuditEntry
from referral.models import Partner, PartnerApplication
from referral.program import DEFAULT_KINDS
from tests.conftest import asgi_client
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_partner
from tests.mailbox import six_digits
from tests.pages.conftest import BROWSER_HEADERS, client_as_staff, csrf_of, make_staff

pytestmark = pytest.mark.usefixtures("database_url")

ZH = {"accept-language": "zh-CN", **BROWSER_HEADERS}
EN = {"accept-language": "en", **BROWSER_HEADERS}
PROGRAM = {
    "review": "manual", "contact_required": "phone",
    "kinds": list(DEFAULT_KINDS),
    "questions": [{"id": "community", "zh_Hans": "您所在的小区", "en": "Your neighbourhood", "required": True}],
    "agreement": {"zh_Hans": "推广员协议：请如实推广。", "en": "Partner agreement: promote honestly."},
}


def visible(html: str) -> str:
    """The page's text as a person sees it (no tags, no attribute values, no style or script)."""
    body = html.split("<body", 1)[1].split(">", 1)[1]
    body = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", body, flags=re.S)
    return re.sub(r"<[^>]+>", " ", body)


async def with_program(client, **changes):
    merchant = await make_merchant(name="茶舍")
    assert (await api(client, merchant, "PUT", "/api/v1/partner-program", json=PROGRAM | changes)).status_code == 200
    return merchant


async def submit(client, merchant_id, form_html, headers=ZH, **fields):
    data = {"csrf_token": csrf_of(form_html), "display_name": "王芳", "phone": "13800138300", "kind": "parent",
            "answer_community": "阳光花园", "accept": "yes"} | fields
    return await client.post(f"/join/{merchant_id}", headers=headers, data={k: v for k, v in data.items() if v is not None})


async def test_the_invite_page_is_in_chinese_with_labels_never_codes(messaging_client):
    client = messaging_client
    merchant = await with_program(client)
    inviter = await make_partner(merchant.id, display_name="林梅")
    page = await client.get(f"/join/{merchant.id}/{inviter.code.lower()}", headers=ZH)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    text = visible(page.text)
    assert "成为 茶舍 的推广员" in text and "全职妈妈" in text and "物业公司" in text and "您所在的小区" in text
    assert "推广员协议：请如实推广。" in text
    for code in ("parent", "property_manager", "sales_guide", "service_outlet", "customer", "community"):
        assert code not in text
    assert "邀请人：林梅" in text
    assert not re.search(r"[A-Za-z]{3,}", text.replace("Relay", "").replace("English", "")), text
    hostile = await make_partner(merchant.id, display_name='<script>alert("x")</script>')
    escaped = await client.get(f"/join/{merchant.id}/{hostile.code}", headers=ZH)
    assert "<script>alert" not in escaped.text and "&lt;script&gt;" in escaped.text
    missing = await client.get(f"/join/{merchant.id}/ZZZZZZZZ", headers=ZH)
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert (await client.get(f"/join/{10**15}", headers=ZH)).status_code == 404


async def test_a_bad_application_shows_each_error_on_its_field_and_writes_nothing(messaging_client):
    client = messaging_client
    merchant = await with_program(client)
    form = await client.get(f"/join/{merchant.id}", headers=ZH)
    answer = await submit(client, merchant.id, form.text, phone="12345", kind="", answer_community="", accept=None,
                          display_name=" ")
    assert answer.status_code == 422
    errors = dict(re.findall(r'id="e-([\w.]+)">([^<]*)<', answer.text))
    assert errors == {
        "display_name": "请填写您的姓名（最多 200 字）。", "phone": "请输入有效的手机号，如 138 0013 8000。",
        "kind": "请选择您的身份。",
    }
    ok_form = await submit(client, merchant.id, form.text, answer_community="", accept=None)
    errors = dict(re.findall(r'id="e-([\w.]+)">([^<]*)<', ok_form.text))
    assert errors == {"answer_community": "请回答此问题（最多 1000 字）。",
                      "accepted_agreement_version": "请阅读并同意推广员协议。"}
    assert not await Partner.filter(merchant_id=merchant.id).exists()


async def test_an_applicant_applies_through_an_invite_and_applying_again_changes_nothing(messaging_client):
    client = messaging_client
    merchant = await with_program(client)
    inviter = await make_partner(merchant.id)
    form = await client.get(f"/join/{merchant.id}/{inviter.code}", headers=ZH)
    done = await submit(client, merchant.id, form.text, invite_code=inviter.code)
    assert done.status_code == 201, done.text
    assert "谢谢您，王芳！" in done.text and "您的申请正在等待商家审核。" in done.text
    partner = await Partner.get(merchant_id=merchant.id, phone="+8613800138300")
    assert partner.recruiter_id == inviter.id and partner.status == "pending"
    again = await submit(client, merchant.id, form.text, display_name="Another name")
    assert again.status_code == 200 and "您已提交过申请" in again.text
    assert await Partner.filter(merchant_id=merchant.id).count() == 2


async def test_the_merchant_asks_in_the_console_the_applicant_answers_in_the_portal_and_is_approved(
    messaging_app, messaging_client, mailbox
):
    client = messaging_client
    merchant = await with_program(client, contact_required="either")
    form = await client.get(f"/join/{merchant.id}", headers=EN)
    await submit(client, merchant.id, form.text, headers=EN, phone=None, email="fang@example.com")
    row = await PartnerApplication.get(merchant_id=merchant.id)

    async with asgi_client(messaging_app, "198.51.100.40") as console:
        await client_as_staff(console, await make_staff(merchant.id, "admin"))
        queue = await console.get("/console/applications", headers=EN)
        assert queue.status_code == 200 and "王芳" in queue.text and "Stay-at-home parent" in queue.text
        detail = await console.get(f"/console/applications/{row.id}", headers=EN)
        assert "阳光花园" in detail.text
        empty = await console.post(f"/console/applications/{row.id}/request-info", headers=EN,
                                   data={"csrf_token": csrf_of(detail.text), "message": ""})
        assert empty.status_code == 422 and 'id="e-message"' in empty.text
        asked = await console.post(f"/console/applications/{row.id}/request-info", headers=EN,
                                   data={"csrf_token": csrf_of(detail.text), "message": "Which store?"})
        assert asked.status_code == 303

        # The applicant signs in with a code: a pending partner sees only their application.
        sign_in = await client.get(f"/p/sign-in?merchant={merchant.id}", headers=EN)
        step = await client.post("/p/sign-in/send", headers=EN, data={
            "csrf_token": csrf_of(sign_in.text), "merchant": merchant.id, "contact": "fang@example.com"})
        code = six_digits((await mailbox.wait_for("fang@example.com"))[-1].text)
        await client.post("/p/sign-in/check", headers=EN, data={
            "csrf_token": csrf_of(step.text), "merchant": merchant.id, "contact": "fang@example.com", "code": code})
        home = await client.get("/p/", headers=EN)
        assert home.status_code == 303 and home.headers["location"] == "/p/application"
        mine = await client.get("/p/application", headers=EN)
        assert "Which store?" in mine.text
        answered = await client.post("/p/application/answer", headers=EN,
                                     data={"csrf_token": csrf_of(mine.text), "note": "Nanjing Road"})
        assert answered.status_code == 303
        assert (await PartnerApplication.get(id=row.id)).status == "pending"

        detail = await console.get(f"/console/applications/{row.id}", headers=EN)
        assert "Nanjing Road" in detail.text
        approved = await console.post(f"/console/applications/{row.id}/approve", headers=EN,
                                      data={"csrf_token": csrf_of(detail.text)})
        assert approved.status_code == 303
    assert (await Partner.get(id=row.partner_id)).status == "active"
    assert await AuditEntry.filter(merchant_id=merchant.id, action="partner_application.approve").exists()
    assert (await client.get("/p/", headers=EN)).status_code == 200
