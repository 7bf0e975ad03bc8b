"""Tables of the referral domain. Every row carries `merchant_id` (the tenancy and sharding key)."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class PartnerStatus(StrEnum):
    pending = "pending"  #: signed up, waiting for the merchant's approval; earns nothing yet
    active = "active"  #: shares links and earns commissions
    suspended = "suspended"  #: links stop working; earned money is held, not paid; cannot sign in
    rejected = "rejected"  #: the merchant declined their application; earns nothing; may sign in to read why


class RewardKind(StrEnum):
    cash = "cash"  #: paid in the merchant's currency
    points = "points"  #: credited as points the partner spends with the merchant


class Scene(StrEnum):
    """Where a share link is meant to be used; reports and rules group by it."""

    personal = "personal"
    product = "product"
    campaign = "campaign"
    order = "order"
    service = "service"


class Channel(StrEnum):
    online = "online"
    store = "store"


class OrderStatus(StrEnum):
    created = "created"  #: placed; commissions are pending
    completed = "completed"  #: delivered; the after-sales hold starts now
    canceled = "canceled"  #: canceled before completion; commissions are void


class Partner(Model):
    """Someone who shares the merchant's links and is rewarded for the sales they bring."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    code = fields.CharField(max_length=16, description="entered at a till or checkout")
    display_name = fields.CharField(max_length=200)
    kind = fields.CharField(max_length=40, default="customer")
    group = fields.CharField(max_length=40, null=True)
    status = fields.CharField(max_length=16, default=PartnerStatus.active.value)
    recruiter_id = fields.BigIntField(null=True, description="partner who recruited this one (level 2)")
    reward_preference = fields.CharField(max_length=8, default=RewardKind.cash.value)
    customer_ref = fields.CharField(
        max_length=200, null=True, description="the partner's own customer reference (self-referral)"
    )
    email = fields.CharField(max_length=254, null=True)  # lower-cased; one partner's within the merchant
    phone = fields.CharField(max_length=20, null=True, description="E.164; one partner's within the merchant")
    locale = fields.CharField(max_length=8, default="zh_Hans", description="the language messages to them are in")
    payee_name = fields.CharField(max_length=200, null=True)
    payee_account = fields.CharField(max_length=200, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "partner"
        # A partner signs in with their phone or email: each names one partner of the merchant.
        unique_together = (("merchant_id", "code"), ("merchant_id", "email"), ("merchant_id", "phone"))
        indexes = (("merchant_id", "recruiter_id"), ("merchant_id", "customer_ref"))


class ShareLink(Model):
    """A trackable short link of a partner, for one scene; `/r/{code}` redirects to `target_url`."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    partner_id = fields.BigIntField()
    code = fields.CharField(max_length=16, unique=True)
    target_url = fields.CharField(max_length=2000)
    scene = fields.CharField(max_length=16)
    sku = fields.CharField(max_length=100, null=True)
    campaign = fields.CharField(max_length=100, default="", description="'' when none")
    active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "share_link"
        indexes = (("merchant_id", "partner_id", "scene", "campaign"),)


class Click(Model):
    """One visit through a share link; bots are kept (flagged) but never attributed."""

    id = fields.CharField(max_length=22, primary_key=True, description="the relay_click id")
    merchant_id = fields.BigIntField()
    link_id = fields.BigIntField()
    partner_id = fields.BigIntField()
    scene = fields.CharField(max_length=16)
    visitor_id = fields.CharField(max_length=40)
    ip_hash = fields.CharField(max_length=64)
    user_agent = fields.CharField(max_length=512, default="")
    referrer = fields.CharField(max_length=1024, default="")
    is_bot = fields.BooleanField(default=False)
    occurred_at = fields.DatetimeField()

    class Meta:
        table = "click"
        indexes = (
            ("merchant_id", "visitor_id", "occurred_at"),
            ("merchant_id", "occurred_at"),
            # fraud signals: orders and bot clicks from one IP (referral/service/fraud.py)
            ("merchant_id", "ip_hash", "occurred_at"),
            # the partner portal's weekly clicks of one partner (referral/service/partner_views.py)
            ("merchant_id", "partner_id", "occurred_at"),
        )


class CustomerBinding(Model):
    """A customer stays with the partner of their first attributed order while this lasts."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    customer_ref = fields.CharField(max_length=200)
    partner_id = fields.BigIntField()
    bound_at = fields.DatetimeField()
    expires_at = fields.DatetimeField(null=True, description="null: forever")

    class Meta:
        table = "customer_binding"
        unique_together = (("merchant_id", "customer_ref"),)


class Order(Model):
    """An order reported by the merchant's shop, with the attribution decision and its reason."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    external_id = fields.CharField(max_length=200)
    customer_ref = fields.CharField(max_length=200, null=True)
    currency = fields.CharField(max_length=3)
    channel = fields.CharField(max_length=8)
    store_id = fields.CharField(max_length=100, null=True)
    occurred_at = fields.DatetimeField()
    subtotal_minor = fields.BigIntField(description="sum of line gross amounts")
    discount_minor = fields.BigIntField(description="order-level discount, split over lines")
    total_minor = fields.BigIntField(description="subtotal - discount")
    status = fields.CharField(max_length=16, default=OrderStatus.created.value)
    partner_id = fields.BigIntField(null=True, description="attributed partner, null when none")
    attribution = fields.CharField(max_length=32, description="rule that decided, or why none")
    click_id = fields.CharField(max_length=22, null=True)
    link_id = fields.BigIntField(null=True)
    scene = fields.CharField(max_length=16, null=True)
    is_first_order = fields.BooleanField(default=False, description="customer's first attributed order")
    content_hash = fields.CharField(max_length=64, description="tells a replay from a conflict")
    visitor_id = fields.CharField(max_length=64, null=True, description="the visitor id the shop sent")
    partner_code = fields.CharField(max_length=32, null=True, description="the code entered, as typed")
    completed_at = fields.DatetimeField(null=True)
    canceled_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "shop_order"
        unique_together = (("merchant_id", "external_id"),)
        indexes = (
            ("merchant_id", "occurred_at"),
            ("merchant_id", "partner_id", "occurred_at"),
            ("merchant_id", "customer_ref"),
            # fraud signals: the orders a click led to (referral/service/fraud.py)
            ("merchant_id", "click_id"),
        )


class OrderLine(Model):
    """One line of an order; `net_minor` is its gross less its share of the order discount."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    order_id = fields.BigIntField(db_index=True)
    line_no = fields.IntField()
    sku = fields.CharField(max_length=100)
    category = fields.CharField(max_length=100, default="")
    quantity = fields.BigIntField()
    unit_price_minor = fields.BigIntField()
    gross_minor = fields.BigIntField()
    discount_minor = fields.BigIntField()
    net_minor = fields.BigIntField()

    class Meta:
        table = "order_line"
        unique_together = (("order_id", "line_no"),)


class Refund(Model):
    """One refund event of an order (several allowed); its per-line parts are `RefundLine`s."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    order_id = fields.BigIntField(db_index=True)
    external_id = fields.CharField(max_length=200, description="the shop's refund id")
    amount_minor = fields.BigIntField()
    content_hash = fields.CharField(max_length=64, description="tells a replay from a conflict")
    occurred_at = fields.DatetimeField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "refund"
        unique_together = (("merchant_id", "order_id", "external_id"),)


class RefundLine(Model):
    """The part of a refund that falls on one order line: units returned and net amount refunded."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    refund_id = fields.BigIntField(db_index=True)
    order_line_id = fields.BigIntField(db_index=True)
    quantity = fields.BigIntField(description="units returned; 0 for an amount-only refund")
    amount_minor = fields.BigIntField(description="net amount refunded on this line")

    class Meta:
        table = "refund_line"


class ReportRunning(Model):
    """The console report's figures summed over every settled fact before the local midnight that
    starts `day` (the merchant's time zone), per partner and scene (referral/service/rollup.py):
    a range of days is the row of its end less the row of its start. partner_id 0 sums every
    partner. Facts: clicks by people, attributed orders of every status (canceled ones are taken
    off when read), refunds of those orders (on the order's day)."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    day = fields.IntField(description="local date, days since 1970-01-01: the totals before its midnight")
    partner_id = fields.BigIntField(description="0: every partner")
    scene = fields.CharField(max_length=16, description="'' for orders with no scene (a code, a binding)")
    clicks = fields.BigIntField()
    visitors = fields.BigIntField(description="a visitor counted once a day per partner and scene")
    orders = fields.BigIntField()
    revenue_minor = fields.BigIntField(description="order totals after discount, less refunds")

    class Meta:
        table = "report_running"
        unique_together = (("merchant_id", "day", "partner_id", "scene"),)


class ReportProgress(Model):
    """How far a merchant's `ReportRunning` rows go: every day from `first_day` to `through_day`
    holds the clicks before its midnight and the orders and refunds with ids up to these."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField(unique=True)
    timezone = fields.CharField(max_length=64, description="the zone of the days (a change starts again)")
    first_day = fields.IntField(description="days since 1970-01-01")
    through_day = fields.IntField(description="the last day written (first_day - 1: none yet)")
    through_order_id = fields.BigIntField()
    through_refund_id = fields.BigIntField()
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "report_progress"


class ReviewMode(StrEnum):
    """How a merchant's program takes applications."""

    manual = "manual"  #: each waits in the console's review queue
    auto = "auto"  #: approved as it arrives


class ContactRule(StrEnum):
    """Which addresses an application must give (partners sign in and are told things there)."""

    phone = "phone"
    email = "email"
    either = "either"  #: at least one of the two
    both = "both"


class PartnerProgram(Model):
    """How a merchant takes partners in (referral/service/applications.py): review or approve
    automatically, which addresses are required, the partner kinds offered (each with its label in
    both languages), the merchant's own questions, and the partner agreement (versioned: an
    applicant accepts one version). No row: the defaults (`applications.DEFAULT_PROGRAM`)."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField(unique=True)
    review = fields.CharField(max_length=8, default=ReviewMode.manual.value)
    contact_required = fields.CharField(max_length=8, default=ContactRule.phone.value)
    kinds = fields.JSONField(description="[{code, zh_Hans, en}]: the kinds an applicant chooses from")
    questions = fields.JSONField(description="[{id, zh_Hans, en, required}]: asked on the application")
    agreement_version = fields.IntField(default=0, description="0: no agreement; each change of its text adds 1")
    agreement = fields.JSONField(description="{zh_Hans, en}: the agreement's text of this version")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "partner_program"


class ApplicationStatus(StrEnum):
    pending = "pending"  #: waiting for the merchant's review
    needs_info = "needs_info"  #: the merchant asked the applicant something (`info_request`)
    approved = "approved"  #: the partner is active
    rejected = "rejected"  #: declined, with a reason the applicant sees


class PartnerApplication(Model):
    """A person's application to the merchant's program: the (pending) partner it made, their
    answers, the agreement version they accepted and when, and the merchant's decision."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    partner_id = fields.BigIntField(description="the partner the application made (pending until approved)")
    status = fields.CharField(max_length=16, default=ApplicationStatus.pending.value)
    answers = fields.JSONField(description="{question id: answer}")
    agreement_version = fields.IntField(description="the agreement version accepted (0: there was none)")
    agreement_accepted_at = fields.DatetimeField(null=True)
    info_request = fields.CharField(max_length=1000, null=True, description="what the merchant asked, if anything")
    applicant_note = fields.CharField(max_length=1000, null=True, description="the applicant's answer to it")
    reason = fields.CharField(max_length=1000, null=True, description="why it was rejected (the applicant sees it)")
    decided_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "partner_application"
        unique_together = (("merchant_id", "partner_id"),)
        indexes = (("merchant_id", "status", "id"),)
