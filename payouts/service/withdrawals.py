"""Withdrawals (提现): a partner asks for their available cash instead of waiting for a batch.

The merchant decides (`WithdrawalTerms`): batches only (the default), on request only, or both;
the smallest withdrawal; and a fee (none, flat, or a percent with a cap), shown to the partner
before they confirm (`quote`).

A request is for everything the partner may withdraw: the net of their unsettled available
commissions (reversals included), which it sets aside (`commission.withdrawal_id`) while moving
the amount available -> requested in the ledger. The partner confirms the amount they were
shown: if it changed meanwhile (a refund's clawback, a batch paid it, another device asked
first) the request is refused on `amount` and writes nothing. Requests and batch approvals take
the same lock (claims of the merchant's currency), so an entry is asked for or batched once.

Finance approves a request (the next payout batch pays it: see `batch_source`) or rejects it
with a reason the partner sees (requested -> available, the entries unsettled again). A batch
line paying withdrawals takes their amount from requested, charges their fee like tax, and its
outcome is theirs: paid, or failed / returned (back to available, the entries unsettled again).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime

from tortoise.transactions import in_transaction

from accounts.service import audit
from accounts.service.audit import Actor
from commissions.service import settlement
from core.time import now
from payouts import ledger
from payouts.errors import (
    WithdrawalNotFound,
    WithdrawalRefused,
    WithdrawalStateConflict,
    WithdrawalTermsInvalid,
)
from payouts.models import PayoutMode, Withdrawal, WithdrawalFee, WithdrawalStatus, WithdrawalTerms
from payouts.service import payees
from payouts.service.postings import post_many
from payouts.service.sql import Relation, advisory_lock, execute, rows
from payouts.service.terms import payable_assets
from referral.service.partners import get_partner

W = WithdrawalStatus
#: Longest reason kept.
MAX_REASON = 500
#: Basis points in a whole.
WHOLE_BP = 10_000


@dataclass(frozen=True, slots=True)
class WithdrawalRules:
    """A merchant's withdrawal settings (`payouts.models.WithdrawalTerms`)."""

    mode: PayoutMode = PayoutMode.scheduled
    minimum_minor: int = 0
    fee: WithdrawalFee = WithdrawalFee.none
    fee_flat_minor: int = 0
    fee_percent_bp: int = 0
    fee_cap_minor: int | None = None

    @property
    def on_request(self) -> bool:
        """Partners may ask for their money."""
        return self.mode != PayoutMode.scheduled

    @property
    def batches_pay_unrequested(self) -> bool:
        """Batches pay what nobody asked for (all but on-request-only merchants)."""
        return self.mode != PayoutMode.on_request

    def fee_on(self, amount: int) -> int:
        """The fee on a withdrawal of `amount` minor units: never more than the amount. A percent
        is rounded half up to the minor unit, then capped."""
        if amount <= 0 or self.fee == WithdrawalFee.none:
            return 0
        if self.fee == WithdrawalFee.flat:
            return min(self.fee_flat_minor, amount)
        fee = (amount * self.fee_percent_bp + WHOLE_BP // 2) // WHOLE_BP
        if self.fee_cap_minor is not None:
            fee = min(fee, self.fee_cap_minor)
        return min(fee, amount)


def _rules(row: WithdrawalTerms | None) -> WithdrawalRules:
    if row is None:
        return WithdrawalRules()
    return WithdrawalRules(
        mode=PayoutMode(row.mode), minimum_minor=row.minimum_minor, fee=WithdrawalFee(row.fee),
        fee_flat_minor=row.fee_flat_minor, fee_percent_bp=row.fee_percent_bp, fee_cap_minor=row.fee_cap_minor,
    )


async def get_rules(merchant_id: int) -> WithdrawalRules:
    return _rules(await WithdrawalTerms.get_or_none(merchant_id=merchant_id))


def check_rules(rules: WithdrawalRules) -> None:
    """`WithdrawalTermsInvalid` naming the first field out of range."""
    if rules.minimum_minor < 0:
        raise WithdrawalTermsInvalid("minimum", "must not be negative")
    if rules.fee == WithdrawalFee.flat and rules.fee_flat_minor <= 0:
        raise WithdrawalTermsInvalid("fee_flat", "a flat fee must be more than 0")
    if rules.fee == WithdrawalFee.percent and not 0 < rules.fee_percent_bp <= WHOLE_BP:
        raise WithdrawalTermsInvalid("fee_percent", "a percent fee must be more than 0 and at most 100")
    if rules.fee_cap_minor is not None and rules.fee_cap_minor < 0:
        raise WithdrawalTermsInvalid("fee_cap", "must not be negative")


async def set_rules(merchant_id: int, rules: WithdrawalRules, *, actor: Actor | None = None) -> WithdrawalRules:
    """Replace the merchant's withdrawal settings (audited as ``withdrawal_terms.update``)."""
    check_rules(rules)
    columns = {
        "mode": rules.mode.value, "minimum_minor": rules.minimum_minor, "fee": rules.fee.value,
        "fee_flat_minor": rules.fee_flat_minor if rules.fee == WithdrawalFee.flat else 0,
        "fee_percent_bp": rules.fee_percent_bp if rules.fee == WithdrawalFee.percent else 0,
        "fee_cap_minor": rules.fee_cap_minor if rules.fee == WithdrawalFee.percent else None,
    }
    async with in_transaction():
        await advisory_lock("withdrawal_terms", merchant_id)
        row = await WithdrawalTerms.get_or_none(merchant_id=merchant_id)
        before = _rules(row)
        if row is None:
            row = await WithdrawalTerms.create(merchant_id=merchant_id, **columns)
        else:
            await WithdrawalTerms.filter(merchant_id=merchant_id).update(**columns)
            row = await WithdrawalTerms.get(merchant_id=merchant_id)
        after = _rules(row)
        if after != before:
            await audit.record(merchant_id, actor, "withdrawal_terms.update", "merchant", merchant_id,
                               before=asdict(before), after=asdict(after))
    return after


# --- the partner's side ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quote:
    """What the partner is shown before confirming: everything they may withdraw, the fee, and
    what reaches them (before any tax withheld); `refusal` says why they may not, if so."""

    asset: str
    amount_minor: int
    fee_minor: int
    minimum_minor: int
    refusal: str | None  #: not_offered, inactive, no_payee, nothing, below_minimum; None: may withdraw

    @property
    def receive_minor(self) -> int:
        return self.amount_minor - self.fee_minor


async def quote(merchant_id: int, partner_id: int) -> Quote:
    partner = await get_partner(merchant_id, partner_id)
    rules = await get_rules(merchant_id)
    currency, _ = await payable_assets(merchant_id)
    amount = await settlement.unsettled_of_partner(merchant_id, currency, partner.id, now())
    refusal = None
    if not rules.on_request:
        refusal = "not_offered"
    elif not partner.is_active:
        refusal = "inactive"
    elif await payees.payee_of(merchant_id, partner.id) is None and not partner.payee_account:
        refusal = "no_payee"
    elif amount <= 0:
        refusal = "nothing"
    elif amount < rules.minimum_minor:
        refusal = "below_minimum"
    return Quote(currency, amount, rules.fee_on(amount), rules.minimum_minor, refusal)


#: Each refusal of a quote: the field and the API's words.
REFUSALS = {
    "not_offered": ("amount", "the merchant pays by scheduled batches only; withdrawals are not offered"),
    "inactive": ("amount", "only an active partner may withdraw"),
    "no_payee": ("payee", "enter your payee details first"),
    "nothing": ("amount", "nothing is available to withdraw"),
    "below_minimum": ("amount", "below the smallest withdrawal of {minimum} (minor units)"),
    "changed": ("amount", "the available amount is now {available} (minor units): confirm that amount"),
}


def _refused(code: str, **params: object) -> WithdrawalRefused:
    field, words = REFUSALS[code]
    return WithdrawalRefused(field, code, words.format(**params), **params)


@dataclass(frozen=True, slots=True)
class WithdrawalInfo:
    id: int
    partner_id: int
    asset: str
    amount_minor: int
    fee_minor: int
    status: WithdrawalStatus
    reason: str | None
    batch_id: int | None
    requested_at: datetime
    decided_at: datetime | None
    settled_at: datetime | None

    @property
    def receive_minor(self) -> int:
        return self.amount_minor - self.fee_minor


def _info(row: Withdrawal) -> WithdrawalInfo:
    return WithdrawalInfo(
        id=row.id, partner_id=row.partner_id, asset=row.asset, amount_minor=row.amount_minor, fee_minor=row.fee_minor,
        status=WithdrawalStatus(row.status), reason=row.reason, batch_id=row.batch_id, requested_at=row.requested_at,
        decided_at=row.decided_at, settled_at=row.settled_at,
    )


async def request_withdrawal(
    merchant_id: int, partner_id: int, amount_minor: int, idempotency_key: str
) -> tuple[WithdrawalInfo, bool]:
    """Ask for everything the partner may withdraw, confirmed as `amount_minor` (what they were
    shown); (the withdrawal, whether this call made it). The same `idempotency_key` again answers
    the first request (a double tap); a refusal (`WithdrawalRefused`) writes nothing."""
    currency, _ = await payable_assets(merchant_id)
    async with in_transaction():
        # The lock batch approval takes before claiming: a request and a batch never take the
        # same entries, and two requests of the partner (two devices) go one after the other.
        await advisory_lock("payout_claims", merchant_id, currency)
        existing = await Withdrawal.get_or_none(
            merchant_id=merchant_id, partner_id=partner_id, idempotency_key=idempotency_key
        )
        if existing is not None:
            return _info(existing), False
        shown = await quote(merchant_id, partner_id)
        if shown.refusal is not None:
            raise _refused(shown.refusal, minimum=shown.minimum_minor)
        if amount_minor != shown.amount_minor:
            raise _refused("changed", available=shown.amount_minor)
        at = now()
        row = await Withdrawal.create(
            merchant_id=merchant_id, partner_id=partner_id, asset=currency, amount_minor=shown.amount_minor,
            fee_minor=shown.fee_minor, status=W.requested.value, idempotency_key=idempotency_key, requested_at=at,
        )
        claimed, _ = await settlement.claim_for_withdrawal(merchant_id, currency, partner_id, at, row.id)
        if claimed != shown.amount_minor:  # cannot happen under the lock; never pay what was not set aside
            raise _refused("changed", available=claimed)
        await post_many(merchant_id, [ledger.withdrawal_requested(
            partner_id, currency, claimed, withdrawal_id=row.id, memo=f"withdrawal {row.id}")])
        made = _info(row)
        await audit.record(merchant_id, Actor.partner(partner_id), "withdrawal.request", "withdrawal", row.id,
                           after=made)
    return made, True


async def get_withdrawal(merchant_id: int, withdrawal_id: int, *, partner_id: int | None = None) -> WithdrawalInfo:
    """One withdrawal; with `partner_id`, only that partner's (another's is 404)."""
    scope = {"partner_id": partner_id} if partner_id is not None else {}
    row = await Withdrawal.get_or_none(merchant_id=merchant_id, id=withdrawal_id, **scope)
    if row is None:
        raise WithdrawalNotFound(withdrawal_id)
    return _info(row)


async def list_withdrawals(
    merchant_id: int, *, partner_id: int | None = None, status: WithdrawalStatus | None = None, limit: int = 50,
    before: int | None = None,
) -> list[WithdrawalInfo]:
    """Newest first, `limit` at a time (`before`: an id, for the next page)."""
    query = Withdrawal.filter(merchant_id=merchant_id)
    if partner_id is not None:
        query = query.filter(partner_id=partner_id)
    if status is not None:
        query = query.filter(status=status.value)
    if before is not None:
        query = query.filter(id__lt=before)
    return [_info(row) for row in await query.order_by("-id").limit(limit)]


# --- finance's decisions ----------------------------------------------------------------------------


async def _locked(merchant_id: int, withdrawal_id: int) -> Withdrawal:
    row = await Withdrawal.filter(merchant_id=merchant_id, id=withdrawal_id).select_for_update().first()
    if row is None:
        raise WithdrawalNotFound(withdrawal_id)
    return row


async def approve_withdrawal(merchant_id: int, withdrawal_id: int, *, actor: Actor | None = None) -> WithdrawalInfo:
    """Finance approves a request: the next payout batch pays it. Approving it again answers it."""
    async with in_transaction():
        row = await _locked(merchant_id, withdrawal_id)
        if row.status != W.requested.value:
            if row.status in (W.approved.value, W.in_batch.value, W.paid.value):
                return _info(row)
            raise WithdrawalStateConflict(withdrawal_id, row.status, "approve")
        before = _info(row)
        await Withdrawal.filter(merchant_id=merchant_id, id=row.id).update(status=W.approved.value, decided_at=now())
        after = _info(await Withdrawal.get(merchant_id=merchant_id, id=row.id))
        await audit.record(merchant_id, actor, "withdrawal.approve", "withdrawal", row.id, before=before, after=after)
    return after


async def reject_withdrawal(
    merchant_id: int, withdrawal_id: int, reason: str, *, actor: Actor | None = None
) -> WithdrawalInfo:
    """Finance rejects a request (or an approved one no batch holds yet) with a reason the partner
    sees: requested -> available, its entries unsettled again."""
    reason = (reason or "").strip()
    if not reason or len(reason) > MAX_REASON:
        raise WithdrawalTermsInvalid("reason", f"give a reason of 1 to {MAX_REASON} characters")
    currency, _ = await payable_assets(merchant_id)
    async with in_transaction():
        # A batch approving now would claim the entries of an approved withdrawal: the claims'
        # lock first, then the row (the order batch approval takes them in: no deadlock).
        await advisory_lock("payout_claims", merchant_id, currency)
        row = await _locked(merchant_id, withdrawal_id)
        if row.status == W.rejected.value:
            return _info(row)
        if row.status not in (W.requested.value, W.approved.value):
            raise WithdrawalStateConflict(withdrawal_id, row.status, "reject")
        before = _info(row)
        await settlement.release_withdrawals(merchant_id, [row.id])
        await post_many(merchant_id, [ledger.withdrawal_released(
            row.partner_id, row.asset, row.amount_minor, withdrawal_id=row.id, memo=f"withdrawal {row.id} rejected")])
        await Withdrawal.filter(merchant_id=merchant_id, id=row.id).update(
            status=W.rejected.value, reason=reason, decided_at=now())
        after = _info(await Withdrawal.get(merchant_id=merchant_id, id=row.id))
        await audit.record(merchant_id, actor, "withdrawal.reject", "withdrawal", row.id, before=before, after=after)
    return after


# --- what payout batches need ----------------------------------------------------------------------


def approved_ids(merchant_id: int) -> Relation:
    """Column ``id``: the merchant's approved withdrawals, waiting for a batch."""
    return "SELECT id FROM withdrawal WHERE merchant_id = ? AND status = ?", [merchant_id, W.approved.value]


async def batch_source(merchant_id: int, asset: str, cutoff: datetime) -> dict[str, object]:
    """What a batch of `asset` takes (the keyword arguments of `settlement.claim` and
    `settlement.unsettled_by_partner`): approved withdrawals always (cash), and what nobody asked
    for unless the merchant pays on request only."""
    currency, _ = await payable_assets(merchant_id)
    if asset != currency:
        return {"unrequested": True, "withdrawals": None}
    rules = await get_rules(merchant_id)
    return {"unrequested": rules.batches_pay_unrequested, "withdrawals": approved_ids(merchant_id)}


async def attach_to_batch(merchant_id: int, batch_id: int) -> None:
    """After a batch's approval: the approved withdrawals whose entries it holds are in it."""
    claimed_sql, claimed_params = settlement.withdrawals_claimed(merchant_id, batch_id)
    await execute(
        f"UPDATE withdrawal SET status = ?, batch_id = ? WHERE merchant_id = ? AND status = ? AND id IN ({claimed_sql})",
        [W.in_batch.value, batch_id, merchant_id, W.approved.value, *claimed_params],
    )


async def waiting_for_lines(
    merchant_id: int, asset: str, partner_ids: Sequence[int]
) -> Mapping[int, tuple[int, int]]:
    """partner id -> (amount, fee) of their approved withdrawals of `asset` a batch would pay now:
    what a draft previews (approval then pays those it claimed, `in_lines`)."""
    if not partner_ids:
        return {}
    found = await rows(
        "SELECT partner_id, SUM(amount_minor) AS amount, SUM(fee_minor) AS fee FROM withdrawal"
        f" WHERE merchant_id = ? AND asset = ? AND status = ? AND partner_id IN ({', '.join('?' * len(partner_ids))})"
        " GROUP BY partner_id",
        [merchant_id, asset, W.approved.value, *partner_ids],
    )
    return {row["partner_id"]: (int(row["amount"]), int(row["fee"])) for row in found}


async def any_waiting(merchant_id: int, asset: str) -> bool:
    """Whether an approved withdrawal of `asset` waits for a batch (a draft then previews its fee)."""
    return await Withdrawal.filter(merchant_id=merchant_id, asset=asset, status=W.approved.value).exists()


async def in_lines(merchant_id: int, batch_id: int, partner_ids: Sequence[int]) -> Mapping[int, tuple[int, int]]:
    """partner id -> (amount, fee) of the withdrawals batch `batch_id` pays them."""
    if not partner_ids:
        return {}
    found = await rows(
        "SELECT partner_id, SUM(amount_minor) AS amount, SUM(fee_minor) AS fee FROM withdrawal"
        f" WHERE merchant_id = ? AND batch_id = ? AND status = ? AND partner_id IN ({', '.join('?' * len(partner_ids))})"
        " GROUP BY partner_id",
        [merchant_id, batch_id, W.in_batch.value, *partner_ids],
    )
    return {row["partner_id"]: (int(row["amount"]), int(row["fee"])) for row in found}


async def settle(
    merchant_id: int, batch_id: int, partner_ids: Sequence[int], outcome: str, reasons: Mapping[int, str] | None = None
) -> None:
    """The bank's outcome of lines (by partner) is their withdrawals': paid, or failed / returned
    (their entries unsettled again: the line's ledger entry gave the money back to available)."""
    if not partner_ids:
        return
    status_from = W.paid.value if outcome == W.returned.value else W.in_batch.value
    marks = ", ".join("?" * len(partner_ids))
    found = await rows(
        f"SELECT id, partner_id FROM withdrawal WHERE merchant_id = ? AND batch_id = ? AND status = ?"
        f" AND partner_id IN ({marks})",
        [merchant_id, batch_id, status_from, *partner_ids],
    )
    if not found:
        return
    at = now()
    for row in found:
        reason = (reasons or {}).get(row["partner_id"])
        await Withdrawal.filter(merchant_id=merchant_id, id=row["id"]).update(
            status=outcome, settled_at=at, **({"reason": reason} if reason else {}))
    if outcome != W.paid.value:
        await settlement.release_withdrawals(merchant_id, [row["id"] for row in found])
