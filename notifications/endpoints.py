"""The merchant's notification channels (admin). The partner's inbox and preferences are in
relay/notification_endpoints.py, where notices are rendered in the partner's language."""

from __future__ import annotations

from accounts.models import Role
from accounts.service.audit import actor_of
from core.api import Api, Call
from notifications.schemas import ChannelsBody
from notifications.service import preferences
from notifications.service.preferences import Channels

api = Api("notifications")


@api.endpoint("GET", "/api/v1/notification-channels", summary="How partners' notices are sent",
              roles=[Role.admin], response=ChannelsBody)
async def get_channels(call: Call) -> ChannelsBody:
    """Besides the portal's inbox, which always has every notice: email and SMS, each to the
    partners who chose it for a kind. By default email only."""
    return ChannelsBody.of(await preferences.merchant_channels(call.merchant_id))


@api.endpoint("PUT", "/api/v1/notification-channels", summary="Set how partners' notices are sent",
              roles=[Role.admin], body=ChannelsBody, response=ChannelsBody)
async def set_channels(call: Call) -> ChannelsBody:
    """Audited as notification_channels.update. A partner who chose a channel turned off here
    finds their notices in the inbox only."""
    changed = Channels(email=call.body.email, sms=call.body.sms)
    return ChannelsBody.of(await preferences.set_merchant_channels(call.merchant_id, changed,
                                                                   actor=actor_of(call.principal)))
