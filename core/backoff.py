"""How long an outbox waits before trying a failed send again: doubling from a first wait up to a
longest one, given up after a number of attempts."""

from __future__ import annotations

from datetime import timedelta


def retry_delay(attempts: int, *, first: timedelta, longest: timedelta, most: int) -> timedelta | None:
    """The wait after the `attempts`-th failed attempt; None: give up (`most` attempts made)."""
    if attempts >= most:
        return None
    return min(first * 2 ** (attempts - 1), longest)
