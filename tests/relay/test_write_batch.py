"""A new order's writes as one statement (core/write_batch.py): how the batch is made, and on
PostgreSQL that order.created takes it, falls back to the transaction when it must, and that
the fallbacks write nothing twice."""

from __future__ import annotations

import asyncpg
import pytest

from core import write_batch
from core.write_batch import WriteBatch
from payouts.service.postings import partner_balances
from tests.factories.commissions import publish_rule_set
from tests.factories.events import envelope, order_data, send
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


def test_parts_are_numbered_in_turn_and_write_only_with_the_gate():
    batch = WriteBatch()
    batch.add("new_row", "INSERT INTO a (x, y) SELECT $1, $2 WHERE {gate} ON CONFLICT DO NOTHING RETURNING id", [1, 2])
    batch.add("more", "INSERT INTO b (x) SELECT $1 WHERE {gate}", [3])
    batch.add("other", "INSERT INTO c (x, y) SELECT $2, $1 FROM new_row", [4, 5])
    text, params = batch.statement()
    assert text == (
        "WITH new_row AS (INSERT INTO a (x, y) SELECT $1, $2 WHERE TRUE ON CONFLICT DO NOTHING RETURNING id),"
        " more AS (INSERT INTO b (x) SELECT $3 WHERE EXISTS (SELECT 1 FROM new_row)),"
        " other AS (INSERT INTO c (x, y) SELECT $5, $4 FROM new_row) SELECT * FROM new_row"
    )
    assert params == [1, 2, 3, 4, 5]
    with pytest.raises(ValueError, match="more"):
        batch.add("more", "INSERT INTO d (x) SELECT $1", [6])
    with pytest.raises(ValueError, match="empty"):
        WriteBatch().statement()


@pytest.fixture
def postgres(dialect):
    if dialect != "postgres":
        pytest.skip("the write batch is PostgreSQL's (SQLite takes the transaction)")


@pytest.fixture
def flushes(monkeypatch) -> list[list[str]]:
    """The part names of every batch flushed while the test runs."""
    seen: list[list[str]] = []
    real = write_batch.flush

    async def spy(batch: WriteBatch):
        seen.append([name for name, _, _ in batch.parts])
        return await real(batch)

    monkeypatch.setattr(write_batch, "flush", spy)
    return seen


async def _earned(client, merchant, external_id: str) -> list[tuple[int, int]]:
    response = await api(client, merchant, "GET", "/api/v1/commissions", params={"order_external_id": external_id})
    assert response.status_code == 200, response.text
    return sorted((c["level"], c["amount"]) for c in response.json()["items"])


async def test_a_new_order_and_everything_it_earns_is_one_statement(client, postgres, flushes, monkeypatch):
    m = await make_merchant()
    recruiter = await make_partner(m.id)
    partner = await make_partner(m.id, recruiter_id=recruiter.id)
    await publish_rule_set(m.id, RULES)
    data = order_data(partner_code=partner.code)

    answer = await send(client, m, "order.created", data)
    assert answer.status_code == 200, answer.text
    assert answer.json()["applied"] is True
    assert flushes == [[
        "new_order", "new_lines", "new_receipt", "new_commissions", "ledger_transactions", "ledger_postings",
    ]]
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
    monkeypatch.undo()
    assert sent == ["SELECT", "SELECT", "WITH"]
    assert await _earned(client, m, second["external_id"]) == EARNED


async def test_a_monthly_cap_reads_the_month_under_a_lock_so_the_order_takes_the_transaction(
    client, postgres, flushes
):
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, {**RULES, "caps": {"per_partner_month": {"cash": "5.00"}}})
    first, second = order_data(partner_code=partner.code), order_data(partner_code=partner.code)

    for data in (first, second):
        assert (await send(client, m, "order.created", data)).status_code == 200
    assert flushes == []  # Unbatchable before anything was sent
    assert await _earned(client, m, first["external_id"]) == [(1, 55), (1, 300)]
    # what is left under the cap of 5.00 after 3.55
    assert sum(amount for _, amount in await _earned(client, m, second["external_id"])) == 145
    assert (await partner_balances(m.id, partner.id))["CNY"].pending == 500


async def test_an_order_written_between_the_reads_and_the_statement_is_answered_not_doubled(
    client, postgres, monkeypatch
):
    """Another delivery of the same order (another webhook-id) commits first: this statement's
    gate writes nothing, so nothing of it is written, and the transaction answers the replay."""
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    data = order_data(partner_code=partner.code)
    real = write_batch.flush
    interleaved: list[int] = []

    async def other_delivery_first(batch: WriteBatch):
        if not interleaved:
            interleaved.append(0)  # the other delivery's own flush goes straight through
            interleaved[0] = (await send(client, m, "order.created", data)).status_code
        return await real(batch)

    monkeypatch.setattr(write_batch, "flush", other_delivery_first)
    answer = await send(client, m, "order.created", data)

    assert interleaved == [200]
    assert answer.status_code == 200, answer.text
    assert answer.json()["applied"] is False
    assert await _earned(client, m, data["external_id"]) == [(1, 55), (1, 300)]
    assert (await partner_balances(m.id, partner.id))["CNY"].pending == 355


async def test_a_webhook_id_answered_between_the_reads_and_the_statement_gets_that_answer(
    client, postgres, monkeypatch
):
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, RULES)
    data = order_data(partner_code=partner.code)
    body = envelope("order.created", data)
    real = write_batch.flush
    first: list = []

    async def same_delivery_first(batch: WriteBatch):
        if not first:
            first.append(None)  # the first delivery's own flush goes straight through
            first[0] = await send(client, m, "", {}, body=body, webhook_id="msg_twice")
        return await real(batch)

    monkeypatch.setattr(write_batch, "flush", same_delivery_first)
    answer = await send(client, m, "", {}, body=body, webhook_id="msg_twice")

    assert first[0].status_code == 200 and first[0].json()["applied"] is True
    assert answer.status_code == 200
    assert answer.content == first[0].content
    assert await _earned(client, m, data["external_id"]) == [(1, 55), (1, 300)]

