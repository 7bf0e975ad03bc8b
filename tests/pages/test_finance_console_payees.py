"""The finance console shows each line's payee masked (the bank, or Alipay), a recent change of
payee details flagged, and a line the payee-change signal held with the reason in words."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.time import now
from payouts.models import Payee
from payouts.service import payees
from tests.factories.batches import make_commission, make_payee
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner
from tests.pages.conftest import client_as_staff, csrf_of, hidden_fields, make_staff
from tests.payouts.test_payees import ALIPAY, BANK

pytestmark = pytest.mark.usefixtures("database_url")


async def _draft(client) -> int:
    html = (await client.get("/finance/batches")).text
    answer = await client.post("/finance/batches", data={"csrf_token": csrf_of(html), "asset": "CNY", "cutoff": "2026-11-01"})
    assert answer.status_code == 303, answer.text[-1500:]
    return int(answer.headers["location"].rsplit("/", 1)[1])


async def test_lines_show_the_payee_masked_and_a_recent_change_flagged_then_held_in_words(client):
    m = await make_merchant()
    bank, alipay, legacy = await make_partner(m.id), await make_partner(m.id), await make_payee(m.id)
    await payees.set_payee(m.id, bank.id, BANK)
    await payees.set_payee(m.id, alipay.id, ALIPAY)
    await Payee.filter(merchant_id=m.id, partner_id=bank.id).update(changed_at=now() - timedelta(days=30))
    for partner in (bank, alipay, legacy):
        await make_commission(m.id, partner.id, 10000)
    await client_as_staff(client, await make_staff(m.id, "finance"))
    batch_id = await _draft(client)
    html = (await client.get(f"/finance/batches/{batch_id}", headers={"accept-language": "zh-CN"})).text
    assert "招商银行 •••• 2230" in html and "支付宝 •••• 5678" in html and "•••• 2233" in html
    for whole in ("6222020200112230", "13812345678", "6222020200112233"):
        assert whole not in html
    assert html.count("payee-changed") == 1  # Alipay's details are new; the bank's are a month old

    hold = await client.patch("/api/v1/payout-terms", json={"payee_change": {"signal": "hold", "days": 3}},
                              headers=m.auth("finance"))
    assert hold.status_code == 200
    html = (await client.get(f"/finance/batches/{batch_id}/approve")).text  # the draft's figures: 3 lines
    shown = hidden_fields(html)
    changed = await client.post(f"/finance/batches/{batch_id}/approve", data=shown)  # the hold takes one line
    assert changed.status_code == 409 and 'name="lines" value="2"' in changed.text, changed.text[-1500:]
    shown = hidden_fields(changed.text)
    approved = await client.post(f"/finance/batches/{batch_id}/approve", data=shown)
    assert approved.status_code == 303, approved.text[-1500:]
    html = (await client.get(f"/finance/batches/{batch_id}", headers={"accept-language": "zh-CN"})).text
    assert "收款信息在最近 3 天内变更过：暂缓付款，待变更满期后再付。" in html
