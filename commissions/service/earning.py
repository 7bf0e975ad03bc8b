"""An attributed order's commissions: load the facts, evaluate the active rule set, store the drafts.

The shop-event pipeline (relay/pipeline.py) calls `plan_commissions` right after the order is
decided, screens the order for fraud, then has the commissions written with it (held when a
signal says so): `store_commissions` in the event's transaction, or, on PostgreSQL, as rows of
the order's write plan (`planned_records` under ids taken beforehand, `commission_rows`).
`commission_order` is plan and store in one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tortoise.functions import Sum

from commissions.errors import CurrencyMismatch
from commissions.models import COUNTING, Commission, CommissionStatus, ReviewState
from commissions.rules import Beneficiary, LineFacts, OrderFacts
from commissions.service.calendar import month_of
from commissions.service.records import COLUMNS, CommissionRecord, db_values, record
from commissions.service.rule_sets import cached_active_rule_set, needs_month_facts
from commissions.service.sql import advisory_locks, insert_returning, sql, utc
from commissions.service.terms import cached_evaluation_terms
from core.db import connection, current_dialect, joined_transaction
from core.money import POINTS
from core.sql import Relation
from core.time import now
from core.write_plan import Insert, Rows
from referral.service.earners import earners, month_net_relation
from referral.service.sales import RulePartner


@dataclass(frozen=True, slots=True)
class OrderLineForCommission:
    order_line_id: int
    line_no: int
    sku: str
    category: str
    quantity: int
    net_minor: int  #: the line's gross less its share of the order discount


@dataclass(frozen=True, slots=True)
class OrderForCommission:
    """A recorded order as commissions need it. `partner_id` is the attributed partner (None: nothing)."""

    order_id: int
    partner_id: int | None
    occurred_at: datetime
    channel: str
    scene: str | None
    is_first_order: bool
    subtotal_minor: int
    currency: str
    lines: tuple[OrderLineForCommission, ...]
    #: The partner and their active recruiter when the order was read with them (referral's
    #: `AttributionView.earners`); empty: `commission_order` reads them (one query).
    earners: tuple[RulePartner, ...] = ()


@dataclass(frozen=True, slots=True)
class PlannedCommissions:
    """An order's commissions computed and not yet stored (`store_commissions` writes them)."""

    merchant_id: int
    order_id: int
    rows: list[dict[str, Any]]  #: the new rows' values, in draft order (no ids yet)


@dataclass(frozen=True, slots=True)
class NeedsLock:
    """The active version reads the partner's month (a monthly cap or volume tiers): its orders
    are planned one partner-month at a time, under a lock held to the end of a transaction.
    `plan_commissions(may_lock=False)` answers this instead; plan again inside a transaction."""

    version: int


async def commission_order(merchant_id: int, order: OrderForCommission) -> list[CommissionRecord]:
    """Compute and store the order's commissions (status `pending`, `available_at` null).

    Nothing when the order has no partner or no rule set is active. Level 1 is the attributed
    partner; level 2 their recruiter, only while active. Calling it again for the same order
    returns the commissions already stored and writes nothing. (`plan_commissions` then
    `store_commissions`, in one transaction: the shop-event pipeline calls the two itself, to
    screen the order for fraud in between.)
    """
    async with joined_transaction():
        planned = await plan_commissions(merchant_id, order)
        if isinstance(planned, list):
            return planned
        return await store_commissions(planned)


async def plan_commissions(
    merchant_id: int, order: OrderForCommission, *, new_order: bool = False, may_lock: bool = True
) -> PlannedCommissions | list[CommissionRecord] | NeedsLock:
    """The order's commissions computed, not stored; or what is stored already (a replay), or
    [] when there is nothing to earn (no partner, no active rule set, no draft). `new_order`:
    the order is being created with them, so nothing can be stored for it yet (not looked up).

    The hot path of every attributed order: terms and the active version come from this
    process's caches (`cached_evaluation_terms`, `cached_active_rule_set`: a change made here is
    seen at once, one made by another process within their TTL); the earners come with the
    order (read by its attribution query) or are one query. Orders of one partner are
    serialised (advisory lock, held to the end of the caller's transaction: call this in one)
    and the month so far read (one query for both domains' facts) only when the version has a
    monthly cap or volume tiers, the only rules that read the month; without `may_lock` (no
    transaction to hold the lock: a write plan sent as one statement) such a version answers
    `NeedsLock`, having read and written nothing.
    """
    if order.partner_id is None:
        return []
    terms = await cached_evaluation_terms(merchant_id)
    if order.currency.upper() != terms.currency:
        raise CurrencyMismatch(order.currency, terms.currency)
    active = await cached_active_rule_set(merchant_id, terms.currency)
    if active is None:
        # None was ever published (a publish only swaps versions), so none was ever computed.
        return []
    month_facts = needs_month_facts(active)
    if month_facts and not may_lock:
        return NeedsLock(active.version)
    people = _read_with_order(order) or await earners(merchant_id, order.partner_id)
    occurred_at = utc(order.occurred_at)
    ids = [p.id for p in people]
    earned = MonthEarned()
    net_before: dict[int, int] = {}
    if month_facts:
        # The monthly cap reads what the partner earned so far: orders of the same partner
        # are computed one at a time. Locks are taken in id order, so two orders cannot deadlock.
        await advisory_locks([("partner_month", merchant_id, partner_id) for partner_id in sorted(ids)])
        month_start, month_end = month_of(occurred_at, terms.timezone)
        earned, net_before = await _month_facts(merchant_id, ids, month_start, month_end, occurred_at)
    if not new_order and current_dialect() != "postgres" and (stored := await _stored(merchant_id, order.order_id)):
        return stored
    beneficiaries = [
        Beneficiary(
            partner_id=who.id, level=level, group=who.group, kind=who.kind,
            reward_preference=who.reward_preference, month_net_before_minor=net_before.get(who.id, 0),
            month_earned=earned.total.get(who.id, {}), month_earned_at_level=earned.at_level.get((who.id, level), {}),
        )
        for level, who in enumerate(people, start=1)
    ]
    facts = OrderFacts(
        occurred_at=occurred_at,
        channel=order.channel,
        scene=order.scene,
        is_first_order=order.is_first_order,
        subtotal_minor=order.subtotal_minor,
        lines=tuple(
            LineFacts(line.line_no, line.sku, line.category, line.quantity, line.net_minor) for line in order.lines
        ),
    )
    drafts = active.compiled.evaluate(active.version, facts, beneficiaries, terms)
    if not drafts:
        return [] if new_order else await _stored(merchant_id, order.order_id)
    line_ids = {line.line_no: line.order_line_id for line in order.lines}
    created_at = now()
    rows = [
        {
            "merchant_id": merchant_id,
            "partner_id": draft.partner_id,
            "order_id": order.order_id,
            "order_line_id": None if draft.line_no is None else line_ids[draft.line_no],
            "line_no": draft.line_no,
            "level": draft.level,
            "kind": draft.kind,
            "asset": terms.currency if draft.kind == "cash" else POINTS.code,
            "amount": draft.amount,
            "base_minor": draft.base_minor,
            "rule_set_version": active.version,
            "rule_id": draft.rule_id,
            "reversal_of": None,
            "refund_id": None,
            "status": CommissionStatus.pending.value,
            "occurred_at": occurred_at,
            "available_at": None,
            "explanation": draft.explanation,
            "rejected_reason": None,
            "rejected_by_key_id": None,
            "rejected_at": None,
            "created_at": created_at,
            "review": None,
        }
        for draft in drafts
    ]
    return PlannedCommissions(merchant_id, order.order_id, rows)


def new_ids_relation(planned: PlannedCommissions | list[CommissionRecord] | NeedsLock) -> Relation | None:
    """PostgreSQL: the ids the planned commissions will take, as a relation (column ``n1``)
    another read may carry along (the fraud screen's: one round trip less), for a write plan;
    None when nothing is to be written."""
    if not isinstance(planned, PlannedCommissions):
        return None
    return _NEW_IDS, [list(range(len(planned.rows)))]


async def store_commissions(planned: PlannedCommissions, *, held: bool = False) -> list[CommissionRecord]:
    """Write the planned commissions, `held` for the merchant's review when a fraud signal says
    so (`commissions.service.fraud`); their records. One INSERT (which, on PostgreSQL, also
    checks that the order has no commissions yet: if it has, those are returned)."""
    rows_in = _held(planned.rows) if held else planned.rows
    new_ids = await _insert_new(planned.merchant_id, planned.order_id, rows_in)
    if new_ids is None:  # PostgreSQL: the order had commissions already
        return await _stored(planned.merchant_id, planned.order_id)
    return _records(rows_in, new_ids)


def planned_records(planned: PlannedCommissions, ids: Sequence[int], *, held: bool = False) -> list[CommissionRecord]:
    """The planned commissions as they will be stored under `ids` (taken with
    `new_ids_relation`), `held` as in `store_commissions`: for an order's write plan."""
    if len(ids) != len(planned.rows):
        raise ValueError(f"{len(planned.rows)} commissions planned, {len(ids)} ids given")
    return _records(_held(planned.rows) if held else planned.rows, sorted(ids))


def commission_rows(records: Sequence[CommissionRecord]) -> Rows:
    """New commissions (`planned_records`) as rows of the order's write plan."""
    return Rows.of(NEW_COMMISSIONS, [
        (c.id, c.merchant_id, c.partner_id, c.order_id, c.order_line_id, c.line_no, c.level, c.kind, c.asset,
         c.amount, c.base_minor, c.rule_set_version, c.rule_id, c.status, c.occurred_at,
         _EXPLANATION.encoder(c.explanation), c.review, c.created_at)
        for c in records
    ])


def _held(planned: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [row | {"review": ReviewState.held.value} for row in planned]


def _records(values: list[dict[str, Any]], ids: Sequence[int]) -> list[CommissionRecord]:
    return [CommissionRecord(id=new_id, payout_batch_id=None, **row) for new_id, row in zip(ids, values, strict=True)]


def _read_with_order(order: OrderForCommission) -> list[RulePartner]:
    """The earners read with the order, when they are the attributed partner's."""
    if order.earners and order.earners[0].id == order.partner_id:
        return list(order.earners)
    return []


async def _stored(merchant_id: int, order_id: int) -> list[CommissionRecord]:
    existing = await Commission.filter(merchant_id=merchant_id, order_id=order_id, reversal_of=None).order_by("id")
    return [record(row) for row in existing]


_DRAFT_ARRAYS = (
    "$7::bigint[], $8::bigint[], $9::int[], $10::smallint[], $11::text[], $12::text[], $13::bigint[],"
    " $14::bigint[], $15::text[], $16::text[], $17::text[]"
)
_DRAFT_COLUMNS = "partner_id, order_line_id, line_no, level, kind, asset, amount, base_minor, rule_id, explanation, review"
#: The drafts of one order as arrays (one statement text for any number of rows), inserted only
#: while the order has no commissions; ids in draft order.
_INSERT_NEW_PG = (
    "INSERT INTO commission (merchant_id, partner_id, order_id, order_line_id, line_no, level, kind, asset, amount,"
    " base_minor, rule_set_version, rule_id, status, occurred_at, explanation, review, created_at)"
    " SELECT $1, d.partner_id, $2, d.order_line_id, d.line_no, d.level, d.kind, d.asset, d.amount, d.base_minor,"
    " $3, d.rule_id, $4, $5, d.explanation::jsonb, d.review, $6"
    f" FROM unnest({_DRAFT_ARRAYS}) WITH ORDINALITY AS d({_DRAFT_COLUMNS}, n)"
    " WHERE NOT EXISTS (SELECT 1 FROM commission c WHERE c.merchant_id = $1 AND c.order_id = $2"
    " AND c.reversal_of IS NULL)"
    " ORDER BY d.n RETURNING id"
)
#: New commissions as rows of the order's write plan, under ids taken beforehand (`_NEW_IDS`):
#: the order is new (the plan's gate), so it has no commissions to check for.
NEW_COMMISSIONS = Insert(
    "new_commissions",
    (("id", "bigint"), ("merchant_id", "bigint"), ("partner_id", "bigint"), ("order_id", "bigint"),
     ("order_line_id", "bigint"), ("line_no", "int"), ("level", "smallint"), ("kind", "text"), ("asset", "text"),
     ("amount", "bigint"), ("base_minor", "bigint"), ("rule_set_version", "int"), ("rule_id", "text"),
     ("status", "text"), ("occurred_at", "timestamptz"), ("explanation", "text"), ("review", "text"),
     ("created_at", "timestamptz")),
    "INSERT INTO commission (id, merchant_id, partner_id, order_id, order_line_id, line_no, level, kind, asset,"
    " amount, base_minor, rule_set_version, rule_id, status, occurred_at, explanation, review, created_at)"
    " SELECT d.id, d.merchant_id, d.partner_id, d.order_id, d.order_line_id, d.line_no, d.level, d.kind, d.asset,"
    " d.amount, d.base_minor, d.rule_set_version, d.rule_id, d.status, d.occurred_at, d.explanation::jsonb,"
    " d.review, d.created_at FROM {rows} WHERE {gate}",
)
#: One new id per element of the array given (an array, not a count: `generate_series(1, $n)`
#: would be planned anew on every execution, its row count being the parameter).
_NEW_IDS = "SELECT nextval(pg_get_serial_sequence('commission', 'id')) AS n1 FROM unnest(CAST(? AS int[]))"
_ARRAYS = ("partner_id", "order_line_id", "line_no", "level", "kind", "asset", "amount", "base_minor", "rule_id")
_EXPLANATION = Commission._meta.fields_map["explanation"]


async def _insert_new(merchant_id: int, order_id: int, values: list[dict[str, Any]]) -> list[int] | None:
    """Insert the drafts; their ids in order (None on PostgreSQL when the order had commissions).

    PostgreSQL: the arrays are built straight from the values, already of the columns' types
    (integers, texts, UTC datetimes), and the explanation is encoded by the field's own JSON
    encoder: no per-field ORM conversion on the path every attributed order takes."""
    if current_dialect() == "postgres":
        first = values[0]
        params = [
            merchant_id, order_id, first["rule_set_version"], first["status"], first["occurred_at"],
            first["created_at"], *([row[name] for row in values] for name in _ARRAYS),
            [_EXPLANATION.encoder(row["explanation"]) for row in values], [row["review"] for row in values],
        ]
        inserted = await connection().execute_query_dict(_INSERT_NEW_PG, params)
        return [row["id"] for row in inserted] or None
    inserted = await insert_returning(Commission._meta.db_table, COLUMNS, [db_values(row) for row in values], "id")
    return [row["id"] for row in inserted]


@dataclass(slots=True)
class MonthEarned:
    """What partners earned in a month so far, per kind (`cash`, `points`): in all (`total`, by
    partner) and at each level (`at_level`, by partner and level), for the monthly caps.

    Originals only, pending or available: a canceled or rejected commission was never earned, and
    a refund does not give back room under a cap the original already used."""

    total: defaultdict[int, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    at_level: defaultdict[tuple[int, int], dict[str, int]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, partner_id: int, level: int, kind: str, amount: int) -> None:
        total, at_level = self.total[partner_id], self.at_level[partner_id, level]
        total[kind] = total.get(kind, 0) + amount
        at_level[kind] = at_level.get(kind, 0) + amount


async def _month_facts(
    merchant_id: int, ids: list[int], start: datetime, end: datetime, before: datetime
) -> tuple[MonthEarned, dict[int, int]]:
    """What `ids` earned this month and their net sales before `before`, in one query over both
    domains (referral's part is its relation)."""
    relation, relation_params = month_net_relation(merchant_id, ids, start, before)
    marks = ", ".join("?" * len(ids))
    rows = await connection().execute_query_dict(
        sql(
            "SELECT partner_id, kind, level, SUM(amount) AS total FROM commission WHERE merchant_id = ?"
            f" AND partner_id IN ({marks}) AND reversal_of IS NULL AND status IN (?, ?)"
            " AND occurred_at >= ? AND occurred_at < ? GROUP BY partner_id, kind, level"
            f" UNION ALL SELECT partner_id, 'net', 0, net FROM ({relation}) AS month_net"
        ),
        [merchant_id, *ids, *COUNTING, start, end, *relation_params],
    )
    earned = MonthEarned()
    net: dict[int, int] = {}
    for row in rows:
        if row["kind"] == "net":
            net[row["partner_id"]] = int(row["total"] or 0)
        else:
            earned.add(row["partner_id"], row["level"], row["kind"], int(row["total"] or 0))
    return earned, net


async def month_earned(
    merchant_id: int, partner_ids: list[int] | None, start: datetime, end: datetime
) -> MonthEarned:
    """What partners earned on orders in [start, end), for the monthly caps (`partner_ids` None:
    every partner)."""
    query = Commission.filter(
        merchant_id=merchant_id, reversal_of=None, status__in=COUNTING, occurred_at__gte=start, occurred_at__lt=end
    )
    if partner_ids is not None:
        query = query.filter(partner_id__in=partner_ids)
    rows = await (
        query.annotate(total=Sum("amount"))
        .group_by("partner_id", "kind", "level")
        .values("partner_id", "kind", "level", "total")
    )
    earned = MonthEarned()
    for row in rows:
        earned.add(row["partner_id"], row["level"], row["kind"], int(row["total"] or 0))
    return earned
