"""The finance console's home: the latest payout batches, and the way to the ledger."""

from __future__ import annotations

from starlette.responses import Response

from payouts.service import batch_queries
from relay.pages.finance import pages
from relay.pages.finance.common import BATCH_BADGE, BATCH_STATUS
from relay.pages.i18n import N_
from relay.pages.routing import Page

LATEST = 5


@pages.get("/finance/", nav=N_("Overview"))
async def home(page: Page) -> Response:
    recent = await batch_queries.list_batches(page.merchant_id, limit=LATEST)
    return page.render("finance/home.html", recent=recent, batch_status=BATCH_STATUS, batch_badge=BATCH_BADGE)
