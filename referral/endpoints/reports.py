"""Program reports (admin): clicks, visitors, attributed orders and revenue per partner, link or scene."""

from __future__ import annotations

from accounts.models import Role
from core.api import Call
from referral.endpoints import api
from referral.schemas.reports import ReportOut, ReportQuery
from referral.service import reports


@api.endpoint("GET", "/api/v1/reports", summary="Report by partner, link or scene", roles=[Role.admin],
              query=ReportQuery, response=ReportOut)
async def get_report(call: Call) -> ReportOut:
    """`from` and `to` are days in the merchant's time zone, both included. Revenue is the
    attributed orders' totals after discounts less all refunds on them, in minor units and as a
    decimal string. With `partner_id`, the same numbers for that partner only."""
    q: ReportQuery = call.query
    return ReportOut.of(
        await reports.report(call.merchant_id, q.by, first_day=q.from_, last_day=q.to, partner_id=q.partner_id)
    )
