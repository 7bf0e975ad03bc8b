"""Request and response shapes of the merchant settings endpoints."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StrictBool,
    StrictInt,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from accounts.program_settings import Action, Model
from accounts.service.settings import MerchantSettings
from core.api import refuses_null
from core.outbound import syntax_problem
from core.time import zone

_HOST = re.compile(r"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$")


def _host(value: Any) -> str:
    host = value.strip().lower() if isinstance(value, str) else ""
    if not _HOST.match(host):
        raise PydanticCustomError("host_name", "expected a host name like shop.example.com, got {value!r}",
                                  {"value": value})
    return host


#: A host name share links may point to (its subdomains are allowed too).
Domain = Annotated[str, PlainValidator(_host), WithJsonSchema({"type": "string", "examples": ["shop.example.com"]})]


def _webhook_url(value: Any) -> str:
    """The URL's form only; where it points is checked when it is saved (`core.outbound`)."""
    text = value.strip() if isinstance(value, str) and len(value) <= 2000 else None
    problem = syntax_problem(text) if text is not None else "expected an http(s) URL of at most 2000 characters"
    if problem is not None:
        raise PydanticCustomError("webhook_url", "{problem}, got {value!r}", {"problem": problem, "value": value})
    return urlsplit(text).geturl()


#: Where Relay POSTs its signed events.
WebhookUrl = Annotated[
    str, PlainValidator(_webhook_url),
    WithJsonSchema({"type": "string", "format": "uri", "maxLength": 2000, "examples": ["https://shop.example.com/relay"]}),
]


class Binding(BaseModel):
    """How long a customer stays with the partner of their first attributed order."""

    model_config = ConfigDict(extra="forbid")

    mode: Literal["off", "days", "forever"]
    days: Annotated[StrictInt, Field(ge=1, le=3650)] | None = Field(None, description="only with mode days")

    @model_validator(mode="after")
    def _days_with_mode(self) -> Binding:
        if (self.mode == "days") != (self.days is not None):
            raise ValueError("days is required with mode days, and only then")
        return self

    @classmethod
    def of(cls, binding_days: int | None) -> Binding:
        if binding_days is None:
            return cls(mode="off")
        if binding_days == 0:
            return cls(mode="forever")
        return cls(mode="days", days=binding_days)

    def binding_days(self) -> int | None:
        return {"off": None, "forever": 0}.get(self.mode, self.days)


_PERCENT = re.compile(r"\d{1,3}(\.\d{1,2})?")


def _percent(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not _PERCENT.fullmatch(value.strip()) or Decimal(value) > 100:
        raise PydanticCustomError(
            "percent", 'expected a percent from 0 to 100 as a decimal string like "30" or "12.5" (never a JSON '
            "float), got {value!r}", {"value": value},
        )
    return value.strip()


#: A percent from 0 to 100 with at most 2 decimals, as a decimal string (or an integer).
Percent = Annotated[
    str, PlainValidator(_percent), WithJsonSchema({"type": "string", "pattern": r"^\d{1,3}(\.\d{1,2})?$",
                                                       "examples": ["30"]}),
]
_Count = Annotated[StrictInt, Field(ge=1, le=1_000_000)]


class _SignalPatch(BaseModel):
    """Only the fields sent change; none may be null."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=refuses_null())

    action: Action | None = Field(None, description="off: not looked for; flag: recorded and shown; hold: "
                                  "recorded, and the order's commissions wait for the merchant's review")

    @model_validator(mode="after")
    def _no_nulls(self) -> _SignalPatch:
        for name in self.model_fields_set:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class PlainSignalPatch(_SignalPatch):
    pass


class VelocityPatch(_SignalPatch):
    window_minutes: Annotated[StrictInt, Field(ge=1, le=10_080)] | None = Field(
        None, description="how far back orders count, in minutes (at most 7 days)")
    max_orders: _Count | None = Field(None, description="raised from this many orders + 1 in the window")


class FastOrderPatch(_SignalPatch):
    min_seconds: Annotated[StrictInt, Field(ge=1, le=86_400)] | None = Field(
        None, description="raised when the order follows its click by fewer seconds than this")


class RefundRatePatch(_SignalPatch):
    window_days: Annotated[StrictInt, Field(ge=1, le=365)] | None = Field(
        None, description="the partner's orders placed in this many days count")
    max_percent: Percent | None = Field(None, description="raised above this share of refunded orders")
    min_orders: _Count | None = Field(None, description="fewer orders than this in the window raise nothing")


class FraudSignalsPatch(BaseModel):
    """Per fraud signal, only the signals and fields sent change."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=refuses_null())

    self_referral: PlainSignalPatch | None = None
    customer_velocity: VelocityPatch | None = None
    ip_velocity: VelocityPatch | None = None
    bot_click: PlainSignalPatch | None = None
    fast_order: FastOrderPatch | None = None
    refund_rate: RefundRatePatch | None = None

    @model_validator(mode="after")
    def _no_nulls(self) -> FraudSignalsPatch:
        for name in self.model_fields_set:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self

    def changes(self) -> dict[str, dict[str, Any]]:
        return {
            name: getattr(self, name).model_dump(mode="json", include=getattr(self, name).model_fields_set)
            for name in self.model_fields_set
        }


class PlainSignalOut(BaseModel):
    action: Action


class VelocityOut(PlainSignalOut):
    window_minutes: int
    max_orders: int


class FastOrderOut(PlainSignalOut):
    min_seconds: int


class RefundRateOut(PlainSignalOut):
    window_days: int
    max_percent: str
    min_orders: int


class FraudSignalsOut(BaseModel):
    """What each fraud signal does (see docs/api.md, "Fraud signals")."""

    self_referral: PlainSignalOut
    customer_velocity: VelocityOut
    ip_velocity: VelocityOut
    bot_click: PlainSignalOut
    fast_order: FastOrderOut
    refund_rate: RefundRateOut


class MerchantOut(BaseModel):
    """The merchant's settings. The webhook secret is never shown here (rotate it to get a new one)."""

    id: int
    name: str
    currency: str
    timezone: str
    allowed_domains: list[str]
    attribution_window_days: int
    attribution_model: Model
    binding: Binding
    allow_self_referral: bool
    webhook_url: str | None = Field(description="where Relay POSTs its signed events; null: none are sent")
    fraud_signals: FraudSignalsOut

    @classmethod
    def of(cls, merchant: MerchantSettings) -> MerchantOut:
        return cls(
            id=merchant.id,
            name=merchant.name,
            currency=merchant.currency,
            timezone=merchant.timezone,
            allowed_domains=merchant.allowed_domains,
            attribution_window_days=merchant.attribution_window_days,
            attribution_model=Model(merchant.attribution_model),
            binding=Binding.of(merchant.binding_days),
            allow_self_referral=merchant.allow_self_referral,
            webhook_url=merchant.webhook_url,
            fraud_signals=FraudSignalsOut.model_validate(merchant.fraud_signals),
        )


class MerchantPatch(BaseModel):
    """Only the fields sent change; none may be null but webhook_url (null removes it). Currency
    and name are fixed."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=refuses_null(but=("webhook_url",)))

    timezone: str | None = Field(None, max_length=64, description="IANA name, e.g. Asia/Shanghai")
    allowed_domains: list[Domain] | None = Field(None, max_length=100)
    attribution_window_days: Annotated[StrictInt, Field(ge=1, le=365)] | None = None
    attribution_model: Model | None = None
    binding: Binding | None = None
    allow_self_referral: StrictBool | None = None
    webhook_url: WebhookUrl | None = Field(
        None, description="http(s) URL for Relay's signed events (commission.created...); null: stop sending"
    )
    fraud_signals: FraudSignalsPatch | None = Field(
        None, description="per fraud signal: off, flag or hold, and its thresholds; only those sent change"
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is not None:
            zone(value)
        return value

    @model_validator(mode="after")
    def _no_nulls(self) -> MerchantPatch:
        for name in self.model_fields_set - {"webhook_url"}:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self

    def changes(self) -> dict[str, Any]:
        changes: dict[str, Any] = {}
        for name in self.model_fields_set:
            value = getattr(self, name)
            if name == "binding":
                changes["binding_days"] = value.binding_days()
            elif name == "attribution_model":
                changes[name] = value.value
            elif name == "fraud_signals":
                changes[name] = value.changes()
            elif name == "allowed_domains":
                changes[name] = list(dict.fromkeys(value))
            else:
                changes[name] = value
        return changes


class WebhookSecretOut(BaseModel):
    webhook_secret: str = Field(description="whsec_...; shown once: sign shop events with it from now on")
