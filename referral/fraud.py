"""Which fraud signals an order raises, and what the merchant wants done about each: pure.

Six signals, each `off`, `flag` (recorded and shown to the merchant) or `hold` (recorded, and
the order's commissions wait for the merchant's review before they can be released or paid):

- `self_referral`: the customer is the partner (their own `customer_ref`): an attempt the
  attribution refused, or one it allowed because the merchant allows self-referral;
- `customer_velocity`: more than `max_orders` orders of this customer within `window_minutes`
  up to this order (this one included);
- `ip_velocity`: the same, for orders whose attributing click came from the same IP address
  (its hash): orders attributed by a code or a binding have no click and no IP;
- `bot_click`: the attributing click came from a visitor or an IP address that also made clicks
  flagged as a crawler's (attribution never credits a bot's click itself, so this is the bot
  that sometimes hides its user agent);
- `fast_order`: fewer than `min_seconds` between the attributing click and the order;
- `refund_rate`: the partner's orders placed in the last `window_days` (canceled ones left out)
  number at least `min_orders`, and more than `max_percent` % of them were refunded (any refund).

Windows are closed at both ends, as the attribution window is: an order exactly
`window_minutes` before this one counts. Thresholds are strict: exactly `max_orders` orders,
exactly `min_seconds`, exactly `max_percent` raise nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from accounts.program_settings import Action, FraudRules, Signal, Velocity


@dataclass(frozen=True, slots=True)
class OrderFacts:
    """What the signals are decided on. A count is None when it was not looked up (its signal
    is off, or the order has no customer, click or partner); counts stop at the threshold + 1."""

    occurred_at: datetime
    customer_ref: str | None = None
    #: the attributed partner's own customer reference
    partner_customer_ref: str | None = None
    #: attribution refused the order as a self-referral (no partner got it)
    self_referral_refused: bool = False
    #: the attributing click
    click_at: datetime | None = None
    click_is_bot: bool = False
    #: the attributing click's visitor or IP address made clicks flagged as a crawler's
    bot_source: bool = False
    customer_orders: int | None = None  #: this customer's orders in the window, this one included
    ip_orders: int | None = None  #: orders through clicks from this click's IP in the window, this one included
    partner_orders: int | None = None  #: the partner's orders in the refund window
    partner_refunded_orders: int | None = None  #: how many of those were refunded


@dataclass(frozen=True, slots=True)
class Raised:
    signal: Signal
    action: Action  #: flag or hold
    detail: dict[str, Any]  #: the facts and the threshold, for people


def raised(rules: FraudRules, facts: OrderFacts) -> list[Raised]:
    """The signals `facts` raise under `rules`, in `Signal` order; off signals never appear."""
    found: list[tuple[Signal, dict[str, Any]]] = []
    if facts.self_referral_refused:
        found.append((Signal.self_referral, {"customer_ref": facts.customer_ref, "attributed": False}))
    elif facts.customer_ref is not None and facts.customer_ref == facts.partner_customer_ref:
        found.append((Signal.self_referral, {"customer_ref": facts.customer_ref, "attributed": True}))
    for signal, count in ((Signal.customer_velocity, facts.customer_orders), (Signal.ip_velocity, facts.ip_orders)):
        velocity: Velocity = getattr(rules, signal.value)
        if count is not None and count > velocity.max_orders:
            found.append((signal, {
                "orders": count, "max_orders": velocity.max_orders, "window_minutes": velocity.window_minutes,
            }))
    if facts.click_is_bot or facts.bot_source:
        found.append((Signal.bot_click, {"click_is_bot": facts.click_is_bot, "bot_source": facts.bot_source}))
    if facts.click_at is not None:
        seconds = (facts.occurred_at - facts.click_at) / timedelta(seconds=1)
        if seconds < rules.fast_order.min_seconds:
            detail = {"seconds": math.floor(seconds), "min_seconds": rules.fast_order.min_seconds}
            found.append((Signal.fast_order, detail))
    refunds = rules.refund_rate
    if (
        facts.partner_orders is not None
        and facts.partner_refunded_orders is not None
        and facts.partner_orders >= refunds.min_orders
        and facts.partner_orders > 0
        and facts.partner_refunded_orders * 100 > refunds.max_percent * facts.partner_orders
    ):
        percent = Decimal(facts.partner_refunded_orders * 100) / facts.partner_orders
        found.append((Signal.refund_rate, {
            "orders": facts.partner_orders, "refunded_orders": facts.partner_refunded_orders,
            "percent": str(percent.quantize(Decimal("0.01"))), "max_percent": str(refunds.max_percent),
            "min_orders": refunds.min_orders, "window_days": refunds.window_days,
        }))
    return [Raised(signal, rules.action(signal), detail) for signal, detail in found if rules.on(signal)]


def holds(signals: list[Raised]) -> bool:
    """Whether the order's commissions wait for the merchant's review."""
    return any(s.action == Action.hold for s in signals)
