"""Reports: clicks, daily visitors, orders, revenue and commissions by partner, scene or day over a
date range, with a chart of the days and a CSV download of the table.

The figures come from the domains' running totals (`referral.service.rollup`,
`commissions.service.rollup`): a few reads whatever the range, exact, and every figure adds up
(visitors are counted once a day per partner and scene, and summed)."""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, partial
from urllib.parse import urlencode

from babel.numbers import format_decimal
from starlette.responses import Response

from commissions.service import rollup as commission_rollup
from commissions.service.rollup import Earned
from core.money import POINTS, format_major
from payouts.export import safe_cell
from referral.service import console_views
from referral.service import rollup as referral_rollup
from referral.service.rollup import Figures
from relay.pages.console import pages
from relay.pages.console.common import DateRange, date_range
from relay.pages.console.partners import SCENE_LABELS
from relay.pages.i18n import N_
from relay.pages.routing import Page
from relay.pages.templating import babel_locale, format_minor

#: A page read brings the running totals up to date unless that was done this recently.
CAUGHT_UP = timedelta(minutes=5)
DIMENSIONS = {"partner": N_("Partner"), "scene": N_("Scene"), "day": N_("Day")}
#: Rows shown on the page (largest revenue first); the CSV has them all.
SHOWN = 100


@dataclass(frozen=True, slots=True)
class Row:
    key: str  #: partner id, scene or ISO day ("" for orders with no scene)
    code: str
    label: str  #: partner name, scene name, or the day
    figures: Figures
    earned: Earned
    day: date | None = None  #: by day: the day


async def _caught_up(page: Page) -> str:
    """Bring the running totals up to date, one day at most (`relay reports catch-up` does it from
    cron); what they do not hold yet is summed from the rows. Returns the merchant's time zone."""
    zone = page.merchant.timezone  # type: ignore[union-attr]  # read with the page: the services need not
    at_most = {"max_days": referral_rollup.DAYS_PER_READ, "unless_within": CAUGHT_UP, "timezone": zone}
    await asyncio.gather(  # independent reads and writes: each on a connection of its own
        referral_rollup.catch_up(page.merchant_id, **at_most),  # type: ignore[arg-type]
        commission_rollup.catch_up(page.merchant_id, **at_most),  # type: ignore[arg-type]
    )
    return zone


def _by(page: Page) -> str:
    by = page.request.query_params.get("by", "partner")
    return by if by in DIMENSIONS else "partner"


async def _rows(
    page: Page, by: str, period: DateRange, shown: int | None
) -> tuple[list[Row], int | None, Figures, Earned, list[Row]]:
    """The table's rows (the first `shown`, with their partner names; None: all of them), how
    many rows there are (None: more than shown, not counted), the totals, commissions in total,
    and the rows of each day (the chart: clicks and revenue); the running totals are brought up
    to date first (`_caught_up`)."""
    merchant_id, first, last = page.merchant_id, period.first, period.last
    zone = await _caught_up(page)
    days: list[Row] | None = None  #: the chart's, once read
    if by == "partner" and shown is not None:
        per_day, leading, everyone = await asyncio.gather(
            referral_rollup.figures(merchant_id, first, last, "day", timezone=zone),
            referral_rollup.leading_partners(merchant_id, first, last, shown, timezone=zone),
            commission_rollup.earned(merchant_id, first, last, None, timezone=zone),
        )
        days = _days(per_day)
        if len(leading) == shown:  # a big program: only the page's partners are read one by one
            figures, earned = await asyncio.gather(
                referral_rollup.figures(merchant_id, first, last, "partner", partners=leading, timezone=zone),
                commission_rollup.earned(merchant_id, first, last, "partner", partners=leading, timezone=zone),
            )
            rows = [Row(str(key), "", "", figures.get(key, Figures()), earned.get(key, Earned())) for key in leading]
            total = Figures.total(d.figures for d in days)
            return await _labelled(page, by, rows), None, total, everyone.get(None, Earned()), days
    if by == "day":
        per_day, earned = await asyncio.gather(
            referral_rollup.figures(merchant_id, first, last, "day", timezone=zone),
            commission_rollup.earned(merchant_id, first, last, "day", timezone=zone),
        )
        rows = days = [replace(d, earned=earned.get(d.key, Earned())) for d in _days(per_day)]
    else:
        chart = days

        async def chart_days() -> list[Row]:  # read above for a program of a page of partners or less
            return chart if chart is not None else _days(
                await referral_rollup.figures(merchant_id, first, last, "day", visitors=False, timezone=zone)
            )

        days, figures, earned = await asyncio.gather(
            chart_days(),
            referral_rollup.figures(merchant_id, first, last, by, timezone=zone),  # type: ignore[arg-type]
            commission_rollup.earned(merchant_id, first, last, by, timezone=zone),  # type: ignore[arg-type]
        )
        keys = list(figures) + [k for k in earned if k not in figures]
        rows = sorted(
            (Row(str(key), "", "", figures.get(key, Figures()), earned.get(key, Earned())) for key in keys),
            key=lambda r: (-r.figures.revenue_minor, -r.figures.orders, int(r.key) if by == "partner" else r.key),
        )
        rows = await _labelled(page, by, rows[:shown]) + rows[len(rows) if shown is None else shown:]
    total = Figures.total(r.figures for r in rows)
    all_earned = Earned(sum(r.earned.cash for r in rows), sum(r.earned.points for r in rows))
    return rows, len(rows), total, all_earned, days


async def period_totals(page: Page, first: date, last: date) -> tuple[Figures, Earned]:
    """The figures and commissions earned over the local days [first, last], all partners together."""
    merchant_id, zone = page.merchant_id, await _caught_up(page)
    figures, earned = await asyncio.gather(
        referral_rollup.figures(merchant_id, first, last, None, visitors=False, timezone=zone),
        commission_rollup.earned(merchant_id, first, last, None, timezone=zone),
    )
    return figures.get(None, Figures()), earned.get(None, Earned())


def _days(figures: dict[str, Figures]) -> list[Row]:
    return [Row(day, "", day, found, Earned(), date.fromisoformat(day)) for day, found in figures.items()]


async def _labelled(page: Page, by: str, rows: list[Row]) -> list[Row]:
    """`rows` with their label (and, by partner, code)."""
    if by == "scene":
        return [replace(r, label=page.gettext(SCENE_LABELS.get(r.key or None, r.key))) for r in rows]
    if by != "partner":
        return rows
    names = await console_views.partner_names(page.merchant_id, [int(r.key) for r in rows])
    return [replace(r, label=names[int(r.key)][0], code=names[int(r.key)][1]) if int(r.key) in names else r
            for r in rows]


@pages.get("/console/reports", nav=N_("Reports"))
async def report(page: Page) -> Response:
    by = _by(page)
    period = date_range(page)
    rows, row_count, total, earned, days = await _rows(page, by, period, SHOWN)
    query = urlencode({"by": by, "from": period.first.isoformat(), "to": period.last.isoformat()})
    return page.render(
        "console/reports.html", by=by, dimensions=DIMENSIONS, period=period, rows=rows[:SHOWN], row_count=row_count,
        total=total, earned=earned, days=days, csv_url=page.url("console.report_csv") + "?" + query,
        **_formats(page),
    )


def _formats(page: Page) -> dict[str, Callable[[int], str]]:
    """``count`` and ``amount`` for the template: each distinct value of the table formatted once
    (its cells repeat: zeros, small counts)."""
    locale = babel_locale(page.locale)
    return {
        "count": cache(partial(format_decimal, locale=locale)),
        "amount": cache(partial(format_minor, currency=page.currency, locale=locale)),  # type: ignore[arg-type]
    }


@pages.get("/console/reports.csv")
async def report_csv(page: Page) -> Response:
    by = _by(page)
    period = date_range(page)
    rows, _, total, earned, _ = await _rows(page, by, period, None)
    currency = page.currency
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([by, "code", "name", "clicks", "daily_visitors", "orders", f"revenue_{currency}",
                     f"commissions_{currency}", "commissions_points"])
    for row in rows:  # names and codes partners chose at sign-up: never a formula in a spreadsheet
        f = row.figures
        writer.writerow([row.key, safe_cell(row.code), safe_cell(row.label), f.clicks, f.visitors, f.orders,
                         format_major(f.revenue_minor, currency), format_major(row.earned.cash, currency),
                         format_major(row.earned.points, POINTS)])
    writer.writerow(["total", "", "", total.clicks, total.visitors, total.orders,
                     format_major(total.revenue_minor, currency), format_major(earned.cash, currency),
                     format_major(earned.points, POINTS)])
    name = f"relay-report-{by}-{period.first.isoformat()}-{period.last.isoformat()}.csv"
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{name}"'})
