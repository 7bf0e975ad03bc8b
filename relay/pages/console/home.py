"""The merchant console's home page: who is signed in, what waits for the merchant, where to go."""

from __future__ import annotations

from starlette.responses import Response

from commissions.errors import NoActiveRuleSet
from commissions.service import rule_sets
from referral.models import PartnerStatus
from referral.service import partners
from relay.pages.console import pages
from relay.pages.i18n import N_
from relay.pages.routing import Page


@pages.get("/console/", nav=N_("Overview"))
async def home(page: Page) -> Response:
    pending = await partners.list_partners(page.merchant_id, status=PartnerStatus.pending.value, limit=1)
    try:
        active = (await rule_sets.get_active(page.merchant_id)).version
    except NoActiveRuleSet:
        active = None
    return page.render("console/home.html", pending=pending.total, active=active)
