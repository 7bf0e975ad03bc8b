"""The partner API: a partner signs in with a one-time code and calls these with their session
token (``Authorization: Bearer ps_...``), separate from the merchant's API keys. What the portal
does, a merchant's own app or mini-program can do through here."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from starlette.requests import Request

from accounts.service import partner_sessions
from accounts.service.partner_sessions import SessionInfo
from core.api import PARTNER_ROLE, Api, Call
from payouts.service import payees
from payouts.service.payees import PayeeInfo
from referral.models import PartnerStatus
from referral.schemas.partners import Locale
from referral.service import partners
from referral.service.partners import PartnerInfo, invite_url
from relay import payee_details, sign_in
from relay.pages.i18n import negotiate

api = Api("partner")

Contact = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=254)]


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    contact: Contact = Field(description="the partner's phone (a mainland number needs no +86) or email",
                             examples=["13800138000"])


class CodeSentOut(BaseModel):
    sent_to: str = Field(description="the address, masked (the same answer whether it is a partner's or not)")
    medium: str = Field(description="sms or email")
    expires_at: datetime


class SessionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    contact: Contact
    code: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\d{6}$")] = Field(
        description="the 6 digits sent")


class SessionOut(BaseModel):
    id: int
    device: str = Field(description="the user agent it signed in with")
    via: str = Field(description="code or link")
    created_at: datetime
    last_seen_at: datetime = Field(description="to within 5 minutes")
    expires_at: datetime
    current: bool = Field(description="the session making this request")

    @classmethod
    def of(cls, session: SessionInfo, current_id: int | None) -> SessionOut:
        return cls(id=session.id, device=session.device, via=session.via, created_at=session.created_at,
                   last_seen_at=session.last_seen_at, expires_at=session.expires_at, current=session.id == current_id)


class MeOut(BaseModel):
    """The signed-in partner, as they see themselves."""

    id: int
    merchant_id: int
    code: str = Field(description="entered at a till or checkout")
    display_name: str
    kind: str
    status: PartnerStatus
    email: str | None
    phone: str | None
    locale: Locale
    invite_url: str | None = Field(description="where people sign up recruited by this partner; null unless active")

    @classmethod
    def of(cls, partner: PartnerInfo, public_url: str) -> MeOut:
        return cls(
            id=partner.id, merchant_id=partner.merchant_id, code=partner.code, display_name=partner.display_name,
            kind=partner.kind, status=PartnerStatus(partner.status), email=partner.email, phone=partner.phone,
            locale=partner.locale,  # type: ignore[arg-type]
            invite_url=invite_url(public_url, partner.merchant_id, partner.code) if partner.is_active else None,
        )


class SignedIn(BaseModel):
    token: str = Field(description="the session token, shown once: send it as 'Authorization: Bearer ps_...'")
    session: SessionOut
    partner: MeOut


class EndAll(BaseModel):
    model_config = ConfigDict(extra="forbid")

    keep_current: bool = Field(False, description="true: every session but the one making this request")


class Ended(BaseModel):
    ended: int


def _ip(request: Request) -> str:
    return request.client.host if request.client is not None else ""


def _public_url(call: Call) -> str:
    return call.request.app.state.settings.public_url


@api.endpoint(
    "POST", "/api/v1/merchants/{merchant_id:int}/sign-in-codes", summary="Send a partner a sign-in code",
    body=CodeRequest, response=CodeSentOut, status=202,
    rate_limited="Too many codes asked from this client IP (code_send_ip) or for this address (code_send_identity)",
)
async def send_sign_in_code(call: Call) -> CodeSentOut:
    """Public. Sends a 6-digit code (valid 10 minutes, 5 tries, once) by SMS or email to the
    partner with this phone or email; the answer is the same when nobody has it. Rate limited
    per client IP and per address (429 with Retry-After)."""
    merchant_id, state = call.path["merchant_id"], call.request.app.state
    contact = sign_in.canonical_contact(call.body.contact)
    await sign_in.throttle_code_request(state.rate_limits, _ip(call.request), merchant_id, contact)
    sent = await sign_in.send_sign_in_code(
        merchant_id, contact, secret=state.settings.secret_key, senders=state.senders,
        locale=negotiate(call.request.headers.get("accept-language", "zh")),
    )
    return CodeSentOut(sent_to=sent.sent_to, medium=sent.medium, expires_at=sent.expires_at)


@api.endpoint(
    "POST", "/api/v1/merchants/{merchant_id:int}/partner-sessions", summary="Sign a partner in with a code",
    body=SessionRequest, response=SignedIn, status=201,
    rate_limited="Too many tries from this client IP (sign_in_ip) or for this address (sign_in_identity)",
)
async def start_partner_session(call: Call) -> SignedIn:
    """Public. Exchanges the code for a session token (30 days, or until signed out). A wrong,
    expired or used code is 422 on `code`; the sixth try of a code is refused even when right.
    Rate limited per client IP and per address."""
    merchant_id, state = call.path["merchant_id"], call.request.app.state
    contact = sign_in.canonical_contact(call.body.contact)
    await sign_in.throttle_code_check(state.rate_limits, _ip(call.request), merchant_id, contact)
    signed = await sign_in.sign_in_with_code(
        merchant_id, contact, call.body.code, secret=state.settings.secret_key,
        device=call.request.headers.get("user-agent", ""),
    )
    return SignedIn(token=signed.token, session=SessionOut.of(signed.session, signed.session.id),
                    partner=MeOut.of(signed.partner, _public_url(call)))


@api.endpoint("GET", "/api/v1/me", summary="The signed-in partner", roles=[PARTNER_ROLE], response=MeOut)
async def me(call: Call) -> MeOut:
    return MeOut.of(await partners.get_partner(call.merchant_id, call.partner_id), _public_url(call))


@api.endpoint(
    "GET", "/api/v1/me/sessions", summary="The partner's open sessions", roles=[PARTNER_ROLE],
    response=[SessionOut],
)
async def my_sessions(call: Call) -> list[SessionOut]:
    """Every browser and app signed in as this partner, the most recently used first."""
    current = call.principal.session_id if call.principal else None
    return [SessionOut.of(s, current) for s in await partner_sessions.live_sessions(call.merchant_id, call.partner_id)]


@api.endpoint(
    "POST", "/api/v1/me/sessions/{session_id:int}/end", summary="Sign out one session", roles=[PARTNER_ROLE],
    status=204,
)
async def end_my_session(call: Call) -> None:
    """Another partner's session, or one already over, is 404."""
    await partner_sessions.end_session(call.merchant_id, call.partner_id, call.path["session_id"])


@api.endpoint(
    "POST", "/api/v1/me/sessions/end-all", summary="Sign out on all devices", roles=[PARTNER_ROLE],
    body=EndAll, response=Ended,
)
async def end_all_my_sessions(call: Call) -> Ended:
    keep = call.principal.session_id if call.principal and call.body.keep_current else None
    return Ended(ended=await partner_sessions.end_all_sessions(call.merchant_id, call.partner_id, keep=keep))


# --- Payee details: where the partner's money goes ---------------------------------------------

PayeeText = Annotated[str, StringConstraints(max_length=200)]


class PayeeOut(BaseModel):
    """Payee details as people see them: the account and ID numbers masked."""

    method: str = Field(description="bank or alipay")
    account_name: str = Field(description="the name on the account")
    account_number: str = Field(description="masked: the bank account or card number, or the Alipay mobile/email")
    bank_name: str | None = Field(description="for a bank account")
    legal_name: str | None
    resident_id: str | None = Field(description="masked")
    changed_at: datetime

    @classmethod
    def of(cls, info: PayeeInfo) -> PayeeOut:
        """From details the service already masked."""
        shown = info.details
        return cls(method=shown.method.value, account_name=shown.account_name, account_number=shown.account_number,
                   bank_name=shown.bank_name, legal_name=shown.legal_name, resident_id=shown.resident_id,
                   changed_at=info.changed_at)


class MyPayeeOut(BaseModel):
    details: PayeeOut | None = Field(description="null until the partner enters them")
    tax_details_required: bool = Field(
        description="the merchant withholds tax: legal_name and resident_id are required")


class PayeeIn(BaseModel):
    """New payee details. Checked field by field (422 naming each: GB 11643 for the resident ID,
    Luhn for UnionPay cards, 8-30 digits for other bank accounts, a mobile or email for Alipay)."""

    model_config = ConfigDict(extra="forbid")

    method: PayeeText = Field(description="bank or alipay", examples=["bank"])
    account_name: PayeeText = Field(description="the name on the account")
    account_number: PayeeText = Field(description="bank: the account or card number; alipay: its mobile or email")
    bank_name: PayeeText | None = Field(None, description="required for a bank account")
    legal_name: PayeeText | None = Field(None, description="required when the merchant withholds tax")
    resident_id: PayeeText | None = Field(None, description="18 characters; required when the merchant withholds tax")
    code: Annotated[str, StringConstraints(strip_whitespace=True, max_length=20)] | None = Field(
        None, description="the code from POST /api/v1/me/payee/code: required to change details already given")


@api.endpoint("GET", "/api/v1/me/payee", summary="My payee details (masked)", roles=[PARTNER_ROLE],
              response=MyPayeeOut)
async def my_payee(call: Call) -> MyPayeeOut:
    found = await payee_details.my_payee(call.merchant_id, call.partner_id)
    return MyPayeeOut(details=None if found is None else PayeeOut.of(found),
                      tax_details_required=await payees.tax_details_required(call.merchant_id))


@api.endpoint(
    "POST", "/api/v1/me/payee/code", summary="Send me a code to change my payee details", roles=[PARTNER_ROLE],
    response=CodeSentOut, status=202,
    rate_limited="Too many codes asked from this client IP (code_send_ip) or for this address (code_send_identity)",
)
async def send_payee_code(call: Call) -> CodeSentOut:
    """Sends a 6-digit code (10 minutes, 5 tries, once) to the partner's phone, else their email.
    A partner with neither: 422 on `code`."""
    state = call.request.app.state
    sent = await payee_details.send_change_code(
        call.merchant_id, call.partner_id, secret=state.settings.secret_key, senders=state.senders,
        locale=negotiate(call.request.headers.get("accept-language", "zh")), limits=state.rate_limits,
        ip=_ip(call.request),
    )
    return CodeSentOut(sent_to=sent.sent_to, medium=sent.medium, expires_at=sent.expires_at)


@api.endpoint("PUT", "/api/v1/me/payee", summary="Enter or change my payee details", roles=[PARTNER_ROLE],
              body=PayeeIn, response=PayeeOut)
async def put_my_payee(call: Call) -> PayeeOut:
    """The first details need no code; changing them needs `code` (missing, wrong, expired or
    used: 422 on `code`). Bad details: 422 naming each field, checked before the code is tried.
    Audited as the partner, numbers masked."""
    body = call.body
    values = body.model_dump(exclude={"code"})
    info = await payee_details.change_payee(
        call.merchant_id, call.partner_id, values, body.code, secret=call.request.app.state.settings.secret_key
    )
    return PayeeOut.of(info)
