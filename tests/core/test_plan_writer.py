"""core/plan_writer.py: how write plans become one statement, and how `PlanWriter` gathers the
plans of concurrent requests (a send that records what it is given stands in for the database
here; tests/relay/test_grouped_writes.py writes real orders)."""

from __future__ import annotations

import asyncio
import time

import pytest
from tortoise.transactions import in_transaction

from core.plan_writer import PlanWriter, statement
from core.write_plan import Insert, Rows, WritePlan

ORDER = Insert("new_row", (("id", "bigint"), ("merchant_id", "bigint"), ("name", "text")),
               "INSERT INTO a (id, merchant_id, name) SELECT d.id, d.merchant_id, d.name FROM {rows}"
               " ON CONFLICT DO NOTHING RETURNING id")
LINES = Insert("new_lines", (("merchant_id", "bigint"), ("amount", "bigint")),
               "INSERT INTO b (merchant_id, amount) SELECT d.merchant_id, d.amount FROM {rows} WHERE {gate}")
NOTES = Insert("new_notes", (("text", "text"),), "INSERT INTO c (text) SELECT d.text FROM {rows} WHERE {gate}")


def plan(order_id: int, key: str, *, merchant_id: int = 1, lines: tuple[int, ...] = (), note: str | None = None):
    parts = [Rows.of(LINES, [(merchant_id, amount) for amount in lines])]
    if note is not None:
        parts.append(Rows.of(NOTES, [(note,)]))
    return WritePlan(merchant_id, key, Rows.of(ORDER, [(order_id, merchant_id, key)]), tuple(parts))


# --- one statement ----------------------------------------------------------------------------------


def test_plans_become_one_statement_each_shape_once_its_rows_written_only_with_their_order():
    text, params = statement([plan(7, "A", lines=(100, 200)), plan(8, "B", note="hello"), plan(9, "C", lines=(5,))])
    assert text == (
        "WITH new_row AS (INSERT INTO a (id, merchant_id, name) SELECT d.id, d.merchant_id, d.name"
        " FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[]) WITH ORDINALITY AS d(gate, id, merchant_id,"
        " name, n) ON CONFLICT DO NOTHING RETURNING id),"
        " new_lines AS (INSERT INTO b (merchant_id, amount) SELECT d.merchant_id, d.amount"
        " FROM unnest($5::bigint[], $6::bigint[], $7::bigint[]) WITH ORDINALITY AS d(gate, merchant_id, amount, n)"
        " WHERE d.gate IN (SELECT id FROM new_row)),"
        " new_notes AS (INSERT INTO c (text) SELECT d.text FROM unnest($8::bigint[], $9::text[]) WITH ORDINALITY"
        " AS d(gate, text, n) WHERE d.gate IN (SELECT id FROM new_row)) SELECT id FROM new_row"
    )
    assert params == [
        [7, 8, 9], [7, 8, 9], [1, 1, 1], ["A", "B", "C"],  # the orders (each its own gate)
        [7, 7, 9], [1, 1, 1], [100, 200, 5],  # each line carries its order's id
        [8], ["hello"],
    ]
    # one order or many: the same text (PostgreSQL plans it once per connection)
    assert statement([plan(1, "A", lines=(1,), note="x")])[0] == text


def test_a_statement_is_of_one_merchant_and_a_plan_writes_each_shape_once():
    with pytest.raises(ValueError, match="one merchant"):
        statement([plan(1, "A"), plan(2, "B", merchant_id=2)])
    with pytest.raises(ValueError, match="no plan"):
        statement([])
    with pytest.raises(ValueError, match="once"):
        WritePlan(1, "A", Rows.of(ORDER, [(1, 1, "A")]), (Rows.of(LINES, [(1, 1)]), Rows.of(LINES, [(1, 2)])))
    with pytest.raises(ValueError, match="one row"):
        WritePlan(1, "A", Rows.of(ORDER, [(1, 1, "A"), (2, 1, "B")]))
    with pytest.raises(ValueError, match="columns"):
        Rows.of(LINES, [(1,)])


# --- gathering (Tortoise initialised: a write inside a transaction is refused) --------------------


class Database:
    """Records each statement's plans; 'writes' every order but those in `existing`, fails a
    statement holding a plan keyed in `failing`, and can hold a statement until released."""

    def __init__(self, *, existing: set[int] = frozenset(), failing: set[str] = frozenset()) -> None:
        self.groups: list[list[str]] = []
        self.existing, self.failing = existing, failing
        self.hold: asyncio.Event | None = None  #: the next statement waits for it
        self.holding = asyncio.Event()

    async def send(self, plans) -> set[int]:
        self.groups.append([p.key for p in plans])
        if self.hold is not None:
            hold, self.hold = self.hold, None
            self.holding.set()
            await hold.wait()
        await asyncio.sleep(0)
        if any(p.key in self.failing for p in plans):
            raise RuntimeError(f"refused {sorted(p.key for p in plans if p.key in self.failing)}")
        return {p.order_id for p in plans} - self.existing


async def test_plans_written_at_once_go_in_one_statement_each_answered_its_own(database_url):
    db = Database(existing={2})
    async with PlanWriter(send=db.send) as writer:
        answers = await asyncio.gather(*(writer.write(plan(n, key)) for n, key in [(3, "C"), (1, "A"), (2, "B")]))
    assert answers == [True, True, False]  # B's order existed: nothing of its plan was written
    assert db.groups == [["A", "B", "C"]]  # one statement, in key order
    assert writer.sizes == {3: 1}


async def test_a_lone_plan_waits_for_nothing_and_later_ones_wait_for_the_statement_in_flight(database_url):
    db = Database()
    release = db.hold = asyncio.Event()
    async with PlanWriter(wait_ms=60_000, send=db.send) as writer:
        started = time.monotonic()
        first = asyncio.create_task(writer.write(plan(1, "A")))
        await db.holding.wait()  # sent at once, though the wait is a minute
        later = [asyncio.create_task(writer.write(plan(n, key))) for n, key in [(2, "B"), (3, "C")]]
        await asyncio.sleep(0.01)
        assert db.groups == [["A"]]  # B and C wait while A's statement is in flight...
        release.set()
        assert await asyncio.gather(first, *later) == [True, True, True]
    assert db.groups == [["A"], ["B", "C"]]  # ...and go together when it ends, not a minute later
    assert time.monotonic() - started < 5


async def test_plans_wait_at_most_the_bounded_wait_and_at_most_most_go_together(database_url):
    db = Database()
    release = db.hold = asyncio.Event()  # A held: only the wait or the count can send the rest
    async with PlanWriter(wait_ms=50, most=3, send=db.send) as writer:
        first = asyncio.create_task(writer.write(plan(1, "A")))
        await db.holding.wait()
        counted = [asyncio.create_task(writer.write(plan(n, f"B{n}"))) for n in (2, 3, 4)]
        await asyncio.sleep(0.01)
        assert db.groups == [["A"], ["B2", "B3", "B4"]]  # `most` reached: sent without waiting
        timed = asyncio.create_task(writer.write(plan(5, "C")))
        await asyncio.sleep(0.005)
        assert len(db.groups) == 2
        assert await timed  # sent when its 50 ms were up, A still in flight
        assert db.groups[2] == ["C"]
        assert await asyncio.gather(*counted) == [True, True, True]
        release.set()
        assert await first


async def test_one_failing_plan_in_a_group_fails_only_its_own_request(database_url):
    db = Database(failing={"B"})
    async with PlanWriter(send=db.send) as writer:
        answers = await asyncio.gather(
            *(writer.write(plan(n, key)) for n, key in [(1, "A"), (2, "B"), (3, "C")]), return_exceptions=True
        )
    assert answers[0] is True and answers[2] is True
    assert isinstance(answers[1], RuntimeError) and "['B']" in str(answers[1])
    assert db.groups == [["A", "B", "C"], ["A"], ["B"], ["C"]]  # the group, then each alone
    assert writer.fallbacks == 1


async def test_each_merchant_has_its_own_statements(database_url):
    db = Database()
    async with PlanWriter(send=db.send) as writer:
        await asyncio.gather(*(writer.write(plan(n, f"K{n}", merchant_id=n % 2 + 1)) for n in range(4)))
    assert sorted(db.groups) == [["K0", "K2"], ["K1", "K3"]]


async def test_a_request_gone_before_its_statement_is_not_written(database_url):
    db = Database()
    release = db.hold = asyncio.Event()
    async with PlanWriter(wait_ms=60_000, send=db.send) as writer:
        first = asyncio.create_task(writer.write(plan(1, "A")))
        await db.holding.wait()
        gone = asyncio.create_task(writer.write(plan(2, "B")))
        kept = asyncio.create_task(writer.write(plan(3, "C")))
        await asyncio.sleep(0)
        gone.cancel()
        release.set()
        assert await first and await kept
    assert db.groups == [["A"], ["C"]]


async def test_leaving_the_writer_writes_what_waits_at_once(database_url):
    db = Database()
    release = db.hold = asyncio.Event()
    started = time.monotonic()
    async with PlanWriter(wait_ms=60_000, send=db.send) as writer:
        first = asyncio.create_task(writer.write(plan(1, "A")))
        await db.holding.wait()
        waiting = asyncio.create_task(writer.write(plan(2, "B")))
        await asyncio.sleep(0)
        asyncio.get_running_loop().call_later(0.05, release.set)
    assert db.groups == [["A"], ["B"]]  # B sent on leaving, A still in flight
    assert await first and await waiting
    assert time.monotonic() - started < 5


async def test_a_grouped_write_never_joins_the_callers_transaction(database_url):
    db = Database()
    async with PlanWriter(send=db.send) as writer:
        async with in_transaction():
            with pytest.raises(RuntimeError, match="transaction"):
                await writer.write(plan(1, "A"))
    assert db.groups == []
