"""A partner signs in without the merchant: a one-time code sent to their phone or email, then a
session (a cookie in the portal, a bearer token for the partner API); or through the one-time link
the merchant sends. Where referral (who the partner is), accounts (codes and sessions) and the
sender port meet.

Whether a phone or email is a partner's is never told: a code is sent only to a partner's
address, but the answer is the same either way. Suspended partners get no code and no session,
and every request re-checks the partner (a suspension also ends their sessions at once).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from accounts.service import codes, merchants, partner_sessions, sign_in
from accounts.service.codes import Purpose, Refusal
from accounts.service.partner_sessions import NewSession, SessionInfo
from core import contacts
from core.api import PARTNER_ROLE, Principal
from core.errors import InvalidInput, ServiceUnavailable
from core.ratelimit import RateLimits, check_sign_in
from core.senders import Senders, SendFailed
from core.time import now
from referral.service import partners
from referral.service.partners import PartnerInfo
from relay.pages import mail


@dataclass(frozen=True, slots=True)
class CodeSent:
    """What the person is told after asking for a code (the same whether the address is a partner's)."""

    sent_to: str  #: the address, masked
    medium: str  #: "sms" or "email"
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class SignedInPartner:
    token: str  #: shown once: the cookie or the app keeps it
    session: SessionInfo
    partner: PartnerInfo


class BadContact(InvalidInput):
    def __init__(self, reason: str) -> None:
        super().__init__(f"contact: {reason}", [{"field": "contact", "message": reason}])


class CodeRefused(InvalidInput):
    """The code was not accepted; `refusal` says why (a wrong code with tries left, expired, used up)."""

    def __init__(self, refusal: Refusal, tries_left: int) -> None:
        messages = {
            Refusal.wrong: f"not the code that was sent; {tries_left} tries left",
            Refusal.expired: "the code has expired; ask for a new one",
            Refusal.used_up: "the code can no longer be used; ask for a new one",
        }
        message = messages[refusal]
        super().__init__(f"code: {message}", [{"field": "code", "message": message}])
        self.refusal = refusal
        self.tries_left = tries_left


class MessageNotSent(ServiceUnavailable):
    slug = "message-not-sent"

    def __init__(self) -> None:
        super().__init__("the code could not be sent just now; try again in a minute")

    @property
    def headers(self) -> dict[str, str]:
        return {"retry-after": "60"}


def canonical_contact(typed: str) -> str:
    """What a person typed as "phone or email", canonical (`BadContact` names the field)."""
    try:
        return contacts.email(typed) if contacts.is_email(typed) else contacts.phone(typed)
    except contacts.BadContact as bad:
        raise BadContact(str(bad)) from None


async def throttle_code_request(limits: RateLimits, ip: str, merchant_id: int, contact: str) -> None:
    """Before sending a code: per client IP, and per address (TooManyRequests, 429)."""
    await limits.check("code_send_ip", ip, merchant_id=merchant_id)
    await limits.check("code_send_identity", f"{merchant_id}:{contact}", merchant_id=merchant_id)


async def throttle_code_check(limits: RateLimits, ip: str, merchant_id: int, contact: str) -> None:
    """Before checking a code: the sign-in limits, per client IP and per address."""
    await check_sign_in(limits, ip, f"code:{merchant_id}:{contact}", merchant_id=merchant_id)


async def send_code(
    merchant_id: int, contact: str, purpose: Purpose, *, partner: PartnerInfo | None, secret: str,
    senders: Senders, locale: str,
) -> CodeSent:
    """Issue a code for `purpose` to `contact` (canonical) and send it, when `partner` is given;
    answer as if it was sent either way."""
    medium = "email" if contacts.is_email(contact) else "sms"
    if partner is None:
        return CodeSent(contacts.masked(contact), medium, now() + codes.CODE_TTL)
    merchant = await merchants.get_merchant(merchant_id)
    issued = await codes.issue_code(merchant_id, purpose, contact, partner_id=partner.id, secret=secret)
    message = mail.code_message(
        purpose.value, issued.code, locale=locale, merchant=merchant.name,
        minutes=int(codes.CODE_TTL.total_seconds() // 60),
    )
    try:
        if medium == "email":
            await senders.email.send_email(message.email(contact))
        else:
            await senders.sms.send_sms(message.sms(contact))
    except SendFailed as failed:
        if failed.permanent:
            raise BadContact(f"a message to this {'email' if medium == 'email' else 'phone'} was refused") from None
        raise MessageNotSent() from None
    return CodeSent(contacts.masked(contact), medium, issued.expires_at)


async def send_sign_in_code(
    merchant_id: int, contact: str, *, secret: str, senders: Senders, locale: str
) -> CodeSent:
    """Send a sign-in code to `contact` (canonical) if it is the address of a partner who may sign in."""
    await merchants.get_merchant(merchant_id)  # an unknown merchant is 404
    partner = await partners.partner_by_contact(merchant_id, contact)
    allowed = partner if partner is not None and partner.may_sign_in else None
    return await send_code(
        merchant_id, contact, Purpose.sign_in, partner=allowed, secret=secret, senders=senders, locale=locale
    )


async def sign_in_with_code(
    merchant_id: int, contact: str, code: str, *, secret: str, device: str
) -> SignedInPartner:
    """A session for the partner the code was sent to (`CodeRefused` on the `code` field otherwise)."""
    check = await codes.check_code(merchant_id, Purpose.sign_in, contact, code, secret=secret)
    if not check.accepted:
        assert check.refusal is not None
        # No code sent to this address reads as a wrong code: whose address it is stays untold.
        refusal = Refusal.wrong if check.refusal is Refusal.none else check.refusal
        raise CodeRefused(refusal, check.tries_left)
    assert check.partner_id is not None
    partner = await partners.get_partner(merchant_id, check.partner_id)
    if not partner.may_sign_in:
        raise CodeRefused(Refusal.used_up, 0)
    started = await partner_sessions.start_session(merchant_id, partner.id, device=device, via="code")
    return SignedInPartner(started.token, started.session, partner)


async def sign_in_with_link(link_token: str, *, device: str) -> SignedInPartner | None:
    """A session for the partner of the merchant's one-time link (None: used, expired, unknown,
    a staff link, or a partner who may not sign in)."""
    signed = await sign_in.consume_sign_in_link(link_token)
    if signed is None or signed.partner_id is None:
        return None
    partner = await partners.get_partner(signed.merchant_id, signed.partner_id)
    if not partner.may_sign_in:
        return None
    started: NewSession = await partner_sessions.start_session(
        signed.merchant_id, partner.id, device=device, via="link"
    )
    return SignedInPartner(started.token, started.session, partner)


async def signed_in_partner(token: str) -> tuple[SessionInfo, PartnerInfo] | None:
    """The open session `token` opens and its partner, if the partner may still sign in."""
    session = await partner_sessions.session_of(token)
    if session is None:
        return None
    partner = await partners.get_partner(session.merchant_id, session.partner_id)
    if not partner.may_sign_in:
        return None
    return session, partner


async def authenticate(token: str) -> Principal | None:
    """The API's caller: a partner's session token (ps_...), else a merchant's API key."""
    if not partner_sessions.is_session_token(token):
        return await merchants.authenticate(token)
    found = await signed_in_partner(token)
    if found is None:
        return None
    session, partner = found
    return Principal(merchant_id=partner.merchant_id, role=PARTNER_ROLE, partner_id=partner.id, session_id=session.id)
