"""Rate limits: fixed windows per key, in process memory or shared in Redis (with the notation and
the Redis storage of the `limits` library).

One `RateLimits` per app holds the configured limits (`RELAY_RATE_LIMIT_<NAME>`), the storage
(process memory by default; Redis when `RELAY_REDIS_URL` is set, so every process and host
shares the windows) and the refusals counted since they were last written (the referral
domain writes them to a per-merchant, per-day table in batches; see
`accounts.service.rate_limits`).

Costs: in memory a check is a dict increment (about a microsecond, no I/O; see `_LocalWindows`). In Redis a check is an
INCRBY (and a TTL read when a window starts), but a process leases a share of a large limit at
once and remembers refused keys until their window ends (see `RateLimits._hit_shared`), so a
busy key (one link, one flooding address) costs a round trip per lease, not per request.
Redis down: requests are let through (fail open) and a warning is logged, so a limiter outage
never takes the redirects or the shop's events down with it.
"""

from __future__ import annotations

import logging
import math
import os
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from limits import RateLimitItem, parse_many
from limits.aio.storage import RedisStorage
from limits.errors import StorageError

from core.errors import RelayError

log = logging.getLogger("relay.ratelimit")

#: Each limit's default, in the `limits` notation ("300/minute", "5/minute;20/hour"); the
#: environment variable ``RELAY_RATE_LIMIT_<NAME>`` replaces it, "off" turns the limit off.
DEFAULTS: Mapping[str, str] = {
    #: `/r/{code}` per client IP (checked first: an address trying codes never reaches the database)
    "redirect_ip": "300/minute",
    #: `/r/{code}` per link (a link's clicks cannot be inflated past this)
    "redirect_link": "3000/minute",
    #: shop events per client IP, before the signature is checked (unsigned floods)
    "events_ip": "30000/minute",
    #: shop events per merchant, after the signature is checked (only signed events count,
    #: so nobody without the secret can use up a merchant's allowance)
    "events_merchant": "60000/minute",
    #: sign-in attempts per client IP
    "sign_in_ip": "30/minute",
    #: sign-in attempts per identity (an email, a partner code), whatever the IP
    "sign_in_identity": "5/minute;20/hour",
    #: applications to a partner program (the page or `POST /api/v1/merchants/{id}/applications`) per client IP
    "join_ip": "10/minute;30/hour",
    #: applications to one merchant's program, whatever the IP (each is a pending partner to review)
    "join_merchant": "60/minute;600/hour",
    #: one-time codes sent (SMS costs money) per client IP...
    "code_send_ip": "20/minute;200/day",
    #: ...and per phone or email they go to, whatever the IP
    "code_send_identity": "1/minute;5/hour;10/day",
}


def limits_from_env(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """The configured limits: `DEFAULTS`, each replaced by ``RELAY_RATE_LIMIT_<NAME>`` when set."""
    return {name: environ.get(f"RELAY_RATE_LIMIT_{name.upper()}", default) for name, default in DEFAULTS.items()}


@dataclass(frozen=True, slots=True)
class Limit:
    """A named limit: one or more windows (all must allow), none when it is off."""

    name: str
    windows: tuple[RateLimitItem, ...]

    @classmethod
    def parse(cls, name: str, text: str) -> Limit:
        text = text.strip()
        if text.lower() in ("", "off", "0", "none"):
            return cls(name, ())
        try:
            return cls(name, tuple(parse_many(text)))
        except ValueError:
            raise ValueError(f"RELAY_RATE_LIMIT_{name.upper()}: {text!r} is not like '300/minute' or 'off'") from None


class TooManyRequests(RelayError):
    """A rate limit refused the request; `retry_after` is the whole seconds until its window resets."""

    status = 429
    title = "Too many requests"
    slug = "rate-limited"

    def __init__(self, limit: str, retry_after: int) -> None:
        super().__init__(f"rate limit {limit} reached; retry in {retry_after} s", limit=limit)
        self.retry_after = retry_after

    @property
    def headers(self) -> dict[str, str]:
        return {"retry-after": str(self.retry_after)}


#: (merchant id or 0 when none is known, UTC day, limit name) -> refusals
RefusalKey = tuple[int, date, str]


#: With Redis, a process takes up to this share of a window's limit at once (see `_Lease`).
LEASE_SHARE = 100
#: Leases and refusals remembered per process before expired ones are swept.
MAX_LEASES = 50_000


class _LocalWindows:
    """Fixed windows in this process's memory: per key, its count and when its window ends.

    Not `limits`' MemoryStorage: that one starts a timer thread every 10 ms of traffic to expire
    keys, which cost the redirect about 35 us of CPU per request under load (bench/redirect.py),
    ten times this dictionary. Same semantics: a window starts at a key's first hit.
    Expired keys are swept at most once a second, when a window starts.
    """

    def __init__(self) -> None:
        self._windows: dict[str, list[float]] = {}
        self._next_sweep = 0.0

    def hit(self, key: str, expiry: int, now: float) -> tuple[float, float]:
        """(hits of `key` in its window, this one included; when the window ends)."""
        window = self._windows.get(key)
        if window is None or window[1] <= now:
            if now >= self._next_sweep:
                self._windows = {k: w for k, w in self._windows.items() if w[1] > now}
                self._next_sweep = now + 1.0
            window = self._windows[key] = [0, now + expiry]
        window[0] += 1
        return window[0], window[1]


@dataclass(slots=True)
class _Lease:
    """Hits of one key this process took from Redis at once and spends locally until `until`
    (the end of the Redis window); or, `refused`, the key is refused until then."""

    remaining: int
    until: float
    refused: bool = False


class RateLimits:
    """The app's limits, their storage, and the refusals not yet written."""

    def __init__(self, configured: Mapping[str, str], redis_url: str | None = None, *, namespace: str = "relay") -> None:
        unknown = set(configured) - set(DEFAULTS)
        if unknown:
            raise ValueError(f"unknown rate limits: {', '.join(sorted(unknown))}")
        merged = {**DEFAULTS, **configured}
        self.limits = {name: Limit.parse(name, text) for name, text in merged.items()}
        self.redis_url = redis_url
        self.refusals: Counter[RefusalKey] = Counter()
        self._local: _LocalWindows | None = None
        self._shared: RedisStorage | None = None
        self._leases: dict[str, _Lease] = {}
        self._warned_at = 0.0
        if redis_url:
            self._shared = RedisStorage(f"async+{redis_url}", wrap_exceptions=True)
        else:
            self._local = _LocalWindows()
        # The storage key of (limit, window, client key) is "<head><client key><tail>", the
        # library's own key format (`RateLimitItem.key_for`), assembled without its per-call work.
        self.namespace = namespace
        self._keys = {
            name: tuple(
                (window, *window.key_for(namespace, name, "\0").split("\0"), window.get_expiry())
                for window in limit.windows
            )
            for name, limit in self.limits.items()
        }

    async def hit(self, name: str, key: str) -> int | None:
        """Count one request of `key` against limit `name`: None when allowed, else the seconds
        to wait (the caller counts the refusal with `refused`, once it knows the merchant)."""
        for window, head, tail, expiry in self._keys[name]:
            if self._local is not None:
                now = time.time()
                count, reset = self._local.hit(f"{head}{key}{tail}", expiry, now)
                if count > window.amount:
                    return max(1, math.ceil(reset - now))
            else:
                reset = await self._hit_shared(window, f"{head}{key}{tail}", expiry)
                if reset is not None:
                    return max(1, math.ceil(reset - time.time()))
        return None

    async def _hit_shared(self, window: RateLimitItem, storage_key: str, expiry: int) -> float | None:
        """One hit in Redis: None when allowed, else when the window resets.

        Round trips are saved twice over. A process takes a *lease* of up to 1/`LEASE_SHARE` of
        the limit in one INCRBY and spends it locally until the window ends (limits under
        `LEASE_SHARE` take one hit at a time, exactly). And a refused key is remembered until
        its window ends, so a flood of refused requests costs no round trip. The price: hits
        leased but not spent still count, so a window may refuse a little early (at most a
        lease per process, under 1 % of the limit each); it never allows more than the limit.
        """
        assert self._shared is not None
        now = time.time()
        lease = self._leases.get(storage_key)
        if lease is not None and lease.until > now:
            if lease.refused:
                return lease.until
            if lease.remaining > 0:
                lease.remaining -= 1
                return None
        size = max(1, window.amount // LEASE_SHARE)
        try:
            total = await self._shared.incr(storage_key, expiry, amount=size)
            granted = min(size, window.amount - (total - size))
            if granted == size == 1:
                self._leases.pop(storage_key, None)
                return None
            until = await self._shared.get_expiry(storage_key)
        except StorageError as exc:
            if now - self._warned_at > 10:  # one line per 10 s, not one per request
                self._warned_at = now
                log.warning("rate limit storage unavailable, requests let through: %s", exc)
            return None
        if len(self._leases) >= MAX_LEASES:
            self._leases = {k: v for k, v in self._leases.items() if v.until > now}
        if granted <= 0:
            self._leases[storage_key] = _Lease(0, until, refused=True)
            return until
        self._leases[storage_key] = _Lease(granted - 1, until)
        return None

    def refused(self, name: str, merchant_id: int = 0) -> None:
        """Count a refusal by limit `name` for the merchant (0: none known), to be written later."""
        self.refusals[(merchant_id, datetime.now(UTC).date(), name)] += 1

    async def check(self, name: str, key: str, *, merchant_id: int = 0) -> None:
        """`hit`, counting the refusal and raising `TooManyRequests` when refused."""
        retry_after = await self.hit(name, key)
        if retry_after is not None:
            self.refused(name, merchant_id)
            raise TooManyRequests(name, retry_after)

    def drain(self) -> list[tuple[int, date, str, int]]:
        """The refusals counted since the last drain, forgotten here (the caller writes them)."""
        counted, self.refusals = self.refusals, Counter()
        return [(merchant_id, day, name, n) for (merchant_id, day, name), n in counted.items()]

    def restore(self, rows: list[tuple[int, date, str, int]]) -> None:
        """Put back refusals a failed write did not keep, to be written with the next batch."""
        for merchant_id, day, name, n in rows:
            self.refusals[(merchant_id, day, name)] += n

    async def close(self) -> None:
        """Close the Redis connections (nothing to do in memory)."""
        if self._shared is not None:
            await _close_redis(self._shared)


async def check_sign_in(rate_limits: RateLimits, ip: str, identity: str, *, merchant_id: int = 0) -> None:
    """Call before checking a sign-in's credentials (password, or sending a sign-in link):
    raises `TooManyRequests` (429, `.headers` has Retry-After) when the client IP or the
    identity (an email or partner code, case-insensitive) has tried too often."""
    await rate_limits.check("sign_in_ip", ip, merchant_id=merchant_id)
    await rate_limits.check("sign_in_identity", identity.strip().lower(), merchant_id=merchant_id)


async def _close_redis(storage: RedisStorage) -> None:
    client = getattr(storage.bridge, "storage", None)
    pool = getattr(client, "connection_pool", None)
    if pool is not None:
        pool.disconnect()
