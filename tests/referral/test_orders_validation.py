"""Invalid shop events are refused with 422 naming the field, and leave nothing behind."""

from __future__ import annotations

import pytest

from core.time import now
from tests.factories.events import create_order, order_data, send, written
from tests.factories.merchants import make_merchant

pytestmark = pytest.mark.usefixtures("database_url")

BIG = 2**63


def line(**overrides):
    return {"sku": "A", "quantity": 1, "unit_price": "1.00"} | overrides


def assert_invalid(response, field: str) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert field in [e["field"] for e in body["errors"]], body
    assert body["detail"].startswith(body["errors"][0]["field"])


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"lines": [line(quantity=0)]}, "data.lines.0.quantity"),
        ({"lines": [line(quantity=-2)]}, "data.lines.0.quantity"),
        ({"lines": [line(quantity=1.5)]}, "data.lines.0.quantity"),
        ({"lines": [line(quantity="2")]}, "data.lines.0.quantity"),
        ({"lines": [line(quantity=BIG)]}, "data.lines.0.quantity"),
        ({"lines": [line(unit_price="-1.00")]}, "data.lines.0.unit_price"),
        ({"lines": [line(unit_price=-100)]}, "data.lines.0.unit_price"),
        ({"lines": [line(unit_price="10.001")]}, "data.lines.0.unit_price"),
        ({"lines": [line(unit_price=10.5)]}, "data.lines.0.unit_price"),
        ({"lines": [line(unit_price="1e3")]}, "data.lines.0.unit_price"),
        ({"lines": [line(unit_price="ten")]}, "data.lines.0.unit_price"),
        ({"lines": [line(unit_price=BIG)]}, "data.lines.0.unit_price"),
        ({"lines": [line(unit_price=str(BIG))]}, "data.lines.0.unit_price"),
        ({"lines": [line(quantity=2**62, unit_price=10)]}, "data.lines.0"),
        ({"lines": [line(quantity=1, unit_price=2**62), line(sku="B", quantity=1, unit_price=2**62)]}, "data.lines"),
        ({"lines": []}, "data.lines"),
        ({"lines": [line(), line(quantity=2)]}, "data.lines.1.sku"),
        ({"lines": [line(color="red")]}, "data.lines.0.color"),
        ({"lines": [line(sku="")]}, "data.lines.0.sku"),
        ({"currency": "USD"}, "data.currency"),
        ({"currency": "cny!"}, "data.currency"),
        ({"discount": "100.00"}, "data.discount"),
        ({"discount": -1}, "data.discount"),
        ({"discount": "0.001"}, "data.discount"),
        ({"occurred_at": "2026-01-01T10:00:00"}, "data.occurred_at"),
        ({"occurred_at": "yesterday"}, "data.occurred_at"),
        ({"channel": "phone"}, "data.channel"),
        ({"external_id": ""}, "data.external_id"),
        ({"external_id": "x" * 201}, "data.external_id"),
        ({"unexpected": True}, "data.unexpected"),
    ],
)
async def test_an_invalid_order_is_refused_naming_the_field_and_nothing_is_written(client, changes, field):
    m = await make_merchant()
    assert_invalid(await send(client, m, "order.created", order_data(**changes)), field)
    assert set((await written(m.id)).values()) == {0}


async def test_missing_required_fields_are_each_named(client):
    m = await make_merchant()
    data = order_data()
    for name in ("external_id", "occurred_at", "currency", "channel", "lines"):
        assert_invalid(await send(client, m, "order.created", {k: v for k, v in data.items() if k != name}),
                       f"data.{name}")
    assert set((await written(m.id)).values()) == {0}


async def test_a_zero_decimal_currency_refuses_any_decimals(client):
    m = await make_merchant(currency="JPY")
    assert_invalid(
        await send(client, m, "order.created", order_data(currency="JPY", lines=[line(unit_price="100.5")])),
        "data.lines.0.unit_price",
    )
    ok = await send(client, m, "order.created", order_data(currency="jpy", lines=[line(unit_price="100")]))
    assert ok.status_code == 200, ok.text
    assert ok.json()["order"]["total_minor"] == 100 and ok.json()["order"]["currency"] == "JPY"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('{"type": "order.shipped", "timestamp": "2026-01-01T00:00:00Z", "data": {}}', "type"),
        ('{"timestamp": "2026-01-01T00:00:00Z", "data": {}}', "type"),
        ('{"type": "order.created", "timestamp": "2026-01-01T00:00:00", "data": {}}', "timestamp"),
        ('{"type": "order.created", "timestamp": "2026-01-01T00:00:00Z"}', "data"),
        ('{"type": "order.created", "timestamp": "2026-01-01T00:00:00Z", "data": [], "extra": 1}', "extra"),
        ('["order.created"]', ""),
    ],
)
async def test_an_invalid_envelope_is_refused(client, body, field):
    m = await make_merchant()
    assert_invalid(await send(client, m, "", {}, body=body), field)
    assert set((await written(m.id)).values()) == {0}


async def test_all_the_wrong_fields_are_listed_at_once(client):
    m = await make_merchant()
    response = await send(
        client, m, "order.created",
        order_data(currency="USD", lines=[line(unit_price="-1"), line(unit_price="0.001")]),
    )
    assert response.status_code == 422
    fields = [e["field"] for e in response.json()["errors"]]
    assert fields == ["data.currency", "data.lines.0.unit_price", "data.lines.1.sku", "data.lines.1.unit_price"]


# --- status events ---------------------------------------------------------------------------------------


def status(external_id: str, **overrides):
    return {"external_id": external_id, "occurred_at": now().isoformat()} | overrides


@pytest.mark.parametrize("event", ["order.completed", "order.canceled", "order.refunded"])
async def test_an_event_about_an_unknown_order_is_refused(client, event):
    m = await make_merchant()
    data = status("SO-never") | ({"refund_id": "R1", "amount": 100} if event == "order.refunded" else {})
    response = await send(client, m, event, data)
    assert_invalid(response, "data.external_id")
    assert "order.created" in response.json()["detail"]
    assert set((await written(m.id)).values()) == {0}


async def test_a_canceled_order_cannot_be_completed(client):
    m = await make_merchant()
    order = await create_order(client, m)
    assert (await send(client, m, "order.canceled", status(order["external_id"]))).status_code == 200
    before = await written(m.id)
    assert_invalid(await send(client, m, "order.completed", status(order["external_id"])), "data.external_id")
    assert await written(m.id) == before


async def test_a_completed_order_cannot_be_canceled(client):
    m = await make_merchant()
    order = await create_order(client, m)
    assert (await send(client, m, "order.completed", status(order["external_id"]))).status_code == 200
    before = await written(m.id)
    response = await send(client, m, "order.canceled", status(order["external_id"]))
    assert_invalid(response, "data.external_id")
    assert "refund" in response.json()["detail"]
    assert await written(m.id) == before


async def test_a_status_event_needs_an_aware_timestamp(client):
    m = await make_merchant()
    order = await create_order(client, m)
    before = await written(m.id)
    naive = status(order["external_id"], occurred_at="2026-01-01T00:00:00")
    assert_invalid(await send(client, m, "order.completed", naive), "data.occurred_at")
    assert await written(m.id) == before


async def test_completing_and_canceling_move_the_status_once(client):
    m = await make_merchant()
    order = await create_order(client, m)
    done_at = "2026-02-03T04:05:06+08:00"
    first = await send(client, m, "order.completed", status(order["external_id"], occurred_at=done_at))
    assert first.status_code == 200
    assert first.json()["applied"] is True
    assert first.json()["order"]["status"] == "completed"
    assert first.json()["order"]["completed_at"] == "2026-02-02T20:05:06Z"
    again = await send(client, m, "order.completed", status(order["external_id"]))
    assert again.json()["applied"] is False
    assert again.json()["order"]["completed_at"] == "2026-02-02T20:05:06Z"

    other = await create_order(client, m)
    canceled = await send(client, m, "order.canceled", status(other["external_id"]))
    assert (canceled.json()["applied"], canceled.json()["order"]["status"]) == (True, "canceled")
    assert (await send(client, m, "order.canceled", status(other["external_id"]))).json()["applied"] is False
