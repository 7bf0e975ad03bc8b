"""Sending partners' notices by email or SMS: the notices outbox's deliverer (``relay notify
deliver``, or the app's worker with RELAY_OUTBOX_WORKER=1).

A round claims due notices (notifications.service.delivery), decides each one's channel from the
partner's choice for its kind, the merchant's channels and the partner's addresses
(notifications.kinds.channel_for), renders it in the partner's language (relay/pages/mail/notices.py),
sends it outside any transaction, and records what happened. An email ends with the link that
unsubscribes the partner from its kind. A deliverer dying mid-send leaves the lease to run out:
the notice is sent again (at least once); a notice is written once per event, so an event
reported twice is still sent once.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from accounts.service import merchants
from core.senders import Senders, SendFailed
from core.time import now as current_time
from notifications.kinds import DEFAULT_CHANNEL, Channel, Kind, channel_for, unsubscribe_token
from notifications.service import delivery, preferences
from notifications.service.delivery import Due, Failure
from referral.service import partners
from referral.service.partners import PartnerInfo
from relay.pages.mail import Message
from relay.pages.mail.notices import notice_message, unsubscribe_footer

log = logging.getLogger("relay.notify")

#: Messages in flight at once per deliverer.
CONCURRENCY = 8


@dataclass(frozen=True, slots=True)
class NotifyRound:
    claimed: int
    sent: int
    inbox_only: int
    retrying: int
    dead: int


def unsubscribe_url(public_url: str, secret: str, merchant_id: int, partner_id: int, kind: Kind) -> str:
    return f"{public_url.rstrip('/')}/unsubscribe/{unsubscribe_token(secret, merchant_id, partner_id, kind)}"


@dataclass(frozen=True, slots=True)
class _Send:
    notice: Due
    channel: Channel
    partner: PartnerInfo
    message: Message


async def _plan(claimed: list[Due]) -> tuple[list[_Send], list[Due]]:
    """Each claimed notice's send, or none (the inbox only)."""
    by_merchant: dict[int, list[Due]] = defaultdict(list)
    for notice in claimed:
        by_merchant[notice.merchant_id].append(notice)
    enabled = await preferences.channels_of(by_merchant)
    sends: list[_Send] = []
    quiet: list[Due] = []
    for merchant_id, notices in by_merchant.items():
        ids = [notice.partner_id for notice in notices]
        found = {partner.id: partner for partner in await partners.partners_by_id(merchant_id, ids)}
        chosen = await preferences.preferences_of(merchant_id, ids)
        name = (await merchants.get_merchant(merchant_id)).name
        channels = enabled[merchant_id]
        for notice in notices:
            partner = found.get(notice.partner_id)
            channel = Channel.inbox if partner is None else channel_for(
                chosen.get((notice.partner_id, notice.kind), DEFAULT_CHANNEL), email_enabled=channels.email,
                sms_enabled=channels.sms, email=partner.email, phone=partner.phone)
            if channel == Channel.inbox or partner is None:
                quiet.append(notice)
                continue
            message = notice_message(notice.kind, notice.params, locale=partner.locale, merchant=name)
            sends.append(_Send(notice, channel, partner, message))
    return sends, quiet


async def deliver_due(now: datetime, *, senders: Senders, secret: str, public_url: str,
                      limit: int = 100, merchant_id: int | None = None) -> NotifyRound:
    """Claim notices due at `now` (of one merchant, or all), send each by its channel, record
    what happened."""
    claimed = await delivery.claim_due(now, limit, merchant_id=merchant_id)
    if not claimed:
        return NotifyRound(0, 0, 0, 0, 0)
    sends, quiet = await _plan(claimed)
    gate = asyncio.Semaphore(CONCURRENCY)

    async def send(item: _Send) -> Failure | None:
        notice, partner = item.notice, item.partner
        try:
            async with gate:
                if item.channel == Channel.email:
                    url = unsubscribe_url(public_url, secret, notice.merchant_id, partner.id, notice.kind)
                    assert partner.email is not None
                    await senders.email.send_email(
                        item.message.email(partner.email, footer=unsubscribe_footer(partner.locale, notice.kind, url)))
                else:
                    assert partner.phone is not None
                    await senders.sms.send_sms(item.message.sms(partner.phone))
        except SendFailed as failed:
            return Failure(notice, failed.reason, failed.permanent)
        except Exception as exc:  # a driver's bug must not lose the round's other outcomes
            log.exception("notice %s: sending failed", notice.id)
            return Failure(notice, f"{type(exc).__name__}: {exc}", False)
        return None

    outcomes = await asyncio.gather(*(send(item) for item in sends))
    at = current_time()
    await delivery.record_sent(at, [(item.notice, item.channel) for item, failed in zip(sends, outcomes, strict=True)
                                    if failed is None])
    await delivery.record_inbox_only(quiet)
    failures = [failed for failed in outcomes if failed is not None]
    dead = await delivery.record_failures(now, failures)
    return NotifyRound(len(claimed), len(sends) - len(failures), len(quiet), len(failures) - dead, dead)


async def deliver_forever(senders: Senders, *, secret: str, public_url: str, limit: int = 100,
                          interval: float = 1.0, stop: asyncio.Event | None = None) -> None:
    """`deliver_due` in a loop until `stop` is set: again at once while rounds come back full."""
    stop = stop or asyncio.Event()
    while not stop.is_set():
        try:
            done = await deliver_due(current_time(), senders=senders, secret=secret, public_url=public_url,
                                     limit=limit)
        except Exception:
            log.exception("notice delivery round failed")
            done = NotifyRound(0, 0, 0, 0, 0)
        if done.claimed:
            log.info("notices: %s sent, %s inbox only, %s retrying, %s dead", done.sent, done.inbox_only,
                     done.retrying, done.dead)
        if done.claimed < limit:
            try:
                await asyncio.wait_for(stop.wait(), interval)
            except TimeoutError:
                pass
