"""Request and response shapes of the payouts endpoints (payout batches and payout terms).

Amounts go out as integers of minor units (points: whole points) with their `asset`, plus the
same amount as a decimal string in major units for people (`gross`, `net`...). Cutoffs are
instants with a time zone; a naive one is refused (422).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints

from core.iso_time import IsoInstant
from core.masking import masked_number
from core.money import MAX_MINOR, MoneyFormatError, format_major, parse_minor
from payouts import withholding
from payouts.errors import PayoutTermsInvalid
from payouts.export import FileFormat
from payouts.models import PayeeSignal, PayoutBatchStatus, PayoutFrequency, PayoutLineStatus
from payouts.payee import PayeeMethod
from payouts.service.batch_queries import BatchInfo, BatchPage, LineInfo, LinePage, StatusTotal
from payouts.service.batches import Figures
from payouts.service.lines import ImportSummary, Outcome
from payouts.service.terms import AssetTerms, PayeeChange, PayoutTermsInfo, Schedule


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


Asset = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Za-z]{3}$")]


# --- batches ------------------------------------------------------------------------------------


class BatchCreate(_In):
    asset: Asset = Field(description="the merchant's currency code, or PTS for points")
    cutoff: IsoInstant = Field(
        description="the first instant NOT included: entries available before it are in; must carry a UTC offset,"
        ' e.g. "2026-11-01T00:00:00+08:00" (midnight, Shanghai) for everything up to the end of October'
    )


class BatchApproval(_In):
    """What the approver saw of the draft: its `totals.payout` (lines, gross_minor, net_minor)
    and asset. Approval pays exactly that, or answers 409 with the figures as they are now."""

    asset: Asset = Field(description="the batch's asset (its currency code, or PTS)")
    lines: StrictInt = Field(ge=0, le=MAX_MINOR, description="the draft's totals.payout.lines: lines to pay")
    gross_minor: StrictInt = Field(
        ge=-MAX_MINOR, le=MAX_MINOR, description="the draft's totals.payout.gross_minor: what the lines claim"
    )
    net_minor: StrictInt = Field(
        ge=-MAX_MINOR, le=MAX_MINOR, description="the draft's totals.payout.net_minor: what is sent after withholding"
    )

    def figures(self) -> Figures:
        return Figures(self.asset, self.lines, self.gross_minor, self.net_minor)


class ApprovalFigures(BaseModel):
    asset: str
    lines: int
    gross_minor: int
    gross: str
    net_minor: int
    net: str


class BatchFiguresProblem(BaseModel):
    """409 of an approval: the batch is not a draft (discarded), or the figures sent are not what
    its lines pay now (`approved` and `current` given); either way nothing was approved."""

    type: str
    title: str
    status: int
    detail: str
    approved: ApprovalFigures | None = Field(None, description="the figures sent")
    current: ApprovalFigures | None = Field(None, description="what approval pays now: send these to approve it")


class BatchQuery(_In):
    asset: Asset | None = None
    status: PayoutBatchStatus | None = None
    before_id: int | None = Field(None, description="keyset cursor: batches with a smaller id")
    limit: int = Field(50, ge=1, le=200)


class BatchGetQuery(_In):
    line_status: PayoutLineStatus | None = Field(None, description="only lines of this status")
    after_line_id: int | None = Field(None, description="keyset cursor: lines with a larger id")
    limit: int = Field(100, ge=0, le=1000, description="lines per page (0: totals only)")


class ExportQuery(_In):
    format: FileFormat = Field(
        FileFormat.csv, description="csv: UTF-8 with a byte-order mark; csv-gbk: GBK; xlsx: an Excel workbook"
    )
    language: Literal["en", "zh-Hans"] = Field("en", description="the language of the header row")


class BatchTotalOut(BaseModel):
    lines: int
    gross_minor: int = Field(description="sum of the lines' entries (commissions net of reversals)")
    gross: str
    withheld_minor: int
    withheld: str
    net_minor: int = Field(description="what the bank is asked to send")
    net: str
    entries: int = Field(description="commissions and reversals netted")

    @classmethod
    def of(cls, total: StatusTotal, asset: str) -> BatchTotalOut:
        return cls(
            lines=total.lines, gross_minor=total.gross_minor, gross=format_major(total.gross_minor, asset),
            withheld_minor=total.withheld_minor, withheld=format_major(total.withheld_minor, asset),
            net_minor=total.net_minor, net=format_major(total.net_minor, asset), entries=total.entries,
        )


class StatusTotalOut(BatchTotalOut):
    status: PayoutLineStatus


class TotalsOut(BaseModel):
    payout: BatchTotalOut = Field(description="lines paid or to be paid: the control totals of the transfer file")
    carried_forward: BatchTotalOut = Field(description="below the minimum or not positive: left for a later batch")
    held: BatchTotalOut = Field(description="partner suspended or without a payee account: left for a later batch")
    by_status: list[StatusTotalOut]


class BatchLineOut(BaseModel):
    id: int
    reference: str = Field(description="the bank reference, B{batch}-{line}")
    partner_id: int
    asset: str
    status: PayoutLineStatus
    reason: str | None = Field(description="why carried forward, held, failed or returned")
    gross_minor: int
    gross: str
    withheld_minor: int
    withheld: str
    fee_minor: int = Field(description="the fee of the withdrawals the line pays, taken from it like tax")
    fee: str
    net_minor: int
    net: str
    commission_count: int
    payee_name: str | None
    payee_account: str | None = Field(description="masked: the last four characters (the bank file has it whole)")
    payee_method: PayeeMethod | None = Field(description="bank or alipay; null for a payee the merchant set")
    payee_bank: str | None
    payee_changed_at: datetime | None = Field(description="when the partner last changed their payee details")
    settled_at: datetime | None

    @classmethod
    def of(cls, line: LineInfo) -> BatchLineOut:
        return cls(
            id=line.id, reference=line.reference, partner_id=line.partner_id, asset=line.asset,
            status=PayoutLineStatus(line.status), reason=line.reason,
            gross_minor=line.gross_minor, gross=format_major(line.gross_minor, line.asset),
            withheld_minor=line.withheld_minor, withheld=format_major(line.withheld_minor, line.asset),
            fee_minor=line.fee_minor, fee=format_major(line.fee_minor, line.asset),
            net_minor=line.net_minor, net=format_major(line.net_minor, line.asset),
            commission_count=line.commission_count, payee_name=line.payee_name,
            payee_account=None if line.payee_account is None else masked_number(line.payee_account),
            payee_method=None if line.payee_method is None else PayeeMethod(line.payee_method),
            payee_bank=line.payee_bank, payee_changed_at=line.payee_changed_at, settled_at=line.settled_at,
        )


class BatchOut(BaseModel):
    id: int
    asset: str
    cutoff: datetime
    status: PayoutBatchStatus
    minimum_minor: int = Field(description="minimum payout applied: smaller nets are carried forward")
    minimum: str
    withholding: str = Field(description="withholding rule applied")
    created_by: str
    approved_by: str | None
    created_at: datetime
    approved_at: datetime | None
    exported_at: datetime | None
    closed_at: datetime | None
    discarded_at: datetime | None
    totals: TotalsOut
    lines: list[BatchLineOut] | None = Field(
        None, description="a page of lines, in id order (get and create; null in lists and other answers)"
    )
    next_after_line_id: int | None = Field(None, description="pass as after_line_id for the next page")

    @classmethod
    def of(cls, batch: BatchInfo, lines: LinePage | None = None) -> BatchOut:
        asset = batch.asset
        totals = batch.totals
        return cls(
            id=batch.id, asset=asset, cutoff=batch.cutoff, status=PayoutBatchStatus(batch.status),
            minimum_minor=batch.minimum_minor, minimum=format_major(batch.minimum_minor, asset),
            withholding=batch.withholding, created_by=batch.created_by, approved_by=batch.approved_by,
            created_at=batch.created_at, approved_at=batch.approved_at, exported_at=batch.exported_at,
            closed_at=batch.closed_at, discarded_at=batch.discarded_at,
            totals=TotalsOut(
                payout=BatchTotalOut.of(totals.payout, asset),
                carried_forward=BatchTotalOut.of(totals.carried_forward, asset),
                held=BatchTotalOut.of(totals.held, asset),
                by_status=[
                    StatusTotalOut(status=PayoutLineStatus(t.status), **BatchTotalOut.of(t, asset).model_dump())
                    for t in totals.by_status
                ],
            ),
            lines=None if lines is None else [BatchLineOut.of(line) for line in lines.items],
            next_after_line_id=None if lines is None else lines.next_after_id,
        )


class BatchList(BaseModel):
    items: list[BatchOut] = Field(description="newest first")
    next_before_id: int | None

    @classmethod
    def of(cls, page: BatchPage) -> BatchList:
        return cls(items=[BatchOut.of(b) for b in page.items], next_before_id=page.next_before_id)


class LineOutcomeBody(_In):
    outcome: Outcome = Field(description="paid, failed (the bank refused it) or returned (paid, then came back)")
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)] | None = None


class ImportOut(BaseModel):
    paid: int = Field(description="lines newly marked paid")
    failed: int = Field(description="lines newly marked failed")
    returned: int = Field(description="lines newly marked returned (paid, then the money came back)")
    unchanged: int = Field(description="lines that already had the reported outcome")
    batch: BatchOut

    @classmethod
    def of(cls, summary: ImportSummary, batch: BatchInfo) -> ImportOut:
        return cls(
            paid=summary.paid, failed=summary.failed, returned=summary.returned, unchanged=summary.unchanged,
            batch=BatchOut.of(batch),
        )


# --- payout terms -------------------------------------------------------------------------------


class ScheduleIn(_In):
    frequency: PayoutFrequency
    day: StrictInt = Field(description="weekly: 0 = Monday ... 6 = Sunday; monthly: 1-28")

    def schedule(self) -> Schedule:
        return Schedule(self.frequency, self.day)


class PayeeChangeIn(_In):
    signal: PayeeSignal = Field(
        description="off; flag: paid, the line shows the change; hold: the partner's lines wait until the change is"
        " `days` old"
    )
    days: StrictInt = Field(description="how recent a change of payee details raises the signal (1-365)")

    def change(self) -> PayeeChange:
        return PayeeChange(self.signal, self.days)


class PayoutTermsUpdate(_In):
    """Only what is sent changes; a minimum or schedule of null goes back to the default (none)."""

    withholding: str | None = Field(None, description="the tax withholding rule applied to cash lines")
    minimums: dict[Asset, str | StrictInt | None] | None = Field(
        None, description='per asset: a decimal string in major units ("100.00") or integer minor units / points'
    )
    schedules: dict[Asset, ScheduleIn | None] | None = None
    payee_change: PayeeChangeIn | None = Field(
        None, description='the fraud signal "payee details changed within N days": what it does to payouts'
    )

    def minimums_minor(self) -> dict[str, int | None] | None:
        if self.minimums is None:
            return None
        parsed: dict[str, int | None] = {}
        for asset, value in self.minimums.items():
            try:
                parsed[asset] = None if value is None else parse_minor(value, asset, field=f"minimums.{asset}")
            except MoneyFormatError as error:
                raise PayoutTermsInvalid(f"minimums.{asset}", str(error)) from None
        return parsed

    def schedules_given(self) -> dict[str, Schedule | None] | None:
        if self.schedules is None:
            return None
        given: dict[str, Schedule | None] = {}
        for asset, schedule in self.schedules.items():
            try:
                given[asset] = None if schedule is None else schedule.schedule()
            except PayoutTermsInvalid as error:
                raise PayoutTermsInvalid(f"schedules.{asset}.day", error.extra["errors"][0]["message"]) from None
        return given


class ScheduleOut(BaseModel):
    frequency: PayoutFrequency
    day: int


class AssetTermsOut(BaseModel):
    asset: str
    minimum_minor: int
    minimum: str
    minimum_is_default: bool
    schedule: ScheduleOut | None

    @classmethod
    def of(cls, terms: AssetTerms) -> AssetTermsOut:
        schedule = terms.schedule
        return cls(
            asset=terms.asset, minimum_minor=terms.minimum_minor, minimum=format_major(terms.minimum_minor, terms.asset),
            minimum_is_default=terms.minimum_is_default,
            schedule=None if schedule is None else ScheduleOut(frequency=schedule.frequency, day=schedule.day),
        )


class PayeeChangeOut(BaseModel):
    signal: PayeeSignal
    days: int


class PayoutTermsOut(BaseModel):
    currency: str
    timezone: str = Field(description="calendar months for withholding, periods for schedules")
    withholding: str
    withholding_rules: list[str] = Field(description="the rules a merchant may choose")
    assets: list[AssetTermsOut]
    payee_change: PayeeChangeOut = Field(description='the fraud signal "payee details changed within N days"')

    @classmethod
    def of(cls, terms: PayoutTermsInfo) -> PayoutTermsOut:
        return cls(
            currency=terms.currency, timezone=terms.timezone, withholding=terms.withholding,
            withholding_rules=sorted(withholding.RULES), assets=[AssetTermsOut.of(a) for a in terms.assets],
            payee_change=PayeeChangeOut(signal=terms.payee_change.signal, days=terms.payee_change.days),
        )

