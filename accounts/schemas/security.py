"""Request and response shapes of the security endpoints: API keys, the audit log, rate-limit refusals."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from accounts.models import Role
from accounts.service.api_keys import IssuedKey
from core.iso_time import IsoDate, IsoInstant
from core.schemas import FromRecord

#: A name for people; no control characters (PostgreSQL text cannot hold NUL).
Label = Annotated[str, StringConstraints(strip_whitespace=True, max_length=100, pattern=r"^[^\x00-\x1f\x7f]*$")]


def _token(longest: int) -> Any:
    """An audit filter: printable, no longer than its column (a longer value matches nothing, and
    the ORM refuses to look it up)."""
    return Annotated[str, StringConstraints(min_length=1, max_length=longest, pattern=r"^[\x21-\x7e]+$")]


Filter64, Filter32, Filter16 = _token(64), _token(32), _token(16)


class ApiKeyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Role
    label: Label = ""


class ApiKeyOut(FromRecord):
    """An API key as listed: never the key itself, only its first characters."""

    id: int
    role: str
    prefix: str = Field(description="the key's first characters, to recognise it")
    label: str
    created_at: datetime
    revoked_at: datetime | None = Field(description="null: active; else refused since then")


class ApiKeyList(BaseModel):
    items: list[ApiKeyOut]


class IssuedKeyOut(ApiKeyOut):
    key: str = Field(description="the key, shown this once; only its SHA-256 is stored")

    @classmethod
    def issued(cls, issued: IssuedKey) -> IssuedKeyOut:
        return cls(**ApiKeyOut.of(issued.info).model_dump(), key=issued.key)


class AuditQuery(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    action: Filter64 | None = Field(None, description="e.g. partner.suspend, payout_batch.approve")
    subject_type: Filter32 | None = Field(None, description="e.g. partner, rule_set, payout_batch")
    subject_id: Filter64 | None = None
    actor_kind: Filter16 | None = Field(None, description="api_key, staff, partner or system")
    actor_id: Filter64 | None = None
    from_: IsoInstant | None = Field(None, alias="from", description="entries at or after this instant")
    to: IsoInstant | None = Field(None, description="entries before this instant")
    before_id: int | None = Field(None, ge=1, description="keyset cursor: entries with a smaller id")
    limit: int = Field(50, ge=1, le=200)


class ActorOut(FromRecord):
    kind: str = Field(description="api_key, staff, partner or system")
    id: str = Field(description="the API key id, or the staff account id")
    role: str


class AuditEntryOut(FromRecord):
    id: int
    occurred_at: datetime
    actor: ActorOut
    action: str
    subject_type: str
    subject_id: str
    before: Any = Field(description="the subject before the change; null when it was created")
    after: Any = Field(description="the subject after the change")


class AuditList(FromRecord):
    items: list[AuditEntryOut]
    next_before_id: int | None = Field(description="pass as before_id for the next, older page; null: last page")


class RefusalQuery(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: IsoDate | None = Field(None, alias="from", description="first UTC day")
    to: IsoDate | None = Field(None, description="last UTC day, included")


class RefusalOut(FromRecord):
    day: date = Field(description="UTC day")
    limit: str = Field(description="redirect_ip, redirect_link, events_ip, events_merchant, sign_in_ip, sign_in_identity, join_ip, join_merchant")
    refused: int = Field(description="requests answered 429")


class RefusalList(BaseModel):
    items: list[RefusalOut]
