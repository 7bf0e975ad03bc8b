"""Ledger set-up for tests: commissions earned (and made available) through the real posting service."""

from __future__ import annotations

import itertools

from payouts import ledger
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
