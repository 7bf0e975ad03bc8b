"""What a partner is told about, how, and the unsubscribe token of an email. Pure."""

from __future__ import annotations

import base64
import hashlib
import hmac
from enum import StrEnum


class Kind(StrEnum):
    """What happened to the partner; each kind has its own channel preference and unsubscribe."""

    application_decided = "application_decided"  #: approved, rejected, or more information asked
    order_attributed = "order_attributed"  #: an order counted as theirs, with the commission it is expected to earn
    commissions_available = "commissions_available"  #: past the after-sales window: payable (one notice per run)
    commission_reversed = "commission_reversed"  #: taken back (a refund, a rejection), and why
    payout_line = "payout_line"  #: a payout to them was paid, failed or returned by the bank
    points_credited = "points_credited"  #: points added to their wallet


class Channel(StrEnum):
    """Where a notice goes besides the inbox (which always has it)."""

    inbox = "inbox"  #: the portal's inbox only
    email = "email"
    sms = "sms"


class Delivery(StrEnum):
    """Where a notice's email or SMS stands."""

    pending = "pending"  #: to be sent (or decided: the preference is read when it is sent)
    sent = "sent"  #: handed to the email or SMS driver
    inbox_only = "inbox_only"  #: nothing to send: the partner chose the inbox, the merchant disabled the channel, or no address
    dead = "dead"  #: given up after retries, or refused for good


#: A partner's channel for a kind they have not chosen for.
DEFAULT_CHANNEL = Channel.email


def channel_for(chosen: Channel, *, email_enabled: bool, sms_enabled: bool, email: str | None,
                phone: str | None) -> Channel:
    """Where a notice goes: the partner's choice if their merchant enables it and they have the
    address; otherwise the inbox only."""
    if chosen == Channel.email and email_enabled and email:
        return Channel.email
    if chosen == Channel.sms and sms_enabled and phone:
        return Channel.sms
    return Channel.inbox


# --- unsubscribe tokens -------------------------------------------------------------------------

#: Signed with the app's secret under this purpose only: a token says "this partner, this kind,
#: no more emails" and nothing else (no sign-in or other token is made this way).
_PURPOSE = b"relay.notifications.unsubscribe.v1:"


def _signature(secret: str, payload: str) -> str:
    digest = hmac.new(secret.encode(), _PURPOSE + payload.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:18]).decode()


def unsubscribe_token(secret: str, merchant_id: int, partner_id: int, kind: Kind) -> str:
    payload = f"{merchant_id}.{partner_id}.{kind.value}"
    return f"{payload}.{_signature(secret, payload)}"


def read_unsubscribe_token(secret: str, token: str) -> tuple[int, int, Kind] | None:
    """(merchant_id, partner_id, kind) of a token made by `unsubscribe_token`; None when it was not."""
    parts = token.split(".")
    if len(parts) != 4 or not parts[0].isdigit() or not parts[1].isdigit() or parts[2] not in Kind.__members__:
        return None
    payload = ".".join(parts[:3])
    if not hmac.compare_digest(parts[3], _signature(secret, payload)):
        return None
    return int(parts[0]), int(parts[1]), Kind(parts[2])
