"""A merchant's commission terms: after-sales hold, rounding and the points rate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from tortoise.transactions import in_transaction

from commissions.models import CommissionTerms
from commissions.rules import Terms
from commissions.service.sql import advisory_lock
from core.money import Rounding
from core.time import now
from referral.service.sales import sales_settings

DEFAULTS: dict[str, Any] = {"hold_days": 7, "rounding": "half_up", "points_per_unit": "1", "points_rounding": "down"}


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


async def update_terms(merchant_id: int, changes: dict[str, Any]) -> TermsInfo:
    """Apply `changes` (validated by the schema); the row is created on the first change.

    New terms apply to commissions computed (and orders completed) from now on; nothing
    already computed changes.
    """
    unknown = set(changes) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"not terms: {sorted(unknown)}")
    async with in_transaction():
        await advisory_lock("commission_terms", merchant_id)
        row = await CommissionTerms.get_or_none(merchant_id=merchant_id)
        if row is None:
            await CommissionTerms.create(merchant_id=merchant_id, **{**DEFAULTS, **changes})
        elif changes:
            await CommissionTerms.filter(merchant_id=merchant_id, id=row.id).update(**changes, updated_at=now())
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
