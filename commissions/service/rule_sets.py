"""Rule-set versions: drafts are edited, one version is active, publishing swaps them atomically.

Commissions store the version and rule id they were computed with, and published versions are
never edited, so publishing a new version never changes a commission already computed.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from time import monotonic
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from accounts.service import audit
from accounts.service.audit import Actor
from commissions.errors import NoActiveRuleSet, PublishRaced, RuleSetNotDraft, RuleSetNotFound
from commissions.models import RuleSetStatus, RuleSetVersion
from commissions.rules import CompiledRuleSet, compile_rule_set
from commissions.rules.ruleset import RuleSet, dump_rule_set, parse_rule_set
from commissions.service.sql import advisory_lock
from core.time import now
from referral.service.sales import partner_groups, sales_settings


@dataclass(frozen=True, slots=True)
class RuleSetInfo:
    version: int
    status: str
    content: dict[str, Any]
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    retired_at: datetime | None


@dataclass(frozen=True, slots=True)
class CompiledVersion:
    """A rule-set version parsed and compiled for evaluation."""

    version: int
    rule_set: RuleSet
    compiled: CompiledRuleSet


_INFO_FIELDS = ("version", "status", "content", "created_at", "updated_at", "published_at", "retired_at")


def _info(row: dict[str, Any]) -> RuleSetInfo:
    return RuleSetInfo(**{name: row[name] for name in _INFO_FIELDS})


async def _validated(merchant_id: int, content: dict[str, Any]) -> dict[str, Any]:
    """The content validated against the merchant's currency and partner groups, normalised
    (amounts in minor units) so that what is stored is exactly what is evaluated."""
    settings = await sales_settings(merchant_id)
    groups = await partner_groups(merchant_id)
    parsed = parse_rule_set(content, currency=settings.currency, known_groups=groups, where="content")
    return dump_rule_set(parsed)


async def create_draft(merchant_id: int, content: dict[str, Any], *, actor: Actor | None = None) -> RuleSetInfo:
    """A new draft version (the next number); invalid content is refused naming each field."""
    normalised = await _validated(merchant_id, content)
    async with in_transaction():
        await advisory_lock("rule_sets", merchant_id)
        latest = await (
            RuleSetVersion.filter(merchant_id=merchant_id).order_by("-version").first().values_list("version", flat=True)
        )
        version = (latest or 0) + 1
        await RuleSetVersion.create(merchant_id=merchant_id, version=version, content=normalised)
        created = await get_version(merchant_id, version)
        await audit.record(merchant_id, actor, "rule_set.create_draft", "rule_set", version, after=created)
    return created


async def update_draft(
    merchant_id: int, version: int, content: dict[str, Any], *, actor: Actor | None = None
) -> RuleSetInfo:
    normalised = await _validated(merchant_id, content)
    async with in_transaction():
        await advisory_lock("rule_sets", merchant_id)
        row = await _row(merchant_id, version)
        if row["status"] != RuleSetStatus.draft.value:
            raise RuleSetNotDraft(version, row["status"])
        await RuleSetVersion.filter(merchant_id=merchant_id, version=version).update(
            content=normalised, updated_at=now()
        )
        updated = await get_version(merchant_id, version)
        await audit.record(
            merchant_id, actor, "rule_set.update_draft", "rule_set", version, before=_info(row), after=updated
        )
    return updated


async def publish(merchant_id: int, version: int, *, actor: Actor | None = None) -> RuleSetInfo:
    """Make a draft the active version; the previously active one is retired, in one transaction.

    Publishes of one merchant are serialised (an advisory lock on PostgreSQL), and the unique
    (merchant_id, active_slot) makes a second active version impossible even without it.
    """
    async with in_transaction():
        await advisory_lock("rule_sets", merchant_id)
        row = await _row(merchant_id, version)
        if row["status"] != RuleSetStatus.draft.value:
            raise RuleSetNotDraft(version, row["status"])
        at = now()
        retired = await RuleSetVersion.filter(
            merchant_id=merchant_id, status=RuleSetStatus.active.value
        ).values_list("version", flat=True)
        try:
            await RuleSetVersion.filter(merchant_id=merchant_id, status=RuleSetStatus.active.value).update(
                status=RuleSetStatus.retired.value, active_slot=None, retired_at=at, updated_at=at
            )
            await RuleSetVersion.filter(merchant_id=merchant_id, version=version).update(
                status=RuleSetStatus.active.value, active_slot=True, published_at=at, updated_at=at
            )
        except IntegrityError:
            raise PublishRaced(version) from None
        published = await get_version(merchant_id, version)
        await audit.record(
            merchant_id, actor, "rule_set.publish", "rule_set", version,
            before=_info(row), after={**audit.jsonable(published), "retired_version": retired[0] if retired else None},
        )
    _publishes[merchant_id] = _publishes.get(merchant_id, 0) + 1
    return await get_version(merchant_id, version)


async def _row(merchant_id: int, version: int) -> dict[str, Any]:
    rows = await RuleSetVersion.filter(merchant_id=merchant_id, version=version).values(*_INFO_FIELDS)
    if not rows:
        raise RuleSetNotFound(version)
    return rows[0]


async def get_version(merchant_id: int, version: int) -> RuleSetInfo:
    return _info(await _row(merchant_id, version))


async def list_versions(merchant_id: int) -> list[RuleSetInfo]:
    """Every version, newest first."""
    rows = await RuleSetVersion.filter(merchant_id=merchant_id).order_by("-version").values(*_INFO_FIELDS)
    return [_info(row) for row in rows]


async def get_active(merchant_id: int) -> RuleSetInfo:
    rows = await RuleSetVersion.filter(merchant_id=merchant_id, status=RuleSetStatus.active.value).values(
        *_INFO_FIELDS
    )
    if not rows:
        raise NoActiveRuleSet()
    return _info(rows[0])


# --- evaluation ---------------------------------------------------------------------------------

#: Compiled published versions by (merchant, version): their content never changes, so the cache
#: is never stale; it only bounds its size.
_COMPILED: OrderedDict[tuple[int, int], CompiledVersion] = OrderedDict()
_COMPILED_MAX = 1024


def _compile(content: dict[str, Any], currency: str, version: int) -> CompiledVersion:
    # Stored content was validated when saved; the groups it names may have emptied since,
    # which must not stop it from evaluating, so they are taken as known.
    named = {
        group
        for item in (*content.get("rules", ()), *content.get("modifiers", ()))
        for group in (item.get("conditions") or {}).get("partner_groups") or ()
    }
    rule_set = parse_rule_set(content, currency=currency, known_groups=named)
    return CompiledVersion(version, rule_set, compile_rule_set(rule_set))


async def active_rule_set(merchant_id: int, currency: str) -> CompiledVersion | None:
    """The active version compiled (cached per process), or None when none is active yet."""
    version = await (
        RuleSetVersion.filter(merchant_id=merchant_id, status=RuleSetStatus.active.value)
        .first()
        .values_list("version", flat=True)
    )
    if version is None:
        return None
    return await compiled_version(merchant_id, version, currency)


async def compiled_version(merchant_id: int, version: int, currency: str) -> CompiledVersion:
    """Any version (a draft too, for simulation) parsed and compiled; published ones are cached."""
    key = (merchant_id, version)
    cached = _COMPILED.get(key)
    if cached is not None:
        _COMPILED.move_to_end(key)
        return cached
    row = await _row(merchant_id, version)
    compiled = _compile(row["content"], currency, version)
    if row["status"] != RuleSetStatus.draft.value:
        _COMPILED[key] = compiled
        if len(_COMPILED) > _COMPILED_MAX:
            _COMPILED.popitem(last=False)
    return compiled


async def partial_refund_policies(
    merchant_id: int, rules: Iterable[tuple[int, str]], currency: str
) -> dict[tuple[int, str], str]:
    """(version, rule id) -> what a partial refund does to that rule's flat per-order amount,
    ``keep`` or ``prorate``, read from the (immutable, cached) version that computed it."""
    found: dict[tuple[int, str], str] = {}
    for version in sorted({version for version, _ in rules}):
        compiled = (await compiled_version(merchant_id, version, currency)).rule_set
        for rule in compiled.rules:
            found[version, rule.id] = rule.partial_refund or "keep"
    return found


#: How long another process may keep evaluating with the version active before a publish made
#: elsewhere. A publish in this process is seen by its next event at once (`_publishes`).
ACTIVE_TTL_SECONDS = 2.0
#: merchant id -> (active version or None, publishes counted when read, monotonic expiry)
_active: dict[int, tuple[CompiledVersion | None, int, float]] = {}
#: merchant id -> how many versions this process published
_publishes: dict[int, int] = {}


async def cached_active_rule_set(merchant_id: int, currency: str) -> CompiledVersion | None:
    """`active_rule_set`, kept per process for `ACTIVE_TTL_SECONDS` (the order hot path: no
    round trip at all while it is fresh, none either for a merchant with no rule set)."""
    entry = _active.get(merchant_id)
    clock = monotonic()
    # Counted before reading: a publish committed while the read runs leaves a stale count.
    published = _publishes.get(merchant_id, 0)
    if entry is not None and entry[1] == published and entry[2] > clock:
        return entry[0]
    active = await active_rule_set(merchant_id, currency)
    _active[merchant_id] = (active, published, clock + ACTIVE_TTL_SECONDS)
    return active


def needs_month_facts(active: CompiledVersion) -> bool:
    """Whether evaluating `active` reads a partner's month so far: a monthly cap (what they
    earned) or volume tiers (their net sales). Only then are orders of one partner serialised."""
    rule_set = active.rule_set
    return rule_set.caps.per_partner_month is not None or any(
        rule.reward.tiers is not None for rule in rule_set.rules
    )
