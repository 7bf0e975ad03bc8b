"""After approval: the bank's transfer file, its result file, and each line's outcome.

An open cash line ends paid or failed; a paid line may later come back (returned):

* paid: in_batch -> paid (the net the bank sent);
* failed: the net and the tax withheld on it go back to available, and the line's commissions
  are released from the batch (`payout_batch_id` null), so a later batch pays them;
* returned: paid -> available, the tax withheld on the line released too, so available again
  holds exactly what the released commissions sum to (a later batch withholds afresh).

Every change is idempotent: marking a line with the outcome it has changes nothing, so
importing the same result file twice changes nothing the second time.
"""

from __future__ import annotations

import asyncio
import re
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from tortoise.transactions import in_transaction

from accounts.service import audit
from accounts.service.audit import Actor
from commissions.service import settlement
from core.time import now
from notifications.kinds import Kind
from notifications.service import Notice, notify
from payouts import events, ledger
from payouts.errors import (
    BankResultsConflict,
    BankResultsInvalid,
    BatchStateConflict,
    LineNotFound,
    LineStateConflict,
    ReasonRequired,
)
from payouts.export import (
    FileFormat,
    TransferLine,
    TransferTotals,
    encode_csv,
    parse_bank_results,
    result_problem,
    transfer_csv,
    transfer_xlsx,
)
from payouts.models import PayoutBatch, PayoutBatchStatus, PayoutLineStatus, line_reference
from payouts.service import outbox, withdrawals
from payouts.service.batch_queries import SENT, BatchInfo, LineInfo, get_batch, line_info
from payouts.service.batches import locked_batch
from payouts.service.postings import post_many
from payouts.service.sql import chunks, execute, rows
from payouts.service.terms import POINTS_ASSET

S = PayoutBatchStatus
L = PayoutLineStatus
#: Lines per page of the transfer file, and per UPDATE when results are applied.
PAGE = 1000
_REFERENCE = re.compile(r"B(\d+)-(\d+)")
_LINE_COLUMNS = (
    "id, batch_id, partner_id, asset, status, reason, gross_minor, withheld_minor, fee_minor, net_minor, commission_count,"
    " payee_name, payee_account, payee_method, payee_bank, payee_changed_at, settled_at"
)


class Outcome(StrEnum):
    paid = "paid"  #: the bank confirmed the transfer
    failed = "failed"  #: the bank refused it
    returned = "returned"  #: it was paid, then the money came back


#: The line status each outcome may follow.
_FROM = {Outcome.paid: L.open.value, Outcome.failed: L.open.value, Outcome.returned: L.paid.value}


async def _apply(
    merchant_id: int, batch: PayoutBatch, lines: list[dict[str, Any]], outcome: Outcome, reasons: dict[int, str]
) -> None:
    """Move `lines` (all in status `_FROM[outcome]`) to `outcome`: one UPDATE per reason, the
    ledger entries with `post_many`, and the commissions of failed or returned lines released."""
    if not lines:
        return
    at = now()
    by_reason: dict[str | None, list[int]] = defaultdict(list)
    for line in lines:
        by_reason[reasons.get(line["id"]) or None].append(line["id"])
    for reason, ids in by_reason.items():
        for part in chunks(ids, PAGE):
            await execute(
                "UPDATE payout_batch_line SET status = ?, reason = ?, settled_at = ?"
                f" WHERE merchant_id = ? AND batch_id = ? AND status = ? AND id IN ({', '.join('?' * len(part))})",
                [outcome.value, reason, at, merchant_id, batch.id, _FROM[outcome], *part],
            )
    memo = f"payout batch {batch.id}"
    entries = []
    for line in lines:
        partner_id, net, ref = line["partner_id"], int(line["net_minor"]), line_reference(batch.id, line["id"])
        withheld, fee = int(line["withheld_minor"]), int(line["fee_minor"])
        if outcome == Outcome.paid:
            entries.append(ledger.payout_paid(partner_id, batch.asset, net, line_id=ref, memo=memo))
        elif outcome == Outcome.failed:
            entries.append(ledger.payout_failed(
                partner_id, batch.asset, net, line_id=ref, withheld=withheld, fee=fee, memo=memo))
        else:
            entries.append(ledger.payout_returned(
                partner_id, batch.asset, net, line_id=ref, withheld=withheld, fee=fee, memo=memo))
    for part in chunks(entries, PAGE):
        await post_many(merchant_id, part)
    await notify(merchant_id, [
        Notice(line["partner_id"], Kind.payout_line, f"line:{line['id']}:{outcome.value}", {
            "outcome": outcome.value, "amount_minor": int(line["net_minor"]), "currency": batch.asset,
            **({"note": reasons[line["id"]]} if reasons.get(line["id"]) else {})})
        for line in lines
    ])
    if outcome in (Outcome.paid, Outcome.failed):
        await outbox.enqueue(merchant_id, events.payout_lines(batch.id, lines, outcome == Outcome.paid, reasons, at))
    if outcome != Outcome.paid:
        for part in chunks([line["partner_id"] for line in lines], PAGE):
            await settlement.release_claims(merchant_id, batch.id, part)
    # the withdrawals the lines paid share their outcome (after the release: their entries are free)
    partner_reasons = {line["partner_id"]: reasons[line["id"]] for line in lines if reasons.get(line["id"])}
    for part in chunks([line["partner_id"] for line in lines], PAGE):
        await withdrawals.settle(merchant_id, batch.id, part, outcome.value, partner_reasons)


def _check_batch(batch: PayoutBatch, outcome: Outcome | None) -> None:
    if batch.asset == POINTS_ASSET:
        raise BatchStateConflict(batch.id, "a points batch", "take bank outcomes (points are credited at approval)")
    allowed = (S.approved, S.exported, S.closed) if outcome in (Outcome.returned, None) else (S.approved, S.exported)
    if batch.status not in allowed:
        raise BatchStateConflict(batch.id, batch.status, f"mark lines {outcome.value if outcome else 'from results'}")


async def mark_line(
    merchant_id: int, batch_id: int, line_id: int, outcome: Outcome, reason: str | None = None,
    *, actor: Actor | None = None,
) -> LineInfo:
    """Record one line's outcome (paid, failed with a reason, returned with a reason)."""
    if outcome != Outcome.paid and not (reason or "").strip():
        raise ReasonRequired(outcome.value)
    async with in_transaction():
        batch = await locked_batch(merchant_id, batch_id)
        found = await rows(
            f"SELECT {_LINE_COLUMNS} FROM payout_batch_line WHERE merchant_id = ? AND batch_id = ? AND id = ?",
            [merchant_id, batch_id, line_id],
        )
        if not found:
            raise LineNotFound(batch_id, line_id)
        line = found[0]
        if line["status"] != outcome.value:
            _check_batch(batch, outcome)
            if line["status"] != _FROM[outcome]:
                raise LineStateConflict(line_reference(batch_id, line_id), line["status"], outcome.value)
            await _apply(merchant_id, batch, [line], outcome, {line_id: reason} if reason else {})
        found = await rows(
            f"SELECT {_LINE_COLUMNS} FROM payout_batch_line WHERE merchant_id = ? AND id = ?", [merchant_id, line_id]
        )
        if line["status"] != outcome.value:
            await audit.record(
                merchant_id, actor, f"payout_line.{outcome.value}", "payout_line", line_id,
                before=line_info(line), after=line_info(found[0]),
            )
    return line_info(found[0])


@dataclass(frozen=True, slots=True)
class ImportSummary:
    paid: int  #: lines newly marked paid
    failed: int  #: lines newly marked failed
    unchanged: int  #: lines that already had the reported outcome
    returned: int = 0  #: lines newly marked returned (paid, then the money came back)


#: The reason a failed or returned line gets when the file gives none.
NO_REASON = "the bank gave no reason"


async def import_results(
    merchant_id: int, batch_id: int, data: str | bytes, *, actor: Actor | None = None
) -> ImportSummary:
    """Apply a result file to the batch's lines: the transfer file Relay exported with its status
    column filled in (CSV or XLSX), or the bank's ``reference,status,reason`` (`parse_bank_results`).

    All or nothing: an unknown reference (422) or a result contradicting a recorded outcome
    (409) refuses the whole file. A line already in the reported state is left as it is; an
    open line reported returned is marked paid, then returned (the money went out and came back).
    """
    async with in_transaction():
        batch = await locked_batch(merchant_id, batch_id)
        _check_batch(batch, None)
        results = await asyncio.to_thread(parse_bank_results, data)  # an XLSX takes a while: not on the loop
        before = await get_batch(merchant_id, batch_id) if actor is not None else None
        wanted: dict[int, tuple[int, Outcome, str]] = {}
        unknown: list[dict[str, object]] = []

        def not_in_batch(row: int, reference: str) -> None:
            unknown.append(result_problem(
                row, "not_in_batch", f"reference {reference!r} is not in batch {batch_id}",
                reference=reference, batch=batch_id,
            ))

        for result in results:
            match = _REFERENCE.fullmatch(result.reference)
            if match is None or int(match[1]) != batch_id:
                not_in_batch(result.line, result.reference)
                continue
            wanted[int(match[2])] = (result.line, Outcome(result.status.value), result.reason)
        current: dict[int, dict[str, Any]] = {}
        for part in chunks(list(wanted), PAGE):
            for row in await rows(
                f"SELECT {_LINE_COLUMNS} FROM payout_batch_line WHERE merchant_id = ? AND batch_id = ?"
                f" AND id IN ({', '.join('?' * len(part))})",
                [merchant_id, batch_id, *part],
            ):
                current[row["id"]] = row
        conflicts: list[dict[str, object]] = []
        moves: dict[Outcome, list[dict[str, Any]]] = {outcome: [] for outcome in Outcome}
        reasons: dict[int, str] = {}
        unchanged = 0
        for line_id, (file_line, outcome, reason) in wanted.items():
            line = current.get(line_id)
            reference = line_reference(batch_id, line_id)
            if line is None:
                not_in_batch(file_line, reference)
            elif line["status"] == outcome.value:
                unchanged += 1
            elif line["status"] != _FROM[outcome] and not (outcome == Outcome.returned and line["status"] == L.open):
                conflicts.append(result_problem(
                    file_line, "conflict", f"{reference} is {line['status']}, reported {outcome.value}",
                    reference=reference, status=line["status"], reported=outcome.value,
                ))
            else:
                moves[outcome].append(line)
                if outcome != Outcome.paid:
                    reasons[line_id] = reason or NO_REASON
        if unknown:
            raise BankResultsInvalid(unknown)
        if conflicts:
            raise BankResultsConflict(conflicts)
        # An open line reported returned was paid first: both movements reach the ledger.
        moves[Outcome.paid] += [line for line in moves[Outcome.returned] if line["status"] == L.open]
        for outcome, lines in moves.items():
            for part in chunks(lines, PAGE):
                await _apply(merchant_id, batch, list(part), outcome, reasons if outcome != Outcome.paid else {})
        summary = ImportSummary(
            len(moves[Outcome.paid]) - sum(line["status"] == L.open for line in moves[Outcome.returned]),
            len(moves[Outcome.failed]), unchanged, len(moves[Outcome.returned]),
        )
        if actor is not None and (summary.paid or summary.failed or summary.returned):  # a file applied before changes nothing
            after = await get_batch(merchant_id, batch_id)
            await audit.record(
                merchant_id, actor, "payout_batch.import_results", "payout_batch", batch_id,
                before=before, after={**audit.jsonable(after), "imported": audit.jsonable(summary)},
            )
    return summary


# --- the transfer file --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Transfer:
    """What an export hands out: the batch, the file's control totals, and the file itself."""

    batch: BatchInfo
    totals: TransferTotals
    file_format: FileFormat
    content: AsyncIterator[bytes]

    @property
    def filename(self) -> str:
        return f"payout-batch-{self.batch.id}{self.file_format.suffix}"


async def export_batch(
    merchant_id: int, batch_id: int, file_format: FileFormat = FileFormat.csv, language: str = "en",
    *, actor: Actor | None = None,
) -> Transfer:
    """The bank transfer file of an approved cash batch (the batch becomes exported), as CSV
    (UTF-8 with BOM, or GBK) or XLSX, its header in `language`.

    The file lists every line sent to the bank (open, or already paid, failed or returned), so
    exporting again gives the same file. The UTF-8 CSV streams: lines are read a page at a time,
    after the transaction that marked the batch exported. GBK and XLSX are made whole inside it,
    so a line GBK cannot write refuses the export and changes nothing.
    """
    async with in_transaction():
        batch = await locked_batch(merchant_id, batch_id)
        if batch.asset == POINTS_ASSET:
            raise BatchStateConflict(batch_id, "a points batch", "be exported (points are credited, not wired)")
        if batch.status not in (S.approved, S.exported, S.closed):
            raise BatchStateConflict(batch_id, batch.status, "be exported (approve it first)")
        before = await get_batch(merchant_id, batch_id) if actor is not None else None
        if batch.status == S.approved:
            await PayoutBatch.filter(merchant_id=merchant_id, id=batch_id).update(
                status=S.exported.value, exported_at=now()
            )
        found = await rows(
            "SELECT COUNT(*) AS lines, SUM(net_minor) AS amount FROM payout_batch_line"
            f" WHERE merchant_id = ? AND batch_id = ? AND status IN ({', '.join('?' * len(SENT))})",
            [merchant_id, batch_id, *SENT],
        )
        whole: bytes | None = None
        if file_format != FileFormat.csv:
            lines = [line async for page in _sent_pages(merchant_id, batch_id, batch.asset) for line in page]
            if file_format == FileFormat.xlsx:
                whole = await asyncio.to_thread(transfer_xlsx, lines, batch.asset, language)
            else:
                whole = b"".join(encode_csv(transfer_csv(lines, batch.asset, language), file_format))
        info = await get_batch(merchant_id, batch_id)
        # Every export is recorded, a repeated one too: who took the bank file (payee accounts) matters.
        await audit.record(
            merchant_id, actor, "payout_batch.export", "payout_batch", batch_id, before=before,
            after={**audit.jsonable(info), "file_format": file_format.value},
        )
    totals = TransferTotals(int(found[0]["lines"]), int(found[0]["amount"] or 0), batch.asset)
    content = _once(whole) if whole is not None else _transfer_stream(merchant_id, batch_id, batch.asset, language)
    return Transfer(info, totals, file_format, content)


async def _once(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def _sent_pages(merchant_id: int, batch_id: int, currency: str) -> AsyncIterator[list[TransferLine]]:
    """The batch's lines sent to the bank, in line order, a page at a time."""
    after = 0
    while True:
        page = await rows(
            "SELECT id, partner_id, net_minor, payee_name, payee_account, payee_method, payee_bank"
            " FROM payout_batch_line"
            f" WHERE merchant_id = ? AND batch_id = ? AND status IN ({', '.join('?' * len(SENT))}) AND id > ?"
            " ORDER BY id LIMIT ?",
            [merchant_id, batch_id, *SENT, after, PAGE],
        )
        yield [
            TransferLine(
                partner_id=row["partner_id"], payee_name=row["payee_name"] or "",
                payee_account=row["payee_account"] or "", amount_minor=int(row["net_minor"]),
                currency=currency, reference=line_reference(batch_id, row["id"]),
                payee_method=row["payee_method"] or "", payee_bank=row["payee_bank"] or "",
            )
            for row in page
        ]
        if len(page) < PAGE:
            return
        after = page[-1]["id"]


class _Feed:
    """The lines `transfer_csv` pulls, topped up a page at a time by `_transfer_stream`."""

    def __init__(self) -> None:
        self.buffer: deque[TransferLine] = deque()
        self.done = False

    def __iter__(self) -> Iterator[TransferLine]:
        return self

    def __next__(self) -> TransferLine:
        if self.buffer:
            return self.buffer.popleft()
        if self.done:
            raise StopIteration
        raise RuntimeError("the transfer file asked for a line before the next page was read")


async def _transfer_stream(merchant_id: int, batch_id: int, currency: str, language: str) -> AsyncIterator[bytes]:
    """The UTF-8 transfer CSV over the batch's sent lines, read a page at a time, yielded a page
    of bytes at a time (memory stays bounded by the page)."""
    feed = _Feed()
    out = encode_csv(transfer_csv(feed, currency, language), FileFormat.csv)
    pages = _sent_pages(merchant_id, batch_id, currency)
    data: list[bytes] = []
    while True:
        if not feed.buffer and not feed.done:
            if data:
                yield b"".join(data)
                data = []
            page = await anext(pages, None)
            if page is None:
                feed.done = True
            else:
                feed.buffer.extend(page)
        chunk = next(out, None)
        if chunk is None:
            break
        data.append(chunk)
    if data:
        yield b"".join(data)
