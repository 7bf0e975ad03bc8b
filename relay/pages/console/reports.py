"""Reports: clicks, visitors, orders, revenue and commissions by partner, scene or day over a date
range, with a chart of the days and a CSV download of the table."""

from __future__ import annotations

import csv
import io
import time
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode

from starlette.responses import Response

from commissions.service.console_views import Earned, commission_totals
from core.money import POINTS, format_major
from referral.service import console_views, reports
from referral.service.console_views import DayFigures
from referral.service.reports import Figures
from referral.service.settings import local_days
from relay.pages.console import pages
from relay.pages.console.common import DateRange, date_range
from relay.pages.console.partners import SCENE_LABELS
from relay.pages.i18n import N_
from relay.pages.routing import Page

DIMENSIONS = {"partner": N_("Partner"), "scene": N_("Scene"), "day": N_("Day")}
#: Rows shown on the page (largest revenue first); the CSV has them all.
SHOWN = 100
NO_FIGURES = Figures(0, 0, 0, 0)
#: A report is computed at most once per this many seconds for the same merchant, dimension,
#: range and language (in each process): over a million clicks its set-based statements take
#: seconds, so the page and its CSV reuse the figures and the page says when they were computed.
FRESH_SECONDS = 300
CACHED_REPORTS = 64
_computed: dict[tuple, tuple[float, datetime, tuple]] = {}


@dataclass(frozen=True, slots=True)
class Row:
    key: str  #: partner id, scene or ISO day ("" for orders with no scene)
    code: str
    label: str  #: partner name, scene name, or the day
    figures: Figures
    earned: Earned
    day: date | None = None  #: by day: the day


def _by(page: Page) -> str:
    by = page.request.query_params.get("by", "partner")
    return by if by in DIMENSIONS else "partner"


async def _rows(page: Page, by: str, period: DateRange) -> tuple[list[Row], Figures, Earned, list[DayFigures]]:
    """The table's rows, the totals (unique visitors counted over the whole range), commissions in
    total, and the figures of each day (the chart)."""
    start, end = local_days(page.merchant.timezone, period.first, period.last)  # type: ignore[union-attr]
    assert start is not None and end is not None
    earned = await commission_totals(page.merchant_id, by, start, end, timezone=page.merchant.timezone)  # type: ignore[arg-type,union-attr]
    days = await console_views.daily_figures(page.merchant_id, period.first, period.last, visitors=by == "day")
    # by day, the scene report (a handful of rows) gives the range's totals
    found = await reports.report(
        page.merchant_id, reports.Dimension("scene" if by == "day" else by), first_day=period.first,
        last_day=period.last,
    )
    if by == "day":
        rows = [Row(d.day.isoformat(), "", d.day.isoformat(), d.figures, earned.get(d.day.isoformat(), Earned()), d.day)
                for d in days]
    else:
        figures = {r.key: r for r in found.rows}
        keys = list(figures) + [k for k in earned if k not in figures]
        names = (
            await console_views.partner_names(page.merchant_id, [k for k in keys if k not in figures])  # type: ignore[misc]
            if by == "partner" else {}
        )
        rows = []
        for key in keys:
            known = figures.get(key)
            if by == "partner":
                code, label = (known.code or "", known.label or "") if known else names.get(key, ("", ""))[::-1]  # type: ignore[arg-type]
            else:
                code, label = "", page.gettext(SCENE_LABELS.get(key, str(key)))  # type: ignore[arg-type]
            rows.append(Row(str(key or ""), code, label, known.figures if known else NO_FIGURES,
                            earned.get(key, Earned())))
        rows.sort(key=lambda r: (-r.figures.revenue_minor, -r.figures.orders, -r.earned.cash, r.key))
    all_earned = Earned(sum(e.cash for e in earned.values()), sum(e.points for e in earned.values()))
    return rows, found.total, all_earned, days


async def _recent_rows(
    page: Page, by: str, period: DateRange
) -> tuple[datetime, tuple[list[Row], Figures, Earned, list[DayFigures]]]:
    """`_rows` and when they were computed: computed again when older than FRESH_SECONDS."""
    key = (page.merchant_id, page.merchant.timezone, page.locale, by, period.first, period.last)  # type: ignore[union-attr]
    found = _computed.get(key)
    if found is None or time.monotonic() - found[0] >= FRESH_SECONDS:
        found = (time.monotonic(), datetime.now(page.timezone), await _rows(page, by, period))
        _computed.pop(key, None)
        _computed[key] = found
        while len(_computed) > CACHED_REPORTS:  # the oldest computed goes first
            _computed.pop(next(iter(_computed)))
    return found[1], found[2]


@pages.get("/console/reports", nav=N_("Reports"))
async def report(page: Page) -> Response:
    by = _by(page)
    period = date_range(page)
    computed_at, (rows, total, earned, days) = await _recent_rows(page, by, period)
    query = urlencode({"by": by, "from": period.first.isoformat(), "to": period.last.isoformat()})
    return page.render(
        "console/reports.html", by=by, dimensions=DIMENSIONS, period=period, rows=rows[:SHOWN], row_count=len(rows),
        total=total, earned=earned, days=days, csv_url=page.url("console.report_csv") + "?" + query,
        computed_at=computed_at, fresh_minutes=FRESH_SECONDS // 60,
    )


def _cell(text: str) -> str:
    """Text as a spreadsheet shows it, never as a formula: a partner names themselves at sign-up."""
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


@pages.get("/console/reports.csv")
async def report_csv(page: Page) -> Response:
    by = _by(page)
    period = date_range(page)
    _, (rows, total, earned, _) = await _recent_rows(page, by, period)
    currency = page.currency
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([by, "code", "name", "clicks", "unique_visitors", "orders", f"revenue_{currency}",
                     f"commissions_{currency}", "commissions_points"])
    for row in rows:
        f = row.figures
        writer.writerow([row.key, _cell(row.code), _cell(row.label), f.clicks, f.unique_visitors, f.orders,
                         format_major(f.revenue_minor, currency), format_major(row.earned.cash, currency),
                         format_major(row.earned.points, POINTS)])
    writer.writerow(["total", "", "", total.clicks, total.unique_visitors, total.orders,
                     format_major(total.revenue_minor, currency), format_major(earned.cash, currency),
                     format_major(earned.points, POINTS)])
    name = f"relay-report-{by}-{period.first.isoformat()}-{period.last.isoformat()}.csv"
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{name}"'})
