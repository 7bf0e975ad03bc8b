"""The console report's running totals give the same figures as summing every row, at each step of
their life: nothing written yet, written up to an hour ago, with facts newer than the rows (orders,
refunds, reversals, cancellations, rejections, a late order for a past day) and written again.

The numbers are checked against statements that sum every row (the API's report,
`referral.service.reports`, over the range and over each of its days; for commissions, the
statement below), over ranges whose edges are local midnights, in a whole-hour zone and a
half-hour one, and by hand.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta

import pytest

from accounts.service import settings
from accounts.service.settings import local_days
from commissions.models import COUNTING
from commissions.service import lifecycle
from commissions.service import rollup as commission_rollup
from commissions.service.rollup import Earned
from core.running import SETTLED_AFTER
from core.sql import execute, marks, rows, utc
from core.time import now, zone
from referral.service import console_views, reports
from referral.service import rollup as referral_rollup
from referral.service.rollup import Figures
from tests.conftest import run_relay
from tests.factories.commissions import percent_rule, publish_rule_set
from tests.factories.events import create_order, send
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_click, make_link, make_partner

pytestmark = pytest.mark.usefixtures("database_url")

RANGES = [
    (date(2026, 3, 10), date(2026, 3, 11)),
    (date(2026, 3, 9), date(2026, 3, 12)),
    (date(2026, 3, 11), date(2026, 3, 11)),
    (date(2026, 3, 12), date(2026, 3, 20)),
    (date(2026, 2, 1), date(2026, 3, 10)),
]


def _local(timezone: str, day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, second, tzinfo=zone(timezone))


async def _settle_everything(merchant_id: int) -> None:
    """Everything written so far becomes older than the settle horizon (as if an hour passed)."""
    past = utc(now() - timedelta(hours=2))
    for table in ("shop_order", "refund", "commission"):
        await execute(f"UPDATE {table} SET created_at = ? WHERE merchant_id = ?", [past, merchant_id])


@pytest.fixture(params=["Asia/Shanghai", "Asia/Kolkata"])
async def program(client, request):
    """Two partners, three links, clicks at the edges of local days, orders earning 10 %."""
    timezone = request.param
    m = await make_merchant(timezone=timezone)
    await publish_rule_set(m.id, {"rules": [percent_rule("ten", "10")]})
    ann, bob = await make_partner(m.id, display_name="Ann"), await make_partner(m.id, display_name="Bob")
    personal, product = await make_link(ann, scene="personal"), await make_link(ann, scene="product")
    campaign = await make_link(bob, scene="campaign")

    def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
        return _local(timezone, day, hour, minute, second)

    v1 = await make_click(personal, "v1", at=at(10, 0))  # the first instant of the 10th
    v2 = await make_click(personal, "v2", at=at(11, 9))
    await make_click(personal, "v1", at=at(11, 10))  # v1 again, another day: counted that day too
    await make_click(personal, "v1", at=at(11, 11))  # and again the same day: not
    v3 = await make_click(product, "v3", at=at(11, 23, 29, 59))
    await make_click(product, "v3", at=at(11, 23, 59, 59))  # the last instant of the 11th
    v4 = await make_click(campaign, "v4", at=at(10, 8))
    await make_click(personal, "crawler", at=at(10, 9), is_bot=True)  # never counted
    await make_click(personal, "v9", at=at(9, 23, 59, 59))  # the day before
    await make_click(campaign, "v8", at=at(12, 0))  # the day after

    o1 = await create_order(client, m, click_id=v1.id, occurred_at=at(10, 12).isoformat())
    assert (await send(client, m, "order.completed", {
        "external_id": o1["external_id"], "occurred_at": at(12, 9).isoformat(),
    })).status_code == 200
    assert (await send(client, m, "order.refunded", {
        "external_id": o1["external_id"], "refund_id": "R1", "occurred_at": at(20, 9).isoformat(),
        "lines": [{"sku": "TEA-1", "quantity": 1}],
    })).status_code == 200
    await create_order(client, m, click_id=v3.id, occurred_at=at(11, 23, 30).isoformat())
    store = await create_order(client, m, partner_code=bob.code, channel="store", occurred_at=at(11, 10).isoformat())
    await create_order(client, m, click_id=v4.id, occurred_at=at(12, 0, 30).isoformat())  # the day after
    canceled = await create_order(client, m, click_id=v2.id, occurred_at=at(11, 12).isoformat())
    assert (await send(client, m, "order.canceled", {
        "external_id": canceled["external_id"], "occurred_at": at(11, 13).isoformat(),
    })).status_code == 200
    # refunded in part, then canceled: neither the order nor its refund counts
    refunded_first = await create_order(client, m, click_id=v2.id, occurred_at=at(11, 14).isoformat())
    assert (await send(client, m, "order.refunded", {
        "external_id": refunded_first["external_id"], "refund_id": "R0", "occurred_at": at(11, 15).isoformat(),
        "amount": "5.00",
    })).status_code == 200
    assert (await send(client, m, "order.canceled", {
        "external_id": refunded_first["external_id"], "occurred_at": at(11, 16).isoformat(),
    })).status_code == 200
    await create_order(client, m, occurred_at=at(11, 12).isoformat())  # attributed to nobody
    return {"m": m, "ann": ann, "bob": bob, "store": store, "at": at, "v2": v2}


async def _commissions_summed(
    merchant_id: int, by: str, start: datetime, end: datetime, timezone: str
) -> dict[int | str | None, Earned]:
    """key (partner id, scene, ``YYYY-MM-DD`` local day) -> the commissions that count, happened
    in [start, end): every row summed by one statement (what the console read before the rows)."""
    key_params: list[object] = []
    source, source_params = "commission c", []
    if by == "partner":
        key = "c.partner_id"
    elif by == "scene":
        scenes, source_params = console_views.order_scenes(merchant_id)
        key, source = "s.scene", f"commission c JOIN ({scenes}) s ON s.order_id = c.order_id"
    else:
        key, key_params = console_views.local_day("c.occurred_at", timezone, start, end)
    totals: dict[int | str | None, dict[str, int]] = {}
    for row in await rows(
        f"SELECT {key} AS key, c.kind AS kind, SUM(c.amount) AS total FROM {source}"
        f" WHERE c.merchant_id = ? AND c.status IN ({marks(len(COUNTING))})"
        " AND c.occurred_at >= ? AND c.occurred_at < ? GROUP BY 1, 2",
        [*key_params, *source_params, merchant_id, *COUNTING, utc(start), utc(end)],
    ):
        totals.setdefault(str(row["key"]) if by == "day" else row["key"], {})[row["kind"]] = int(row["total"] or 0)
    return {k: Earned(v.get("cash", 0), v.get("points", 0)) for k, v in totals.items()}


async def _each_day_summed(merchant_id: int, first: date, last: date) -> list[tuple[str, int, int, int]]:
    """(day, clicks, orders, revenue) of each day of [first, last]: the API's report of that day."""
    found = []
    for n in range((last - first).days + 1):
        day = first + timedelta(days=n)
        total = (await reports.report(merchant_id, reports.Dimension.scene, first_day=day, last_day=day)).total
        found.append((day.isoformat(), total.clicks, total.orders, total.revenue_minor))
    return found


async def _same_as_every_row(merchant_id: int, timezone: str) -> None:
    """The running totals' figures equal the statements over every row (visitors apart: those
    count a visitor once per range, the totals once a day)."""
    for first, last in RANGES:
        start, end = local_days(timezone, first, last)
        for by in ("partner", "scene"):
            expected = await reports.report(merchant_id, reports.Dimension(by), first_day=first, last_day=last)
            got = await referral_rollup.figures(merchant_id, first, last, by)
            assert {(k or ""): (f.clicks, f.orders, f.revenue_minor) for k, f in got.items()} == {
                (r.key or ""): (r.figures.clicks, r.figures.orders, r.figures.revenue_minor) for r in expected.rows
            }, (by, first, last)
            earned = await commission_rollup.earned(merchant_id, first, last, by)
            oracle = await _commissions_summed(merchant_id, by, start, end, timezone)
            assert earned == {(k or "") if by == "scene" else k: v for k, v in oracle.items() if v != Earned()}
        days = await referral_rollup.figures(merchant_id, first, last, "day")
        assert [(d, f.clicks, f.orders, f.revenue_minor) for d, f in days.items()] == await _each_day_summed(
            merchant_id, first, last
        )
        earned_days = await commission_rollup.earned(merchant_id, first, last, "day")
        oracle = await _commissions_summed(merchant_id, "day", start, end, timezone)
        assert earned_days == {k: v for k, v in oracle.items() if v != Earned()}
        whole = await referral_rollup.figures(merchant_id, first, last, None)
        assert whole.get(None, Figures()) == sum(days.values(), Figures())
        partners = await referral_rollup.figures(merchant_id, first, last, "partner")
        ordered = sorted(partners.items(), key=lambda kv: (-kv[1].revenue_minor, -kv[1].orders, kv[0]))
        selling = [k for k, f in ordered if f.orders or f.revenue_minor]
        assert await referral_rollup.leading_partners(merchant_id, first, last, 1) == selling[:1]
        assert await referral_rollup.figures(merchant_id, first, last, "partner", partners=selling[:1]) == {
            k: partners[k] for k in selling[:1]
        }
        earned = await commission_rollup.earned(merchant_id, first, last, "partner")
        some = sorted(earned)[:1]
        assert await commission_rollup.earned(merchant_id, first, last, "partner", partners=some) == {
            k: v for k, v in earned.items() if k in some
        }
        assert await commission_rollup.earned(merchant_id, first, last, None) == (
            {None: Earned(sum(e.cash for e in oracle.values()), sum(e.points for e in oracle.values()))}
            if any(v != Earned() for v in oracle.values()) else {}
        )


async def _catch_up(merchant_id: int) -> None:
    await referral_rollup.catch_up(merchant_id)
    await commission_rollup.catch_up(merchant_id)


async def test_the_running_totals_equal_every_row_summed_at_each_step(client, program):
    m, at = program["m"], program["at"]
    await _same_as_every_row(m.id, m.timezone)  # nothing written: all from the rows

    await _catch_up(m.id)  # written up to an hour ago, but no order or refund settled yet
    await _same_as_every_row(m.id, m.timezone)
    await _settle_everything(m.id)
    await _catch_up(m.id)
    progress = await referral_rollup.ROLLUP.progress(m.id)
    assert progress is not None and progress.through_day == (now() - timedelta(hours=1)).astimezone(zone(m.timezone)).date()
    assert progress.marks["through_order_id"] > 0 and progress.marks["through_refund_id"] > 0
    await _same_as_every_row(m.id, m.timezone)

    # After the rows: a late order for the 10th, a refund of the store order (and its reversal),
    # an order for the 11th canceled, the store order's commission rejected, a click today.
    await create_order(client, m, partner_code=program["bob"].code, occurred_at=at(10, 23, 59).isoformat())
    assert (await send(client, m, "order.refunded", {
        "external_id": program["store"]["external_id"], "refund_id": "R2", "occurred_at": at(25, 9).isoformat(),
        "amount": 1000,
    })).status_code == 200
    late = await create_order(client, m, click_id=program["v2"].id, occurred_at=at(11, 8).isoformat())
    assert (await send(client, m, "order.canceled", {
        "external_id": late["external_id"], "occurred_at": at(11, 9).isoformat(),
    })).status_code == 200
    rejected, *_ = await rows(
        "SELECT c.id FROM commission c JOIN shop_order o ON o.id = c.order_id WHERE c.merchant_id = ?"
        " AND o.external_id = ? AND c.reversal_of IS NULL ORDER BY c.id", [m.id, program["store"]["external_id"]],
    )
    await lifecycle.reject(m.id, rejected["id"], reason="test", key_id=None)
    await make_click(await make_link(program["ann"], scene="service"), "v5", at=now())  # today: not written
    await _same_as_every_row(m.id, m.timezone)

    await _settle_everything(m.id)  # and written again: the late ones go into every day after them
    await _catch_up(m.id)
    await _same_as_every_row(m.id, m.timezone)


async def test_the_figures_by_hand(client, program):
    """10-11 March: the story's own numbers, whichever way they are read."""
    m, ann, bob = program["m"], program["ann"], program["bob"]
    first, last = date(2026, 3, 10), date(2026, 3, 11)
    expected_partners = {ann.id: Figures(6, 4, 2, 6100), bob.id: Figures(1, 1, 1, 3550)}
    expected_days = {"2026-03-10": Figures(2, 2, 1, 2550), "2026-03-11": Figures(5, 3, 2, 7100)}
    for step in ("live", "written"):
        if step == "written":
            await _settle_everything(m.id)
            await _catch_up(m.id)
        # Ann: v1 on the 10th and the 11th, v2, v3 (4 daily visitors, 6 human clicks);
        # 35.50 - 10.00 refunded + 35.50; the canceled order is not there
        assert await referral_rollup.figures(m.id, first, last, "partner") == expected_partners
        assert await referral_rollup.figures(m.id, first, last, "day") == expected_days
        assert await referral_rollup.figures(m.id, first, last, None) == {None: Figures(7, 5, 3, 9650)}
        earned = await commission_rollup.earned(m.id, first, last, "partner")
        assert earned == {ann.id: Earned(355 + 355, 0), bob.id: Earned(355, 0)}  # the refund is on the 20th
        assert await commission_rollup.earned(m.id, date(2026, 3, 20), date(2026, 3, 20), "partner") == {
            ann.id: Earned(-100, 0)
        }


async def test_the_cron_command_writes_a_merchants_days_and_a_page_read_writes_one_at_most(database_url):
    m = await make_merchant(timezone="Asia/Shanghai")
    link = await make_link(await make_partner(m.id))
    await make_click(link, "v1", at=now() - timedelta(days=5))
    await make_click(link, "v2", at=now() - timedelta(days=5))

    first = (now() - timedelta(days=5)).astimezone(zone(m.timezone)).date()
    last = (now() - SETTLED_AFTER).astimezone(zone(m.timezone)).date()
    assert await referral_rollup.catch_up(m.id, max_days=1) == 1  # a page read: one day at most
    assert await referral_rollup.catch_up(m.id, max_days=1, unless_within=timedelta(minutes=5)) == 0  # just done
    done = await asyncio.to_thread(run_relay, "reports", "catch-up", "--merchant", str(m.id), database_url=database_url)
    assert f"merchant {m.id}: {(last - first).days} day(s) of clicks and orders" in done.stdout
    progress = await referral_rollup.ROLLUP.progress(m.id)
    assert progress is not None and progress.through_day == last
    assert await referral_rollup.figures(m.id, first, first, None) == {None: Figures(2, 2, 0, 0)}


async def test_a_merchant_who_changes_time_zone_gets_the_days_of_the_new_zone(client, program):
    m = program["m"]
    await _settle_everything(m.id)
    await _catch_up(m.id)
    moved_to = "Asia/Kolkata" if m.timezone == "Asia/Shanghai" else "Asia/Shanghai"
    await settings.update_settings(m.id, {"timezone": moved_to})
    await _same_as_every_row(m.id, moved_to)  # the rows are of the old zone: not used
    await _catch_up(m.id)  # written again, in the new zone
    progress = await referral_rollup.ROLLUP.progress(m.id)
    assert progress is not None and progress.timezone == moved_to
    assert (await commission_rollup.ROLLUP.progress(m.id)).timezone == moved_to  # type: ignore[union-attr]
    await _same_as_every_row(m.id, moved_to)
