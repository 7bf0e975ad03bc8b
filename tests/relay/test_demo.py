"""`relay demo` (what `make run` seeds): a history over the last twelve weeks that the charts and
reports show, last month paid out with one line failed, and the ways to a fresh partner sign-in link."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from accounts.service.merchants import find_merchant
from commissions.models import Commission
from core.time import now
from payouts.service import batch_queries, finance_views
from referral.models import Click, Order
from relay.demo import DEMO_NAME, WEEKS
from tests.conftest import run_relay

pytestmark = pytest.mark.usefixtures("database_url")


async def test_the_demo_spreads_twelve_weeks_of_clicks_and_orders_and_pays_last_month(database_url):
    printed = run_relay("demo", database_url=database_url).stdout
    merchant = await find_merchant(DEMO_NAME)
    assert merchant is not None
    oldest, newest = now() - timedelta(weeks=WEEKS), now()
    clicks = await Click.filter(merchant_id=merchant.id).values_list("occurred_at", flat=True)
    orders = await Order.filter(merchant_id=merchant.id).values_list("occurred_at", "status")
    for moments in (clicks, [at for at, _ in orders]):
        assert oldest - timedelta(days=1) <= min(moments) <= oldest + timedelta(weeks=1)
        assert max(moments) <= newest
        weeks = {(newest - at) // timedelta(weeks=1) for at in moments}
        assert len(weeks) >= WEEKS - 1  # nearly every week has some
    assert {status for _, status in orders} >= {"completed", "created"}  # the last days' orders still open
    statuses = set(await Commission.filter(merchant_id=merchant.id).values_list("status", flat=True))
    assert {"pending", "available"} <= statuses
    assert await Commission.filter(merchant_id=merchant.id, payout_batch_id__isnull=False).exists()  # paid out

    batches = (await batch_queries.list_batches(merchant.id)).items
    cash = next(b for b in batches if b.asset == "CNY")
    assert cash.totals.paid.lines >= 1 and cash.totals.failed.lines == 1
    waiting = await batch_queries.failed_waiting(merchant.id)
    assert waiting.totals["CNY"].lines == 1 and waiting.items[0].reason == "account name does not match"
    assert (await finance_views.reconciliation(merchant.id)).sound

    # the first partner's link, and how to get another when it has expired
    link = re.search(r"(http\S+/p/sign-in/\S+)\s+# partner portal", printed)
    assert link, printed
    assert "relay demo    # again" in printed
    assert re.search(r"/console/partners/\d+ ", printed)
    assert re.search(r"curl -X POST -H 'Authorization: Bearer \S+' \S+/api/v1/partners/\d+/sign-in-link", printed)
    again = run_relay("demo", database_url=database_url).stdout  # a second run: a fresh link, nothing seeded twice
    assert "already there" in again and re.search(r"/p/sign-in/\S+", again)[0] != re.search(r"/p/sign-in/\S+", printed)[0]
    assert await Order.filter(merchant_id=merchant.id).count() == len(orders)
