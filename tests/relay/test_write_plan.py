"""A new order's explicit write plan (relay/pipeline.py, core/write_plan.py): on PostgreSQL each
domain says what it would write, and the plan is one statement; a monthly cap takes the
transaction; the fallbacks write nothing twice. (Grouping plans: test_grouped_writes.py.)"""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from commissions.models import Commission
from core.plan_writer import PlanWriter, write_plans
from core.write_plan import WritePlan
from payouts.service.postings import partner_balances
from tests.factories.commissions import publish_rule_set
from tests.factories.events import envelope, order_data, send, written
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_partner

RULES = {
    "rules": [
        {"id": "base", "level": 1, "reward": {"percent": "10"}},
        {"id": "recruiter", "level": 2, "reward": {"percent": "2"}},
    ]
}
#: Per line, 3 x 10.00 and 1 x 5.50: 10 % to the partner (3.00, 0.55), 2 % to the recruiter (0.60, 0.11).
EARNED = [(1, 55), (1, 300), (2, 11), (2, 60)]


@pytest.fixture
def postgres(dialect):
    if dialect != "postgres":
        pytest.skip("the write plan is PostgreSQL's (SQLite writes each step in turn, in one transaction)")


@pytest.fixture
def plans(use_writer) -> list[list[WritePlan]]:
    """Every group of plans the app's writer sends while the test runs (each then written)."""
    seen: list[list[WritePlan]] = []

    async def spy(group):
        seen.append(list(group))
        return await write_plans(group)

    use_writer(PlanWriter(send=spy))
    return seen


def shapes(plan: WritePlan) -> list[str]:
    return [part.insert.name for part in (plan.gate, *plan.parts)]


async def _earned(client, merchant, external_id: str) -> list[tuple[int, int]]:
    response = await api(client, merchant, "GET", "/api/v1/commissions", params={"order_external_id": external_id})
    assert response.status_code == 200, response.text
    return sorted((c["level"], c["amount"]) for c in response.json()["items"])


async def test_a_new_order_and_everything_it_earns_is_one_plan_written_as_one_statement(
    client, postgres, plans, monkeypatch
):
    m = await make_merchant()
    recruiter = await make_partner(m.id)
    partner = await make_partner(m.id, recruiter_id=recruiter.id)
    await publish_rule_set(m.id, RULES)
    data = order_data(partner_code=partner.code)

    answer = await send(client, m, "order.created", data)
    assert answer.status_code == 200, answer.text
    assert answer.json()["applied"] is True
    (group,) = plans
    (plan,) = group
    assert shapes(plan) == [
        "new_order", "new_lines", "new_receipt", "new_commissions", "new_ledger_transactions", "new_ledger_postings",
        "new_notices",
    ]
    assert plan.key == data["external_id"]
    assert await _earned(client, m, data["external_id"]) == EARNED
    assert (await partner_balances(m.id, partner.id))["CNY"].pending == 355
    assert (await partner_balances(m.id, recruiter.id))["CNY"].pending == 71

    # the settings now cached, the next order is three round trips: the attribution facts, the
    # fraud screen's facts with the commissions' ids, the one write statement
    sent = []

    def counting(real):
        async def counted(self, query, *args, **kwargs):
            sent.append(query.split()[0].upper())
            return await real(self, query, *args, **kwargs)

        return counted

    # every asyncpg method that sends a statement (Tortoise sends BEGIN, COMMIT and writes with
    # execute, ORM creates with fetchrow)
    for name in ("fetch", "fetchrow", "fetchval", "execute", "executemany"):
        monkeypatch.setattr(asyncpg.connection.Connection, name, counting(getattr(asyncpg.connection.Connection, name)))
    second = order_data(partner_code=partner.code)
    assert (await send(client, m, "order.created", second)).json()["applied"] is True
    referral_only = order_data()  # nobody earns: the facts, the write
    assert (await send(client, m, "order.created", referral_only)).json()["applied"] is True
    monkeypatch.undo()
    assert sent == ["SELECT", "SELECT", "WITH", "SELECT", "WITH"]
    assert await _earned(client, m, second["external_id"]) == EARNED


async def test_a_replay_and_a_conflicting_duplicate_write_no_plan(client, postgres, plans):
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    data = order_data(partner_code=partner.code)
    body = envelope("order.created", data)
    first = await send(client, m, "", {}, body=body, webhook_id="msg_once")
    before = await written(m.id)

    again = await send(client, m, "", {}, body=body, webhook_id="msg_once")  # the same delivery
    assert (again.status_code, again.content) == (200, first.content)
    anew = await send(client, m, "order.created", data)  # the same order, a new delivery
    assert (anew.status_code, anew.json()["applied"]) == (200, False)
    conflict = await send(client, m, "order.created", data | {"discount": "1.00"})
    assert conflict.status_code == 409 and data["external_id"] in conflict.json()["detail"]

    assert len(plans) == 1  # the first delivery's only
    assert await written(m.id) == before | {"receipts": before["receipts"] + 1}
    assert await _earned(client, m, data["external_id"]) == [(1, 55), (1, 300)]


async def test_a_monthly_cap_reads_the_month_under_a_lock_so_the_order_takes_the_transaction(
    client, postgres, plans
):
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, {**RULES, "caps": {"per_partner_month": {"cash": "5.00"}}})
    first, second = order_data(partner_code=partner.code), order_data(partner_code=partner.code)

    for data in (first, second):
        assert (await send(client, m, "order.created", data)).status_code == 200
    assert plans == []  # planned again and written inside its transaction, never grouped
    assert await _earned(client, m, first["external_id"]) == [(1, 55), (1, 300)]
    # what is left under the cap of 5.00 after 3.55
    assert sum(amount for _, amount in await _earned(client, m, second["external_id"])) == 145
    assert (await partner_balances(m.id, partner.id))["CNY"].pending == 500


async def test_concurrent_orders_under_a_monthly_cap_never_earn_past_it(client, postgres, plans):
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, {**RULES, "caps": {"per_partner_month": {"cash": "20.00"}}})
    orders = [order_data(partner_code=partner.code) for _ in range(8)]  # 3.55 each: 28.40 uncapped

    answers = await asyncio.gather(*(send(client, m, "order.created", data) for data in orders))
    assert [a.status_code for a in answers] == [200] * 8
    amounts = await Commission.filter(merchant_id=m.id).values_list("amount", flat=True)
    assert sum(amounts) == 2000
    assert (await partner_balances(m.id, partner.id))["CNY"].pending == 2000
    assert plans == []


async def test_an_order_written_between_the_reads_and_the_statement_is_answered_not_doubled(
    client, postgres, use_writer
):
    """Another delivery of the same order (another webhook-id) commits first: this plan's gate
    writes nothing, so nothing of it is written, and the order planned again answers the replay."""
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    data = order_data(partner_code=partner.code)
    interleaved: list[int] = []

    async def other_delivery_first(group):
        if not interleaved:
            interleaved.append(0)  # the other delivery's own plan goes straight through
            interleaved[0] = (await send(client, m, "order.created", data)).status_code
        return await write_plans(group)

    use_writer(PlanWriter(send=other_delivery_first))
    answer = await send(client, m, "order.created", data)

    assert interleaved == [200]
    assert answer.status_code == 200, answer.text
    assert answer.json()["applied"] is False
    assert await _earned(client, m, data["external_id"]) == [(1, 55), (1, 300)]
    assert (await partner_balances(m.id, partner.id))["CNY"].pending == 355
    assert (await written(m.id))["receipts"] == 2


async def test_a_webhook_id_answered_between_the_reads_and_the_statement_gets_that_answer(
    client, postgres, use_writer
):
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    data = order_data(partner_code=partner.code)
    body = envelope("order.created", data)
    first: list = []

    async def same_delivery_first(group):
        if not first:
            first.append(None)  # the first delivery's own plan goes straight through
            first[0] = await send(client, m, "", {}, body=body, webhook_id="msg_twice")
        return await write_plans(group)

    use_writer(PlanWriter(send=same_delivery_first))
    answer = await send(client, m, "", {}, body=body, webhook_id="msg_twice")

    assert first[0].status_code == 200 and first[0].json()["applied"] is True
    assert answer.status_code == 200
    assert answer.content == first[0].content
    assert await _earned(client, m, data["external_id"]) == [(1, 55), (1, 300)]
