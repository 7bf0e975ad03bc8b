"""One commission for the merchant: its amount, where it stands, and how it was computed (the
stored explanation, the same words the partner reads). Another merchant's id is 404."""

from __future__ import annotations

from starlette.responses import Response

from commissions.service import queries
from payouts.service.partner_views import payment_of
from referral.service import console_views
from relay.pages.console import pages
from relay.pages.explain import amount, describe, state
from relay.pages.i18n import N_
from relay.pages.routing import Page

#: A commission's review, in words (commissions.models.ReviewState).
REVIEW = {"held": N_("held for review"), "approved": N_("approved after review")}


@pages.get("/console/commissions/{commission_id:int}")
async def commission(page: Page) -> Response:
    found = await queries.get_commission(page.merchant_id, page.request.path_params["commission_id"])
    names = await console_views.partner_names(page.merchant_id, [found.partner_id])
    numbers = await console_views.order_numbers(page.merchant_id, [found.order_id])
    return page.render("console/commission.html", c=found, explained=describe(page, found, merchant=True),
                       partner_name=names.get(found.partner_id, ("", ""))[0] or page.gettext("Partner %(id)s", id=found.partner_id),
                       order_number=numbers.get(found.order_id, str(found.order_id)),
                       shown_amount=amount(page, found.amount, found.asset),
                       state=state(found, await payment_of(page.merchant_id, found)),
                       review=page.gettext(REVIEW[found.review]) if found.review in REVIEW else "")
