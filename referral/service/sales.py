"""Referral facts as the commissions domain reads them (it never touches referral tables).

Sales: a partner's month so far, orders in bulk, refund history. Settings and partners: the
merchant's currency and time zone, partner groups, partners as rules see them. Checkout: the
attribution an order placed now would get (`referral.attribution.decide`, nothing written).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NamedTuple

from tortoise.functions import Sum

from accounts.service.settings import get_settings
from core.db import connection, current_dialect
from core.sql import sql as _sql
from referral import attribution
from referral.models import CustomerBinding, Order, OrderLine, Partner, PartnerStatus, Refund, RefundLine
from referral.service.clicks import ClickInfo, get_click, last_click
from referral.service.partners import partner_by_code

#: An order line as rules look at it: (line_no, sku, category, quantity, net_minor). A plain
#: tuple, as read: simulations go through millions of them.
SaleLine = tuple[int, str, str, int, int]


class Sale(NamedTuple):
    """An attributed order with what rules look at (no customer data); its lines in line order."""

    id: int
    partner_id: int
    occurred_at: datetime
    channel: str
    scene: str | None
    is_first_order: bool
    subtotal_minor: int
    lines: tuple[SaleLine, ...]


def _instant(value: datetime | str) -> datetime:
    """A datetime column as read by hand-written SQL: SQLite gives the stored ISO text (always UTC)."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


async def partner_month_net(merchant_id: int, partner_id: int, start: datetime, end: datetime) -> int:
    """Net sales (after order discounts, before refunds) attributed to a partner in [start, end)."""
    rows = await connection().execute_query_dict(
        _sql(
            "SELECT SUM(total_minor) AS net FROM shop_order WHERE merchant_id = ? AND partner_id = ?"
            " AND occurred_at >= ? AND occurred_at < ? AND status <> 'canceled'"
        ),
        [merchant_id, partner_id, start.astimezone(UTC), end.astimezone(UTC)],
    )
    return int(rows[0]["net"] or 0)  # PostgreSQL's SUM(bigint) is numeric


#: One page of orders, keyset on (occurred_at, id); `{after}` is empty on the first page.
_ORDERS_PAGE = (
    "SELECT id, partner_id, occurred_at, channel, scene, is_first_order, subtotal_minor FROM shop_order"
    " WHERE merchant_id = ? AND partner_id IS NOT NULL AND status <> 'canceled' AND occurred_at >= ?"
    " AND occurred_at < ?{after} ORDER BY occurred_at, id LIMIT ?"
)
#: `occurred_at >= ?` bounds the index range scan: without it every page walks from the range start.
_AFTER = " AND occurred_at >= ? AND (occurred_at > ? OR id > ?)"
#: The lines of the page's orders, by their ids passed as one value (a PostgreSQL array, a JSON
#: array on SQLite): the order_id index is walked once per id, and the page is not queried twice.
#: Two lean queries beat one join: the join repeats the order's columns on every line.
_LINES_OF_IDS = (
    "SELECT order_id, line_no, sku, category, quantity, net_minor FROM order_line"
    " WHERE merchant_id = ? AND order_id {ids} ORDER BY order_id, line_no"
)
#: orders per chunk at most, whatever the caller asks: memory stays bounded
MAX_CHUNK = 20_000


async def iter_sales(
    merchant_id: int, start: datetime, end: datetime, *, chunk: int = 10_000
) -> AsyncIterator[list[Sale]]:
    """Attributed, not canceled orders in [start, end), oldest first, in chunks of `chunk` orders
    (at most `MAX_CHUNK`), each with its lines in order.

    Memory stays bounded by the chunk: keyset pagination on (occurred_at, id), two queries per
    chunk returning plain rows (no dicts, no models): simulations stream millions of lines here.
    """
    chunk = max(1, min(chunk, MAX_CHUNK))
    db = connection()
    postgres = current_dialect() == "postgres"
    lines_sql = _sql(_LINES_OF_IDS.format(ids="= ANY(?)" if postgres else "IN (SELECT value FROM json_each(?))"))
    queries = {name: _sql(_ORDERS_PAGE.format(after=after)) for name, after in (("first", ""), ("next", _AFTER))}
    bounds: list[object] = [merchant_id, start.astimezone(UTC), end.astimezone(UTC)]
    after: list[object] = []
    while True:
        _, orders = await db.execute_query(queries["next" if after else "first"], [*bounds, *after, chunk])
        if not orders:
            return
        ids = [order[0] for order in orders]
        _, rows = await db.execute_query(lines_sql, [merchant_id, ids if postgres else json.dumps(ids)])
        lines_of: dict[int, list[SaleLine]] = {}
        for row in rows:
            lines_of.setdefault(row[0], []).append(tuple(row[1:]))
        yield [
            Sale(order_id, partner_id, _instant(occurred_at), channel, scene, bool(first), subtotal,
                 tuple(lines_of.get(order_id, ())))
            for order_id, partner_id, occurred_at, channel, scene, first, subtotal in orders
        ]
        if len(orders) < chunk:
            return
        last = orders[-1]
        after = [last[2], last[2], last[0]]  # as stored: SQLite compares the same ISO text


# --- what the commissions domain needs besides sales --------------------------------------------


@dataclass(frozen=True, slots=True)
class SalesSettings:
    """The merchant settings money decisions depend on."""

    currency: str
    timezone: str
    attribution_window_days: int
    binding_days: int | None
    allow_self_referral: bool


async def sales_settings(merchant_id: int) -> SalesSettings:
    found = await get_settings(merchant_id)
    return SalesSettings(
        currency=found.currency, timezone=found.timezone, attribution_window_days=found.attribution_window_days,
        binding_days=found.binding_days, allow_self_referral=found.allow_self_referral,
    )


async def partner_groups(merchant_id: int) -> list[str]:
    """The distinct partner groups in use (what a rule's `partner_groups` condition may name)."""
    groups = await (
        Partner.filter(merchant_id=merchant_id, group__not_isnull=True).distinct().values_list("group", flat=True)
    )
    return sorted(groups)


async def partners_net(
    merchant_id: int, start: datetime, end: datetime, partner_ids: Iterable[int] | None = None
) -> dict[int, int]:
    """Net sales per partner in [start, end), as `partner_month_net` counts them, in one query
    (every partner with sales, or only `partner_ids`; partners without sales are left out)."""
    query = Order.filter(
        merchant_id=merchant_id, partner_id__not_isnull=True, occurred_at__gte=start.astimezone(UTC),
        occurred_at__lt=end.astimezone(UTC),
    ).exclude(status="canceled")
    if partner_ids is not None:
        query = query.filter(partner_id__in=list(partner_ids))
    rows = await query.annotate(net=Sum("total_minor")).group_by("partner_id").values("partner_id", "net")
    return {row["partner_id"]: int(row["net"] or 0) for row in rows}  # PostgreSQL's SUM(bigint) is numeric


async def order_id_by_external_id(merchant_id: int, external_id: str) -> int | None:
    return await Order.filter(merchant_id=merchant_id, external_id=external_id).first().values_list("id", flat=True)


async def external_id_of(merchant_id: int, order_id: int) -> str | None:
    """The shop's id of one of the merchant's orders."""
    return await Order.filter(merchant_id=merchant_id, id=order_id).first().values_list("external_id", flat=True)


@dataclass(frozen=True, slots=True)
class LineRefundHistory:
    """An order line's size and what earlier refunds already took back from it."""

    quantity: int
    net_minor: int
    refunded_quantity: int
    refunded_minor: int


async def refund_history(merchant_id: int, order_id: int, before_refund_id: int) -> dict[int, LineRefundHistory]:
    """Every line of the order (by order line id) with the totals of its refunds recorded before
    refund `before_refund_id` (smaller ids: refunds are recorded in the order they happen)."""
    lines = await OrderLine.filter(merchant_id=merchant_id, order_id=order_id).values("id", "quantity", "net_minor")
    earlier = await Refund.filter(merchant_id=merchant_id, order_id=order_id, id__lt=before_refund_id).values_list(
        "id", flat=True
    )
    done: dict[int, list[int]] = {}
    if earlier:
        for part in await RefundLine.filter(merchant_id=merchant_id, refund_id__in=earlier).values(
            "order_line_id", "quantity", "amount_minor"
        ):
            totals = done.setdefault(part["order_line_id"], [0, 0])
            totals[0] += part["quantity"]
            totals[1] += part["amount_minor"]
    return {
        line["id"]: LineRefundHistory(line["quantity"], line["net_minor"], *done.get(line["id"], (0, 0)))
        for line in lines
    }


async def has_attributed_order(merchant_id: int, customer_ref: str) -> bool:
    """Whether the customer already has an attributed, not canceled order (a repeat customer)."""
    return await (
        Order.filter(merchant_id=merchant_id, customer_ref=customer_ref, partner_id__not_isnull=True)
        .exclude(status="canceled")
        .exists()
    )


@dataclass(frozen=True, slots=True)
class CheckoutReferral:
    """Who an order placed now would be attributed to, and why (`reason`: an attribution
    `Reason`, e.g. `click_id`, or `none_...` when nobody)."""

    partner_id: int | None
    partner_code: str | None
    reason: str
    #: the customer has no attributed order yet (an unnamed customer counts as new)
    is_first_order: bool


async def checkout_referral(
    merchant_id: int,
    *,
    at: datetime,
    partner_code: str | None = None,
    click_id: str | None = None,
    visitor_id: str | None = None,
    customer_ref: str | None = None,
) -> CheckoutReferral:
    """The attribution an order would get at `at` (nothing is written): the same rules
    (`referral.attribution.decide`) over the same lookups, before the order exists."""
    settings = await get_settings(merchant_id)
    rules = attribution.Rules(
        window_days=settings.attribution_window_days,
        model=attribution.Model(settings.attribution_model),
        binding_days=settings.binding_days,
        allow_self_referral=settings.allow_self_referral,
    )
    code_partner = await partner_by_code(merchant_id, partner_code) if partner_code else None
    click = await get_click(merchant_id, click_id) if click_id else None
    visitor_click = None
    if visitor_id:
        first = rules.model == attribution.Model.first_click
        visitor_click = await last_click(merchant_id, visitor_id, rules.window_start(at), first=first)
    binding = None
    if customer_ref and rules.binding_days is not None:
        binding = await CustomerBinding.get_or_none(merchant_id=merchant_id, customer_ref=customer_ref)
    repeat = customer_ref is not None and await has_attributed_order(merchant_id, customer_ref)

    ids = [c.partner_id for c in (click, visitor_click) if c is not None] + ([binding.partner_id] if binding else [])
    facts = {
        row["id"]: attribution.PartnerFacts(row["id"], row["status"], row["customer_ref"])
        for row in await Partner.filter(merchant_id=merchant_id, id__in=ids).values("id", "status", "customer_ref")
    } if ids else {}

    def click_facts(found: ClickInfo | None) -> attribution.ClickFacts | None:
        if found is None or found.partner_id not in facts:
            return None
        return attribution.ClickFacts(
            found.id, facts[found.partner_id], found.link_id, found.scene, found.occurred_at, found.is_bot
        )

    touches = attribution.Touches(
        occurred_at=at,
        customer_ref=customer_ref,
        partner_code=partner_code,
        code_partner=None if code_partner is None else attribution.PartnerFacts(
            code_partner.id, code_partner.status, code_partner.customer_ref
        ),
        binding=None if binding is None or binding.partner_id not in facts else attribution.BindingFacts(
            facts[binding.partner_id], binding.bound_at, binding.expires_at
        ),
        click_id=click_id,
        click=click_facts(click),
        visitor_clicks=tuple(c for c in (click_facts(visitor_click),) if c is not None),
        has_attributed_order=repeat,
    )
    decision = attribution.decide(rules, touches)
    code = None
    if decision.partner_id is not None:
        code = await Partner.filter(merchant_id=merchant_id, id=decision.partner_id).first().values_list("code", flat=True)
    return CheckoutReferral(decision.partner_id, code, decision.reason.value, not repeat)


@dataclass(frozen=True, slots=True)
class RulePartner:
    """What commission rules look at on a partner."""

    id: int
    group: str | None
    kind: str
    status: str
    recruiter_id: int | None
    reward_preference: str

    @property
    def is_active(self) -> bool:
        return self.status == PartnerStatus.active.value


async def rule_partners(merchant_id: int, partner_ids: Iterable[int]) -> dict[int, RulePartner]:
    """The merchant's partners among `partner_ids`, in one query (unknown ids are left out)."""
    ids = sorted(set(partner_ids))
    if not ids:
        return {}
    rows = await Partner.filter(merchant_id=merchant_id, id__in=ids).values(
        "id", "group", "kind", "status", "recruiter_id", "reward_preference"
    )
    return {row["id"]: RulePartner(**row) for row in rows}


# --- what payouts needs (set-based) -------------------------------------------------------------


def payout_partners(merchant_id: int) -> tuple[str, list[object]]:
    """The merchant's partners as a relation for another domain's set-based SQL: ``(SELECT with ?
    placeholders, parameters)`` with columns ``partner_id, status, payee_name, payee_account``.
    Payout batches join it to hold suspended partners and copy payee details onto their lines."""
    return (
        "SELECT id AS partner_id, status, payee_name, payee_account FROM partner WHERE merchant_id = ?",
        [merchant_id],
    )
