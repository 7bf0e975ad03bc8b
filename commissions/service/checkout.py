"""The referred customer's discount, asked by the shop before checkout (nothing is written)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from commissions.incentive import customer_discount
from commissions.service.rule_sets import active_rule_set
from commissions.service.sql import utc
from commissions.service.terms import evaluation_terms
from core.errors import InvalidInput
from core.money import MoneyFormatError, parse_minor
from core.time import now
from referral.service.sales import checkout_referral


@dataclass(frozen=True, slots=True)
class Incentive:
    """The discount to show, the partner it is thanks to, and why (`reason`).

    `reason` is `discount` when there is one; otherwise the attribution's `none_...` reason when
    no partner would get the order, or the rules' (`no_active_rule_set`, `no_incentive`,
    `first_order_only`, `below_min_subtotal`).
    """

    discount_minor: int
    currency: str
    reason: str
    partner_id: int | None = None
    partner_code: str | None = None
    found_by: str | None = None
    rule_set_version: int | None = None


async def checkout_incentive(
    merchant_id: int,
    *,
    subtotal: int | str,
    click_id: str | None = None,
    visitor_id: str | None = None,
    partner_code: str | None = None,
    customer_ref: str | None = None,
    at: datetime | None = None,
) -> Incentive:
    """What a customer at checkout gets off, from the active rule set's `customer_incentive`,
    for the partner the order would be attributed to (the attribution rules, applied now).

    `subtotal` is integer minor units or a decimal string in major units of the merchant currency.
    A customer the shop cannot name (no `customer_ref`) is taken as a first-time customer.
    """
    at = utc(at or now())
    terms = await evaluation_terms(merchant_id)
    try:
        subtotal_minor = parse_minor(subtotal, terms.currency, field="subtotal")
    except MoneyFormatError as exc:
        raise InvalidInput(str(exc), [{"field": "subtotal", "message": str(exc)}]) from None
    if subtotal_minor < 0:
        raise InvalidInput("subtotal must not be negative", [{"field": "subtotal", "message": "must not be negative"}])
    referral = await checkout_referral(
        merchant_id, at=at, partner_code=partner_code, click_id=click_id, visitor_id=visitor_id,
        customer_ref=customer_ref,
    )
    if referral.partner_id is None:
        return Incentive(0, terms.currency, referral.reason)
    partner = {"partner_id": referral.partner_id, "partner_code": referral.partner_code, "found_by": referral.reason}
    active = await active_rule_set(merchant_id, terms.currency)
    if active is None:
        return Incentive(0, terms.currency, "no_active_rule_set", **partner)
    incentive = active.rule_set.customer_incentive
    discount = customer_discount(
        incentive, subtotal_minor=subtotal_minor, is_first_order=referral.is_first_order, rounding=terms.rounding
    )
    if discount:
        reason = "discount"
    elif incentive is None:
        reason = "no_incentive"
    elif incentive.first_order_only and not referral.is_first_order:
        reason = "first_order_only"
    elif incentive.min_subtotal is not None and subtotal_minor < incentive.min_subtotal:
        reason = "below_min_subtotal"
    else:
        reason = "no_incentive"
    return Incentive(discount, terms.currency, reason, **partner, rule_set_version=active.version)
