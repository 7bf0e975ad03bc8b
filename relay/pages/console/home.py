"""The merchant console's home page (a placeholder the console's pages grow from)."""

from __future__ import annotations

from starlette.responses import Response

from relay.pages.console import pages
from relay.pages.i18n import N_
from relay.pages.routing import Page


@pages.get("/console/", nav=N_("Overview"))
async def home(page: Page) -> Response:
    return page.render("console/home.html")
