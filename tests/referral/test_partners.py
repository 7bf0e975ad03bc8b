"""Partners through the admin API: codes, validation, recruiting, invite sign-up, tenancy."""

from __future__ import annotations

import re

import pytest

from referral.models import Partner
from referral.service import partners
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_partner

#: Every test here reads or writes the run's database.
pytestmark = pytest.mark.usefixtures("database_url")

CODE = re.compile(r"^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$")


async def create(client, merchant, **fields):
    return await api(client, merchant, "POST", "/api/v1/partners", json={"display_name": "Ann", **fields})


async def test_admin_creates_a_partner_with_a_till_code_and_an_invite_url(client, app):
    m = await make_merchant()
    response = await create(
        client, m, display_name="  Ann Lee ", kind="property_manager", group="north",
        reward_preference="points", customer_ref="cust-1", email="ann@example.com",
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert CODE.match(body["code"])
    assert body["display_name"] == "Ann Lee"
    assert (body["kind"], body["group"], body["status"]) == ("property_manager", "north", "active")
    assert body["reward_preference"] == "points"
    public_url = app.state.settings.public_url
    assert body["invite_url"] == f"{public_url}/join/{m.id}/{body['code']}"
    assert (await api(client, m, "GET", f"/api/v1/partners/{body['id']}")).json() == body


async def test_partner_code_lookup_ignores_case_and_blanks():
    m = await make_merchant()
    p = await make_partner(m.id, code="ABCD2345")
    found = await partners.partner_by_code(m.id, " abcd2345 ")
    assert found is not None and found.id == p.id
    assert await partners.partner_by_code(m.id, "ZZZZ9999") is None
    other = await make_merchant()
    assert await partners.partner_by_code(other.id, "ABCD2345") is None


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"display_name": ""}, "display_name"),
        ({"status": "gone"}, "status"),
        ({"reward_preference": "gold"}, "reward_preference"),
        ({"kind": "Has Spaces"}, "kind"),
        ({"email": "not-an-email"}, "email"),
        ({"recruiter_id": "7"}, "recruiter_id"),
        ({"unknown": 1}, "unknown"),
    ],
)
async def test_bad_partner_input_is_422_naming_the_field_and_writes_nothing(client, fields, field):
    m = await make_merchant()
    response = await create(client, m, **fields)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert field in {e["field"] for e in response.json()["errors"]}
    assert await Partner.filter(merchant_id=m.id).count() == 0


async def test_list_filters_by_kind_group_status_and_searches_name_or_code(client):
    m = await make_merchant()
    ann = (await create(client, m, display_name="Ann", kind="parent", group="north")).json()
    bob = (await create(client, m, display_name="Bob", kind="sales_guide", group="north", status="pending")).json()
    await create(client, m, display_name="Cleo", kind="parent", group="south")

    async def names(**query):
        response = await api(client, m, "GET", "/api/v1/partners", params=query)
        assert response.status_code == 200, response.text
        return [p["display_name"] for p in response.json()["items"]]

    assert await names() == ["Ann", "Bob", "Cleo"]
    assert await names(kind="parent") == ["Ann", "Cleo"]
    assert await names(group="north") == ["Ann", "Bob"]
    assert await names(status="pending") == ["Bob"]
    assert await names(q="cle") == ["Cleo"]
    assert await names(q=bob["code"].lower()) == ["Bob"]
    assert await names(limit=1, offset=1) == ["Bob"]
    page = (await api(client, m, "GET", "/api/v1/partners", params={"limit": 2})).json()
    assert (page["total"], page["limit"], page["offset"], len(page["items"])) == (3, 2, 0, 2)
    assert page["items"][0]["id"] == ann["id"]
    bad = await api(client, m, "GET", "/api/v1/partners", params={"limit": 0})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "query.limit"


async def test_patch_changes_only_the_fields_sent_and_null_clears_optional_ones(client):
    m = await make_merchant()
    p = (await create(client, m, group="north", email="a@example.com")).json()
    response = await api(
        client, m, "PATCH", f"/api/v1/partners/{p['id']}",
        json={"status": "suspended", "group": None, "payee_name": "Ann Lee", "payee_account": "6222 0000"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["status"], body["group"], body["email"]) == ("suspended", None, "a@example.com")
    assert (body["payee_name"], body["payee_account"]) == ("Ann Lee", "•••• 0000")  # masked in every answer
    assert body["invite_url"] is None  # only an active partner recruits
    refused = await api(client, m, "PATCH", f"/api/v1/partners/{p['id']}", json={"display_name": None})
    assert refused.status_code == 422
    assert (await Partner.get(id=p["id"])).display_name == "Ann"


async def test_a_partner_cannot_recruit_itself(client):
    m = await make_merchant()
    p = (await create(client, m)).json()
    response = await api(client, m, "PATCH", f"/api/v1/partners/{p['id']}", json={"recruiter_id": p["id"]})
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "recruiter_id", "message": "a partner cannot recruit itself"}]


async def test_a_recruiting_cycle_is_refused_and_nothing_changes(client):
    m = await make_merchant()
    a = (await create(client, m, display_name="A")).json()
    b = (await create(client, m, display_name="B", recruiter_id=a["id"])).json()
    c = (await create(client, m, display_name="C", recruiter_id=b["id"])).json()
    response = await api(client, m, "PATCH", f"/api/v1/partners/{a['id']}", json={"recruiter_id": c["id"]})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "recruiter_id"
    assert (await Partner.get(id=a["id"])).recruiter_id is None
    # Moving C up the tree is no cycle.
    moved = await api(client, m, "PATCH", f"/api/v1/partners/{c['id']}", json={"recruiter_id": a["id"]})
    assert moved.status_code == 200 and moved.json()["recruiter_id"] == a["id"]


async def test_a_recruiter_of_another_merchant_looks_unknown(client):
    m, other = await make_merchant(), await make_merchant()
    foreign = await make_partner(other.id)
    unknown = await create(client, m, recruiter_id=foreign.id)
    assert unknown.status_code == 422
    assert unknown.json()["errors"] == [{"field": "recruiter_id", "message": f"partner {foreign.id} not found"}]
    p = (await create(client, m)).json()
    patched = await api(client, m, "PATCH", f"/api/v1/partners/{p['id']}", json={"recruiter_id": foreign.id})
    assert patched.status_code == 422
    assert patched.json()["errors"] == unknown.json()["errors"]


async def test_another_merchants_partner_answers_404(client):
    m, other = await make_merchant(), await make_merchant()
    theirs = await make_partner(other.id, display_name="Theirs")
    assert (await api(client, m, "GET", f"/api/v1/partners/{theirs.id}")).status_code == 404
    patched = await api(client, m, "PATCH", f"/api/v1/partners/{theirs.id}", json={"status": "suspended"})
    assert patched.status_code == 404
    assert (await Partner.get(id=theirs.id)).status == "active"
    assert (await api(client, m, "GET", "/api/v1/partners")).json()["items"] == []


async def test_partner_endpoints_need_an_admin_key(client):
    m = await make_merchant()
    assert (await client.get("/api/v1/partners")).status_code == 401
    assert (await api(client, m, "GET", "/api/v1/partners", role="finance")).status_code == 403
    forbidden = await client.post(
        "/api/v1/partners", headers=m.auth("integration"), json={"display_name": "X"}
    )
    assert forbidden.status_code == 403
    assert await Partner.filter(merchant_id=m.id).count() == 0
