"""Share links: created for a partner and a scene, resolved by code on the redirect's hot path.

`resolve` answers from an in-process cache (code -> destination) kept for
`CACHE_TTL_SECONDS`: a hit costs no database round trip. Changing a link or a partner's
status drops the affected entries in this process at once; other processes (workers)
see the change within the TTL.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from accounts.service import audit
from accounts.service.audit import Actor
from accounts.service.settings import get_settings
from core import ids
from core.db import connection, current_dialect
from referral.errors import LinkNotFound, PartnerNotFound, TargetNotAllowed
from referral.models import Partner, PartnerStatus, ShareLink
from referral.targets import click_splice, normalize_target, target_problem

#: How long a resolved code is trusted in this process.
CACHE_TTL_SECONDS = 5.0
#: Most codes cached at once (unknown codes too, so scanning random codes cannot grow memory).
CACHE_MAX_ENTRIES = 50_000
_CODE_ATTEMPTS = 5
#: What a link code can look like; anything else is unknown without asking the database.
LINK_CODE = re.compile(r"^[A-Za-z0-9]{1,16}$")


@dataclass(frozen=True, slots=True)
class LinkInfo:
    """A share link. `active` false: the link answers 404 and records nothing."""

    id: int
    merchant_id: int
    partner_id: int
    code: str
    target_url: str
    scene: str
    sku: str | None
    campaign: str | None
    active: bool
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class LinkPage:
    items: list[LinkInfo]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class Destination:
    """What the redirect needs of a link; `live` is false when the link is off or its partner
    suspended (kept in the cache so a partner's change can find all of its links)."""

    link_id: int
    merchant_id: int
    partner_id: int
    scene: str
    target_url: str
    live: bool = True
    #: The target split around where the click id goes (see `click_splice`).
    splice: tuple[str, str] = ("", "")

    def location(self, click_id: str) -> str:
        return self.splice[0] + click_id + self.splice[1]


def _info(row: ShareLink) -> LinkInfo:
    return LinkInfo(
        id=row.id,
        merchant_id=row.merchant_id,
        partner_id=row.partner_id,
        code=row.code,
        target_url=row.target_url,
        scene=row.scene,
        sku=row.sku,
        campaign=row.campaign or None,
        active=row.active,
        created_at=row.created_at,
    )


def short_url(public_url: str, code: str) -> str:
    return f"{public_url.rstrip('/')}/r/{code}"


# --- admin use cases ----------------------------------------------------------------------------


async def create_link(
    merchant_id: int,
    partner_id: int,
    *,
    target_url: str,
    scene: str,
    sku: str | None = None,
    campaign: str | None = None,
    actor: Actor | None = None,
) -> tuple[LinkInfo, bool]:
    """A share link of the partner; returns (link, created).

    The same partner, scene, target and campaign give back the existing link
    (created=False), so a client may retry or re-ask freely. A new link is audited as `actor`.
    """
    campaign = campaign or ""
    target_url = normalize_target(target_url)
    for attempt in range(_CODE_ATTEMPTS):
        try:
            async with in_transaction():
                # Lock the partner: two identical requests at once make one link (PostgreSQL;
                # SQLite runs transactions one at a time).
                partner = (
                    await Partner.select_for_update()
                    .filter(merchant_id=merchant_id, id=partner_id)
                    .only("id")
                    .first()
                )
                if partner is None:
                    raise PartnerNotFound(partner_id)
                allowed = (await get_settings(merchant_id)).allowed_domains
                problem = target_problem(target_url, allowed)
                if problem is not None:
                    raise TargetNotAllowed(target_url, allowed, problem)
                existing = await ShareLink.filter(
                    merchant_id=merchant_id, partner_id=partner_id, scene=scene, campaign=campaign,
                    target_url=target_url,
                ).order_by("id").first()
                if existing is not None:
                    return _info(existing), False
                row = await ShareLink.create(
                    merchant_id=merchant_id, partner_id=partner_id, code=ids.link_code(),
                    target_url=target_url, scene=scene, sku=sku, campaign=campaign,
                )
                await audit.record(merchant_id, actor, "link.create", "link", row.id, after=_info(row))
            return _info(row), True
        except IntegrityError:
            # Only the unique link code can collide: try another one.
            if attempt == _CODE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


async def target_refusal(merchant_id: int, target_url: str) -> str | None:
    """Why `target_url` cannot be a share link of this merchant (as `create_link` would refuse it), or
    None: lets a form report it together with its other errors instead of after them."""
    allowed = (await get_settings(merchant_id)).allowed_domains
    return target_problem(normalize_target(target_url), allowed)


async def list_links(merchant_id: int, partner_id: int, *, limit: int = 50, offset: int = 0) -> LinkPage:
    """The partner's links, oldest first."""
    if not await Partner.exists(merchant_id=merchant_id, id=partner_id):
        raise PartnerNotFound(partner_id)
    query = ShareLink.filter(merchant_id=merchant_id, partner_id=partner_id)
    total = await query.count()
    rows = await query.order_by("id").offset(offset).limit(limit)
    return LinkPage([_info(r) for r in rows], total, limit, offset)


async def get_link(merchant_id: int, link_id: int) -> LinkInfo:
    row = await ShareLink.get_or_none(merchant_id=merchant_id, id=link_id)
    if row is None:
        raise LinkNotFound(link_id)
    return _info(row)


async def update_link(
    merchant_id: int, link_id: int, *, active: bool | None = None, actor: Actor | None = None
) -> LinkInfo:
    """Switch a link on or off; off takes effect at once in this process, within the TTL elsewhere.
    A change is audited as `actor` (`link.switch_off`, `link.switch_on`); no change records nothing."""
    async with in_transaction():
        row = await ShareLink.select_for_update().get_or_none(merchant_id=merchant_id, id=link_id)
        if row is None:
            raise LinkNotFound(link_id)
        if active is not None and active != row.active:
            before = _info(row)
            row.active = active
            await row.save(update_fields=["active"])
            action = "link.switch_on" if active else "link.switch_off"
            await audit.record(merchant_id, actor, action, "link", link_id, before=before, after=_info(row))
    cache.forget(row.code)
    return _info(row)


# --- the redirect's lookup ----------------------------------------------------------------------


class LinkCache:
    """code -> Destination (None for an unknown code), each kept `ttl` seconds."""

    def __init__(
        self, ttl: float = CACHE_TTL_SECONDS, max_entries: int = CACHE_MAX_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self.clock = clock
        self._entries: dict[str, tuple[float, Destination | None]] = {}

    def get(self, code: str) -> tuple[bool, Destination | None]:
        """(hit, destination)."""
        entry = self._entries.get(code)
        if entry is None or entry[0] <= self.clock():
            return False, None
        return True, entry[1]

    def put(self, code: str, destination: Destination | None) -> None:
        if len(self._entries) >= self.max_entries:
            # Dicts keep insertion order: drop the oldest tenth rather than one at a time.
            for stale in list(self._entries)[: max(1, self.max_entries // 10)]:
                del self._entries[stale]
        self._entries.pop(code, None)
        self._entries[code] = (self.clock() + self.ttl, destination)

    def forget(self, code: str) -> None:
        self._entries.pop(code, None)

    def forget_partner(self, partner_id: int) -> None:
        for code, (_, dest) in list(self._entries.items()):
            if dest is not None and dest.partner_id == partner_id:
                del self._entries[code]

    def clear(self) -> None:
        self._entries.clear()


cache = LinkCache()


def forget_partner(partner_id: int) -> None:
    """Drop cached destinations of a partner whose status changed."""
    cache.forget_partner(partner_id)


async def resolve(code: str) -> Destination | None:
    """Where `/r/{code}` goes, or None when the code is unknown, the link is off or its
    partner is suspended. Served from the cache; a miss is one query."""
    if not LINK_CODE.match(code):
        return None
    hit, destination = cache.get(code)
    if not hit:
        destination = await _load(code)
        cache.put(code, destination)
    return destination if destination is not None and destination.live else None


async def _load(code: str) -> Destination | None:
    # Link codes are globally unique: this public lookup is the one query not scoped by a
    # caller's merchant; the join keeps the partner within the link's merchant.
    mark = "$1" if current_dialect() == "postgres" else "?"
    rows = await connection().execute_query_dict(
        "SELECT l.id, l.merchant_id, l.partner_id, l.scene, l.target_url, l.active, p.status "
        "FROM share_link l JOIN partner p ON p.id = l.partner_id AND p.merchant_id = l.merchant_id "
        f"WHERE l.code = {mark}",
        [code],
    )
    if not rows:
        return None
    row = rows[0]
    live = bool(row["active"]) and row["status"] != PartnerStatus.suspended.value
    # Links made before normalisation (or by hand) may hold non-ASCII: a header must not.
    target = normalize_target(row["target_url"])
    return Destination(
        row["id"], row["merchant_id"], row["partner_id"], row["scene"], target, live, click_splice(target)
    )
