"""Points expiry: a merchant's optional setting, and the job that lapses old points first in, first out.

With ``expiry_months`` = N, what is left of a wallet credit N calendar months after it was
credited lapses (ledger ``points_expiry``: wallet -> ``merchant:points_expired``). Spending is
first in, first out: redemptions, expiries and clawbacks use the oldest credits first, and a
restore un-spends the most recently spent points. So what is in the wallet is always the
*newest* credits, and the part of the balance credited at or before the cutoff is::

    expiring = balance - (credits after the cutoff), when positive

one GROUP BY over the wallet's postings per partner, no walk over the history.

Worked example (12 months; the test ``test_wallet_expiry`` tells it): 1,000 points credited
on 10 January 2025 and 500 on 10 March; 1,200 redeemed on 10 April (the January 1,000 and 200
of March), 200 of them restored on 20 April (back into March): 500 left, all from March. On 15
January 2026 the January credit is past: 500 - 500 credited after the cutoff = 0 expire. On 15
March 2026 the March credit is past too: 500 - 0 = 500 expire, and the wallet is empty.

The job is idempotent and safe on several hosts: each partner's expiry is recomputed and
posted under the same per-partner lock as redemptions (so a wallet never goes below zero),
and its ledger key names the last wallet movement it saw, so a rerun finds nothing left.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime

from tortoise.transactions import in_transaction

from accounts.service import audit
from accounts.service.audit import Actor
from core.db import connection, current_dialect
from core.time import now
from payouts import ledger
from payouts.ledger import TransactionKind
from payouts.models import PointsSettings
from payouts.service.postings import post_many
from payouts.service.sql import advisory_lock, chunks, lock_key, marks, rows, utc
from payouts.wallet.errors import PointsInputInvalid
from payouts.wallet.service.redemptions import PTS, WALLET

#: Longest expiry a merchant may set (ten years).
MAX_EXPIRY_MONTHS = 120
#: Partners whose wallets are locked, recomputed and posted in one transaction.
PARTNERS_PER_TRANSACTION = 500


@dataclass(frozen=True, slots=True)
class PointsSettingsInfo:
    expiry_months: int | None  #: None: points never expire


async def get_settings(merchant_id: int) -> PointsSettingsInfo:
    months = await PointsSettings.filter(merchant_id=merchant_id).first().values_list("expiry_months", flat=True)
    return PointsSettingsInfo(months)


async def update_settings(
    merchant_id: int, *, expiry_months: int | None, actor: Actor | None = None
) -> PointsSettingsInfo:
    """Set (or with None, switch off) the expiry; the next run of the job applies it to every
    credit, including those made before the change. Audited as `actor` (`points_settings.update`)."""
    if expiry_months is not None and (type(expiry_months) is not int or not 1 <= expiry_months <= MAX_EXPIRY_MONTHS):
        raise PointsInputInvalid("expiry_months", f"must be a whole number of months from 1 to {MAX_EXPIRY_MONTHS}, or null")
    async with in_transaction():
        await advisory_lock("points_settings", merchant_id)
        before = await get_settings(merchant_id)
        updated = await PointsSettings.filter(merchant_id=merchant_id).update(
            expiry_months=expiry_months, updated_at=now()
        )
        if not updated:
            await PointsSettings.create(merchant_id=merchant_id, expiry_months=expiry_months)
        after = PointsSettingsInfo(expiry_months)
        await audit.record(merchant_id, actor, "points_settings.update", "points_settings", merchant_id,
                           before=before, after=after)
    return after


def months_before(at: datetime, months: int) -> datetime:
    """The same instant `months` calendar months earlier (the month's last day when it is shorter)."""
    year, month0 = divmod(at.year * 12 + at.month - 1 - months, 12)
    day = min(at.day, calendar.monthrange(year, month0 + 1)[1])
    return at.replace(year=year, month=month0 + 1, day=day)


@dataclass(frozen=True, slots=True)
class Expiring:
    partner_id: int
    points: int
    last_transaction_id: int  #: the newest wallet movement the amount was computed from


async def expiring(merchant_id: int, cutoff: datetime, partner_ids: list[int] | None = None) -> list[Expiring]:
    """Per partner, the wallet points credited at or before `cutoff` and not spent yet (one GROUP BY)."""
    only = f" AND p.partner_id IN ({marks(len(partner_ids))})" if partner_ids is not None else ""
    found = await rows(
        "SELECT partner_id, balance - recent AS points, last_transaction_id FROM ("
        "  SELECT p.partner_id AS partner_id, SUM(p.amount_minor) AS balance,"
        "  SUM(CASE WHEN t.kind = ? AND p.amount_minor > 0 AND t.created_at > ? THEN p.amount_minor ELSE 0 END)"
        "  AS recent, MAX(p.transaction_id) AS last_transaction_id"
        "  FROM ledger_posting p JOIN ledger_transaction t ON t.id = p.transaction_id AND t.merchant_id = p.merchant_id"
        f"  WHERE p.merchant_id = ? AND p.asset = ? AND p.account = ? AND p.partner_id IS NOT NULL{only}"
        "  GROUP BY p.partner_id"
        ") w WHERE balance > recent ORDER BY partner_id",
        [TransactionKind.points_credit.value, utc(cutoff), merchant_id, PTS, WALLET, *(partner_ids or [])],
    )
    return [Expiring(row["partner_id"], int(row["points"]), row["last_transaction_id"]) for row in found]


async def _lock_wallets(merchant_id: int, partner_ids: list[int]) -> None:
    """The wallet lock of each partner (the one `wallet.lock_wallet` takes), in one statement and
    always in the same order, so two hosts running the job never deadlock."""
    if current_dialect() != "postgres":
        return  # SQLite: one writing transaction at a time
    keys = sorted(lock_key("points_wallet", merchant_id, partner_id) for partner_id in partner_ids)
    await connection().execute_query(
        "SELECT COUNT(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest($1::bigint[]) AS k ORDER BY k) s", [keys]
    )


@dataclass(frozen=True, slots=True)
class ExpiryRun:
    merchant_id: int
    expiry_months: int
    cutoff: datetime  #: credits at or before it lapsed
    partners: int  #: wallets that lost points
    points: int  #: points expired in all


async def expire_merchant(merchant_id: int, expiry_months: int, at: datetime | None = None) -> ExpiryRun:
    """Lapse, in every wallet of the merchant, what is left of credits older than `expiry_months`."""
    moment = utc(at or now())
    cutoff = months_before(moment, expiry_months)
    candidates = [one.partner_id for one in await expiring(merchant_id, cutoff)]
    partners = points = 0
    for part in chunks(candidates, PARTNERS_PER_TRANSACTION):
        async with in_transaction():
            await _lock_wallets(merchant_id, list(part))
            due = await expiring(merchant_id, cutoff, list(part))  # again, under the locks
            memo = f"credited on or before {cutoff:%Y-%m-%d %H:%M} UTC ({expiry_months} month expiry)"
            await post_many(merchant_id, [
                ledger.points_expiry(one.partner_id, one.points, memo=memo,
                                     reference=f"W{one.partner_id}-after-T{one.last_transaction_id}")
                for one in due
            ])
        partners += len(due)
        points += sum(one.points for one in due)
    return ExpiryRun(merchant_id, expiry_months, cutoff, partners, points)


async def expire_points(at: datetime | None = None, *, merchant_id: int | None = None) -> list[ExpiryRun]:
    """Run the expiry for every merchant that set one (or only `merchant_id`); idempotent."""
    moment = utc(at or now())
    query = PointsSettings.filter(expiry_months__isnull=False)
    if merchant_id is not None:
        query = query.filter(merchant_id=merchant_id)
    settings = await query.order_by("merchant_id").values_list("merchant_id", "expiry_months")
    return [await expire_merchant(merchant, months, moment) for merchant, months in settings]

