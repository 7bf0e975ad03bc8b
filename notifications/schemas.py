"""Request and response shapes of the notifications API."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from notifications.kinds import Channel, Kind
from notifications.service.preferences import Channels


class ChannelsBody(BaseModel):
    """The channels the merchant sends partners' notices by, besides the portal's inbox (always)."""

    model_config = ConfigDict(extra="forbid")

    email: bool = Field(description="email to partners who chose it")
    sms: bool = Field(description="SMS to partners who chose it (the SMS provider charges per message)")

    @classmethod
    def of(cls, channels: Channels) -> ChannelsBody:
        return cls(email=channels.email, sms=channels.sms)


class PreferencesBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    channels: dict[Kind, Channel] = Field(
        description="kind -> inbox (the portal's inbox only), email or sms; kinds left out keep their channel",
        examples=[{"payout_line": "sms", "order_attributed": "inbox"}])


class PreferencesOut(BaseModel):
    channels: dict[Kind, Channel] = Field(description="the partner's channel for every kind")
    enabled: ChannelsBody = Field(description="what the merchant sends by: a channel it does not is refused")
