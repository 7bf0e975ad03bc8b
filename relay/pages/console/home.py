"""The merchant console's home page: this month's revenue and commissions (the reports' running
totals), what the merchant owes its partners and what is payable now (the ledger), what waits
for the merchant, where to go."""

from __future__ import annotations

from starlette.responses import Response

from commissions.errors import NoActiveRuleSet
from commissions.service import rule_sets
from payouts.ledger import AccountKind
from payouts.service import finance_views
from payouts.service.terms import POINTS_ASSET
from referral.models import PartnerStatus
from referral.service import partners
from relay.pages.console import pages
from relay.pages.console.common import today
from relay.pages.console.reports import period_totals
from relay.pages.i18n import N_
from relay.pages.routing import Page


@pages.get("/console/", nav=N_("Overview"))
async def home(page: Page) -> Response:
    pending = await partners.list_partners(page.merchant_id, status=PartnerStatus.pending.value, limit=1)
    try:
        active = (await rule_sets.get_active(page.merchant_id)).version
    except NoActiveRuleSet:
        active = None
    last = today(page)
    first = last.replace(day=1)
    figures, earned = await period_totals(page, first, last)
    ledger = {asset.asset: asset for asset in (await finance_views.reconciliation(page.merchant_id)).assets}
    cash, points = ledger.get(page.currency), ledger.get(POINTS_ASSET)
    return page.render(
        "console/home.html", pending=pending.total, active=active, first=first, last=last, figures=figures,
        earned=earned, owed=cash.owed if cash else 0, payable=cash.balance(AccountKind.available) if cash else 0,
        points_owed=points.owed if points else 0,
    )
