"""The money path against a reference ledger: random programs of shop events, releases, payout
batches and bank outcomes, checked after every step.

A hypothesis `RuleBasedStateMachine` drives the real services: shop events are signed and sent
through the ASGI app (order created with a partner code, completed, canceled, refunded by
quantity); the release job is `relay.pipeline.release_commissions` at a clock the program moves;
batches and line outcomes go through `payouts.service.batches` and `payouts.service.lines`.
Beside it, `Reference` is a small in-memory model written from the rules in prose (10 % to the
partner, 2 % to the recruiter, half up; a refund takes back the half-up share of the refunded
units; a batch nets what is available at its cutoff, pays nets from the minimum up, holds
partners without a payee account). After each step the rows, the lines and the ledger buckets
must equal the model's, and the ledger's own invariants must hold.

Hypothesis state machines are synchronous while Tortoise's connections belong to the session
event loop, so the machine runs in a worker thread and hands each coroutine to that loop
(`asyncio.run_coroutine_threadsafe`), which is free: the test awaits the thread.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, ClassVar

import httpx
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from commissions.models import Commission
from core.time import now
from payouts.models import PayoutBatchLine
from payouts.service.batches import approve_batch, create_batch
from payouts.service.lines import Outcome, mark_line
from payouts.service.postings import Balances, partner_balances, unbalanced_transactions
from payouts.service.terms import update_terms
from referral.models import Order
from relay.pipeline import release_commissions
from tests.factories.batches import make_payee
from tests.factories.commissions import publish_rule_set
from tests.factories.events import order_data, send
from tests.factories.merchants import MerchantCtx, make_merchant
from tests.factories.referral import make_partner

RULES = {"rules": [
    {"id": "partner", "level": 1, "reward": {"percent": "10"}},
    {"id": "recruiter", "level": 2, "reward": {"percent": "2"}},
]}
LEVEL_PERCENT = {1: 10, 2: 2}
HOLD = timedelta(days=7)  # the default after-sales hold
MINIMUM = 2000  # the merchant's cash minimum: 20.00 CNY
#: Unit prices in fen: 10 % of a unit lands on either side of the minimum, and on half-fen ties.
PRICES = [1999, 12_345, 33_335, 60_000]
#: Who orders are attributed to: P1 was recruited by R; P2 has no payee account (held).
PARTNERS = ["P1", "P2", "P3"]
RECRUITER_OF = {"P1": "R"}
NO_PAYEE = {"P2"}

SETTINGS = settings(
    max_examples=40, stateful_step_count=30, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up (both non-negative)."""
    return (2 * numerator + denominator) // (2 * denominator)


# --- the reference model ------------------------------------------------------------------------


@dataclass
class Row:
    """A commission or reversal as the model expects it."""

    partner: str
    order: str
    line_no: int
    level: int
    amount: int
    status: str = "pending"
    available_at: datetime | None = None
    batch: int | None = None
    original: Row | None = None


@dataclass
class OrderState:
    partner: str
    lines: list[tuple[int, int]]  #: (quantity, unit price)
    refunded: list[int]  #: units refunded per line
    status: str = "created"
    originals: list[Row] = field(default_factory=list)


@dataclass
class Line:
    batch: int
    partner: str
    status: str
    gross: int


class Reference:
    """The money path in memory, from the rules in prose."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.orders: dict[str, OrderState] = {}
        self.lines: dict[tuple[int, str], Line] = {}

    def create(self, external_id: str, partner: str, lines: list[tuple[int, int]]) -> None:
        order = OrderState(partner, lines, [0] * len(lines))
        for line_no, (quantity, price) in enumerate(lines, start=1):
            net = quantity * price
            for level, beneficiary in ((1, partner), (2, RECRUITER_OF.get(partner))):
                if beneficiary is None:
                    continue
                amount = half_up(net * LEVEL_PERCENT[level], 100)
                if amount:
                    order.originals.append(Row(beneficiary, external_id, line_no, level, amount))
        self.rows += order.originals
        self.orders[external_id] = order

    def complete(self, external_id: str, at: datetime) -> None:
        self.orders[external_id].status = "completed"
        for row in self.rows:
            if row.order == external_id and row.status == "pending" and row.available_at is None:
                row.available_at = at + HOLD

    def cancel(self, external_id: str) -> None:
        self.orders[external_id].status = "canceled"
        for row in self.rows:
            if row.order == external_id and row.status == "pending":
                row.status = "canceled"

    def refund(self, external_id: str, line_no: int, units: int, at: datetime) -> None:
        order = self.orders[external_id]
        quantity = order.lines[line_no - 1][0]
        before = order.refunded[line_no - 1]
        after = before + units
        order.refunded[line_no - 1] = after
        for original in order.originals:
            if original.line_no != line_no or original.status not in ("pending", "available"):
                continue
            amount = half_up(original.amount * before, quantity) - half_up(original.amount * after, quantity)
            if amount == 0:
                continue
            if original.status == "available":
                status, available_at = "available", max(original.available_at or at, at)
            else:
                status, available_at = "pending", original.available_at
            self.rows.append(Row(original.partner, external_id, line_no, original.level, amount, status,
                                 available_at, original=original))

    def release(self, at: datetime) -> None:
        for row in self.rows:
            if row.status == "pending" and row.available_at is not None and row.available_at <= at:
                row.status = "available"

    def approve(self, batch: int, cutoff: datetime, payee: dict[str, bool]) -> None:
        due: dict[str, list[Row]] = defaultdict(list)
        for row in self.rows:
            if row.status == "available" and row.batch is None and row.available_at < cutoff:
                due[row.partner].append(row)
        for partner, rows in due.items():
            net = sum(row.amount for row in rows)
            if net < MINIMUM:
                status = "carried_forward"
            elif not payee[partner]:
                status = "held"
            else:
                status = "open"
                for row in rows:
                    row.batch = batch
            self.lines[(batch, partner)] = Line(batch, partner, status, net)

    def settle(self, batch: int, partner: str, outcome: str) -> None:
        line = self.lines[(batch, partner)]
        line.status = outcome
        if outcome in ("failed", "returned"):
            for row in self.rows:
                if row.batch == batch and row.partner == partner:
                    row.batch = None

    def buckets(self, partner: str) -> dict[str, int]:
        """The ledger buckets the partner should have."""
        counting = [row for row in self.rows if row.partner == partner and row.status in ("pending", "available")]
        lines = [line for line in self.lines.values() if line.partner == partner]
        return {
            "earned": sum(row.amount for row in counting if row.amount > 0),
            "reversed": -sum(row.amount for row in counting if row.amount < 0),
            "pending": sum(row.amount for row in counting if row.status == "pending"),
            "available": sum(row.amount for row in counting if row.status == "available" and row.batch is None),
            "in_batch": sum(line.gross for line in lines if line.status == "open"),
            "paid": sum(line.gross for line in lines if line.status == "paid"),
        }


# --- the machine --------------------------------------------------------------------------------

_webhook_ids = itertools.count(1)


class MoneyPath(RuleBasedStateMachine):
    """One example: a fresh merchant, four partners, a published rule set, and a moving clock."""

    loop: ClassVar[asyncio.AbstractEventLoop]
    client: ClassVar[httpx.AsyncClient]

    def __init__(self) -> None:
        super().__init__()
        self.model = Reference()
        self.clock = now().replace(microsecond=0)
        self.order_ids: dict[str, int] = {}
        self.batches: dict[datetime, int] = {}
        self.sequence = itertools.count(1)
        self.merchant, self.partner_ids = self.run(self._set_up())
        self.names = {partner_id: name for name, partner_id in self.partner_ids.items()}

    def run(self, awaitable: Any) -> Any:
        """Await `awaitable` on the session loop (where Tortoise's connections live)."""
        return asyncio.run_coroutine_threadsafe(_awaited(awaitable), self.loop).result(timeout=120)

    async def _set_up(self) -> tuple[MerchantCtx, dict[str, int]]:
        m = await make_merchant()
        recruiter = await make_payee(m.id, display_name="R")
        partners = {
            "R": recruiter,
            "P1": await make_payee(m.id, display_name="P1", recruiter_id=recruiter.id),
            "P2": await make_partner(m.id, display_name="P2"),
            "P3": await make_payee(m.id, display_name="P3"),
        }
        self.codes = {name: partner.code for name, partner in partners.items()}
        await publish_rule_set(m.id, RULES)
        await update_terms(m.id, minimums={"CNY": MINIMUM})
        return m, {name: partner.id for name, partner in partners.items()}

    def send(self, event_type: str, data: dict[str, Any]) -> dict[str, Any]:
        response = self.run(send(self.client, self.merchant, event_type, data,
                                 webhook_id=f"msg_model_{next(_webhook_ids)}"))
        assert response.status_code == 200, response.text
        return response.json()

    def _pick(self, candidates: list[Any], pick: int) -> Any:
        return sorted(candidates)[pick % len(candidates)]

    # -- which orders and lines a rule may touch

    def _open_orders(self) -> list[str]:
        return [key for key, order in self.model.orders.items() if order.status == "created"]

    def _refundable(self) -> list[tuple[str, int]]:
        return [
            (key, line_no)
            for key, order in self.model.orders.items() if order.status != "canceled"
            for line_no, ((quantity, _), refunded) in enumerate(zip(order.lines, order.refunded, strict=True), 1)
            if refunded < quantity
        ]

    def _lines(self, status: str) -> list[tuple[int, str]]:
        return [key for key, line in self.model.lines.items() if line.status == status]

    # -- rules

    @rule(partner=st.sampled_from(PARTNERS),
          lines=st.lists(st.tuples(st.integers(1, 4), st.sampled_from(PRICES)), min_size=1, max_size=2),
          completed=st.booleans())
    def create_order(self, partner: str, lines: list[tuple[int, int]], completed: bool) -> None:
        """A shop order with the partner's code; `completed`: it completes at once (a store sale)."""
        external_id = f"SO-{next(self.sequence)}"
        data = order_data(external_id, occurred_at=self.clock.isoformat(), partner_code=self.codes[partner], lines=[
            {"sku": f"SKU-{n}", "category": "tea", "quantity": quantity, "unit_price": price}
            for n, (quantity, price) in enumerate(lines, start=1)
        ])
        reply = self.send("order.created", data)
        assert reply["order"]["attribution"]["partner_id"] == self.partner_ids[partner]
        order = self.run(Order.get(merchant_id=self.merchant.id, external_id=external_id))
        self.order_ids[external_id] = order.id
        self.model.create(external_id, partner, lines)
        if completed:
            self._complete(external_id)

    @precondition(lambda self: self._open_orders())
    @rule(pick=st.integers(0, 1000))
    def complete_order(self, pick: int) -> None:
        self._complete(self._pick(self._open_orders(), pick))

    def _complete(self, external_id: str) -> None:
        self.send("order.completed", {"external_id": external_id, "occurred_at": self.clock.isoformat()})
        self.model.complete(external_id, self.clock)

    @precondition(lambda self: self._open_orders())
    @rule(pick=st.integers(0, 1000))
    def cancel_order(self, pick: int) -> None:
        external_id = self._pick(self._open_orders(), pick)
        self.send("order.canceled", {"external_id": external_id, "occurred_at": self.clock.isoformat()})
        self.model.cancel(external_id)

    @precondition(lambda self: self._refundable())
    @rule(pick=st.integers(0, 1000), units=st.one_of(st.just(None), st.integers(1, 3)))
    def refund(self, pick: int, units: int | None) -> None:
        """Refund some units of a line, or (None) all that is left of it."""
        external_id, line_no = self._pick(self._refundable(), pick)
        order = self.model.orders[external_id]
        left = order.lines[line_no - 1][0] - order.refunded[line_no - 1]
        units = left if units is None else min(units, left)
        self.send("order.refunded", {
            "external_id": external_id, "refund_id": f"R{next(self.sequence)}", "occurred_at": self.clock.isoformat(),
            "lines": [{"sku": f"SKU-{line_no}", "quantity": units}],
        })
        self.model.refund(external_id, line_no, units, self.clock)

    @rule(days=st.sampled_from([0, 1, 6, 7, 8, 15]))
    def release(self, days: int) -> None:
        self.clock += timedelta(days=days)
        self.run(release_commissions(self.clock))
        self.model.release(self.clock)

    @rule(days=st.sampled_from([0, 8]))
    def pay_out(self, days: int) -> None:
        """The release job runs `days` later, then the cash batch at that instant is created and
        approved (at a cutoff already used: the same batch, approving it again changes nothing)."""
        self.release(days)
        cutoff = self.clock
        batch, created = self.run(create_batch(self.merchant.id, "CNY", cutoff, created_by="model"))
        assert created == (cutoff not in self.batches)
        self.run(approve_batch(self.merchant.id, batch.id, approved_by="model", expected=None))
        if created:
            self.batches[cutoff] = batch.id
            payee = {name: name not in NO_PAYEE for name in self.partner_ids}
            self.model.approve(batch.id, cutoff, payee)

    @precondition(lambda self: self._lines("open"))
    @rule(pick=st.integers(0, 1000), outcome=st.sampled_from([Outcome.paid, Outcome.failed]))
    def bank_answers(self, pick: int, outcome: Outcome) -> None:
        self._settle(self._pick(self._lines("open"), pick), outcome)

    @precondition(lambda self: self._lines("paid"))
    @rule(pick=st.integers(0, 1000))
    def money_comes_back(self, pick: int) -> None:
        self._settle(self._pick(self._lines("paid"), pick), Outcome.returned)

    def _settle(self, key: tuple[int, str], outcome: Outcome) -> None:
        batch_id, partner = key
        line = self.run(PayoutBatchLine.get(
            merchant_id=self.merchant.id, batch_id=batch_id, partner_id=self.partner_ids[partner]
        ))
        reason = None if outcome == Outcome.paid else "account closed"
        self.run(mark_line(self.merchant.id, batch_id, line.id, outcome, reason))
        self.model.settle(batch_id, partner, outcome.value)

    # -- after every step

    @invariant()
    def the_service_agrees_with_the_model_and_the_ledger_holds(self) -> None:
        self.run(self._check())

    async def _check(self) -> None:
        m = self.merchant.id
        assert await unbalanced_transactions(m) == []
        rows = await Commission.filter(merchant_id=m).order_by("id")
        lines = await PayoutBatchLine.filter(merchant_id=m)
        order_of = {order_id: key for key, order_id in self.order_ids.items()}

        # The rows, as a multiset: who, which line and level, how much, where they stand.
        def stamp(at: datetime | None) -> int | None:
            return None if at is None else int(at.timestamp())

        actual = Counter(
            (self.names[r.partner_id], order_of[r.order_id], r.line_no, r.level, r.amount, r.status,
             stamp(r.available_at), r.payout_batch_id)
            for r in rows
        )
        expected = Counter(
            (r.partner, r.order, r.line_no, r.level, r.amount, r.status, stamp(r.available_at), r.batch)
            for r in self.model.rows
        )
        assert actual == expected, (actual - expected, expected - actual)

        # The lines: one per batch and partner, as the model decided them.
        assert all(n == 1 for n in Counter((line.batch_id, line.partner_id) for line in lines).values())
        assert {
            (line.batch_id, self.names[line.partner_id]): (line.status, line.gross_minor) for line in lines
        } == {key: (line.status, line.gross) for key, line in self.model.lines.items()}

        # A line sent to the bank is positive, at least the minimum, and exactly what it claims;
        # any other line claims nothing (so nothing is in two batches or paid twice).
        claimed: dict[tuple[int, int], list[int]] = defaultdict(list)
        for r in rows:
            if r.payout_batch_id is not None:
                claimed[(r.payout_batch_id, r.partner_id)].append(r.amount)
        for line in lines:
            held = claimed.pop((line.batch_id, line.partner_id), [])
            if line.status in ("open", "paid"):
                assert line.gross_minor >= MINIMUM and line.net_minor == line.gross_minor
                assert (sum(held), len(held)) == (line.gross_minor, line.commission_count)
            else:
                assert held == [], (line.status, held)
        assert claimed == {}, f"rows claimed by no open or paid line: {claimed}"

        # The ledger, per partner: the model's buckets, and owed + paid = what still counts.
        for name, partner_id in self.partner_ids.items():
            balance = (await partner_balances(m, partner_id)).get("CNY", Balances())
            got = {key: getattr(balance, key) for key in ("earned", "reversed", "pending", "available",
                                                          "in_batch", "paid")}
            assert got == self.model.buckets(name), name
            counting = sum(r.amount for r in rows if r.partner_id == partner_id and r.status in ("pending", "available"))
            assert balance.paid + balance.available + balance.pending + balance.in_batch == counting
            assert (balance.withheld, balance.wallet) == (0, 0)


async def _awaited(awaitable: Any) -> Any:
    return await awaitable


async def test_random_programs_of_the_money_path_agree_with_the_reference_ledger(client):
    MoneyPath.loop = asyncio.get_running_loop()
    MoneyPath.client = client
    await asyncio.to_thread(run_state_machine_as_test, MoneyPath, settings=SETTINGS)
