"""Request and response shapes of the share link endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

from referral.models import Scene
from referral.service.links import LinkInfo, LinkPage, short_url
from referral.targets import MAX_URL_LENGTH

Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class LinkCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    target_url: str = Field(
        max_length=MAX_URL_LENGTH, description="http(s) URL on one of the merchant's allowed domains"
    )
    scene: Scene = Scene.personal
    sku: Tag | None = Field(None, description="the product a product link shows")
    campaign: Tag | None = Field(None, description="campaign tag; reports and rules group by it")


class LinkUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    active: StrictBool


class LinkQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0)


class LinkOut(BaseModel):
    id: int
    partner_id: int
    code: str
    target_url: str
    scene: Scene
    sku: str | None
    campaign: str | None
    active: bool
    created_at: datetime | None
    short_url: str = Field(description="the tracked link to share: {public_url}/r/{code}")
    qr_svg_url: str
    qr_png_url: str

    @classmethod
    def of(cls, link: LinkInfo, public_url: str) -> LinkOut:
        base = public_url.rstrip("/")
        return cls(
            id=link.id,
            partner_id=link.partner_id,
            code=link.code,
            target_url=link.target_url,
            scene=Scene(link.scene),
            sku=link.sku,
            campaign=link.campaign,
            active=link.active,
            created_at=link.created_at,
            short_url=short_url(public_url, link.code),
            qr_svg_url=f"{base}/qr/{link.code}.svg",
            qr_png_url=f"{base}/qr/{link.code}.png",
        )


class LinkList(BaseModel):
    items: list[LinkOut]
    total: int
    limit: int
    offset: int

    @classmethod
    def of(cls, page: LinkPage, public_url: str) -> LinkList:
        return cls(
            items=[LinkOut.of(link, public_url) for link in page.items],
            total=page.total, limit=page.limit, offset=page.offset,
        )
