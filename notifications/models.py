"""Tables of the notifications domain: the partners' inbox (each row is also the outbox of its
email or SMS), their channel per kind, and the channels each merchant enables."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from notifications.kinds import Delivery


class Notification(Model):
    """One thing that happened to a partner, in their inbox; written in the transaction of the
    change it reports (exactly one per `event_key`), and sent afterwards by email or SMS as the
    partner chose (`delivery`), retried with backoff like the webhook outbox."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    partner_id = fields.BigIntField()
    kind = fields.CharField(max_length=32, description="notifications.kinds.Kind")
    event_key = fields.CharField(max_length=120, description="what it reports, e.g. line:42:paid; one notice per partner")
    params = fields.JSONField(description="what the message says: amounts in minor units, counts, reasons")
    created_at = fields.DatetimeField()
    read_at = fields.DatetimeField(null=True, description="null: unread")
    delivery = fields.CharField(max_length=16, default=Delivery.pending.value, description="notifications.kinds.Delivery")
    channel = fields.CharField(max_length=8, null=True, description="email or sms, once sent")
    attempts = fields.IntField(default=0, description="sends started so far")
    next_attempt_at = fields.DatetimeField(description="pending: due from then (a claim pushes it on)")
    sent_at = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=500, null=True, description="the last failed send's reason")

    class Meta:
        table = "notification"
        unique_together = (("merchant_id", "partner_id", "event_key"),)
        # the inbox lists a partner's newest first; the deliverer scans due pending notices
        indexes = (("merchant_id", "partner_id", "id"), ("delivery", "next_attempt_at"))


class NotificationPreference(Model):
    """A partner's channel for one kind (notifications.kinds.Channel); no row: the default, email."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    partner_id = fields.BigIntField()
    kind = fields.CharField(max_length=32)
    channel = fields.CharField(max_length=8)
    updated_at = fields.DatetimeField()

    class Meta:
        table = "notification_preference"
        unique_together = (("merchant_id", "partner_id", "kind"),)


class NotificationChannels(Model):
    """The channels a merchant sends partners' notices by (the inbox always); no row: email only."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField(unique=True)
    email = fields.BooleanField(default=True)
    sms = fields.BooleanField(default=False, description="SMS costs the merchant per message")
    updated_at = fields.DatetimeField()

    class Meta:
        table = "notification_channels"
