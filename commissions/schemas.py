"""Request and response shapes of the commissions endpoints.

Amounts go out as integers of minor units (points: whole points) with their `asset`, plus the
same amount as a decimal string in major units (`*_major`) for people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StrictInt,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)

from accounts.program_settings import Signal
from commissions.models import CommissionStatus, ReviewState
from commissions.rules.ruleset import RuleSet
from commissions.service.checkout import Incentive
from commissions.service.fraud import SignalRecord
from commissions.service.queries import CommissionPage, Total
from commissions.service.records import CommissionRecord
from commissions.service.simulation import Amounts, PartnerComparison, SimulationReport
from core.api import inline_schema, refuses_null
from core.errors import InvalidInput
from core.iso_time import DATE_PATTERN, INSTANT_PATTERN, IsoInstant
from core.money import Rounding, format_major
from core.schemas import FromRecord
from core.time import parse_instant


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- terms ------------------------------------------------------------------------------------

_RATE = re.compile(r"\d{1,9}(\.\d{1,6})?")


class TermsUpdate(_In):
    """Only the fields sent change. New terms apply to what is computed from now on."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=refuses_null())

    hold_days: Annotated[StrictInt, Field(ge=0, le=365, description="after-sales days after completion")] | None = None
    rounding: Rounding | None = Field(None, description="how cash commissions round to a minor unit")
    points_per_unit: Annotated[str, Field(description='points for one major unit, a decimal string ("10", "0.5")')] | None = None
    points_rounding: Literal["down", "nearest"] | None = None

    @field_validator("points_per_unit", mode="before")
    @classmethod
    def _rate(cls, value: Any) -> Any:
        if value is None:
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not _RATE.fullmatch(value.strip()):
            raise ValueError('give a decimal string like "10" or "0.5" (at most 6 decimals, never a JSON float)')
        if Decimal(value) <= 0:
            raise ValueError("must be more than zero")
        return value.strip()

    def changes(self) -> dict[str, Any]:
        changes = self.model_dump(mode="json", include=self.model_fields_set)
        nulls = [name for name, value in changes.items() if value is None]
        if nulls:
            raise InvalidInput(f"{nulls[0]} cannot be null", [{"field": n, "message": "cannot be null"} for n in nulls])
        return changes


class TermsOut(FromRecord):
    hold_days: int
    rounding: str
    points_per_unit: str
    points_rounding: str
    currency: str = Field(description="the merchant's currency (set on the merchant)")
    timezone: str = Field(description="the merchant's time zone: calendar months for caps and tiers")
    updated_at: datetime | None


# --- rule sets --------------------------------------------------------------------------------


#: A rule set's JSON, described in /openapi.json by `commissions.ruleset.RuleSet` (rules,
#: conditions, rewards, modifiers, caps, customer incentive); validated by `parse_rule_set`, which
#: also knows the merchant's currency and partner groups and words each error with a code.
RuleSetContent = Annotated[dict[str, Any], WithJsonSchema(inline_schema(RuleSet))]


class RuleSetBody(_In):
    content: RuleSetContent = Field(description="the rule set: rules, modifiers, caps, customer_incentive")


class RuleSetOut(FromRecord):
    version: int
    status: Literal["draft", "active", "retired"]
    content: RuleSetContent = Field(description="as validated: amounts in minor units")
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    retired_at: datetime | None


class RuleSetList(BaseModel):
    items: list[RuleSetOut] = Field(description="newest first")


def _day_or_instant(value: Any) -> date | datetime:
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 10:
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
        else:
            try:
                return parse_instant(text)
            except ValueError as exc:
                raise ValueError(f"{value!r} is not an instant with an offset: {exc}") from None
    raise ValueError('give a date ("2026-10-01") or an instant with an offset ("2026-10-01T08:00:00+08:00")')


DayOrInstant = Annotated[
    date | datetime,
    PlainValidator(_day_or_instant),
    WithJsonSchema({"type": "string", "anyOf": [{"format": "date", "pattern": DATE_PATTERN},
                                                {"format": "date-time", "pattern": INSTANT_PATTERN}]}),
]


class SimulationRequest(_In):
    """A date is a whole local day in the merchant's time zone (both ends included); an instant
    with an offset is exact (`to` excluded)."""

    start: DayOrInstant = Field(alias="from")
    end: DayOrInstant = Field(alias="to")


class AmountsOut(BaseModel):
    cash: int = Field(description="minor units of the merchant currency")
    cash_major: str
    points: int

    @classmethod
    def of(cls, amounts: Amounts, currency: str) -> AmountsOut:
        return cls(cash=amounts.cash, cash_major=format_major(amounts.cash, currency), points=amounts.points)


class PartnerSimulationOut(BaseModel):
    partner_id: int
    orders: int = Field(description="orders attributed to the partner in the range")
    simulated: AmountsOut
    actual: AmountsOut
    difference: AmountsOut = Field(description="simulated - actual")

    @classmethod
    def of(cls, item: PartnerComparison, currency: str) -> PartnerSimulationOut:
        return cls(
            partner_id=item.partner_id,
            orders=item.orders,
            simulated=AmountsOut.of(item.simulated, currency),
            actual=AmountsOut.of(item.actual, currency),
            difference=AmountsOut.of(_minus(item.simulated, item.actual), currency),
        )


class SimulationOut(BaseModel):
    model_config = ConfigDict(serialize_by_alias=True)

    version: int
    start: datetime = Field(serialization_alias="from")
    end: datetime = Field(serialization_alias="to", description="excluded")
    currency: str
    orders: int
    lines: int
    simulated: AmountsOut = Field(description="what this version would pay on these orders")
    actual: AmountsOut = Field(description="what was computed for them (not canceled or rejected; before refunds)")
    difference: AmountsOut
    partners: list[PartnerSimulationOut]

    @classmethod
    def of(cls, report: SimulationReport) -> SimulationOut:
        cur = report.currency
        return cls(
            version=report.version, start=report.start, end=report.end, currency=cur,
            orders=report.orders, lines=report.lines,
            simulated=AmountsOut.of(report.simulated, cur), actual=AmountsOut.of(report.actual, cur),
            difference=AmountsOut.of(_minus(report.simulated, report.actual), cur),
            partners=[PartnerSimulationOut.of(p, cur) for p in report.partners],
        )


def _minus(a: Amounts, b: Amounts) -> Amounts:
    return Amounts(cash=a.cash - b.cash, points=a.points - b.points)


# --- commissions ------------------------------------------------------------------------------


class CommissionQuery(_In):
    partner_id: int | None = None
    status: CommissionStatus | None = None
    kind: Literal["cash", "points"] | None = None
    order_id: int | None = None
    order_external_id: str | None = Field(None, max_length=200)
    occurred_from: IsoInstant | None = Field(None, description="included")
    occurred_to: IsoInstant | None = Field(None, description="excluded")
    before_id: int | None = Field(None, description="the `next_before_id` of the previous page")
    limit: int = Field(50, ge=1, le=200)
    review: ReviewState | None = Field(
        None, description="held: pending and waiting for the merchant's fraud review; approved: let go on"
    )
    flagged: bool | None = Field(None, description="true: only commissions whose order raised a fraud signal")


class SignalOut(FromRecord):
    """A fraud signal the commission's order raised (see docs/api.md, "Fraud signals")."""

    id: int
    order_id: int
    partner_id: int | None
    signal: Signal
    action: Literal["flag", "hold"] = Field(description="what the merchant's setting said when it was raised")
    detail: dict[str, Any] = Field(description="the facts and the threshold that raised it")
    created_at: datetime


class SignalQuery(_In):
    partner_id: int | None = None
    signal: Signal | None = None
    action: Literal["flag", "hold"] | None = None
    before_id: int | None = Field(None, description="the `next_before_id` of the previous page")
    limit: int = Field(50, ge=1, le=200)


class SignalList(FromRecord):
    items: list[SignalOut] = Field(description="newest first")
    next_before_id: int | None


class CommissionOut(BaseModel):
    id: int
    partner_id: int
    order_id: int
    order_line_id: int | None
    line_no: int | None
    level: int
    kind: Literal["cash", "points"]
    asset: str = Field(description="currency code for cash, PTS for points")
    amount: int = Field(description="minor units (cash) or points; negative for a reversal")
    amount_major: str
    base_minor: int
    rule_set_version: int
    rule_id: str
    reversal_of: int | None
    refund_id: int | None
    status: CommissionStatus
    occurred_at: datetime
    available_at: datetime | None
    rejected_reason: str | None
    rejected_by_key_id: int | None
    rejected_at: datetime | None
    created_at: datetime
    payout_batch_id: int | None = Field(description="the payout batch that claimed it, if any")
    review: ReviewState | None = Field(
        description="null: no review asked; held: a fraud signal holds it (never released nor paid) until the "
        "merchant approves or rejects it; approved: the merchant let it go on"
    )
    reviewed_at: datetime | None
    reviewed_by_key_id: int | None = Field(description="API key that approved it")
    signals: list[SignalOut] = Field(description="fraud signals its order raised")

    @classmethod
    def of(cls, c: CommissionRecord, signals: Iterable[SignalRecord] = ()) -> CommissionOut:
        values = {name: getattr(c, name) for name in cls.model_fields if name not in ("amount_major", "signals")}
        return cls(
            **values, amount_major=format_major(c.amount, c.asset), signals=[SignalOut.of(s) for s in signals]
        )


class CommissionDetail(CommissionOut):
    explanation: dict[str, Any] = Field(
        description="how the amount was computed: rule set version, rule, matched conditions, base, "
        "modifiers, caps, rounding (for a reversal: the refunded share)"
    )

    @classmethod
    def of(cls, c: CommissionRecord, signals: Iterable[SignalRecord] = ()) -> CommissionDetail:
        return cls(**CommissionOut.of(c, signals).model_dump(), explanation=c.explanation)


class CommissionList(BaseModel):
    items: list[CommissionOut] = Field(description="newest first")
    next_before_id: int | None

    @classmethod
    def of(cls, page: CommissionPage) -> CommissionList:
        return cls(
            items=[CommissionOut.of(c, page.signals.get(c.order_id, ())) for c in page.items],
            next_before_id=page.next_before_id,
        )


class RejectBody(_In):
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class TotalOut(BaseModel):
    status: CommissionStatus
    asset: str
    amount: int = Field(description="originals plus reversals, minor units or points")
    amount_major: str
    count: int

    @classmethod
    def of(cls, total: Total) -> TotalOut:
        return cls(
            status=total.status, asset=total.asset, amount=total.amount,
            amount_major=format_major(total.amount, total.asset), count=total.count,
        )


class PartnerTotals(BaseModel):
    partner_id: int
    totals: list[TotalOut]


# --- checkout ---------------------------------------------------------------------------------

_Ref = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class IncentiveRequest(_In):
    """What the shop knows at checkout; the same lookups as attribution apply (code, binding, click)."""

    click_id: _Ref | None = Field(None, description="the relay_click the shop kept")
    visitor_id: _Ref | None = None
    partner_code: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32)] | None = None
    customer_ref: _Ref | None = None
    subtotal: StrictInt | str = Field(description="cart subtotal: integer minor units or a decimal string")


class IncentiveOut(BaseModel):
    discount: int = Field(description="minor units to take off the subtotal; 0 when none")
    discount_major: str
    currency: str
    reason: str = Field(description="`discount`, or why there is none")
    partner_id: int | None
    partner_code: str | None
    attribution: str | None = Field(description="how the partner was found (partner_code, binding, click_id, ...)")
    rule_set_version: int | None

    @classmethod
    def of(cls, incentive: Incentive) -> IncentiveOut:
        return cls(
            discount=incentive.discount_minor,
            discount_major=format_major(incentive.discount_minor, incentive.currency),
            currency=incentive.currency, reason=incentive.reason, partner_id=incentive.partner_id,
            partner_code=incentive.partner_code, attribution=incentive.found_by,
            rule_set_version=incentive.rule_set_version,
        )
