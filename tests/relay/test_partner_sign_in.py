"""A partner signs in without the merchant, through the partner API: a 6-digit code sent by email
(read back from a real SMTP server) or SMS (a template request to a local provider), exchanged for
a session token that opens the partner API and nothing else; sessions listed and ended; refusals
on the right field, writing nothing; rate limits per address and IP; suspension ends sessions."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from accounts.models import OneTimeCode, PartnerSession
from relay.settings import Settings
from tests.conftest import asgi_client, running
from tests.factories.merchants import MerchantCtx, api, make_merchant
from tests.factories.referral import make_partner
from tests.mailbox import NO_SIGN_IN_LIMITS, messaging_settings, six_digits

pytestmark = pytest.mark.usefixtures("database_url")


@pytest.fixture
def http(messaging_client) -> httpx.AsyncClient:
    return messaging_client


@pytest.fixture
def provider(sms_provider):
    return sms_provider


def limited_app(database_url: str, mailbox, provider, **limits: str):
    return running(Settings(database_url=database_url, manage_database=False, rate_limits=NO_SIGN_IN_LIMITS | limits,
                            **messaging_settings(mailbox, provider)))


async def email_partner(merchant: MerchantCtx, email: str, **kw):
    return await make_partner(merchant.id, email=email, **kw)


async def ask_code(http, merchant_id: int, contact: str, **headers) -> httpx.Response:
    return await http.post(f"/api/v1/merchants/{merchant_id}/sign-in-codes", json={"contact": contact}, headers=headers)


async def exchange(http, merchant_id: int, contact: str, code: str) -> httpx.Response:
    return await http.post(f"/api/v1/merchants/{merchant_id}/partner-sessions", json={"contact": contact, "code": code},
                           headers={"user-agent": "RelayApp/1 (iPhone)"})


def bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


async def signed_in(http, mailbox, merchant, email) -> str:
    assert (await ask_code(http, merchant.id, email)).status_code == 202
    code = six_digits((await mailbox.wait_for(email))[-1].text)
    answer = await exchange(http, merchant.id, email, code)
    assert answer.status_code == 201, answer.text
    return answer.json()["token"]


async def test_a_code_by_email_signs_the_partner_in_and_the_token_opens_the_partner_api_only(http, mailbox):
    merchant = await make_merchant()
    partner = await email_partner(merchant, "lin.mei@example.com", display_name="林梅")
    sent = await ask_code(http, merchant.id, " Lin.Mei@Example.com ", **{"accept-language": "zh-CN"})
    assert sent.status_code == 202, sent.text
    assert sent.json()["sent_to"] == "l***@example.com" and sent.json()["medium"] == "email"
    [message] = await mailbox.wait_for("lin.mei@example.com")
    assert message.subject == "您的登录验证码" and "分钟内有效" in message.text
    code = six_digits(message.text)
    assert code not in str(await OneTimeCode.filter(merchant_id=merchant.id).values())

    answer = await exchange(http, merchant.id, "lin.mei@example.com", code)
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["partner"]["id"] == partner.id and body["session"]["via"] == "code"
    assert body["session"]["device"] == "RelayApp/1 (iPhone)" and body["token"].startswith("ps_")

    me = await http.get("/api/v1/me", headers=bearer(body["token"]))
    assert me.status_code == 200 and me.json()["display_name"] == "林梅"
    assert me.json()["invite_url"].endswith(f"/join/{merchant.id}/{partner.code}")
    # The session is no API key: the merchant's endpoints refuse it; an API key gets no /me.
    assert (await http.get("/api/v1/partners", headers=bearer(body["token"]))).status_code == 403
    assert (await api(http, merchant, "GET", "/api/v1/me")).status_code == 403
    assert (await http.get("/api/v1/me")).status_code == 401
    assert (await http.get("/api/v1/me", headers=bearer(body["token"] + "x"))).status_code == 401


async def test_a_code_by_sms_is_a_template_request_to_the_provider(http, provider):
    merchant = await make_merchant()
    partner = await make_partner(merchant.id, phone="+8613800138001")
    sent = await ask_code(http, merchant.id, "138 0013 8001")
    assert sent.status_code == 202 and sent.json() == sent.json() | {"sent_to": "138****8001", "medium": "sms"}
    [request] = [r for r in provider.requests if r.json["phone"] == "+8613800138001"]
    assert request.json["template_id"] == "SMS_SIGN_IN" and request.json["sign_name"] == "茶舍"
    answer = await exchange(http, merchant.id, "13800138001", request.json["params"]["code"])
    assert answer.status_code == 201 and answer.json()["partner"]["id"] == partner.id


async def test_an_address_nobody_has_gets_the_same_answer_and_nothing_is_sent(http, mailbox):
    merchant = await make_merchant()
    suspended = await email_partner(merchant, "gone@example.com", status="suspended")
    for contact in ("nobody@example.com", suspended.email):
        answer = await ask_code(http, merchant.id, contact)
        assert answer.status_code == 202 and answer.json()["medium"] == "email"
    assert mailbox.messages_to("nobody@example.com") == mailbox.messages_to("gone@example.com") == []
    assert not await OneTimeCode.filter(merchant_id=merchant.id).exists()
    refused = await exchange(http, merchant.id, "nobody@example.com", "123456")
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "code"


@pytest.mark.parametrize(("body", "field"), [
    ({"contact": "not a phone"}, "contact"), ({"contact": "1380013800"}, "contact"), ({"contact": "a@b"}, "contact"),
    ({"contact": ""}, "contact"), ({}, "contact"), ({"contact": "x@example.com", "extra": 1}, "extra"),
])
async def test_a_bad_address_is_refused_on_its_field_and_writes_nothing(http, body, field):
    merchant = await make_merchant()
    answer = await http.post(f"/api/v1/merchants/{merchant.id}/sign-in-codes", json=body)
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == field
    assert not await OneTimeCode.filter(merchant_id=merchant.id).exists()


async def test_an_unknown_merchant_is_404(http):
    assert (await ask_code(http, 10**15, "a@example.com")).status_code == 404


async def test_wrong_expired_and_guessed_codes_are_refused_on_the_code_field_and_start_no_session(http, mailbox):
    merchant = await make_merchant()
    await email_partner(merchant, "guess@example.com")
    await ask_code(http, merchant.id, "guess@example.com")
    code = six_digits((await mailbox.wait_for("guess@example.com"))[-1].text)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for left in (4, 3, 2, 1, 0):
        answer = await exchange(http, merchant.id, "guess@example.com", wrong)
        assert answer.status_code == 422, answer.text
        assert answer.json()["errors"] == [{"field": "code", "message": f"not the code that was sent; {left} tries left"}]
    sixth = await exchange(http, merchant.id, "guess@example.com", code)
    assert sixth.status_code == 422 and "can no longer be used" in sixth.json()["errors"][0]["message"]

    await ask_code(http, merchant.id, "guess@example.com")
    fresh = six_digits((await mailbox.wait_for("guess@example.com", count=2))[-1].text)
    await OneTimeCode.filter(merchant_id=merchant.id, used_at=None).update(
        expires_at=(await OneTimeCode.filter(merchant_id=merchant.id).first()).created_at - timedelta(seconds=1))
    expired = await exchange(http, merchant.id, "guess@example.com", fresh)
    assert expired.status_code == 422 and "expired" in expired.json()["errors"][0]["message"]
    for bad in ("12345", "abcdef", "1234567"):
        assert (await exchange(http, merchant.id, "guess@example.com", bad)).json()["errors"][0]["field"] == "code"
    assert not await PartnerSession.filter(merchant_id=merchant.id).exists()


async def test_a_code_works_only_at_its_own_merchant(http, mailbox):
    merchant, other = await make_merchant(), await make_merchant()
    await email_partner(merchant, "one@example.com")
    await email_partner(other, "one@example.com")
    await ask_code(http, merchant.id, "one@example.com")
    code = six_digits((await mailbox.wait_for("one@example.com"))[-1].text)
    assert (await exchange(http, other.id, "one@example.com", code)).status_code == 422
    assert (await exchange(http, merchant.id, "one@example.com", code)).status_code == 201


async def test_codes_are_rate_limited_per_address_and_per_ip(database_url, mailbox, provider):
    merchant = await make_merchant()
    await email_partner(merchant, "limited@example.com")
    limits = {"code_send_identity": "1/minute", "code_send_ip": "3/minute"}
    async with limited_app(database_url, mailbox, provider, **limits) as application:
        async with asgi_client(application, "198.51.100.77") as client:
            assert (await ask_code(client, merchant.id, "limited@example.com")).status_code == 202
            again = await ask_code(client, merchant.id, "limited@example.com")
            assert again.status_code == 429 and int(again.headers["retry-after"]) >= 1
            assert (await ask_code(client, merchant.id, "other1@example.com")).status_code == 202
            assert (await ask_code(client, merchant.id, "other2@example.com")).status_code == 429  # the IP's 4th
    assert len(mailbox.messages_to("limited@example.com")) == 1


async def test_sessions_are_listed_and_ended_and_a_suspension_ends_them_all(http, mailbox):
    merchant = await make_merchant()
    partner = await email_partner(merchant, "devices@example.com")
    other = await email_partner(merchant, "neighbour@example.com")
    phone_token = await signed_in(http, mailbox, merchant, "devices@example.com")
    laptop_token = await signed_in(http, mailbox, merchant, "devices@example.com")
    their_token = await signed_in(http, mailbox, merchant, "neighbour@example.com")

    listed = (await http.get("/api/v1/me/sessions", headers=bearer(laptop_token))).json()
    assert len(listed) == 2 and [s["current"] for s in listed].count(True) == 1
    theirs = (await http.get("/api/v1/me/sessions", headers=bearer(their_token))).json()[0]["id"]
    assert (await http.post(f"/api/v1/me/sessions/{theirs}/end", headers=bearer(laptop_token))).status_code == 404
    assert (await http.post(f"/api/v1/me/sessions/{2**63}/end", headers=bearer(laptop_token))).status_code == 404

    phone_id = next(s["id"] for s in listed if not s["current"])
    assert (await http.post(f"/api/v1/me/sessions/{phone_id}/end", headers=bearer(laptop_token))).status_code == 204
    assert (await http.get("/api/v1/me", headers=bearer(phone_token))).status_code == 401
    ended = await http.post("/api/v1/me/sessions/end-all", json={"keep_current": True}, headers=bearer(laptop_token))
    assert ended.json() == {"ended": 0}

    suspended = await api(http, merchant, "PATCH", f"/api/v1/partners/{partner.id}", json={"status": "suspended"})
    assert suspended.status_code == 200
    assert (await http.get("/api/v1/me", headers=bearer(laptop_token))).status_code == 401
    assert not await PartnerSession.filter(merchant_id=merchant.id, partner_id=partner.id, ended_at=None).exists()
    assert (await http.get("/api/v1/me", headers=bearer(their_token))).json()["id"] == other.id


async def test_an_email_or_phone_names_one_partner_of_the_merchant(http):
    merchant = await make_merchant()
    made = await api(http, merchant, "POST", "/api/v1/partners",
                     json={"display_name": "A", "email": "Same@Example.com", "phone": "13800138009"})
    assert made.status_code == 201 and made.json()["email"] == "same@example.com"
    assert made.json()["phone"] == "+8613800138009"
    for body, field in (({"email": "same@example.com"}, "email"), ({"phone": "+86 138 0013 8009"}, "phone")):
        again = await api(http, merchant, "POST", "/api/v1/partners", json={"display_name": "B", **body})
        assert again.status_code == 422 and again.json()["errors"][0]["field"] == field
    bad = await api(http, merchant, "POST", "/api/v1/partners", json={"display_name": "C", "phone": "12345"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "phone"
