"""The commissions API through real HTTP: terms, rule sets, commissions, explanations, tenancy."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from commissions.service import rule_sets
from commissions.service.earning import commission_order
from commissions.service.lifecycle import on_order_completed, release
from tests.factories.commissions import make_order, percent_rule, publish_rule_set
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_partner

RULES = {"rules": [percent_rule("l1", "10"), percent_rule("l2", "5", level=2)]}


async def test_terms_have_defaults_and_change_only_what_is_sent(client):
    m = await make_merchant()
    got = (await api(client, m, "GET", "/api/v1/commission-terms")).json()
    assert got | {"updated_at": None} == {
        "hold_days": 7, "rounding": "half_up", "points_per_unit": "1", "points_rounding": "down",
        "currency": "CNY", "timezone": "Asia/Shanghai", "updated_at": None,
    }
    changed = await api(client, m, "PATCH", "/api/v1/commission-terms", json={"hold_days": 14, "points_per_unit": "2.5"})
    assert changed.status_code == 200
    assert (changed.json()["hold_days"], changed.json()["points_per_unit"], changed.json()["rounding"]) == (14, "2.5", "half_up")

    bad = await api(client, m, "PATCH", "/api/v1/commission-terms", json={"points_per_unit": 2.5, "hold_days": -1})
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"points_per_unit", "hold_days"}
    assert (await api(client, m, "GET", "/api/v1/commission-terms")).json()["hold_days"] == 14


async def test_an_invalid_rule_set_is_refused_naming_the_field(client):
    m = await make_merchant()
    await make_partner(m.id, group="gold")
    response = await api(client, m, "POST", "/api/v1/rule-sets", json={"content": {"rules": [
        {"id": "ok", "level": 1, "reward": {"percent": "10"}, "conditions": {"partner_groups": ["gold"]}},
        {"id": "deep", "level": 3, "reward": {"percent": "1"}},
        {"id": "typo", "level": 1, "reward": {"percent": "1"}, "conditions": {"partner_groups": ["silver"]}},
    ]}})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    fields = [e["field"] for e in response.json()["errors"]]
    assert "content.rules.1.level" in fields
    assert "content.rules.2.conditions.partner_groups.0" in fields
    assert (await api(client, m, "GET", "/api/v1/rule-sets")).json() == {"items": []}


async def test_publishing_a_draft_makes_it_active_and_retires_the_previous_one(client):
    m = await make_merchant()
    assert (await api(client, m, "GET", "/api/v1/rule-sets/active")).status_code == 404
    first = await api(client, m, "POST", "/api/v1/rule-sets", json={"content": RULES})
    assert first.status_code == 201
    assert (first.json()["version"], first.json()["status"]) == (1, "draft")
    edited = await api(client, m, "PUT", "/api/v1/rule-sets/1", json={"content": {"rules": [percent_rule("a", "12.5")]}})
    assert edited.json()["content"]["rules"][0]["reward"] == {"percent": "12.5"}
    assert (await api(client, m, "POST", "/api/v1/rule-sets/1/publish")).json()["status"] == "active"
    assert (await api(client, m, "PUT", "/api/v1/rule-sets/1", json={"content": RULES})).status_code == 409
    assert (await api(client, m, "POST", "/api/v1/rule-sets/1/publish")).status_code == 409

    await api(client, m, "POST", "/api/v1/rule-sets", json={"content": RULES})
    assert (await api(client, m, "POST", "/api/v1/rule-sets/2/publish")).status_code == 200
    listed = (await api(client, m, "GET", "/api/v1/rule-sets")).json()["items"]
    assert [(v["version"], v["status"]) for v in listed] == [(2, "active"), (1, "retired")]
    assert (await api(client, m, "GET", "/api/v1/rule-sets/active")).json()["version"] == 2
    assert (await api(client, m, "GET", "/api/v1/rule-sets/9")).status_code == 404


async def test_concurrent_publishes_leave_exactly_one_version_active(database_url):
    m = await make_merchant()
    drafts = [await rule_sets.create_draft(m.id, RULES) for _ in range(4)]
    results = await asyncio.gather(*(rule_sets.publish(m.id, d.version) for d in drafts), return_exceptions=True)
    assert not [r for r in results if isinstance(r, BaseException)]  # serialised, not failed
    versions = await rule_sets.list_versions(m.id)
    assert [v.status for v in versions].count("active") == 1
    assert [v.status for v in versions].count("retired") == 3


async def two_level_order(m, **order):
    recruiter = await make_partner(m.id)
    partner = await make_partner(m.id, recruiter_id=recruiter.id)
    await publish_rule_set(m.id, RULES)
    made = await make_order(m.id, partner.id, [("A", "toys", 2, 4999), ("B", "books", 1, 1001)], **order)
    commissions = await commission_order(m.id, made.for_commission())
    return partner, recruiter, made, commissions


async def test_a_commission_explains_itself_through_the_api(client):
    m = await make_merchant()
    partner, _, order, made = await two_level_order(m)
    response = await api(client, m, "GET", f"/api/v1/commissions/{made[0].id}")
    assert response.status_code == 200
    body = response.json()
    assert (body["amount"], body["amount_major"], body["asset"], body["status"]) == (1000, "10.00", "CNY", "pending")
    assert (body["rule_set_version"], body["rule_id"], body["partner_id"], body["level"]) == (1, "l1", partner.id, 1)
    explained = body["explanation"]
    assert (explained["rule_set_version"], explained["rule_id"], explained["base_minor"]) == (1, "l1", 9998)
    assert explained["reward"] == {"type": "percent", "percent": "10"}
    assert explained["rounding"]["exact"] == "999.8" and explained["rounding"]["result"] == 1000
    assert {"conditions", "modifiers", "settlement"} <= explained.keys()


async def test_commissions_are_listed_with_filters_and_pages(client):
    m = await make_merchant()
    partner, recruiter, order, made = await two_level_order(m)
    other = await make_order(m.id, partner.id, [("C", "toys", 1, 500)], at=datetime(2026, 4, 2, tzinfo=UTC))
    later = await commission_order(m.id, other.for_commission())

    async def ids(**params):
        response = await api(client, m, "GET", "/api/v1/commissions", params=params)
        assert response.status_code == 200, response.text
        return [c["id"] for c in response.json()["items"]]

    everything = [c.id for c in reversed(made + later)]
    assert await ids() == everything
    assert await ids(partner_id=recruiter.id) == [later[1].id, made[3].id, made[2].id]
    assert await ids(order_external_id=other.order.external_id) == [c.id for c in reversed(later)]
    assert await ids(order_external_id="nope") == []
    assert await ids(order_id=order.id, kind="cash", status="pending") == [c.id for c in reversed(made)]
    assert await ids(status="available") == []
    assert await ids(occurred_from="2026-04-01T00:00:00+08:00") == [c.id for c in reversed(later)]
    assert await ids(occurred_to="2026-04-01T00:00:00+08:00") == [c.id for c in reversed(made)]

    page = (await api(client, m, "GET", "/api/v1/commissions", params={"limit": 4})).json()
    assert [c["id"] for c in page["items"]] == everything[:4]
    rest = await ids(limit=4, before_id=page["next_before_id"])
    assert rest == everything[4:]
    bad = await api(client, m, "GET", "/api/v1/commissions", params={"status": "paid", "occurred_from": "2026-04-01"})
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"query.status", "query.occurred_from"}


async def test_a_partners_totals_are_summed_by_status_and_asset(client):
    m = await make_merchant()
    partner, _, order, made = await two_level_order(m)
    await on_order_completed(m.id, order.id, datetime(2026, 3, 11, tzinfo=UTC))
    await release(datetime(2026, 3, 18, tzinfo=UTC), merchant_id=m.id)
    second = await make_order(m.id, partner.id, [("A", "toys", 1, 3000)])
    await commission_order(m.id, second.for_commission())

    response = await api(client, m, "GET", f"/api/v1/partners/{partner.id}/commission-totals")
    assert response.json() == {"partner_id": partner.id, "totals": [
        {"status": "available", "asset": "CNY", "amount": 1100, "amount_major": "11.00", "count": 2},
        {"status": "pending", "asset": "CNY", "amount": 300, "amount_major": "3.00", "count": 1},
    ]}


async def test_rejecting_records_who_and_why_and_refuses_twice(client):
    m = await make_merchant()
    _, _, _, made = await two_level_order(m)
    path = f"/api/v1/commissions/{made[0].id}/reject"
    assert (await api(client, m, "POST", path, json={"reason": " "})).status_code == 422
    assert (await api(client, m, "POST", path, role="integration", json={"reason": "x"})).status_code == 403
    response = await api(client, m, "POST", path, json={"reason": "order was a test"})
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["rejected_reason"]) == ("rejected", "order was a test")
    assert isinstance(body["rejected_by_key_id"], int)
    again = await api(client, m, "POST", path, json={"reason": "again"})
    assert again.status_code == 409
    assert "rejected" in again.json()["detail"]


async def test_a_merchant_cannot_see_or_touch_another_merchants_commissions(client):
    a, b = await make_merchant(), await make_merchant()
    partner, _, _, made = await two_level_order(b)
    theirs = made[0].id
    assert (await api(client, a, "GET", f"/api/v1/commissions/{theirs}")).status_code == 404
    assert (await api(client, a, "POST", f"/api/v1/commissions/{theirs}/reject", json={"reason": "x"})).status_code == 404
    assert (await api(client, a, "GET", f"/api/v1/partners/{partner.id}/commission-totals")).status_code == 404
    assert (await api(client, a, "GET", "/api/v1/rule-sets/1")).status_code == 404
    assert (await api(client, a, "POST", "/api/v1/rule-sets/1/publish")).status_code == 404
    assert (await api(client, a, "GET", "/api/v1/commissions")).json()["items"] == []
    assert (await api(client, b, "GET", f"/api/v1/commissions/{theirs}")).json()["status"] == "pending"


async def test_checkout_shows_the_referred_customers_discount(client):
    m = await make_merchant()
    partner = await make_partner(m.id, customer_ref="cust-partner")
    await publish_rule_set(m.id, {"rules": [percent_rule("l1", "10")], "customer_incentive": {
        "percent": "5", "first_order_only": True, "min_subtotal": "50.00",
    }})

    async def incentive(**body):
        response = await api(client, m, "POST", "/api/v1/checkout/incentive", role="integration", json=body)
        assert response.status_code == 200, response.text
        return response.json()

    found = await incentive(partner_code=partner.code.lower(), subtotal="123.45")
    assert (found["discount"], found["discount_major"], found["reason"]) == (617, "6.17", "discount")
    assert (found["partner_id"], found["partner_code"], found["attribution"]) == (partner.id, partner.code, "partner_code")
    assert (await incentive(partner_code=partner.code, subtotal=4999))["reason"] == "below_min_subtotal"
    nobody = await incentive(partner_code="NOSUCHCO", subtotal="100")
    assert (nobody["discount"], nobody["partner_id"], nobody["reason"]) == (0, None, "none_unknown_code")
    assert (await incentive(subtotal="100"))["reason"] == "none_no_touch"
    own = await incentive(partner_code=partner.code, customer_ref="cust-partner", subtotal="100")
    assert (own["discount"], own["reason"]) == (0, "none_self_referral")

    bad = await api(client, m, "POST", "/api/v1/checkout/incentive", role="integration", json={"subtotal": "1.234"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "subtotal"
    admin = await api(client, m, "POST", "/api/v1/checkout/incentive", json={"subtotal": "1"})
    assert admin.status_code == 403


async def test_a_repeat_customer_gets_no_first_order_discount(client):
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, {"rules": [], "customer_incentive": {"amount": "10", "first_order_only": True}})
    await make_order(m.id, partner.id, [("A", "toys", 1, 100)], customer_ref="cust-1",
                     at=datetime.now(UTC) - timedelta(days=1))
    body = {"partner_code": partner.code, "subtotal": "100", "customer_ref": "cust-1"}
    repeat = await api(client, m, "POST", "/api/v1/checkout/incentive", role="integration", json=body)
    assert (repeat.json()["discount"], repeat.json()["reason"]) == (0, "first_order_only")
    body["customer_ref"] = "cust-2"
    new = await api(client, m, "POST", "/api/v1/checkout/incentive", role="integration", json=body)
    assert (new.json()["discount"], new.json()["reason"]) == (1000, "discount")
