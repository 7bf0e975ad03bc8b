"""Orders reported by the shop: created (and attributed), completed, canceled, refunded; and read back.

The four event use cases run inside the caller's transaction (`relay/shop_events.py`
opens it) or, for a new order on PostgreSQL, its write batch (`core.write_batch`: the writes
are one statement), so whatever consumes their outcome (commissions) commits or rolls back
with them. Each returns a frozen outcome saying exactly what happened, with `applied` false
when the event changed nothing (the same order or refund reported again).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from core import write_batch
from core.db import connection
from core.errors import InvalidInput
from core.money import format_major
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
from referral.errors import (
    MerchantNotFound,
    OrderConflict,
    OrderNotFound,
    OrderStateRefused,
    RefundConflict,
    RefundRefused,
    UnknownOrder,
)
from referral.models import Order, OrderLine, OrderStatus, Refund, RefundLine
from referral.service import clicks, order_sql, order_views, partners, settings
from referral.service.clicks import PendingClick
from referral.service.earners import earners_of
from referral.service.order_views import (
    AttributionView,
    LineView,
    OrderDetail,
    OrderOutcome,
    OrderPage,
    OrderView,
    RefundLineView,
    RefundOutcome,
    RefundView,
)
from referral.service.receipts import AlreadyReceived, PendingReceipt
from referral.service.sales import RulePartner

# --- what the shop sends (parsed and validated by referral/schemas/orders.py) ----------------


@dataclass(frozen=True, slots=True)
class LineInput:
    sku: str
    category: str
    quantity: int
    unit_price_minor: int


@dataclass(frozen=True, slots=True)
class OrderInput:
    external_id: str
    occurred_at: datetime
    currency: str
    channel: str
    lines: tuple[LineInput, ...]
    discount_minor: int = 0
    customer_ref: str | None = None
    store_id: str | None = None
    click_id: str | None = None
    visitor_id: str | None = None
    partner_code: str | None = None

    def content_hash(self) -> str:
        return _digest([
            self.external_id, self.occurred_at.isoformat(), self.currency, self.channel,
            [[line.sku, line.category, line.quantity, line.unit_price_minor] for line in self.lines],
            self.discount_minor, self.customer_ref, self.store_id, self.click_id, self.visitor_id, self.partner_code,
        ])


@dataclass(frozen=True, slots=True)
class StatusChange:
    """order.completed or order.canceled."""

    external_id: str
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class RefundInput:
    """order.refunded: by `lines` (sku, quantity) or by `amount_minor`, never both."""

    external_id: str
    refund_id: str
    occurred_at: datetime
    lines: tuple[tuple[str, int], ...] | None = None
    amount_minor: int | None = None

    def content_hash(self) -> str:
        return _digest([
            self.external_id, self.refund_id, self.occurred_at.isoformat(),
            None if self.lines is None else [list(line) for line in self.lines], self.amount_minor,
        ])


def _digest(canonical: list[Any]) -> str:
    """What tells the same event from a different one sent under the same id."""
    return hashlib.sha256(json.dumps(canonical, separators=(",", ":")).encode()).hexdigest()


# --- order.created: the hot path -----------------------------------------------------------------

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


# --- order.completed / order.canceled ---------------------------------------------------------------


async def complete_order(merchant_id: int, change: StatusChange) -> OrderOutcome:
    """created -> completed (the after-sales hold starts at `occurred_at`). Completing it again
    changes nothing; a canceled order cannot be completed."""
    row = await _locked(merchant_id, change.external_id)
    if row.status == OrderStatus.canceled.value:
        raise OrderStateRefused(row.external_id, row.status, "completed")
    applied = row.status == OrderStatus.created.value
    if applied:
        row.status, row.completed_at = OrderStatus.completed.value, change.occurred_at
        await row.save(update_fields=["status", "completed_at"])
    return OrderOutcome("completed", applied, await order_views.order_view(row))


async def cancel_order(merchant_id: int, change: StatusChange) -> OrderOutcome:
    """created -> canceled (its commissions become void). A completed order is refunded, not
    canceled; canceling it again changes nothing."""
    row = await _locked(merchant_id, change.external_id)
    if row.status == OrderStatus.completed.value:
        raise OrderStateRefused(row.external_id, row.status, "canceled (refund it instead)")
    applied = row.status == OrderStatus.created.value
    if applied:
        row.status, row.canceled_at = OrderStatus.canceled.value, change.occurred_at
        await row.save(update_fields=["status", "canceled_at"])
    return OrderOutcome("canceled", applied, await order_views.order_view(row))


async def _locked(merchant_id: int, external_id: str) -> Order:
    """The order, locked until the transaction ends (PostgreSQL), so events on one order queue up."""
    row = await Order.filter(merchant_id=merchant_id, external_id=external_id).select_for_update().first()
    if row is None:
        raise UnknownOrder(external_id)
    return row


# --- order.refunded ---------------------------------------------------------------------------------

async def refund_order(merchant_id: int, refund: RefundInput) -> RefundOutcome:
    """Record a refund, by lines and quantities or by an amount, split over the order's lines.

    By quantity, a line's refunded net is cumulative (``net × refunded units / quantity``),
    so returning every unit refunds exactly its net; by amount, the amount is split over the
    lines in proportion to what each has left. Nothing beyond what is left can be refunded.
    The same refund id reported again answers the stored refund; with other content it is
    `RefundConflict`.
    """
    order = await _locked(merchant_id, refund.external_id)
    content_hash = refund.content_hash()
    existing = await Refund.get_or_none(merchant_id=merchant_id, order_id=order.id, external_id=refund.refund_id)
    if existing is not None:
        if existing.content_hash != content_hash:
            raise RefundConflict(order.external_id, refund.refund_id)
        view = await order_views.order_view(order)
        return RefundOutcome(False, view, (await order_views.refund_views(merchant_id, [existing], view.lines))[0])
    if order.status == OrderStatus.canceled.value:
        raise OrderStateRefused(order.external_id, order.status, "refunded")

    db = connection()
    rows = await db.execute_query_dict(dollar(order_sql.REFUNDABLE_SQL), [merchant_id, order.id])
    lines = {
        r["sku"]: (r["id"], amounts.RefundableLine(
            r["quantity"], r["net_minor"], int(r["refunded_quantity"]), int(r["refunded_minor"])
        ))
        for r in rows
    }
    parts: list[tuple[int, int, int]] = []  # (order_line_id, units, amount_minor)
    if refund.lines is not None:
        for index, (sku, units) in enumerate(refund.lines):
            if sku not in lines:
                raise RefundRefused(f"data.lines.{index}.sku", f"order {order.external_id!r} has no line {sku!r}")
            line_id, line = lines[sku]
            if units > line.quantity_left:
                raise RefundRefused(
                    f"data.lines.{index}.quantity",
                    f"only {line.quantity_left} of {line.quantity} unit(s) of {sku!r} are left to refund",
                )
            parts.append((line_id, units, amounts.refund_for_quantity(line, units)))
    else:
        assert refund.amount_minor is not None
        left = sum(line.net_left for _, line in lines.values())
        if refund.amount_minor > left:
            raise RefundRefused(
                "data.amount", f"only {format_major(left, order.currency)} {order.currency} is left to refund"
            )
        split = amounts.refund_for_amount([line for _, line in lines.values()], refund.amount_minor)
        parts = [(line_id, 0, part) for (line_id, _), part in zip(lines.values(), split, strict=True) if part]

    row = await Refund.create(
        merchant_id=merchant_id, order_id=order.id, external_id=refund.refund_id,
        amount_minor=sum(p[2] for p in parts), occurred_at=refund.occurred_at, content_hash=content_hash,
    )
    await RefundLine.bulk_create(
        [RefundLine(merchant_id=merchant_id, refund_id=row.id, order_line_id=line_id, quantity=units, amount_minor=amount)
         for line_id, units, amount in parts]
    )
    view = await order_views.order_view(order)
    by_id = {line.id: line for line in view.lines}
    refund_view = RefundView(
        row.id, row.external_id, row.amount_minor, row.occurred_at,
        tuple(RefundLineView(i, by_id[i].line_no, by_id[i].sku, q, a) for i, q, a in parts),
    )
    return RefundOutcome(True, view, refund_view)


# --- reading ------------------------------------------------------------------------------------------


async def get_order(merchant_id: int, external_id: str) -> OrderDetail:
    """An order with its lines, refunds and attribution; `OrderNotFound` (404) otherwise."""
    row = await Order.get_or_none(merchant_id=merchant_id, external_id=external_id)
    if row is None:
        raise OrderNotFound(external_id)
    view = await order_views.order_view(row)
    refunds = await order_views.refund_views(
        merchant_id, await Refund.filter(merchant_id=merchant_id, order_id=row.id).order_by("id"), view.lines
    )
    return OrderDetail(view, tuple(refunds), sum(r.amount_minor for r in refunds))


async def list_orders(
    merchant_id: int,
    *,
    first_day: date | None = None,
    last_day: date | None = None,
    partner_id: int | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> OrderPage:
    """Orders placed from `first_day` to `last_day` (included, in the merchant's time zone),
    newest first, optionally of one partner; `cursor` continues from a previous page."""
    start, end = await settings.day_bounds(merchant_id, first_day, last_day)
    query = Order.filter(merchant_id=merchant_id)
    # In UTC: on SQLite the ORM compares the stored ISO text as it is, and that text is UTC.
    if start is not None:
        query = query.filter(occurred_at__gte=start.astimezone(UTC))
    if end is not None:
        query = query.filter(occurred_at__lt=end.astimezone(UTC))
    if partner_id is not None:
        query = query.filter(partner_id=partner_id)
    if cursor is not None:
        at, last_id = _read_cursor(cursor)
        # (Tortoise's .exclude(a=.., b=..) means NOT a AND NOT b, hence the explicit Q.)
        query = query.filter(Q(occurred_at__lt=at) | Q(occurred_at=at, id__lt=last_id))
    rows = await query.order_by("-occurred_at", "-id").limit(limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    lines = await OrderLine.filter(merchant_id=merchant_id, order_id__in=[r.id for r in rows]).order_by("line_no")
    by_order: dict[int, list[OrderLine]] = {}
    for line in lines:
        by_order.setdefault(line.order_id, []).append(line)
    items = [order_views.to_view(r, by_order.get(r.id, [])) for r in rows]
    return OrderPage(items, _make_cursor(rows[-1]) if more else None)


def _make_cursor(row: Order) -> str:
    return base64.urlsafe_b64encode(f"{row.occurred_at.isoformat()}|{row.id}".encode()).decode()


def _read_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        at, _, last_id = base64.urlsafe_b64decode(cursor.encode()).decode().partition("|")
        return datetime.fromisoformat(at).astimezone(UTC), int(last_id)
    except (ValueError, UnicodeDecodeError):
        raise InvalidInput("query.cursor: not a cursor this API gave", [
            {"field": "query.cursor", "message": "not a cursor this API gave"}
        ]) from None


# --- rows of hand-written SQL -------------------------------------------------------------------


def _partner(row: dict[str, Any] | None) -> PartnerFacts | None:
    return None if row is None else PartnerFacts(row["partner"], row["status"], row["customer"])


def _click(row: dict[str, Any] | None) -> ClickFacts | None:
    if row is None:
        return None
    return ClickFacts(row["t1"], _partner(row), row["n1"], row["t2"], instant(row["at1"]), bool(row["flag"]))
