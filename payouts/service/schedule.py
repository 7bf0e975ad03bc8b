"""Scheduled batches: `relay payouts tick` drafts the batch of every period that has ended.

A schedule's periods end at local midnight (merchant time zone): weekly at the start of its
weekday, monthly at the start of its day of the month. The period end is the batch's cutoff.
The tick drafts, for each schedule, the latest period that ended after the schedule was set —
it includes every earlier period's entries too, so a missed tick loses nothing. A cutoff that
ever had a batch (even a discarded one) is not drafted again. Idempotent and safe on several
hosts at once: the check and the draft run under a lock per merchant, asset and cutoff.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from core.time import midnight, now, zone
from payouts import events
from payouts.models import PayoutBatch, PayoutFrequency, PayoutSchedule
from payouts.service import outbox
from payouts.service.batch_queries import BatchInfo
from payouts.service.batches import create_batch
from payouts.service.sql import advisory_lock, utc
from payouts.service.terms import Schedule, payable_assets

#: Who created a batch the tick drafted (`PayoutBatch.created_by`).
CREATED_BY = "schedule"


def last_period_end(schedule: Schedule, at: datetime, timezone: str) -> datetime:
    """The latest period end at or before `at`, in UTC (pure)."""
    today = at.astimezone(zone(timezone)).date()
    if schedule.frequency == PayoutFrequency.weekly:
        candidate = today - timedelta(days=(today.weekday() - schedule.day) % 7)
    else:
        candidate = today.replace(day=schedule.day)
        if candidate > today:
            previous = today.replace(day=1) - timedelta(days=1)
            candidate = previous.replace(day=schedule.day)
    end = midnight(candidate, timezone)
    if end > at:  # only when the zone skips midnight itself (DST at 00:00): take the period before
        return last_period_end(schedule, at - timedelta(days=1), timezone)
    return end


def next_period_end(schedule: Schedule, at: datetime, timezone: str) -> datetime:
    """The first period end after `at`, in UTC (pure): when the tick drafts the next batch."""
    day = at.astimezone(zone(timezone)).date()
    while True:  # at most a month and a day of candidates
        due = day.weekday() == schedule.day if schedule.frequency == PayoutFrequency.weekly else day.day == schedule.day
        if due and midnight(day, timezone) > at:
            return midnight(day, timezone)
        day += timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Drafted:
    merchant_id: int
    asset: str
    cutoff: datetime
    batch: BatchInfo | None  #: None when that period was already drafted


async def tick(at: datetime | None = None, *, merchant_id: int | None = None) -> list[Drafted]:
    """Draft the batch of each schedule's latest ended period, unless it was drafted before.

    Runs for every merchant unless `merchant_id` narrows it. Returns one `Drafted` per schedule
    whose latest period ended after the schedule was set.
    """
    moment = utc(at or now())
    query = PayoutSchedule.all() if merchant_id is None else PayoutSchedule.filter(merchant_id=merchant_id)
    schedules = await query.order_by("merchant_id", "asset").values("merchant_id", "asset", "frequency", "day", "updated_at")
    done: list[Drafted] = []
    for row in schedules:
        _, timezone = await payable_assets(row["merchant_id"])
        cutoff = last_period_end(Schedule(PayoutFrequency(row["frequency"]), row["day"]), moment, timezone)
        if cutoff <= row["updated_at"]:
            continue
        async with in_transaction():
            await advisory_lock("payout_tick", row["merchant_id"], row["asset"], cutoff.isoformat())
            drafted = await PayoutBatch.filter(merchant_id=row["merchant_id"], asset=row["asset"], cutoff=cutoff).exists()
            batch = None
            if not drafted:
                batch, _ = await create_batch(row["merchant_id"], row["asset"], cutoff, created_by=CREATED_BY)
                await outbox.enqueue(row["merchant_id"], [events.batch_drafted(batch)])
        done.append(Drafted(row["merchant_id"], row["asset"], cutoff, batch))
    return done
