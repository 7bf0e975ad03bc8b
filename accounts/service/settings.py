"""A merchant's own settings: time zone, allowed domains, attribution rules, the webhook secret
and the URL Relay's own events are sent to.

`shop_signing` answers the event endpoint from an in-process cache for `SIGNING_TTL_SECONDS`,
saving a round trip per event. Rotating the secret drops this process's entry at once;
other processes accept the old secret for at most the TTL. `has_webhook_url` is cached the same
way (the event hot path asks it before writing outbound events).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from time import monotonic
from typing import Any

from tortoise.transactions import in_transaction

from accounts.errors import MerchantNotFound
from accounts.models import Merchant
from accounts.program_settings import FraudRules
from accounts.service import audit
from accounts.service.audit import Actor
from accounts.service.merchants import new_webhook_secret
from core.errors import InvalidInput
from core.money import MAX_MINOR
from core.outbound import Resolver, UrlRules, save_problem, system_resolver
from core.sealed import SealedSecretUnreadable, Sealer
from core.time import now, zone

SIGNING_TTL_SECONDS = 10.0
#: How long the secret a rotation replaces still verifies, unless the caller says otherwise.
DEFAULT_SECRET_GRACE = timedelta(hours=24)

#: merchant id -> how many times this process changed the merchant's settings; caches built on
#: them elsewhere (the commissions' evaluation terms) compare it to drop stale entries at once.
_generation: dict[int, int] = {}


def settings_generation(merchant_id: int) -> int:
    """This process's change count of the merchant's settings (see `_generation`)."""
    return _generation.get(merchant_id, 0)


@dataclass(frozen=True, slots=True)
class MerchantSettings:
    id: int
    name: str
    currency: str
    timezone: str
    allowed_domains: list[str]
    attribution_window_days: int
    attribution_model: str
    #: None: customers are not bound; 0: bound forever; N: bound for N days after their first attributed order
    binding_days: int | None
    allow_self_referral: bool
    #: where Relay POSTs its signed events (commission.created...); None: no events are kept
    webhook_url: str | None
    #: per fraud signal: off, flag or hold, and its thresholds (`accounts.program_settings.FraudRules` as JSON)
    fraud_signals: dict[str, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class ShopSigning:
    """What the event endpoint needs before touching the database: the secrets (sealed, as
    stored: opened only to verify an event) and the currency."""

    merchant_id: int
    sealed_secret: str
    currency: str
    #: the secret before the last rotation (sealed), accepted until `previous_valid_until`
    sealed_previous: str | None = None
    previous_valid_until: datetime | None = None

    def secrets(self, at: datetime, sealer: Sealer) -> tuple[str, ...]:
        """The secrets (opened) an event signed at `at` may use: the current one, and the
        previous one during the rotation's grace period."""
        if self.sealed_previous and self.previous_valid_until is not None and at < self.previous_valid_until:
            return (sealer.open(self.sealed_secret), sealer.open(self.sealed_previous))
        return (sealer.open(self.sealed_secret),)


#: merchant id -> (entry, monotonic expiry)
_signing: dict[int, tuple[ShopSigning, float]] = {}

#: merchant id -> (has a webhook URL, monotonic expiry)
_has_url: dict[int, tuple[bool, float]] = {}

#: How long another process may screen orders with fraud-signal settings changed elsewhere (a
#: change made in this process, through `update_settings`, is seen at once).
RULES_TTL_SECONDS = 10.0
#: merchant id -> (rules, settings generation they were read at, monotonic expiry)
_rules: dict[int, tuple[FraudRules, int, float]] = {}

#: Fields `update_settings` may change.
EDITABLE = (
    "timezone", "allowed_domains", "attribution_window_days", "attribution_model", "binding_days",
    "allow_self_referral", "webhook_url", "fraud_signals",
)


def _settings(row: Merchant) -> MerchantSettings:
    return MerchantSettings(
        id=row.id,
        name=row.name,
        currency=row.currency,
        timezone=row.timezone,
        allowed_domains=list(row.allowed_domains or []),
        attribution_window_days=row.attribution_window_days,
        attribution_model=row.attribution_model,
        binding_days=row.binding_days,
        allow_self_referral=row.allow_self_referral,
        webhook_url=row.webhook_url,
        fraud_signals=FraudRules.from_json(row.fraud_signals).to_json(),
    )


async def get_settings(merchant_id: int) -> MerchantSettings:
    row = await Merchant.get_or_none(id=merchant_id)
    if row is None:
        raise MerchantNotFound(merchant_id)
    return _settings(row)


async def update_settings(
    merchant_id: int, changes: dict[str, Any], *, actor: Actor | None = None,
    webhook_rules: UrlRules = UrlRules(), resolve: Resolver = system_resolver,
) -> MerchantSettings:
    """Change the given settings (already validated by the schema); others stay as they are.

    New attribution rules apply to orders received from now on; orders already attributed
    keep their decision, and bindings keep the expiry they were made with. A webhook URL must
    be one Relay may send to under `webhook_rules` (`core.outbound`; its host resolved with
    `resolve`): `InvalidInput` on webhook_url otherwise.
    """
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    if changes.get("webhook_url") is not None:
        problem = await save_problem(changes["webhook_url"], webhook_rules, resolve)
        if problem is not None:
            raise InvalidInput(f"webhook_url: {problem}", [{"field": "webhook_url", "message": problem}])
    async with in_transaction():
        row = await Merchant.select_for_update().get_or_none(id=merchant_id)
        if row is None:
            raise MerchantNotFound(merchant_id)
        if "fraud_signals" in changes:  # only the signals and fields sent change
            changes = {**changes, "fraud_signals": FraudRules.from_json(row.fraud_signals).changed(
                changes["fraud_signals"]).to_json()}
        before = {name: getattr(row, name) for name in changes}
        for name, value in changes.items():
            setattr(row, name, value)
        if changes:
            await row.save(update_fields=list(changes))
            await audit.record(
                merchant_id, actor, "merchant.update_settings", "merchant", merchant_id,
                before=before, after={name: getattr(row, name) for name in changes},
            )
    _generation[merchant_id] = _generation.get(merchant_id, 0) + 1
    _has_url.pop(merchant_id, None)
    return _settings(row)


async def rotate_webhook_secret(
    merchant_id: int, *, sealer: Sealer, grace: timedelta = DEFAULT_SECRET_GRACE, actor: Actor | None = None
) -> str:
    """A new webhook secret, returned once (stored sealed by `sealer`; the one it replaces
    stays sealed as it was). Events signed with the one it replaces still verify
    for `grace` (then only the new one does; other processes see the rotation within
    `SIGNING_TTL_SECONDS`). A secret older than that is dropped: two rotations within the grace
    period leave only the last two secrets valid."""
    secret = new_webhook_secret()
    async with in_transaction():
        row = await Merchant.select_for_update().filter(id=merchant_id).only(
            "id", "webhook_secret", "previous_secret_valid_until"
        ).first()
        if row is None:
            raise MerchantNotFound(merchant_id)
        valid_until = now() + grace if grace > timedelta(0) else None
        await Merchant.filter(id=merchant_id).update(
            webhook_secret=sealer.seal(secret),
            previous_webhook_secret=row.webhook_secret if valid_until is not None else None,
            previous_secret_valid_until=valid_until,
        )
        # Never the secrets themselves: the entry says when the old one stops verifying.
        await audit.record(
            merchant_id, actor, "webhook_secret.rotate", "merchant", merchant_id,
            before={"previous_secret_valid_until": row.previous_secret_valid_until},
            after={"previous_secret_valid_until": valid_until},
        )
    _signing.pop(merchant_id, None)
    return secret


#: Merchants read per round of `reseal_webhook_secrets`.
RESEAL_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Resealed:
    """What `reseal_webhook_secrets` did: merchants whose secrets it sealed again, and those
    whose secrets no key it was given opens (left as they are: list their server secret)."""

    changed: int
    unreadable: list[int]


async def reseal_webhook_secrets(sealer: Sealer) -> Resealed:
    """Every merchant's webhook secrets (current and previous) sealed again under the current
    server secret, after a rotation of it (`relay secrets reseal`). Secrets already sealed under
    it are left as they are, so a rerun changes nothing; a row rotated meanwhile is skipped (its
    new secret is sealed under the current key). Audited per merchant as the system
    (`webhook_secret.reseal`); the values are never logged."""
    changed, unreadable, after_id = 0, [], 0
    while True:
        found = await Merchant.filter(id__gt=after_id).order_by("id").limit(RESEAL_CHUNK).only(
            "id", "webhook_secret", "previous_webhook_secret"
        )
        if not found:
            return Resealed(changed, unreadable)
        after_id = found[-1].id
        for row in found:
            current, previous = row.webhook_secret, row.previous_webhook_secret
            if sealer.sealed_by_current(current) and (previous is None or sealer.sealed_by_current(previous)):
                continue
            try:
                values = {"webhook_secret": sealer.reseal(current),
                          "previous_webhook_secret": sealer.reseal(previous) if previous else previous}
            except SealedSecretUnreadable:
                unreadable.append(row.id)
                continue
            async with in_transaction():
                updated = await Merchant.filter(
                    id=row.id, webhook_secret=current, previous_webhook_secret=previous
                ).update(**values)
                if updated:
                    await audit.record(
                        row.id, Actor.system("relay secrets reseal"), "webhook_secret.reseal", "merchant", row.id,
                        before={"sealed_under": "a previous server secret"},
                        after={"sealed_under": "the current server secret"},
                    )
            changed += updated
            _signing.pop(row.id, None)


async def shop_signing(merchant_id: int) -> ShopSigning | None:
    """The merchant's webhook secret and currency (cached briefly), None for an unknown merchant."""
    cached = _signing.get(merchant_id)
    clock = monotonic()
    if cached is not None and cached[1] > clock:
        return cached[0]
    if not 0 < merchant_id <= MAX_MINOR:
        return None
    row = await Merchant.filter(id=merchant_id).only(
        "id", "webhook_secret", "currency", "previous_webhook_secret", "previous_secret_valid_until"
    ).first()
    if row is None:
        _signing.pop(merchant_id, None)
        return None
    entry = ShopSigning(
        row.id, row.webhook_secret, row.currency, row.previous_webhook_secret, row.previous_secret_valid_until
    )
    _signing[merchant_id] = (entry, clock + SIGNING_TTL_SECONDS)
    return entry


def cached_shop_signing(merchant_id: int) -> ShopSigning | None:
    """`shop_signing` if this process has it cached (never a query): None for a merchant not
    seen lately, or unknown."""
    cached = _signing.get(merchant_id)
    return cached[0] if cached is not None and cached[1] > monotonic() else None


async def has_webhook_url(merchant_id: int) -> bool:
    """Whether the merchant set a webhook URL (cached for `SIGNING_TTL_SECONDS`): a URL set or
    removed in another process is seen within the TTL."""
    cached = _has_url.get(merchant_id)
    clock = monotonic()
    if cached is not None and cached[1] > clock:
        return cached[0]
    found = await Merchant.filter(id=merchant_id, webhook_url__isnull=False).exists()
    _has_url[merchant_id] = (found, clock + SIGNING_TTL_SECONDS)
    return found


@dataclass(frozen=True, slots=True)
class WebhookTarget:
    """Where and how the merchant's outbound events are sent: its URL and its webhook secret
    (sealed, as stored: `secret` opens it to sign)."""

    merchant_id: int
    url: str | None
    sealed_secret: str

    def secret(self, sealer: Sealer) -> str:
        return sealer.open(self.sealed_secret)


async def webhook_targets(merchant_ids: Iterable[int]) -> dict[int, WebhookTarget]:
    """The current URL and sealed secret of each merchant (one query, never cached: a delivery
    signs with the secret of the moment, so a rotation applies to the next attempt)."""
    ids = sorted(set(merchant_ids))
    if not ids:
        return {}
    found = await Merchant.filter(id__in=ids).only("id", "webhook_url", "webhook_secret")
    return {row.id: WebhookTarget(row.id, row.webhook_url, row.webhook_secret) for row in found}


async def day_bounds(merchant_id: int, first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """`local_days` in the merchant's time zone."""
    row = await Merchant.filter(id=merchant_id).only("id", "timezone").first()
    if row is None:
        raise MerchantNotFound(merchant_id)
    return local_days(row.timezone, first, last)


def local_days(timezone: str, first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """Days in a time zone as instants: [start of `first`, start of the day after `last`).

    A missing end stays open. Raises `InvalidInput` when `first` is after `last`.
    """
    if first is not None and last is not None and first > last:
        raise InvalidInput("query.from: is after to", [{"field": "query.from", "message": "is after to"}])
    tz = zone(timezone)

    def midnight(day: date) -> datetime:
        return datetime.combine(day, time(), tzinfo=tz)

    return (
        None if first is None else midnight(first),
        None if last is None else midnight(last + timedelta(days=1)),
    )


async def fraud_rules(merchant_id: int) -> FraudRules:
    """The merchant's fraud-signal settings (cached for `RULES_TTL_SECONDS`)."""
    cached = _rules.get(merchant_id)
    clock = monotonic()
    generation = settings_generation(merchant_id)
    if cached is not None and cached[1] == generation and cached[2] > clock:
        return cached[0]
    stored = await Merchant.filter(id=merchant_id).values_list("fraud_signals", flat=True)
    if not stored:
        raise MerchantNotFound(merchant_id)
    rules = FraudRules.from_json(stored[0])
    _rules[merchant_id] = (rules, generation, clock + RULES_TTL_SECONDS)
    return rules
