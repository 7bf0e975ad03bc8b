"""order.created, the hot path: attribute a new order from one query of facts and record it
with its lines' net amounts (binding the customer when that is the rule).

It runs inside the caller's transaction (relay/shop_events.py opens it) or, on PostgreSQL, its
write batch (`core.write_batch`: the order, its lines and the event's receipt are the batch's
first parts), so whatever consumes its outcome (commissions) commits or rolls back with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC
from typing import Any

from tortoise.exceptions import IntegrityError

from accounts.errors import MerchantNotFound
from accounts.service.receipts import AlreadyReceived, PendingReceipt
from core import write_batch
from core.db import connection
from core.sql import dollar, instant
from core.time import now
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


async def create_order(
    merchant_id: int, order: OrderInput, *, queued_clicks: Sequence[PendingClick] = (),
    receipt: PendingReceipt | None = None,
) -> OrderOutcome:
    """Record a new order with its lines' net amounts and its attribution (binding the customer
    when that is the rule). The same order reported again answers the stored one
    (`applied` false); the same external id with other content is `OrderConflict`.

    `queued_clicks` are clicks the redirect has decided but not yet written (this process's
    `ClickRecorder.pending()`), so an order right after its click is still attributed.
    Two statements on PostgreSQL (the facts, with the new order's ids; the order with its lines
    and, given a `receipt`, the event's receipt: `AlreadyReceived` when its webhook-id has one),
    three on SQLite (the receipt is left to the caller), one more when a binding is made. In a
    write batch (`core.write_batch`, PostgreSQL) the facts are the only statement: the order,
    its lines, receipt and binding are the batch's first parts, written when it is flushed
    (the outcome then says `applied` on the condition that the flush writes the gate's row).
    """
    db = connection()
    dialect = db.capabilities.dialect
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
    ) + (("order_id", "line_ids") if dialect == "postgres" else ())
    sql, names = order_sql.facts_query(dialect, branches)
    rows = await db.execute_query_dict(sql, [params[name] for name in names])
    facts = {row["fact"]: row for row in rows}
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
    read = next((row for row in rows if row["partner"] is not None and row["partner"] == decision.partner_id), None)
    made = _made(merchant_id, order, content_hash, decision, earners_of(read) if read else ())
    if "order_id" in facts:
        line_ids = sorted(row["n1"] for row in rows if row["fact"] == "line_id")
        outcome = await _insert_with_ids(db, merchant_id, made, facts["order_id"]["n1"], line_ids, receipt)
    else:
        outcome = await _insert_order(db, merchant_id, made)
    if outcome.applied and decision.binds is not None:
        binds = decision.binds
        params = [merchant_id, order.customer_ref, binds.partner_id, binds.bound_at, binds.expires_at]
        if (batch := write_batch.current()) is not None:
            batch.add("new_binding", order_sql.BINDING_PART, params)
        else:
            await db.execute_query(dollar(order_sql.BINDING_SQL), params)
    return outcome


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


@dataclass(frozen=True, slots=True)
class _NewOrder:
    """A new order as it will be written: its row's values, its lines and the view without ids."""

    input: OrderInput
    content_hash: str
    values: list[Any]  #: shop_order's columns (`order_sql._ORDER_COLUMNS`), its id aside
    lines: list[tuple[Any, ...]]  #: order_line's columns from line_no on, one tuple per line
    view: OrderView  #: id 0 and line ids 0 until they are known


def _made(
    merchant_id: int, order: OrderInput, content_hash: str, decision: Decision, earners: tuple[RulePartner, ...]
) -> _NewOrder:
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
    return _NewOrder(order, content_hash, values, lines, view)


def _created(made: _NewOrder, order_id: int, line_ids: dict[int, int]) -> OrderOutcome:
    lines = tuple(replace(line, id=line_ids[line.line_no]) for line in made.view.lines)
    return OrderOutcome("created", True, replace(made.view, id=order_id, lines=lines))


async def _insert_with_ids(
    db: Any, merchant_id: int, made: _NewOrder, order_id: int, line_ids: list[int], receipt: PendingReceipt | None
) -> OrderOutcome:
    """PostgreSQL: the order under the ids read with its facts, its answer made first so that
    the receipt is written by the same statement."""
    outcome = _created(made, order_id, {line[0]: line_id for line, line_id in zip(made.lines, line_ids, strict=True)})
    reply = receipt.reply_to(outcome) if receipt is not None else None
    try:
        inserted = await order_sql.insert_order_with_ids(
            db, order_id, made.values, made.lines, line_ids,
            receipt.params(reply) if receipt is not None and reply is not None else None,
        )
    except IntegrityError as error:
        if receipt is None or not order_sql.is_receipt_conflict(error):
            raise
        raise AlreadyReceived(receipt.webhook_id) from None
    if not inserted:
        return await _created_meanwhile(merchant_id, made)
    if receipt is not None:
        receipt.written = reply
    return outcome


async def _insert_order(db: Any, merchant_id: int, made: _NewOrder) -> OrderOutcome:
    """SQLite: the order, then its lines; their ids come back."""
    inserted = await order_sql.insert_order_rows(db, merchant_id, made.values, made.lines)
    if inserted is None:
        return await _created_meanwhile(merchant_id, made)
    return _created(made, *inserted)


async def _created_meanwhile(merchant_id: int, made: _NewOrder) -> OrderOutcome:
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
