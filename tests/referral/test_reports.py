"""Reports per partner, link and scene over days in the merchant's time zone (Asia/Shanghai, UTC+8)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.factories.events import create_order, send
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_click, make_link, make_partner

pytestmark = pytest.mark.usefixtures("database_url")

SHANGHAI = timezone(timedelta(hours=8))


def local(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, second, tzinfo=SHANGHAI)


@pytest.fixture
async def program(client):
    """Two partners, three links, clicks and orders around 10-11 March 2026 (local days)."""
    m = await make_merchant(timezone="Asia/Shanghai")
    ann, bob = await make_partner(m.id, display_name="Ann"), await make_partner(m.id, display_name="Bob")
    personal, product = await make_link(ann, scene="personal"), await make_link(ann, scene="product")
    campaign = await make_link(bob, scene="campaign")

    v1 = await make_click(personal, "v1", at=local(10, 0))  # the first instant of the period
    v2 = await make_click(personal, "v2", at=local(11, 9))
    await make_click(personal, "v1", at=local(11, 10))
    v3 = await make_click(product, "v3", at=local(11, 10))
    v4 = await make_click(campaign, "v4", at=local(10, 8))
    await make_click(personal, "crawler", at=local(10, 9), is_bot=True)  # never counted
    await make_click(personal, "v9", at=local(9, 23, 59, 59))  # the day before
    await make_click(campaign, "v8", at=local(12, 0))  # the day after

    o1 = await create_order(client, m, click_id=v1.id, occurred_at=local(10, 12).isoformat())
    refunded = await send(client, m, "order.refunded", {
        "external_id": o1["external_id"], "refund_id": "R1", "occurred_at": local(20, 9).isoformat(),
        "lines": [{"sku": "TEA-1", "quantity": 1}],
    })
    assert refunded.status_code == 200
    await create_order(client, m, click_id=v3.id, occurred_at=local(11, 23, 30).isoformat())
    await create_order(client, m, partner_code=bob.code, channel="store", occurred_at=local(11, 10).isoformat())
    await create_order(client, m, click_id=v4.id, occurred_at=local(12, 0, 30).isoformat())  # the day after
    canceled = await create_order(client, m, click_id=v2.id, occurred_at=local(11, 12).isoformat())
    assert (await send(client, m, "order.canceled", {
        "external_id": canceled["external_id"], "occurred_at": local(11, 13).isoformat(),
    })).status_code == 200
    await create_order(client, m, occurred_at=local(11, 12).isoformat())  # attributed to nobody
    return {"m": m, "ann": ann, "bob": bob, "personal": personal, "product": product, "campaign": campaign}


async def get_report(client, merchant, **query):
    response = await api(client, merchant, "GET", "/api/v1/reports", params={"from": "2026-03-10", "to": "2026-03-11"} | query)
    assert response.status_code == 200, response.text
    return response.json()


def figures(row):
    return (row["clicks"], row["unique_visitors"], row["orders"], row["revenue_minor"])


async def test_report_per_partner(client, program):
    report = await get_report(client, program["m"], by="partner")
    rows = {row["key"]: row for row in report["rows"]}
    ann, bob = program["ann"], program["bob"]
    assert set(rows) == {ann.id, bob.id}
    # Ann: 4 human clicks by 3 visitors; orders 35.50 - 10.00 refunded + 35.50
    assert figures(rows[ann.id]) == (4, 3, 2, 6100)
    assert (rows[ann.id]["code"], rows[ann.id]["label"], rows[ann.id]["revenue"]) == (ann.code, "Ann", "61.00")
    assert figures(rows[bob.id]) == (1, 1, 1, 3550)
    assert figures(report["total"]) == (5, 4, 3, 9650)
    assert report["total"]["revenue"] == "96.50" and report["currency"] == "CNY"
    assert (report["first_day"], report["last_day"]) == ("2026-03-10", "2026-03-11")
    assert (report["start"], report["end"]) == ("2026-03-10T00:00:00+08:00", "2026-03-12T00:00:00+08:00")


async def test_report_per_link_puts_code_and_binding_orders_under_no_link(client, program):
    report = await get_report(client, program["m"], by="link")
    rows = {row["key"]: row for row in report["rows"]}
    assert figures(rows[program["personal"].id]) == (3, 2, 1, 2550)
    assert rows[program["personal"].id]["code"] == program["personal"].code
    assert figures(rows[program["product"].id]) == (1, 1, 1, 3550)
    assert figures(rows[program["campaign"].id]) == (1, 1, 0, 0)
    assert figures(rows[None]) == (0, 0, 1, 3550)


async def test_report_per_scene(client, program):
    report = await get_report(client, program["m"], by="scene")
    rows = {row["key"]: figures(row) for row in report["rows"]}
    assert rows == {
        "personal": (3, 2, 1, 2550), "product": (1, 1, 1, 3550), "campaign": (1, 1, 0, 0), None: (0, 0, 1, 3550)
    }


async def test_the_same_numbers_for_one_partner(client, program):
    report = await get_report(client, program["m"], by="link", partner_id=program["ann"].id)
    assert {row["key"] for row in report["rows"]} == {program["personal"].id, program["product"].id}
    assert figures(report["total"]) == (4, 3, 2, 6100)
    by_partner = await get_report(client, program["m"], by="partner", partner_id=program["ann"].id)
    assert figures(by_partner["rows"][0]) == figures(report["total"])


async def test_days_are_the_merchants_local_days(client, program):
    one_day = await get_report(client, program["m"], **{"from": "2026-03-12", "to": "2026-03-12"})
    assert figures(one_day["total"]) == (1, 1, 1, 3550)  # 00:30 local on the 12th is the 11th in UTC


async def test_another_merchants_partner_is_not_found(client, program):
    other = await make_merchant()
    response = await api(client, other, "GET", "/api/v1/reports", params={"partner_id": program["ann"].id})
    assert response.status_code == 404
    mine = await get_report(client, other, by="partner")
    assert mine["rows"] == [] and figures(mine["total"]) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"from": "2026-03-12", "to": "2026-03-11"}, "query.from"),
        ({"from": "12/03/2026"}, "query.from"),
        ({"by": "city"}, "query.by"),
        ({"partner_id": "0"}, "query.partner_id"),
    ],
)
async def test_invalid_report_queries_are_refused(client, query, field):
    m = await make_merchant()
    response = await api(client, m, "GET", "/api/v1/reports", params=query)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field


async def test_reports_need_an_admin_key(client):
    m = await make_merchant()
    assert (await api(client, m, "GET", "/api/v1/reports", role="integration")).status_code == 403
