"""Calendar months in the merchant's time zone, as UTC instants (monthly caps and tiers)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from core.time import midnight, zone


def month_of(instant: datetime, timezone: str) -> tuple[datetime, datetime]:
    """[start, end) of the local calendar month holding `instant`, in UTC."""
    local = instant.astimezone(zone(timezone))
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)
    return start.astimezone(UTC), end.astimezone(UTC)


def local_range(start: date | datetime, end: date | datetime, timezone: str) -> tuple[datetime, datetime]:
    """[start, end) in UTC: a date is the whole local day (so an end date is included)."""
    zone(timezone)  # an unknown zone is refused even when both ends are instants

    def instant(value: date | datetime, *, next_day: bool) -> datetime:
        if isinstance(value, datetime):
            return value.astimezone(UTC)
        return midnight(value + timedelta(days=1) if next_day else value, timezone)

    return instant(start, next_day=False), instant(end, next_day=True)
