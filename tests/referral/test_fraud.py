"""The fraud signals as a pure decision: each raised and not raised at its threshold's edge."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from accounts.program_settings import Action, FraudRules, Signal
from referral.fraud import OrderFacts, holds, raised

AT = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
RULES = FraudRules()


def signals(facts: OrderFacts, rules: FraudRules = RULES) -> list[Signal]:
    return [s.signal for s in raised(rules, facts)]


def test_a_clean_order_raises_nothing():
    assert signals(OrderFacts(AT, customer_ref="c-1", partner_customer_ref="p-1", click_at=AT - timedelta(hours=1),
                              customer_orders=1, ip_orders=1, partner_orders=100, partner_refunded_orders=0)) == []


def test_self_referral_attributed_or_refused():
    allowed = raised(RULES, OrderFacts(AT, customer_ref="c-1", partner_customer_ref="c-1"))
    assert [(s.signal, s.detail["attributed"]) for s in allowed] == [(Signal.self_referral, True)]
    refused = raised(RULES, OrderFacts(AT, customer_ref="c-1", self_referral_refused=True))
    assert [(s.signal, s.detail["attributed"]) for s in refused] == [(Signal.self_referral, False)]
    # an anonymous customer is nobody's own order
    assert signals(OrderFacts(AT, customer_ref=None, partner_customer_ref=None)) == []


def test_customer_velocity_is_raised_past_max_orders():
    # default: more than 3 orders in 60 minutes, this one included
    assert signals(OrderFacts(AT, customer_orders=3)) == []
    assert signals(OrderFacts(AT, customer_orders=4)) == [Signal.customer_velocity]


def test_ip_velocity_has_its_own_threshold():
    assert signals(OrderFacts(AT, ip_orders=5)) == []
    [found] = raised(RULES, OrderFacts(AT, ip_orders=6))
    assert (found.signal, found.detail) == (Signal.ip_velocity, {"orders": 6, "max_orders": 5, "window_minutes": 60})


def test_fast_order_below_min_seconds_only():
    assert signals(OrderFacts(AT, click_at=AT - timedelta(seconds=10))) == []
    assert signals(OrderFacts(AT, click_at=AT - timedelta(seconds=9, microseconds=999_999))) == [Signal.fast_order]


def test_bot_click_from_a_flagged_source():
    assert signals(OrderFacts(AT, bot_source=True)) == [Signal.bot_click]
    assert signals(OrderFacts(AT, click_is_bot=True)) == [Signal.bot_click]
    assert signals(OrderFacts(AT, bot_source=False)) == []


def test_refund_rate_needs_min_orders_and_more_than_max_percent():
    # default: at least 10 orders in 90 days, more than 30 % refunded
    assert signals(OrderFacts(AT, partner_orders=10, partner_refunded_orders=3)) == []  # exactly 30 %
    assert signals(OrderFacts(AT, partner_orders=10, partner_refunded_orders=4)) == [Signal.refund_rate]
    assert signals(OrderFacts(AT, partner_orders=9, partner_refunded_orders=9)) == []  # too few orders
    rules = FraudRules.from_json({"refund_rate": {"max_percent": "12.5", "min_orders": 8}})
    assert signals(OrderFacts(AT, partner_orders=8, partner_refunded_orders=1), rules) == []  # exactly 12.5 %
    [found] = raised(rules, OrderFacts(AT, partner_orders=8, partner_refunded_orders=2))
    assert found.detail["percent"] == "25.00"


def test_off_signals_are_never_raised_and_hold_holds():
    rules = FraudRules.from_json({"customer_velocity": {"action": "off"}, "fast_order": {"action": "hold"}})
    facts = OrderFacts(AT, customer_orders=50, click_at=AT)
    found = raised(rules, facts)
    assert [(s.signal, s.action) for s in found] == [(Signal.fast_order, Action.hold)]
    assert holds(found)
    assert not holds(raised(FraudRules(), facts))


def test_settings_round_trip_through_json_and_keep_defaults():
    rules = FraudRules.from_json({"refund_rate": {"max_percent": "12.5"}, "ip_velocity": {"window_minutes": 5}})
    assert rules.refund_rate.max_percent == Decimal("12.5") and rules.refund_rate.min_orders == 10
    assert rules.ip_velocity.window_minutes == 5 and rules.ip_velocity.max_orders == 5
    assert FraudRules.from_json(rules.to_json()) == rules
    assert FraudRules.from_json(None) == FraudRules()
    assert rules.changed({"ip_velocity": {"max_orders": 9}}).ip_velocity == rules.ip_velocity.__class__(
        Action.flag, 5, 9
    )
