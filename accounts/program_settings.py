"""What a merchant sets for its program and the referral domain decides with, as stored on the
merchant row: which click wins attribution (`Model`), and what each fraud signal does (off, flag
or hold, and its thresholds: `FraudRules`, `Merchant.fraud_signals`). Pure. How an order is
attributed: referral/attribution.py; what each signal means and how an order raises it:
referral/fraud.py."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Model(StrEnum):
    """Which click inside the window wins when the shop sends no (valid) click id."""

    last_click = "last_click"
    first_click = "first_click"


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
