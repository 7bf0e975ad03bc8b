"""What a new order writes, as data: typed rows of statements each domain declares, no I/O.

Each domain's use case for a new order returns the rows it would write instead of writing
them: `Rows` of an `Insert` the domain declares next to its other SQL (its table, one array
per column, the INSERT that reads them). relay/pipeline.py puts one order's rows together as a
`WritePlan` and alone decides how it is written (`core.plan_writer`: one statement, inside a
transaction when a lock must be held, or grouped with other orders of the same merchant).

The *gate* of a plan is its order row (``INSERT ... ON CONFLICT DO NOTHING RETURNING id``):
every other row carries the id of its plan's order and is written only if that order was
(``{gate}`` in an `Insert`), so a plan whose order exists already writes nothing at all,
whatever the other plans of its statement do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Insert:
    """A statement shape: rows of one table read from one array per column, so that one text
    serves any number of rows, of one order or of many.

    `sql` is an ``INSERT ... SELECT ... FROM {rows} WHERE {gate}``: ``{rows}`` becomes
    ``unnest($i::type[], ...) WITH ORDINALITY AS d(gate, <columns>, n)`` (``d.gate``: the id of
    the row's order; ``d.n``: its place, for an ``ORDER BY``), ``{gate}`` the condition that
    the row's order is written. `name` is its CTE's name, unique among the shapes of a plan; a
    later shape may read an earlier one's RETURNING by that name."""

    name: str
    columns: tuple[tuple[str, str], ...]  #: (column, PostgreSQL type) of the arrays, in row order
    sql: str

    def __post_init__(self) -> None:
        if "{rows}" not in self.sql:
            raise ValueError(f"the statement of {self.name!r} reads no {{rows}}")

    def cte(self, first: int, gate: str) -> str:
        """The statement with its arrays numbered from ``$first`` (the gate ids' array first,
        then one per column) and `gate` as its condition."""
        types = ("bigint", *(kind for _, kind in self.columns))
        arrays = ", ".join(f"${first + n}::{kind}[]" for n, kind in enumerate(types))
        names = ", ".join(("gate", *(name for name, _ in self.columns), "n"))
        rows = f"unnest({arrays}) WITH ORDINALITY AS d({names})"
        return self.sql.replace("{rows}", rows).replace("{gate}", gate)


@dataclass(frozen=True, slots=True)
class Rows:
    """Rows to write with one `Insert`: each a tuple of its columns' values, in order."""

    insert: Insert
    values: tuple[tuple[Any, ...], ...]

    def __post_init__(self) -> None:
        width = len(self.insert.columns)
        if any(len(row) != width for row in self.values):
            raise ValueError(f"a row of {self.insert.name!r} does not have its {width} columns")

    @classmethod
    def of(cls, insert: Insert, values: Sequence[Sequence[Any]]) -> Rows:
        return cls(insert, tuple(tuple(row) for row in values))

    def arrays(self) -> list[list[Any]]:
        """One list per column (what the statement's arrays are made of)."""
        return [list(column) for column in zip(*self.values, strict=True)] if self.values else [
            [] for _ in self.insert.columns
        ]


@dataclass(frozen=True, slots=True)
class WritePlan:
    """Everything one new order writes: the order row (the gate: its first column is its id,
    taken from its sequence beforehand), then the rows written only with it.

    `key` is the order's unique key within the merchant (its external id): the plans of a group
    are written in its order, so that two processes writing overlapping groups take their row
    locks in the same order."""

    merchant_id: int
    key: str
    gate: Rows
    parts: tuple[Rows, ...] = ()

    def __post_init__(self) -> None:
        if len(self.gate.values) != 1 or self.gate.insert.columns[0][0] != "id":
            raise ValueError("a plan's gate is one row whose first column is its id")
        names = [part.insert.name for part in (self.gate, *self.parts)]
        if len(set(names)) != len(names):
            raise ValueError(f"a plan writes each shape once: {names}")

    @property
    def order_id(self) -> int:
        return self.gate.values[0][0]
