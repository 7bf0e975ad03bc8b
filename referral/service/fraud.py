"""Fraud signals of a recorded order: the merchant's settings (accounts), and the facts `referral.fraud` decides on.

`screen_order` runs on the event hot path, before the order's commissions are written (before
the order itself, on PostgreSQL): every fact it needs is read in ONE query (a UNION ALL of
lookups by leading index, only those the merchant's settings and the order call for), and
the settings come from a per-process cache. The partner's refund rate is an aggregate over
their recent orders, so it is cached per partner for `REFUND_RATE_TTL_SECONDS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, timedelta
from time import monotonic
from typing import Any

from accounts.program_settings import Signal
from accounts.service.settings import fraud_rules
from core.db import connection
from core.sql import Relation, instant, sql
from referral.attribution import Reason
from referral.fraud import OrderFacts, Raised, raised
from referral.service.order_views import OrderView

#: How long a partner's refund rate is reused by this process: it moves slowly, and it is an
#: aggregate over the partner's recent orders, too dear to recompute on every order.
REFUND_RATE_TTL_SECONDS = 60.0
#: How far back a crawler's clicks from the same visitor or IP count for `bot_click`.
BOT_LOOKBACK = timedelta(days=30)

#: (merchant id, partner id, window days) -> ((orders, refunded orders), monotonic expiry)
_refunds: dict[tuple[int, int, int], tuple[tuple[int, int], float]] = {}


@dataclass(frozen=True, slots=True)
class Screening:
    """The signals one order raised. `partner_id` is the attributed partner, or for a refused
    self-referral the partner whose own customer reference placed the order (None if none)."""

    order_id: int
    partner_id: int | None
    signals: list[Raised]
    #: what the `along` relation given to `screen_order` returned (its `n1` column), in order
    along: tuple[Any, ...] = ()


# Each branch yields (fact, n1, n2, t1, at1, flag); NULLs are typed so that any branch may come first.
_NULLS = {"n1": "CAST(NULL AS BIGINT)", "n2": "CAST(NULL AS BIGINT)", "t1": "CAST(NULL AS TEXT)",
          "at1": "CAST(NULL AS TIMESTAMPTZ)", "flag": "CAST(NULL AS BOOLEAN)"}


def _select(fact: str, **columns: str) -> str:
    values = ", ".join(columns.get(name, null) + f" AS {name}" for name, null in _NULLS.items())
    return f"SELECT '{fact}' AS fact, {values}"


_PARTNER = _select("partner", t1="CAST(p.customer_ref AS TEXT)") + " FROM partner p WHERE p.merchant_id = ? AND p.id = ?"
_SELF = _select("self", n1="p.id") + " FROM partner p WHERE p.merchant_id = ? AND p.customer_ref = ?"
_CLICK = _select("click", at1="k.occurred_at", flag="k.is_bot") + " FROM click k WHERE k.merchant_id = ? AND k.id = ?"
#: Counts stop at the threshold + 1 (LIMIT): enough to decide, and bounded work.
_CUSTOMER = _select("customer", n1="COUNT(*)") + (
    " FROM (SELECT 1 AS one FROM shop_order o WHERE o.merchant_id = ? AND o.customer_ref = ?"
    " AND o.occurred_at >= ? AND o.occurred_at <= ? AND o.id <> ? LIMIT ?) AS c"
)
#: Orders led by clicks from the same IP: the IP's clicks (index merchant_id, ip_hash), then the
#: orders each click led to (index merchant_id, click_id).
_IP = _select("ip", n1="COUNT(*)") + (
    " FROM (SELECT 1 AS one FROM click s"
    " JOIN click k ON k.merchant_id = s.merchant_id AND k.ip_hash = s.ip_hash AND k.occurred_at <= ?"
    " JOIN shop_order o ON o.merchant_id = k.merchant_id AND o.click_id = k.id"
    " WHERE s.merchant_id = ? AND s.id = ? AND o.occurred_at >= ? AND o.occurred_at <= ? AND o.id <> ? LIMIT ?) AS i"
)
_BOT = _select("bot") + (
    " FROM click s WHERE s.merchant_id = ? AND s.id = ? AND ("
    "EXISTS (SELECT 1 FROM click b WHERE b.merchant_id = s.merchant_id AND b.ip_hash = s.ip_hash AND b.is_bot"
    " AND b.occurred_at >= ? AND b.occurred_at <= ?)"
    " OR EXISTS (SELECT 1 FROM click b WHERE b.merchant_id = s.merchant_id AND b.visitor_id = s.visitor_id"
    " AND b.is_bot AND b.occurred_at >= ? AND b.occurred_at <= ?))"
)
_REFUNDS = _select(
    "refunds", n1="COUNT(*)",
    n2="SUM(CASE WHEN EXISTS (SELECT 1 FROM refund r WHERE r.merchant_id = o.merchant_id AND r.order_id = o.id)"
    " THEN 1 ELSE 0 END)",
) + (
    " FROM shop_order o WHERE o.merchant_id = ? AND o.partner_id = ? AND o.occurred_at >= ? AND o.status <> 'canceled'"
    " AND o.id <> ?"
)


async def screen_order(merchant_id: int, order: OrderView, *, along: Relation | None = None) -> Screening:
    """The signals a new order raises under the merchant's settings, whether or not it is
    written yet: the counts read are of the *other* orders (by id), this one added, so that the
    shop-event pipeline may screen an order before the statement that writes it (and hold its
    commissions as they are written).

    An attributed order is screened for every signal that is on; an order attribution refused
    as a self-referral only for that one; any other unattributed order for nothing. One query
    at most (none when nothing is on or nothing can be looked up). `along` is another domain's
    lookup sent in the same query (a relation selecting a column `n1`, e.g. ids taken from its
    sequence), so that the caller saves a round trip; its values come back in `Screening.along`.
    """
    rules = await fraud_rules(merchant_id)
    attribution = order.attribution
    at = order.occurred_at.astimezone(UTC)
    customer, partner_id, click_id = order.customer_ref, attribution.partner_id, attribution.click_id
    refused_self = attribution.reason == Reason.none_self_referral.value
    branches: list[tuple[str, list[Any]]] = []
    refunds_key = None
    if refused_self and rules.on(Signal.self_referral) and customer is not None:
        branches.append((_SELF, [merchant_id, customer]))
    elif partner_id is not None:
        if rules.on(Signal.self_referral) and customer is not None:
            branches.append((_PARTNER, [merchant_id, partner_id]))
        if customer is not None and rules.on(Signal.customer_velocity):
            velocity = rules.customer_velocity
            since = at - timedelta(minutes=velocity.window_minutes)
            branches.append((_CUSTOMER, [merchant_id, customer, since, at, order.id, velocity.max_orders]))
        if click_id is not None:
            if rules.on(Signal.fast_order) or rules.on(Signal.bot_click):
                branches.append((_CLICK, [merchant_id, click_id]))
            if rules.on(Signal.ip_velocity):
                velocity = rules.ip_velocity
                since = at - timedelta(minutes=velocity.window_minutes)
                branches.append((_IP, [at, merchant_id, click_id, since, at, order.id, velocity.max_orders]))
            if rules.on(Signal.bot_click):
                branches.append((_BOT, [merchant_id, click_id, *(at - BOT_LOOKBACK, at) * 2]))
        if rules.on(Signal.refund_rate):
            refunds_key = (merchant_id, partner_id, rules.refund_rate.window_days)
            cached = _refunds.get(refunds_key)
            if cached is None or cached[1] <= monotonic():
                since = at - timedelta(days=rules.refund_rate.window_days)
                branches.append((_REFUNDS, [merchant_id, partner_id, since, order.id]))
    if along is not None:
        relation, relation_params = along
        branches.append((_select("along", n1="a.n1") + f" FROM ({relation}) AS a", relation_params))
    found = await _facts(branches)

    refunds = None
    if refunds_key is not None:
        if "refunds" in found:
            row = found["refunds"][0]
            refunds = (int(row["n1"] or 0) + 1, int(row["n2"] or 0))
            _refunds[refunds_key] = (refunds, monotonic() + REFUND_RATE_TTL_SECONDS)
        else:
            refunds = _refunds[refunds_key][0]
    click = found.get("click", [None])[0]
    facts = OrderFacts(
        occurred_at=at,
        customer_ref=customer,
        partner_customer_ref=found["partner"][0]["t1"] if "partner" in found else None,
        self_referral_refused=refused_self,
        click_at=instant(click["at1"]) if click and rules.on(Signal.fast_order) else None,
        click_is_bot=bool(click and click["flag"]),
        bot_source="bot" in found,
        customer_orders=_count(found, "customer", plus=1),
        ip_orders=_count(found, "ip", plus=1),
        partner_orders=refunds[0] if refunds else None,
        partner_refunded_orders=refunds[1] if refunds else None,
    )
    if refused_self:
        partner_id = min((row["n1"] for row in found.get("self", [])), default=None)
    along_values = tuple(row["n1"] for row in found.get("along", ()))
    return Screening(order.id, partner_id, raised(rules, facts), along_values)


async def _facts(branches: list[tuple[str, list[Any]]]) -> dict[str, list[dict[str, Any]]]:
    if not branches:
        return {}
    text = " UNION ALL ".join(branch for branch, _ in branches)
    rows = await connection().execute_query_dict(sql(text), [value for _, params in branches for value in params])
    found: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        found.setdefault(row["fact"], []).append(row)
    return found


def _count(found: dict[str, list[dict[str, Any]]], fact: str, *, plus: int = 0) -> int | None:
    return int(found[fact][0]["n1"]) + plus if fact in found else None


def forget_refund_rates() -> None:
    """Drop this process's cached refund rates (tests that refund and screen at once)."""
    _refunds.clear()
