"""Settings, read from the environment once (every name starts with RELAY_)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property

from core.outbound import UrlRules
from core.ratelimit import limits_from_env
from core.sealed import Sealer
from core.senders.config import EmailConfig, SmsConfig, email_config_from_env, sms_config_from_env

#: Model modules of the single Tortoise app, in dependency order.
MODEL_MODULES = ("accounts.models", "referral.models", "commissions.models", "payouts.models", "notifications.models")


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


@dataclass(frozen=True)
class Settings:
    #: Tortoise URL: sqlite://FILE (default) or postgres://USER@HOST:PORT/DB
    database_url: str = field(default_factory=lambda: os.environ.get("RELAY_DATABASE_URL", "sqlite://relay.sqlite3"))
    #: Where people reach this server; share links and QR codes point here.
    public_url: str = field(default_factory=lambda: os.environ.get("RELAY_PUBLIC_URL", "http://127.0.0.1:8000"))
    host: str = field(default_factory=lambda: os.environ.get("RELAY_HOST", "127.0.0.1"))
    port: int = field(default_factory=lambda: _int("RELAY_PORT", 8000))
    #: Secret for hashing IP addresses and signing cookies; set it in production.
    secret_key: str = field(default_factory=lambda: os.environ.get("RELAY_SECRET_KEY", "dev-secret-change-me"))
    #: Server secrets replaced by a rotation, comma-separated: they still open the webhook
    #: secrets they sealed until `relay secrets reseal` has sealed them again (core/sealed.py).
    previous_secret_keys: tuple[str, ...] = field(default_factory=lambda: tuple(
        key.strip() for key in os.environ.get("RELAY_PREVIOUS_SECRET_KEYS", "").split(",") if key.strip()
    ))
    #: Clicks are written in batches: at most this many wait in memory...
    click_batch_size: int = field(default_factory=lambda: _int("RELAY_CLICK_BATCH_SIZE", 200))
    #: ...and for at most this long (ms) while the database answers.
    click_flush_ms: int = field(default_factory=lambda: _int("RELAY_CLICK_FLUSH_MS", 50))
    #: Most clicks a process holds not yet written (keep it above the batch size): all a SIGKILL can lose. Past
    #: it (the database slow or down for a while) new clicks are dropped and logged, not queued.
    click_max_pending: int = field(default_factory=lambda: _int("RELAY_CLICK_MAX_PENDING", 10_000))
    #: New orders' writes gathered per merchant into one statement (PostgreSQL): the longest a
    #: request's writes wait while another statement of its merchant is in flight (ms)...
    order_group_wait_ms: float = field(default_factory=lambda: float(os.environ.get("RELAY_ORDER_GROUP_WAIT_MS", "2")))
    #: ...and the most orders one statement writes.
    order_group_max: int = field(default_factory=lambda: _int("RELAY_ORDER_GROUP_MAX", 32))
    #: Set to 0 to let the caller initialise Tortoise (tests do).
    manage_database: bool = field(default_factory=lambda: os.environ.get("RELAY_MANAGE_DATABASE", "1") == "1")
    #: 1: this server also delivers the outbox's events to merchants (a background task); by
    #: default off: run `relay outbox deliver` instead (both are safe side by side).
    outbox_worker: bool = field(default_factory=lambda: os.environ.get("RELAY_OUTBOX_WORKER", "0") == "1")
    #: Hours the webhook secret a rotation replaces still verifies the shop's events.
    webhook_secret_grace_hours: float = field(
        default_factory=lambda: float(os.environ.get("RELAY_WEBHOOK_SECRET_GRACE_HOURS", "24"))
    )
    #: Development only: webhook URLs may be http and point at loopback and private addresses (a
    #: receiver on this machine or network); by default only https to public addresses.
    webhook_allow_insecure: bool = field(
        default_factory=lambda: os.environ.get("RELAY_WEBHOOK_ALLOW_INSECURE", "0") == "1"
    )
    #: Redis shared by every process for the rate limits (redis://HOST:6379/0); None: process memory.
    redis_url: str | None = field(default_factory=lambda: os.environ.get("RELAY_REDIS_URL") or None)
    #: Rate limits by name (core.ratelimit.DEFAULTS), each from RELAY_RATE_LIMIT_<NAME> ("off" disables).
    rate_limits: dict[str, str] = field(default_factory=limits_from_env)
    #: Seconds between writes of the counted 429s (and at shutdown): a SIGKILL loses at most this much.
    rate_limit_flush_seconds: float = field(default_factory=lambda: float(os.environ.get("RELAY_RATE_LIMIT_FLUSH_SECONDS", "5")))

    @property
    def webhook_url_rules(self) -> UrlRules:
        """Where merchants' webhook URLs may point (checked when saved and at every delivery)."""
        return UrlRules(allow_insecure=self.webhook_allow_insecure)

    @cached_property
    def sealer(self) -> Sealer:
        """Seals and opens the merchants' webhook secrets (keys derived from the server's secret)."""
        return Sealer(self.secret_key, self.previous_secret_keys)

    #: How email leaves: RELAY_EMAIL_DRIVER (log, smtp), RELAY_SMTP_* (core.senders.config).
    email: EmailConfig = field(default_factory=email_config_from_env)
    #: How SMS leaves: RELAY_SMS_DRIVER (log, http), RELAY_SMS_* (core.senders.config).
    sms: SmsConfig = field(default_factory=sms_config_from_env)
