"""Points expiry, first in, first out, on the real database: worked examples with exact points,
off by default, idempotent reruns, the CLI job."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from payouts.models import LedgerTransaction
from payouts.service.postings import unbalanced_transactions
from payouts.wallet.service import expiry
from payouts.wallet.service.expiry import expire_points, months_before
from tests.conftest import run_relay
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner
from tests.payouts.wallet_setup import credit, redeem, restore, wallet

pytestmark = pytest.mark.usefixtures("database_url")


def day(year: int, month: int, d: int) -> datetime:
    return datetime(year, month, d, 4, 0, tzinfo=UTC)


async def expire(merchant_id: int, at: datetime) -> int:
    (run,) = await expire_points(at, merchant_id=merchant_id)
    return run.points


def test_months_before_counts_calendar_months_and_clamps_to_the_month_end():
    assert months_before(day(2026, 1, 15), 12) == day(2025, 1, 15)
    assert months_before(day(2026, 3, 31), 1) == day(2026, 2, 28)
    assert months_before(day(2026, 2, 10), 14) == day(2024, 12, 10)


async def test_worked_example_redeemed_points_come_from_january_first_and_march_expires_a_year_later(client):
    """12-month expiry.
    10 Jan 2025: +1,000 credited.  10 Mar 2025: +500 credited (wallet 1,500).
    10 Apr: 1,200 redeemed -> 300 left; FIFO: all of January's 1,000 and 200 of March's are spent.
    20 Apr: 200 of them restored (refund) -> 500: un-spent back into March, so March is whole.
    15 Jan 2026: January's credit is past 12 months, but nothing of it is left: 0 expire (500).
    15 Mar 2026: March's credit is past: its 500 expire -> 0. A rerun expires nothing.
    """
    m = await make_merchant()
    p = await make_partner(m.id)
    await expiry.update_settings(m.id, expiry_months=12)
    await credit(m.id, p.id, 1000, at=day(2025, 1, 10))
    await credit(m.id, p.id, 500, at=day(2025, 3, 10))
    redemption = (await redeem(client, m, p.id, 1200)).json()
    assert redemption["balance_after"] == 300
    assert (await restore(client, m, redemption["id"], 200)).json()["restore"]["balance_after"] == 500

    assert await expire(m.id, day(2026, 1, 15)) == 0
    assert (await wallet(client, m, p.id))["balance"] == 500
    assert await expire(m.id, day(2026, 3, 15)) == 500
    assert await expire(m.id, day(2026, 3, 15)) == 0
    assert await expire(m.id, day(2026, 6, 1)) == 0

    w = await wallet(client, m, p.id)
    assert w["balance"] == 0
    assert w["totals"] == {"credited": 1500, "redeemed": 1200, "restored": 200, "expired": 500, "reversed": 0}
    assert (w["history"][0]["movement"], w["history"][0]["points"]) == ("expiry", -500)
    assert await unbalanced_transactions(m.id) == []


async def test_worked_example_what_is_left_of_january_expires_in_january(client):
    """12-month expiry.
    10 Jan 2025: +1,000.  10 Mar 2025: +500 (1,500).  10 Apr: 600 redeemed (900): all from
    January, which keeps 400.
    15 Jan 2026: January's 400 expire -> 500 (March's). A second run the same day: nothing.
    1 Feb 2026: +300 credited (800).  15 Mar 2026: March's 500 expire -> 300 (February's).
    """
    m = await make_merchant()
    p = await make_partner(m.id)
    await expiry.update_settings(m.id, expiry_months=12)
    await credit(m.id, p.id, 1000, at=day(2025, 1, 10))
    await credit(m.id, p.id, 500, at=day(2025, 3, 10))
    await redeem(client, m, p.id, 600)

    assert await expire(m.id, day(2026, 1, 15)) == 400
    assert await expire(m.id, day(2026, 1, 15)) == 0
    assert (await wallet(client, m, p.id))["balance"] == 500
    await credit(m.id, p.id, 300, at=day(2026, 2, 1))
    assert await expire(m.id, day(2026, 3, 15)) == 500
    assert (await wallet(client, m, p.id))["balance"] == 300
    assert await unbalanced_transactions(m.id) == []


async def test_a_credit_expires_from_the_same_instant_n_months_later():
    m = await make_merchant()
    p = await make_partner(m.id)
    await expiry.update_settings(m.id, expiry_months=3)
    await credit(m.id, p.id, 250, at=day(2026, 1, 31))
    assert await expire(m.id, datetime(2026, 4, 30, 3, 59, tzinfo=UTC)) == 0  # cutoff 30 Jan (clamped)
    assert await expire(m.id, datetime(2026, 5, 31, 4, 0, tzinfo=UTC)) == 250


async def test_expiry_is_off_by_default_and_per_merchant(client):
    m, other = await make_merchant(), await make_merchant()
    p, q = await make_partner(m.id), await make_partner(other.id)
    await credit(m.id, p.id, 700, at=day(2020, 1, 1))
    await credit(other.id, q.id, 700, at=day(2020, 1, 1))
    await expiry.update_settings(other.id, expiry_months=1)
    assert await expire_points(day(2026, 1, 1), merchant_id=m.id) == []
    assert await expire(other.id, day(2026, 1, 1)) == 700
    assert (await wallet(client, m, p.id))["balance"] == 700
    assert await LedgerTransaction.filter(merchant_id=m.id, kind="points_expiry").count() == 0


async def test_several_partners_expire_in_one_run():
    m = await make_merchant()
    partners = [await make_partner(m.id) for _ in range(3)]
    await expiry.update_settings(m.id, expiry_months=6)
    for n, p in enumerate(partners, start=1):
        await credit(m.id, p.id, 100 * n, at=day(2025, 1, 1))
        await credit(m.id, p.id, 5, at=day(2025, 12, 1))
    (run,) = await expire_points(day(2025, 12, 31), merchant_id=m.id)
    assert (run.partners, run.points) == (3, 600)
    assert await unbalanced_transactions(m.id) == []


async def test_the_cli_job_expires_points_once(database_url, client):
    m = await make_merchant()
    p = await make_partner(m.id)
    await expiry.update_settings(m.id, expiry_months=12)
    await credit(m.id, p.id, 900, at=day(2024, 5, 1))
    args = ("payouts", "expire-points", "--merchant", str(m.id), "--at", "2026-01-01T00:00:00+08:00")
    first = run_relay(*args, database_url=database_url)
    assert "900 point(s) expired" in first.stdout.splitlines()[-1]
    second = run_relay(*args, database_url=database_url)
    assert second.stdout.splitlines()[-1] == "0 point(s) expired"
    assert (await wallet(client, m, p.id))["balance"] == 0
