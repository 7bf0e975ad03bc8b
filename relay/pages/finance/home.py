"""The finance console's home: the next batch of each asset (when its schedule drafts it, and what
is available now: the estimate), what is owed per asset (the ledger), the failed and returned
lines waiting for a later batch, and the latest batches."""

from __future__ import annotations

from starlette.responses import Response

from core.time import now
from payouts.ledger import AccountKind
from payouts.service import batch_queries, finance_views, terms
from payouts.service.schedule import next_period_end
from relay.pages.finance import pages
from relay.pages.finance.common import BATCH_BADGE, BATCH_STATUS, LINE_STATUS, reason_text
from relay.pages.i18n import N_
from relay.pages.routing import Page

LATEST = 5
#: Failed lines listed on the home page (their count and total cover them all).
FAILED_SHOWN = 10


@pages.get("/finance/", nav=N_("Overview"))
async def home(page: Page) -> Response:
    recent = await batch_queries.list_batches(page.merchant_id, limit=LATEST)
    payout_terms = await terms.get_terms(page.merchant_id)
    ledger = {asset.asset: asset for asset in (await finance_views.reconciliation(page.merchant_id)).assets}
    at = now()
    assets = []
    for asset_terms in payout_terms.assets:
        found = ledger.get(asset_terms.asset)
        schedule = asset_terms.schedule
        assets.append({
            "asset": asset_terms.asset, "cash": asset_terms.asset != terms.POINTS_ASSET,
            "next_run": None if schedule is None else next_period_end(schedule, at, payout_terms.timezone),
            "available": found.balance(AccountKind.available) if found else 0,
            "owed": found.owed if found else 0, "in_batch": found.balance(AccountKind.in_batch) if found else 0,
        })
    failed = await batch_queries.failed_waiting(page.merchant_id, limit=FAILED_SHOWN)
    return page.render(
        "finance/home.html", recent=recent, batch_status=BATCH_STATUS, batch_badge=BATCH_BADGE, assets=assets,
        failed=failed, line_status=LINE_STATUS, reasons=[reason_text(page, line.reason) for line in failed.items],
    )
