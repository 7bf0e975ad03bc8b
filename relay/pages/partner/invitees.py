"""My invitees: the partners I recruited, and what their sales earned me at level 2."""

from __future__ import annotations

from starlette.responses import Response

from commissions.service import partner_views
from relay.pages.explain import amount
from relay.pages.i18n import N_
from relay.pages.partner import pages
from relay.pages.partner.links import offset_of
from relay.pages.routing import Page

PAGE_SIZE = 50


@pages.get("/p/invitees", nav=N_("My invitees"))
async def invitees(page: Page) -> Response:
    found = await partner_views.invitees(page.merchant_id, page.partner_id, offset=offset_of(page), limit=PAGE_SIZE)
    return page.render("partner/invitees.html", found=found, amount=lambda v, a: amount(page, v, a))
