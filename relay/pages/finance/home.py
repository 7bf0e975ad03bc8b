"""The finance console's home page (a placeholder the batch and ledger pages grow from)."""

from __future__ import annotations

from starlette.responses import Response

from relay.pages.finance import pages
from relay.pages.i18n import N_
from relay.pages.routing import Page


@pages.get("/finance/", nav=N_("Overview"))
async def home(page: Page) -> Response:
    return page.render("finance/home.html")
