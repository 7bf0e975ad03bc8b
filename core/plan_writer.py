"""Writing new orders' plans (`core.write_plan`) as ONE PostgreSQL statement: alone, or grouped.

`write_plans` sends plans of one merchant as one statement of data-modifying CTEs (each shape
once, its arrays holding the rows of every plan), atomic without BEGIN/COMMIT, or inside the
caller's transaction when one is open (a monthly cap's lock). It returns the ids of the orders
it wrote: a plan whose order existed already wrote nothing.

`PlanWriter` gathers the plans of concurrent requests in one process: a plan waits while a
statement of its merchant is in flight, at most `wait_ms`, and at most `most` plans go in one
statement; with nothing in flight it goes at once (low load waits for nothing). Each request
gets its own answer. If a grouped statement fails, its plans are written again one by one, so
a bad plan fails its own request only. Groups are per merchant: every statement stays on the
merchant's shard (the sharding key), and a plan never waits on another merchant's.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from tortoise.backends.base.client import TransactionalDBClient

from core.db import connection
from core.write_plan import Insert, WritePlan

log = logging.getLogger("relay.plans")

Send = Callable[[Sequence[WritePlan]], Awaitable[set[int]]]


def statement(plans: Sequence[WritePlan]) -> tuple[str, list[Any]]:
    """The one statement writing `plans` (one merchant's, one gate shape) and its parameters;
    its result is the ids of the orders it wrote."""
    if not plans:
        raise ValueError("no plan to write")
    merchant_id, gate = plans[0].merchant_id, plans[0].gate.insert
    shapes: dict[str, Insert] = {}
    arrays: dict[str, list[list[Any]]] = {}
    for plan in plans:
        if plan.merchant_id != merchant_id or plan.gate.insert != gate:
            raise ValueError("one statement writes plans of one merchant with one gate")
        for part in (plan.gate, *plan.parts):
            if not part.values:
                continue
            shape = part.insert
            if shapes.setdefault(shape.name, shape) != shape:
                raise ValueError(f"two shapes are named {shape.name!r}")
            columns = arrays.setdefault(shape.name, [[] for _ in range(len(shape.columns) + 1)])
            columns[0].extend([plan.order_id] * len(part.values))
            for column, values in zip(columns[1:], part.arrays(), strict=True):
                column.extend(values)
    text = _compose(tuple(shapes.values()))
    return text, [array for name in shapes for array in arrays[name]]


@functools.lru_cache(maxsize=256)
def _compose(shapes: tuple[Insert, ...]) -> str:
    """The statement's text for these shapes, the gate first (a handful of them on a hot path:
    kept, and the same text for any number of plans, so PostgreSQL plans it once a connection)."""
    gate = shapes[0]
    written = f"d.gate IN (SELECT id FROM {gate.name})"
    ctes, first = [], 1
    for shape in shapes:
        ctes.append(f"{shape.name} AS ({shape.cte(first, 'TRUE' if shape is gate else written)})")
        first += len(shape.columns) + 1
    return f"WITH {', '.join(ctes)} SELECT id FROM {gate.name}"


async def write_plans(plans: Sequence[WritePlan]) -> set[int]:
    """Write `plans` as one statement (in the caller's transaction, if one is open); the ids of
    the orders written."""
    text, params = statement(plans)
    return {row["id"] for row in await connection().execute_query_dict(text, params)}


async def write_alone(plan: WritePlan) -> bool:
    """Write one plan as one statement; whether its order was written (False: it existed)."""
    return plan.order_id in await write_plans([plan])


class PlanWriter:
    """Gathers concurrent plans per merchant and writes each gathering as one statement; one per
    process (`app.state.plans`), used as an async context manager (leaving writes what waits)."""

    def __init__(self, *, wait_ms: float = 2.0, most: int = 32, send: Send = write_plans) -> None:
        self.wait = max(0.0, wait_ms) / 1000
        self.most = max(1, most)
        self._send = send
        self._waiting: dict[int, list[tuple[WritePlan, asyncio.Future[bool]]]] = {}
        self._timers: dict[int, asyncio.Handle] = {}
        self._in_flight: Counter[int] = Counter()
        self._tasks: set[asyncio.Task[None]] = set()
        #: group size -> statements sent with that many plans (what bench/ingest.py reports)
        self.sizes: Counter[int] = Counter()
        #: groups whose statement failed and whose plans were written one by one
        self.fallbacks = 0

    async def write(self, plan: WritePlan) -> bool:
        """Write `plan` with whatever else of its merchant is waiting; whether its order was
        written (False: it existed already, and nothing of the plan was written). Raises what
        writing this plan alone raises. Not inside a transaction: the group has its own."""
        if isinstance(connection(), TransactionalDBClient):
            raise RuntimeError("a grouped write cannot join the caller's transaction: use write_alone")
        loop = asyncio.get_running_loop()
        future: asyncio.Future[bool] = loop.create_future()
        merchant_id = plan.merchant_id
        waiting = self._waiting.setdefault(merchant_id, [])
        waiting.append((plan, future))
        if len(waiting) >= self.most:
            self._send_now(merchant_id)
        elif len(waiting) == 1:
            # Nothing of the merchant in flight: go at the next turn of the loop (requests
            # arriving in the same turn join). Otherwise wait for it to end, at most `wait`.
            if self._in_flight[merchant_id]:
                self._timers[merchant_id] = loop.call_later(self.wait, self._send_now, merchant_id)
            else:
                self._timers[merchant_id] = loop.call_soon(self._send_now, merchant_id)
        return await future

    def _send_now(self, merchant_id: int) -> None:
        timer = self._timers.pop(merchant_id, None)
        if timer is not None:
            timer.cancel()
        waiting = [item for item in self._waiting.pop(merchant_id, []) if not item[1].done()]
        if not waiting:
            return
        self._in_flight[merchant_id] += 1
        task = asyncio.get_running_loop().create_task(self._send_group(merchant_id, waiting))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _send_group(self, merchant_id: int, waiting: list[tuple[WritePlan, asyncio.Future[bool]]]) -> None:
        waiting.sort(key=lambda item: item[0].key)
        plans = [plan for plan, _ in waiting]
        self.sizes[len(plans)] += 1
        try:
            try:
                written = await self._send(plans)
            except Exception as error:
                if len(plans) == 1:
                    _settle(waiting[0][1], error=error)
                    return
                # One bad plan never fails the others: each is written (or fails) on its own.
                self.fallbacks += 1
                log.warning("a group of %d order plans failed (%s): writing them one by one", len(plans), error)
                for plan, future in waiting:
                    try:
                        alone = await self._send([plan])
                    except Exception as own:
                        _settle(future, error=own)
                    else:
                        _settle(future, plan.order_id in alone)
                return
            for plan, future in waiting:
                _settle(future, plan.order_id in written)
        except BaseException as stopped:  # cancelled (shutdown): no request waits forever
            for _, future in waiting:
                _settle(future, error=stopped)
            raise
        finally:
            self._in_flight[merchant_id] -= 1
            if not self._in_flight[merchant_id]:
                del self._in_flight[merchant_id]
                if merchant_id in self._waiting:
                    self._send_now(merchant_id)

    async def __aenter__(self) -> PlanWriter:
        return self

    async def __aexit__(self, *exc: object) -> None:
        for merchant_id in list(self._waiting):
            self._send_now(merchant_id)
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self.sizes:
            log.info("order plans written: group size -> statements %s; %d group(s) fell back",
                     dict(sorted(self.sizes.items())), self.fallbacks)


def _settle(future: asyncio.Future[bool], written: bool = False, *, error: BaseException | None = None) -> None:
    """Answer one request (unless it has gone: a cancelled request's plan may still be written)."""
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(written)
