"""Where I am signed in: every browser and app with an open session, each ended on its own, or
all at once ("sign out on all devices")."""

from __future__ import annotations

from starlette.responses import Response

from accounts.service import partner_sessions
from relay.pages.partner import pages
from relay.pages.routing import Page


@pages.get("/p/sessions")
async def sessions(page: Page) -> Response:
    found = await partner_sessions.live_sessions(page.merchant_id, page.partner_id)
    return page.render("partner/sessions.html", sessions=found, current=page.partner_session.id)


@pages.post("/p/sessions/{session_id:int}/end")
async def end_session(page: Page) -> Response:
    """Another partner's session, or one already over: the 404 page."""
    session_id = page.request.path_params["session_id"]
    await partner_sessions.end_session(page.merchant_id, page.partner_id, session_id)
    if session_id == page.partner_session.id:
        return _signed_out(page)
    page.flash(page.gettext("That device is signed out."), "success")
    return page.redirect(page.url("partner.sessions"))


@pages.post("/p/sessions/end-all")
async def end_all_sessions(page: Page) -> Response:
    """Sign out on every device, this one included."""
    await partner_sessions.end_all_sessions(page.merchant_id, page.partner_id)
    return _signed_out(page)


def _signed_out(page: Page) -> Response:
    merchant_id = page.merchant_id
    page.session.sign_out()
    page.session.set("last_merchant", merchant_id)  # the sign-in page offers this merchant's form
    page.flash(page.gettext("You are signed out."), "success")
    return page.redirect(page.url("sign_in.partner_sign_in") + f"?merchant={merchant_id}")
