"""Tables of the commissions domain: terms, rule-set versions, commissions and their reversals."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class CommissionStatus(StrEnum):
    """Where a commission (or a reversal) stands; amounts never change, only the status moves."""

    pending = "pending"  #: order not yet completed, or still inside the after-sales hold; not payable
    available = "available"  #: past `available_at`: payable in the next batch
    canceled = "canceled"  #: the order was canceled before completion; never payable
    rejected = "rejected"  #: the merchant refused it (fraud) before it was paid; never payable


#: Statuses whose amounts count: what a partner has earned, net of reversals.
COUNTING = (CommissionStatus.pending.value, CommissionStatus.available.value)


class RuleSetStatus(StrEnum):
    draft = "draft"  #: being edited; can be simulated, computes nothing
    active = "active"  #: the one version that computes new commissions
    retired = "retired"  #: was active; commissions it computed keep pointing at it


class CommissionTerms(Model):
    """A merchant's commission settings: after-sales hold, rounding, points rate.

    A merchant without a row uses the defaults below; the row is written on the first change.
    """

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField(unique=True)
    hold_days = fields.IntField(default=7, description="after-sales window after completion")
    rounding = fields.CharField(max_length=16, default="half_up", description="half_up, half_even or down")
    points_per_unit = fields.CharField(
        max_length=20, default="1", description="points for one major unit (a decimal string)"
    )
    points_rounding = fields.CharField(max_length=8, default="down", description="down or nearest")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "commission_terms"


class RuleSetVersion(Model):
    """One version of a merchant's rule set; published versions are never edited.

    `content` is the rule set as validated (amounts in minor units of the merchant currency).
    `active_slot` is true on the active version and null on every other, so the unique
    (merchant_id, active_slot) lets the database itself refuse a second active version.
    """

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    version = fields.IntField()
    status = fields.CharField(max_length=16, default=RuleSetStatus.draft.value)
    active_slot = fields.BooleanField(null=True, description="true while active, else null")
    content = fields.JSONField()
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    published_at = fields.DatetimeField(null=True)
    retired_at = fields.DatetimeField(null=True)

    class Meta:
        table = "rule_set_version"
        unique_together = (("merchant_id", "version"), ("merchant_id", "active_slot"))


class Commission(Model):
    """What one partner earns (or gives back) on one order line, or once per order.

    A reversal is a row of its own with a negative amount, `reversal_of` and `refund_id` set:
    history is append-only, the sum of an original and its reversals is what the partner keeps.
    `asset` is the currency code for cash or ``PTS`` for points. Payment is the payouts domain's:
    a paid commission stays `available`, and `payout_batch_id` names the batch that claimed it.
    """

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    partner_id = fields.BigIntField()
    order_id = fields.BigIntField(description="referral order id")
    order_line_id = fields.BigIntField(null=True, description="null for a per-order reward")
    line_no = fields.IntField(null=True, description="the line's number in the order; null per order")
    level = fields.SmallIntField(description="1: the attributed partner, 2: their recruiter")
    kind = fields.CharField(max_length=8, description="cash or points")
    asset = fields.CharField(max_length=3, description="currency code for cash, PTS for points")
    amount = fields.BigIntField(description="minor units or points; negative for a reversal")
    base_minor = fields.BigIntField(description="net amount the reward was computed on (refunded, negative)")
    rule_set_version = fields.IntField()
    rule_id = fields.CharField(max_length=64)
    reversal_of = fields.BigIntField(null=True, description="the commission a reversal gives back")
    refund_id = fields.BigIntField(null=True, description="referral refund that caused a reversal")
    status = fields.CharField(max_length=16, default=CommissionStatus.pending.value)
    occurred_at = fields.DatetimeField(description="when the order (or the refund) happened")
    available_at = fields.DatetimeField(null=True, description="completion + hold; null until completed")
    explanation = fields.JSONField(description="how the amount was computed, for people")
    rejected_reason = fields.CharField(max_length=500, null=True)
    rejected_by_key_id = fields.BigIntField(null=True, description="API key that rejected it")
    rejected_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    payout_batch_id = fields.BigIntField(
        null=True, description="payout batch that claimed it (set at approval, cleared if the line fails)"
    )
    withdrawal_id = fields.BigIntField(
        null=True, description="the partner's withdrawal (payouts) that asked for it; cleared if it is rejected or "
        "its payout fails or returns",
    )
    review = fields.CharField(
        max_length=8, null=True,
        description="null: no review asked; held: a fraud signal holds it for the merchant (never released "
        "nor paid while held); approved: the merchant let it continue (see ReviewState)",
    )
    reviewed_at = fields.DatetimeField(null=True, description="when the merchant approved it")
    reviewed_by_key_id = fields.BigIntField(null=True, description="API key that approved it")

    class Meta:
        table = "commission"
        # One reversal per original per refund: a replayed refund cannot claw back twice.
        unique_together = (("merchant_id", "reversal_of", "refund_id"),)
        indexes = (
            ("merchant_id", "order_id"),
            # a partner's commissions by when they happened, with the columns the partner's and the
            # console's pages sum and page on (status, asset, amount, level, order, id): those pages
            # read this index alone, never the wide rows (explanations) scattered over the table
            ("merchant_id", "partner_id", "occurred_at", "status", "asset", "amount", "level", "order_id", "id"),
            ("merchant_id", "status", "available_at"),
            # the release job runs for every merchant at once
            ("status", "available_at"),
            # payouts: a batch's entries, per partner (commissions/service/settlement.py)
            ("merchant_id", "payout_batch_id", "partner_id"),
            # payouts: a withdrawal's entries (commissions/service/settlement.py)
            ("merchant_id", "withdrawal_id"),
            # commissions held for review (commissions/service/fraud.py)
            ("merchant_id", "review"),
        )


class ReviewState(StrEnum):
    """`Commission.review`: whether a fraud signal made the merchant look at a commission first."""

    held = "held"  #: waits for the merchant: stays pending (in the ledger too), never released nor paid
    approved = "approved"  #: the merchant let it go on: released when its hold has passed, as any other


class FraudSignal(Model):
    """A fraud signal an order raised (see `referral.fraud.Signal`), shown to the merchant.

    Recorded per order and attributed partner, and shown on each of the order's commissions;
    a self-referral attempt that was not attributed has no commission and is recorded all the
    same (its `partner_id` is the partner whose own customer reference placed the order).
    `action` is what the merchant's setting said when it was raised: flag or hold.
    """

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    order_id = fields.BigIntField(description="referral order id")
    partner_id = fields.BigIntField(null=True, description="the attributed (or self-referring) partner")
    signal = fields.CharField(max_length=32)
    action = fields.CharField(max_length=8, description="flag or hold, as set when raised")
    detail = fields.JSONField(description="the facts and threshold that raised it, for people")
    created_at = fields.DatetimeField()

    class Meta:
        table = "fraud_signal"
        unique_together = (("merchant_id", "order_id", "signal"),)
        indexes = (("merchant_id", "partner_id", "created_at"), ("merchant_id", "created_at"))


class CommissionRunning(Model):
    """Commissions summed over every settled row (originals and reversals, every status) that
    happened before the local midnight starting `day`, per partner, scene of the order and kind
    (commissions/service/rollup.py): a range of days is the row of its end less the row of its
    start; rows that do not count (canceled, rejected) are taken off when read. partner_id 0
    sums every partner."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    day = fields.IntField(description="local date, days since 1970-01-01: the totals before its midnight")
    partner_id = fields.BigIntField(description="0: every partner")
    scene = fields.CharField(max_length=16, description="the order's scene; '' when it has none")
    kind = fields.CharField(max_length=8, description="cash or points")
    amount = fields.BigIntField(description="minor units or points")

    class Meta:
        table = "commission_running"
        unique_together = (("merchant_id", "day", "partner_id", "scene", "kind"),)


class CommissionReportProgress(Model):
    """How far a merchant's `CommissionRunning` rows go: every day from `first_day` to
    `through_day` holds the commissions with ids up to `through_commission_id`."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField(unique=True)
    timezone = fields.CharField(max_length=64, description="the zone of the days (a change starts again)")
    first_day = fields.IntField(description="days since 1970-01-01")
    through_day = fields.IntField(description="the last day written (first_day - 1: none yet)")
    through_commission_id = fields.BigIntField()
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "commission_report_progress"
