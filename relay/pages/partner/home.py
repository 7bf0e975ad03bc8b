"""The partner portal's home: this month's earnings (cash and points), what is pending, available
and paid, and a chart of the last 12 weeks of earnings and clicks."""

from __future__ import annotations

from babel.dates import format_skeleton
from starlette.responses import Response

from core.money import POINTS
from payouts.service import partner_views
from payouts.service.postings import Balances
from relay.pages.i18n import N_
from relay.pages.partner import pages
from relay.pages.routing import Page
from relay.pages.templating import babel_locale


@pages.get("/p/", nav=N_("Home"))
async def home(page: Page) -> Response:
    figures = await partner_views.home(page.merchant_id, page.partner_id, currency=page.currency, zone=page.timezone)
    return page.render(
        "partner/home.html",
        figures=figures,
        # "11/30": short enough for 12 labels on a phone in either language
        week_labels=[format_skeleton("Md", week.astimezone(page.timezone).date(), locale=babel_locale(page.locale))
                     for week in figures.weeks],
        cash=figures.balances.get(page.currency, Balances()),
        points=figures.balances.get(POINTS.code, Balances()),
        month_cash=figures.month.get(page.currency, 0),
        month_points=figures.month.get(POINTS.code, 0),
    )
