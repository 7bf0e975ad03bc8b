"""Signing in and out, and the language switch.

Staff sign in at /console/sign-in with the merchant id, their email and password (an email is
unique within a merchant, not across merchants; ``?merchant=ID`` pre-fills the id), or with a
one-time link /console/sign-in/<token>. Partners sign in with a one-time code
(relay/pages/partner_sign_in.py) or the one-time link the merchant sends them, /p/sign-in/<token>
(POST /api/v1/partners/{id}/sign-in-link); either starts a partner session (relay.sign_in). Opening a
link shows a button; only its POST (the token in the body, not in a URL) uses the link up, so a
crawler, a chat app's preview or a prefetch never does, and no access log holds a usable token.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.responses import Response

from accounts.service import partner_sessions, sign_in
from core import ids
from relay import sign_in as partner_sign_in
from relay.pages import throttle
from relay.pages.i18n import LOCALES
from relay.pages.routing import Page, Pages

pages = Pages("auth")

#: Where each role lands after signing in.
HOME = {"admin": "console.home", "finance": "finance.home"}


def _local(url: str | None) -> str | None:
    """`url` if it is a path on this site (never another host: no open redirect)."""
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return None
    parts = urlsplit(url)
    return url if not parts.scheme and not parts.netloc else None


@pages.get("/console/sign-in")
async def staff_sign_in(page: Page) -> Response:
    query = page.request.query_params
    return page.render(
        "sign_in.html", merchant=query.get("merchant", ""), email="", next=_local(query.get("next")) or "", failed=False
    )


@pages.post("/console/sign-in", name="auth.staff_sign_in_submit")
async def staff_sign_in_submit(page: Page) -> Response:
    form = await page.form()
    merchant, email = str(form.get("merchant", "")).strip(), str(form.get("email", "")).strip()
    password, next_url = str(form.get("password", "")), _local(str(form.get("next", "")))
    await throttle.sign_in_attempt(page.request, kind="staff_password", identity=f"{merchant}:{email.lower()}")
    staff = None
    if merchant.isdigit() and email and password:
        staff = await sign_in.verify_staff_password(int(merchant), email, password)
    if staff is None:
        # One message for an unknown merchant, an unknown email, a wrong password and an inactive account.
        return page.render("sign_in.html", status=400, merchant=merchant, email=email, next=next_url or "", failed=True)
    page.session.sign_in(merchant_id=staff.merchant_id, kind="staff", id=staff.id, role=staff.role)
    return page.redirect(next_url or page.url(HOME[staff.role]))


@pages.get("/console/sign-in/{token}")
async def staff_sign_in_link(page: Page) -> Response:
    return _confirm(page, page.url("auth.staff_sign_in_link_submit"))


@pages.post("/console/sign-in-link", name="auth.staff_sign_in_link_submit")
async def staff_sign_in_link_submit(page: Page) -> Response:
    signed = await _use_link(page, "staff_link")
    if signed is None or signed.staff_account_id is None:
        return _refused(page, "sign_in.html")
    staff = await sign_in.active_staff(signed.merchant_id, signed.staff_account_id)
    if staff is None:  # deactivated between the link's use and now: refused, not a 500
        return _refused(page, "sign_in.html")
    page.session.sign_in(merchant_id=staff.merchant_id, kind="staff", id=staff.id, role=staff.role)
    return page.redirect(page.url(HOME[staff.role]))


@pages.get("/p/sign-in/{token}")
async def partner_sign_in_link(page: Page) -> Response:
    return _confirm(page, page.url("auth.partner_sign_in_link_submit"))


@pages.post("/p/sign-in", name="auth.partner_sign_in_link_submit")
async def partner_sign_in_link_submit(page: Page) -> Response:
    token = str((await page.form()).get("token", ""))
    await throttle.sign_in_attempt(page.request, kind="partner_link", identity=ids.token_hash(token)[:16])
    device = page.request.headers.get("user-agent", "")
    signed = await partner_sign_in.sign_in_with_link(token, device=device) if token else None
    if signed is None:
        return _refused(page, "partner/sign_in_needed.html")
    start_partner_session(page, signed)
    return page.redirect(page.url("partner.home"))


def start_partner_session(page: Page, signed: partner_sign_in.SignedInPartner) -> None:
    """The browser is signed in as the partner: the session's token goes in the (signed, HttpOnly) cookie."""
    page.session.sign_in(merchant_id=signed.partner.merchant_id, kind="partner", id=signed.partner.id, role="partner")
    page.session.set("sid", signed.token)


def _confirm(page: Page, action: str) -> Response:
    """The link's page: a button that POSTs its token. Opening the link uses nothing up (a chat
    app's preview, a crawler, a HEAD request, a browser prefetching it), and the token leaves the
    browser only in the POST's body, which no access log keeps; its GET is logged redacted
    (`relay.access_log`)."""
    return _no_referrer(page.render("sign_in_link.html", action=action, token=page.request.path_params["token"]))


async def _use_link(page: Page, kind: str) -> sign_in.SignedIn | None:
    """Consume the posted token (once; None when used, expired or unknown), after the rate-limit hook."""
    token = str((await page.form()).get("token", ""))
    await throttle.sign_in_attempt(page.request, kind=kind, identity=ids.token_hash(token)[:16])
    return await sign_in.consume_sign_in_link(token) if token else None


def _refused(page: Page, template: str) -> Response:
    """A used, expired or unknown link: one answer for all three (410 Gone)."""
    page.flash(page.gettext("This sign-in link was already used or has expired. Ask for a new one."), "error")
    response = page.render(template, status=410, merchant="", email="", next="", failed=False, merchant_id=None)
    return _no_referrer(response)


def _no_referrer(response: Response) -> Response:
    response.headers["referrer-policy"] = "no-referrer"  # the token is in this page's URL
    return response


@pages.post("/sign-out")
async def sign_out(page: Page) -> Response:
    was = page.session.get("kind")
    merchant = page.session.get("merchant_id")
    if was == "partner" and page.session.get("sid"):
        await partner_sessions.end_session_by_token(str(page.session.get("sid")))
    page.session.sign_out()
    if was == "partner":
        page.session.set("last_merchant", merchant)
    page.flash(page.gettext("You are signed out."), "success")
    if was == "partner":
        return page.redirect(page.url("sign_in.partner_sign_in") + (f"?merchant={merchant}" if merchant else ""))
    return page.redirect(page.url("auth.staff_sign_in") + (f"?merchant={merchant}" if merchant else ""))


@pages.get("/lang/{locale}")
async def switch_language(page: Page) -> Response:
    """The language switch: remembered in the session cookie, then back to the page (?next=)."""
    locale = page.request.path_params["locale"]
    if locale in LOCALES:
        page.session.set("locale", locale)
    return page.redirect(_local(page.request.query_params.get("next")) or "/p/")
