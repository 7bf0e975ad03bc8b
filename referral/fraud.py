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
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Signal(StrEnum):
    self_referral = "self_referral"  #: the customer is the partner
    customer_velocity = "customer_velocity"  #: many orders of one customer in a short time
    ip_velocity = "ip_velocity"  #: many orders from one IP address in a short time
    bot_click = "bot_click"  #: the click came from a visitor or IP also flagged as a crawler
    fast_order = "fast_order"  #: ordered within seconds of the click
    refund_rate = "refund_rate"  #: the partner's orders are refunded unusually often


class Action(StrEnum):
    off = "off"  #: not looked for
    flag = "flag"  #: recorded and shown to the merchant; the commissions go on as usual
    hold = "hold"  #: recorded, and the order's commissions are held until the merchant approves or rejects them


@dataclass(frozen=True, slots=True)
class Plain:
    """A signal with no threshold."""

    action: Action = Action.flag


@dataclass(frozen=True, slots=True)
class Velocity:
    action: Action = Action.flag
    window_minutes: int = 60
    max_orders: int = 3  #: raised from `max_orders` + 1 orders in the window


@dataclass(frozen=True, slots=True)
class FastOrder:
    action: Action = Action.flag
    min_seconds: int = 10  #: raised below this many seconds from click to order


@dataclass(frozen=True, slots=True)
class RefundRate:
    action: Action = Action.flag
    window_days: int = 90
    max_percent: Decimal = Decimal("30")  #: raised above this share of refunded orders
    min_orders: int = 10  #: fewer orders than this in the window say nothing


@dataclass(frozen=True, slots=True)
class FraudRules:
    """A merchant's fraud-signal settings; a signal missing from the stored JSON has its default."""

    self_referral: Plain = field(default_factory=Plain)
    customer_velocity: Velocity = field(default_factory=Velocity)
    ip_velocity: Velocity = field(default_factory=lambda: Velocity(max_orders=5))
    bot_click: Plain = field(default_factory=Plain)
    fast_order: FastOrder = field(default_factory=FastOrder)
    refund_rate: RefundRate = field(default_factory=RefundRate)

    def action(self, signal: Signal) -> Action:
        return getattr(self, signal.value).action

    def on(self, signal: Signal) -> bool:
        return self.action(signal) != Action.off

    @classmethod
    def from_json(cls, stored: dict[str, Any] | None) -> FraudRules:
        """The rules from `Merchant.fraud_signals` (already validated when it was written)."""
        return cls().changed(stored or {})

    def changed(self, changes: dict[str, dict[str, Any]]) -> FraudRules:
        """These rules with `changes` (signal -> the fields to change, as JSON) applied."""
        rules = self
        for name, values in changes.items():
            converted = {
                key: Action(value) if key == "action" else Decimal(value) if key == "max_percent" else value
                for key, value in values.items()
            }
            rules = replace(rules, **{name: replace(getattr(rules, name), **converted)})
        return rules

    def to_json(self) -> dict[str, dict[str, Any]]:
        return {
            f.name: {
                key: value.value if isinstance(value, Action) else str(value) if isinstance(value, Decimal) else value
                for key, value in asdict(getattr(self, f.name)).items()
            }
            for f in fields(self)
        }


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
