"""The points wallet: redemptions at checkout, restores on refund, balance and history.

Points reach ``partner:{id}:wallet`` when a points payout batch is approved (``points_credit``).
The shop spends them at checkout (``points_redemption``: wallet -> ``merchant:points_redeemed``)
and, when it refunds the order, puts some or all of them back with a new entry of the same kind
and opposite legs (a *restore*: ``merchant:points_redeemed`` -> wallet, idempotency key
``points_restore:{id}``); nothing is ever edited. A wallet never goes below zero: every
movement of a partner's wallet (redemption, restore, expiry) runs under one lock per
(merchant, partner) and checks the balance inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from payouts import ledger
from payouts.ledger import MAX_IDEMPOTENCY_KEY, MAX_REFERENCE, AccountKind, TransactionKind
from payouts.models import PointsRedemption, PointsRestore
from payouts.service.postings import post_many
from payouts.service.sql import MAX_BIGINT, advisory_lock, instant, rows
from payouts.wallet.errors import (
    IdempotencyKeyReused,
    InsufficientPoints,
    PartnerCannotRedeem,
    PointsInputInvalid,
    RedemptionNotFound,
    RestoreExceedsRedemption,
)
from referral.service.partners import get_partner

PTS = ledger.POINTS_ASSET
WALLET = AccountKind.wallet.value
#: Points in one redemption or restore at most: far inside BIGINT, far beyond any real wallet.
MAX_POINTS = 10**12


def redemption_reference(redemption_id: int) -> str:
    """The ledger reference of a redemption and of its restores: ``PR12``."""
    return f"PR{redemption_id}"


async def lock_wallet(merchant_id: int, partner_id: int) -> None:
    """Serialise every movement of one partner's wallet until the transaction ends (PostgreSQL;
    SQLite runs one writing transaction at a time)."""
    await advisory_lock("points_wallet", merchant_id, partner_id)


async def wallet_balance(merchant_id: int, partner_id: int) -> int:
    """The partner's spendable points: the SUM of its wallet postings."""
    found = await rows(
        "SELECT COALESCE(SUM(amount_minor), 0) AS balance FROM ledger_posting"
        " WHERE merchant_id = ? AND partner_id = ? AND asset = ? AND account = ?",
        [merchant_id, partner_id, PTS, WALLET],
    )
    return int(found[0]["balance"])  # PostgreSQL's SUM(bigint) is numeric


def _check_points(points: int) -> int:
    if type(points) is not int or not 0 < points <= MAX_POINTS:
        raise PointsInputInvalid("points", f"must be a whole number of points from 1 to {MAX_POINTS}")
    return points


def _check_text(value: str, field: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise PointsInputInvalid(field, f"must have 1 to {limit} characters")
    return value


# --- redemptions --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RestoreInfo:
    id: int
    redemption_id: int
    points: int
    idempotency_key: str
    balance_after: int  #: the wallet right after the restore
    created_at: datetime


@dataclass(frozen=True, slots=True)
class RedemptionInfo:
    """Points spent on an order, and what refunds gave back of them."""

    id: int
    partner_id: int
    points: int
    order_ref: str
    idempotency_key: str
    balance_after: int  #: the wallet right after the redemption
    created_at: datetime
    restores: tuple[RestoreInfo, ...]

    @property
    def reference(self) -> str:
        return redemption_reference(self.id)

    @property
    def restored(self) -> int:
        return sum(r.points for r in self.restores)

    @property
    def restorable(self) -> int:
        """Points a later refund may still put back."""
        return self.points - self.restored


@dataclass(frozen=True, slots=True)
class Redeemed:
    redemption: RedemptionInfo
    replayed: bool  #: the key was seen before: this is the first call's redemption, nothing written


@dataclass(frozen=True, slots=True)
class Restored:
    restore: RestoreInfo
    redemption: RedemptionInfo
    replayed: bool


def _restore_info(row: PointsRestore) -> RestoreInfo:
    return RestoreInfo(row.id, row.redemption_id, row.points, row.idempotency_key, row.balance_after, row.created_at)


async def _info(row: PointsRedemption) -> RedemptionInfo:
    restores = await PointsRestore.filter(merchant_id=row.merchant_id, redemption_id=row.id).order_by("id")
    return RedemptionInfo(
        id=row.id, partner_id=row.partner_id, points=row.points, order_ref=row.order_ref,
        idempotency_key=row.idempotency_key, balance_after=row.balance_after, created_at=row.created_at,
        restores=tuple(_restore_info(r) for r in restores),
    )


async def get_redemption(merchant_id: int, redemption_id: int) -> RedemptionInfo:
    row = await PointsRedemption.get_or_none(merchant_id=merchant_id, id=redemption_id)
    if row is None:
        raise RedemptionNotFound(redemption_id)
    return await _info(row)


async def _replay(row: PointsRedemption, partner_id: int, points: int, order_ref: str) -> Redeemed:
    if (row.partner_id, row.points, row.order_ref) != (partner_id, points, order_ref):
        raise IdempotencyKeyReused(row.idempotency_key, "redemption")
    return Redeemed(await _info(row), replayed=True)


async def redeem(merchant_id: int, partner_id: int, points: int, *, order_ref: str, idempotency_key: str) -> Redeemed:
    """Take `points` from the partner's wallet for the shop's order `order_ref` (one transaction).

    Refused with `InsufficientPoints` (409, nothing written) when the wallet holds fewer. The
    same `idempotency_key` with the same partner, points and order answers the first
    redemption again and writes nothing; with anything else it is `IdempotencyKeyReused` (409).
    A partner of another merchant is not found (404); one that is not active (suspended: its
    earnings are held) cannot redeem (409).
    """
    _check_points(points)
    _check_text(order_ref, "order_ref", MAX_REFERENCE)
    _check_text(idempotency_key, "idempotency_key", MAX_IDEMPOTENCY_KEY)
    partner = await get_partner(merchant_id, partner_id)
    try:
        async with in_transaction():
            await lock_wallet(merchant_id, partner_id)
            seen = await PointsRedemption.get_or_none(merchant_id=merchant_id, idempotency_key=idempotency_key)
            if seen is not None:
                return await _replay(seen, partner_id, points, order_ref)
            if not partner.is_active:
                raise PartnerCannotRedeem(partner_id, partner.status)
            balance = await wallet_balance(merchant_id, partner_id)
            if balance < points:
                raise InsufficientPoints(partner_id, balance, points)
            row = await PointsRedemption.create(
                merchant_id=merchant_id, partner_id=partner_id, points=points, order_ref=order_ref,
                idempotency_key=idempotency_key, balance_after=balance - points,
            )
            await post_many(merchant_id, [
                ledger.points_redemption(partner_id, points, reference=redemption_reference(row.id),
                                         memo=f"order {order_ref}"[: ledger.MAX_MEMO]),
            ])
    except IntegrityError:
        # The same key for another partner, committed meanwhile (another lock): answer as a replay would.
        seen = await PointsRedemption.get_or_none(merchant_id=merchant_id, idempotency_key=idempotency_key)
        if seen is None:
            raise
        return await _replay(seen, partner_id, points, order_ref)
    return Redeemed(RedemptionInfo(
        id=row.id, partner_id=partner_id, points=points, order_ref=order_ref, idempotency_key=idempotency_key,
        balance_after=row.balance_after, created_at=row.created_at, restores=(),
    ), replayed=False)


def restore_entry(partner_id: int, points: int, *, redemption_id: int, restore_id: int, memo: str = "") -> ledger.Entry:
    """The ledger entry of a restore: a redemption's legs reversed, under its own key.

    The chart of accounts has no restore kind; a ``points_redemption`` entry whose wallet leg is
    positive is a restore (the wallet history names it so).
    """
    _check_points(points)
    return ledger.entry(
        TransactionKind.points_redemption, PTS,
        [(ledger.merchant(AccountKind.points_redeemed, partner_id), -points),
         (ledger.partner(partner_id, AccountKind.wallet), points)],
        reference=redemption_reference(redemption_id), idempotency_key=f"points_restore:{restore_id}", memo=memo,
    )


async def restore(merchant_id: int, redemption_id: int, points: int, *, idempotency_key: str) -> Restored:
    """Put `points` of a redemption back in the wallet: the shop refunded (part of) the order.

    Partial restores add up to the redeemed points at most (`RestoreExceedsRedemption`, 409).
    `idempotency_key` (the shop's refund id, say) is unique per redemption: the same key and
    points answer the first restore again and write nothing; other points are a 409.
    """
    _check_points(points)
    _check_text(idempotency_key, "idempotency_key", MAX_IDEMPOTENCY_KEY)
    redemption = await PointsRedemption.get_or_none(merchant_id=merchant_id, id=redemption_id)
    if redemption is None:
        raise RedemptionNotFound(redemption_id)
    partner_id = redemption.partner_id
    async with in_transaction():
        await lock_wallet(merchant_id, partner_id)
        seen = await PointsRestore.get_or_none(
            merchant_id=merchant_id, redemption_id=redemption_id, idempotency_key=idempotency_key
        )
        if seen is not None:
            if seen.points != points:
                raise IdempotencyKeyReused(idempotency_key, "restore of this redemption")
            return Restored(_restore_info(seen), await _info(redemption), replayed=True)
        done = await _info(redemption)
        if points > done.restorable:
            raise RestoreExceedsRedemption(redemption_id, done.restorable, points)
        balance = await wallet_balance(merchant_id, partner_id)
        row = await PointsRestore.create(
            merchant_id=merchant_id, redemption_id=redemption_id, partner_id=partner_id, points=points,
            idempotency_key=idempotency_key, balance_after=balance + points,
        )
        memo = f"refund of order {redemption.order_ref}"[: ledger.MAX_MEMO]
        await post_many(merchant_id, [
            restore_entry(partner_id, points, redemption_id=redemption_id, restore_id=row.id, memo=memo)
        ])
    made = _restore_info(row)
    return Restored(made, replace(done, restores=(*done.restores, made)), replayed=False)


# --- the wallet: balance and history -----------------------------------------------------------


def movement(kind: str, amount: int) -> str:
    """What a wallet posting is, by its entry's kind and the sign of the wallet leg: credit,
    redemption, restore, expiry or reversal (a commission clawed back from the wallet)."""
    if kind == TransactionKind.points_credit:
        return "credit"
    if kind == TransactionKind.points_redemption:
        return "redemption" if amount < 0 else "restore"
    if kind == TransactionKind.points_expiry:
        return "expiry"
    if kind == TransactionKind.commission_reversed:
        return "reversal"
    return kind


@dataclass(frozen=True, slots=True)
class WalletLine:
    """One movement of the wallet, with the balance right after it."""

    transaction_id: int
    posted_at: datetime
    movement: str  #: see `movement`
    points: int  #: signed: positive adds to the wallet
    balance: int
    reference: str  #: PR{id} for redemptions and restores, the batch line for credits
    memo: str


@dataclass(frozen=True, slots=True)
class WalletInfo:
    partner_id: int
    balance: int  #: spendable now
    totals: dict[str, int]  #: movement -> points, each positive (credit, redemption, restore, expiry, reversal)
    history: list[WalletLine]  #: newest first
    next_before_id: int | None  #: pass as before_id for the next (older) page


async def wallet(merchant_id: int, partner_id: int, *, before_id: int | None = None, limit: int = 100) -> WalletInfo:
    """The partner's balance, its totals per movement and a page of history (newest first)."""
    await get_partner(merchant_id, partner_id)
    scope = [merchant_id, partner_id, PTS, WALLET]
    incoming = "CASE WHEN p.amount_minor > 0 THEN 1 ELSE 0 END"
    sums = await rows(
        f"SELECT t.kind AS kind, {incoming} AS incoming, SUM(p.amount_minor) AS points"
        " FROM ledger_posting p JOIN ledger_transaction t ON t.id = p.transaction_id"
        " WHERE p.merchant_id = ? AND p.partner_id = ? AND p.asset = ? AND p.account = ?"
        f" GROUP BY t.kind, {incoming}",
        scope,
    )
    totals = dict.fromkeys(("credit", "redemption", "restore", "expiry", "reversal"), 0)
    balance = 0
    for row in sums:
        points = int(row["points"])
        balance += points
        name = movement(row["kind"], 1 if row["incoming"] else -1)
        totals[name] = totals.get(name, 0) + abs(points)
    # Running balances over the whole wallet (one window), then the page.
    page = await rows(
        "SELECT w.transaction_id, w.points, w.balance, t.kind, t.reference, t.memo, t.created_at FROM ("
        "  SELECT transaction_id, SUM(amount_minor) AS points,"
        "  SUM(SUM(amount_minor)) OVER (ORDER BY transaction_id) AS balance"
        "  FROM ledger_posting WHERE merchant_id = ? AND partner_id = ? AND asset = ? AND account = ?"
        "  GROUP BY transaction_id"
        ") w JOIN ledger_transaction t ON t.id = w.transaction_id"
        " WHERE w.transaction_id < ? ORDER BY w.transaction_id DESC LIMIT ?",
        [*scope, before_id if before_id is not None else MAX_BIGINT, limit + 1],
    )
    lines = [
        WalletLine(
            transaction_id=row["transaction_id"], posted_at=instant(row["created_at"]),
            movement=movement(row["kind"], int(row["points"])), points=int(row["points"]),
            balance=int(row["balance"]), reference=row["reference"], memo=row["memo"],
        )
        for row in page[:limit]
    ]
    more = len(page) > limit and lines
    return WalletInfo(partner_id, balance, totals, lines, lines[-1].transaction_id if more else None)
