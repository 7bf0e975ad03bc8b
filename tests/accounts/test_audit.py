"""The audit log: every change a person makes leaves exactly one entry (who, when, what, before
and after), written in the change's transaction, so a refused change leaves none."""

from __future__ import annotations

import pytest
from tortoise.transactions import in_transaction

from accounts.models import AuditEntry
from accounts.service import audit
from accounts.service.audit import Actor
from referral.service import partners
from tests.conftest import run_relay
from tests.factories.batches import END_OF_OCTOBER, approve, create, get, make_commission, make_payee
from tests.factories.commissions import percent_rule
from tests.factories.merchants import MerchantCtx, api, make_merchant
from tests.factories.referral import make_partner

pytestmark = pytest.mark.usefixtures("database_url")

RULES = {"rules": [percent_rule("l1", "10")]}


async def key_id(client, m: MerchantCtx, role: str = "admin") -> str:
    keys = (await api(client, m, "GET", "/api/v1/api-keys")).json()["items"]
    return str(next(k["id"] for k in keys if m.keys[role].startswith(k["prefix"])))


async def entries(client, m: MerchantCtx, **query) -> list[dict]:
    response = await api(client, m, "GET", "/api/v1/audit", params=query)
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def only_entry(client, m: MerchantCtx, action: str) -> dict:
    found = await entries(client, m, action=action)
    assert len(found) == 1, found
    return found[0]


# --- partners ---------------------------------------------------------------------------------------


async def test_creating_updating_approving_and_suspending_a_partner_are_each_recorded(client):
    m = await make_merchant()
    admin = await key_id(client, m)
    created = await api(client, m, "POST", "/api/v1/partners", json={"display_name": "Lin Mei", "status": "pending"})
    partner_id = created.json()["id"]
    await api(client, m, "PATCH", f"/api/v1/partners/{partner_id}", json={"display_name": "Lin Mei (Pudong)"})
    await api(client, m, "PATCH", f"/api/v1/partners/{partner_id}", json={"status": "active"})
    await api(client, m, "PATCH", f"/api/v1/partners/{partner_id}", json={"status": "suspended"})

    log = await entries(client, m, subject_type="partner", subject_id=str(partner_id))
    assert [e["action"] for e in log] == ["partner.suspend", "partner.approve", "partner.update", "partner.create"]
    suspend, approve_, update, create_ = log
    assert create_["before"] is None and create_["after"]["display_name"] == "Lin Mei"
    assert create_["after"]["status"] == "pending"
    assert (update["before"]["display_name"], update["after"]["display_name"]) == ("Lin Mei", "Lin Mei (Pudong)")
    assert (approve_["before"]["status"], approve_["after"]["status"]) == ("pending", "active")
    assert (suspend["before"]["status"], suspend["after"]["status"]) == ("active", "suspended")
    for entry in log:
        assert entry["actor"] == {"kind": "api_key", "id": admin, "role": "admin"}
        assert entry["occurred_at"]


async def test_a_refused_partner_change_leaves_no_entry(client):
    m = await make_merchant()
    partner = await make_partner(m.id)
    cycle = await api(client, m, "PATCH", f"/api/v1/partners/{partner.id}", json={"recruiter_id": partner.id})
    assert cycle.status_code == 422
    unknown = await api(client, m, "POST", "/api/v1/partners", json={"display_name": "X", "recruiter_id": 999_999_999})
    assert unknown.status_code == 422
    assert await entries(client, m) == []


async def test_a_person_signed_in_to_a_console_is_recorded_as_staff(client):
    m = await make_merchant()
    partner = await make_partner(m.id)
    await partners.update_partner(m.id, partner.id, {"group": "vip"}, actor=Actor.staff(42, "admin"))
    entry = await only_entry(client, m, "partner.update")
    assert entry["actor"] == {"kind": "staff", "id": "42", "role": "admin"}
    assert (entry["before"]["group"], entry["after"]["group"]) == (None, "vip")


# --- rule sets -----------------------------------------------------------------------------------------


async def test_rule_set_drafts_and_publishing_are_recorded(client):
    m = await make_merchant()
    first = (await api(client, m, "POST", "/api/v1/rule-sets", json={"content": RULES})).json()["version"]
    await api(client, m, "POST", f"/api/v1/rule-sets/{first}/publish")
    second = (await api(client, m, "POST", "/api/v1/rule-sets", json={"content": RULES})).json()["version"]
    edited = {"rules": [percent_rule("l1", "12.5")]}
    assert (await api(client, m, "PUT", f"/api/v1/rule-sets/{second}", json={"content": edited})).status_code == 200
    assert (await api(client, m, "POST", f"/api/v1/rule-sets/{second}/publish")).status_code == 200

    update = await only_entry(client, m, "rule_set.update_draft")
    assert update["subject_id"] == str(second)
    assert update["before"]["content"]["rules"][0]["reward"] == {"percent": "10"}
    assert update["after"]["content"]["rules"][0]["reward"] == {"percent": "12.5"}
    publishes = await entries(client, m, action="rule_set.publish")
    assert [(e["subject_id"], e["before"]["status"], e["after"]["status"]) for e in publishes] == [
        (str(second), "draft", "active"), (str(first), "draft", "active"),
    ]
    assert publishes[0]["after"]["retired_version"] == first and publishes[1]["after"]["retired_version"] is None
    assert len(await entries(client, m, action="rule_set.create_draft")) == 2


async def test_refused_rule_set_changes_leave_no_entry(client):
    m = await make_merchant()
    bad = await api(client, m, "POST", "/api/v1/rule-sets", json={"content": {"rules": [{"id": "x", "level": 9}]}})
    assert bad.status_code == 422
    version = (await api(client, m, "POST", "/api/v1/rule-sets", json={"content": RULES})).json()["version"]
    await api(client, m, "POST", f"/api/v1/rule-sets/{version}/publish")
    assert (await api(client, m, "POST", f"/api/v1/rule-sets/{version}/publish")).status_code == 409
    assert (await api(client, m, "PUT", f"/api/v1/rule-sets/{version}", json={"content": RULES})).status_code == 409
    assert [e["action"] for e in await entries(client, m)] == ["rule_set.publish", "rule_set.create_draft"]


# --- payout batches ------------------------------------------------------------------------------------


async def test_each_step_of_a_payout_batch_is_recorded(client):
    m = await make_merchant()
    finance = await key_id(client, m, "finance")
    await make_commission(m.id, (await make_payee(m.id)).id, 10000)
    batch_id = (await create(client, m))["id"]
    await approve(client, m, batch_id)
    exported = await client.post(f"/api/v1/payout-batches/{batch_id}/export", headers=m.auth("finance"))
    assert exported.status_code == 200
    reference = (await get(client, m, batch_id))["lines"][0]["reference"]
    results = await client.post(
        f"/api/v1/payout-batches/{batch_id}/results", content=f"reference,status,reason\n{reference},paid,\n",
        headers=m.auth("finance"),
    )
    assert results.status_code == 200, results.text
    closed = await client.post(f"/api/v1/payout-batches/{batch_id}/close", headers=m.auth("finance"))
    assert closed.status_code == 200, closed.text

    log = await entries(client, m, subject_type="payout_batch", subject_id=str(batch_id))
    assert [e["action"] for e in log] == [
        "payout_batch.close", "payout_batch.import_results", "payout_batch.export", "payout_batch.approve",
        "payout_batch.create",
    ]
    close, imported, export, approval, creation = log
    assert creation["before"] is None and creation["after"]["status"] == "draft"
    assert (approval["before"]["status"], approval["after"]["status"]) == ("draft", "approved")
    assert (export["before"]["status"], export["after"]["status"]) == ("approved", "exported")
    assert imported["after"]["imported"] == {"paid": 1, "failed": 0, "returned": 0, "unchanged": 0}
    assert (close["before"]["status"], close["after"]["status"]) == ("exported", "closed")
    assert all(e["actor"] == {"kind": "api_key", "id": finance, "role": "finance"} for e in log)


async def test_a_payouts_command_from_a_shell_is_recorded_as_the_cli(client, database_url):
    m = await make_merchant()
    await make_commission(m.id, (await make_payee(m.id)).id, 10000)
    run_relay("payouts", "create", "--merchant", str(m.id), "--asset", "CNY", "--cutoff", END_OF_OCTOBER,
              database_url=database_url)
    entry = await only_entry(client, m, "payout_batch.create")
    assert entry["actor"] == {"kind": "system", "id": "cli", "role": ""}


async def test_refused_batch_steps_leave_no_entry(client):
    m = await make_merchant()
    batch_id = (await create(client, m))["id"]
    before = await entries(client, m)
    assert (await client.post(f"/api/v1/payout-batches/{batch_id}/close", headers=m.auth("finance"))).status_code == 409
    assert (await client.post(f"/api/v1/payout-batches/{batch_id}/export", headers=m.auth("finance"))).status_code == 409
    unknown = await client.post(
        f"/api/v1/payout-batches/{batch_id}/results", content="reference,status,reason\nB1-1,paid,\n",
        headers=m.auth("finance"),
    )
    assert unknown.status_code in (409, 422)
    assert await entries(client, m) == before


# --- commissions -----------------------------------------------------------------------------------------


async def test_a_rejected_commission_is_recorded_with_its_state_before_and_after(client):
    m = await make_merchant()
    commission = await make_commission(m.id, (await make_payee(m.id)).id, 2500)
    rejected = await api(client, m, "POST", f"/api/v1/commissions/{commission.id}/reject", json={"reason": "self-referral"})
    assert rejected.status_code == 200, rejected.text
    entry = await only_entry(client, m, "commission.reject")
    assert entry["subject_type"] == "commission" and entry["subject_id"] == str(commission.id)
    assert (entry["before"]["status"], entry["after"]["status"]) == ("available", "rejected")
    assert entry["after"]["rejected_reason"] == "self-referral" and entry["after"]["amount"] == 2500
    again = await api(client, m, "POST", f"/api/v1/commissions/{commission.id}/reject", json={"reason": "twice"})
    assert again.status_code == 409
    assert len(await entries(client, m, action="commission.reject")) == 1


async def test_approving_a_commission_held_for_review_is_recorded(client):
    from commissions.models import Commission

    m = await make_merchant()
    commission = await make_commission(m.id, (await make_payee(m.id)).id, 2500, status="pending")
    await Commission.filter(merchant_id=m.id, id=commission.id).update(review="held")
    approved = await api(client, m, "POST", f"/api/v1/commissions/{commission.id}/approve")
    assert approved.status_code == 200, approved.text
    entry = await only_entry(client, m, "commission.approve")
    assert (entry["before"]["review"], entry["after"]["review"]) == ("held", "approved")
    assert (await api(client, m, "POST", f"/api/v1/commissions/{commission.id}/approve")).status_code == 409
    assert len(await entries(client, m)) == 1


# --- settings, keys and the webhook secret ------------------------------------------------------------------


async def test_merchant_settings_changes_are_recorded_field_by_field(client):
    m = await make_merchant()
    changed = await api(client, m, "PATCH", "/api/v1/merchant", json={"attribution_window_days": 7})
    assert changed.status_code == 200
    entry = await only_entry(client, m, "merchant.update_settings")
    assert entry["before"] == {"attribution_window_days": 30} and entry["after"] == {"attribution_window_days": 7}
    refused = await api(client, m, "PATCH", "/api/v1/merchant", json={"attribution_window_days": -1})
    assert refused.status_code == 422
    assert len(await entries(client, m)) == 1


async def test_commission_and_payout_terms_changes_are_recorded(client):
    m = await make_merchant()
    assert (await api(client, m, "PATCH", "/api/v1/commission-terms", json={"hold_days": 9})).status_code == 200
    terms = await only_entry(client, m, "commission_terms.update")
    assert (terms["before"]["hold_days"], terms["after"]["hold_days"]) == (7, 9)
    payout = await api(client, m, "PATCH", "/api/v1/payout-terms", role="finance", json={"minimums": {"CNY": "100.00"}})
    assert payout.status_code == 200, payout.text
    entry = await only_entry(client, m, "payout_terms.update")
    assert entry["before"] != entry["after"]


async def test_rotating_the_webhook_secret_is_recorded_without_the_secret(client):
    m = await make_merchant()
    response = await api(client, m, "POST", "/api/v1/merchant/webhook-secret")
    entry = await only_entry(client, m, "webhook_secret.rotate")
    assert entry["after"]["previous_secret_valid_until"] is not None
    text = str(entry)
    assert response.json()["webhook_secret"] not in text and m.webhook_secret not in text


async def test_issuing_rotating_and_revoking_keys_are_recorded_without_the_keys(client):
    m = await make_merchant()
    issued = (await api(client, m, "POST", "/api/v1/api-keys", json={"role": "finance", "label": "clerk"})).json()
    rotated = (await api(client, m, "POST", f"/api/v1/api-keys/{issued['id']}/rotate")).json()
    await api(client, m, "POST", f"/api/v1/api-keys/{rotated['id']}/revoke")
    log = await entries(client, m, subject_type="api_key")
    assert [e["action"] for e in log] == ["api_key.revoke", "api_key.rotate", "api_key.issue"]
    revoke, rotate, issue = log
    assert issue["after"]["role"] == "finance" and issue["after"]["label"] == "clerk"
    assert rotate["subject_id"] == str(issued["id"]) and rotate["after"]["replaced_by"]["id"] == rotated["id"]
    assert revoke["before"]["revoked_at"] is None and revoke["after"]["revoked_at"] is not None
    for key in (issued["key"], rotated["key"]):
        assert key not in str(log)


# --- reading the log ---------------------------------------------------------------------------------------


async def test_the_log_is_filtered_paged_newest_first_and_the_merchants_own(client):
    m, other = await make_merchant(), await make_merchant()
    for n in range(3):
        await api(client, m, "POST", "/api/v1/partners", json={"display_name": f"Partner {n}"})
    first = await api(client, m, "GET", "/api/v1/audit", params={"action": "partner.create", "limit": 2})
    page = first.json()
    assert [e["after"]["display_name"] for e in page["items"]] == ["Partner 2", "Partner 1"]
    rest = await api(client, m, "GET", "/api/v1/audit", params={"limit": 2, "before_id": page["next_before_id"]})
    assert [e["after"]["display_name"] for e in rest.json()["items"]] == ["Partner 0"]
    assert rest.json()["next_before_id"] is None
    assert await entries(client, m, actor_kind="staff") == []
    assert await entries(client, m, **{"from": "2999-01-01T00:00:00Z"}) == []
    assert await entries(client, other) == []
    assert (await api(client, m, "GET", "/api/v1/audit", role="finance")).status_code == 403
    naive = await api(client, m, "GET", "/api/v1/audit", params={"from": "2026-01-01T00:00:00"})
    assert naive.status_code == 422
    too_long = await api(client, m, "GET", "/api/v1/audit", params={"actor_kind": "x" * 17})
    assert too_long.status_code == 422 and too_long.json()["errors"][0]["field"] == "query.actor_kind"


async def test_the_entry_and_the_change_are_written_together_or_not_at_all(client, monkeypatch):
    m = await make_merchant()
    partner = await make_partner(m.id, group="a")
    staff = Actor.staff(7, "admin")
    # The change's transaction rolls back after the entry was written: neither remains.
    with pytest.raises(RuntimeError):
        async with in_transaction():
            await partners.update_partner(m.id, partner.id, {"group": "b"}, actor=staff)
            raise RuntimeError("the request failed later")
    # The entry cannot be written: the change is refused with it.
    async def broken(**fields):
        raise RuntimeError("audit table unavailable")

    monkeypatch.setattr(AuditEntry, "create", broken)
    with pytest.raises(RuntimeError):
        await partners.update_partner(m.id, partner.id, {"group": "c"}, actor=staff)
    monkeypatch.undo()
    assert (await partners.get_partner(m.id, partner.id)).group == "a"
    assert (await audit.list_entries(m.id)).items == []


async def test_refusing_to_revoke_the_last_admin_key_leaves_no_entry(client):
    m = await make_merchant()
    keys = (await api(client, m, "GET", "/api/v1/api-keys")).json()["items"]
    admin = next(k["id"] for k in keys if k["role"] == "admin")
    assert (await api(client, m, "POST", f"/api/v1/api-keys/{admin}/revoke")).status_code == 409
    assert (await api(client, m, "POST", "/api/v1/api-keys/999999999/rotate")).status_code == 404
    assert await entries(client, m) == []


async def test_nothing_is_recorded_when_no_person_acted(client):
    m = await make_merchant()
    partner = await make_partner(m.id)
    await partners.update_partner(m.id, partner.id, {"group": "vip"})  # a job, the demo seed
    assert (await audit.list_entries(m.id)).items == []
