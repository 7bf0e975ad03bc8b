"""Tables of the accounts domain: merchants and their settings, API keys, staff accounts and sign-in
links, the audit log, webhook receipts, rate-limit refusals. Every row but `merchant` carries
`merchant_id` (the tenancy and sharding key)."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class Role(StrEnum):
    """What an API key may do."""

    admin = "admin"  #: configure the program: partners, links, rules, settings
    finance = "finance"  #: payout batches and the ledger
    integration = "integration"  #: the merchant's shop: signed events, checkout incentives


class Merchant(Model):
    """A brand running a partner program; its id is the tenancy key of every other row."""

    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=200)
    currency = fields.CharField(max_length=3, description="ISO 4217 code of every cash amount")
    timezone = fields.CharField(max_length=64, default="Asia/Shanghai")
    allowed_domains = fields.JSONField(default=list, description="hosts share links may point to")
    webhook_secret = fields.CharField(
        max_length=255, description="Standard Webhooks secret (whsec_...), sealed by core.sealed: opened only to sign"
    )
    attribution_window_days = fields.IntField(default=30)
    attribution_model = fields.CharField(max_length=16, default="last_click")
    binding_days = fields.IntField(
        null=True, default=None, description="customer binding: null = off, 0 = forever, N = days"
    )
    allow_self_referral = fields.BooleanField(default=False)
    webhook_url = fields.CharField(
        max_length=2000, null=True, description="where Relay POSTs its signed events; null: none are kept"
    )
    fraud_signals = fields.JSONField(
        null=True, description="per fraud signal: off, flag or hold and its thresholds (referral.fraud); null: defaults"
    )
    previous_webhook_secret = fields.CharField(
        max_length=255, null=True,
        description="the secret before the last rotation, sealed like it; verifies until the time below",
    )
    previous_secret_valid_until = fields.DatetimeField(null=True, description="end of the rotation's grace period")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "merchant"


class ApiKey(Model):
    """A merchant's API key; only its SHA-256 is stored, the key itself is shown once."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField(db_index=True)
    role = fields.CharField(max_length=16)
    key_hash = fields.CharField(max_length=64, unique=True)
    prefix = fields.CharField(max_length=16, description="first characters, to recognise a key")
    label = fields.CharField(max_length=100, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_key"


class WebhookReceipt(Model):
    """A shop event already handled: a replay of `webhook_id` is answered with the stored result."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    webhook_id = fields.CharField(max_length=200)
    body_hash = fields.CharField(max_length=64)
    status_code = fields.IntField()
    response = fields.JSONField()
    received_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "webhook_receipt"
        unique_together = (("merchant_id", "webhook_id"),)


class StaffRole(StrEnum):
    """What a merchant's staff account may open in the browser."""

    admin = "admin"  #: the merchant console: partners, rules, reports
    finance = "finance"  #: the finance console: payout batches and the ledger


class StaffAccount(Model):
    """A person of the merchant who signs in to a console with an email and a password (argon2 hash)."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    email = fields.CharField(max_length=254, description="lower-cased; unique within the merchant")
    password_hash = fields.CharField(max_length=200, description="argon2id, with its parameters")
    role = fields.CharField(max_length=16)
    active = fields.BooleanField(default=True, description="false: cannot sign in; open sessions end")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "staff_account"
        unique_together = (("merchant_id", "email"),)


class SignInToken(Model):
    """A one-time sign-in link (for a partner or a staff account); only the token's SHA-256 is kept.

    Valid until `expires_at`, and once: `used_at` is set by a conditional UPDATE, so two
    concurrent uses cannot both succeed.
    """

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    token_hash = fields.CharField(max_length=64, unique=True)
    partner_id = fields.BigIntField(null=True)
    staff_account_id = fields.BigIntField(null=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True, description="null: not used yet")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "sign_in_token"
        indexes = (("merchant_id", "partner_id"),)


class AuditEntry(Model):
    """One change a person made (a rule set, a partner, a batch, a setting, a key...): who, when,
    what, and the subject's state before and after, written in the change's own transaction."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    occurred_at = fields.DatetimeField()
    actor_kind = fields.CharField(max_length=16, description="api_key, staff or system")
    actor_id = fields.CharField(max_length=64, description="the API key id, the staff account id...")
    actor_role = fields.CharField(max_length=16, default="")
    action = fields.CharField(max_length=64, description="what was done, e.g. partner.suspend")
    subject_type = fields.CharField(max_length=32, description="what it was done to, e.g. partner")
    subject_id = fields.CharField(max_length=64)
    before = fields.JSONField(null=True, description="the subject before; null when it was created")
    after = fields.JSONField(null=True, description="the subject after; null when it was removed")

    class Meta:
        table = "audit_entry"
        indexes = (("merchant_id", "occurred_at"), ("merchant_id", "subject_type", "subject_id"))


class RateLimitRefusals(Model):
    """Requests a rate limit refused (429), per merchant, UTC day and limit; written in batches
    by every process (an upsert adding its count). merchant_id 0: no merchant was known."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    day = fields.DateField()
    limit_name = fields.CharField(max_length=32)
    refused = fields.BigIntField(default=0)

    class Meta:
        table = "rate_limit_refusals"
        unique_together = (("merchant_id", "day", "limit_name"),)


class OneTimeCode(Model):
    """A 6-digit code sent to a phone or an email (accounts/service/codes.py): it proves the person
    holds that address. Only an HMAC of the code is kept (with the server's secret and `salt`).

    Valid until `expires_at` (10 minutes; a newer code for the same purpose and destination ends it
    at once), for at most 5 tries (`attempts`), and once (`used_at`).
    """

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    purpose = fields.CharField(max_length=16, description="sign_in or payee_change")
    destination = fields.CharField(max_length=254, description="an E.164 phone or a lower-cased email")
    partner_id = fields.BigIntField(null=True, description="whose address it is (null: nobody's)")
    salt = fields.CharField(max_length=32)
    code_hash = fields.CharField(max_length=64)
    attempts = fields.IntField(default=0, description="tries made, the right one included")
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True, description="null: not accepted yet")
    created_at = fields.DatetimeField()

    class Meta:
        table = "one_time_code"
        indexes = (("merchant_id", "purpose", "destination", "id"),)


class PartnerSession(Model):
    """A browser or app a partner signed in on (accounts/service/partner_sessions.py): it holds a
    random token of which only the SHA-256 is kept. Open while `ended_at` is null and before
    `expires_at`; ended by signing out, "sign out on all devices", or the partner's suspension."""

    id = fields.BigIntField(primary_key=True)
    merchant_id = fields.BigIntField()
    partner_id = fields.BigIntField()
    token_hash = fields.CharField(max_length=64, unique=True)
    device = fields.CharField(max_length=200, default="", description="the user agent it signed in with")
    via = fields.CharField(max_length=16, description="code (a one-time code) or link (the merchant's link)")
    created_at = fields.DatetimeField()
    last_seen_at = fields.DatetimeField(description="its last request, to within 5 minutes")
    expires_at = fields.DatetimeField()
    ended_at = fields.DatetimeField(null=True, description="null: open")

    class Meta:
        table = "partner_session"
        indexes = (("merchant_id", "partner_id", "ended_at"),)
