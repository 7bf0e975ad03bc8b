"""A rule's or modifier's conditions, compiled once and checked against an order, a partner, a line."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache

from core.time import zone

from .facts import Beneficiary, LineFacts, OrderFacts, Terms
from .ruleset import Conditions


class OrderView:
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
            day = self._dates[name] = self.order.occurred_at.astimezone(_zone(name)).date()
        return day, name


#: `core.time.zone`, kept per name: evaluation asks for one per order (names come from validated
#: rule sets and merchant settings, so there are few)
_zone = cache(zone)


class Predicate:
    """`Conditions` compiled: sets for membership, and the checks split by what they look at (the
    partner, the order, its local date, a line) so that each is decided once where it can be."""

    __slots__ = (
        "conditions", "level", "skus", "categories", "groups", "kinds", "scenes", "calendar",
        "has_line_conditions", "days", "weekdays", "explained",
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

    def partner_matches(self, who: Beneficiary) -> bool:
        """The beneficiary's conditions: level (modifiers), partner group and kind."""
        if self.level is not None and who.level != self.level:
            return False
        if self.groups is not None and who.group not in self.groups:
            return False
        return self.kinds is None or who.kind in self.kinds

    def sale_matches(self, order: OrderFacts) -> bool:
        """The order's conditions besides its date: channel, scene, first order, subtotal."""
        c = self.conditions
        if c.channel is not None and order.channel != c.channel:
            return False
        if self.scenes is not None and order.scene not in self.scenes:
            return False
        if c.first_order is not None and order.is_first_order is not c.first_order:
            return False
        return c.min_subtotal is None or order.subtotal_minor >= c.min_subtotal

    def calendar_matches(self, view: OrderView) -> bool:
        """The calendar conditions, on the order's local date in the conditions' time zone."""
        if not self.calendar:
            return True
        c = self.conditions
        day, _ = view.local_date(c.timezone)
        if c.date_from is not None and day < c.date_from:
            return False
        if c.date_to is not None and day > c.date_to:
            return False
        if self.days is not None and day.day not in self.days:
            return False
        return self.weekdays is None or day.isoweekday() in self.weekdays

    def line_matches(self, line: LineFacts) -> bool:
        return (self.skus is None or line.sku in self.skus) and (
            self.categories is None or line.category in self.categories
        )

    def first_line(self, lines: Sequence[LineFacts]) -> LineFacts | None:
        """For a per-order reward: the first line meeting the line conditions."""
        return next((line for line in lines if self.line_matches(line)), None)
