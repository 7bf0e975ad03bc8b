"""Refunds by quantity and by amount, partial and full, with exact amounts; what cannot be refunded."""

from __future__ import annotations

import asyncio

import pytest

from core.time import now
from referral.models import RefundLine
from tests.factories.events import create_order, send, written
from tests.factories.merchants import api, make_merchant

pytestmark = pytest.mark.usefixtures("database_url")


async def placed(client, merchant):
    """An order of 3 × TEA at 10.00 and 1 × CUP at 5.50, less 1.00: nets 29.15 and 5.35, total 34.50."""
    order = await create_order(client, merchant, discount="1.00")
    assert [line["net_minor"] for line in order["lines"]] == [2915, 535]
    return order


async def refund(client, merchant, order, refund_id, **how):
    data = {"external_id": order["external_id"], "refund_id": refund_id, "occurred_at": now().isoformat()} | how
    return await send(client, merchant, "order.refunded", data)


def units(*pairs):
    return {"lines": [{"sku": sku, "quantity": quantity} for sku, quantity in pairs]}


async def test_refunding_units_step_by_step_ends_at_exactly_the_order_total(client):
    m = await make_merchant()
    order = await placed(client, m)

    first = await refund(client, m, order, "R1", **units(("TEA-1", 1)))
    assert first.status_code == 200, first.text
    assert first.json()["refund"]["amount_minor"] == 972  # 29.15 × 1/3, rounded half up
    assert first.json()["refund"]["lines"] == [{"sku": "TEA-1", "line_no": 1, "quantity": 1, "amount_minor": 972}]

    second = await refund(client, m, order, "R2", **units(("TEA-1", 2), ("CUP-1", 1)))
    assert second.status_code == 200, second.text
    assert [(p["sku"], p["quantity"], p["amount_minor"]) for p in second.json()["refund"]["lines"]] == [
        ("TEA-1", 2, 1943), ("CUP-1", 1, 535)
    ]
    assert second.json()["refund"]["amount"] == "24.78"

    detail = (await api(client, m, "GET", f"/api/v1/orders/{order['external_id']}")).json()
    assert detail["refunded_minor"] == detail["total_minor"] == 3450
    assert [r["refund_id"] for r in detail["refunds"]] == ["R1", "R2"]

    nothing_left = await refund(client, m, order, "R3", amount=1)
    assert nothing_left.status_code == 422
    assert nothing_left.json()["errors"][0]["field"] == "data.amount"


async def test_refunding_one_unit_at_a_time_sums_to_the_lines_net(client):
    m = await make_merchant()
    order = await placed(client, m)
    parts = []
    for n in range(3):
        response = await refund(client, m, order, f"R{n}", **units(("TEA-1", 1)))
        parts.append(response.json()["refund"]["amount_minor"])
    assert parts == [972, 971, 972] and sum(parts) == 2915


async def test_an_amount_refund_is_split_over_the_lines_by_what_they_have_left(client):
    m = await make_merchant()
    order = await placed(client, m)
    response = await refund(client, m, order, "R-amount", amount="10.00")
    assert response.status_code == 200, response.text
    body = response.json()["refund"]
    assert (body["amount_minor"], body["amount"]) == (1000, "10.00")
    assert [(p["sku"], p["quantity"], p["amount_minor"]) for p in body["lines"]] == [("TEA-1", 0, 845), ("CUP-1", 0, 155)]
    assert await RefundLine.filter(merchant_id=m.id).count() == 2


async def test_after_an_amount_refund_returning_everything_refunds_only_what_is_left(client):
    m = await make_merchant()
    order = await placed(client, m)
    assert (await refund(client, m, order, "R1", amount=1000)).status_code == 200
    rest = await refund(client, m, order, "R2", **units(("TEA-1", 3), ("CUP-1", 1)))
    assert rest.status_code == 200, rest.text
    assert [p["amount_minor"] for p in rest.json()["refund"]["lines"]] == [2915 - 845, 535 - 155]
    detail = (await api(client, m, "GET", f"/api/v1/orders/{order['external_id']}")).json()
    assert detail["refunded_minor"] == 3450


async def test_a_full_amount_refund_is_exactly_the_total(client):
    m = await make_merchant()
    order = await placed(client, m)
    response = await refund(client, m, order, "R-all", amount="34.50")
    assert response.status_code == 200, response.text
    assert sum(p["amount_minor"] for p in response.json()["refund"]["lines"]) == 3450


async def test_refunds_of_a_completed_order_are_allowed(client):
    m = await make_merchant()
    order = await placed(client, m)
    done = await send(client, m, "order.completed", {"external_id": order["external_id"], "occurred_at": now().isoformat()})
    assert done.status_code == 200
    assert (await refund(client, m, order, "R1", **units(("CUP-1", 1)))).status_code == 200


# --- refused: nothing written ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("how", "field"),
    [
        (units(("TEA-1", 4)), "data.lines.0.quantity"),
        (units(("CUP-1", 1), ("TEA-1", 0)), "data.lines.1.quantity"),
        (units(("TEA-1", -1)), "data.lines.0.quantity"),
        (units(("NOPE", 1)), "data.lines.0.sku"),
        (units(("TEA-1", 1), ("TEA-1", 1)), "data.lines.1.sku"),
        ({"amount": "34.51"}, "data.amount"),
        ({"amount": 0}, "data.amount"),
        ({"amount": "-1.00"}, "data.amount"),
        ({"amount": "1.001"}, "data.amount"),
        ({"amount": 1.5}, "data.amount"),
        ({"amount": 2**63}, "data.amount"),
        ({"amount": 100, **units(("TEA-1", 1))}, "data"),
        ({}, "data"),
        ({"lines": []}, "data.lines"),
    ],
)
async def test_an_impossible_refund_is_refused_and_nothing_is_written(client, how, field):
    m = await make_merchant()
    order = await placed(client, m)
    before = await written(m.id)
    response = await refund(client, m, order, "R-bad", **how)
    assert response.status_code == 422, response.text
    assert field in [e["field"] for e in response.json()["errors"]]
    assert await written(m.id) == before


async def test_more_than_is_left_after_earlier_refunds_is_refused(client):
    m = await make_merchant()
    order = await placed(client, m)
    assert (await refund(client, m, order, "R1", **units(("TEA-1", 2)))).status_code == 200
    before = await written(m.id)
    by_units = await refund(client, m, order, "R2", **units(("TEA-1", 2)))
    assert by_units.status_code == 422
    assert "only 1 of 3" in by_units.json()["errors"][0]["message"]
    left = 3450 - 1943
    by_amount = await refund(client, m, order, "R3", amount=left + 1)
    assert by_amount.status_code == 422
    assert "15.07" in by_amount.json()["detail"]
    assert await written(m.id) == before
    assert (await refund(client, m, order, "R4", amount=left)).status_code == 200


async def test_a_canceled_order_cannot_be_refunded(client):
    m = await make_merchant()
    order = await placed(client, m)
    canceled = await send(client, m, "order.canceled", {"external_id": order["external_id"], "occurred_at": now().isoformat()})
    assert canceled.status_code == 200
    before = await written(m.id)
    response = await refund(client, m, order, "R1", **units(("TEA-1", 1)))
    assert response.status_code == 422
    assert "canceled" in response.json()["detail"]
    assert await written(m.id) == before


# --- the same refund again ---------------------------------------------------------------------------------


async def test_the_same_refund_reported_again_is_answered_not_applied(client):
    m = await make_merchant()
    order = await placed(client, m)
    at = now().isoformat()
    first = await refund(client, m, order, "R1", occurred_at=at, **units(("TEA-1", 1)))
    before = await written(m.id)
    again = await refund(client, m, order, "R1", occurred_at=at, **units(("TEA-1", 1)))
    assert again.status_code == 200
    assert again.json()["applied"] is False
    assert again.json()["refund"]["amount_minor"] == first.json()["refund"]["amount_minor"]
    assert await written(m.id) == before | {"receipts": before["receipts"] + 1}


async def test_the_same_refund_id_with_other_content_is_a_conflict(client):
    m = await make_merchant()
    order = await placed(client, m)
    assert (await refund(client, m, order, "R1", **units(("TEA-1", 1)))).status_code == 200
    before = await written(m.id)
    response = await refund(client, m, order, "R1", **units(("TEA-1", 2)))
    assert response.status_code == 409
    assert await written(m.id) == before


async def test_two_refunds_of_the_last_units_at_once_refund_them_once(client):
    m = await make_merchant()
    order = await placed(client, m)
    answers = await asyncio.gather(
        *(refund(client, m, order, f"R-race-{n}", **units(("TEA-1", 2))) for n in range(3))
    )
    assert sorted(a.status_code for a in answers) == [200, 422, 422]
    counts = await written(m.id)
    assert (counts["refunds"], counts["refund_lines"]) == (1, 1)
