"""Payouts and points: the partner's balances, payout history (their lines in approved batches),
the points wallet's balance and history (credits, redemptions, restores, expiries)."""

from __future__ import annotations

from functools import partial

from starlette.responses import Response

from core.money import POINTS
from payouts.service import partner_views
from relay.pages.explain import amount
from relay.pages.i18n import N_
from relay.pages.partner import pages
from relay.pages.routing import Page
from relay.pages.words import memo_text


@pages.get("/p/payouts", nav=N_("Payouts and points"))
async def payouts(page: Page) -> Response:
    found = await partner_views.payouts(
        page.merchant_id, page.partner_id, before_batch_id=page.query_id("before"), wallet_before_id=page.query_id("wallet_before"),
    )
    cash = {asset: b for asset, b in found.balances.items() if asset != POINTS.code}
    return page.render("partner/payouts.html", found=found, cash=cash, points=found.balances.get(POINTS.code),
                       amount=lambda v, a: amount(page, v, a), memo=partial(memo_text, page), first_page=not page.request.query_params)
