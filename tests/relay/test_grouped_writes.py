"""Grouped writes (core/plan_writer.py `PlanWriter`, relay/pipeline.py): the write plans of
concurrent order.created requests of one merchant, written as one statement, each request
answered with its own result; replays, duplicates, a failing plan and a monthly cap behave as
when each plan is written alone. PostgreSQL (SQLite writes each step in turn).

To gather a known group, the first plan's statement is held in flight until the group it
makes the others wait for is sent (`Held`)."""

from __future__ import annotations

import asyncio
from collections import Counter

import httpx
import pytest

from accounts.models import WebhookReceipt
from commissions.models import Commission
from core.db import connection
from core.plan_writer import PlanWriter, write_plans
from referral.models import CustomerBinding, Order, OrderLine
from tests.factories.commissions import publish_rule_set
from tests.factories.events import envelope, order_data, send, sign, written
from tests.factories.merchants import MerchantCtx, api, make_merchant
from tests.factories.referral import make_partner
from tests.payouts.test_concurrency_pipeline import assert_ledger_matches_rows
from tests.servers import Connection, free_port, start_server

RULES = {
    "rules": [
        {"id": "base", "level": 1, "reward": {"percent": "10"}},
        {"id": "recruiter", "level": 2, "reward": {"percent": "2"}},
    ]
}


@pytest.fixture(autouse=True)
def postgres(dialect):
    if dialect != "postgres":
        pytest.skip("grouped writes are PostgreSQL's (SQLite writes each step in turn, in one transaction)")


class Held:
    """Sends groups to the database, the first held in flight until a second is sent: the plans
    arriving meanwhile wait, and go together once `most` of them are there."""

    def __init__(self) -> None:
        self.groups: list[list[str]] = []
        self.first_sent = asyncio.Event()
        self._second = asyncio.Event()

    async def send(self, plans) -> set[int]:
        self.groups.append([plan.key for plan in plans])
        if len(self.groups) == 1:
            self.first_sent.set()
            await self._second.wait()
        else:
            self._second.set()
        return await write_plans(plans)


async def gathered(
    client, use_writer, m: MerchantCtx, deliveries: list[dict], *, plans: int | None = None
) -> tuple[Held, list[httpx.Response]]:
    """A first order, held in flight; then `deliveries` (send's keyword arguments) all at once,
    their `plans` (all of them by default: a replay plans no write) gathered into one group;
    the answers to `deliveries`, in order."""
    held = Held()
    most = len(deliveries) if plans is None else plans
    writer = use_writer(PlanWriter(wait_ms=10_000, most=most, send=held.send))
    first = asyncio.create_task(send(client, m, "order.created", order_data("SO-0-first")))
    await held.first_sent.wait()
    answers = await asyncio.gather(*(send(client, m, **delivery) for delivery in deliveries))
    assert (await first).status_code == 200
    assert writer.sizes[most] >= 1
    return held, answers


def created(data: dict, **more) -> dict:
    return {"event_type": "order.created", "data": data, **more}


async def _earned(client, merchant, external_id: str) -> list[tuple[int, int]]:
    response = await api(client, merchant, "GET", "/api/v1/commissions", params={"order_external_id": external_id})
    assert response.status_code == 200, response.text
    return sorted((c["level"], c["amount"]) for c in response.json()["items"])


async def test_concurrent_orders_go_in_one_statement_each_answered_with_its_own_result(client, use_writer):
    m = await make_merchant()
    recruiter = await make_partner(m.id)
    partner = await make_partner(m.id, recruiter_id=recruiter.id)
    other = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    orders = [
        order_data("SO-1", partner_code=partner.code), order_data("SO-2", partner_code=other.code),
        order_data("SO-3"), order_data("SO-4", partner_code=partner.code),
        order_data("SO-5", partner_code=other.code, discount="1.00"),
    ]

    held, answers = await gathered(client, use_writer, m, [created(data) for data in orders])

    assert held.groups == [["SO-0-first"], ["SO-1", "SO-2", "SO-3", "SO-4", "SO-5"]]
    assert [a.status_code for a in answers] == [200] * 5
    for data, answer in zip(orders, answers, strict=True):
        order = answer.json()["order"]
        assert answer.json()["applied"] is True
        assert order["external_id"] == data["external_id"]
    assert [a.json()["order"]["attribution"]["partner_id"] for a in answers] == [
        partner.id, other.id, None, partner.id, other.id,
    ]
    assert await _earned(client, m, "SO-1") == [(1, 55), (1, 300), (2, 11), (2, 60)]
    assert await _earned(client, m, "SO-2") == [(1, 55), (1, 300)]
    assert await _earned(client, m, "SO-3") == []
    # 1.00 off 35.50, shared by largest remainder: 30.00 -> 29.15, 5.50 -> 5.35
    assert await _earned(client, m, "SO-5") == [(1, 54), (1, 292)]
    assert await Order.filter(merchant_id=m.id).count() == 6
    assert await OrderLine.filter(merchant_id=m.id).count() == 12
    assert await WebhookReceipt.filter(merchant_id=m.id).count() == 6
    await assert_ledger_matches_rows(m.id)


async def test_replays_and_duplicates_in_a_group_are_answered_as_when_alone(client, use_writer):
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    known = order_data("SO-known", partner_code=partner.code)
    body = envelope("order.created", known)
    first = await send(client, m, "", {}, body=body, webhook_id="msg_known")
    twin = order_data("SO-twin", partner_code=partner.code)
    rival = twin | {"lines": [{"sku": "TEA-1", "category": "tea", "quantity": 9, "unit_price": "10.00"}]}

    held, answers = await gathered(client, use_writer, m, [
        {"event_type": "", "data": {}, "body": body, "webhook_id": "msg_known"},  # the same delivery again
        created(known),  # the same order, a new delivery
        created(known | {"discount": "1.00"}),  # the same order id, other content
        created(twin), created(rival),  # two new orders under one id, in one group: one is written
        created(order_data("SO-new", partner_code=partner.code)),
    ], plans=3)

    same_delivery, new_delivery, conflict, *twins, new = answers
    assert (same_delivery.status_code, same_delivery.content) == (200, first.content)
    assert (new_delivery.status_code, new_delivery.json()["applied"]) == (200, False)
    assert conflict.status_code == 409
    assert sorted(a.status_code for a in twins) == [200, 409]
    (won,) = [data for data, a in zip((twin, rival), twins, strict=True) if a.status_code == 200]
    assert new.status_code == 200 and new.json()["applied"] is True
    # the group held the three new orders' plans only: a replay or a conflict plans no write
    assert held.groups[1] == ["SO-new", "SO-twin", "SO-twin"]
    stored = await Order.get(merchant_id=m.id, external_id="SO-twin")
    assert stored.subtotal_minor == (3550 if won is twin else 9000)
    assert await Order.filter(merchant_id=m.id).count() == 4
    assert await _earned(client, m, "SO-known") == [(1, 55), (1, 300)]
    assert await WebhookReceipt.filter(merchant_id=m.id).count() == 5  # first, SO-0, new delivery, twin, SO-new
    await assert_ledger_matches_rows(m.id)


async def test_one_failing_plan_in_a_group_fails_only_its_own_request(client, use_writer):
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    assert (await send(client, m, "order.created", order_data("SO-a"), webhook_id="msg_taken")).status_code == 200
    before = await written(m.id)

    held, answers = await gathered(client, use_writer, m, [
        # a new order under a webhook-id already answered for another body: its receipt fails
        # the group's statement
        created(order_data("SO-b", partner_code=partner.code), webhook_id="msg_taken"),
        created(order_data("SO-c", partner_code=partner.code)),
        created(order_data("SO-d")),
        created(order_data("SO-e", partner_code=partner.code)),
    ])

    assert [a.status_code for a in answers] == [409, 200, 200, 200]
    assert "msg_taken" in answers[0].json()["detail"]
    assert held.groups[1:] == [["SO-b", "SO-c", "SO-d", "SO-e"], ["SO-b"], ["SO-c"], ["SO-d"], ["SO-e"]]
    after = await written(m.id)
    assert after["orders"] == before["orders"] + 4  # SO-0-first, c, d, e; nothing of SO-b
    assert not await Order.exists(merchant_id=m.id, external_id="SO-b")
    assert await _earned(client, m, "SO-c") == [(1, 55), (1, 300)]
    await assert_ledger_matches_rows(m.id)


async def test_a_group_that_fails_as_a_whole_still_writes_each_of_its_plans(client, use_writer):
    """Two orders binding the same customer cannot both upsert the binding in one statement:
    written one by one, both are recorded and the customer is bound once."""
    m = await make_merchant()
    partner = await make_partner(m.id)
    response = await api(client, m, "PATCH", "/api/v1/merchant", json={"binding": {"mode": "forever"}})
    assert response.status_code == 200, response.text

    held, answers = await gathered(client, use_writer, m, [
        created(order_data(f"SO-{n}", customer_ref="cust-same", partner_code=partner.code)) for n in (1, 2)
    ])

    assert [a.status_code for a in answers] == [200, 200]
    assert [a.json()["applied"] for a in answers] == [True, True]
    assert held.groups[1:] == [["SO-1", "SO-2"], ["SO-1"], ["SO-2"]]
    assert await CustomerBinding.filter(merchant_id=m.id, customer_ref="cust-same").count() == 1


async def test_a_monthly_cap_merchant_is_never_grouped_and_its_cap_holds_beside_grouped_orders(client, use_writer):
    capped, other = await make_merchant(), await make_merchant()
    capped_partner, other_partner = await make_partner(capped.id), await make_partner(other.id)
    await publish_rule_set(capped.id, {**RULES, "caps": {"per_partner_month": {"cash": "20.00"}}})
    await publish_rule_set(other.id, RULES)
    groups: list[list[str]] = []

    async def recording(plans):
        groups.append([plan.key for plan in plans])
        return await write_plans(plans)

    use_writer(PlanWriter(wait_ms=20, send=recording))
    sends = [
        send(client, m, "order.created", order_data(f"{tag}-{n}", partner_code=p.code))
        for n in range(8) for m, p, tag in ((capped, capped_partner, "CAP"), (other, other_partner, "FREE"))
    ]
    answers = await asyncio.gather(*sends)

    assert [a.status_code for a in answers] == [200] * 16
    assert not any(key.startswith("CAP") for group in groups for key in group)
    assert sorted(key for group in groups for key in group) == sorted(f"FREE-{n}" for n in range(8))
    capped_amounts = await Commission.filter(merchant_id=capped.id).values_list("amount", flat=True)
    assert sum(capped_amounts) == 2000  # 8 x 3.55 = 28.40 uncapped
    assert sum(await Commission.filter(merchant_id=other.id).values_list("amount", flat=True)) == 8 * 355
    await assert_ledger_matches_rows(capped.id)
    await assert_ledger_matches_rows(other.id)


# --- across processes ---------------------------------------------------------------------------------------------


async def deliver_to_both(ports: list[int], m: MerchantCtx, partner_code: str, count: int, streams: int) -> list:
    """`count` orders, each delivered to both processes at the same moment (even ones under one
    webhook-id, odd ones under two), `streams` orders in flight at once; the answers per order."""
    numbers = iter(range(count))
    answers: list = [None] * count

    async def stream() -> None:
        connections = [Connection(port) for port in ports]
        try:
            for n in numbers:
                body = envelope("order.created", order_data(f"SO-{n}", partner_code=partner_code))
                ids = [f"msg_{n}"] * 2 if n % 2 == 0 else [f"msg_{n}_a", f"msg_{n}_b"]
                answers[n] = await asyncio.gather(*(
                    connection.request("POST", f"/api/v1/merchants/{m.id}/events",
                                       sign(m.webhook_secret, body, webhook_id=webhook_id), body.encode())
                    for connection, webhook_id in zip(connections, ids, strict=True)
                ))
        finally:
            for connection in connections:
                connection.close()

    await asyncio.gather(*(stream() for _ in range(streams)))
    return answers


@pytest.mark.slow
@pytest.mark.parametrize("most", [1, 32], ids=["each-plan-alone", "grouped"])
async def test_the_same_orders_sent_to_two_processes_at_once_are_written_once(database_url, servers, most):
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    ports = [free_port(), free_port()]
    settings = {"RELAY_ORDER_GROUP_MAX": str(most), "RELAY_ORDER_GROUP_WAIT_MS": "5",
                **{f"RELAY_RATE_LIMIT_{name}": "off" for name in ("EVENTS_IP", "EVENTS_MERCHANT")}}
    servers.extend(await asyncio.gather(*(
        asyncio.to_thread(start_server, f"{database_url}?maxsize=5", port, **settings) for port in ports
    )))

    count = 60
    answers = await deliver_to_both(ports, m, partner.code, count, streams=8)

    for n, pair in enumerate(answers):
        assert [status for status, _, _ in pair] == [200, 200], pair
        if n % 2 == 0:  # one delivery twice: the same answer, byte for byte
            assert pair[0][2] == pair[1][2]
        else:  # two deliveries of one order: one applies it
            assert sorted(b'"applied":true' in content for _, _, content in pair) == [False, True]
    assert await Order.filter(merchant_id=m.id).count() == count
    assert await OrderLine.filter(merchant_id=m.id).count() == 2 * count
    assert Counter(await Commission.filter(merchant_id=m.id).values_list("amount", flat=True)) == {
        300: count, 55: count,
    }
    assert await WebhookReceipt.filter(merchant_id=m.id).count() == count + count // 2
    await assert_ledger_matches_rows(m.id)
    # the orders written by each statement (its transaction): one each, or some together
    statements = await connection().execute_query_dict(
        "SELECT xmin::text AS statement, COUNT(*) AS orders FROM shop_order WHERE merchant_id = $1"
        " GROUP BY xmin::text", [m.id]
    )
    if most == 1:
        assert len(statements) == count
    else:
        assert len(statements) < count

