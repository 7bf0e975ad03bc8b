"""Partners, links and clicks written straight into the referral tables (fast set-up for tests)."""

from __future__ import annotations

from datetime import datetime

from core import ids
from core.time import now
from referral.models import Click, Partner, ShareLink


async def make_partner(merchant_id: int, **overrides) -> Partner:
    fields = {
        "code": ids.partner_code(),
        "display_name": "Partner",
        "kind": "parent",
        "status": "active",
        "reward_preference": "cash",
    } | overrides
    return await Partner.create(merchant_id=merchant_id, **fields)


async def make_link(partner: Partner, **overrides) -> ShareLink:
    fields = {
        "code": ids.link_code(),
        "target_url": "https://shop.example.com/",
        "scene": "personal",
    } | overrides
    return await ShareLink.create(merchant_id=partner.merchant_id, partner_id=partner.id, **fields)


async def make_click(link: ShareLink, visitor_id: str, *, at: datetime | None = None, is_bot: bool = False) -> Click:
    return await Click.create(
        id=ids.click_id(), merchant_id=link.merchant_id, link_id=link.id, partner_id=link.partner_id,
        scene=link.scene, visitor_id=visitor_id, ip_hash="0" * 64, is_bot=is_bot, occurred_at=at or now(),
    )
