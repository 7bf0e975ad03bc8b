"""The partner portal's home page (earnings, the 12-week chart: to be built on this placeholder)."""

from __future__ import annotations

from starlette.responses import Response

from relay.pages.i18n import N_
from relay.pages.partner import pages
from relay.pages.routing import Page


@pages.get("/p/", nav=N_("Home"))
async def home(page: Page) -> Response:
    return page.render("partner/home.html")
