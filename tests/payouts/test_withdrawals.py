"""Withdrawals (提现), told through the API: the merchant's settings and fee; a partner asks for
their available money (available -> requested); finance rejects (back to available, the reason
shown) or approves, and the next batch pays it, its fee charged like tax; the bank's outcome is
the withdrawal's. Refusals name the field and write nothing; nobody is paid twice."""

from __future__ import annotations

import pytest

from accounts.service import audit, partner_sessions
from commissions.models import Commission
from payouts.models import Withdrawal, WithdrawalFee
from payouts.service.postings import partner_balances
from payouts.service.withdrawals import WithdrawalRules
from tests.factories.batches import approve, by_partner, create, get, make_commission, make_payee, outcome
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner

pytestmark = pytest.mark.usefixtures("database_url")


def test_the_fee_rules():
    flat = WithdrawalRules(fee=WithdrawalFee.flat, fee_flat_minor=200)
    assert (flat.fee_on(10000), flat.fee_on(150)) == (200, 150)  # never more than the amount
    percent = WithdrawalRules(fee=WithdrawalFee.percent, fee_percent_bp=150, fee_cap_minor=2500)
    assert percent.fee_on(10000) == 150  # 1.5 %
    assert percent.fee_on(10033) == 150  # 150.495 rounds half up to 150
    assert percent.fee_on(10034) == 151  # 150.51
    assert percent.fee_on(1_000_000) == 2500  # capped
    assert WithdrawalRules().fee_on(10000) == 0


async def terms(client, m, **body) -> dict:
    answer = await client.put("/api/v1/withdrawal-terms", json={"mode": "both"} | body, headers=m.auth("finance"))
    assert answer.status_code == 200, answer.text
    return answer.json()


async def partner_auth(merchant_id: int, partner_id: int) -> dict[str, str]:
    started = await partner_sessions.start_session(merchant_id, partner_id, device="test", via="code")
    return {"authorization": f"Bearer {started.token}"}


async def ask(client, auth, amount: int, key: str = "tap-1"):
    return await client.post("/api/v1/me/withdrawals", json={"amount": amount, "idempotency_key": key}, headers=auth)


async def cash(merchant_id: int, partner_id: int):
    return (await partner_balances(merchant_id, partner_id))["CNY"]


async def with_earnings(client, *amounts: int, **settings):
    m = await make_merchant()
    await terms(client, m, **settings)
    partner = await make_payee(m.id)
    for amount in amounts:
        await make_commission(m.id, partner.id, amount)
    return m, partner, await partner_auth(m.id, partner.id)


async def test_settings_are_audited_and_bad_ones_name_the_field(client):
    m = await make_merchant()
    assert (await client.get("/api/v1/withdrawal-terms", headers=m.auth("finance"))).json()["mode"] == "scheduled"
    saved = await terms(client, m, minimum=1000, fee="percent", fee_percent_bp=100, fee_cap=500)
    assert (saved["mode"], saved["minimum"], saved["fee"], saved["fee_cap"]) == ("both", 1000, "percent", 500)
    [entry] = (await audit.list_entries(m.id, action="withdrawal_terms.update")).items
    assert entry.after["fee_percent_bp"] == 100
    for body, field in (({"fee": "flat", "fee_flat": 0}, "fee_flat"), ({"fee": "percent"}, "fee_percent"),
                        ({"minimum": -1}, "minimum"), ({"mode": "sometimes"}, "mode")):
        refused = await client.put("/api/v1/withdrawal-terms", json={"mode": "both"} | body, headers=m.auth("finance"))
        assert refused.status_code == 422, refused.text
        assert refused.json()["errors"][0]["field"].startswith(field)
    assert len((await audit.list_entries(m.id, action="withdrawal_terms.update")).items) == 1


async def test_a_merchant_paying_by_batches_only_offers_no_withdrawal(client):
    m, partner, auth = await with_earnings(client, 10000, mode="scheduled")
    quote = (await client.get("/api/v1/me/withdrawal-quote", headers=auth)).json()
    assert (quote["allowed"], quote["refusal"], quote["amount"]) == (False, "not_offered", 10000)
    refused = await ask(client, auth, 10000)
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "amount"
    assert not await Withdrawal.filter(merchant_id=m.id).exists()


async def test_a_request_moves_available_to_requested_and_a_double_tap_asks_once(client):
    m, partner, auth = await with_earnings(client, 6000, 4000, fee="flat", fee_flat=200)
    quote = (await client.get("/api/v1/me/withdrawal-quote", headers=auth)).json()
    assert (quote["amount"], quote["fee"], quote["receive"], quote["allowed"]) == (10000, 200, 9800, True)
    assert quote["display"]["receive"] == "98.00"

    first = await ask(client, auth, 10000)
    assert first.status_code == 201, first.text
    again = await ask(client, auth, 10000)  # the same tap, sent twice
    assert again.json()["id"] == first.json()["id"]
    other_device = await ask(client, auth, 10000, key="tap-2")
    assert other_device.status_code == 422 and "nothing is available" in other_device.json()["errors"][0]["message"]
    balances = await cash(m.id, partner.id)
    assert (balances.available, balances.requested) == (0, 10000)
    assert await Withdrawal.filter(merchant_id=m.id).count() == 1
    assert set(await Commission.filter(merchant_id=m.id).values_list("withdrawal_id", flat=True)) == {first.json()["id"]}


@pytest.mark.parametrize(("amount", "setting", "field", "words"), [
    (10001, {}, "amount", "now 10000"),  # more than is available
    (9999, {}, "amount", "now 10000"),  # not what is available any more
    (10000, {"minimum": 20000}, "amount", "smallest withdrawal of 20000"),
])
async def test_a_refused_request_names_the_field_and_writes_nothing(client, amount, setting, field, words):
    m, partner, auth = await with_earnings(client, 10000, **setting)
    refused = await ask(client, auth, amount)
    assert refused.status_code == 422, refused.text
    [error] = refused.json()["errors"]
    assert error["field"] == field and words in error["message"]
    assert not await Withdrawal.filter(merchant_id=m.id).exists()
    assert (await cash(m.id, partner.id)).available == 10000
    assert set(await Commission.filter(merchant_id=m.id).values_list("withdrawal_id", flat=True)) == {None}


async def test_without_payee_details_the_payee_field_is_refused(client):
    m = await make_merchant()
    await terms(client, m)
    partner = await make_partner(m.id)
    await make_commission(m.id, partner.id, 10000)
    refused = await ask(client, await partner_auth(m.id, partner.id), 10000)
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "payee"


async def test_another_partners_withdrawal_is_not_found(client):
    m, partner, auth = await with_earnings(client, 10000)
    mine = (await ask(client, auth, 10000)).json()
    stranger = await make_payee(m.id)
    theirs = await client.get(f"/api/v1/me/withdrawals/{mine['id']}", headers=await partner_auth(m.id, stranger.id))
    assert theirs.status_code == 404
    other_merchant = await make_merchant()
    for path in (f"/api/v1/withdrawals/{mine['id']}/approve",):
        assert (await client.post(path, headers=other_merchant.auth("finance"))).status_code == 404
    assert (await Withdrawal.get(id=mine["id"])).status == "requested"


async def test_finance_rejects_with_a_reason_the_partner_sees_and_the_money_is_available_again(client):
    m, partner, auth = await with_earnings(client, 10000)
    asked = (await ask(client, auth, 10000)).json()
    no_reason = await client.post(f"/api/v1/withdrawals/{asked['id']}/reject", json={"reason": " "},
                                  headers=m.auth("finance"))
    assert no_reason.status_code == 422
    rejected = await client.post(f"/api/v1/withdrawals/{asked['id']}/reject", json={"reason": "银行卡号与户名不符"},
                                 headers=m.auth("finance"))
    assert rejected.status_code == 200, rejected.text
    seen = (await client.get(f"/api/v1/me/withdrawals/{asked['id']}", headers=auth)).json()
    assert (seen["status"], seen["reason"]) == ("rejected", "银行卡号与户名不符")
    balances = await cash(m.id, partner.id)
    assert (balances.available, balances.requested) == (10000, 0)
    assert (await ask(client, auth, 10000, key="tap-2")).status_code == 201  # may ask again
    actions = [e.action for e in (await audit.list_entries(m.id)).items if e.action.startswith("withdrawal.")]
    assert sorted(actions) == ["withdrawal.reject", "withdrawal.request", "withdrawal.request"]


async def test_on_request_only_a_batch_pays_the_approved_withdrawal_less_its_fee_and_nothing_else(client):
    m, partner, auth = await with_earnings(client, 10000, mode="on_request", fee="percent", fee_percent_bp=150)
    asked = (await ask(client, auth, 10000)).json()
    waiting = await make_payee(m.id)  # earned, never asked: not paid on request only
    await make_commission(m.id, waiting.id, 8000)
    pending_decision = await make_payee(m.id)  # asked, not approved yet: not paid
    await make_commission(m.id, pending_decision.id, 7000)
    await ask(client, await partner_auth(m.id, pending_decision.id), 7000)
    approved = await client.post(f"/api/v1/withdrawals/{asked['id']}/approve", headers=m.auth("finance"))
    assert approved.json()["status"] == "approved"

    draft = await create(client, m)
    assert draft["totals"]["payout"]["net_minor"] == 9850  # the draft previews the fee approval charges
    batch = await approve(client, m, draft["id"])
    lines = by_partner(await get(client, m, batch["id"]))
    assert set(lines) == {partner.id}
    line = lines[partner.id]
    assert (line["gross_minor"], line["fee_minor"], line["fee"], line["net_minor"]) == (10000, 150, "1.50", 9850)
    assert (await Withdrawal.get(id=asked["id"])).status == "in_batch"
    balances = await cash(m.id, partner.id)
    assert (balances.requested, balances.in_batch, balances.fees) == (0, 9850, 150)

    assert (await outcome(client, m, batch["id"], line["id"], "paid")).status_code == 200
    paid = (await client.get(f"/api/v1/me/withdrawals/{asked['id']}", headers=auth)).json()
    assert paid["status"] == "paid" and paid["batch_id"] == batch["id"]
    balances = await cash(m.id, partner.id)
    assert (balances.paid, balances.fees, balances.available, balances.requested) == (9850, 150, 0, 0)
    assert (await cash(m.id, waiting.id)).available == 8000
    assert (await cash(m.id, pending_decision.id)).requested == 7000


async def test_a_failed_line_fails_the_withdrawal_and_everything_is_available_again(client):
    m, partner, auth = await with_earnings(client, 10000, fee="flat", fee_flat=300)
    asked = (await ask(client, auth, 10000)).json()
    await client.post(f"/api/v1/withdrawals/{asked['id']}/approve", headers=m.auth("finance"))
    batch = await approve(client, m, (await create(client, m))["id"])
    line = by_partner(await get(client, m, batch["id"]))[partner.id]
    assert line["net_minor"] == 9700
    assert (await outcome(client, m, batch["id"], line["id"], "failed", "账户已注销")).status_code == 200
    failed = (await client.get(f"/api/v1/me/withdrawals/{asked['id']}", headers=auth)).json()
    assert (failed["status"], failed["reason"]) == ("failed", "账户已注销")
    balances = await cash(m.id, partner.id)
    assert (balances.available, balances.requested, balances.in_batch, balances.fees) == (10000, 0, 0, 0)
    assert set(await Commission.filter(merchant_id=m.id).values_list("withdrawal_id", "payout_batch_id")) == {
        (None, None)}
    assert (await ask(client, auth, 10000, key="after-failure")).status_code == 201


async def test_with_both_a_scheduled_batch_pays_approved_requests_and_the_rest_once(client):
    m, partner, auth = await with_earnings(client, 10000)
    asked = (await ask(client, auth, 10000)).json()
    await client.post(f"/api/v1/withdrawals/{asked['id']}/approve", headers=m.auth("finance"))
    later = await make_commission(m.id, partner.id, 2500)  # became available after the request
    refund = await make_commission(m.id, partner.id, -1000, reversal_of=later.id)  # a clawback meanwhile
    batch = await approve(client, m, (await create(client, m))["id"])
    line = by_partner(await get(client, m, batch["id"]))[partner.id]
    assert line["gross_minor"] == 11500  # the request, plus 25.00 later, less the 10.00 clawed back
    assert refund.id and (await Withdrawal.get(id=asked["id"])).status == "in_batch"
    balances = await cash(m.id, partner.id)
    assert (balances.available, balances.requested, balances.in_batch) == (0, 0, 11500)
    again = await approve(client, m, (await create(client, m, cutoff="2026-12-01T00:00:00+08:00"))["id"])
    assert partner.id not in by_partner(await get(client, m, again["id"]))  # nothing paid twice
