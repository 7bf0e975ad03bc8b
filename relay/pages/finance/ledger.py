"""The ledger: the merchant's reconciliation summary, and a partner's statement (every posting
with the running balance of its account), a page at a time."""

from __future__ import annotations

from functools import partial

from starlette.responses import Response

from core.errors import NotFound
from payouts.service import finance_views
from payouts.service.postings import Balances, partner_balances, statement_page
from payouts.service.terms import POINTS_ASSET, payable_assets
from referral.service.partners import get_partner, partner_by_code
from relay.pages.finance import pages
from relay.pages.finance.common import ACCOUNT, ENTRY_KIND, amounts, query_offset
from relay.pages.i18n import N_
from relay.pages.routing import Page, number_in
from relay.pages.words import memo_text

POSTINGS_PER_PAGE = 50
#: The accounts of the reconciliation table, in the order of the chart of accounts.
ACCOUNT_ORDER = tuple(ACCOUNT)


async def _ledger_page(page: Page, *, status: int = 200, find: str = "", error: str | None = None) -> Response:
    summary = await finance_views.reconciliation(page.merchant_id)
    return page.render(
        "finance/ledger.html", status=status, summary=summary, accounts=ACCOUNT, account_order=ACCOUNT_ORDER,
        find=find, error=error,
    )


@pages.get("/finance/ledger", nav=N_("Ledger"))
async def ledger(page: Page) -> Response:
    return await _ledger_page(page)


@pages.get("/finance/ledger/find")
async def find_partner(page: Page) -> Response:
    """A partner by id or code, then their statement."""
    text = page.request.query_params.get("partner", "").strip()[:64]
    found = None
    if (partner_id := number_in(text)) is not None:
        try:
            found = await get_partner(page.merchant_id, partner_id)
        except NotFound:
            found = None
    if found is None and text:
        found = await partner_by_code(page.merchant_id, text)
    if found is None:
        error = page.gettext("No partner with this id or code.")
        return await _ledger_page(page, status=404 if text else 422, find=text, error=error)
    return page.redirect(page.url("finance.statement", partner_id=found.id))


@pages.get("/finance/ledger/partners/{partner_id:int}")
async def statement(page: Page) -> Response:
    partner = await get_partner(page.merchant_id, page.request.path_params["partner_id"])
    currency, _ = await payable_assets(page.merchant_id)
    asset = page.request.query_params.get("asset", currency).upper()
    if asset not in (currency, POINTS_ASSET):
        asset = currency
    offset = query_offset(page, POSTINGS_PER_PAGE)
    lines = await statement_page(
        page.merchant_id, partner.id, asset, limit=POSTINGS_PER_PAGE, offset=offset
    )
    balances = (await partner_balances(page.merchant_id, partner.id)).get(asset, Balances())
    return page.render(
        "finance/statement.html", partner=partner, asset=asset, assets=(currency, POINTS_ASSET), lines=lines,
        balances=balances, accounts=ACCOUNT, entry_kinds=ENTRY_KIND, amount=amounts(page),
        memo=partial(memo_text, page),
    )
