"""Orders through the admin API: listing by local days and partner, pages, one order in full."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.factories.events import create_order, send
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_partner

pytestmark = pytest.mark.usefixtures("database_url")

SHANGHAI = timezone(timedelta(hours=8))


def local(day: int, hour: int, minute: int = 0) -> str:
    return datetime(2026, 4, day, hour, minute, tzinfo=SHANGHAI).isoformat()


async def external_ids(client, merchant, **params) -> list[str]:
    response = await api(client, merchant, "GET", "/api/v1/orders", params=params)
    assert response.status_code == 200, response.text
    return [o["external_id"] for o in response.json()["items"]]


async def test_orders_are_listed_newest_first_by_local_days_and_partner(client):
    m = await make_merchant(timezone="Asia/Shanghai")
    partner = await make_partner(m.id)
    await create_order(client, m, external_id="A", occurred_at=local(1, 0, 0))
    await create_order(client, m, external_id="B", occurred_at=local(1, 23, 59), partner_code=partner.code)
    await create_order(client, m, external_id="C", occurred_at=local(2, 0, 30))  # 1 April in UTC
    await create_order(client, m, external_id="D", occurred_at=local(3, 12), partner_code=partner.code)

    assert await external_ids(client, m) == ["D", "C", "B", "A"]
    assert await external_ids(client, m, **{"from": "2026-04-01", "to": "2026-04-01"}) == ["B", "A"]
    assert await external_ids(client, m, **{"from": "2026-04-02"}) == ["D", "C"]
    assert await external_ids(client, m, partner_id=partner.id) == ["D", "B"]


async def test_pages_follow_the_cursor_without_gaps_or_repeats(client):
    m = await make_merchant()
    same_instant = local(5, 10)
    for name in ("P1", "P2", "P3", "P4", "P5"):
        await create_order(client, m, external_id=name, occurred_at=same_instant)
    seen, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        body = (await api(client, m, "GET", "/api/v1/orders", params=params)).json()
        seen += [o["external_id"] for o in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == ["P1", "P2", "P3", "P4", "P5"] and len(seen) == 5


async def test_an_invalid_cursor_is_refused(client):
    m = await make_merchant()
    response = await api(client, m, "GET", "/api/v1/orders", params={"cursor": "nonsense"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "query.cursor"


async def test_one_order_in_full_with_lines_refunds_and_the_attribution_reason(client):
    m = await make_merchant()
    partner = await make_partner(m.id)
    order = await create_order(client, m, external_id="2026-04 #SO-9", partner_code=partner.code)
    refunded = await send(client, m, "order.refunded", {
        "external_id": "2026-04 #SO-9", "refund_id": "RF-1", "occurred_at": local(6, 9),
        "lines": [{"sku": "CUP-1", "quantity": 1}],
    })
    assert refunded.status_code == 200
    response = await api(client, m, "GET", "/api/v1/orders/2026-04%20%23SO-9")
    assert response.status_code == 200, response.text
    detail = response.json()
    assert detail["attribution"]["reason"] == "partner_code"
    assert detail["attribution"]["partner_id"] == partner.id
    assert [line["sku"] for line in detail["lines"]] == ["TEA-1", "CUP-1"]
    assert detail["refunded_minor"] == 550
    assert detail["refunds"] == [{
        "refund_id": "RF-1", "amount_minor": 550, "amount": "5.50", "occurred_at": "2026-04-06T01:00:00Z",
        "lines": [{"sku": "CUP-1", "line_no": 2, "quantity": 1, "amount_minor": 550}],
    }]
    assert {k: detail[k] for k in order} == order


async def test_an_unknown_order_is_not_found(client):
    m = await make_merchant()
    response = await api(client, m, "GET", "/api/v1/orders/SO-none")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_orders_need_an_admin_key(client):
    m = await make_merchant()
    assert (await api(client, m, "GET", "/api/v1/orders", role="integration")).status_code == 403
    assert (await client.get("/api/v1/orders")).status_code == 401
