"""Request and response shapes of the report endpoint."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from core.iso_time import IsoDate
from core.money import format_major
from referral.service.reports import Dimension, Figures, Report


class ReportQuery(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    by: Dimension = Field(Dimension.partner, description="partner, link or scene")
    from_: IsoDate | None = Field(
        None, alias="from", description="first day, in the merchant's time zone (default: 29 days before to)"
    )
    to: IsoDate | None = Field(None, description="last day, included, in the merchant's time zone (default: today)")
    partner_id: int | None = Field(None, gt=0, description="only this partner's numbers")


class FiguresOut(BaseModel):
    clicks: int = Field(description="clicks by people (bots excluded)")
    unique_visitors: int
    orders: int = Field(description="attributed orders placed in the period, canceled ones excluded")
    revenue_minor: int = Field(description="their totals after discounts, less what was refunded on them")
    revenue: str = Field(description="revenue_minor as a decimal string in major units")

    @classmethod
    def of(cls, figures: Figures, currency: str) -> FiguresOut:
        return cls(
            clicks=figures.clicks, unique_visitors=figures.unique_visitors, orders=figures.orders,
            revenue_minor=figures.revenue_minor, revenue=format_major(figures.revenue_minor, currency),
        )


class ReportRowOut(FiguresOut):
    key: int | str | None = Field(description="partner id, link id or scene; null: orders with no link or scene")
    code: str | None = Field(description="partner code or link code")
    label: str | None = Field(description="partner display name")


class ReportOut(BaseModel):
    by: Dimension
    currency: str
    first_day: date
    last_day: date
    start: datetime = Field(description="the period as instants: start included")
    end: datetime = Field(description="end excluded")
    partner_id: int | None
    rows: list[ReportRowOut]
    total: FiguresOut

    @classmethod
    def of(cls, report: Report) -> ReportOut:
        return cls(
            by=report.by, currency=report.currency, first_day=report.first_day, last_day=report.last_day,
            start=report.start, end=report.end, partner_id=report.partner_id,
            rows=[
                ReportRowOut(
                    key=row.key, code=row.code, label=row.label,
                    **FiguresOut.of(row.figures, report.currency).model_dump(),
                )
                for row in report.rows
            ],
            total=FiguresOut.of(report.total, report.currency),
        )
