"""A partner's sessions: each browser or app signed in holds a random token (only its SHA-256 is
kept), listed in the portal, ended one by one or all at once, and over after `SESSION_TTL`.

Partners are referral's; this module knows only their ids. Referral ends a partner's sessions
when the partner is suspended (`end_all_sessions`), and whoever reads a session checks the
partner is still allowed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from accounts.models import PartnerSession
from core import ids
from core.errors import NotFound
from core.time import now

#: A session ends this long after it started, however active it was.
SESSION_TTL = timedelta(days=30)
#: `last_seen_at` is written at most this often (not on every request).
TOUCH_EVERY = timedelta(minutes=5)
TOKEN_PREFIX = "ps"
DEVICE_MAX_LENGTH = 200


@dataclass(frozen=True, slots=True)
class SessionInfo:
    id: int
    merchant_id: int
    partner_id: int
    device: str  #: the browser's or app's user agent, as it said when signing in
    via: str  #: how it signed in: "code", "link"
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class NewSession:
    """A session just started: the token appears here once (the cookie or the app keeps it)."""

    token: str
    session: SessionInfo


class SessionNotFound(NotFound):
    def __init__(self, session_id: int) -> None:
        super().__init__(f"session {session_id} not found")


def _info(row: PartnerSession) -> SessionInfo:
    return SessionInfo(row.id, row.merchant_id, row.partner_id, row.device, row.via, row.created_at,
                       row.last_seen_at, row.expires_at)


def is_session_token(token: str) -> bool:
    return token.startswith(f"{TOKEN_PREFIX}_")


async def start_session(
    merchant_id: int, partner_id: int, *, device: str, via: str, at: datetime | None = None
) -> NewSession:
    moment = at or now()
    token = ids.secret_token(TOKEN_PREFIX)
    row = await PartnerSession.create(
        merchant_id=merchant_id, partner_id=partner_id, token_hash=ids.token_hash(token),
        device=device[:DEVICE_MAX_LENGTH], via=via, created_at=moment, last_seen_at=moment,
        expires_at=moment + SESSION_TTL,
    )
    return NewSession(token, _info(row))


async def session_of(token: str, *, at: datetime | None = None) -> SessionInfo | None:
    """The live session `token` opens (None: unknown, ended or expired), its last use noted."""
    moment = at or now()
    row = await PartnerSession.get_or_none(token_hash=ids.token_hash(token), ended_at=None, expires_at__gt=moment)
    if row is None:
        return None
    if moment - row.last_seen_at >= TOUCH_EVERY:
        await PartnerSession.filter(id=row.id).update(last_seen_at=moment)
        row.last_seen_at = moment
    return _info(row)


async def live_sessions(merchant_id: int, partner_id: int, *, at: datetime | None = None) -> list[SessionInfo]:
    """The partner's sessions still open, the most recently used first."""
    rows = await PartnerSession.filter(
        merchant_id=merchant_id, partner_id=partner_id, ended_at=None, expires_at__gt=at or now()
    ).order_by("-last_seen_at", "-id")
    return [_info(row) for row in rows]


async def end_session(merchant_id: int, partner_id: int, session_id: int, *, at: datetime | None = None) -> None:
    """End one of the partner's own sessions (another partner's, or one already over: 404)."""
    ended = await PartnerSession.filter(
        merchant_id=merchant_id, partner_id=partner_id, id=session_id, ended_at=None
    ).update(ended_at=at or now())
    if ended != 1:
        raise SessionNotFound(session_id)


async def end_session_by_token(token: str, *, at: datetime | None = None) -> bool:
    """Sign out the session `token` opens (a browser signing out); False when it was not open."""
    return await PartnerSession.filter(token_hash=ids.token_hash(token), ended_at=None).update(ended_at=at or now()) == 1


async def end_all_sessions(
    merchant_id: int, partner_id: int, *, at: datetime | None = None, keep: int | None = None
) -> int:
    """End every open session of the partner (but `keep`, the one asking); returns how many."""
    query = PartnerSession.filter(merchant_id=merchant_id, partner_id=partner_id, ended_at=None)
    if keep is not None:
        query = query.exclude(id=keep)
    return await query.update(ended_at=at or now())
