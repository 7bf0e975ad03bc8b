"""Request and response shapes of the merchant settings endpoints."""

from __future__ import annotations

import re
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

from core.time import zone
from referral.attribution import Model
from referral.service.settings import MerchantSettings

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
    parts = urlsplit(value.strip()) if isinstance(value, str) and len(value) <= 2000 else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or parts.fragment:
        raise PydanticCustomError("webhook_url", "expected an http(s) URL like https://shop.example.com/relay, got {value!r}",
                                  {"value": value})
    return parts.geturl()


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
        )


class MerchantPatch(BaseModel):
    """Only the fields sent change; none may be null but webhook_url (null removes it). Currency
    and name are fixed."""

    model_config = ConfigDict(extra="forbid")

    timezone: str | None = Field(None, max_length=64, description="IANA name, e.g. Asia/Shanghai")
    allowed_domains: list[Domain] | None = Field(None, max_length=100)
    attribution_window_days: Annotated[StrictInt, Field(ge=1, le=365)] | None = None
    attribution_model: Model | None = None
    binding: Binding | None = None
    allow_self_referral: StrictBool | None = None
    webhook_url: WebhookUrl | None = Field(
        None, description="http(s) URL for Relay's signed events (commission.created...); null: stop sending"
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
            elif name == "allowed_domains":
                changes[name] = list(dict.fromkeys(value))
            else:
                changes[name] = value
        return changes


class WebhookSecretOut(BaseModel):
    webhook_secret: str = Field(description="whsec_...; shown once: sign shop events with it from now on")
