"""A partner's payee details: kept checked and audited with masked numbers, copied onto batch lines
(the bank file has them whole, the API masked), and the payee-change signal flagging or holding
the partner's payouts."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from accounts.service import audit
from accounts.service.audit import Actor
from core.errors import NotFound
from core.time import now
from payouts.errors import PayeeInvalid
from payouts.export import plain_cell
from payouts.models import Payee
from payouts.service import payees
from tests.factories.batches import approve, by_partner, create, figures, get, make_commission, make_payee
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner
from tests.payouts.test_payee import CARD_16, RESIDENT_ID

pytestmark = pytest.mark.usefixtures("database_url")

BANK = {"method": "bank", "account_name": "林美", "bank_name": "招商银行", "account_number": "6222 0202 0011 2230"}
ALIPAY = {"method": "alipay", "account_name": "林美", "account_number": "13812345678"}


async def test_a_partner_sets_a_bank_account_and_the_audit_keeps_it_masked():
    m = await make_merchant()
    partner = await make_partner(m.id)
    saved = await payees.set_payee(m.id, partner.id, BANK, actor=Actor.partner(partner.id))
    assert (saved.details.account_number, saved.details.bank_name) == (CARD_16, "招商银行")
    assert (await payees.payee_of(m.id, partner.id)) == saved
    assert saved.masked().details.account_number == "•••• 2230"

    changed = await payees.set_payee(m.id, partner.id, ALIPAY, actor=Actor.partner(partner.id))
    assert changed.changed_at > saved.changed_at
    entries = (await audit.list_entries(m.id, action="payee.update")).items
    assert [e.actor for e in entries] == [Actor("partner", str(partner.id))] * 2
    newest = entries[0]
    assert newest.before["details"]["account_number"] == "•••• 2230"
    assert newest.after["details"] == {
        "method": "alipay", "account_name": "林美", "account_number": "•••• 5678", "bank_name": None,
        "legal_name": None, "resident_id": None,
    }
    assert CARD_16 not in str(newest.before) and "13812345678" not in str(newest.after)


async def test_saving_the_same_details_again_changes_nothing_and_raises_no_signal():
    m = await make_merchant()
    partner = await make_partner(m.id)
    first = await payees.set_payee(m.id, partner.id, BANK)
    again = await payees.set_payee(m.id, partner.id, BANK | {"account_number": CARD_16})
    assert again.changed_at == first.changed_at


async def test_bad_details_name_each_field_and_write_nothing():
    m = await make_merchant()
    partner = await make_partner(m.id)
    with pytest.raises(PayeeInvalid) as caught:
        await payees.set_payee(m.id, partner.id, BANK | {"account_number": "6222020200112233", "bank_name": ""})
    assert caught.value.status == 422
    assert caught.value.extra["errors"] == [
        {"field": "account_number",
         "message": "is not a valid card number: check the digits (its last digit does not match)"},
        {"field": "bank_name", "message": "is required"},
    ]
    assert not await Payee.filter(merchant_id=m.id).exists()
    assert not (await audit.list_entries(m.id, action="payee.update")).items


async def test_a_merchant_that_withholds_tax_needs_the_legal_name_and_resident_id(client):
    m = await make_merchant()
    partner = await make_partner(m.id)
    terms = await client.patch("/api/v1/payout-terms", json={"withholding": "cn_labour_remuneration"},
                               headers=m.auth("finance"))
    assert terms.status_code == 200
    assert await payees.tax_details_required(m.id)
    with pytest.raises(PayeeInvalid) as caught:
        await payees.set_payee(m.id, partner.id, BANK)
    assert [e["field"] for e in caught.value.extra["errors"]] == ["legal_name", "resident_id"]
    saved = await payees.set_payee(m.id, partner.id, BANK | {"legal_name": "林美", "resident_id": RESIDENT_ID})
    assert (saved.details.legal_name, saved.details.resident_id) == ("林美", RESIDENT_ID)


async def test_another_merchants_partner_is_not_found():
    m, other = await make_merchant(), await make_merchant()
    stranger = await make_partner(other.id)
    with pytest.raises(NotFound):
        await payees.set_payee(m.id, stranger.id, BANK)
    assert not await Payee.filter(partner_id=stranger.id).exists()


async def _aged(merchant_id: int, partner_id: int, days: int) -> None:
    """As if the payee details had been entered `days` ago."""
    await Payee.filter(merchant_id=merchant_id, partner_id=partner_id).update(changed_at=now() - timedelta(days=days))


async def test_a_batch_pays_the_partners_own_payee_masked_in_the_api_whole_in_the_bank_file(client):
    m = await make_merchant()
    own = await make_partner(m.id, payee_name="Old name", payee_account="6222000011112222")  # the merchant's
    await payees.set_payee(m.id, own.id, BANK)
    await _aged(m.id, own.id, 30)
    alipay = await make_partner(m.id)
    await payees.set_payee(m.id, alipay.id, ALIPAY)
    await _aged(m.id, alipay.id, 30)
    legacy = await make_payee(m.id)  # only what the merchant set on the partner
    for partner in (own, alipay, legacy):
        await make_commission(m.id, partner.id, 10000)

    batch = await approve(client, m, (await create(client, m))["id"])
    lines = by_partner(await get(client, m, batch["id"]))
    assert {pid: (line["status"], line["payee_name"], line["payee_account"], line["payee_method"], line["payee_bank"])
            for pid, line in lines.items()} == {
        own.id: ("open", "林美", "•••• 2230", "bank", "招商银行"),
        alipay.id: ("open", "林美", "•••• 5678", "alipay", None),
        legacy.id: ("open", "Chen Wei", "•••• 2233", None, None),
    }
    exported = await client.post(f"/api/v1/payout-batches/{batch['id']}/export", headers=m.auth("finance"))
    rows = {plain_cell(row[7]): row for row in list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))[1:]}
    assert rows[str(own.id)][1:4] + rows[str(own.id)][6:7] == ["林美", f'="{CARD_16}"', "招商银行", "bank"]
    assert rows[str(alipay.id)][1:4] + rows[str(alipay.id)][6:7] == ["林美", '="13812345678"', "", "alipay"]
    assert rows[str(legacy.id)][1:4] + rows[str(legacy.id)][6:7] == ["Chen Wei", '="6222020200112233"', "", ""]


async def test_a_recent_payee_change_is_flagged_by_default_and_held_when_the_merchant_says_so(client):
    m = await make_merchant()
    settled, fresh = await make_partner(m.id), await make_partner(m.id)
    await payees.set_payee(m.id, settled.id, BANK)
    await _aged(m.id, settled.id, 8)  # older than the default 7 days
    await payees.set_payee(m.id, fresh.id, BANK)
    await _aged(m.id, fresh.id, 6)
    for partner in (settled, fresh):
        await make_commission(m.id, partner.id, 10000)

    draft = by_partner(await get(client, m, (await create(client, m))["id"]))
    assert (draft[fresh.id]["status"], draft[settled.id]["status"]) == ("payable", "payable")  # flag: paid, shown
    assert draft[fresh.id]["payee_changed_at"] is not None

    terms = await client.patch("/api/v1/payout-terms", json={"payee_change": {"signal": "hold", "days": 7}},
                               headers=m.auth("finance"))
    assert terms.status_code == 200 and terms.json()["payee_change"] == {"signal": "hold", "days": 7}
    draft = await create(client, m)  # the same draft: its lines were computed before the hold
    path = f"/api/v1/payout-batches/{draft['id']}/approve"
    changed = await client.post(path, json=figures(draft), headers=m.auth("finance"))
    assert changed.status_code == 409 and changed.json()["current"]["lines"] == 1  # the hold takes one line
    current = {k: changed.json()["current"][k] for k in figures(draft)}
    assert (await client.post(path, json=current, headers=m.auth("finance"))).status_code == 200
    approved = by_partner(await get(client, m, draft["id"]))
    assert (approved[settled.id]["status"], approved[fresh.id]["status"]) == ("open", "held")
    assert approved[fresh.id]["reason"] == "payee details changed within the last 7 days"
    assert approved[fresh.id]["gross_minor"] == 10000


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"payee_change": {"signal": "hold", "days": 0}}, "payee_change.days"),
        ({"payee_change": {"signal": "hold", "days": 366}}, "payee_change.days"),
        ({"payee_change": {"signal": "block", "days": 7}}, "payee_change.signal"),
        ({"payee_change": {"signal": "hold"}}, "payee_change.days"),
    ],
)
async def test_a_bad_payee_change_setting_is_refused_naming_it(client, body, field):
    m = await make_merchant()
    response = await client.patch("/api/v1/payout-terms", json=body, headers=m.auth("finance"))
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert field in [e["field"] for e in response.json()["errors"]]
    unchanged = await client.get("/api/v1/payout-terms", headers=m.auth("finance"))
    assert unchanged.json()["payee_change"] == {"signal": "flag", "days": 7}
