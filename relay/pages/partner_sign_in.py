"""A partner signs in by a one-time code, phone first: /p/sign-in?merchant=ID asks for their
phone or email, sends a 6-digit code, then takes it (relay.sign_in does the work; the rate limits
answer the "too many attempts" page)."""

from __future__ import annotations

from starlette.responses import Response

from accounts.service import merchants
from core.errors import InvalidInput, NotFound
from core.ratelimit import TooManyRequests
from relay import sign_in
from relay.pages.auth import start_partner_session
from relay.pages.i18n import N_
from relay.pages.routing import Page, Pages, number_in

pages = Pages("sign_in")

#: A refused code in the person's words (relay.sign_in.CodeRefused.refusal).
REFUSALS = {
    "wrong": N_("That is not the code we sent. Tries left: %(tries)s."),
    "expired": N_("This code has expired. Ask for a new one."),
    "used_up": N_("This code can no longer be used. Ask for a new one."),
}
CONTACT_ERROR = N_("Enter a mobile number (e.g. 138 0013 8000) or an email address.")


def _merchant_id(page: Page, value: object) -> int:
    merchant_id = number_in(str(value or ""))
    if merchant_id is None:
        raise NotFound("no merchant")
    return merchant_id


def _ip(page: Page) -> str:
    return page.request.client.host if page.request.client is not None else ""


async def _posted_contact(page: Page) -> tuple[int, str, str | None]:
    """The form's merchant (404 when none), the address as typed, and canonical (None: not one)."""
    form = await page.form()
    merchant_id = _merchant_id(page, form.get("merchant"))
    typed = str(form.get("contact", "")).strip()
    try:
        return merchant_id, typed, sign_in.canonical_contact(typed)
    except InvalidInput:
        return merchant_id, typed, None


async def _form(page: Page, merchant_id: int, *, status: int = 200, **context: object) -> Response:
    merchant = await merchants.get_merchant(merchant_id)
    values = {"contact": "", "errors": {}, "sent": None, "step": "contact"} | context
    return page.render("partner/sign_in.html", status=status, merchant_id=merchant_id, merchant_name=merchant.name,
                       **values)


@pages.get("/p/sign-in")
async def partner_sign_in(page: Page) -> Response:
    """Step 1: phone or email. Without ?merchant= there is nothing to sign in to: the 404 page."""
    return await _form(page, _merchant_id(page, page.request.query_params.get("merchant")))


@pages.post("/p/sign-in/send")
async def send_code(page: Page) -> Response:
    merchant_id, typed, contact = await _posted_contact(page)
    if contact is None:
        return await _form(page, merchant_id, status=422, contact=typed, errors={"contact": page.gettext(CONTACT_ERROR)})
    state = page.request.app.state
    try:
        await sign_in.throttle_code_request(state.rate_limits, _ip(page), merchant_id, contact)
        sent = await sign_in.send_sign_in_code(
            merchant_id, contact, secret=state.settings.secret_key, senders=state.senders, locale=page.locale
        )
    except TooManyRequests as refused:
        message = page.gettext("A code was sent a moment ago. Wait %(seconds)s seconds before asking again.",
                               seconds=refused.retry_after)
        return await _form(page, merchant_id, status=429, contact=typed, errors={"contact": message})
    except sign_in.BadContact:
        message = page.gettext("A message to this number or address was refused. Check it, or use the other one.")
        return await _form(page, merchant_id, status=422, contact=typed, errors={"contact": message})
    return await _form(page, merchant_id, contact=typed, sent=sent, step="code")


@pages.post("/p/sign-in/check")
async def check_code(page: Page) -> Response:
    merchant_id, typed, contact = await _posted_contact(page)
    if contact is None:
        return await _form(page, merchant_id, status=422, contact=typed, errors={"contact": page.gettext(CONTACT_ERROR)})
    code = str((await page.form()).get("code", "")).strip()
    state = page.request.app.state
    again = {"contact": typed, "step": "code", "sent": None}
    if not (len(code) == 6 and code.isascii() and code.isdigit()):
        return await _form(page, merchant_id, status=422, errors={"code": page.gettext("Enter the 6 digits we sent.")},
                           **again)
    try:
        await sign_in.throttle_code_check(state.rate_limits, _ip(page), merchant_id, contact)
        signed = await sign_in.sign_in_with_code(
            merchant_id, contact, code, secret=state.settings.secret_key,
            device=page.request.headers.get("user-agent", ""),
        )
    except TooManyRequests as refused:
        message = page.gettext("Too many tries. Wait %(seconds)s seconds and try again.", seconds=refused.retry_after)
        return await _form(page, merchant_id, status=429, errors={"code": message}, **again)
    except sign_in.CodeRefused as refused:
        message = page.gettext(REFUSALS[refused.refusal.value], tries=refused.tries_left)
        return await _form(page, merchant_id, status=422, errors={"code": message}, **again)
    start_partner_session(page, signed)
    return page.redirect(page.url("partner.home"))
