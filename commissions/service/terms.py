"""A merchant's commission terms: after-sales hold, rounding and the points rate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from time import monotonic
from typing import Any

from tortoise.transactions import in_transaction

from accounts.service import audit
from accounts.service.audit import Actor
from accounts.service.settings import settings_generation
from commissions.models import CommissionTerms
from commissions.rules import Terms
from commissions.service.sql import advisory_lock
from core.money import Rounding
from core.time import now
from referral.service.sales import sales_settings

DEFAULTS: dict[str, Any] = {"hold_days": 7, "rounding": "half_up", "points_per_unit": "1", "points_rounding": "down"}

#: How long another process may evaluate with terms (or a time zone) changed elsewhere. A change
#: made in this process (`update_terms`, the merchant's `update_settings`) is seen at once.
TERMS_TTL_SECONDS = 2.0
#: merchant id -> (terms, generation they were read at, monotonic expiry)
_cached: dict[int, tuple[Terms, tuple[int, int], float]] = {}
#: merchant id -> how many times this process changed the merchant's terms
_changes: dict[int, int] = {}


@dataclass(frozen=True, slots=True)
class TermsInfo:
    """The terms as an admin sees them; `currency` and `timezone` are the merchant's (read-only here)."""

    hold_days: int
    rounding: str
    points_per_unit: str
    points_rounding: str
    currency: str
    timezone: str
    updated_at: datetime | None


async def _stored(merchant_id: int) -> dict[str, Any]:
    rows = await CommissionTerms.filter(merchant_id=merchant_id).values(*DEFAULTS, "updated_at")
    return rows[0] if rows else {**DEFAULTS, "updated_at": None}


async def get_terms(merchant_id: int) -> TermsInfo:
    settings = await sales_settings(merchant_id)
    return TermsInfo(**await _stored(merchant_id), currency=settings.currency, timezone=settings.timezone)


async def update_terms(merchant_id: int, changes: dict[str, Any], *, actor: Actor | None = None) -> TermsInfo:
    """Apply `changes` (validated by the schema); the row is created on the first change.

    New terms apply to commissions computed (and orders completed) from now on; nothing
    already computed changes.
    """
    unknown = set(changes) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"not terms: {sorted(unknown)}")
    async with in_transaction():
        await advisory_lock("commission_terms", merchant_id)
        before = await get_terms(merchant_id) if actor is not None else None
        row = await CommissionTerms.get_or_none(merchant_id=merchant_id)
        if row is None:
            await CommissionTerms.create(merchant_id=merchant_id, **{**DEFAULTS, **changes})
        elif changes:
            await CommissionTerms.filter(merchant_id=merchant_id, id=row.id).update(**changes, updated_at=now())
        if changes:
            await audit.record(
                merchant_id, actor, "commission_terms.update", "commission_terms", merchant_id,
                before=before, after=await get_terms(merchant_id),
            )
    _changes[merchant_id] = _changes.get(merchant_id, 0) + 1
    return await get_terms(merchant_id)


async def hold_days(merchant_id: int) -> int:
    days = await CommissionTerms.filter(merchant_id=merchant_id).first().values_list("hold_days", flat=True)
    return DEFAULTS["hold_days"] if days is None else days


async def evaluation_terms(merchant_id: int) -> Terms:
    """What rule evaluation needs: the merchant's currency and time zone, rounding and points rate."""
    settings = await sales_settings(merchant_id)
    stored = await _stored(merchant_id)
    return Terms(
        currency=settings.currency,
        timezone=settings.timezone,
        rounding=Rounding(stored["rounding"]),
        points_per_unit=Decimal(stored["points_per_unit"]),
        points_rounding=stored["points_rounding"],
    )


async def cached_evaluation_terms(merchant_id: int) -> Terms:
    """`evaluation_terms`, kept per process for `TERMS_TTL_SECONDS` (the order hot path)."""
    entry = _cached.get(merchant_id)
    clock = monotonic()
    # Taken before reading: a change committed while the read runs leaves a stale generation.
    generation = (settings_generation(merchant_id), _changes.get(merchant_id, 0))
    if entry is not None and entry[1] == generation and entry[2] > clock:
        return entry[0]
    terms = await evaluation_terms(merchant_id)
    _cached[merchant_id] = (terms, generation, clock + TERMS_TTL_SECONDS)
    return terms
