"""Several domains' writes sent as ONE PostgreSQL statement: data-modifying CTEs, no BEGIN/COMMIT.

On the hottest write path (a shop's order.created) most of the cost of a write is the round
trip, on both sides: the app's driver and event loop, and PostgreSQL's per-message work. A
`WriteBatch` lets each domain keep writing its own tables with its own SQL while the round
trips are paid once: while a batch is open (`open_batch`), a service that supports it *adds*
its statement as a part instead of running it, and the use case `flush`es the batch at the end.
One statement is atomic by itself, so the batch needs no transaction.

The first part is the *gate*: the others write only when the gate wrote a row. A part written
for a batch says where with ``{gate}`` (a boolean SQL condition, e.g. ``WHERE {gate}``; TRUE in
the gate itself, so a part may be written once whether it is the gate or not); the gate's own
domain may instead read the gate's CTE by name. So a gate that finds its row already
there (``ON CONFLICT DO NOTHING``) leaves the whole statement without effect, and the caller
can run the ordinary transactional path instead.

Each part numbers its parameters ``$1..$n`` from its own list; the batch renumbers them. All
parts see the same snapshot: a part cannot read (or update) what another part inserts, except
through a CTE's RETURNING. A step that needs to (or needs a lock held across statements) raises
`Unbatchable` before anything is sent, and the caller reruns the use case without a batch.
"""

from __future__ import annotations

import contextvars
import functools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from core.db import connection

_current: contextvars.ContextVar[WriteBatch | None] = contextvars.ContextVar("write_batch", default=None)
_NUMBER = re.compile(r"\$(\d+)")


class Unbatchable(Exception):
    """This step cannot be part of a write batch (it reads what an earlier part writes, or holds
    a lock across statements): nothing was sent; rerun the use case without a batch."""


@dataclass(slots=True)
class WriteBatch:
    """The parts (CTE name, SQL with $1..$n, parameters) of one statement, the gate first."""

    parts: list[tuple[str, str, list[Any]]] = field(default_factory=list)

    def add(self, name: str, text: str, params: list[Any]) -> None:
        """Add a data-modifying statement as the CTE `name` (unique in the batch)."""
        if any(name == existing for existing, _, _ in self.parts):
            raise ValueError(f"the write batch has a part named {name!r} already")
        self.parts.append((name, text, params))

    def statement(self) -> tuple[str, list[Any]]:
        """The one statement (its result: the gate's RETURNING rows) and its parameters."""
        if not self.parts:
            raise ValueError("an empty write batch")
        text = _compose(tuple((name, text, len(params)) for name, text, params in self.parts))
        return text, [value for _, _, params in self.parts for value in params]


@functools.lru_cache(maxsize=256)
def _compose(parts: tuple[tuple[str, str, int], ...]) -> str:
    """The statement's text for these parts (a handful of shapes on a hot path: kept)."""
    gate = parts[0][0]
    condition = f"EXISTS (SELECT 1 FROM {gate})"
    ctes, offset = [], 0
    for name, text, count in parts:
        numbered = _NUMBER.sub(lambda m, base=offset: f"${int(m.group(1)) + base}", text)
        ctes.append(f"{name} AS ({numbered.replace('{gate}', 'TRUE' if name == gate else condition)})")
        offset += count
    return f"WITH {', '.join(ctes)} SELECT * FROM {gate}"


def current() -> WriteBatch | None:
    """The batch open in this task, if any: services add their writes to it instead of running them."""
    return _current.get()


@contextmanager
def open_batch() -> Iterator[WriteBatch]:
    """A batch for the writes of this task until the block ends (flush it inside the block)."""
    batch = WriteBatch()
    token = _current.set(batch)
    try:
        yield batch
    finally:
        _current.reset(token)


async def flush(batch: WriteBatch) -> list[dict[str, Any]]:
    """Send the batch as one statement; the rows the gate wrote (none: nothing was written)."""
    text, params = batch.statement()
    return await connection().execute_query_dict(text, params)
