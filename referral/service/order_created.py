"""order.created, the hot path: attribute a new order from one query of facts and decide what
it writes (its row with its lines' net amounts, and the customer's binding when that is the rule).

`plan_order` reads and decides, writing nothing: a `NewOrder` (or, for an order reported
before, its stored outcome). On PostgreSQL its ids come with the facts, so the order is known
whole before it is written and its rows join the event's write plan (`NewOrder.rows`: the plan's
gate; relay/pipeline.py writes it). `write_order` writes a `NewOrder` in the caller's transaction
(SQLite: its ids come back from the INSERTs); `create_order` is the two in turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC
from typing import Any

from accounts.errors import MerchantNotFound
from core.db import connection
from core.sql import dollar, instant
from core.time import now
from core.write_plan import Rows
from referral import amounts
from referral.attribution import (
    BindingFacts,
    ClickFacts,
    Decision,
    Model,
    PartnerFacts,
    Rules,
    Touches,
    decide,
)
from referral.errors import OrderConflict
from referral.models import Order, OrderStatus
from referral.service import clicks, order_sql, order_views, partners
from referral.service.clicks import PendingClick
from referral.service.earners import earners_of
from referral.service.order_inputs import OrderInput
from referral.service.order_views import (
    AttributionView,
    LineView,
    OrderOutcome,
    OrderView,
)
from referral.service.sales import RulePartner


@dataclass(frozen=True, slots=True)
class NewOrder:
    """A new order decided, not written: its row's values, its lines, the binding it makes and
    the view it will be (ids 0 until known; on PostgreSQL `ids` were taken with the facts)."""

    input: OrderInput
    content_hash: str
    values: list[Any]  #: shop_order's columns (`order_sql._ORDER_COLUMNS`), its id aside
    lines: list[tuple[Any, ...]]  #: order_line's columns from line_no on, one tuple per line
    view: OrderView
    #: customer_binding's (merchant_id, customer_ref, partner_id, bound_at, expires_at), if one is made
    binding: tuple[Any, ...] | None
    #: the order's id and its lines' (in line_no order), taken from their sequences (PostgreSQL)
    ids: tuple[int, tuple[int, ...]] | None = None

    def outcome(self) -> OrderOutcome:
        """What the order is once written under `ids`."""
        if self.ids is None:
            raise ValueError("the order's ids are known once it is written")
        order_id, line_ids = self.ids
        return _created(self, order_id, dict(zip((line[0] for line in self.lines), line_ids, strict=True)))

    def rows(self) -> tuple[Rows, tuple[Rows, ...]]:
        """Its rows for the event's write plan (under `ids`): the order (the plan's gate), then
        its lines and binding, written only with it."""
        if self.ids is None:
            raise ValueError("a write plan needs the order's ids")
        order_id, line_ids = self.ids
        merchant_id = self.values[0]
        parts = [Rows.of(order_sql.NEW_LINES, [
            (line_id, merchant_id, order_id, *line) for line_id, line in zip(line_ids, self.lines, strict=True)
        ])]
        if self.binding is not None:
            parts.append(Rows.of(order_sql.NEW_BINDING, [self.binding]))
        return Rows.of(order_sql.NEW_ORDER, [(order_id, *self.values)]), tuple(parts)


async def create_order(
    merchant_id: int, order: OrderInput, *, queued_clicks: Sequence[PendingClick] = ()
) -> OrderOutcome:
    """Record a new order with its lines' net amounts and its attribution (binding the customer
    when that is the rule), in the caller's transaction: `plan_order`, then `write_order`. The
    same order reported again answers the stored one (`applied` false); the same external id
    with other content is `OrderConflict`."""
    made = await plan_order(merchant_id, order, queued_clicks=queued_clicks, take_ids=False)
    if isinstance(made, OrderOutcome):
        return made
    return await write_order(merchant_id, made)


async def plan_order(
    merchant_id: int, order: OrderInput, *, queued_clicks: Sequence[PendingClick] = (), take_ids: bool
) -> NewOrder | OrderOutcome:
    """Attribute a new order and decide its rows, writing nothing; or, for an order reported
    before with the same content, its stored outcome (`applied` false). The same external id
    with other content is `OrderConflict`.

    `queued_clicks` are clicks the redirect has decided but not yet written (this process's
    `ClickRecorder.pending()`), so an order right after its click is still attributed. One
    query of facts (more only for clicks still queued, or the first-click model). `take_ids`
    (PostgreSQL): the order's and its lines' ids are taken from their sequences with the facts.
    """
    db = connection()
    if order.occurred_at.utcoffset():
        # Timestamps go to SQL in UTC: SQLite compares the stored ISO text, which is always UTC.
        order = replace(order, occurred_at=order.occurred_at.astimezone(UTC))
    content_hash = order.content_hash()
    params = {
        "merchant": merchant_id,
        "external_id": order.external_id,
        "code": partners.normalize_code(order.partner_code) if order.partner_code else None,
        "customer": order.customer_ref,
        "click": order.click_id,
        "visitor": order.visitor_id,
        "at": order.occurred_at,
        "lines": len(order.lines),
    }
    branches = ("merchant", "order") + tuple(
        branch
        for branch, needs in (
            ("code", "code"), ("binding", "customer"), ("attributed_before", "customer"),
            ("click", "click"), ("visit", "visitor"),
        )
        if params[needs] is not None
    ) + (("order_id", "line_ids") if take_ids else ())
    sql, names = order_sql.facts_query(db.capabilities.dialect, branches)
    found = await db.execute_query_dict(sql, [params[name] for name in names])
    facts = {row["fact"]: row for row in found}
    if "merchant" not in facts:
        raise MerchantNotFound(merchant_id)
    if "order" in facts:
        existing = facts["order"]
        return await _already_created(merchant_id, order, existing["n1"], existing["t1"] == content_hash)

    merchant = facts["merchant"]
    rules = Rules(
        window_days=merchant["n1"],
        model=Model(merchant["t1"]),
        binding_days=merchant["n2"],
        allow_self_referral=bool(merchant["flag"]),
    )
    binding, click, visit = facts.get("binding"), facts.get("click"), facts.get("visit")
    touches = Touches(
        occurred_at=order.occurred_at,
        customer_ref=order.customer_ref,
        partner_code=order.partner_code,
        code_partner=_partner(facts.get("code")),
        binding=BindingFacts(_partner(binding), instant(binding["at1"]), instant(binding["at2"]))
        if binding else None,
        click_id=order.click_id,
        click=_click(click),
        visitor_clicks=(_click(visit),) if visit else (),
        has_attributed_order="attributed_before" in facts,
    )
    touches = await _with_clicks_not_in_the_table(merchant_id, order, rules, touches, queued_clicks)
    decision = decide(rules, touches)
    # Every fact about a partner carries what commissions evaluate on them and their recruiter.
    read = next((row for row in found if row["partner"] is not None and row["partner"] == decision.partner_id), None)
    made = _made(merchant_id, order, content_hash, decision, earners_of(read) if read else ())
    if take_ids:
        line_ids = tuple(sorted(row["n1"] for row in found if row["fact"] == "line_id"))
        made = replace(made, ids=(facts["order_id"]["n1"], line_ids))
    return made


async def write_order(merchant_id: int, made: NewOrder) -> OrderOutcome:
    """Write a planned order (its ids from the INSERTs) and its binding, in the caller's
    transaction; when another delivery created the order since it was planned, that one's
    outcome (`applied` false) or `OrderConflict`."""
    db = connection()
    inserted = await order_sql.insert_order_rows(db, merchant_id, made.values, made.lines)
    if inserted is None:
        return await _created_meanwhile(merchant_id, made)
    if made.binding is not None:
        await db.execute_query(dollar(order_sql.BINDING_SQL), list(made.binding))
    return _created(made, *inserted)


async def _with_clicks_not_in_the_table(
    merchant_id: int, order: OrderInput, rules: Rules, touches: Touches, queued: Sequence[PendingClick]
) -> Touches:
    """Add the clicks the facts query cannot see: those still queued in this process, and, for
    the first-click model, the visitor's first click inside the window."""
    at = order.occurred_at
    found: list[clicks.ClickInfo] = [
        c.info() for c in queued
        if c.merchant_id == merchant_id and c.occurred_at <= at
        and (c.id == order.click_id or (order.visitor_id is not None and c.visitor_id == order.visitor_id))
    ]
    if rules.model == Model.first_click and order.visitor_id:
        first = await clicks.last_click(merchant_id, order.visitor_id, rules.window_start(at), first=True)
        if first is not None and first.occurred_at <= at:
            found.append(first)
    if not found:
        return touches
    people: dict[int, PartnerFacts] = {}
    for partner_id in {c.partner_id for c in found}:
        info = await partners.get_partner(merchant_id, partner_id)
        people[partner_id] = PartnerFacts(info.id, info.status, info.customer_ref)
    facts = [ClickFacts(c.id, people[c.partner_id], c.link_id, c.scene, c.occurred_at, c.is_bot) for c in found]
    by_id = next((c for c in facts if c.id == order.click_id), None)
    visits = tuple(
        c for c, info in zip(facts, found, strict=True) if info.visitor_id == order.visitor_id and not c.is_bot
    )
    return replace(touches, click=touches.click or by_id, visitor_clicks=touches.visitor_clicks + visits)


def _made(
    merchant_id: int, order: OrderInput, content_hash: str, decision: Decision, earners: tuple[RulePartner, ...]
) -> NewOrder:
    nets = amounts.line_nets([(line.quantity, line.unit_price_minor) for line in order.lines], order.discount_minor)
    subtotal = sum(n.gross_minor for n in nets)
    click = decision.click
    values = [
        merchant_id, order.external_id, order.customer_ref, order.currency, order.channel, order.store_id,
        order.occurred_at, subtotal, order.discount_minor, subtotal - order.discount_minor,
        OrderStatus.created.value, decision.partner_id, decision.reason.value,
        click.id if click else None, click.link_id if click else None, click.scene if click else None,
        decision.is_first_order, content_hash, order.visitor_id, order.partner_code, now(),
    ]
    lines = [
        (line_no, line.sku, line.category, line.quantity, line.unit_price_minor, net.gross_minor,
         net.discount_minor, net.net_minor)
        for line_no, (line, net) in enumerate(zip(order.lines, nets, strict=True), start=1)
    ]
    view = OrderView(
        id=0,
        external_id=order.external_id,
        status=OrderStatus.created.value,
        customer_ref=order.customer_ref,
        currency=order.currency,
        channel=order.channel,
        store_id=order.store_id,
        occurred_at=order.occurred_at,
        subtotal_minor=subtotal,
        discount_minor=order.discount_minor,
        total_minor=subtotal - order.discount_minor,
        completed_at=None,
        canceled_at=None,
        attribution=AttributionView(
            partner_id=decision.partner_id,
            reason=decision.reason.value,
            click_id=click.id if click else None,
            link_id=click.link_id if click else None,
            scene=click.scene if click else None,
            is_first_order=decision.is_first_order,
            earners=earners,
        ),
        lines=tuple(
            LineView(0, no, line.sku, line.category, line.quantity, line.unit_price_minor,
                     net.gross_minor, net.discount_minor, net.net_minor)
            for no, (line, net) in enumerate(zip(order.lines, nets, strict=True), start=1)
        ),
    )
    binds = decision.binds
    binding = (
        (merchant_id, order.customer_ref, binds.partner_id, binds.bound_at, binds.expires_at)
        if binds is not None else None
    )
    return NewOrder(order, content_hash, values, lines, view, binding)


def _created(made: NewOrder, order_id: int, line_ids: dict[int, int]) -> OrderOutcome:
    lines = tuple(replace(line, id=line_ids[line.line_no]) for line in made.view.lines)
    return OrderOutcome("created", True, replace(made.view, id=order_id, lines=lines))


async def _created_meanwhile(merchant_id: int, made: NewOrder) -> OrderOutcome:
    """Another delivery created the order since the facts were read; it committed first."""
    existing = await Order.get(merchant_id=merchant_id, external_id=made.input.external_id)
    return await _already_created(merchant_id, made.input, existing.id, existing.content_hash == made.content_hash)


async def _already_created(merchant_id: int, order: OrderInput, order_id: int, same: bool) -> OrderOutcome:
    if not same:
        raise OrderConflict(order.external_id)
    row = await Order.get(merchant_id=merchant_id, id=order_id)
    return OrderOutcome("created", False, await order_views.order_view(row))


# --- rows of hand-written SQL -------------------------------------------------------------------


def _partner(row: dict[str, Any] | None) -> PartnerFacts | None:
    return None if row is None else PartnerFacts(row["partner"], row["status"], row["customer"])


def _click(row: dict[str, Any] | None) -> ClickFacts | None:
    if row is None:
        return None
    return ClickFacts(row["t1"], _partner(row), row["n1"], row["t2"], instant(row["at1"]), bool(row["flag"]))
