"""Which channel each notice goes by: the partner's choice per kind, within the channels their
merchant enables. A partner's change and an unsubscribe are audited as the partner; a merchant's
change of channels as whoever made it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tortoise.transactions import in_transaction

from accounts.service import audit
from accounts.service.audit import Actor
from core.errors import InvalidInput
from core.time import now as current_time
from notifications.kinds import DEFAULT_CHANNEL, Channel, Kind
from notifications.models import NotificationChannels, NotificationPreference


@dataclass(frozen=True, slots=True)
class Channels:
    """The channels a merchant sends notices by, besides the inbox."""

    email: bool = True
    sms: bool = False

    def as_json(self) -> dict[str, bool]:
        return {"email": self.email, "sms": self.sms}


async def merchant_channels(merchant_id: int) -> Channels:
    row = await NotificationChannels.get_or_none(merchant_id=merchant_id)
    return Channels() if row is None else Channels(email=row.email, sms=row.sms)


async def channels_of(merchant_ids: Iterable[int]) -> dict[int, Channels]:
    """Each merchant's channels (one query)."""
    wanted = set(merchant_ids)
    found = {row.merchant_id: Channels(row.email, row.sms)
             for row in await NotificationChannels.filter(merchant_id__in=wanted)} if wanted else {}
    return {merchant_id: found.get(merchant_id, Channels()) for merchant_id in wanted}


async def set_merchant_channels(merchant_id: int, changed: Channels, *, actor: Actor | None) -> Channels:
    async with in_transaction():
        before = await merchant_channels(merchant_id)
        if changed != before:
            await NotificationChannels.update_or_create(
                defaults={"email": changed.email, "sms": changed.sms, "updated_at": current_time()},
                merchant_id=merchant_id)
            await audit.record(merchant_id, actor, "notification_channels.update", "merchant", merchant_id,
                               before=before.as_json(), after=changed.as_json())
    return changed


async def preferences(merchant_id: int, partner_id: int) -> dict[Kind, Channel]:
    """The partner's channel for every kind (the default where they chose none)."""
    chosen = {row.kind: row.channel
              for row in await NotificationPreference.filter(merchant_id=merchant_id, partner_id=partner_id)}
    return {kind: Channel(chosen.get(kind.value, DEFAULT_CHANNEL.value)) for kind in Kind}


async def preferences_of(merchant_id: int, partner_ids: Iterable[int]) -> dict[tuple[int, Kind], Channel]:
    """(partner, kind) -> the channel chosen, for those chosen (one query); others take the default."""
    wanted = set(partner_ids)
    if not wanted:
        return {}
    rows = await NotificationPreference.filter(merchant_id=merchant_id, partner_id__in=wanted)
    return {(row.partner_id, Kind(row.kind)): Channel(row.channel) for row in rows}


async def set_preferences(merchant_id: int, partner_id: int, changes: Mapping[Kind, Channel], *,
                          actor: Actor | None) -> dict[Kind, Channel]:
    """Sets the partner's channel for each kind in `changes`; returns them all. A channel the
    merchant does not send by is InvalidInput (422) on ``channels.<kind>``."""
    enabled = await merchant_channels(merchant_id)
    refused = [kind for kind, channel in changes.items()
               if (channel == Channel.email and not enabled.email) or (channel == Channel.sms and not enabled.sms)]
    if refused:
        raise InvalidInput("channels: the merchant does not send notices by that channel", [
            {"field": f"channels.{kind.value}", "message": f"the merchant does not send {changes[kind].value}"}
            for kind in refused])
    async with in_transaction():
        before = await preferences(merchant_id, partner_id)
        changed = {kind: channel for kind, channel in changes.items() if before[kind] != channel}
        at = current_time()
        for kind, channel in changed.items():
            await NotificationPreference.update_or_create(
                defaults={"channel": channel.value, "updated_at": at},
                merchant_id=merchant_id, partner_id=partner_id, kind=kind.value)
        if changed:
            await audit.record(
                merchant_id, actor, "notification_preferences.update", "partner", partner_id,
                before={kind.value: before[kind].value for kind in changed},
                after={kind.value: channel.value for kind, channel in changed.items()})
    return {**before, **changed}


async def unsubscribe(merchant_id: int, partner_id: int, kind: Kind) -> None:
    """No more emails or SMS of `kind` to the partner (the inbox still has them): the link in an email."""
    await set_preferences(merchant_id, partner_id, {kind: Channel.inbox}, actor=Actor.partner(partner_id))
