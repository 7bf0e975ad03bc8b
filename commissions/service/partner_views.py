"""What the partner portal (and the console's page of one partner) reads of the commissions domain,
always scoped to one merchant AND one partner.

Sums are computed in SQL (one statement per figure set, over the index merchant_id, partner_id,
occurred_at), lists are keyset pages of 50, and each original carries what its reversals took
back, so a page never walks rows in Python nor asks one query per row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from commissions.models import COUNTING, Commission
from commissions.service.records import FIELDS, CommissionRecord, record, record_from_db
from core.sql import rows
from referral.service import partner_views as referral_views


async def earnings_by_period(
    merchant_id: int, partner_id: int, periods: Sequence[referral_views.Period]
) -> dict[str, list[int]]:
    """asset -> what the partner earned in each period, by when the order (or the refund, for a
    reversal) happened: pending and available commissions, net of reversals. One scan of the
    partner's rows over the periods' span, one GROUP BY asset; an asset with no row is left out."""
    if not periods:
        return {}
    items, params, span = referral_views.period_sums("amount", periods)
    found = await rows(
        f"SELECT asset, {items} FROM commission WHERE merchant_id = ? AND partner_id = ?"
        f" AND status IN (?, ?) AND occurred_at >= ? AND occurred_at < ? GROUP BY asset",
        [*params, merchant_id, partner_id, *COUNTING, *span],
    )
    # PostgreSQL's SUM(bigint) is numeric: back to int.
    return {row["asset"]: [int(row[f"p{i}"]) for i in range(len(periods))] for row in found}


@dataclass(frozen=True, slots=True)
class PartnerCommission:
    """A commission (or reversal) of the partner, with what reversals took back from it so far."""

    commission: CommissionRecord
    reversed_amount: int  #: sum of its reversals (0 or negative); 0 for a reversal itself


@dataclass(frozen=True, slots=True)
class PartnerCommissionPage:
    items: list[PartnerCommission]
    next_before_id: int | None  #: pass as `before_id` for the next (older) page; None on the last page


_COLUMNS = ", ".join(f"c.{name}" for name in FIELDS)


async def partner_commissions(
    merchant_id: int, partner_id: int, *, before_id: int | None = None, limit: int = 50
) -> PartnerCommissionPage:
    """The partner's commissions and reversals, newest first (by when the order or refund happened,
    then id), a keyset page of `limit` after the row `before_id`. Walks the index merchant_id,
    partner_id, occurred_at, so a page costs the same however many rows the partner has."""
    after = ""
    params: list = [merchant_id, partner_id]
    if before_id is not None:
        after = (" AND (c.occurred_at, c.id) < (SELECT b.occurred_at, b.id FROM commission b"
                 " WHERE b.merchant_id = ? AND b.partner_id = ? AND b.id = ?)")
        params += [merchant_id, partner_id, before_id]
    found = await rows(
        f"SELECT {_COLUMNS}, (SELECT COALESCE(SUM(r.amount), 0) FROM commission r"
        " WHERE r.merchant_id = c.merchant_id AND r.reversal_of = c.id) AS reversed_amount"
        f" FROM commission c WHERE c.merchant_id = ? AND c.partner_id = ?{after}"
        " ORDER BY c.occurred_at DESC, c.id DESC LIMIT ?",
        [*params, limit + 1],
    )
    items = [PartnerCommission(record_from_db(row), int(row["reversed_amount"])) for row in found[:limit]]
    return PartnerCommissionPage(items, items[-1].commission.id if len(found) > limit else None)


async def order_commissions(merchant_id: int, partner_id: int, order_id: int) -> list[CommissionRecord]:
    """The partner's commissions and reversals on one order, oldest first (none: not the partner's)."""
    found = await Commission.filter(merchant_id=merchant_id, order_id=order_id, partner_id=partner_id).order_by("id")
    return [record(row) for row in found]


@dataclass(frozen=True, slots=True)
class LevelTwo:
    """What the partner earned at level 2 (on the sales of partners they recruited)."""

    total: dict[str, int]  #: asset -> amount, over every invitee
    by_invitee: dict[int, dict[str, int]]  #: invitee id -> asset -> amount, for the invitees asked about


async def level_two_earnings(merchant_id: int, partner_id: int, invitee_ids: Sequence[int]) -> LevelTwo:
    """Level-2 earnings (pending and available, net of reversals) in total and per invitee in
    `invitee_ids` (the invitee is the partner the order was attributed to): one scan of the
    partner's level-2 rows, grouped by invitee (null for the invitees not asked about)."""
    # No invitee asked about: id 0 names no partner, so every row falls in the null group.
    orders, order_params = referral_views.orders_of_partners(merchant_id, invitee_ids or [0])
    found = await rows(
        f"SELECT o.partner_id AS invitee_id, c.asset AS asset, SUM(c.amount) AS amount"
        f" FROM commission c LEFT JOIN ({orders}) o ON o.order_id = c.order_id"
        " WHERE c.merchant_id = ? AND c.partner_id = ? AND c.level = 2 AND c.status IN (?, ?)"
        " GROUP BY o.partner_id, c.asset",
        [*order_params, merchant_id, partner_id, *COUNTING],
    )
    total: dict[str, int] = defaultdict(int)
    by_invitee: dict[int, dict[str, int]] = defaultdict(dict)
    for row in found:
        total[row["asset"]] += int(row["amount"])
        if row["invitee_id"] is not None:
            by_invitee[row["invitee_id"]][row["asset"]] = int(row["amount"])
    return LevelTwo(dict(total), dict(by_invitee))


@dataclass(frozen=True, slots=True)
class InviteeRow:
    invitee: referral_views.Invitee
    earned: dict[str, int]  #: asset -> what their sales earned the recruiter at level 2


@dataclass(frozen=True, slots=True)
class Invitees:
    items: list[InviteeRow]
    total: int  #: how many partners the partner recruited
    offset: int
    limit: int
    level_two_total: dict[str, int]  #: asset -> level-2 earnings over every invitee


async def invitees(merchant_id: int, partner_id: int, *, offset: int = 0, limit: int = 50) -> Invitees:
    """A page of the partners `partner_id` recruited, newest first, each with what their sales
    earned the recruiter at level 2, and the level-2 total (four statements)."""
    page = await referral_views.invitees(merchant_id, partner_id, limit=limit, offset=offset)
    earned = await level_two_earnings(merchant_id, partner_id, [i.id for i in page.items])
    return Invitees(
        [InviteeRow(i, earned.by_invitee.get(i.id, {})) for i in page.items],
        page.total, offset, limit, earned.total,
    )
