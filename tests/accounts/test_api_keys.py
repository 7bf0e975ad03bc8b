"""API keys: listed without secrets, issued per role, rotated and revoked; a revoked key is refused at once."""

from __future__ import annotations

import pytest

from accounts.models import ApiKey
from core.ids import token_hash
from tests.factories.merchants import MerchantCtx, api, make_merchant

pytestmark = pytest.mark.usefixtures("database_url")


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


async def keys_of(client, m: MerchantCtx) -> list[dict]:
    response = await api(client, m, "GET", "/api/v1/api-keys")
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def id_of(client, m: MerchantCtx, role: str) -> int:
    return next(k["id"] for k in await keys_of(client, m) if m.keys[role].startswith(k["prefix"]))


async def test_the_list_shows_every_key_by_prefix_never_the_key(client):
    m = await make_merchant()
    listed = await keys_of(client, m)
    assert sorted(k["role"] for k in listed) == ["admin", "finance", "integration"]
    assert all(k["revoked_at"] is None and len(k["prefix"]) == 12 for k in listed)
    text = str(listed)
    for key in m.keys.values():
        assert key not in text
    assert all("key" not in k and "key_hash" not in k for k in listed)


async def test_only_the_hash_of_a_key_is_stored(client):
    m = await make_merchant()
    issued = (await api(client, m, "POST", "/api/v1/api-keys", json={"role": "integration", "label": "till"})).json()
    row = await ApiKey.get(merchant_id=m.id, id=issued["id"])
    assert row.key_hash == token_hash(issued["key"])
    assert issued["key"] not in (row.key_hash, row.prefix, row.label)


async def test_an_issued_key_works_for_its_role_only(client):
    m = await make_merchant()
    response = await api(client, m, "POST", "/api/v1/api-keys", json={"role": "finance", "label": "clerk 2"})
    assert response.status_code == 201, response.text
    issued = response.json()
    assert issued["role"] == "finance" and issued["label"] == "clerk 2" and issued["key"].startswith("rk_fin_")
    assert (await client.get("/api/v1/payout-batches", headers=bearer(issued["key"]))).status_code == 200
    assert (await client.get("/api/v1/partners", headers=bearer(issued["key"]))).status_code == 403
    assert issued["id"] in [k["id"] for k in await keys_of(client, m)]


async def test_a_revoked_key_is_refused_from_the_next_request(client):
    m = await make_merchant()
    finance = await id_of(client, m, "finance")
    assert (await client.get("/api/v1/payout-batches", headers=m.auth("finance"))).status_code == 200
    revoked = await api(client, m, "POST", f"/api/v1/api-keys/{finance}/revoke")
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] is not None
    refused = await client.get("/api/v1/payout-batches", headers=m.auth("finance"))
    assert refused.status_code == 401
    assert refused.headers["content-type"].startswith("application/problem+json")
    again = await api(client, m, "POST", f"/api/v1/api-keys/{finance}/revoke")
    assert again.status_code == 200 and again.json()["revoked_at"] == revoked.json()["revoked_at"]


async def test_rotating_a_key_gives_a_new_one_with_the_same_role_and_refuses_the_old_one(client):
    m = await make_merchant()
    integration = await id_of(client, m, "integration")
    response = await api(client, m, "POST", f"/api/v1/api-keys/{integration}/rotate")
    assert response.status_code == 201, response.text
    new = response.json()
    assert new["role"] == "integration" and new["id"] != integration and new["key"] != m.keys["integration"]
    body = {"partner_code": "NOPE", "subtotal": "10.00"}
    old = await client.post("/api/v1/checkout/incentive", json=body, headers=m.auth("integration"))
    assert old.status_code == 401
    fresh = await client.post("/api/v1/checkout/incentive", json=body, headers=bearer(new["key"]))
    assert fresh.status_code not in (401, 403), fresh.text
    assert (await api(client, m, "POST", f"/api/v1/api-keys/{integration}/rotate")).status_code == 409


async def test_the_last_admin_key_cannot_be_revoked_but_can_be_rotated(client):
    m = await make_merchant()
    admin = await id_of(client, m, "admin")
    refused = await api(client, m, "POST", f"/api/v1/api-keys/{admin}/revoke")
    assert refused.status_code == 409 and refused.json()["type"].endswith("last-admin-key")
    assert (await client.get("/api/v1/partners", headers=m.auth("admin"))).status_code == 200
    rotated = (await api(client, m, "POST", f"/api/v1/api-keys/{admin}/rotate")).json()
    assert (await client.get("/api/v1/partners", headers=m.auth("admin"))).status_code == 401
    second = await client.post("/api/v1/api-keys", json={"role": "admin"}, headers=bearer(rotated["key"]))
    # with a second admin key, the first can go (even the caller's own)
    revoked = await client.post(f"/api/v1/api-keys/{rotated['id']}/revoke", headers=bearer(rotated["key"]))
    assert revoked.status_code == 200
    assert (await client.get("/api/v1/partners", headers=bearer(rotated["key"]))).status_code == 401
    assert (await client.get("/api/v1/partners", headers=bearer(second.json()["key"]))).status_code == 200


async def test_another_merchants_key_is_not_found_and_only_admins_manage_keys(client):
    a, b = await make_merchant(), await make_merchant()
    a_finance = await id_of(client, a, "finance")
    for action in ("revoke", "rotate"):
        response = await api(client, b, "POST", f"/api/v1/api-keys/{a_finance}/{action}")
        assert response.status_code == 404, action
    assert (await client.get("/api/v1/payout-batches", headers=a.auth("finance"))).status_code == 200
    for role in ("finance", "integration"):
        assert (await api(client, a, "GET", "/api/v1/api-keys", role=role)).status_code == 403
        assert (await api(client, a, "POST", "/api/v1/api-keys", role=role, json={"role": "admin"})).status_code == 403
    assert (await client.get("/api/v1/api-keys")).status_code == 401


async def test_a_bad_request_issues_no_key(client):
    m = await make_merchant()
    bodies = (
        {"role": "root"}, {"role": "admin", "label": "x" * 101}, {"role": "admin", "label": "a\x00b"},
        {"role": "admin", "extra": 1}, {},
    )
    for body in bodies:
        response = await api(client, m, "POST", "/api/v1/api-keys", json=body)
        assert response.status_code == 422, body
    assert len(await keys_of(client, m)) == 3


async def test_the_key_endpoints_are_in_the_openapi_document(client):
    paths = (await client.get("/openapi.json")).json()["paths"]
    assert {"get", "post"} <= paths["/api/v1/api-keys"].keys()
    assert "post" in paths["/api/v1/api-keys/{key_id}/rotate"] and "post" in paths["/api/v1/api-keys/{key_id}/revoke"]
    assert "get" in paths["/api/v1/audit"] and "get" in paths["/api/v1/rate-limits/refusals"]
