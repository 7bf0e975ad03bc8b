"""Payout batches: draft, approve, discard and close; every step one transaction.

A batch of one asset and one cutoff nets, per partner, every available commission and
unsettled reversal with ``available_at < cutoff`` that no other batch holds. Lines are made by
one INSERT ... SELECT ... GROUP BY over relations the commissions and referral domains hand
out (`commissions.service.settlement`, `referral.service.sales.payout_partners`), each line
decided in SQL by the CASE of `payouts/line_decision.py` (where `decide_line` is the same
decision as a function):

* a net below the merchant's minimum (or not positive) is *carried forward*: its entries stay
  unclaimed for a later batch;
* a partner who is not active (suspended), or without a payee account for cash, is *held*;
* every other partner's line is paid.

Draft: lines are computed and shown, nothing is claimed. Approval recomputes against the
current rows with the same cutoff, claims the entries (`payout_batch_id`), and posts the
ledger: cash lines reserve available -> in_batch and withhold tax; points lines are credited
to the wallet at once and the batch closes. Line outcomes (paid, failed, returned), the bank
file and its results are in `payouts.service.lines`, reading in `payouts.service.batch_queries`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from accounts.service import audit
from accounts.service.audit import Actor
from commissions.service import settlement
from core.money import format_major
from core.time import now
from notifications.kinds import Kind
from notifications.service import Notice, notify
from payouts import ledger, withholding
from payouts.errors import (
    BatchAssetMismatch,
    BatchFiguresChanged,
    BatchNotFound,
    BatchStateConflict,
    LinesStillOpen,
)
from payouts.line_decision import LineDecision as D
from payouts.line_decision import decision_sql
from payouts.models import (
    PayeeSignal,
    PayoutBatch,
    PayoutBatchLine,
    PayoutBatchStatus,
    PayoutLineStatus,
    line_reference,
)
from payouts.service import tax, withdrawals
from payouts.service.batch_queries import BatchInfo, StatusTotal, get_batch
from payouts.service.postings import post_many
from payouts.service.sql import Relation, advisory_lock, chunks, execute, rows, utc
from payouts.service.terms import (
    POINTS_ASSET,
    PayeeChange,
    batch_terms,
    check_asset,
    describe_minimum,
    payable_assets,
)
from referral.service.sales import payout_partners

S = PayoutBatchStatus
L = PayoutLineStatus
#: Lines per chunk when posting the ledger or withholding tax: bounds memory on huge batches.
LINES_PER_CHUNK = 2000
#: Progress callback: (lines done, lines in all).
Progress = Callable[[int, int], None]


# --- computing lines ----------------------------------------------------------------------------


async def _insert_lines(
    merchant_id: int, batch_id: int, asset: str, source: Relation, *, minimum: int, payable: str,
    payee_change: PayeeChange,
) -> None:
    """One INSERT ... SELECT: a line per partner of `source` (partner_id, amount, entries), joined
    with the partner's status and payee, each line decided in SQL by the CASE of
    `payouts.line_decision` (the same decision as its `decide_line`).

    The payee is the partner's own (`payouts.models.Payee`), else the one the merchant set on the
    partner; a payee changed within the signal's days holds the line when the signal holds.

    A partner who already has a line in the batch (the draft's) keeps it, rewritten in place:
    its id, so its bank reference ``B{batch}-{line}``, is the one finance noted from the draft."""
    source_sql, source_params = source
    partners_sql, partners_params = _partners_with_payees(merchant_id, cash=asset != POINTS_ASSET)
    hold_changed = asset != POINTS_ASSET and payee_change.signal == PayeeSignal.hold
    case = decision_sql(cash=asset != POINTS_ASSET, hold_payee_changes=hold_changed)
    statuses = {
        D.payable: payable, D.inactive: L.held.value, D.negative: L.carried_forward.value,
        D.zero: L.carried_forward.value, D.below_minimum: L.carried_forward.value, D.no_payee: L.held.value,
        D.payee_changed: L.held.value,
    }
    reasons = {
        D.negative: "the net is negative (reversals after a payout): netted against later commissions",
        D.zero: "nothing to pay: commissions and reversals cancel out",
        D.below_minimum: f"below the minimum payout of {describe_minimum(minimum, asset)}",
        D.no_payee: "no payee account: add one to the partner, a later batch pays",
        D.payee_changed: payee_changed_reason(payee_change.days),
    }
    status_sql = "CASE d.decision " + " ".join(f"WHEN {k:d} THEN CAST(? AS VARCHAR(16))" for k in statuses) + " END"
    reason_sql = (
        f"CASE d.decision WHEN {D.inactive:d} THEN CASE WHEN d.partner_status IS NULL THEN 'partner not found'"
        " ELSE 'partner ' || d.partner_status END "
        + " ".join(f"WHEN {k:d} THEN CAST(? AS VARCHAR(500))" for k in reasons) + " ELSE NULL END"
    )
    since = [utc(now() - timedelta(days=payee_change.days))] if hold_changed else []
    await execute(
        "INSERT INTO payout_batch_line (merchant_id, batch_id, partner_id, asset, status, reason, gross_minor,"
        " withheld_minor, net_minor, commission_count, payee_name, payee_account, payee_method, payee_bank,"
        " payee_changed_at)"
        f" SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), d.partner_id, CAST(? AS VARCHAR(3)), {status_sql},"
        f" {reason_sql}, d.amount, 0, d.amount, d.entries, d.payee_name, d.payee_account, d.payee_method,"
        " d.payee_bank, d.payee_changed_at FROM ("
        "  SELECT s.partner_id, s.amount, s.entries, p.status AS partner_status, p.payee_name, p.payee_account,"
        f"  p.payee_method, p.payee_bank, p.payee_changed_at, {case} AS decision"
        f"  FROM ({source_sql}) s LEFT JOIN ({partners_sql}) p ON p.partner_id = s.partner_id"
        # WHERE: SQLite would read the ON CONFLICT below as the join's ON without it
        ") d WHERE 1 = 1 ON CONFLICT (batch_id, partner_id) DO UPDATE SET status = excluded.status,"
        " reason = excluded.reason, gross_minor = excluded.gross_minor, withheld_minor = excluded.withheld_minor,"
        " net_minor = excluded.net_minor, fee_minor = 0, commission_count = excluded.commission_count,"
        " payee_name = excluded.payee_name, payee_account = excluded.payee_account, payee_method = excluded.payee_method,"
        " payee_bank = excluded.payee_bank, payee_changed_at = excluded.payee_changed_at",
        [
            merchant_id, batch_id, asset, *statuses.values(), *reasons.values(),
            minimum, *since, *source_params, *partners_params,
        ],
    )


def _partners_with_payees(merchant_id: int, *, cash: bool) -> Relation:
    """Referral's partners (status, the payee the merchant set) with each one's own payee details
    taking precedence: columns ``partner_id, status, payee_name, payee_account, payee_method,
    payee_bank, payee_changed_at`` (points need no payee: the merchant's columns, the rest NULL)."""
    partners_sql, partners_params = payout_partners(merchant_id)
    if not cash:
        return (
            "SELECT pp.partner_id, pp.status, pp.payee_name, pp.payee_account,"
            " CAST(NULL AS VARCHAR(8)) AS payee_method, CAST(NULL AS VARCHAR(100)) AS payee_bank,"
            f" CAST(NULL AS TIMESTAMP) AS payee_changed_at FROM ({partners_sql}) pp",
            partners_params,
        )
    return (
        "SELECT pp.partner_id, pp.status,"
        " CASE WHEN y.partner_id IS NULL THEN pp.payee_name ELSE y.account_name END AS payee_name,"
        " COALESCE(y.account_number, pp.payee_account) AS payee_account, y.method AS payee_method,"
        " y.bank_name AS payee_bank, y.changed_at AS payee_changed_at"
        f" FROM ({partners_sql}) pp LEFT JOIN payee y ON y.merchant_id = ? AND y.partner_id = pp.partner_id",
        [*partners_params, merchant_id],
    )


def payee_changed_reason(days: int) -> str:
    """Why a line is held by the payee-change signal (finance's pages word it from this text)."""
    return f"payee details changed within the last {days} days"


async def _line_chunks(merchant_id: int, batch_id: int, status: str):
    """The batch's lines of `status`, in id order, `LINES_PER_CHUNK` at a time."""
    after = 0
    while True:
        found = await rows(
            "SELECT id, partner_id, gross_minor, withheld_minor, net_minor FROM payout_batch_line"
            " WHERE merchant_id = ? AND batch_id = ? AND status = ? AND id > ? ORDER BY id LIMIT ?",
            [merchant_id, batch_id, status, after, LINES_PER_CHUNK],
        )
        if not found:
            return
        yield found
        after = found[-1]["id"]


async def _set_withheld(merchant_id: int, withheld: dict[int, tuple[int, int]]) -> None:
    """line id -> (withheld, net), written with one UPDATE per chunk."""
    for part in chunks(list(withheld.items()), 1000):
        ids = [line_id for line_id, _ in part]
        params: list[Any] = []
        for line_id, (tax_minor, _) in part:
            params += [line_id, tax_minor]
        for line_id, (_, net) in part:
            params += [line_id, net]
        cases = " ".join(["WHEN ? THEN CAST(? AS BIGINT)"] * len(part))
        await execute(
            f"UPDATE payout_batch_line SET withheld_minor = CASE id {cases} END, net_minor = CASE id {cases} END"
            f" WHERE merchant_id = ? AND id IN ({', '.join('?' * len(ids))})",
            [*params, merchant_id, *ids],
        )


async def _settle_lines(
    merchant_id: int, batch: PayoutBatch, rule: str, timezone: str, *, post: bool, progress: Progress | None,
) -> None:
    """Withhold tax and charge withdrawals' fees on the batch's lines (a draft's: the preview its
    approval is compared with) and, when `post`, write their ledger entries (cash: reserve,
    withholding, fee; points: wallet credit), a chunk of lines at a time."""
    status = (L.payable if not post else L.open if batch.asset != POINTS_ASSET else L.paid).value
    month = {}
    if rule != withholding.NONE:
        start, end = tax.month_of(now(), timezone)
        month = await tax.month_so_far(merchant_id, batch.asset, start, end)
    total = await PayoutBatchLine.filter(merchant_id=merchant_id, batch_id=batch.id, status=status).count()
    done = 0
    async for part in _line_chunks(merchant_id, batch.id, status):
        withheld: dict[int, tuple[int, int]] = {}
        fees: dict[int, int] = {}
        entries: list[ledger.Entry] = []
        partners = [line["partner_id"] for line in part]
        requested = (
            {} if batch.asset == POINTS_ASSET
            else await withdrawals.in_lines(merchant_id, batch.id, partners) if post
            else await withdrawals.waiting_for_lines(merchant_id, batch.asset, partners)  # the draft's preview
        )
        credited: list[Notice] = []
        for line in part:
            partner_id, gross, ref = line["partner_id"], int(line["gross_minor"]), line_reference(batch.id, line["id"])
            owed = tax.due(rule, batch.asset, gross, month.get(partner_id))
            if owed:
                withheld[line["id"]] = (owed, gross - owed)
            asked, fee = requested.get(partner_id, (0, 0))
            fee = min(fee, gross - owed)  # reversals netted the line below its withdrawals: never more than is left
            if fee > 0:
                fees[line["id"]] = fee
            if not post:
                continue
            if batch.asset == POINTS_ASSET:
                entries.append(ledger.points_credit(partner_id, gross, reference=ref, memo=f"payout batch {batch.id}"))
                credited.append(Notice(partner_id, Kind.points_credited, f"points:{ref}", {"points": gross}))
                continue
            entries.append(ledger.payout_reserved(
                partner_id, batch.asset, gross, line_id=ref, requested=asked, memo=f"payout batch {batch.id}"))
            if owed:
                entries.append(ledger.withholding(partner_id, batch.asset, owed, line_id=ref, memo=f"{rule}"))
            if fee > 0:
                entries.append(ledger.withdrawal_fee(partner_id, batch.asset, fee, line_id=ref, memo=f"payout batch {batch.id}"))
        if withheld:
            await _set_withheld(merchant_id, withheld)
        for line_id, fee in fees.items():  # lines paying withdrawals: few
            await execute(
                "UPDATE payout_batch_line SET fee_minor = ?, net_minor = net_minor - ? WHERE merchant_id = ? AND id = ?",
                [fee, fee, merchant_id, line_id],
            )
        if entries:
            await post_many(merchant_id, entries)
        await notify(merchant_id, credited)
        done += len(part)
        if progress is not None:
            progress(done, total)


# --- the steps ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Figures:
    """What an approver saw of a draft and approves: the lines to pay, their gross (what they
    claim) and net (what is sent once tax is withheld), in the batch's asset."""

    asset: str
    lines: int
    gross_minor: int
    net_minor: int

    @classmethod
    def of(cls, asset: str, payout: StatusTotal) -> Figures:
        return cls(asset, payout.lines, payout.gross_minor, payout.net_minor)

    def shown(self) -> dict[str, object]:
        """As the problem of a 409 carries them (minor units, and major units for people)."""
        return {
            "asset": self.asset, "lines": self.lines, "gross_minor": self.gross_minor,
            "gross": format_major(self.gross_minor, self.asset), "net_minor": self.net_minor,
            "net": format_major(self.net_minor, self.asset),
        }


async def create_batch(
    merchant_id: int, asset: str, cutoff: datetime, *, created_by: str, actor: Actor | None = None
) -> tuple[BatchInfo, bool]:
    """The draft batch of `asset` available before `cutoff` (the first instant not included), and whether this call created it.

    Exactly once: a live batch (any status but discarded) for the same merchant, asset and
    cutoff is answered instead of a new one; the unique (merchant, asset, cutoff, open_slot)
    decides between concurrent creators. A draft claims nothing.
    """
    asset = await check_asset(merchant_id, asset)
    cutoff = utc(cutoff)
    _, timezone = await payable_assets(merchant_id)
    terms = await batch_terms(merchant_id, asset)
    minimum, rule = terms.minimum, terms.rule
    async with in_transaction():
        while True:  # twice at most: a concurrent creator's batch is found on the second pass
            # Looked up first: on PostgreSQL an INSERT that meets the conflict still takes a number
            # from the id sequence, and the merchant's next batch would skip one (#1, #3).
            existing = await PayoutBatch.get_or_none(merchant_id=merchant_id, asset=asset, cutoff=cutoff, open_slot=True)
            if existing is not None:
                return await get_batch(merchant_id, existing.id), False
            inserted = await rows(
                "INSERT INTO payout_batch (merchant_id, asset, cutoff, status, open_slot, minimum_minor, withholding,"
                " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (merchant_id, asset, cutoff, open_slot) DO NOTHING RETURNING id",
                [merchant_id, asset, cutoff, S.draft.value, True, minimum, rule, created_by, now()],
            )
            if inserted:
                break
        batch = await PayoutBatch.get(id=inserted[0]["id"])
        await _insert_lines(
            merchant_id, batch.id, asset,
            settlement.unsettled_by_partner(merchant_id, asset, cutoff, **await withdrawals.batch_source(
                merchant_id, asset, cutoff)),
            minimum=minimum, payable=L.payable.value, payee_change=terms.payee_change,
        )
        if rule != withholding.NONE or await withdrawals.any_waiting(merchant_id, asset):  # previews tax and fees
            await _settle_lines(merchant_id, batch, rule, timezone, post=False, progress=None)
        created = await get_batch(merchant_id, batch.id)
        await audit.record(merchant_id, actor, "payout_batch.create", "payout_batch", batch.id, after=created)
    return created, True


async def locked_batch(merchant_id: int, batch_id: int) -> PayoutBatch:
    """The batch, its row locked until the transaction ends (PostgreSQL; SQLite has one writer)."""
    batch = await PayoutBatch.filter(merchant_id=merchant_id, id=batch_id).select_for_update().first()
    if batch is None:
        raise BatchNotFound(batch_id)
    return batch


async def approve_batch(
    merchant_id: int, batch_id: int, *, approved_by: str, expected: Figures | None,
    progress: Progress | None = None, actor: Actor | None = None,
) -> BatchInfo:
    """Approve a draft: recompute its lines against the current rows (same cutoff), claim the
    entries of paid lines, and post the ledger, in one transaction. Returns the totals approved.

    `expected` is what the approver saw (the API and the consoles always send it; None only for
    a caller that shows nothing first). When the recomputed lines pay anything else (another
    batch claimed commissions meanwhile, a refund reversed one), `BatchFiguresChanged` carries
    the new figures and the transaction is rolled back: no line, claim, ledger entry or status
    changes.

    Approving an approved batch answers it as it is (two finance users clicking at once get
    one approval). Claims of a merchant and asset are serialised, so an entry is never in two
    batches and what a line sums is exactly what it claimed.
    """
    _, timezone = await payable_assets(merchant_id)
    async with in_transaction():
        batch = await locked_batch(merchant_id, batch_id)
        if batch.status in (S.approved, S.exported, S.closed):
            return await get_batch(merchant_id, batch_id)
        if batch.status != S.draft:
            raise BatchStateConflict(batch_id, batch.status, "approve")
        if expected is not None and expected.asset != batch.asset:
            raise BatchAssetMismatch(batch_id, batch.asset)
        before = await get_batch(merchant_id, batch_id) if actor is not None else None
        await advisory_lock("payout_claims", merchant_id, batch.asset)
        terms = await batch_terms(merchant_id, batch.asset)
        minimum, rule = terms.minimum, terms.rule
        points = batch.asset == POINTS_ASSET
        # The draft's lines are rewritten in place (stable references); every one is marked
        # payable first, and what is still payable after the recomputation (a partner with
        # nothing left to claim) is dropped: an approved batch has no payable line.
        await execute(
            "UPDATE payout_batch_line SET status = ? WHERE merchant_id = ? AND batch_id = ?",
            [L.payable.value, merchant_id, batch.id],
        )
        # Claim everything first, then sum what was claimed: rows released meanwhile cannot slip
        # into the claim without being counted. Entries of lines not paid are then given back.
        await settlement.claim(merchant_id, batch.asset, batch.cutoff, batch.id,
                               **await withdrawals.batch_source(merchant_id, batch.asset, batch.cutoff))
        await _insert_lines(
            merchant_id, batch.id, batch.asset, settlement.claimed_by_partner(merchant_id, batch.id),
            minimum=minimum, payable=(L.paid if points else L.open).value, payee_change=terms.payee_change,
        )
        await execute(
            "DELETE FROM payout_batch_line WHERE merchant_id = ? AND batch_id = ? AND status = ?",
            [merchant_id, batch.id, L.payable.value],
        )
        # By id lists, not a subquery: right after the claim the planner's statistics still say
        # no row holds this batch, and it would scan the lines once per claimed row.
        unpaid = await rows(
            "SELECT partner_id FROM payout_batch_line WHERE merchant_id = ? AND batch_id = ? AND status IN (?, ?)",
            [merchant_id, batch.id, L.carried_forward.value, L.held.value],
        )
        for part in chunks([row["partner_id"] for row in unpaid], 5000):
            await settlement.release_claims(merchant_id, batch.id, part)
        await withdrawals.attach_to_batch(merchant_id, batch.id)  # those whose entries it kept
        await _settle_lines(merchant_id, batch, rule, timezone, post=True, progress=progress)
        if expected is not None:
            current = Figures.of(batch.asset, (await get_batch(merchant_id, batch_id)).totals.payout)
            if current != expected:  # raised inside the transaction: everything above is rolled back
                raise BatchFiguresChanged(batch_id, expected, current)
        at = now()
        changes: dict[str, Any] = {
            "status": S.approved.value, "approved_at": at, "approved_by": approved_by,
            "minimum_minor": minimum, "withholding": rule,
        }
        if points:  # credited to the wallets already: nothing is left open
            changes |= {"status": S.closed.value, "closed_at": at}
            await PayoutBatchLine.filter(merchant_id=merchant_id, batch_id=batch.id, status=L.paid.value).update(
                settled_at=at
            )
        await PayoutBatch.filter(merchant_id=merchant_id, id=batch.id).update(**changes)
        approved = await get_batch(merchant_id, batch_id)
        await audit.record(
            merchant_id, actor, "payout_batch.approve", "payout_batch", batch_id, before=before, after=approved
        )
    return approved


async def discard_batch(merchant_id: int, batch_id: int, *, actor: Actor | None = None) -> BatchInfo:
    """Throw a draft away (it claimed nothing); its cutoff is free for a new batch."""
    async with in_transaction():
        batch = await locked_batch(merchant_id, batch_id)
        if batch.status == S.discarded:
            return await get_batch(merchant_id, batch_id)
        if batch.status != S.draft:
            raise BatchStateConflict(batch_id, batch.status, "discard (only a draft can be discarded)")
        before = await get_batch(merchant_id, batch_id) if actor is not None else None
        await PayoutBatchLine.filter(merchant_id=merchant_id, batch_id=batch.id).delete()
        await PayoutBatch.filter(merchant_id=merchant_id, id=batch.id).update(
            status=S.discarded.value, open_slot=None, discarded_at=now()
        )
        discarded = await get_batch(merchant_id, batch_id)
        await audit.record(
            merchant_id, actor, "payout_batch.discard", "payout_batch", batch_id, before=before, after=discarded
        )
    return discarded


async def close_batch(merchant_id: int, batch_id: int, *, actor: Actor | None = None) -> BatchInfo:
    """Close an approved or exported batch once no line is left open (one guarded UPDATE)."""
    async with in_transaction():
        batch = await locked_batch(merchant_id, batch_id)
        if batch.status == S.closed:
            return await get_batch(merchant_id, batch_id)
        if batch.status not in (S.approved, S.exported):
            raise BatchStateConflict(batch_id, batch.status, "close (approve it first, or discard a draft)")
        before = await get_batch(merchant_id, batch_id) if actor is not None else None
        closed = await execute(
            "UPDATE payout_batch SET status = ?, closed_at = ? WHERE merchant_id = ? AND id = ?"
            " AND NOT EXISTS (SELECT 1 FROM payout_batch_line WHERE merchant_id = ? AND batch_id = ? AND status = ?)",
            [S.closed.value, now(), merchant_id, batch_id, merchant_id, batch_id, L.open.value],
        )
        if not closed:
            still_open = await PayoutBatchLine.filter(
                merchant_id=merchant_id, batch_id=batch_id, status=L.open.value
            ).count()
            raise LinesStillOpen(batch_id, still_open)
        closed_batch = await get_batch(merchant_id, batch_id)
        await audit.record(
            merchant_id, actor, "payout_batch.close", "payout_batch", batch_id, before=before, after=closed_batch
        )
    return closed_batch
