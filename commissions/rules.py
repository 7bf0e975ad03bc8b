"""Commission evaluation: who earns how much on an order under a rule set, exactly, and why.

Pure: no database, no clock. The caller (the commissions service) loads the facts, calls
`evaluate`, and stores the drafts. The order of decisions, for each beneficiary (level 1 = the
attributed partner, level 2 = their recruiter):

1. per line, the first rule of the beneficiary's level whose conditions hold (list order), among
   the per-line rules (`percent`, `flat_per_unit`, `tiers`);
2. once per order, the first `flat_per_order` rule of that level whose conditions hold;
3. every modifier whose conditions hold multiplies the reward (they stack by multiplying);
4. the amount is converted to points when settled in points, and rounded once;
5. caps: per partner, per settlement kind, first `per_order` then `per_partner_month`. A cap that
   cuts several commissions splits the capped total over them by largest remainder in proportion
   to their amounts, so each line keeps its own commission (refunds reverse per line).

Everything is exact `Decimal` until the one rounding; amounts out are `int` (minor units or
points). Tiers: the percent is chosen by the beneficiary's month-to-date net sales *including this
whole order*, and the whole order earns the tier reached (no split of an order across tiers).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Context, Decimal, DivisionByZero, Inexact, InvalidOperation, Overflow, localcontext
from typing import Any, Literal

from core.errors import InvalidInput
from core.money import MAX_MINOR, Rounding, allocate, decimals, round_minor
from core.time import zone

from .ruleset import Conditions, RuleSet

RewardKind = Literal["cash", "points"]
PointsRounding = Literal["down", "nearest"]

#: Exact arithmetic: products of validated inputs stay far below 1000 digits, and an inexact
#: result would raise instead of rounding silently.
_EXACT = Context(prec=1000, traps=[InvalidOperation, DivisionByZero, Overflow, Inexact])
#: The one rounding (quantize must be allowed to drop digits).
_ROUNDING = Context(prec=1000, traps=[InvalidOperation, DivisionByZero, Overflow])
_POINTS_ROUNDING = {"down": Rounding.down, "nearest": Rounding.half_up}


# --- what the caller gives -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Terms:
    """The merchant's settings evaluation needs.

    `points_per_unit`: points for one major unit of the currency ("10" = 10 points per yuan).
    `points_rounding`: `down` or `nearest` (half up) when an amount becomes whole points.
    """

    currency: str
    timezone: str
    rounding: Rounding = Rounding.half_up
    points_per_unit: Decimal = Decimal(1)
    points_rounding: PointsRounding = "down"
    minor_digits: int = field(init=False, repr=False, compare=False)
    points_per_unit_text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rate = self.points_per_unit
        if isinstance(rate, float | bool) or not isinstance(rate, Decimal | int | str):
            raise TypeError("points_per_unit must be a Decimal, an int or a decimal string, never a float")
        rate = Decimal(rate)
        if not rate.is_finite() or rate < 0:
            raise ValueError(f"points_per_unit must be a non-negative decimal, not {rate}")
        if self.points_rounding not in _POINTS_ROUNDING:
            raise ValueError(f"points_rounding must be down or nearest, not {self.points_rounding!r}")
        zone(self.timezone)
        object.__setattr__(self, "points_per_unit", rate)
        object.__setattr__(self, "rounding", Rounding(self.rounding))
        object.__setattr__(self, "minor_digits", decimals(self.currency))
        object.__setattr__(self, "points_per_unit_text", _text(rate))


@dataclass(frozen=True, slots=True)
class LineFacts:
    """One order line; `net_minor` is its gross less its share of the order discount."""

    line_no: int
    sku: str
    category: str
    quantity: int
    net_minor: int

    def __post_init__(self) -> None:
        if self.quantity < 0 or self.net_minor < 0:
            raise ValueError(f"line {self.line_no}: quantity and net_minor must not be negative")


@dataclass(frozen=True, slots=True)
class OrderFacts:
    """An attributed order as the rules see it. `subtotal_minor` is the gross before discount."""

    occurred_at: datetime
    channel: str
    scene: str | None
    is_first_order: bool
    subtotal_minor: int
    lines: tuple[LineFacts, ...]
    net_minor: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.occurred_at.tzinfo is None or self.occurred_at.utcoffset() is None:
            raise ValueError("occurred_at must be an aware datetime")
        object.__setattr__(self, "lines", tuple(self.lines))
        object.__setattr__(self, "net_minor", sum(line.net_minor for line in self.lines))


@dataclass(frozen=True, slots=True)
class Beneficiary:
    """A partner who may earn on the order, at `level` 1 (attributed) or 2 (their recruiter).

    `month_net_before_minor`: net sales counting toward this partner's tier this calendar month,
    before this order. `month_earned`: per kind (`cash`, `points`), what they already earned this
    calendar month (merchant time zone), for the monthly cap.
    """

    partner_id: int
    level: int
    group: str | None = None
    kind: str = "customer"
    reward_preference: str = "cash"
    month_net_before_minor: int = 0
    month_earned: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.level not in (1, 2):
            raise ValueError(f"partner {self.partner_id}: level must be 1 or 2, not {self.level}")
        if self.reward_preference not in ("cash", "points"):
            raise ValueError(f"partner {self.partner_id}: reward_preference must be cash or points")


@dataclass(frozen=True, slots=True)
class CommissionDraft:
    """One commission to store: `amount` is integer minor units (cash) or points; never negative.

    `line_no` is None for a per-order reward. `base_minor` is the net it was computed on (the
    line's net, or the order's net for a per-order reward): refunds reverse in proportion to it.
    """

    partner_id: int
    level: int
    line_no: int | None
    rule_id: str
    kind: RewardKind
    amount: int
    base_minor: int
    explanation: dict[str, Any]


# --- compiled conditions ---------------------------------------------------------------------


def _text(value: Decimal) -> str:
    """A decimal for people: plain notation, no trailing zeros ("12.5", "1990")."""
    return format(value.normalize(_ROUNDING), "f")


class _OrderView:
    """Per-evaluation facts derived once: local dates per time zone."""

    __slots__ = ("order", "default_tz", "_dates")

    def __init__(self, order: OrderFacts, terms: Terms) -> None:
        self.order = order
        self.default_tz = terms.timezone
        self._dates: dict[str, date] = {}

    def local_date(self, tz: str | None) -> tuple[date, str]:
        name = tz or self.default_tz
        day = self._dates.get(name)
        if day is None:
            day = self._dates[name] = self.order.occurred_at.astimezone(zone(name)).date()
        return day, name


class Predicate:
    """`Conditions` compiled: sets for membership, order-level checks split from line-level ones
    so that a rule's order and partner conditions are checked once per order, not per line."""

    __slots__ = (
        "conditions", "level", "skus", "categories", "groups", "kinds", "scenes", "calendar",
        "has_line_conditions", "days", "weekdays", "explained", "any_order",
    )

    def __init__(self, conditions: Conditions, level: int | None = None) -> None:
        c = self.conditions = conditions
        self.level = level
        self.skus = frozenset(c.skus) if c.skus is not None else None
        self.categories = frozenset(c.categories) if c.categories is not None else None
        self.groups = frozenset(c.partner_groups) if c.partner_groups is not None else None
        self.kinds = frozenset(c.partner_kinds) if c.partner_kinds is not None else None
        self.scenes = frozenset(c.scenes) if c.scenes is not None else None
        self.days = frozenset(c.days_of_month) if c.days_of_month is not None else None
        self.weekdays = frozenset(c.weekdays) if c.weekdays is not None else None
        self.calendar = any(v is not None for v in (c.date_from, c.date_to, self.days, self.weekdays))
        self.has_line_conditions = self.skus is not None or self.categories is not None
        #: no order, partner or calendar condition: `order_matches` would always say yes
        self.any_order = level is None and not self.calendar and all(
            v is None for v in (self.groups, self.kinds, c.channel, self.scenes, c.first_order, c.min_subtotal)
        )
        #: (condition, expected, where the value is seen, attribute) of each condition given
        self.explained = tuple(
            spec for spec in (
                ("level", level, "who", "level"),
                ("skus", c.skus, "line", "sku"),
                ("categories", c.categories, "line", "category"),
                ("partner_groups", c.partner_groups, "who", "group"),
                ("partner_kinds", c.partner_kinds, "who", "kind"),
                ("channel", c.channel, "order", "channel"),
                ("scenes", c.scenes, "order", "scene"),
                ("first_order", c.first_order, "order", "is_first_order"),
                ("min_subtotal", c.min_subtotal, "order", "subtotal_minor"),
            ) if spec[1] is not None
        )

    def order_matches(self, view: _OrderView, who: Beneficiary) -> bool:
        c, order = self.conditions, view.order
        if self.level is not None and who.level != self.level:
            return False
        if self.groups is not None and who.group not in self.groups:
            return False
        if self.kinds is not None and who.kind not in self.kinds:
            return False
        if c.channel is not None and order.channel != c.channel:
            return False
        if self.scenes is not None and order.scene not in self.scenes:
            return False
        if c.first_order is not None and order.is_first_order is not c.first_order:
            return False
        if c.min_subtotal is not None and order.subtotal_minor < c.min_subtotal:
            return False
        if self.calendar:
            day, _ = view.local_date(c.timezone)
            if c.date_from is not None and day < c.date_from:
                return False
            if c.date_to is not None and day > c.date_to:
                return False
            if self.days is not None and day.day not in self.days:
                return False
            if self.weekdays is not None and day.isoweekday() not in self.weekdays:
                return False
        return True

    def line_matches(self, line: LineFacts) -> bool:
        return (self.skus is None or line.sku in self.skus) and (
            self.categories is None or line.category in self.categories
        )

    def first_line(self, lines: Sequence[LineFacts]) -> LineFacts | None:
        """For a per-order reward: the first line meeting the line conditions."""
        return next((line for line in lines if self.line_matches(line)), None)

    def describe(self, view: _OrderView, who: Beneficiary, line: LineFacts | None, *, per_order: bool) -> list:
        """The conditions that held, each with the value seen (for the explanation)."""
        seen = []
        for name, expected, source, attribute in self.explained:
            if source == "line":
                if line is None:
                    continue
                entry = {"condition": name, "expected": list(expected), "seen": getattr(line, attribute)}
                if per_order:
                    entry["line_no"] = line.line_no
            else:
                holder = who if source == "who" else view.order
                value = list(expected) if type(expected) is tuple else expected
                entry = {"condition": name, "expected": value, "seen": getattr(holder, attribute)}
            seen.append(entry)
        if self.calendar:
            c = self.conditions
            day, tz = view.local_date(c.timezone)
            if c.date_from is not None or c.date_to is not None:
                window = {"from": c.date_from and c.date_from.isoformat(), "to": c.date_to and c.date_to.isoformat()}
                seen.append({"condition": "date_window", "expected": window, "seen": day.isoformat(), "timezone": tz})
            if c.days_of_month is not None:
                seen.append({"condition": "days_of_month", "expected": list(c.days_of_month), "seen": day.day,
                             "local_date": day.isoformat(), "timezone": tz})
            if c.weekdays is not None:
                seen.append({"condition": "weekdays", "expected": list(c.weekdays), "seen": day.isoweekday(),
                             "local_date": day.isoformat(), "timezone": tz})
        return seen


@dataclass(slots=True)
class CompiledRule:
    """A rule ready to evaluate: its predicate, and its reward with the texts explanations quote."""

    id: str
    name: str | None
    level: int
    when: Predicate
    reward_type: str
    settle_as: RewardKind | None
    percent: Decimal | None = None
    percent_text: str = ""
    amount: int | None = None
    #: (min_month_net, percent, percent as text), increasing
    tiers: tuple[tuple[int, Decimal, str], ...] = ()
    #: the percent as a fraction (percent / 100), exact, for the explanation-free path
    rate: Decimal | None = None
    #: (min_month_net, rate), increasing
    tier_rates: tuple[tuple[int, Decimal], ...] = ()


@dataclass(slots=True)
class CompiledModifier:
    """A modifier ready to evaluate; `index` is its place in the rule set's list."""

    index: int
    name: str | None
    factor: Decimal
    factor_text: str
    when: Predicate


@dataclass(slots=True)
class _Pending:
    """A commission between its exact amount and its final, capped amount."""

    who: Beneficiary
    rule: CompiledRule
    line_no: int | None
    kind: RewardKind
    base_minor: int
    exact: Decimal  # in the settlement unit: minor units of cash, or points
    exact_text: str
    explanation: dict[str, Any] | None  # None on the explanation-free path
    amount: int = 0


class CompiledRuleSet:
    """A `RuleSet` prepared for fast evaluation; compile once per version, evaluate many orders."""

    def __init__(self, rule_set: RuleSet) -> None:
        self.rule_set = rule_set
        self.line_rules: dict[int, list[CompiledRule]] = {1: [], 2: []}
        self.order_rules: dict[int, list[CompiledRule]] = {1: [], 2: []}
        for rule in rule_set.rules:
            reward = rule.reward
            compiled = CompiledRule(
                id=rule.id, name=rule.name, level=rule.level, when=Predicate(rule.conditions),
                reward_type=reward.type, settle_as=rule.settle_as, percent=reward.percent,
                percent_text=_text(reward.percent) if reward.percent is not None else "",
                amount=reward.flat_per_unit if reward.flat_per_unit is not None else reward.flat_per_order,
                tiers=tuple((t.min_month_net, t.percent, _text(t.percent)) for t in reward.tiers or ()),
                rate=reward.percent.scaleb(-2) if reward.percent is not None else None,
                tier_rates=tuple((t.min_month_net, t.percent.scaleb(-2)) for t in reward.tiers or ()),
            )
            target = self.order_rules if reward.flat_per_order is not None else self.line_rules
            target[rule.level].append(compiled)
        self.modifiers = [
            CompiledModifier(index, m.name, m.multiply, _text(m.multiply), Predicate(m.conditions, m.level))
            for index, m in enumerate(rule_set.modifiers)
        ]

    def evaluate(
        self, version: int, order: OrderFacts, beneficiaries: Sequence[Beneficiary], terms: Terms,
        *, keep_zero: bool = False, explain: bool = True,
    ) -> list[CommissionDraft]:
        """See the module function `evaluate`. `explain=False` gives the same drafts with an empty
        `explanation`, several times faster: for callers that only add amounts up (simulation)."""
        view = _OrderView(order, terms)
        pending: list[_Pending] = []
        if not explain:
            self._amounts(order, view, beneficiaries, terms, pending)
            _round(pending, terms, explain=False)
            self._apply_caps(pending, explain=False)
            return [
                CommissionDraft(item.who.partner_id, item.who.level, item.line_no, item.rule.id, item.kind,
                                item.amount, item.base_minor, {})
                for item in pending if item.amount or keep_zero
            ]
        with localcontext(_EXACT):
            for who in beneficiaries:
                modifiers = [m for m in self.modifiers if m.when.any_order or m.when.order_matches(view, who)]
                candidates = [
                    r for r in self.line_rules[who.level] if r.when.any_order or r.when.order_matches(view, who)
                ]
                if candidates:
                    for line in order.lines:
                        for rule in candidates:
                            when = rule.when
                            if (when.skus is None or line.sku in when.skus) and (
                                when.categories is None or line.category in when.categories
                            ):
                                pending.append(self._on_line(version, rule, line, who, view, modifiers, terms))
                                break
                for rule in self.order_rules[who.level]:
                    if not rule.when.order_matches(view, who):
                        continue
                    line = rule.when.first_line(order.lines) if rule.when.has_line_conditions else None
                    if rule.when.has_line_conditions and line is None:
                        continue
                    pending.append(self._on_order(version, rule, line, who, view, modifiers, terms))
                    break
        _round(pending, terms)
        self._apply_caps(pending)
        drafts = []
        for item in pending:
            if item.amount or keep_zero:
                item.explanation["amount"] = item.amount
                drafts.append(CommissionDraft(
                    partner_id=item.who.partner_id, level=item.who.level, line_no=item.line_no,
                    rule_id=item.rule.id, kind=item.kind, amount=item.amount, base_minor=item.base_minor,
                    explanation=item.explanation,
                ))
        return drafts

    def _amounts(
        self, order: OrderFacts, view: _OrderView, beneficiaries: Sequence[Beneficiary], terms: Terms,
        pending: list[_Pending],
    ) -> None:
        """The decisions of `evaluate`, in the same order and with the same exact arithmetic, minus
        everything that only serves the explanation (texts, dicts, condition descriptions)."""
        lines = order.lines
        with localcontext(_EXACT):
            for who in beneficiaries:
                modifiers = [m for m in self.modifiers if m.when.any_order or m.when.order_matches(view, who)]
                candidates = [
                    r for r in self.line_rules[who.level] if r.when.any_order or r.when.order_matches(view, who)
                ]
                if candidates:
                    for line in lines:
                        for rule in candidates:
                            when = rule.when
                            if (when.skus is None or line.sku in when.skus) and (
                                when.categories is None or line.category in when.categories
                            ):
                                if rule.reward_type == "flat_per_unit":
                                    exact = Decimal(rule.amount * line.quantity)  # type: ignore[operator]
                                elif rule.reward_type == "tiers":
                                    exact = Decimal(line.net_minor) * _tier_rate(rule, who, order)
                                else:
                                    exact = Decimal(line.net_minor) * rule.rate  # type: ignore[operator]
                                for m in modifiers:
                                    if m.when.line_matches(line):
                                        exact *= m.factor
                                pending.append(self._settle(rule, who, line.line_no, line.net_minor, exact, terms))
                                break
                for rule in self.order_rules[who.level]:
                    when = rule.when
                    if not when.order_matches(view, who):
                        continue
                    if when.has_line_conditions and when.first_line(lines) is None:
                        continue
                    exact = Decimal(rule.amount)  # type: ignore[arg-type]
                    for m in modifiers:
                        if not m.when.has_line_conditions or m.when.first_line(lines) is not None:
                            exact *= m.factor
                    pending.append(self._settle(rule, who, None, order.net_minor, exact, terms))
                    break

    @staticmethod
    def _settle(
        rule: CompiledRule, who: Beneficiary, line_no: int | None, base: int, exact: Decimal, terms: Terms
    ) -> _Pending:
        kind = rule.settle_as if rule.settle_as is not None else who.reward_preference
        if kind == "points":
            exact = exact.scaleb(-terms.minor_digits) * terms.points_per_unit
        return _Pending(who, rule, line_no, kind, base, exact, "", None)  # type: ignore[arg-type]

    # -- one commission ------------------------------------------------------------------------

    def _on_line(
        self, version: int, rule: CompiledRule, line: LineFacts, who: Beneficiary, view: _OrderView,
        modifiers: list[CompiledModifier], terms: Terms,
    ) -> _Pending:
        tier = None
        if rule.reward_type == "flat_per_unit":
            exact = Decimal(rule.amount) * line.quantity  # type: ignore[arg-type]
            reward = {"type": "flat_per_unit", "amount_minor": rule.amount, "quantity": line.quantity}
            formula = f"{line.quantity} × {rule.amount}"
        else:
            if rule.reward_type == "tiers":
                percent, percent_text, tier = _tier(rule, who, view.order)
            else:
                percent, percent_text = rule.percent, rule.percent_text  # type: ignore[assignment]
            reward = {"type": rule.reward_type, "percent": percent_text}
            exact = Decimal(line.net_minor) * percent.scaleb(-2)
            formula = f"{line.net_minor} × {percent_text}%"
        applied = [m for m in modifiers if m.when.line_matches(line)]
        return self._pending(version, rule, line, line.line_no, line.net_minor, who, view, exact, reward,
                             formula, tier, applied, terms)

    def _on_order(
        self, version: int, rule: CompiledRule, line: LineFacts | None, who: Beneficiary, view: _OrderView,
        modifiers: list[CompiledModifier], terms: Terms,
    ) -> _Pending:
        exact = Decimal(rule.amount)  # type: ignore[arg-type]
        reward = {"type": "flat_per_order", "amount_minor": rule.amount}
        lines = view.order.lines
        applied = [m for m in modifiers if not m.when.has_line_conditions or m.when.first_line(lines) is not None]
        return self._pending(version, rule, line, None, view.order.net_minor, who, view, exact, reward,
                             str(rule.amount), None, applied, terms)

    def _pending(
        self, version: int, rule: CompiledRule, line: LineFacts | None, line_no: int | None, base: int,
        who: Beneficiary, view: _OrderView, exact: Decimal, reward: dict, formula: str, tier: dict | None,
        applied: list[CompiledModifier], terms: Terms,
    ) -> _Pending:
        per_order = line_no is None
        explained_modifiers = []
        for m in applied:
            exact *= m.factor
            formula += f" × {m.factor_text}"
            first = m.when.first_line(view.order.lines) if per_order and m.when.has_line_conditions else line
            explained_modifiers.append({
                "index": m.index, "name": m.name, "multiply": m.factor_text,
                "conditions": m.when.describe(view, who, first, per_order=per_order),
            })
        exact_minor_text = exact_text = _text(exact)
        if rule.settle_as is not None:
            kind, source = rule.settle_as, "rule"
        else:
            kind, source = who.reward_preference, "partner preference"  # type: ignore[assignment]
        settlement: dict[str, Any] = {"kind": kind, "source": source, "currency": terms.currency}
        if kind == "points":
            exact = exact.scaleb(-terms.minor_digits) * terms.points_per_unit
            exact_text = _text(exact)
            settlement.update({
                "points_per_unit": terms.points_per_unit_text, "points_rounding": terms.points_rounding,
                "exact_points": exact_text,
            })
        explanation = {
            "rule_set_version": version,
            "rule_id": rule.id,
            "rule_name": rule.name,
            "level": who.level,
            "line_no": line_no,
            "conditions": rule.when.describe(view, who, line, per_order=per_order),
            "base_minor": base,
            "reward": reward,
            "tier": tier,
            "modifiers": explained_modifiers,
            "formula": f"{formula} = {exact_minor_text} (minor units)",
            "exact_minor": exact_minor_text,
            "settlement": settlement,
        }
        return _Pending(who, rule, line_no, kind, base, exact, exact_text, explanation)

    # -- caps ----------------------------------------------------------------------------------

    def _apply_caps(self, pending: list[_Pending], *, explain: bool = True) -> None:
        caps = self.rule_set.caps
        if caps.per_order is None and caps.per_partner_month is None:
            return
        groups: dict[tuple[int, str], list[_Pending]] = {}
        for item in pending:
            groups.setdefault((item.who.partner_id, item.kind), []).append(item)
        for (_, kind), items in groups.items():
            if caps.per_order is not None and (limit := getattr(caps.per_order, kind)) is not None:
                _cap(items, {"cap": "per_order", "limit": limit} if explain else None, limit)
            if caps.per_partner_month is not None and (limit := getattr(caps.per_partner_month, kind)) is not None:
                earned = items[0].who.month_earned.get(kind, 0)
                remaining = max(0, limit - earned)
                _cap(items, {"cap": "per_partner_month", "limit": limit, "earned_this_month_before": earned,
                             "remaining": remaining} if explain else None, remaining)


def _tier(rule: CompiledRule, who: Beneficiary, order: OrderFacts) -> tuple[Decimal, str, dict[str, Any]]:
    """The tier reached by the month's net sales with this whole order; below the first, 0%."""
    volume = who.month_net_before_minor + order.net_minor
    reached = None
    for index, (threshold, _, _) in enumerate(rule.tiers):
        if volume >= threshold:
            reached = index
    percent, percent_text = rule.tiers[reached][1:] if reached is not None else (Decimal(0), "0")
    return percent, percent_text, {
        "month_net_before_minor": who.month_net_before_minor,
        "order_net_minor": order.net_minor,
        "month_net_with_order_minor": volume,
        "reached": reached,
        "min_month_net": rule.tiers[reached][0] if reached is not None else None,
        "percent": percent_text,
    }


def _tier_rate(rule: CompiledRule, who: Beneficiary, order: OrderFacts) -> Decimal:
    """`_tier`'s percent as a fraction, without its explanation."""
    volume = who.month_net_before_minor + order.net_minor
    rate = _ZERO
    for threshold, tier_rate in rule.tier_rates:
        if volume >= threshold:
            rate = tier_rate
    return rate


_ZERO = Decimal(0)


def _round(pending: list[_Pending], terms: Terms, *, explain: bool = True) -> None:
    """The one rounding of each commission: cash to the minor unit, points to whole points."""
    cash = (terms.rounding, terms.rounding.value, "minor unit")
    points = (_POINTS_ROUNDING[terms.points_rounding], terms.points_rounding, "point")
    with localcontext(_ROUNDING):
        for item in pending:
            mode, mode_name, unit = cash if item.kind == "cash" else points
            amount = round_minor(item.exact, mode)
            if amount > MAX_MINOR:
                raise InvalidInput(
                    f"rule {item.rule.id!r} gives more than the largest storable amount on this order",
                    [{"field": "rules", "message": "a reward (with its modifiers) is out of range"}],
                )
            item.amount = amount
            if explain:
                    item.explanation["rounding"] = {"mode": mode_name, "unit": unit, "exact": item.exact_text,  # type: ignore[index]
                                                "result": amount}


def _cap(items: list[_Pending], described: dict[str, Any] | None, limit: int) -> None:
    """Cut `items` to `limit` in total; `described` (None: no explanation) goes into each one cut."""
    total = sum(item.amount for item in items)
    if total <= limit:
        return
    parts = allocate(limit, [item.amount for item in items])
    for item, part in zip(items, parts, strict=True):
        if described is not None:
            item.explanation.setdefault("caps", []).append(  # type: ignore[union-attr]
                {**described, "partner_total_before": total, "partner_total_after": limit,
                 "before": item.amount, "after": part}
            )
        item.amount = part


def compile_rule_set(rule_set: RuleSet) -> CompiledRuleSet:
    """Prepare a rule set once (per published version) for evaluating many orders."""
    return CompiledRuleSet(rule_set)


def evaluate(
    rule_set: RuleSet | CompiledRuleSet,
    version: int,
    order: OrderFacts,
    beneficiaries: Sequence[Beneficiary],
    terms: Terms,
    *,
    keep_zero: bool = False,
    explain: bool = True,
) -> list[CommissionDraft]:
    """The commissions `order` earns its `beneficiaries` under one rule-set version.

    Drafts come per beneficiary (in the order given), per line (in order), then the per-order
    reward. Drafts whose final amount is zero are left out unless `keep_zero` (the simulator
    keeps them, to show why a partner earns nothing). Pass a `CompiledRuleSet` on hot paths.
    `explain=False`: the same drafts (same amounts, kinds, lines, rules) with an empty
    `explanation`, for callers that only add amounts up, such as the simulation.
    """
    compiled = rule_set if isinstance(rule_set, CompiledRuleSet) else CompiledRuleSet(rule_set)
    return compiled.evaluate(version, order, beneficiaries, terms, keep_zero=keep_zero, explain=explain)
