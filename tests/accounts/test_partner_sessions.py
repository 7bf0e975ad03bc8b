"""Partner sessions (accounts/service/partner_sessions.py): listed, ended one by one or all, expiring."""

from __future__ import annotations

from datetime import timedelta

import pytest

from accounts.models import PartnerSession
from accounts.service import partner_sessions
from core import ids
from core.errors import NotFound
from core.time import now
from tests.factories.merchants import make_merchant

pytestmark = pytest.mark.usefixtures("database_url")


async def test_a_session_is_opened_by_its_token_only_and_kept_hashed():
    merchant = await make_merchant()
    started = await partner_sessions.start_session(merchant.id, 5, device="iPhone Safari", via="code")
    assert started.token.startswith("ps_")
    row = await PartnerSession.get(id=started.session.id)
    assert row.token_hash == ids.token_hash(started.token) and started.token not in row.token_hash
    found = await partner_sessions.session_of(started.token)
    assert found is not None and (found.partner_id, found.device, found.via) == (5, "iPhone Safari", "code")
    assert await partner_sessions.session_of(started.token + "x") is None


async def test_a_session_expires_after_thirty_days_and_notes_its_last_use_every_five_minutes():
    merchant = await make_merchant()
    at = now()
    started = await partner_sessions.start_session(merchant.id, 5, device="d", via="code", at=at)
    seen = await partner_sessions.session_of(started.token, at=at + timedelta(minutes=4))
    assert seen is not None and seen.last_seen_at == started.session.last_seen_at
    seen = await partner_sessions.session_of(started.token, at=at + timedelta(minutes=6))
    assert seen is not None and seen.last_seen_at == at + timedelta(minutes=6)
    assert await partner_sessions.session_of(started.token, at=at + timedelta(days=30)) is None


async def test_sessions_are_listed_and_ended_one_by_one_or_all_at_once_but_only_the_partners_own():
    merchant = await make_merchant()
    mine = [await partner_sessions.start_session(merchant.id, 5, device=f"d{n}", via="code") for n in range(3)]
    theirs = await partner_sessions.start_session(merchant.id, 6, device="x", via="link")
    assert {s.id for s in await partner_sessions.live_sessions(merchant.id, 5)} == {s.session.id for s in mine}

    with pytest.raises(NotFound):
        await partner_sessions.end_session(merchant.id, 5, theirs.session.id)
    await partner_sessions.end_session(merchant.id, 5, mine[0].session.id)
    with pytest.raises(NotFound):  # already over
        await partner_sessions.end_session(merchant.id, 5, mine[0].session.id)
    assert await partner_sessions.session_of(mine[0].token) is None

    assert await partner_sessions.end_all_sessions(merchant.id, 5, keep=mine[1].session.id) == 1
    assert [s.id for s in await partner_sessions.live_sessions(merchant.id, 5)] == [mine[1].session.id]
    assert await partner_sessions.end_all_sessions(merchant.id, 5) == 1
    assert await partner_sessions.live_sessions(merchant.id, 5) == []
    assert await partner_sessions.session_of(theirs.token) is not None
