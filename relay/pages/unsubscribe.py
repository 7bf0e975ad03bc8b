"""The link at the end of a notice's email: /unsubscribe/{token}. The GET shows what it stops and a
button (so a mail scanner or a chat app's link preview changes nothing); the POST stops emails and
text messages of that kind to the partner, who still finds them in the inbox. No sign-in: the
token, signed for this use only, names the partner and the kind."""

from __future__ import annotations

from starlette.responses import Response

from core.errors import NotFound
from notifications.kinds import read_unsubscribe_token
from notifications.service import preferences
from referral.service import partners
from relay.pages.mail.notices import KIND_LABELS
from relay.pages.routing import Page, Pages

pages = Pages("unsubscribe")


async def _read(page: Page):
    found = read_unsubscribe_token(page.request.app.state.settings.secret_key, page.request.path_params["token"])
    if found is None:
        raise NotFound("no such unsubscribe link")
    merchant_id, partner_id, kind = found
    await partners.get_partner(merchant_id, partner_id)  # a partner since removed: 404
    return merchant_id, partner_id, kind


@pages.get("/unsubscribe/{token}")
async def confirm(page: Page) -> Response:
    _, _, kind = await _read(page)
    return page.render("unsubscribe.html", kind=page.gettext(KIND_LABELS[kind]), done=False)


@pages.post("/unsubscribe/{token}")
async def unsubscribe(page: Page) -> Response:
    merchant_id, partner_id, kind = await _read(page)
    await preferences.unsubscribe(merchant_id, partner_id, kind)
    return page.render("unsubscribe.html", kind=page.gettext(KIND_LABELS[kind]), done=True)
