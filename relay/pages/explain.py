"""A commission in plain words: where it stands for its partner (`state`) and how its amount was
computed (`describe`: the stored explanation as label/text lines, translated, amounts formatted
for the page's locale). The partner portal and the merchant console both show it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from babel.numbers import format_decimal

from commissions.service.records import CommissionRecord
from core.money import POINTS, decimals
from payouts.service.partner_views import LinePayment
from relay.pages.i18n import N_
from relay.pages.routing import Page
from relay.pages.templating import babel_locale, format_amount


@dataclass(frozen=True, slots=True)
class State:
    """Where a commission stands for money: `code` picks the words (the partner's in
    templates/partner/_commission.html, the merchant's in templates/console/_macros.html)."""

    #: waiting, after_sales, held, available, in_batch, sent, paid, credited, reversal, canceled, rejected
    code: str
    tone: str  #: the badge: ok, warn or bad
    on: datetime | None = None  #: the date the words quote (after-sales end, paid on, refunded on...)
    batch_id: int | None = None  #: the payout batch holding it (in_batch, sent, paid, credited)


def state(c: CommissionRecord, payment: LinePayment | None) -> State:
    """Where `c` stands, from its own status and the payout line that claimed it: the same rows
    whose changes post the ledger (pending -> available -> in_batch -> paid), so every page that
    shows a commission's status agrees with the partner's balances. A line that failed or came
    back released the commission (no `payment`): it is available again."""
    if c.status == "canceled":
        return State("canceled", "bad")
    if c.status == "rejected":
        return State("rejected", "bad", c.rejected_at)
    if c.reversal_of is not None:
        return State("reversal", "bad", c.occurred_at)
    if c.review == "held":
        return State("held", "warn")
    if c.status == "pending":
        return State("waiting", "warn") if c.available_at is None else State("after_sales", "warn", c.available_at)
    if payment is not None and payment.status == "paid":
        code = "credited" if c.asset == POINTS.code else "paid"
        return State(code, "ok", payment.settled_at, payment.batch_id)
    if payment is not None and payment.status == "open":
        return State("sent" if payment.sent else "in_batch", "ok", batch_id=payment.batch_id)
    return State("available", "ok")


def amount(page: Page, value: int, asset: str) -> str:
    """`value` minor units of `asset`, or points with their unit (`Page.format_minor`)."""
    return page.format_minor(value, asset)


def exact(page: Page, text: str, asset: str) -> str:
    """An exact (unrounded) amount the explanation stores as decimal text in minor units or points."""
    try:
        value = Decimal(text)
    except (InvalidOperation, TypeError):
        return str(text)
    if asset == POINTS.code:
        return format_decimal(value, locale=babel_locale(page.locale), decimal_quantization=False)
    return format_amount(value.scaleb(-decimals(asset)), asset, page.locale, decimal_quantization=False)


CONDITIONS = {
    "level": N_("Level"),
    "skus": N_("Product (SKU)"),
    "categories": N_("Category"),
    "partner_groups": N_("Your group"),
    "partner_kinds": N_("Your kind of partner"),
    "channel": N_("Channel"),
    "scenes": N_("Where the link was shared"),
    "first_order": N_("The customer's first order"),
    "min_subtotal": N_("Order subtotal at least"),
    "date_window": N_("Dates"),
    "days_of_month": N_("Days of the month"),
    "weekdays": N_("Weekdays"),
}
CAPS = {"per_order": N_("Cap per order"), "per_partner_month": N_("Cap per month")}
PARTIAL_REFUND = {
    "keep": N_("kept: only a refund of the whole order takes it back"),
    "prorate": N_("taken back in proportion to what is refunded"),
}
ROUNDING = {"half_up": N_("half up"), "half_even": N_("half to even"), "down": N_("down"), "nearest": N_("nearest")}


def _value(page: Page, name: str, value: Any, currency: str) -> str:
    if isinstance(value, bool):
        return page.gettext("yes") if value else page.gettext("no")
    if name == "min_subtotal" and isinstance(value, int):
        return page.format_minor(value, currency)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return " – ".join(str(v) for v in value.values() if v is not None)
    return str(value)


#: The same conditions as the merchant reads them (of the partner, not "your").
MERCHANT_CONDITIONS = {**CONDITIONS, "partner_groups": N_("Partner group"), "partner_kinds": N_("Kind of partner")}


def describe(page: Page, c: CommissionRecord, *, merchant: bool = False) -> list[tuple[str, str]]:
    """(label, text) lines that say how `c`'s amount was computed, from its stored explanation:
    to the partner ("your own sale"), or with `merchant` to the merchant ("the partner's own sale")."""
    e = c.explanation or {}
    _ = page.gettext
    if c.reversal_of is not None:
        return _describe_reversal(page, c, e)
    settlement = e.get("settlement") or {}
    currency = settlement.get("currency") or page.currency
    lines = [(_("Rule"), _("%(name)s (rule set version %(version)s)", name=e.get("rule_name") or c.rule_id,
                             version=e.get("rule_set_version", c.rule_set_version)))]
    if merchant:
        level = _("1: the partner's own sale") if c.level == 1 else _("2: a sale of a partner they invited")
    else:
        level = _("1: your own sale") if c.level == 1 else _("2: a sale of a partner you invited")
    lines.append((_("Level"), level))
    conditions = MERCHANT_CONDITIONS if merchant else CONDITIONS
    for seen in e.get("conditions") or []:
        name = seen.get("condition", "")
        label = _(conditions[name]) if name in conditions else name
        lines.append((_("Condition met: %(name)s", name=label),
                      _("%(seen)s (asked: %(expected)s)", seen=_value(page, name, seen.get("seen"), currency),
                        expected=_value(page, name, seen.get("expected"), currency))))
    lines.append((_("Base"), page.format_minor(e.get("base_minor", c.base_minor), currency)))
    reward = e.get("reward") or {}
    if reward.get("type") == "flat_per_unit":
        lines.append((_("Reward"), _("%(amount)s per unit × %(quantity)s", amount=page.format_minor(
            reward.get("amount_minor", 0), currency), quantity=reward.get("quantity"))))
    elif reward.get("type") == "flat_per_order":
        lines.append((_("Reward"), _("%(amount)s per order", amount=page.format_minor(reward.get("amount_minor", 0), currency))))
        if reward.get("partial_refund") in PARTIAL_REFUND:
            lines.append((_("On a partial refund"), _(PARTIAL_REFUND[reward["partial_refund"]])))
    elif reward:
        lines.append((_("Reward"), _("%(percent)s%% of the base", percent=reward.get("percent"))))
    tier = e.get("tier")
    if tier:
        lines.append((_("Tier"), _("month's sales with this order: %(volume)s, rate %(percent)s%%",
                                   volume=page.format_minor(tier.get("month_net_with_order_minor", 0), currency),
                                   percent=tier.get("percent"))))
    for m in e.get("modifiers") or []:
        lines.append((_("Modifier"), f"{m.get('name') or m.get('index')}: × {m.get('multiply')}"))
    if e.get("exact_minor") is not None:
        lines.append((_("Before rounding"), exact(page, e["exact_minor"], currency)))
    if settlement.get("kind") == "points":
        lines.append((_("Paid in points"), _("%(rate)s points per unit of %(currency)s: %(points)s points",
                                             rate=settlement.get("points_per_unit"), currency=currency,
                                             points=exact(page, settlement.get("exact_points", "0"), POINTS.code))))
    for cap in e.get("caps") or []:
        label = _(CAPS[cap["cap"]]) if cap.get("cap") in CAPS else str(cap.get("cap"))
        if cap.get("level") is not None:
            label = _("%(cap)s (level %(level)s only)", cap=label, level=cap["level"])
        lines.append((label, _("limit %(limit)s: cut from %(before)s to %(after)s",
                               limit=amount(page, cap.get("limit", 0), c.asset),
                               before=amount(page, cap.get("before", 0), c.asset),
                               after=amount(page, cap.get("after", 0), c.asset))))
    rounding = e.get("rounding")
    if rounding:
        mode = rounding.get("mode")
        lines.append((_("Rounding"), _("%(exact)s rounded %(mode)s to %(result)s",
                                       exact=exact(page, rounding.get("exact", "0"), c.asset),
                                       mode=_(ROUNDING[mode]) if mode in ROUNDING else mode,
                                       result=amount(page, rounding.get("result", c.amount), c.asset))))
    lines.append((_("Amount"), amount(page, c.amount, c.asset)))
    return lines


def _describe_reversal(page: Page, c: CommissionRecord, e: dict[str, Any]) -> list[tuple[str, str]]:
    _ = page.gettext
    share = e.get("refunded") or {}
    if share.get("scope") == "order" and share.get("partial_refund") == "keep":
        why = _("The whole order was refunded: the amount per order, kept through partial refunds, is taken back.")
    else:
        why = _("A refund takes back the commission's share of what was refunded.")
    lines = [(_("Why"), why)]
    lines.append((_("Commission"), amount(page, e.get("original_amount", 0), c.asset)))
    if share.get("scope") == "line":
        lines.append((_("Refunded on the line"), _("%(after)s of %(net)s", net=page.format_minor(
            share.get("line_net_minor", 0)), after=page.format_minor(share.get("refunded_minor_after", 0)))))
    elif share.get("scope") == "order":
        lines.append((_("Refunded on the order"), _("%(after)s of %(net)s", net=page.format_minor(
            share.get("order_net_minor", 0)), after=page.format_minor(share.get("refunded_minor_after", 0)))))
    lines.append((_("Amount"), amount(page, c.amount, c.asset)))
    return lines
