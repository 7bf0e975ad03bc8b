"""Request and response shapes of the partner endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StringConstraints,
    model_validator,
)

from core import contacts
from core.api import refuses_null
from core.masking import masked_number
from referral.models import PartnerStatus, RewardKind
from referral.service.partners import PartnerInfo, PartnerPage, invite_url

DisplayName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
#: A free tag (parent, property_manager, sales_guide, service_outlet, customer, ...).
Kind = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, pattern=r"^[a-z][a-z0-9_]{0,39}$")]
Group = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
Ref = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Email = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
    AfterValidator(contacts.email),
]


def _phone(text: str) -> str:
    try:
        return contacts.phone(text)
    except contacts.BadContact as bad:
        raise ValueError(str(bad)) from None


#: A phone number as typed (a mainland mobile needs no +86), kept in E.164.
Phone = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=3, max_length=32),
    AfterValidator(_phone),
    Field(description="E.164, or a mainland China number without its country code", examples=["13800138000"]),
]
Locale = Literal["zh_Hans", "en"]
PartnerId = Annotated[StrictInt, Field(gt=0)]


class PartnerCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    display_name: DisplayName
    kind: Kind = "customer"
    group: Group | None = None
    status: PartnerStatus = PartnerStatus.active
    recruiter_id: PartnerId | None = None
    reward_preference: RewardKind = RewardKind.cash
    customer_ref: Ref | None = None
    email: Email | None = None
    phone: Phone | None = None
    locale: Locale = "zh_Hans"
    payee_name: Ref | None = None
    payee_account: Ref | None = None

    def fields(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


#: Fields that must have a value: sending null for them is refused.
_REQUIRED_ON_UPDATE = ("display_name", "kind", "status", "reward_preference", "locale")


class PartnerUpdate(BaseModel):
    """Only the fields sent change; null clears an optional field."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=refuses_null(only=_REQUIRED_ON_UPDATE))

    display_name: DisplayName | None = None
    kind: Kind | None = None
    group: Group | None = None
    status: PartnerStatus | None = None
    recruiter_id: PartnerId | None = None
    reward_preference: RewardKind | None = None
    customer_ref: Ref | None = None
    email: Email | None = None
    phone: Phone | None = None
    locale: Locale | None = None
    payee_name: Ref | None = None
    payee_account: Ref | None = None

    @model_validator(mode="after")
    def _no_null_for_required(self) -> PartnerUpdate:
        for name in _REQUIRED_ON_UPDATE:
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self

    def changes(self) -> dict[str, Any]:
        return self.model_dump(mode="json", include=self.model_fields_set)


class PartnerQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str | None = Field(None, max_length=40)
    group: str | None = Field(None, max_length=40)
    status: PartnerStatus | None = None
    q: str | None = Field(None, max_length=100, description="part of the display name or code")
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0)


class PartnerOut(BaseModel):
    id: int
    code: str = Field(description="entered at a till or checkout; case-insensitive")
    display_name: str
    kind: str
    group: str | None
    status: PartnerStatus
    recruiter_id: int | None
    reward_preference: RewardKind
    customer_ref: str | None
    email: str | None
    phone: str | None = Field(description="E.164")
    locale: Locale = Field(description="the language of the messages the partner gets")
    payee_name: str | None
    payee_account: str | None = Field(description="masked: its last four characters")
    created_at: datetime | None
    invite_url: str | None = Field(description="where people sign up recruited by this partner; null unless active")

    @classmethod
    def of(cls, partner: PartnerInfo, public_url: str) -> PartnerOut:
        return cls(
            id=partner.id,
            code=partner.code,
            display_name=partner.display_name,
            kind=partner.kind,
            group=partner.group,
            status=PartnerStatus(partner.status),
            recruiter_id=partner.recruiter_id,
            reward_preference=RewardKind(partner.reward_preference),
            customer_ref=partner.customer_ref,
            email=partner.email,
            phone=partner.phone,
            locale=partner.locale,  # type: ignore[arg-type]
            payee_name=partner.payee_name,
            payee_account=None if partner.payee_account is None else masked_number(partner.payee_account),
            created_at=partner.created_at,
            invite_url=invite_url(public_url, partner.merchant_id, partner.code) if partner.is_active else None,
        )


class PartnerList(BaseModel):
    items: list[PartnerOut]
    total: int
    limit: int
    offset: int

    @classmethod
    def of(cls, page: PartnerPage, public_url: str) -> PartnerList:
        return cls(
            items=[PartnerOut.of(p, public_url) for p in page.items],
            total=page.total, limit=page.limit, offset=page.offset,
        )
