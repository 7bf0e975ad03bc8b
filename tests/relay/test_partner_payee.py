"""A partner enters their payee details through the partner API: read back masked; each bad field
refused by name, writing nothing; a change of details already given needs a fresh code sent to
the partner (read back from the SMTP server), and without one, with a wrong, expired or used one
it is refused and nothing changes; every change audited as the partner, masked."""

from __future__ import annotations

import pytest

from accounts.models import OneTimeCode
from accounts.service import audit, partner_sessions
from core.time import now
from payouts.models import Payee
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner
from tests.mailbox import six_digits
from tests.payouts.test_payee import CARD_16, RESIDENT_ID

pytestmark = pytest.mark.usefixtures("database_url")

BANK = {"method": "bank", "account_name": "林美", "bank_name": "招商银行", "account_number": "6222 0202 0011 2230"}
ALIPAY = {"method": "alipay", "account_name": "林美", "account_number": "13812345678"}


async def partner_token(merchant_id: int, partner_id: int) -> dict[str, str]:
    started = await partner_sessions.start_session(merchant_id, partner_id, device="test", via="code")
    return {"authorization": f"Bearer {started.token}"}


async def with_bank_details(http, email: str):
    m = await make_merchant()
    partner = await make_partner(m.id, email=email)
    auth = await partner_token(m.id, partner.id)
    first = await http.put("/api/v1/me/payee", json=BANK, headers=auth)
    assert first.status_code == 200, first.text
    return m, partner, auth


async def payee_row(merchant_id: int, partner_id: int) -> dict:
    return (await Payee.filter(merchant_id=merchant_id, partner_id=partner_id).values())[0]


async def test_the_first_details_need_no_code_and_are_read_back_masked(messaging_client):
    http = messaging_client
    m = await make_merchant()
    partner = await make_partner(m.id, email="first.payee@example.com")
    auth = await partner_token(m.id, partner.id)
    empty = await http.get("/api/v1/me/payee", headers=auth)
    assert empty.json() == {"details": None, "tax_details_required": False}

    saved = await http.put("/api/v1/me/payee", json=BANK, headers=auth)
    assert saved.status_code == 200, saved.text
    assert saved.json()["account_number"] == "•••• 2230" and CARD_16 not in saved.text
    read = (await http.get("/api/v1/me/payee", headers=auth)).json()["details"]
    assert (read["method"], read["bank_name"], read["account_number"]) == ("bank", "招商银行", "•••• 2230")
    assert (await payee_row(m.id, partner.id))["account_number"] == CARD_16  # whole for the bank file
    [entry] = (await audit.list_entries(m.id, action="payee.update")).items
    assert entry.actor.kind == "partner" and CARD_16 not in str(entry.after)


@pytest.mark.parametrize(("change", "field"), [
    ({"account_number": "6222020200112233"}, "account_number"),  # Luhn
    ({"account_number": "62220202"}, "account_number"),  # a UnionPay card too short
    ({"account_number": "12ab"}, "account_number"),
    ({"account_name": "  "}, "account_name"),
    ({"bank_name": None}, "bank_name"),
    ({"method": "cash"}, "method"),
    ({"resident_id": "110105194912310021"}, "resident_id"),  # GB 11643 check character
    ({"method": "alipay", "account_number": "not-an-account"}, "account_number"),
])
async def test_each_bad_field_is_named_and_nothing_is_written(messaging_client, change, field):
    m = await make_merchant()
    partner = await make_partner(m.id, email="bad.payee@example.com")
    auth = await partner_token(m.id, partner.id)
    answer = await messaging_client.put("/api/v1/me/payee", json=BANK | change, headers=auth)
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in answer.json()["errors"]] == [field]
    assert not await Payee.filter(merchant_id=m.id).exists()
    assert not (await audit.list_entries(m.id, action="payee.update")).items


async def test_a_merchant_withholding_tax_needs_the_legal_name_and_resident_id(messaging_client, client):
    m = await make_merchant()
    partner = await make_partner(m.id, email="tax.payee@example.com")
    assert (await client.patch("/api/v1/payout-terms", json={"withholding": "cn_labour_remuneration"},
                               headers=m.auth("finance"))).status_code == 200
    auth = await partner_token(m.id, partner.id)
    assert (await messaging_client.get("/api/v1/me/payee", headers=auth)).json()["tax_details_required"] is True
    refused = await messaging_client.put("/api/v1/me/payee", json=BANK, headers=auth)
    assert [e["field"] for e in refused.json()["errors"]] == ["legal_name", "resident_id"]
    saved = await messaging_client.put("/api/v1/me/payee", json=BANK | {"legal_name": "林美", "resident_id": RESIDENT_ID},
                                       headers=auth)
    assert saved.status_code == 200 and saved.json()["resident_id"] == "1••••••••••••••••X"


async def test_a_change_needs_the_code_sent_to_the_partner(messaging_client, mailbox):
    http = messaging_client
    m, partner, auth = await with_bank_details(http, "change.payee@example.com")
    before = await payee_row(m.id, partner.id)

    without = await http.put("/api/v1/me/payee", json=ALIPAY, headers=auth)
    assert without.status_code == 422 and without.json()["errors"][0]["field"] == "code"
    guessed = await http.put("/api/v1/me/payee", json=ALIPAY | {"code": "000000"}, headers=auth)
    assert guessed.status_code == 422 and guessed.json()["errors"][0]["field"] == "code"
    assert await payee_row(m.id, partner.id) == before  # nothing changed

    sent = await http.post("/api/v1/me/payee/code", headers=auth | {"accept-language": "zh-CN"})
    assert sent.status_code == 202, sent.text
    assert sent.json()["sent_to"] == "c***@example.com"
    [message] = await mailbox.wait_for("change.payee@example.com")
    code = six_digits(message.text)
    # a bad field is refused first and does not spend the code
    bad = await http.put("/api/v1/me/payee", json=ALIPAY | {"account_number": "x", "code": code}, headers=auth)
    assert bad.status_code == 422 and [e["field"] for e in bad.json()["errors"]] == ["account_number"]

    changed = await http.put("/api/v1/me/payee", json=ALIPAY | {"code": code}, headers=auth)
    assert changed.status_code == 200, changed.text
    assert changed.json()["method"] == "alipay" and changed.json()["account_number"] == "•••• 5678"
    again = await http.put("/api/v1/me/payee", json=BANK | {"code": code}, headers=auth)  # used once
    assert again.status_code == 422 and again.json()["errors"][0]["field"] == "code"
    assert (await payee_row(m.id, partner.id))["method"] == "alipay"
    entries = (await audit.list_entries(m.id, action="payee.update")).items
    assert len(entries) == 2 and "13812345678" not in str(entries[0].after)


async def test_an_expired_code_is_refused(messaging_client, mailbox):
    http = messaging_client
    m, partner, auth = await with_bank_details(http, "expired.payee@example.com")
    assert (await http.post("/api/v1/me/payee/code", headers=auth)).status_code == 202
    code = six_digits((await mailbox.wait_for("expired.payee@example.com"))[-1].text)
    await OneTimeCode.filter(merchant_id=m.id, partner_id=partner.id).update(expires_at=now())
    refused = await http.put("/api/v1/me/payee", json=ALIPAY | {"code": code}, headers=auth)
    assert refused.status_code == 422 and "expired" in refused.json()["errors"][0]["message"]
    assert (await payee_row(m.id, partner.id))["method"] == "bank"


async def test_a_sign_in_code_does_not_confirm_a_payee_change(messaging_client, mailbox):
    http = messaging_client
    m, partner, auth = await with_bank_details(http, "signin.payee@example.com")
    asked = await http.post(f"/api/v1/merchants/{m.id}/sign-in-codes", json={"contact": "signin.payee@example.com"})
    assert asked.status_code == 202
    code = six_digits((await mailbox.wait_for("signin.payee@example.com"))[-1].text)
    refused = await http.put("/api/v1/me/payee", json=ALIPAY | {"code": code}, headers=auth)
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "code"
    assert (await payee_row(m.id, partner.id))["method"] == "bank"


async def test_saving_the_same_details_needs_no_code(messaging_client):
    m, partner, auth = await with_bank_details(messaging_client, "same.payee@example.com")
    again = await messaging_client.put("/api/v1/me/payee", json=BANK, headers=auth)
    assert again.status_code == 200
    assert len((await audit.list_entries(m.id, action="payee.update")).items) == 1


async def test_a_merchant_key_cannot_reach_a_partners_payee(client):
    m = await make_merchant()
    answer = await client.get("/api/v1/me/payee", headers=m.auth("admin"))
    assert answer.status_code in (401, 403)
