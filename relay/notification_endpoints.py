"""The partner's notices through the partner API (``Authorization: Bearer ps_...``): the inbox,
each notice rendered in the partner's language, and the channel they want for each kind."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from accounts.service import merchants
from accounts.service.audit import Actor
from core.api import PARTNER_ROLE, Api, Call
from notifications.kinds import Kind
from notifications.schemas import ChannelsBody, PreferencesBody, PreferencesOut
from notifications.service import inbox, preferences
from notifications.service.inbox import NoticeInfo
from referral.service import partners
from relay.pages.mail.notices import notice_message

api = Api("partner")


class InboxQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    before_id: int | None = Field(None, ge=1, le=2**63 - 1, description="the last id of the previous page")
    limit: int = Field(50, ge=1, le=200)


class NoticeOut(BaseModel):
    id: int
    kind: Kind
    title: str = Field(description="in the partner's language")
    text: str = Field(description="in the partner's language")
    params: dict[str, Any] = Field(description="what it says as data: amounts in minor units with their currency")
    created_at: datetime
    read_at: datetime | None = Field(description="null: unread")


class InboxOut(BaseModel):
    items: list[NoticeOut]
    unread: int = Field(description="unread notices in all")


async def _render(call: Call, notices: list[NoticeInfo]) -> list[NoticeOut]:
    partner = await partners.get_partner(call.merchant_id, call.partner_id)
    merchant = (await merchants.get_merchant(call.merchant_id)).name
    out = []
    for notice in notices:
        message = notice_message(notice.kind, notice.params, locale=partner.locale, merchant=merchant)
        out.append(NoticeOut(id=notice.id, kind=notice.kind, title=message.title, text=message.text,
                             params=dict(notice.params), created_at=notice.created_at, read_at=notice.read_at))
    return out


@api.endpoint("GET", "/api/v1/me/notifications", summary="The partner's inbox", roles=[PARTNER_ROLE],
              query=InboxQuery, response=InboxOut)
async def my_notifications(call: Call) -> InboxOut:
    """Newest first; page on with `before_id`. Reading the list marks nothing read."""
    found = await inbox.inbox(call.merchant_id, call.partner_id, limit=call.query.limit,
                              before_id=call.query.before_id)
    return InboxOut(items=await _render(call, found),
                    unread=await inbox.unread_count(call.merchant_id, call.partner_id))


@api.endpoint("POST", "/api/v1/me/notifications/{notification_id:int}/read", summary="Read a notice",
              roles=[PARTNER_ROLE], response=NoticeOut)
async def read_notification(call: Call) -> NoticeOut:
    """Marks it read. Another partner's notice is 404."""
    found = await inbox.read_notice(call.merchant_id, call.partner_id, call.path["notification_id"])
    return (await _render(call, [found]))[0]


class ReadAll(BaseModel):
    read: int = Field(description="how many were unread")


@api.endpoint("POST", "/api/v1/me/notifications/read-all", summary="Mark every notice read",
              roles=[PARTNER_ROLE], response=ReadAll)
async def read_all_notifications(call: Call) -> ReadAll:
    return ReadAll(read=await inbox.read_all(call.merchant_id, call.partner_id))


async def _preferences(merchant_id: int, chosen: dict[Kind, Any]) -> PreferencesOut:
    return PreferencesOut(channels=chosen, enabled=ChannelsBody.of(await preferences.merchant_channels(merchant_id)))


@api.endpoint("GET", "/api/v1/me/notification-preferences", summary="How the partner is told",
              roles=[PARTNER_ROLE], response=PreferencesOut)
async def my_preferences(call: Call) -> PreferencesOut:
    """Every notice is in the inbox; each kind also goes by email (the default) or SMS as chosen,
    when the merchant sends by it and the partner has that address."""
    return await _preferences(call.merchant_id, await preferences.preferences(call.merchant_id, call.partner_id))


@api.endpoint("PUT", "/api/v1/me/notification-preferences", summary="Choose how the partner is told",
              roles=[PARTNER_ROLE], body=PreferencesBody, response=PreferencesOut)
async def set_my_preferences(call: Call) -> PreferencesOut:
    """A channel the merchant does not send by is 422 on ``channels.<kind>``. Audited."""
    chosen = await preferences.set_preferences(call.merchant_id, call.partner_id, call.body.channels,
                                               actor=Actor.partner(call.partner_id))
    return await _preferences(call.merchant_id, chosen)
