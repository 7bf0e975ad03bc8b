"""Wallets under concurrency (PostgreSQL: SQLite runs one writer at a time): racing redemptions
never overdraw, racing replays write once, expiry racing redemptions never goes below zero."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from payouts.models import PointsRedemption
from payouts.service.postings import unbalanced_transactions
from payouts.wallet.service import expiry, redemptions
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner
from tests.payouts.wallet_setup import credit, redeem

pytestmark = pytest.mark.usefixtures("database_url")


@pytest.fixture(autouse=True)
def postgres_only(dialect):
    if dialect != "postgres":
        pytest.skip("concurrency needs PostgreSQL: SQLite has one writer")


async def test_eight_concurrent_redemptions_of_300_against_1000_points_exactly_three_succeed(client):
    m = await make_merchant()
    p = await make_partner(m.id)
    await credit(m.id, p.id, 1000)

    responses = await asyncio.gather(*(redeem(client, m, p.id, 300, key=f"race-{n}") for n in range(8)))

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] * 3 + [409] * 5
    assert sorted(r.json()["balance_after"] for r in responses if r.status_code == 201) == [100, 400, 700]
    assert await redemptions.wallet_balance(m.id, p.id) == 100
    assert await unbalanced_transactions(m.id) == []


async def test_concurrent_replays_of_one_key_redeem_once():
    m = await make_merchant()
    p = await make_partner(m.id)
    await credit(m.id, p.id, 1000)
    done = await asyncio.gather(*(
        redemptions.redeem(m.id, p.id, 300, order_ref="SO-1", idempotency_key="same") for _ in range(6)
    ))
    assert len({d.redemption.id for d in done}) == 1 and sum(not d.replayed for d in done) == 1
    assert await PointsRedemption.filter(merchant_id=m.id).count() == 1
    assert await redemptions.wallet_balance(m.id, p.id) == 700


async def test_expiry_racing_redemptions_never_overdraws():
    m = await make_merchant()
    p = await make_partner(m.id)
    await expiry.update_settings(m.id, expiry_months=1)
    await credit(m.id, p.id, 1000, at=datetime(2020, 1, 1, tzinfo=UTC))

    async def spend(n: int):
        try:
            return (await redemptions.redeem(m.id, p.id, 400, order_ref=f"SO-{n}", idempotency_key=f"k-{n}")).redemption.points
        except Exception:
            return 0

    results = await asyncio.gather(
        *(spend(n) for n in range(3)), expiry.expire_points(merchant_id=m.id), expiry.expire_points(merchant_id=m.id)
    )
    spent = sum(results[:3])
    expired = sum(run.points for runs in results[3:] for run in runs)
    assert spent + expired == 1000
    assert await redemptions.wallet_balance(m.id, p.id) == 0
    assert await unbalanced_transactions(m.id) == []
