"""One-time codes (accounts/service/codes.py): 6 digits, 10 minutes, 5 tries, once, kept hashed."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from accounts.models import OneTimeCode
from accounts.service import codes
from accounts.service.codes import Purpose, Refusal
from core.time import now
from tests.factories.merchants import make_merchant

pytestmark = pytest.mark.usefixtures("database_url")

SECRET = "test-secret"
PHONE = "+8613800138000"


async def issue(merchant_id: int, destination: str = PHONE, **kw) -> codes.IssuedCode:
    return await codes.issue_code(merchant_id, Purpose.sign_in, destination, partner_id=7, secret=SECRET, **kw)


async def check(merchant_id: int, code: str, destination: str = PHONE, **kw) -> codes.CodeCheck:
    return await codes.check_code(merchant_id, Purpose.sign_in, destination, code, secret=SECRET, **kw)


def other_than(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


async def test_a_code_is_six_digits_works_once_and_only_its_hmac_is_kept():
    merchant = await make_merchant()
    issued = await issue(merchant.id)
    assert len(issued.code) == 6 and issued.code.isdigit()
    row = await OneTimeCode.get(id=issued.id)
    assert issued.code not in row.code_hash and row.code_hash == codes.digest(SECRET, row.salt, issued.code)
    assert row.code_hash != codes.digest("another secret", row.salt, issued.code)

    first = await check(merchant.id, issued.code)
    assert first.accepted and first.partner_id == 7
    again = await check(merchant.id, issued.code)
    assert again.refusal is Refusal.used_up and again.partner_id is None


async def test_a_code_is_refused_after_ten_minutes():
    merchant = await make_merchant()
    at = now()
    issued = await issue(merchant.id, at=at)
    assert issued.expires_at == at + timedelta(minutes=10)
    late = await check(merchant.id, issued.code, at=at + timedelta(minutes=10))
    assert late.refusal is Refusal.expired
    assert (await check(merchant.id, issued.code, at=at + timedelta(minutes=9, seconds=59))).accepted


async def test_five_wrong_tries_end_a_code_even_for_the_right_sixth():
    merchant = await make_merchant()
    issued = await issue(merchant.id)
    wrong = other_than(issued.code)
    left = [(await check(merchant.id, wrong)).tries_left for _ in range(5)]
    assert left == [4, 3, 2, 1, 0]
    sixth = await check(merchant.id, issued.code)
    assert sixth.refusal is Refusal.used_up and not sixth.accepted
    assert (await OneTimeCode.get(id=issued.id)).used_at is None


async def test_a_new_code_replaces_the_one_before_and_codes_stay_in_their_merchant_and_purpose():
    merchant, other = await make_merchant(), await make_merchant()
    old = await issue(merchant.id)
    new = await issue(merchant.id)
    assert (await check(merchant.id, old.code)).refusal in (Refusal.expired, Refusal.wrong)
    assert (await check(other.id, new.code)).refusal is Refusal.none
    payee = await codes.check_code(merchant.id, Purpose.payee_change, PHONE, new.code, secret=SECRET)
    assert payee.refusal is Refusal.none
    assert (await check(merchant.id, new.code, destination="+8613900139000")).refusal is Refusal.none
    assert (await check(merchant.id, new.code)).accepted


async def test_two_tries_at_once_with_the_right_code_sign_in_once():
    merchant = await make_merchant()
    issued = await issue(merchant.id)
    results = await asyncio.gather(*(check(merchant.id, issued.code) for _ in range(4)))
    assert sum(result.accepted for result in results) == 1


async def test_concurrent_wrong_tries_never_go_past_five():
    merchant = await make_merchant()
    issued = await issue(merchant.id)
    await asyncio.gather(*(check(merchant.id, other_than(issued.code)) for _ in range(8)))
    assert (await OneTimeCode.get(id=issued.id)).attempts == 5
    assert (await check(merchant.id, issued.code)).refusal is Refusal.used_up
