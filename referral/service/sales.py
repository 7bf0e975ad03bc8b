"""Attributed sales as other domains need them: a partner's month so far, and orders in bulk."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.expressions import Q
from tortoise.functions import Sum

from referral.errors import MerchantNotFound
from referral.models import (
    Click,
    CustomerBinding,
    Merchant,
    Order,
    OrderLine,
    Partner,
    PartnerStatus,
    Refund,
    RefundLine,
)


@dataclass(frozen=True, slots=True)
class SaleLine:
    id: int
    line_no: int
    sku: str
    category: str
    quantity: int
    net_minor: int


@dataclass(frozen=True, slots=True)
class Sale:
    """An attributed order with what rules look at (no customer data)."""

    id: int
    external_id: str
    partner_id: int
    occurred_at: datetime
    currency: str
    channel: str
    scene: str | None
    is_first_order: bool
    subtotal_minor: int
    status: str
    lines: tuple[SaleLine, ...]


async def partner_month_net(merchant_id: int, partner_id: int, start: datetime, end: datetime) -> int:
    """Net sales (after order discounts, before refunds) attributed to a partner in [start, end)."""
    orders = Order.filter(
        merchant_id=merchant_id, partner_id=partner_id, occurred_at__gte=start, occurred_at__lt=end
    ).exclude(status="canceled")
    rows = await orders.values_list("total_minor", flat=True)
    return sum(rows)


async def iter_sales(
    merchant_id: int, start: datetime, end: datetime, *, chunk: int = 2000
) -> AsyncIterator[list[Sale]]:
    """Attributed, not canceled orders in [start, end), oldest first, in chunks of `chunk` orders.

    Memory stays bounded by `chunk`: keyset pagination on (occurred_at, id).
    """
    after: tuple[datetime, int] | None = None
    while True:
        query = Order.filter(
            merchant_id=merchant_id, partner_id__not_isnull=True, occurred_at__gte=start, occurred_at__lt=end
        ).exclude(status="canceled")
        if after is not None:
            query = query.filter(occurred_at__gte=after[0]).exclude(occurred_at=after[0], id__lte=after[1])
        orders = await query.order_by("occurred_at", "id").limit(chunk).values(
            "id", "external_id", "partner_id", "occurred_at", "currency", "channel", "scene",
            "is_first_order", "subtotal_minor", "status",
        )
        if not orders:
            return
        lines_by_order: dict[int, list[SaleLine]] = {}
        for line in await OrderLine.filter(
            merchant_id=merchant_id, order_id__in=[o["id"] for o in orders]
        ).order_by("order_id", "line_no").values("id", "order_id", "line_no", "sku", "category", "quantity", "net_minor"):
            order_id = line.pop("order_id")
            lines_by_order.setdefault(order_id, []).append(SaleLine(**line))
        yield [Sale(**o, lines=tuple(lines_by_order.get(o["id"], ()))) for o in orders]
        last = orders[-1]
        after = (last["occurred_at"], last["id"])


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
    row = await Merchant.filter(id=merchant_id).values(
        "currency", "timezone", "attribution_window_days", "binding_days", "allow_self_referral"
    )
    if not row:
        raise MerchantNotFound(merchant_id)
    return SalesSettings(**row[0])


async def partner_groups(merchant_id: int) -> list[str]:
    """The distinct partner groups in use (what a rule's `partner_groups` condition may name)."""
    groups = await (
        Partner.filter(merchant_id=merchant_id, group__not_isnull=True).distinct().values_list("group", flat=True)
    )
    return sorted(groups)


async def partners_net(merchant_id: int, start: datetime, end: datetime) -> dict[int, int]:
    """Net sales per partner in [start, end), as `partner_month_net` counts them, in one query."""
    rows = await (
        Order.filter(merchant_id=merchant_id, partner_id__not_isnull=True, occurred_at__gte=start, occurred_at__lt=end)
        .exclude(status="canceled")
        .annotate(net=Sum("total_minor"))
        .group_by("partner_id")
        .values("partner_id", "net")
    )
    return {row["partner_id"]: int(row["net"] or 0) for row in rows}


async def order_id_by_external_id(merchant_id: int, external_id: str) -> int | None:
    return await Order.filter(merchant_id=merchant_id, external_id=external_id).values_list("id", flat=True).first()


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
class CheckoutPartner:
    """The partner a checkout is for, and how it was found (`partner_code`, `click`, `visitor`, `binding`)."""

    partner_id: int
    code: str
    found_by: str


@dataclass(frozen=True, slots=True)
class NoCheckoutPartner:
    """Why no partner is found: `no_reference`, `unknown_partner_code`, `partner_not_active`,
    `click_not_found`, `click_expired`, `no_recent_click`, `self_referral`."""

    reason: str


async def checkout_partner(
    merchant_id: int,
    *,
    at: datetime,
    partner_code: str | None = None,
    click_id: str | None = None,
    visitor_id: str | None = None,
    customer_ref: str | None = None,
) -> CheckoutPartner | NoCheckoutPartner:
    """The partner a checkout would be referred by, before the order exists.

    Looked up in this order: a partner code typed at checkout, the click id the shop kept, the
    visitor's latest click within the attribution window, the customer's binding. Bot clicks
    never count; only active partners do; a partner's own purchase only when the merchant allows
    self-referral.
    """
    settings = await sales_settings(merchant_id)
    window_start = at - timedelta(days=settings.attribution_window_days)
    partner_id: int | None = None
    found_by = ""
    if partner_code and partner_code.strip():
        partner_id = await Partner.filter(merchant_id=merchant_id, code=partner_code.strip().upper()).values_list(
            "id", flat=True
        ).first()
        if partner_id is None:
            return NoCheckoutPartner("unknown_partner_code")
        found_by = "partner_code"
    elif click_id:
        click = await Click.filter(merchant_id=merchant_id, id=click_id, is_bot=False).values(
            "partner_id", "occurred_at"
        )
        if not click:
            return NoCheckoutPartner("click_not_found")
        if not window_start <= click[0]["occurred_at"] <= at:
            return NoCheckoutPartner("click_expired")
        partner_id, found_by = click[0]["partner_id"], "click"
    elif visitor_id:
        partner_id = await (
            Click.filter(
                merchant_id=merchant_id, visitor_id=visitor_id, is_bot=False,
                occurred_at__gte=window_start, occurred_at__lte=at,
            )
            .order_by("-occurred_at")
            .values_list("partner_id", flat=True)
            .first()
        )
        if partner_id is None:
            return NoCheckoutPartner("no_recent_click")
        found_by = "visitor"
    elif customer_ref:
        partner_id = await (
            CustomerBinding.filter(merchant_id=merchant_id, customer_ref=customer_ref)
            .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=at))
            .values_list("partner_id", flat=True)
            .first()
        )
        if partner_id is None:
            return NoCheckoutPartner("no_reference")
        found_by = "binding"
    else:
        return NoCheckoutPartner("no_reference")
    partner = await Partner.filter(merchant_id=merchant_id, id=partner_id).values("code", "status", "customer_ref")
    if not partner or partner[0]["status"] != PartnerStatus.active.value:
        return NoCheckoutPartner("partner_not_active")
    own = partner[0]["customer_ref"]
    if customer_ref and own and own == customer_ref and not settings.allow_self_referral:
        return NoCheckoutPartner("self_referral")
    return CheckoutPartner(partner_id, partner[0]["code"], found_by)


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
