"""A merchant's commission rule set (one version's content): its JSON shape and its validation.

`parse_rule_set` is the way in: it turns the JSON a merchant sent into a `RuleSet` whose money
amounts are integer minor units of the merchant currency, or raises `InvalidRuleSet` (an
`InvalidInput`) whose `errors` name each offending field (`rules.2.level`) in English words a
person can act on, and whose `refusals` give the same errors as a stable code (one of `CODES`)
with its parameters, for a page that words them in its own language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from commissions.errors import InvalidRuleSet, Refusal
from core.money import MAX_MINOR, POINTS, MoneyFormatError, parse_minor
from core.time import zone

#: Most rules and modifiers one set may hold: keeps evaluation fast and exact arithmetic bounded.
MAX_RULES = 200
MAX_MODIFIERS = 32

SCENES = ("personal", "product", "campaign", "order", "service")
WEEKDAY_NAMES = {
    name: number
    for number, names in enumerate(
        (("mon", "monday"), ("tue", "tuesday"), ("wed", "wednesday"), ("thu", "thursday"),
         ("fri", "friday"), ("sat", "saturday"), ("sun", "sunday")),
        start=1,
    )
    for name in names
}


#: Every code a refusal carries (`Refusal.code`), with its parameters. A value that is not...
CODES: dict[str, tuple[str, ...]] = {
    # ...a field of the rule set, or is missing, or has the wrong JSON type
    "unknown_field": (), "required": (), "text_expected": (), "list_expected": (), "object_expected": (),
    "boolean_expected": (),
    # ...within the bounds of its field
    "text_empty": (), "text_too_long": ("max_length",), "too_many": ("max_length",), "not_a_choice": ("choices",),
    "rule_id_format": (), "empty_list": (),
    # ...a number or an amount
    "decimal_with_fraction": (), "decimal_expected": (), "decimal_format": ("value",), "too_large": ("value",),
    "percent_range": ("value",), "factor_negative": ("value",), "money_expected": ("value",), "money_format": ("value",),
    "money_decimals": ("value", "currency", "places"), "amount_negative": (), "points_negative": (),
    # ...a day, a date or a time zone
    "weekday": ("value",), "day_of_month": ("value",), "date_format": ("value",), "timezone_unknown": ("value",),
    "date_window": ("date_from", "date_to"),
    # ...a level Relay pays
    "level_too_deep": ("level",), "level_invalid": (),
    # ...consistent with the rest of the set
    "unknown_group": ("group", "known"), "unknown_group_none_defined": ("group",), "tiers_empty": (),
    "tiers_increasing": ("threshold_minor", "previous_minor"), "reward_one_kind": ("given",),
    "incentive_one_kind": (), "duplicate_rule_id": ("id", "number"), "partial_refund_per_order_only": (),
    # ...valid for a reason no code above names (the English message says it)
    "invalid": (),
}


#: The English the API answers for each code `Refused` raises, from the code's parameters, and
#: for two of pydantic's errors; pydantic's others keep pydantic's words (`refusals`).
ENGLISH: dict[str, str | Callable[..., str]] = {
    "unknown_field": "unknown field (check its spelling; the README lists every field)",
    "required": "required",
    "empty_list": "an empty list matches nothing: leave the condition out to match everything",
    "decimal_with_fraction": 'give a decimal as a string ("2.5") or an integer, never a number with a fraction',
    "decimal_expected": 'expected a decimal string ("2.5") or an integer',
    "decimal_format": '{value!r} is not a decimal like "12.5" (at most 12 digits each side of the point)',
    "too_large": "{value!r} is too large",
    "percent_range": "a percent must be between 0 and 100, not {value}",
    "factor_negative": "a factor must not be negative, not {value}",
    "money_expected": "expected a decimal string or integer minor units",
    "money_format": "{value!r} is not a decimal amount",
    "money_decimals": "{value!r} has more decimals than {currency} allows ({places})",
    "amount_negative": "an amount must not be negative",
    "points_negative": "points must not be negative",
    "weekday": '{value!r} is not a weekday: use 1 (Monday) to 7 (Sunday) or a name like "sat"',
    "day_of_month": "{value!r} is not a day of the month (1 to 31)",
    "date_format": '{value!r} is not a date like "2025-03-08"',
    "timezone_unknown": "unknown time zone {value!r}",
    "date_window": "the date window ends ({date_to}) before it starts ({date_from})",
    "level_too_deep": "level {level} is refused: rewards go at most two levels up (1 = the attributed partner, "
                      "2 = their recruiter); deeper multi-level schemes are unlawful in the markets Relay serves",
    "level_invalid": "level must be 1 (the attributed partner) or 2 (the partner's recruiter)",
    "unknown_group": lambda group, known: f"unknown partner group {group!r} (known groups: {', '.join(known)})",
    "unknown_group_none_defined": "unknown partner group {group!r} (known groups: none defined yet)",
    "tiers_empty": "give at least one tier",
    "tiers_increasing": "tier thresholds must increase: {threshold_minor} is not above the previous tier's "
                        "{previous_minor}",
    "reward_one_kind": lambda given: "give exactly one of percent, flat_per_unit, flat_per_order, tiers"
                                     + (f" (got {', '.join(given)})" if given else ""),
    "incentive_one_kind": "give exactly one of percent, amount",
    "partial_refund_per_order_only": "partial_refund applies to a flat_per_order reward only (a percent or per-unit"
                                     " amount is reversed exactly per refunded line)",
    "duplicate_rule_id": lambda id, number: f"duplicate rule id {id!r} (rules.{number - 1}.id has it)",
}


class Refused(ValueError):
    """A value refused: a `code` of `CODES` with its `params`, and in English (what the API shows)
    the words `ENGLISH` gives them, or `message` for a code without words there ("invalid").
    `path` lies below the model raising it (appended to its location)."""

    def __init__(
        self, code: str, *, path: tuple[str | int, ...] = (), message: str | None = None, **params: Any
    ) -> None:
        if message is None:
            words = ENGLISH[code]
            message = words(**params) if callable(words) else words.format(**params)
        super().__init__(message)
        self.code = code
        self.path = path
        self.params = params


def _context(info: ValidationInfo, key: str) -> Any:
    if not info.context or key not in info.context:
        raise ValueError(f"cannot be checked without the merchant's {key.replace('_', ' ')}: use parse_rule_set")
    return info.context[key]


# --- value types -----------------------------------------------------------------------------
# Decimals come as strings ("12.5") or integers; a JSON number with a fraction is a float and is
# refused. At most 12 digits either side of the point keeps every product in evaluation exact.

_DECIMAL_TEXT = re.compile(r"[+-]?\d{1,12}(\.\d{1,12})?")


def _decimal(value: object) -> Decimal:
    if isinstance(value, float):
        raise Refused("decimal_with_fraction")
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise Refused("decimal_expected")
    if isinstance(value, int):
        if abs(value) >= 10**12:
            raise Refused("too_large", value=value)
        return Decimal(value)
    text = value.strip()
    if not _DECIMAL_TEXT.fullmatch(text):
        raise Refused("decimal_format", value=value)
    return Decimal(text)


def _percent(value: Decimal) -> Decimal:
    if not 0 <= value <= 100:
        raise Refused("percent_range", value=value)
    return value


def _factor(value: Decimal) -> Decimal:
    if value < 0:
        raise Refused("factor_negative", value=value)
    return value


def _money(value: object, info: ValidationInfo) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        minor = value
        if abs(minor) > MAX_MINOR:
            raise Refused("too_large", value=value)
    else:
        try:
            minor = parse_minor(value, _context(info, "currency"), field="amount")  # type: ignore[arg-type]
        except MoneyFormatError as exc:
            raise _money_refused(exc, "amount: ") from None
    if minor < 0:
        raise Refused("amount_negative")
    return minor


#: `core.money.MoneyFormatError` codes, as refusal codes.
_MONEY_CODES = {"expected": "money_expected", "not_decimal": "money_format", "too_many_decimals": "money_decimals",
                "too_large": "too_large"}


def _money_refused(exc: MoneyFormatError, prefix: str) -> Refused:
    code = _MONEY_CODES.get(exc.code)
    if code is None:
        return Refused("invalid", message=str(exc).removeprefix(prefix))
    return Refused(code, **exc.params)


def _points(value: object) -> int:
    try:
        points = parse_minor(value, POINTS, field="points")  # type: ignore[arg-type]
    except MoneyFormatError as exc:
        raise _money_refused(exc, "points: ") from None
    if points < 0:
        raise Refused("points_negative")
    return points


def _weekday(value: object) -> int:
    if isinstance(value, str) and value.strip().lower() in WEEKDAY_NAMES:
        return WEEKDAY_NAMES[value.strip().lower()]
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 7:
        return value
    raise Refused("weekday", value=value)


def _day_of_month(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 31:
        return value
    raise Refused("day_of_month", value=value)


def _calendar_date(value: object) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise Refused("date_format", value=value)


def _timezone(value: str) -> str:
    try:
        zone(value)
    except ValueError:
        raise Refused("timezone_unknown", value=value) from None
    return value


def _level(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        if value in (1, 2):
            return value
        if value > 2:
            raise Refused("level_too_deep", level=value)
    raise Refused("level_invalid")


def _non_empty(items: tuple[Any, ...]) -> tuple[Any, ...]:
    if not items:
        raise Refused("empty_list")
    return items


_DECIMAL_SCHEMA = {"anyOf": [{"type": "string", "pattern": _DECIMAL_TEXT.pattern}, {"type": "integer"}]}
_MONEY_SCHEMA = {
    "anyOf": [{"type": "integer", "minimum": 0, "description": "minor units"},
              {"type": "string", "description": "decimal in major units of the merchant currency"}]
}

Percent = Annotated[Decimal, BeforeValidator(_decimal), AfterValidator(_percent), WithJsonSchema(_DECIMAL_SCHEMA)]
Factor = Annotated[Decimal, BeforeValidator(_decimal), AfterValidator(_factor), WithJsonSchema(_DECIMAL_SCHEMA)]
#: Money in the merchant currency: integer minor units, or a decimal string in major units.
MoneyMinor = Annotated[int, BeforeValidator(_money), WithJsonSchema(_MONEY_SCHEMA)]
Points = Annotated[int, BeforeValidator(_points), WithJsonSchema({"type": "integer", "minimum": 0})]
Weekday = Annotated[int, BeforeValidator(_weekday),
                    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1, "maximum": 7}, {"type": "string"}]})]
DayOfMonth = Annotated[int, BeforeValidator(_day_of_month), WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 31})]
CalendarDate = Annotated[date, BeforeValidator(_calendar_date), WithJsonSchema({"type": "string", "format": "date"})]
TimeZone = Annotated[str, AfterValidator(_timezone)]
Level = Annotated[int, BeforeValidator(_level), WithJsonSchema({"type": "integer", "enum": [1, 2]})]
Name = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1, max_length=100)]
#: A list condition: at least one value (an empty list would match nothing), at most 500.
Names = Annotated[tuple[Name, ...], Field(max_length=500), AfterValidator(_non_empty)]
RuleId = Annotated[str, StringConstraints(strict=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")]
SettleAs = Literal["cash", "points"]
#: What a partial refund does to a flat per-order amount (`Rule.partial_refund`).
PartialRefund = Literal["keep", "prorate"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- conditions ------------------------------------------------------------------------------


class Conditions(_Model):
    """What an order, a line and a partner must be for a rule (or a modifier) to apply; all must hold.

    Line conditions (`skus`, `categories`) look at the line being evaluated; for a per-order rule
    they hold when at least one line of the order meets both. Calendar conditions look at the
    order's local date in `timezone` (default: the merchant's).
    """

    skus: Names | None = None
    categories: Names | None = None
    partner_groups: Names | None = None
    partner_kinds: Names | None = None
    channel: Literal["online", "store"] | None = None
    scenes: Annotated[tuple[Literal[SCENES], ...], AfterValidator(_non_empty)] | None = None  # type: ignore[valid-type]
    first_order: StrictBool | None = Field(
        default=None, description="true: only the customer's first attributed order; false: only repeats"
    )
    min_subtotal: MoneyMinor | None = Field(default=None, description="order subtotal at least this")
    date_from: CalendarDate | None = Field(default=None, description="first day, inclusive")
    date_to: CalendarDate | None = Field(default=None, description="last day, inclusive")
    days_of_month: Annotated[tuple[DayOfMonth, ...], AfterValidator(_non_empty)] | None = None
    weekdays: Annotated[tuple[Weekday, ...], AfterValidator(_non_empty)] | None = Field(
        default=None, description="1 = Monday .. 7 = Sunday, or names (mon, monday, ...)"
    )
    timezone: TimeZone | None = Field(default=None, description="for the calendar conditions; default the merchant's")

    @field_validator("partner_groups")
    @classmethod
    def _known_groups(cls, groups: tuple[str, ...] | None, info: ValidationInfo) -> tuple[str, ...] | None:
        if groups is None:
            return None
        known = _context(info, "known_groups")
        for index, group in enumerate(groups):
            if group not in known:
                raise Refused(
                    "unknown_group" if known else "unknown_group_none_defined", path=(index,),
                    group=group, **({"known": sorted(known)} if known else {}),
                )
        return groups

    @model_validator(mode="after")
    def _window(self) -> Conditions:
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise Refused("date_window", path=("date_to",), date_from=self.date_from, date_to=self.date_to)
        return self


# --- rewards ---------------------------------------------------------------------------------


class Tier(_Model):
    """From this much attributed net sales in the calendar month (this order included), this percent."""

    min_month_net: MoneyMinor
    percent: Percent


class Reward(_Model):
    """Exactly one of: a percent of the line's net, an amount per unit, an amount once per order,
    or volume tiers (a percent chosen by the partner's month-to-date net sales)."""

    percent: Percent | None = None
    flat_per_unit: MoneyMinor | None = None
    flat_per_order: MoneyMinor | None = None
    tiers: Annotated[tuple[Tier, ...], Field(max_length=50)] | None = None

    @property
    def type(self) -> str:
        return next(name for name in ("percent", "flat_per_unit", "flat_per_order", "tiers")
                    if getattr(self, name) is not None)

    @field_validator("tiers")
    @classmethod
    def _increasing(cls, tiers: tuple[Tier, ...] | None) -> tuple[Tier, ...] | None:
        if tiers is not None and not tiers:
            raise Refused("tiers_empty")
        for index in range(1, len(tiers or ())):
            before, tier = tiers[index - 1], tiers[index]  # type: ignore[index]
            if tier.min_month_net <= before.min_month_net:
                raise Refused(
                    "tiers_increasing", path=(index, "min_month_net"), threshold_minor=tier.min_month_net,
                    previous_minor=before.min_month_net,
                )
        return tiers

    @model_validator(mode="after")
    def _exactly_one(self) -> Reward:
        given = [name for name in ("percent", "flat_per_unit", "flat_per_order", "tiers")
                 if getattr(self, name) is not None]
        if len(given) != 1:
            raise Refused("reward_one_kind", given=given)
        return self


# --- rules, modifiers, caps --------------------------------------------------------------------


class Rule(_Model):
    """One way to earn: who (`level`), when (`conditions`), how much (`reward`).

    Rules are tried in list order; the first whose conditions hold wins (per line, or once per
    order for `flat_per_order` rules), so the list order is the precedence.
    """

    id: RuleId
    name: Name | None = None
    level: Level
    conditions: Conditions = Conditions()
    reward: Reward
    settle_as: SettleAs | None = Field(default=None, description="force cash or points; default the partner's preference")
    partial_refund: PartialRefund | None = Field(
        default=None,
        description="flat_per_order rewards only: what a partial refund of the order does to the amount; keep"
        " (the default: only a refund of the whole order reverses it) or prorate (reversed in proportion to the"
        " order's refunded net)",
    )

    @model_validator(mode="after")
    def _partial_refund_per_order_only(self) -> Rule:
        if self.partial_refund is not None and self.reward.flat_per_order is None:
            raise Refused("partial_refund_per_order_only", path=("partial_refund",))
        return self


class Modifier(_Model):
    """Multiplies the matched rule's reward when its conditions hold; modifiers stack by multiplying."""

    name: Name | None = None
    level: Level | None = Field(default=None, description="only for this level; default both")
    conditions: Conditions = Conditions()
    multiply: Factor


class CapAmounts(_Model):
    """A cap per settlement kind: cash in the merchant currency, points as whole points; with
    `level`, only the commissions of that level are capped (and counted, for a monthly cap)."""

    cash: MoneyMinor | None = None
    points: Points | None = None
    level: Level | None = Field(default=None, description="only for this level; default both")


class Caps(_Model):
    per_order: CapAmounts | None = Field(default=None, description="per partner per order")
    per_partner_month: CapAmounts | None = Field(default=None, description="per partner per calendar month")


class CustomerIncentive(_Model):
    """What a referred customer gets off: a percent or an amount of the subtotal, never more than it."""

    percent: Percent | None = None
    amount: MoneyMinor | None = None
    first_order_only: StrictBool = False
    min_subtotal: MoneyMinor | None = None

    @model_validator(mode="after")
    def _one_discount(self) -> CustomerIncentive:
        if (self.percent is None) == (self.amount is None):
            raise Refused("incentive_one_kind")
        return self


class RuleSet(_Model):
    """One version of a merchant's rule set. Money is in integer minor units of the merchant currency."""

    rules: tuple[Rule, ...] = Field(default=(), max_length=MAX_RULES)
    modifiers: tuple[Modifier, ...] = Field(default=(), max_length=MAX_MODIFIERS)
    caps: Caps = Caps()
    customer_incentive: CustomerIncentive | None = None

    @model_validator(mode="after")
    def _unique_ids(self) -> RuleSet:
        seen: dict[str, int] = {}
        for index, rule in enumerate(self.rules):
            if rule.id in seen:
                raise Refused("duplicate_rule_id", path=("rules", index, "id"), id=rule.id, number=seen[rule.id] + 1)
            seen[rule.id] = index
        return self


# --- the way in --------------------------------------------------------------------------------


def parse_rule_set(
    data: Mapping[str, Any], *, currency: str, known_groups: Iterable[str], where: str = ""
) -> RuleSet:
    """Validate a rule set sent as JSON; raise `InvalidRuleSet` listing every `{field, message}`.

    `currency` reads decimal amounts ("12.50") into minor units; `known_groups` are the merchant's
    partner groups a condition may name. `where` prefixes field paths when the rule set is nested
    in a request body (`where="content"` gives `content.rules.2.level`).
    """
    try:
        return RuleSet.model_validate(
            data, context={"currency": currency, "known_groups": frozenset(known_groups)}
        )
    except ValidationError as exc:
        found = refusals(exc, where)
        first = found[0]
        raise InvalidRuleSet(f"invalid rule set: {first.field}: {first.message}", found) from None


def dump_rule_set(rule_set: RuleSet) -> dict[str, Any]:
    """The rule set as JSON with amounts in minor units; `parse_rule_set` reads it back unchanged."""
    return rule_set.model_dump(mode="json", exclude_none=True)


#: pydantic's own error types, as codes (any other is "invalid", with pydantic's English message).
_PYDANTIC_CODES = {
    "extra_forbidden": "unknown_field", "missing": "required", "string_type": "text_expected",
    "string_too_short": "text_empty", "string_too_long": "text_too_long", "too_long": "too_many",
    "literal_error": "not_a_choice", "bool_type": "boolean_expected", "bool_parsing": "boolean_expected",
    "tuple_type": "list_expected", "model_type": "object_expected", "model_attributes_type": "object_expected",
    "dict_type": "object_expected", "string_pattern_mismatch": "rule_id_format",
}


def refusals(exc: ValidationError, where: str = "") -> list[Refusal]:
    """pydantic's errors with dotted paths (`rules.2.reward.percent`), English messages and codes."""
    found = []
    for err in exc.errors(include_url=False):
        loc: tuple[Any, ...] = err["loc"]
        cause = (err.get("ctx") or {}).get("error")
        code, params = _PYDANTIC_CODES.get(err["type"], "invalid"), {}
        if isinstance(cause, Refused):
            loc = (*loc, *cause.path)
            code, params = cause.code, cause.params
        if isinstance(cause, ValueError):
            message = str(cause)
        elif isinstance(words := ENGLISH.get(code), str):  # pydantic's error, in Relay's words
            message = words
        else:
            message = err["msg"].replace("Tuple should", "List should")
            params = _pydantic_params(code, err.get("ctx") or {})
        path = ".".join(str(part) for part in (where, *loc) if part != "")
        found.append(Refusal(path or "rule_set", message, code, params))
    return found


def _pydantic_params(code: str, ctx: Mapping[str, Any]) -> dict[str, Any]:
    if code in ("text_too_long", "too_many"):
        return {"max_length": ctx.get("max_length")}
    if code == "not_a_choice":
        return {"choices": re.findall(r"'([^']*)'", str(ctx.get("expected", "")))}
    return {}
