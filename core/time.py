"""Time helpers: everything is an aware datetime; naive input is refused."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def now() -> datetime:
    return datetime.now(UTC)


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant that must carry a UTC offset; returns it in UTC."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{text!r} has no time zone offset")
    return value.astimezone(UTC)


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r}") from None


def midnight(day: date, timezone: str) -> datetime:
    """The first instant of `day` in `timezone`, in UTC."""
    return datetime.combine(day, time(), tzinfo=zone(timezone)).astimezone(UTC)


def local_date(instant: datetime, timezone: str) -> date:
    """The calendar day `instant` falls on in `timezone`."""
    return instant.astimezone(zone(timezone)).date()
