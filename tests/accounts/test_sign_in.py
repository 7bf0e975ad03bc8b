"""Staff accounts and one-time sign-in links (referral/service/sign_in.py) and the API that issues links."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from accounts.models import SignInToken, StaffAccount
from accounts.service import sign_in
from core.errors import InvalidInput
from referral.service.partners import issue_sign_in_link
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_partner

pytestmark = pytest.mark.usefixtures("database_url")

PASSWORD = "a long enough password"


async def test_a_staff_password_opens_only_its_own_account_and_every_failure_looks_the_same():
    merchant, other = await make_merchant(), await make_merchant()
    staff = await sign_in.create_staff_account(merchant.id, " Clerk@Example.com ", PASSWORD, "finance")
    assert staff.email == "clerk@example.com" and staff.role == "finance"
    row = await StaffAccount.get(id=staff.id)
    assert row.password_hash.startswith("$argon2id$") and PASSWORD not in row.password_hash

    assert await sign_in.verify_staff_password(merchant.id, "CLERK@example.com", PASSWORD) == staff
    assert await sign_in.verify_staff_password(merchant.id, staff.email, "wrong password!") is None
    assert await sign_in.verify_staff_password(merchant.id, "nobody@example.com", PASSWORD) is None
    assert await sign_in.verify_staff_password(other.id, staff.email, PASSWORD) is None
    await StaffAccount.filter(id=staff.id).update(active=False)
    assert await sign_in.verify_staff_password(merchant.id, staff.email, PASSWORD) is None
    assert await sign_in.active_staff(merchant.id, staff.id) is None


async def test_a_staff_email_is_unique_within_a_merchant_and_bad_input_is_refused():
    merchant, other = await make_merchant(), await make_merchant()
    await sign_in.create_staff_account(merchant.id, "a@example.com", PASSWORD, "admin")
    await sign_in.create_staff_account(other.id, "a@example.com", PASSWORD, "admin")  # another merchant: fine
    with pytest.raises(sign_in.StaffAccountExists):
        await sign_in.create_staff_account(merchant.id, "A@example.com", PASSWORD, "finance")
    with pytest.raises(InvalidInput) as refused:
        await sign_in.create_staff_account(merchant.id, "not-an-email", "short", "owner")
    assert [e["field"] for e in refused.value.extra["errors"]] == ["email", "password", "role"]


async def test_a_sign_in_link_works_once_within_15_minutes_and_only_its_hash_is_kept():
    merchant = await make_merchant()
    partner = await make_partner(merchant.id)
    link = await issue_sign_in_link(merchant.id, partner.id)
    assert link.path == f"/p/sign-in/{link.token}"
    row = await SignInToken.get(merchant_id=merchant.id, partner_id=partner.id)
    assert row.token_hash != link.token and link.token not in str(row.__dict__)

    late = link.expires_at + timedelta(seconds=1)
    assert await sign_in.consume_sign_in_link(link.token, at=late) is None
    signed = await sign_in.consume_sign_in_link(link.token)
    assert signed == sign_in.SignedIn(merchant.id, partner.id, None)
    assert await sign_in.consume_sign_in_link(link.token) is None
    assert await sign_in.consume_sign_in_link("rs_unknown") is None


async def test_two_concurrent_uses_of_one_link_sign_in_once():
    merchant = await make_merchant()
    partner = await make_partner(merchant.id)
    for _ in range(3):
        link = await issue_sign_in_link(merchant.id, partner.id)
        results = await asyncio.gather(*(sign_in.consume_sign_in_link(link.token) for _ in range(6)))
        assert sum(result is not None for result in results) == 1


async def test_a_staff_link_of_a_deactivated_account_does_not_sign_in():
    merchant = await make_merchant()
    staff = await sign_in.create_staff_account(merchant.id, "x@example.com", PASSWORD, "admin")
    link = await sign_in.issue_staff_sign_in_link(merchant.id, staff.id)
    await StaffAccount.filter(id=staff.id).update(active=False)
    assert await sign_in.consume_sign_in_link(link.token) is None


async def test_the_api_issues_a_partner_sign_in_link_for_admins_only_and_only_for_its_own_partners(client):
    merchant, other = await make_merchant(), await make_merchant()
    partner = await make_partner(merchant.id)
    stranger = await make_partner(other.id)
    answer = await api(client, merchant, "POST", f"/api/v1/partners/{partner.id}/sign-in-link")
    assert answer.status_code == 201
    body = answer.json()
    assert body["url"].startswith("http") and "/p/sign-in/rs_" in body["url"]
    assert body["expires_at"]
    refused = await api(client, merchant, "POST", f"/api/v1/partners/{partner.id}/sign-in-link", role="finance")
    assert refused.status_code == 403
    missing = await api(client, merchant, "POST", f"/api/v1/partners/{stranger.id}/sign-in-link")
    assert missing.status_code == 404
    document = (await client.get("/openapi.json")).json()
    assert "post" in document["paths"]["/api/v1/partners/{partner_id}/sign-in-link"]
