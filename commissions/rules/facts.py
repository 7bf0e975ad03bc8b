"""What evaluation is given (terms, an order, its beneficiaries) and what it gives back (drafts)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from core.money import Rounding, decimals
from core.time import zone

from .exact import POINTS_ROUNDING, text

RewardKind = Literal["cash", "points"]
PointsRounding = Literal["down", "nearest"]


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
    #: points per minor unit as an exact integer fraction (numerator, denominator), for `amounts`
    points_per_minor: tuple[int, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rate = self.points_per_unit
        if isinstance(rate, float | bool) or not isinstance(rate, Decimal | int | str):
            raise TypeError("points_per_unit must be a Decimal, an int or a decimal string, never a float")
        rate = Decimal(rate)
        if not rate.is_finite() or rate < 0:
            raise ValueError(f"points_per_unit must be a non-negative decimal, not {rate}")
        if self.points_rounding not in POINTS_ROUNDING:
            raise ValueError(f"points_rounding must be down or nearest, not {self.points_rounding!r}")
        zone(self.timezone)
        object.__setattr__(self, "points_per_unit", rate)
        object.__setattr__(self, "rounding", Rounding(self.rounding))
        object.__setattr__(self, "minor_digits", decimals(self.currency))
        object.__setattr__(self, "points_per_unit_text", text(rate))
        numerator, denominator = rate.as_integer_ratio()
        object.__setattr__(self, "points_per_minor", (numerator, denominator * 10**self.minor_digits))


# The facts below are read-only by convention, not frozen: a frozen dataclass costs about four
# times as much to build, and a simulation builds one per order line over millions of lines.


@dataclass(slots=True)
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


@dataclass(slots=True)
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
        if type(self.lines) is not tuple:
            self.lines = tuple(self.lines)
        self.net_minor = sum([line.net_minor for line in self.lines])


@dataclass(slots=True)
class Beneficiary:
    """A partner who may earn on the order, at `level` 1 (attributed) or 2 (their recruiter).

    `month_net_before_minor`: net sales counting toward this partner's tier this calendar month,
    before this order. `month_earned`: per kind (`cash`, `points`), what they already earned this
    calendar month (merchant time zone), for the monthly cap; `month_earned_at_level`: the same at
    this `level` only, for a monthly cap limited to a level.
    """

    partner_id: int
    level: int
    group: str | None = None
    kind: str = "customer"
    reward_preference: str = "cash"
    month_net_before_minor: int = 0
    month_earned: Mapping[str, int] = field(default_factory=dict)
    month_earned_at_level: Mapping[str, int] = field(default_factory=dict)

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
