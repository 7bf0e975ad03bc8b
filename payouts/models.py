"""Tables of the payouts domain: the double-entry ledger, the merchant's payout terms, payout batches.

The ledger is append-only: its rows are written by payouts/service/postings.py (multi-row
INSERTs) and never updated or deleted; a mistake is corrected by a new entry. The database
enforces it too (triggers; on PostgreSQL also that each transaction sums to zero per asset, at
COMMIT: migrations/*/models/11_*_ledger_append_only.py). The chart of
accounts and a worked example of every transaction kind are in payouts/ledger.py.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.manager import Manager
from tortoise.models import Model
from tortoise.queryset import QuerySet

from payouts.errors import LedgerAppendOnly


class AppendOnlyQuerySet(QuerySet):
    """Refuses set-wise edits, so an ORM call cannot rewrite history behind the ledger's back."""

    def update(self, **kwargs: Any):
        raise LedgerAppendOnly(f"{self.model._meta.db_table} rows are never updated")

    def delete(self):
        raise LedgerAppendOnly(f"{self.model._meta.db_table} rows are never deleted")

    def bulk_update(self, *args: Any, **kwargs: Any):
        raise LedgerAppendOnly(f"{self.model._meta.db_table} rows are never updated")


class AppendOnlyManager(Manager):
    def get_queryset(self) -> QuerySet:
        return AppendOnlyQuerySet(self._model)


class AppendOnly(Model):
    """A model whose rows, once written, are never changed."""

    async def save(self, using_db: Any = None, update_fields: Any = None, force_create: bool = False,
                   force_update: bool = False) -> None:
        if self._saved_in_db or update_fields or force_update:
            raise LedgerAppendOnly(f"{self._meta.db_table} {self.pk} is never updated: post a correcting entry")
        await super().save(using_db=using_db, force_create=force_create)

    async def delete(self, *args: Any, **kwargs: Any) -> None:
        raise LedgerAppendOnly(f"{self._meta.db_table} {self.pk} is never deleted: post a correcting entry")

    class Meta:
        abstract = True


class LedgerTransaction(AppendOnly):
    """One balanced entry: why money or points moved (`kind`), in one asset, caused by `reference`.

    A replay with the same `idempotency_key` is answered with this row and writes nothing;
    `content_hash` tells a replay from a different entry reusing the key.
    """

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    kind = fields.CharField(max_length=24, description="payouts.ledger.TransactionKind")
    asset = fields.CharField(max_length=3, description="ISO 4217 code, or PTS for points")
    reference = fields.CharField(max_length=100, description="commission id, batch line id...")
    idempotency_key = fields.CharField(max_length=200)
    content_hash = fields.CharField(max_length=64)
    memo = fields.CharField(max_length=500, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "ledger_transaction"
        unique_together = (("merchant_id", "idempotency_key"),)
        indexes = (("merchant_id", "reference"),)
        manager = AppendOnlyManager()


class LedgerPosting(AppendOnly):
    """One leg of an entry: a signed amount on one account; an entry's legs sum to zero.

    The account is (`account`, `partner_id`): for partner accounts the partner owns it, for
    merchant accounts `partner_id` is the counterparty, so per-partner totals are one GROUP BY.
    `asset` repeats the entry's asset so balances need no join.
    """

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    transaction: fields.ForeignKeyRelation[LedgerTransaction] = fields.ForeignKeyField(
        "models.LedgerTransaction", related_name="postings", on_delete=fields.RESTRICT
    )
    account = fields.CharField(max_length=24, description="payouts.ledger.AccountKind")
    partner_id = fields.BigIntField(null=True, description="owner, or counterparty of a merchant account")
    asset = fields.CharField(max_length=3)
    amount_minor = fields.BigIntField(description="signed: positive adds to the account")

    class Meta:
        table = "ledger_posting"
        indexes = (
            # a partner's balances and statement read this index alone (amounts included)
            ("merchant_id", "partner_id", "asset", "account", "transaction_id", "amount_minor"),
            ("merchant_id", "asset", "account", "partner_id"),
            ("transaction_id",),
        )
        manager = AppendOnlyManager()


class LedgerCheckpoint(Model):
    """The settled part of a merchant's ledger, summed once (payouts/service/finance_views.py):
    every transaction with ``id <= through_transaction_id`` is in the sums (`LedgerCheckpointSum`)
    and was audited. The ledger is append-only, so the sums stay true; the reconciliation adds
    only the transactions after this id. Moved forward only, never back."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField(unique=True)
    through_transaction_id = fields.BigIntField(description="the last transaction summed")
    unbalanced = fields.JSONField(description="ids of the summed transactions that broke the ledger's rules")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "ledger_checkpoint"


class LedgerCheckpointSum(Model):
    """One account's balance (all partners summed) in one asset over the checkpoint's transactions."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    asset = fields.CharField(max_length=3)
    account = fields.CharField(max_length=24, description="payouts.ledger.AccountKind")
    amount_minor = fields.BigIntField(description="SUM of the postings' amounts")

    class Meta:
        table = "ledger_checkpoint_sum"
        unique_together = (("merchant_id", "asset", "account"),)


class PayeeSignal(StrEnum):
    """What a payout does when the partner's payee details changed within `payee_change_days`."""

    off = "off"  #: nothing
    flag = "flag"  #: paid, and the line shows when the details changed
    hold = "hold"  #: held: the line waits for a later batch, once the details are old enough


class PayoutTerms(Model):
    """A merchant's payout settings; no row means the defaults (no withholding)."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField(unique=True)
    withholding = fields.CharField(
        max_length=40, default="none", description="name of a rule in payouts.withholding.RULES"
    )
    payee_change_signal = fields.CharField(
        max_length=8, default=PayeeSignal.flag.value, description="payouts.models.PayeeSignal"
    )
    payee_change_days = fields.SmallIntField(default=7, description="a change this recent raises the signal")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "payout_terms"


# --- payout batches (payouts/service/batches.py) -------------------------------------------------


class PayoutBatchStatus(StrEnum):
    """Where a batch stands; each step is one transaction."""

    draft = "draft"  #: a preview: lines computed and shown, no commission claimed, no money moved
    approved = "approved"  #: commissions locked to the batch, payable lines reserved in the ledger
    exported = "exported"  #: the transfer file was handed out (cash); the bank's results are awaited
    closed = "closed"  #: no line is left open (points batches close at approval)
    discarded = "discarded"  #: a draft thrown away; it claimed nothing


class PayoutLineStatus(StrEnum):
    """What one partner's line means for money."""

    payable = "payable"  #: draft only: would be paid if the batch were approved now
    carried_forward = "carried_forward"  #: below the minimum or not positive: entries wait for a later batch
    held = "held"  #: the partner is suspended (or has no payee account): entries wait, nothing is paid
    open = "open"  #: approved cash line: reserved in the ledger (in_batch), the bank's answer is awaited
    paid = "paid"  #: the bank confirmed it (cash), or the points were credited to the wallet
    failed = "failed"  #: the bank refused it: back to available, its commissions go to a later batch
    returned = "returned"  #: paid, then the money came back: back to available, commissions batchable again


class PayoutBatch(Model):
    """Every available commission and unsettled reversal of one asset available before `cutoff` (the first instant of the next period),
    netted per partner into lines.

    `open_slot` is true unless the batch is discarded (then null), so the unique
    (merchant_id, asset, cutoff, open_slot) lets the database itself refuse a second live batch
    for the same cutoff: two finance users creating it at once get the same batch.
    """

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    asset = fields.CharField(max_length=3, description="ISO 4217 code, or PTS for points")
    cutoff = fields.DatetimeField(description="available_at < cutoff is in (UTC)")
    status = fields.CharField(max_length=16, default=PayoutBatchStatus.draft.value)
    open_slot = fields.BooleanField(null=True, default=True, description="true unless discarded, then null")
    minimum_minor = fields.BigIntField(description="minimum payout applied at the last computation")
    withholding = fields.CharField(max_length=40, default="none", description="withholding rule applied")
    created_by = fields.CharField(max_length=40, description="api key id, 'schedule' or 'cli'")
    approved_by = fields.CharField(max_length=40, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    approved_at = fields.DatetimeField(null=True)
    exported_at = fields.DatetimeField(null=True)
    closed_at = fields.DatetimeField(null=True)
    discarded_at = fields.DatetimeField(null=True)

    class Meta:
        table = "payout_batch"
        unique_together = (("merchant_id", "asset", "cutoff", "open_slot"),)
        indexes = (("merchant_id", "status"),)


class PayoutBatchLine(Model):
    """One partner's net in a batch: what is paid (or why it is carried forward or held).

    `gross_minor` is the sum of the partner's entries (commissions minus reversals),
    `withheld_minor` the tax withheld on it, `net_minor` what the bank is asked to send. The
    bank reference is ``B{batch_id}-{id}`` (see `line_reference`). Payee name and account are
    copied at approval, so the transfer file is what was approved.
    """

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    batch: fields.ForeignKeyRelation[PayoutBatch] = fields.ForeignKeyField(
        "models.PayoutBatch", related_name="lines", on_delete=fields.RESTRICT
    )
    partner_id = fields.BigIntField()
    asset = fields.CharField(max_length=3)
    status = fields.CharField(max_length=16, description="payouts.models.PayoutLineStatus")
    reason = fields.CharField(max_length=500, null=True, description="why carried forward, held, failed, returned")
    gross_minor = fields.BigIntField(description="sum of the partner's entries in the batch")
    withheld_minor = fields.BigIntField(default=0, description="tax withheld on the line")
    fee_minor = fields.BigIntField(default=0, description="withdrawal fees charged on the line")
    net_minor = fields.BigIntField(description="gross - withheld: what the bank sends")
    commission_count = fields.IntField(description="commissions and reversals netted in the line")
    payee_name = fields.CharField(max_length=200, null=True)
    payee_account = fields.CharField(max_length=200, null=True)
    payee_method = fields.CharField(max_length=8, null=True, description="payouts.payee.PayeeMethod; null: not given")
    payee_bank = fields.CharField(max_length=100, null=True, description="the bank, for a bank account")
    payee_changed_at = fields.DatetimeField(null=True, description="when the partner last changed their payee details")
    settled_at = fields.DatetimeField(null=True, description="when it became paid, failed or returned")

    class Meta:
        table = "payout_batch_line"
        unique_together = (("batch_id", "partner_id"),)
        # pages of a batch's lines walk this in id order, filtering on status
        indexes = (("merchant_id", "batch_id", "id"),)


def line_reference(batch_id: int, line_id: int) -> str:
    """The bank reference of a line, also the ledger reference of its entries: ``B12-3456``."""
    return f"B{batch_id}-{line_id}"


class PayoutMode(StrEnum):
    """How a merchant pays cash: `WithdrawalTerms.mode`."""

    scheduled = "scheduled"  #: payout batches pay every available commission; partners cannot ask
    on_request = "on_request"  #: batches pay only withdrawals the partners asked for and finance approved
    both = "both"  #: batches pay everything available; partners may also ask for it sooner


class WithdrawalFee(StrEnum):
    """The fee a merchant charges on a withdrawal."""

    none = "none"
    flat = "flat"  #: `fee_flat_minor` per withdrawal
    percent = "percent"  #: `fee_percent_bp` basis points of the amount, at most `fee_cap_minor` (if set)


class WithdrawalTerms(Model):
    """A merchant's withdrawal settings; no row: payout batches only (the default)."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField(unique=True)
    mode = fields.CharField(max_length=12, default=PayoutMode.scheduled.value, description="PayoutMode")
    minimum_minor = fields.BigIntField(default=0, description="smallest withdrawal, minor units")
    fee = fields.CharField(max_length=8, default=WithdrawalFee.none.value, description="WithdrawalFee")
    fee_flat_minor = fields.BigIntField(default=0)
    fee_percent_bp = fields.IntField(default=0, description="basis points: 150 = 1.5%")
    fee_cap_minor = fields.BigIntField(null=True, description="most a percent fee takes; null: no cap")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "withdrawal_terms"


class WithdrawalStatus(StrEnum):
    """Where a partner's withdrawal (提现) stands; see payouts/service/withdrawals.py."""

    requested = "requested"  #: asked for: available -> requested in the ledger, its commissions set aside
    approved = "approved"  #: finance approved it: the next payout batch pays it
    rejected = "rejected"  #: finance refused it (`reason`): back to available
    in_batch = "in_batch"  #: a batch line pays it; the bank's answer is awaited
    paid = "paid"  #: the bank confirmed the line
    failed = "failed"  #: the bank refused the line: back to available
    returned = "returned"  #: paid, then the money came back: back to available


class Withdrawal(Model):
    """A partner asking for their available cash: `amount_minor` is what the commissions it set
    aside sum to; the partner receives it less `fee_minor` (and any tax withheld)."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    partner_id = fields.BigIntField()
    asset = fields.CharField(max_length=3)
    amount_minor = fields.BigIntField()
    fee_minor = fields.BigIntField(default=0)
    status = fields.CharField(max_length=10, description="WithdrawalStatus")
    reason = fields.CharField(max_length=500, null=True, description="why it was rejected, failed or returned")
    idempotency_key = fields.CharField(max_length=200, description="the partner's: a replay answers the first")
    batch_id = fields.BigIntField(null=True, description="the payout batch paying it")
    requested_at = fields.DatetimeField()
    decided_at = fields.DatetimeField(null=True)
    settled_at = fields.DatetimeField(null=True)

    class Meta:
        table = "withdrawal"
        unique_together = (("merchant_id", "partner_id", "idempotency_key"),)
        indexes = (("merchant_id", "status", "id"), ("merchant_id", "partner_id", "id"), ("merchant_id", "batch_id"))


class Payee(Model):
    """Where a partner's cash goes, as the partner gave it (payouts/payee.py checks it): a bank
    account or an Alipay account, and, when the merchant withholds tax, the legal name and
    resident ID number it is filed under. One row per partner, replaced by each change; the
    audit log keeps the changes (masked). Batches copy it onto their lines at approval; a
    partner without a row is paid to the payee the merchant set on the partner, if any.
    """

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    partner_id = fields.BigIntField()
    method = fields.CharField(max_length=8, description="payouts.payee.PayeeMethod")
    account_name = fields.CharField(max_length=100, description="the account holder's name")
    account_number = fields.CharField(max_length=100, description="bank digits, or the Alipay mobile number or email")
    bank_name = fields.CharField(max_length=100, null=True, description="a bank account's bank")
    legal_name = fields.CharField(max_length=100, null=True, description="for tax withholding")
    resident_id = fields.CharField(max_length=18, null=True, description="GB 11643 number, for tax withholding")
    changed_at = fields.DatetimeField(description="the last change: payouts may be held for a while after it")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "payee"
        unique_together = (("merchant_id", "partner_id"),)


class PayoutMinimum(Model):
    """A merchant's minimum payout in one asset (minor units, or points); no row means the default
    (50.00 in the currency's major units for cash, 1 point for points)."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    asset = fields.CharField(max_length=3)
    minimum_minor = fields.BigIntField()
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "payout_minimum"
        unique_together = (("merchant_id", "asset"),)


class PayoutFrequency(StrEnum):
    weekly = "weekly"  #: periods end at local midnight starting `day` (0 = Monday ... 6 = Sunday)
    monthly = "monthly"  #: periods end at local midnight starting day `day` (1-28) of each month


class PayoutSchedule(Model):
    """When `relay payouts tick` drafts a batch of one asset: at the end of every period, in the
    merchant's time zone. Periods that ended before the schedule existed are never drafted."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    asset = fields.CharField(max_length=3)
    frequency = fields.CharField(max_length=8, description="payouts.models.PayoutFrequency")
    day = fields.SmallIntField(description="weekday 0-6 (weekly) or day of month 1-28 (monthly)")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "payout_schedule"
        unique_together = (("merchant_id", "asset"),)
        indexes = (("frequency",),)


# --- points wallet (payouts/wallet/service/redemptions.py, payouts/wallet/service/expiry.py) -----------------------


class PointsRedemption(AppendOnly):
    """Points a partner spent at the merchant's checkout on one order: the wallet went down by
    `points` (ledger ``points_redemption``, reference ``PR{id}``). Never changed: a refund of the
    order gives points back as `PointsRestore` rows, each a new ledger entry.

    `idempotency_key` is the shop's: the same key and content answer this row again; the same
    key with other content is refused. `balance_after` is the wallet right after, so a replay
    answers what the first call answered.
    """

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    partner_id = fields.BigIntField()
    points = fields.BigIntField(description="positive: points taken from the wallet")
    order_ref = fields.CharField(max_length=100, description="the shop's order the points paid for")
    idempotency_key = fields.CharField(max_length=200)
    balance_after = fields.BigIntField(description="wallet balance right after the redemption")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "points_redemption"
        unique_together = (("merchant_id", "idempotency_key"),)
        indexes = (("merchant_id", "partner_id", "id"), ("merchant_id", "order_ref"))
        manager = AppendOnlyManager()


class PointsRestore(AppendOnly):
    """Points of a redemption put back in the wallet because the shop refunded (part of) the
    order (ledger entry ``points_restore:{id}``, reference ``PR{redemption_id}``). The restores of
    a redemption never sum to more than its points."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    redemption: fields.ForeignKeyRelation[PointsRedemption] = fields.ForeignKeyField(
        "models.PointsRedemption", related_name="restores", on_delete=fields.RESTRICT
    )
    partner_id = fields.BigIntField()
    points = fields.BigIntField(description="positive: points put back in the wallet")
    idempotency_key = fields.CharField(max_length=200, description="the shop's, unique per redemption")
    balance_after = fields.BigIntField(description="wallet balance right after the restore")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "points_restore"
        unique_together = (("redemption_id", "idempotency_key"),)
        indexes = (("merchant_id", "redemption_id"),)
        manager = AppendOnlyManager()


class PointsSettings(Model):
    """A merchant's points wallet settings; no row (or no `expiry_months`) means points never expire.

    With `expiry_months` = N, `relay payouts expire-points` lapses what is left of each wallet
    credit N calendar months after it was credited, oldest credit first (first in, first out).
    """

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField(unique=True)
    expiry_months = fields.SmallIntField(null=True, description="null: points never expire")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "points_settings"


# --- outbound events to the merchant (payouts/service/outbox.py) --------------------------------


class OutboxStatus(StrEnum):
    """Where an event bound for the merchant's webhook URL stands."""

    pending = "pending"  #: waiting for its next attempt at `next_attempt_at` (or being delivered now)
    delivered = "delivered"  #: the merchant's endpoint answered 2xx
    dead = "dead"  #: every attempt failed; kept for inspection, never retried


class OutboxEvent(Model):
    """One signed event for the merchant (commission created or reversed, payout line paid or
    failed), written in the same transaction as the change it reports, so an event exists if
    and only if its change was committed. Delivered at least once: the merchant deduplicates
    by `event_id`, the ``webhook-id`` header.
    """

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    event_id = fields.CharField(max_length=40, unique=True, description="msg_...: the webhook-id header")
    type = fields.CharField(max_length=40, description="commission.created, payout.line_paid...")
    payload = fields.JSONField(description="the body sent: {type, timestamp, data}")
    created_at = fields.DatetimeField()
    attempts = fields.IntField(default=0, description="deliveries started so far")
    next_attempt_at = fields.DatetimeField(description="pending: due from then (a claim pushes it on)")
    delivered_at = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=500, null=True, description="the last failed attempt's answer")
    status = fields.CharField(max_length=16, default=OutboxStatus.pending.value, description="OutboxStatus")

    class Meta:
        table = "outbox_event"
        # the deliverer scans due pending events; a merchant's events are listed in id order
        indexes = (("status", "next_attempt_at"), ("merchant_id", "id"))
