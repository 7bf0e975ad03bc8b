"""My orders and commissions: each commission with its status in plain words, and one order's page
with the explanation of every amount. Another partner's order id is 404."""

from __future__ import annotations

from starlette.responses import Response

from payouts.service import partner_views
from relay.pages.explain import amount, describe, state
from relay.pages.i18n import N_
from relay.pages.partner import pages
from relay.pages.routing import Page


@pages.get("/p/orders", nav=N_("My orders"))
async def orders(page: Page) -> Response:
    found = await partner_views.commissions(page.merchant_id, page.partner_id, before_id=page.query_id("before"))
    return page.render("partner/orders.html", rows=found.items, next_before_id=found.next_before_id,
                       first_page=page.query_id("before") is None, state=state, amount=lambda v, a: amount(page, v, a))


@pages.get("/p/orders/{order_id:int}")
async def order(page: Page) -> Response:
    found = await partner_views.order(page.merchant_id, page.partner_id, page.request.path_params["order_id"])
    return page.render("partner/order.html", found=found, state=state, describe=lambda c: describe(page, c),
                       amount=lambda v, a: amount(page, v, a))
