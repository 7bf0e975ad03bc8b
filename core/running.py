"""Running totals per local day: a domain's additive report figures summed over every settled fact
before each midnight of a merchant's time zone, one row per (merchant, day, partner, key...).

Any range of whole local days is then the rows of the day after it less the rows of its first
day (`difference`), however many partners and days it covers (10,000 partners over 30 days: two reads of 10,000 rows, where the
facts, or even one row per partner and day, are hundreds of thousands). Rows with ``partner_id``
0 sum every partner, for the figures of the whole program (by scene, by day, the total).

The rows of a day are those of the day before plus the facts of that day (`extend`); a fact
that settles late (an order reported days after it happened, a refund) is added to the rows of
every day after it (`add_late`). Only the owning domain knows its facts and when they settle: it
hands them over as relations (``SELECT key..., value... `` with ``?`` parameters).
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, ParamSpec, TypeVar

from tortoise.transactions import in_transaction

from core import sql
from core.db import connection, current_dialect
from core.sql import Relation, execute, instant, lock_key, rows, utc
from core.time import local_date, midnight, now

EPOCH = date(1970, 1, 1)
#: The key of the rows that sum every partner.
ALL_PARTNERS = 0


_P = ParamSpec("_P")
_T = TypeVar("_T")


@asynccontextmanager
async def snapshot() -> AsyncIterator[None]:
    """One transaction whose reads all see the same committed state (REPEATABLE READ on
    PostgreSQL; a SQLite transaction reads one snapshot already)."""
    async with in_transaction():
        if current_dialect() == "postgres":
            await connection().execute_query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def in_snapshot(read: Callable[_P, Coroutine[Any, Any, _T]]) -> Callable[_P, Coroutine[Any, Any, _T]]:
    """`read` in one `snapshot`: the progress it reads first and the rows it reads after agree,
    though a catch-up commits in between (else the facts it moved into the rows would be counted
    twice, in the rows and as not written yet)."""

    @functools.wraps(read)
    async def in_one(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        async with snapshot():
            return await read(*args, **kwargs)

    return in_one


def day_number(day: date) -> int:
    """A local date as stored: days since 1970-01-01."""
    return (day - EPOCH).days


def day_of(number: int) -> date:
    return date.fromordinal(EPOCH.toordinal() + number)


def no_day() -> Relation:
    """A day column for facts not grouped by day (typed as the days are: a date on PostgreSQL)."""
    return ("CAST(NULL AS DATE)" if current_dialect() == "postgres" else "NULL"), []


def day_number_sql(iso_day: str) -> str:
    """SQL turning a ``YYYY-MM-DD`` text expression into `day_number`."""
    if current_dialect() == "postgres":
        return f"(({iso_day})::date - DATE '1970-01-01')"
    return f"CAST(julianday({iso_day}) - 2440587.5 AS INTEGER)"


@dataclass(frozen=True, slots=True)
class Shape:
    """The columns a relation of facts keeps, so that its rows group by what the reader asks and
    no more: ``day`` (`day`: column -> its local day as SQL; None: no day), ``partner_id`` and
    ``scene`` (or constants in their place)."""

    day: Callable[[str], Relation] | None = None
    partner: bool = True
    scene: bool = True

    def columns(self, occurred_at: str, partner_id: str, scene: str) -> Relation:
        """``day, partner_id, scene`` of the facts whose columns are named here."""
        day, params = self.day(occurred_at) if self.day else no_day()
        partner_id = partner_id if self.partner else str(ALL_PARTNERS)
        scene = scene if self.scene else "''"
        return f"{day} AS day, {partner_id} AS partner_id, {scene} AS scene", list(params)


@dataclass(frozen=True, slots=True)
class RunningTotals:
    """The table (``merchant_id, day, partner_id, *keys, *values``, unique on all but the values)."""

    table: str
    keys: tuple[str, ...]  #: beyond partner_id, e.g. ("scene",)
    values: tuple[str, ...]

    @property
    def _key_columns(self) -> str:
        return ", ".join(("partner_id", *self.keys))

    def _both(self, facts: Relation, extra: str = "") -> Relation:
        """`facts` per partner and once more for every partner (partner_id 0); `extra` columns first."""
        query, params = facts
        keys = ", ".join(self.keys)
        values = ", ".join(self.values)
        head = f"{extra}, " if extra else ""
        rest = f", {keys}" if keys else ""
        return (
            f"SELECT {head}partner_id{rest}, {values} FROM ({query}) f1 "
            f"UNION ALL SELECT {head}{ALL_PARTNERS}{rest}, {values} FROM ({query}) f2",
            [*params, *params],
        )

    async def extend(self, merchant_id: int, day: date, facts: Relation) -> None:
        """Write the rows of `day`: those of the day before (none for the first day) plus `facts`
        (columns ``partner_id, *keys, *values``: what happened on the day before `day`)."""
        sums = ", ".join(f"SUM({v})" for v in self.values)
        columns = ", ".join(self.values)
        both, params = self._both(facts)
        await execute(
            f"INSERT INTO {self.table} (merchant_id, day, {self._key_columns}, {columns})"
            f" SELECT ?, ?, {self._key_columns}, {sums} FROM ("
            f"SELECT {self._key_columns}, {columns} FROM {self.table} WHERE merchant_id = ? AND day = ?"
            f" UNION ALL {both}) u GROUP BY {self._key_columns}",
            [merchant_id, day_number(day), merchant_id, day_number(day) - 1, *params],
        )

    async def add_late(self, merchant_id: int, first: date, last: date, facts: Relation) -> None:
        """Add `facts` (columns ``day, partner_id, *keys, *values``; ``day`` a `day_number`: when
        the fact happened) to the rows of every day from `first` to `last` after the fact's day."""
        columns = ", ".join(self.values)
        sums = ", ".join(f"SUM(l.{v})" for v in self.values)
        keys = ", ".join(f"l.{k}" for k in ("partner_id", *self.keys))
        both, params = self._both(facts, "day")
        added = ", ".join(f"{v} = {self.table}.{v} + excluded.{v}" for v in self.values)
        await execute(
            "WITH RECURSIVE d(day) AS (SELECT CAST(? AS BIGINT) UNION ALL SELECT day + 1 FROM d WHERE day < ?)"
            f" INSERT INTO {self.table} (merchant_id, day, {self._key_columns}, {columns})"
            f" SELECT ?, d.day, {keys}, {sums} FROM ({both}) l JOIN d ON d.day > l.day"
            f" WHERE 1 = 1 GROUP BY d.day, {keys}"
            f" ON CONFLICT (merchant_id, day, {self._key_columns}) DO UPDATE SET {added}",
            [day_number(first), day_number(last), merchant_id, *params],
        )

    async def days(self, merchant_id: int, first: date, last: date) -> list[dict[str, Any]]:
        """The all-partner rows of every day from `first` to `last`, with their ``day``."""
        return await rows(
            f"SELECT day, {self._key_columns}, {', '.join(self.values)} FROM {self.table}"
            " WHERE merchant_id = ? AND day >= ? AND day <= ? AND partner_id = ?",
            [merchant_id, day_number(first), day_number(last), ALL_PARTNERS],
        )

    def difference(self, merchant_id: int, low: date, high: date, *, partners: bool) -> Relation:
        """The rows of `high` less the rows of `low` (what happened on the days between), per
        partner or of every partner, as a relation ``day (NULL), partner_id, *keys, *values``."""
        signed = ", ".join(f"CASE WHEN day = ? THEN {v} ELSE -{v} END AS {v}" for v in self.values)
        return (
            f"SELECT {no_day()[0]} AS day, {self._key_columns}, {signed} FROM {self.table}"
            f" WHERE merchant_id = ? AND day IN (?, ?) AND partner_id {'<>' if partners else '='} ?",
            [*[day_number(high)] * len(self.values), merchant_id, day_number(low), day_number(high), ALL_PARTNERS],
        )

    async def each_day(self, merchant_id: int, low: date, high: date, key: str | None) -> dict[tuple[date, Any], list[int]]:
        """(day, value of `key` or None) -> the values of what happened on each day of [low, high)
        for every partner: the next day's rows less the day's own."""
        running: dict[tuple[int, Any], list[int]] = {}
        for row in await self.days(merchant_id, low, high) if low < high else []:
            sums = running.setdefault((row["day"], row[key] if key else None), [0] * len(self.values))
            for n, value in enumerate(self.values):
                sums[n] += int(row[value])
        groups = {group for _, group in running}
        zero = [0] * len(self.values)
        return {
            (day_of(number), group): [
                b - a for a, b in zip(running.get((number, group), zero), running.get((number + 1, group), zero), strict=True)
            ]
            for number in range(day_number(low), day_number(high))
            for group in groups
        }

    async def forget(self, merchant_id: int) -> None:
        await execute(f"DELETE FROM {self.table} WHERE merchant_id = ?", [merchant_id])


@dataclass(frozen=True, slots=True)
class Progress:
    """How far the rows go: every day from `first_day` to `through_day` is written, with the facts
    whose ids are up to `marks` (column -> id)."""

    timezone: str
    first_day: date
    through_day: date
    marks: dict[str, int]
    updated_at: datetime


#: The facts of one local day ``[start, end)`` with ids up to `marks`, as a relation.
DayFacts = Callable[[datetime, datetime, dict[str, int]], Relation]
#: The facts with ids in ``(old marks, new marks]`` that happened before the last instant given
#: (columns ``day, partner_id, ...``; the first instant: the first day's, for local day bounds),
#: or None when there can be none.
LateFacts = Callable[[dict[str, int], dict[str, int], datetime, datetime], Relation | None]


#: A row created longer ago than this is taken as committed for good: no database transaction of
#: Relay stays open this long, so no row with a smaller id can still appear. What the reports'
#: running totals and the ledger's checkpoint sum is what settled by this rule.
SETTLED_AFTER = timedelta(hours=1)


async def newest_before(table: str, merchant_id: int, moment: datetime) -> int:
    """The newest id of the merchant's rows of `table` created before `moment` (0: none): the
    mark of the facts that settle by id."""
    found = await rows(
        f"SELECT id FROM {table} WHERE merchant_id = ? AND created_at < ? ORDER BY id DESC LIMIT 1",
        [merchant_id, utc(moment)],
    )
    return int(found[0]["id"]) if found else 0


async def _try_lock(*parts: object) -> bool:
    """A transaction-scoped lock on `parts` if free (PostgreSQL); SQLite has one writer anyway."""
    if current_dialect() != "postgres":
        return True
    found = await connection().execute_query_dict("SELECT pg_try_advisory_xact_lock($1) AS got", [lock_key(*parts)])
    return bool(found[0]["got"])


@dataclass(frozen=True, slots=True)
class Rollup:
    """`totals` and the progress table (``merchant_id, timezone, first_day, through_day, *marks``)."""

    totals: RunningTotals
    progress_table: str
    marks: tuple[str, ...]
    #: Days written past the one the horizon falls in: 1 when every fact settles by id (the rows
    #: of tomorrow then hold today so far); 0 when some settle by time (clicks, whole days).
    ahead: int = 0

    async def progress(self, merchant_id: int) -> Progress | None:
        found = await rows(
            f"SELECT timezone, first_day, through_day, updated_at, {', '.join(self.marks)} FROM {self.progress_table}"
            " WHERE merchant_id = ?",
            [merchant_id],
        )
        if not found:
            return None
        row = found[0]
        return Progress(
            row["timezone"], day_of(row["first_day"]), day_of(row["through_day"]),
            {mark: int(row[mark]) for mark in self.marks}, instant(row["updated_at"]),  # type: ignore[arg-type]
        )

    async def fresh(self, merchant_id: int, timezone: str, within: timedelta | None) -> bool:
        """Whether the rows were brought up to date in `timezone` less than `within` ago."""
        if within is None:
            return False
        known = await self.progress(merchant_id)
        return known is not None and known.timezone == timezone and known.updated_at > now() - within

    async def catch_up(
        self,
        merchant_id: int,
        timezone: str,
        *,
        horizon: datetime,
        marks: dict[str, int],
        earliest: Callable[[], Awaitable[datetime | None]],
        day_facts: DayFacts,
        late_facts: LateFacts,
        max_days: int | None = None,
    ) -> int:
        """Write the days up to the one `horizon` falls in (at most `max_days` of them), with the
        facts up to `marks` (ids settled at `horizon`). One transaction; another process already
        catching up the merchant makes this one return at once. Returns the days written."""
        async with in_transaction():
            if not await _try_lock(self.totals.table, merchant_id):
                return 0
            known = await self.progress(merchant_id)
            if known is not None and known.timezone != timezone:  # days of another zone: start again
                await self.totals.forget(merchant_id)
                await execute(f"DELETE FROM {self.progress_table} WHERE merchant_id = ?", [merchant_id])
                known = None
            last = local_date(horizon, timezone) + timedelta(days=self.ahead)
            if known is None:
                first_seen = await earliest()
                first = min(local_date(first_seen, timezone), last) if first_seen else last
                known = Progress(timezone, first, first - timedelta(days=1), dict.fromkeys(self.marks, 0), now())
                await execute(
                    f"INSERT INTO {self.progress_table} (merchant_id, timezone, first_day, through_day,"
                    f" {', '.join(self.marks)}, updated_at) VALUES ({sql.marks(len(self.marks) + 5)})",
                    [merchant_id, timezone, day_number(first), day_number(known.through_day),
                     *known.marks.values(), utc(now())],
                )
            marks = {mark: max(marks[mark], known.marks[mark]) for mark in self.marks}
            through = last if max_days is None else min(last, known.through_day + timedelta(days=max_days))
            day = known.through_day + timedelta(days=1)
            while day <= through:
                start, end = midnight(day - timedelta(days=1), timezone), midnight(day, timezone)
                await self.totals.extend(merchant_id, day, day_facts(start, end, marks))
                day += timedelta(days=1)
            through = max(through, known.through_day)
            since = midnight(known.first_day - timedelta(days=1), timezone)
            late = late_facts(known.marks, marks, since, midnight(known.through_day, timezone))
            if late is not None and through >= known.first_day and marks != known.marks:
                await self.totals.add_late(merchant_id, known.first_day, through, late)
            await execute(
                f"UPDATE {self.progress_table} SET through_day = ?, {', '.join(f'{m} = ?' for m in self.marks)},"
                " updated_at = ? WHERE merchant_id = ?",
                [day_number(through), *marks.values(), utc(now()), merchant_id],
            )
            return (through - known.through_day).days


@dataclass(frozen=True, slots=True)
class Window:
    """A range of local days [first, last] split into what the rows hold and what they do not:
    the rows of `high` less those of `low` (when `written`), and the `unwritten` instants
    around them, to be summed from the facts."""

    start: datetime  #: the first instant of the range
    end: datetime  #: the first instant after it
    low: date
    high: date
    low_at: datetime
    high_at: datetime

    @property
    def written(self) -> bool:
        return self.low < self.high

    @property
    def unwritten(self) -> list[tuple[datetime, datetime]]:
        parts = [(self.start, self.low_at), (self.high_at, self.end)] if self.written else [(self.start, self.end)]
        return [(start, end) for start, end in parts if start < end]

    @classmethod
    def of(cls, progress: Progress | None, timezone: str, first: date, last: date) -> Window:
        after = last + timedelta(days=1)
        low = high = first
        if progress is not None and progress.timezone == timezone:
            low, high = max(first, progress.first_day), min(after, progress.through_day)
            low, high = (low, high) if low < high else (first, first)
        return cls(
            midnight(first, timezone), midnight(after, timezone), low, high, midnight(low, timezone),
            midnight(high, timezone),
        )
