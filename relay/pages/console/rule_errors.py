"""The rule set's validation errors in the page's language: each `commissions.rules.ruleset.CODES` code
has its words here, placeholders named after the refusal's parameters."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from commissions.errors import Refusal
from relay.pages.i18n import N_
from relay.pages.routing import Page

MESSAGES = {
    "unknown_field": N_("Unknown field: check its spelling."),
    "required": N_("Required."),
    "text_expected": N_("Enter text."),
    "list_expected": N_("Enter a list."),
    "object_expected": N_("Enter an object of named fields."),
    "boolean_expected": N_("Enter true or false."),
    "text_empty": N_("Must not be blank."),
    "text_too_long": N_("At most %(max_length)s characters."),
    "too_many": N_("At most %(max_length)s items."),
    "not_a_choice": N_("Choose one of: %(choices)s."),
    "rule_id_format": N_("Use at most 64 letters, digits and . _ : -, starting with a letter or digit."),
    "empty_list": N_("An empty list matches nothing: leave the condition out to match everything."),
    "decimal_with_fraction": N_("Give a decimal as text (\"2.5\") or a whole number."),
    "decimal_expected": N_("Enter a number like 2.5."),
    "decimal_format": N_("“%(value)s” is not a number like 12.5 (at most 12 digits on each side of the point)."),
    "too_large": N_("“%(value)s” is too large."),
    "percent_range": N_("A percent must be between 0 and 100, not %(value)s."),
    "factor_negative": N_("A factor must not be negative, not %(value)s."),
    "money_expected": N_("Enter an amount like 12.50."),
    "money_format": N_("“%(value)s” is not an amount like 12.50."),
    "money_decimals": N_("“%(value)s” has more decimals than %(currency)s allows (%(places)s)."),
    "amount_negative": N_("An amount must not be negative."),
    "points_negative": N_("Points must not be negative."),
    "weekday": N_("“%(value)s” is not a weekday: use 1 (Monday) to 7 (Sunday)."),
    "day_of_month": N_("“%(value)s” is not a day of the month (1 to 31)."),
    "date_format": N_("“%(value)s” is not a date like 2025-03-08."),
    "timezone_unknown": N_("Unknown time zone “%(value)s”: use a name like Asia/Shanghai."),
    "date_window": N_("The date window ends (%(date_to)s) before it starts (%(date_from)s)."),
    "level_too_deep": N_("Level %(level)s is refused: rewards go at most two levels up (1 = the attributed partner, "
                         "2 = their recruiter); deeper multi-level schemes are unlawful in the markets Relay serves."),
    "level_invalid": N_("Level must be 1 (the attributed partner) or 2 (the partner's recruiter)."),
    "unknown_group": N_("Unknown partner group “%(group)s” (known groups: %(known)s)."),
    "unknown_group_none_defined": N_("Unknown partner group “%(group)s”: no group is defined yet."),
    "tiers_empty": N_("Give at least one tier."),
    "tiers_increasing": N_("Tier thresholds must increase: %(threshold_minor)s is not above the previous tier's "
                           "%(previous_minor)s."),
    "reward_one_kind": N_("Give one reward: a percent, an amount per unit, an amount per order or tiers."),
    "incentive_one_kind": N_("Give either a percent or an amount, not both."),
    "duplicate_rule_id": N_("Rule %(number)s already has the id “%(id)s”."),
    "partial_refund_per_order_only": N_("Only an amount per order has this choice: a percent or an amount per unit "
                                        "is taken back exactly per refunded line."),
    "invalid": N_("This value is not valid."),
}


def _shown(page: Page, name: str, value: Any) -> str:
    if name.endswith("_minor") and isinstance(value, int):
        return page.format_minor(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def message(page: Page, refusal: Refusal) -> str:
    """The refusal in the page's language (a code without words here reads as "not valid")."""
    words = MESSAGES.get(refusal.code, MESSAGES["invalid"])
    return page.gettext(words, **{name: _shown(page, name, value) for name, value in refusal.params.items()})


def translated(page: Page, refusals: Iterable[Refusal]) -> list[dict[str, str]]:
    """The refusals as `[{field, message}]`, messages in the page's language."""
    return [{"field": refusal.field, "message": message(page, refusal)} for refusal in refusals]


#: The form's labels by field name (after its block's prefix), the same words as rule_set.html's.
LABELS = {
    "id": N_("Rule id"), "name": N_("Name (optional)"), "settle_as": N_("Paid as"), "reward_type": N_("Type"),
    "reward_value": N_("Percent, or amount in %(currency)s"), "partial_refund": N_("An amount per order, on a partial refund"),
    "min_month_net": N_("From month's net sales (%(currency)s)"), "percent": N_("Percent"), "multiply": N_("Multiply the reward by"),
    "skus": N_("SKUs"), "categories": N_("Categories"), "partner_groups": N_("Partner groups"),
    "partner_kinds": N_("Partner kinds"), "channel": N_("Channel"), "first_order": N_("Customer's order"),
    "min_subtotal": N_("Order subtotal at least (%(currency)s)"), "date_from": N_("From (day)"),
    "date_to": N_("To (day, included)"), "days_of_month": N_("Days of the month"), "timezone": N_("Time zone"),
    "scenes": N_("Scenes"), "weekdays": N_("Weekdays"),
    "caps-per_order-cash": N_("Cash per order (%(currency)s)"), "caps-per_order-points": N_("Points per order"),
    "caps-per_order-level": N_("The per-order cap applies to"),
    "caps-per_partner_month-cash": N_("Cash per month (%(currency)s)"),
    "caps-per_partner_month-points": N_("Points per month"),
    "caps-per_partner_month-level": N_("The monthly cap applies to"),
    "incentive-kind": N_("Discount"), "incentive-value": N_("Percent, or amount in %(currency)s"),
    "incentive-min_subtotal": N_("Order subtotal at least (%(currency)s)"),
    "incentive-first_order_only": N_("Which orders"),
}
BLOCKS = {"rules": N_("Rule %(number)s"), "modifiers": N_("Modifier %(number)s")}
LEVEL_LABELS = {"rules": N_("Who earns"), "modifiers": N_("For")}


def label(page: Page, name: str) -> str:
    """Where form field `name` is, in the page's language: ``rules-1-reward_value`` -> "Rule 2 · Percent, …"."""
    block, _, rest = name.partition("-")
    if block in BLOCKS and rest.partition("-")[0].isdigit():
        number, _, key = rest.partition("-")
        key = key.rpartition("-")[2]  # a tier's tier-0-percent
        words = LEVEL_LABELS[block] if key == "level" else LABELS.get(key, key)
        where = page.gettext(BLOCKS[block], number=int(number) + 1)
        return f"{where} · {page.gettext(words, currency=page.currency)}"
    return page.gettext(LABELS.get(name, name), currency=page.currency)


def summary(page: Page, placed: dict[str, str]) -> list[dict[str, str]]:
    """The errors shown next to fields, listed above the form: `[{field, label, message}]`, in the order found."""
    return [{"field": name, "label": label(page, name), "message": message} for name, message in placed.items()]
