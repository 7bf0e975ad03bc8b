"""A partner says where their money goes: the payee details they enter in the portal or through
the partner API. Where referral (who the partner is and their address), accounts (one-time codes)
and payouts (the payee details) meet.

The first details need no code; changing details already given needs a fresh one-time code
(purpose ``payee_change``) sent to the partner's phone, else their email: a stolen session alone
cannot send the partner's money elsewhere. Details are checked before the code is tried, so a
typing mistake neither spends the code nor writes anything; details equal to the current ones
change nothing and need no code.
"""

from __future__ import annotations

from collections.abc import Mapping

from accounts.service import codes
from accounts.service.audit import Actor
from accounts.service.codes import Purpose, Refusal
from core.errors import InvalidInput
from core.ratelimit import RateLimits
from core.senders import Senders
from core.time import local_date, now
from payouts import withholding
from payouts.payee import parse_payee
from payouts.service import payees
from payouts.service.payees import PayeeInfo
from payouts.service.terms import get_terms
from referral.service import partners
from relay.sign_in import CodeRefused, CodeSent, send_code, throttle_code_request


class CodeNeeded(InvalidInput):
    """Details already given change only with a code sent to the partner."""

    def __init__(self) -> None:
        message = "changing payee details needs the code sent to you: ask for one first"
        super().__init__(f"code: {message}", [{"field": "code", "message": message}])


class NoAddress(InvalidInput):
    """A partner with neither phone nor email cannot be sent a code."""

    def __init__(self) -> None:
        message = "there is no phone or email to send a code to; ask the merchant to add one"
        super().__init__(f"code: {message}", [{"field": "code", "message": message}])


def code_address(partner: partners.PartnerInfo) -> str | None:
    """Where a payee-change code goes: the partner's phone, else their email."""
    return partner.phone or partner.email


async def send_change_code(
    merchant_id: int, partner_id: int, *, secret: str, senders: Senders, locale: str, limits: RateLimits, ip: str
) -> CodeSent:
    """Send the partner a code to confirm a change of their payee details (rate limited as
    sign-in codes are: per client IP and per address)."""
    partner = await partners.get_partner(merchant_id, partner_id)
    address = code_address(partner)
    if address is None:
        raise NoAddress()
    await throttle_code_request(limits, ip, merchant_id, address)
    return await send_code(
        merchant_id, address, Purpose.payee_change, partner=partner, secret=secret, senders=senders, locale=locale
    )


async def change_payee(
    merchant_id: int, partner_id: int, values: Mapping[str, object], code: str | None, *, secret: str
) -> PayeeInfo:
    """Make `values` the partner's payee details (`PayeeInvalid` naming every bad field, or a
    refused `code`, writing nothing); audited as the partner. Answers them masked."""
    partner = await partners.get_partner(merchant_id, partner_id)
    terms = await get_terms(merchant_id)
    details = parse_payee(  # bad details refused before the code is tried (and spent)
        values, tax_details_required=terms.withholding != withholding.NONE,
        today=local_date(now(), terms.timezone),
    )
    current = await payees.payee_of(merchant_id, partner.id)
    if current is not None and current.details != details:
        if not code:
            raise CodeNeeded()
        address = code_address(partner)
        if address is None:
            raise NoAddress()
        check = await codes.check_code(merchant_id, Purpose.payee_change, address, code, secret=secret)
        if not check.accepted or check.partner_id != partner.id:
            refusal = Refusal.wrong if check.refusal in (None, Refusal.none) else check.refusal
            raise CodeRefused(refusal, check.tries_left)
    changed = await payees.set_payee(merchant_id, partner.id, values, actor=Actor.partner(partner.id))
    return changed.masked()


async def my_payee(merchant_id: int, partner_id: int) -> PayeeInfo | None:
    """The partner's payee details as they are shown (masked), or None."""
    found = await payees.payee_of(merchant_id, partner_id)
    return None if found is None else found.masked()
