"""Ledger set-up for tests: commissions earned (and made available) through the real posting service."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import datetime, timedelta

import pytest
from tortoise.transactions import in_transaction

from core.db import current_dialect
from core.running import SETTLED_AFTER
from core.sql import utc
from core.time import now as real_now
from payouts import ledger
from payouts.service import finance_views, postings
from payouts.service.postings import post_many

_ids = itertools.count(1)


def reference(prefix: str = "ref") -> str:
    """A reference no other test uses (each test also has its own merchant)."""
    return f"{prefix}-{next(_ids)}"


async def earn(
    merchant_id: int, partner_id: int, amount: int, *, asset: str = "CNY", available: bool = False,
) -> str:
    """Post a commission of `amount` for the partner (pending, or already available); returns its id."""
    commission_id = reference("commission")
    entries = [ledger.commission_earned(partner_id, asset, amount, commission_id=commission_id)]
    if available:
        entries.append(ledger.commission_available(partner_id, asset, amount, commission_id=commission_id))
    await post_many(merchant_id, entries)
    return commission_id


@contextmanager
def ledger_dated(at: datetime) -> Iterator[None]:
    """Entries posted inside are dated `at` (the ledger takes its own clock, and its rows are
    append-only in the database: they cannot be re-dated afterwards)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(postings, "now", lambda: utc(at))
        yield


class LedgerClock:
    """The clock the ledger dates entries by and the finance views read, moved forward by a
    test: time passes (entries settle) without waiting and without re-dating a row."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.offset = timedelta()
        for module in (postings, finance_views):
            monkeypatch.setattr(module, "now", self.now)

    def now(self) -> datetime:
        return real_now() + self.offset

    def settle(self) -> None:
        """What was posted so far settles: the clock moves past `SETTLED_AFTER`."""
        self.offset += SETTLED_AFTER + timedelta(minutes=1)


@asynccontextmanager
async def past_the_balance_check() -> AsyncIterator[None]:
    """Rows written inside skip PostgreSQL's check that each transaction sums to zero (its
    triggers are off for this transaction only): what a ledger written before that check, or
    restored from elsewhere, may hold, for the tests of the audit that finds such rows. SQLite
    has no such check."""
    if current_dialect() != "postgres":
        yield
        return
    async with in_transaction() as conn:
        await conn.execute_script("SET LOCAL session_replication_role = replica")
        yield
