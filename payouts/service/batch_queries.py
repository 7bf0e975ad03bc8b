"""Reading payout batches: a batch with its control totals, pages of batches and of lines.

What the batch services hand out are these frozen records, never model rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from payouts.errors import BatchNotFound
from payouts.models import PayoutBatch, PayoutLineStatus, line_reference
from payouts.service.sql import instant, rows

L = PayoutLineStatus
#: Lines whose amount the bank is (or was) asked to pay: what the transfer file holds.
SENT = (L.open.value, L.paid.value, L.failed.value, L.returned.value)


# --- what the service hands out -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatusTotal:
    status: str
    lines: int
    gross_minor: int
    withheld_minor: int
    net_minor: int
    entries: int  #: commissions and reversals netted in those lines


@dataclass(frozen=True, slots=True)
class Totals:
    """A batch's control totals."""

    by_status: tuple[StatusTotal, ...] = ()

    def _sum(self, statuses: tuple[str, ...]) -> StatusTotal:
        picked = [t for t in self.by_status if t.status in statuses]
        return StatusTotal(
            ",".join(statuses), sum(t.lines for t in picked), sum(t.gross_minor for t in picked),
            sum(t.withheld_minor for t in picked), sum(t.net_minor for t in picked), sum(t.entries for t in picked),
        )

    @property
    def payout(self) -> StatusTotal:
        """Lines paid or to be paid (draft: payable; approved: sent to the bank, whatever the outcome)."""
        return self._sum((L.payable.value, *SENT))

    @property
    def paid(self) -> StatusTotal:
        """Lines the bank confirmed (cash) or credited to the wallets (points)."""
        return self._sum((L.paid.value,))

    @property
    def outstanding(self) -> StatusTotal:
        """Open lines: reserved in the ledger, the bank's answer is awaited."""
        return self._sum((L.open.value,))

    @property
    def failed(self) -> StatusTotal:
        """Lines the bank refused: their amounts are back in available, for a later batch."""
        return self._sum((L.failed.value,))

    @property
    def returned(self) -> StatusTotal:
        """Lines paid, then the money came back: available again, for a later batch."""
        return self._sum((L.returned.value,))

    @property
    def carried_forward(self) -> StatusTotal:
        return self._sum((L.carried_forward.value,))

    @property
    def held(self) -> StatusTotal:
        return self._sum((L.held.value,))

    def count(self, status: str) -> int:
        return sum(t.lines for t in self.by_status if t.status == status)


@dataclass(frozen=True, slots=True)
class BatchInfo:
    id: int
    asset: str
    cutoff: datetime
    status: str
    minimum_minor: int
    withholding: str
    created_by: str
    approved_by: str | None
    created_at: datetime
    approved_at: datetime | None
    exported_at: datetime | None
    closed_at: datetime | None
    discarded_at: datetime | None
    totals: Totals = field(default_factory=Totals)


@dataclass(frozen=True, slots=True)
class LineInfo:
    id: int
    batch_id: int
    reference: str  #: the bank reference, ``B{batch}-{line}``
    partner_id: int
    asset: str
    status: str
    reason: str | None
    gross_minor: int
    withheld_minor: int
    fee_minor: int  #: a withdrawal's fee charged on the line (0 when it pays no withdrawal)
    net_minor: int
    commission_count: int
    payee_name: str | None
    payee_account: str | None  #: unmasked: mask it (payouts.payee.masked_number) wherever people see it
    payee_method: str | None  #: payouts.payee.PayeeMethod; None: the payee the merchant set on the partner
    payee_bank: str | None
    payee_changed_at: datetime | None  #: when the partner last changed their payee details
    settled_at: datetime | None


@dataclass(frozen=True, slots=True)
class BatchPage:
    items: list[BatchInfo]
    next_before_id: int | None


@dataclass(frozen=True, slots=True)
class LinePage:
    items: list[LineInfo]
    next_after_id: int | None


_BATCH_FIELDS = (
    "id", "asset", "cutoff", "status", "minimum_minor", "withholding", "created_by", "approved_by",
    "created_at", "approved_at", "exported_at", "closed_at", "discarded_at",
)
_LINE_FIELDS = (
    "id", "batch_id", "partner_id", "asset", "status", "reason", "gross_minor", "withheld_minor", "fee_minor",
    "net_minor", "commission_count", "payee_name", "payee_account", "payee_method", "payee_bank", "payee_changed_at", "settled_at",
)


def line_info(row: dict[str, Any]) -> LineInfo:
    values = {name: row[name] for name in _LINE_FIELDS}
    values["settled_at"] = instant(values["settled_at"])
    values["payee_changed_at"] = instant(values["payee_changed_at"])
    return LineInfo(reference=line_reference(row["batch_id"], row["id"]), **values)


async def _totals(merchant_id: int, batch_ids: list[int]) -> dict[int, Totals]:
    if not batch_ids:
        return {}
    found = await rows(
        "SELECT batch_id, status, COUNT(*) AS lines, SUM(gross_minor) AS gross, SUM(withheld_minor) AS withheld,"
        " SUM(net_minor) AS net, SUM(commission_count) AS entries FROM payout_batch_line"
        f" WHERE merchant_id = ? AND batch_id IN ({', '.join('?' * len(batch_ids))})"
        " GROUP BY batch_id, status ORDER BY batch_id, status",
        [merchant_id, *batch_ids],
    )
    by_batch: dict[int, list[StatusTotal]] = {}
    for row in found:  # PostgreSQL's SUM(bigint) is numeric: back to int
        by_batch.setdefault(row["batch_id"], []).append(StatusTotal(
            row["status"], int(row["lines"]), int(row["gross"]), int(row["withheld"]), int(row["net"]),
            int(row["entries"]),
        ))
    return {batch_id: Totals(tuple(by_batch.get(batch_id, ()))) for batch_id in batch_ids}


async def _infos(merchant_id: int, batches: list[PayoutBatch]) -> list[BatchInfo]:
    totals = await _totals(merchant_id, [b.id for b in batches])
    return [
        BatchInfo(**{name: getattr(b, name) for name in _BATCH_FIELDS}, totals=totals[b.id]) for b in batches
    ]


async def get_batch(merchant_id: int, batch_id: int) -> BatchInfo:
    """One batch with its totals; another merchant's batch is not found (404)."""
    batch = await PayoutBatch.get_or_none(merchant_id=merchant_id, id=batch_id)
    if batch is None:
        raise BatchNotFound(batch_id)
    return (await _infos(merchant_id, [batch]))[0]


async def list_batches(
    merchant_id: int, *, asset: str | None = None, status: str | None = None,
    before_id: int | None = None, limit: int = 50,
) -> BatchPage:
    """The merchant's batches, newest first (keyset pages on id)."""
    query = PayoutBatch.filter(merchant_id=merchant_id)
    if asset is not None:
        query = query.filter(asset=asset.upper())
    if status is not None:
        query = query.filter(status=status)
    if before_id is not None:
        query = query.filter(id__lt=before_id)
    found = await query.order_by("-id").limit(limit + 1)
    items = await _infos(merchant_id, found[:limit])
    return BatchPage(items, items[-1].id if len(found) > limit else None)


async def batch_lines(
    merchant_id: int, batch_id: int, *, status: str | None = None, after_id: int | None = None, limit: int = 100,
) -> LinePage:
    """A batch's lines in id order (keyset pages), optionally of one status."""
    if not await PayoutBatch.filter(merchant_id=merchant_id, id=batch_id).exists():
        raise BatchNotFound(batch_id)
    where, params = ["merchant_id = ?", "batch_id = ?"], [merchant_id, batch_id]
    if status is not None:
        where.append("status = ?")
        params.append(status)
    if after_id is not None:
        where.append("id > ?")
        params.append(after_id)
    found = await rows(
        f"SELECT {', '.join(_LINE_FIELDS)} FROM payout_batch_line WHERE {' AND '.join(where)} ORDER BY id LIMIT ?",
        [*params, limit + 1],
    )
    items = [line_info(row) for row in found[:limit]]
    return LinePage(items, items[-1].id if items and len(found) > limit else None)  # limit 0: totals only


@dataclass(frozen=True, slots=True)
class FailedWaiting:
    """Failed or returned lines whose amounts wait in available for the next batch of their asset
    (no batch of it was approved since they were settled)."""

    items: list[LineInfo]  #: the latest, newest first
    totals: dict[str, StatusTotal]  #: asset -> lines and amounts, all of them


_WAITING = (
    "merchant_id = ? AND status IN (?, ?) AND NOT EXISTS (SELECT 1 FROM payout_batch b"
    " WHERE b.merchant_id = payout_batch_line.merchant_id AND b.asset = payout_batch_line.asset"
    " AND b.approved_at > payout_batch_line.settled_at)"
)


async def failed_waiting(merchant_id: int, *, limit: int = 10) -> FailedWaiting:
    """The failed and returned lines no later batch has picked up yet, for finance to look at."""
    params = [merchant_id, L.failed.value, L.returned.value]
    found = await rows(
        f"SELECT {', '.join(_LINE_FIELDS)} FROM payout_batch_line WHERE {_WAITING} ORDER BY id DESC LIMIT ?",
        [*params, limit],
    )
    sums = await rows(
        "SELECT asset, COUNT(*) AS lines, SUM(gross_minor) AS gross, SUM(withheld_minor) AS withheld,"
        f" SUM(net_minor) AS net, SUM(commission_count) AS entries FROM payout_batch_line WHERE {_WAITING}"
        " GROUP BY asset ORDER BY asset",
        params,
    )
    totals = {  # PostgreSQL's SUM(bigint) is numeric: back to int
        row["asset"]: StatusTotal("failed,returned", int(row["lines"]), int(row["gross"]), int(row["withheld"]),
                                  int(row["net"]), int(row["entries"]))
        for row in sums
    }
    return FailedWaiting([line_info(row) for row in found], totals)
