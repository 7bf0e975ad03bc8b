"""The double-entry ledger's pure core: the chart of accounts and balanced entries for each movement.

Every movement of money or points is one *entry* (stored as a ``ledger_transaction``) of two or
more *postings* (``ledger_posting`` rows). An entry is in one asset — an ISO currency code, or
``PTS`` for points — and its signed amounts (integer minor units, or points) sum to zero.
A positive amount adds to what the account holds, a negative one takes from it. Nothing is ever
edited: a mistake is corrected by a new entry.

Chart of accounts (one set per merchant, partner and asset)
-----------------------------------------------------------
Partner accounts, ``partner:{id}:{bucket}``; the posting's ``partner_id`` is the owner. Each
bucket holds part of what the partner ever earned:

=================  ============================================================================
``pending``        earned, but the order is open or inside the after-sales hold: not payable
``available``      payable in the next batch (cash) or creditable to the wallet (points); goes
                   negative when a reversal lands after payment, and the next batch nets it
``requested``      asked for by the partner (a withdrawal, 提现), awaiting finance's decision or
                   a payout batch (cash); a rejection gives it back to available
``in_batch``       reserved by a payout batch line, sent to the bank, outcome unknown (cash)
``paid``           cumulative: reached the partner's bank account, net of tax (cash)
``reversed``       cumulative: clawed back by reversals (refunds, fraud)
``wallet``         points credited and spendable with the merchant (PTS)
=================  ============================================================================

Merchant accounts, ``merchant:{name}``; they are kept per counterparty partner (the posting's
``partner_id``), so "tax withheld from partner 7 this month" is one filtered SUM:

========================  ======================================================================
``commission_expense``    the source of every commission: its balance is minus all ever earned
``withholding_tax``       tax withheld from payouts, owed by the merchant to the tax authority
``withdrawal_fees``       fees charged on withdrawals the partner asked for, kept by the merchant
``points_redeemed``       points partners spent with the merchant (PTS)
``points_expired``        points that lapsed unused (PTS)
========================  ======================================================================

Because every entry concerns one partner and sums to zero, for each partner and asset::

    earned (= -commission_expense) = pending + available + requested + in_batch + paid + reversed
                                     + wallet + withheld + fees + redeemed + expired

What the merchant still owes a partner is ``pending + available + requested + in_batch``.

Worked examples (partner 7, CNY, amounts in fen; points in PTS)
---------------------------------------------------------------
commission_earned    commission 41 earns 12.50::

                         merchant:commission_expense  -1250
                         partner:7:pending            +1250
commission_reversed  refund: reversal 42 claws back 3.00 while it is still pending
                     (``source=available`` when the reversal is created as available)::

                         partner:7:pending            -300
                         partner:7:reversed           +300
commission_available the hold ends: commission 41 moves 12.50, reversal 42 moves -3.00
                     (a reversal row moves a negative amount, so buckets track statuses)::

                         partner:7:pending  -1250     partner:7:pending    +300
                         partner:7:available +1250    partner:7:available  -300
payout               batch line L1 reserves 9.50, later the bank confirms it (two entries)::

                         partner:7:available -950     partner:7:in_batch   -950
                         partner:7:in_batch  +950     partner:7:paid       +950
withholding          tax of 1.90 withheld on line L1, between reserve and payment, so
                     ``in_batch`` is what the bank is asked to send (7.60)::

                         partner:7:in_batch           -190
                         merchant:withholding_tax     +190
payout_failed        the bank refuses L1 (7.60 sent, 1.90 withheld): all back to available::

                         partner:7:in_batch           -760
                         merchant:withholding_tax     -190
                         partner:7:available          +950
payout_returned      L1 was paid (7.60) and the money came back weeks later; the tax stays
                     withheld unless ``withheld`` says to release it::

                         partner:7:paid               -760
                         partner:7:available          +760
withdrawal_requested the partner asks for their available 9.50 (withdrawal W3); a rejection
                     writes the reverse (``withdrawal_released``)::

                         partner:7:available          -950
                         partner:7:requested          +950
payout (requested)   finance approved W3 and batch line L2 pays it, with 2.00 that became
                     available since (a line takes the requested part first)::

                         partner:7:requested  -950    partner:7:available  -200
                         partner:7:in_batch  +1150
withdrawal_fee       the merchant's fee of 1.00 on W3, between reserve and payment like tax;
                     a failed or returned line gives it back with the rest (``fee``)::

                         partner:7:in_batch           -100
                         merchant:withdrawal_fees     +100
points_credit        300 available points go to the wallet (the points "payout")::

                         partner:7:available  -300  (PTS)
                         partner:7:wallet     +300  (PTS)
points_redemption    120 points spent at checkout::

                         partner:7:wallet             -120  (PTS)
                         merchant:points_redeemed     +120  (PTS)
points_expiry        80 points lapse::

                         partner:7:wallet             -80   (PTS)
                         merchant:points_expired      +80   (PTS)
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from core.money import POINTS, MoneyFormatError
from core.money import currency as check_currency
from payouts.errors import LedgerEntryInvalid, UnbalancedEntry

POINTS_ASSET = POINTS.code


class AccountKind(StrEnum):
    """The kind of an account; partner kinds are owned by a partner, merchant kinds by the merchant."""

    pending = "pending"  #: earned, not yet payable (order open or inside the hold)
    available = "available"  #: payable in the next batch / creditable to the wallet
    requested = "requested"  #: asked for by the partner (a withdrawal), not yet in a batch
    in_batch = "in_batch"  #: reserved by a batch line, at the bank
    paid = "paid"  #: cumulative: reached the partner's bank account
    reversed = "reversed"  #: cumulative: clawed back
    wallet = "wallet"  #: spendable points
    commission_expense = "commission_expense"  #: source of every commission
    withholding_tax = "withholding_tax"  #: tax withheld, owed to the tax authority
    withdrawal_fees = "withdrawal_fees"  #: fees charged on withdrawals
    points_redeemed = "points_redeemed"  #: points spent with the merchant
    points_expired = "points_expired"  #: points that lapsed

    @property
    def is_partner(self) -> bool:
        return self in PARTNER_ACCOUNTS


PARTNER_ACCOUNTS = frozenset(
    {AccountKind.pending, AccountKind.available, AccountKind.requested, AccountKind.in_batch, AccountKind.paid,
     AccountKind.reversed, AccountKind.wallet}
)
CASH_ONLY_ACCOUNTS = frozenset(
    {AccountKind.requested, AccountKind.in_batch, AccountKind.paid, AccountKind.withholding_tax,
     AccountKind.withdrawal_fees}
)
POINTS_ONLY_ACCOUNTS = frozenset({AccountKind.wallet, AccountKind.points_redeemed, AccountKind.points_expired})


class TransactionKind(StrEnum):
    """Why an entry was written."""

    commission_earned = "commission_earned"  #: a commission was created (pending)
    commission_reversed = "commission_reversed"  #: a reversal clawed part of one back
    commission_available = "commission_available"  #: the hold ended: pending -> available
    payout = "payout"  #: available -> in_batch (reserve), in_batch -> paid (bank confirmed)
    payout_failed = "payout_failed"  #: the bank refused a line: in_batch -> available
    payout_returned = "payout_returned"  #: paid money came back: paid -> available
    points_credit = "points_credit"  #: available points -> wallet
    points_redemption = "points_redemption"  #: wallet -> spent with the merchant
    points_expiry = "points_expiry"  #: wallet -> lapsed
    withholding = "withholding"  #: tax withheld from a batch line: in_batch -> withholding_tax
    withdrawal = "withdrawal"  #: the partner asked for their money: available <-> requested
    withdrawal_fee = "withdrawal_fee"  #: the fee on a line paying withdrawals: in_batch -> withdrawal_fees


CASH_ONLY_KINDS = frozenset(
    {TransactionKind.payout, TransactionKind.payout_failed, TransactionKind.payout_returned,
     TransactionKind.withholding, TransactionKind.withdrawal, TransactionKind.withdrawal_fee}
)
POINTS_ONLY_KINDS = frozenset(
    {TransactionKind.points_credit, TransactionKind.points_redemption, TransactionKind.points_expiry}
)

#: Limits of the stored columns (see payouts/models.py).
MAX_REFERENCE = 100
MAX_IDEMPOTENCY_KEY = 200
MAX_MEMO = 500


@dataclass(frozen=True, slots=True)
class Account:
    """One account: a kind and the partner who owns it (partner kinds) or is the counterparty."""

    kind: AccountKind
    partner_id: int | None = None

    def __str__(self) -> str:
        if self.kind.is_partner:
            return f"partner:{self.partner_id}:{self.kind.value}"
        suffix = f"[partner {self.partner_id}]" if self.partner_id is not None else ""
        return f"merchant:{self.kind.value}{suffix}"


def partner(partner_id: int, kind: AccountKind) -> Account:
    """``partner:{id}:{kind}``."""
    return Account(AccountKind(kind), partner_id)


def merchant(kind: AccountKind, counterparty: int | None = None) -> Account:
    """``merchant:{kind}``, kept in the sub-ledger of `counterparty` when the movement has one."""
    return Account(AccountKind(kind), counterparty)


@dataclass(frozen=True, slots=True)
class Posting:
    account: Account
    amount: int  #: signed minor units (or points): positive adds to the account


@dataclass(frozen=True, slots=True)
class Entry:
    """One balanced ledger transaction, not yet written."""

    kind: TransactionKind
    asset: str
    postings: tuple[Posting, ...]
    reference: str  #: what caused it: a commission id, a batch line id...
    idempotency_key: str  #: unique per merchant: replaying the same key writes nothing
    memo: str = ""

    def content_hash(self) -> str:
        """What a replay must match (the memo is free text and left out)."""
        legs = sorted((p.account.kind.value, p.account.partner_id or 0, p.amount) for p in self.postings)
        payload = _compact_json([self.kind.value, self.asset, self.reference, legs])
        return hashlib.sha256(payload.encode()).hexdigest()


#: `json.dumps(value, separators=(",", ":"))`, the text stored hashes were made from, with one
#: encoder made once (json.dumps builds a new encoder on every call that passes options).
_compact_json = json.JSONEncoder(separators=(",", ":")).encode


def entry(
    kind: TransactionKind | str,
    asset: str,
    postings: Iterable[Posting | tuple[Account, int]],
    *,
    reference: str,
    idempotency_key: str,
    memo: str = "",
) -> Entry:
    """A checked `Entry`: raises `UnbalancedEntry` or `LedgerEntryInvalid` instead of returning a bad one."""
    try:
        kind = TransactionKind(kind)
    except ValueError:
        raise LedgerEntryInvalid(f"unknown transaction kind {kind!r}", "kind") from None
    legs = tuple(p if isinstance(p, Posting) else Posting(*p) for p in postings)
    made = Entry(kind, asset.upper(), legs, str(reference), str(idempotency_key), memo)
    check(made)
    return made


@functools.lru_cache(maxsize=256)
def _asset_refused(asset: str) -> str | None:
    """Why `asset` is not a currency (or PTS) an entry may be in; None when it is. The registry of
    currencies is fixed at import, so the answer is kept (every entry of every order asks)."""
    try:
        check_currency(asset)
    except MoneyFormatError as error:
        return str(error)
    return None


def check(e: Entry) -> None:
    """Every rule an entry obeys before it may be written."""
    refused = _asset_refused(e.asset)
    if refused is not None:
        raise LedgerEntryInvalid(refused, "asset")
    is_points = e.asset == POINTS_ASSET
    if e.kind in CASH_ONLY_KINDS and is_points:
        raise LedgerEntryInvalid(f"{e.kind.value} moves cash, not points", "asset")
    if e.kind in POINTS_ONLY_KINDS and not is_points:
        raise LedgerEntryInvalid(f"{e.kind.value} moves points ({POINTS_ASSET}), not {e.asset}", "asset")
    for name, value, limit in (("reference", e.reference, MAX_REFERENCE),
                               ("idempotency_key", e.idempotency_key, MAX_IDEMPOTENCY_KEY)):
        if not value or len(value) > limit:
            raise LedgerEntryInvalid(f"{name} must have 1 to {limit} characters", name)
    if len(e.memo) > MAX_MEMO:
        raise LedgerEntryInvalid(f"memo must have at most {MAX_MEMO} characters", "memo")
    if len(e.postings) < 2:
        raise LedgerEntryInvalid("an entry needs at least two postings", "postings")
    for posting in e.postings:
        account, amount = posting.account, posting.amount
        if not isinstance(account, Account) or not isinstance(account.kind, AccountKind):
            raise LedgerEntryInvalid(f"{account!r} is not an account", "postings")
        if type(amount) is not int or amount == 0:
            raise LedgerEntryInvalid(f"{account}: amount must be a non-zero integer, got {amount!r}", "postings")
        if account.kind.is_partner and account.partner_id is None:
            raise LedgerEntryInvalid(f"{account.kind.value} is a partner account and needs a partner", "postings")
        if account.kind in CASH_ONLY_ACCOUNTS and is_points:
            raise LedgerEntryInvalid(f"{account} holds cash, not points", "postings")
        if account.kind in POINTS_ONLY_ACCOUNTS and not is_points:
            raise LedgerEntryInvalid(f"{account} holds points, not {e.asset}", "postings")
    total = sum(p.amount for p in e.postings)
    if total != 0:
        raise UnbalancedEntry(e.idempotency_key, {e.asset: total})


def balances_of(entries: Iterable[Entry]) -> dict[tuple[str, Account], int]:
    """(asset, account) -> balance after `entries`: the ledger replayed in memory (for tests and previews)."""
    totals: dict[tuple[str, Account], int] = defaultdict(int)
    for e in entries:
        for p in e.postings:
            totals[(e.asset, p.account)] += p.amount
    return dict(totals)


# --- One constructor per movement. Each takes a positive amount and the id of what caused it;
# the idempotency key is "{movement}:{reference}", so posting the same movement twice is a replay.


def _positive(amount: int, name: str = "amount") -> int:
    if type(amount) is not int or amount <= 0:
        raise LedgerEntryInvalid(f"{name} must be a positive integer, got {amount!r}", name)
    return amount


def _make(movement: str, kind: TransactionKind, asset: str, reference: object,
          legs: list[tuple[Account, int]], memo: str) -> Entry:
    ref = str(reference)
    return entry(kind, asset, [leg for leg in legs if leg[1] != 0], reference=ref,
                 idempotency_key=f"{movement}:{ref}", memo=memo)


def commission_earned(partner_id: int, asset: str, amount: int, *, commission_id: int | str, memo: str = "") -> Entry:
    """A commission is created: it starts pending."""
    _positive(amount)
    return _make("commission_earned", TransactionKind.commission_earned, asset, commission_id, [
        (merchant(AccountKind.commission_expense, partner_id), -amount),
        (partner(partner_id, AccountKind.pending), amount),
    ], memo)


def commission_reversed(
    partner_id: int, asset: str, amount: int, *, reversal_id: int | str,
    source: AccountKind = AccountKind.pending, memo: str = "",
) -> Entry:
    """A reversal (negative commission of -`amount`) claws back from the bucket its status names.

    `source` is ``pending`` or ``available`` (or ``wallet`` for points already credited); taking
    from ``available`` after a payout leaves it negative, and the next batch nets it.
    """
    _positive(amount)
    source = AccountKind(source)
    if source not in {AccountKind.pending, AccountKind.available, AccountKind.wallet}:
        raise LedgerEntryInvalid(f"a reversal takes from pending, available or wallet, not {source.value}", "source")
    return _make("commission_reversed", TransactionKind.commission_reversed, asset, reversal_id, [
        (partner(partner_id, source), -amount),
        (partner(partner_id, AccountKind.reversed), amount),
    ], memo)


def commission_available(partner_id: int, asset: str, amount: int, *, commission_id: int | str, memo: str = "") -> Entry:
    """The hold ended: a commission's amount moves pending -> available (negative for a reversal row)."""
    if type(amount) is not int or amount == 0:
        raise LedgerEntryInvalid(f"amount must be a non-zero integer, got {amount!r}", "amount")
    return _make("commission_available", TransactionKind.commission_available, asset, commission_id, [
        (partner(partner_id, AccountKind.pending), -amount),
        (partner(partner_id, AccountKind.available), amount),
    ], memo)


def payout_reserved(
    partner_id: int, asset: str, amount: int, *, line_id: int | str, requested: int = 0, memo: str = ""
) -> Entry:
    """A batch line takes `amount` (gross, before tax): the `requested` part from the withdrawals
    it pays, the rest from available (which gains when reversals net the line below `requested`)."""
    _positive(amount)
    _not_negative(requested, "requested")
    return _make("payout_reserved", TransactionKind.payout, asset, line_id, [
        (partner(partner_id, AccountKind.requested), -requested),
        (partner(partner_id, AccountKind.available), requested - amount),
        (partner(partner_id, AccountKind.in_batch), amount),
    ], memo)


def _not_negative(value: int, name: str) -> int:
    if type(value) is not int or value < 0:
        raise LedgerEntryInvalid(f"{name} must be a non-negative integer, got {value!r}", name)
    return value


def withdrawal_requested(partner_id: int, asset: str, amount: int, *, withdrawal_id: int | str, memo: str = "") -> Entry:
    """The partner asks for `amount` of their available money."""
    _positive(amount)
    return _make("withdrawal_requested", TransactionKind.withdrawal, asset, withdrawal_id, [
        (partner(partner_id, AccountKind.available), -amount),
        (partner(partner_id, AccountKind.requested), amount),
    ], memo)


def withdrawal_released(partner_id: int, asset: str, amount: int, *, withdrawal_id: int | str, memo: str = "") -> Entry:
    """A withdrawal finance rejected: its `amount` is available again."""
    _positive(amount)
    return _make("withdrawal_released", TransactionKind.withdrawal, asset, withdrawal_id, [
        (partner(partner_id, AccountKind.requested), -amount),
        (partner(partner_id, AccountKind.available), amount),
    ], memo)


def withdrawal_fee(partner_id: int, asset: str, amount: int, *, line_id: int | str, memo: str = "") -> Entry:
    """The merchant's fee on the withdrawals a reserved line pays; the bank sends the rest."""
    _positive(amount)
    return _make("withdrawal_fee", TransactionKind.withdrawal_fee, asset, line_id, [
        (partner(partner_id, AccountKind.in_batch), -amount),
        (merchant(AccountKind.withdrawal_fees, partner_id), amount),
    ], memo)


def withholding(partner_id: int, asset: str, amount: int, *, line_id: int | str, memo: str = "") -> Entry:
    """Tax withheld from a reserved batch line; what stays in ``in_batch`` is what the bank sends."""
    _positive(amount)
    return _make("withholding", TransactionKind.withholding, asset, line_id, [
        (partner(partner_id, AccountKind.in_batch), -amount),
        (merchant(AccountKind.withholding_tax, partner_id), amount),
    ], memo)


def payout_paid(partner_id: int, asset: str, amount: int, *, line_id: int | str, memo: str = "") -> Entry:
    """The bank confirmed a line: `amount` (net, what was sent) is paid."""
    _positive(amount)
    return _make("payout_paid", TransactionKind.payout, asset, line_id, [
        (partner(partner_id, AccountKind.in_batch), -amount),
        (partner(partner_id, AccountKind.paid), amount),
    ], memo)


def payout_failed(
    partner_id: int, asset: str, amount: int, *, line_id: int | str, withheld: int = 0, fee: int = 0, memo: str = "",
) -> Entry:
    """The bank refused a line: the `amount` sent, the tax `withheld` and the withdrawal `fee` on
    it go back to available."""
    _positive(amount)
    _not_negative(withheld, "withheld")
    _not_negative(fee, "fee")
    return _make("payout_failed", TransactionKind.payout_failed, asset, line_id, [
        (partner(partner_id, AccountKind.in_batch), -amount),
        (merchant(AccountKind.withholding_tax, partner_id), -withheld),
        (merchant(AccountKind.withdrawal_fees, partner_id), -fee),
        (partner(partner_id, AccountKind.available), amount + withheld + fee),
    ], memo)


def payout_returned(
    partner_id: int, asset: str, amount: int, *, line_id: int | str, withheld: int = 0, fee: int = 0, memo: str = "",
) -> Entry:
    """Paid money came back (closed account...): `amount` is payable again, plus any tax and
    withdrawal fee released."""
    _positive(amount)
    _not_negative(withheld, "withheld")
    _not_negative(fee, "fee")
    return _make("payout_returned", TransactionKind.payout_returned, asset, line_id, [
        (partner(partner_id, AccountKind.paid), -amount),
        (merchant(AccountKind.withholding_tax, partner_id), -withheld),
        (merchant(AccountKind.withdrawal_fees, partner_id), -fee),
        (partner(partner_id, AccountKind.available), amount + withheld + fee),
    ], memo)


def points_credit(partner_id: int, points: int, *, reference: int | str, memo: str = "") -> Entry:
    """Available points are credited to the partner's wallet, spendable from now on."""
    _positive(points, "points")
    return _make("points_credit", TransactionKind.points_credit, POINTS_ASSET, reference, [
        (partner(partner_id, AccountKind.available), -points),
        (partner(partner_id, AccountKind.wallet), points),
    ], memo)


def points_redemption(partner_id: int, points: int, *, reference: int | str, memo: str = "") -> Entry:
    """The partner spent wallet points with the merchant."""
    _positive(points, "points")
    return _make("points_redemption", TransactionKind.points_redemption, POINTS_ASSET, reference, [
        (partner(partner_id, AccountKind.wallet), -points),
        (merchant(AccountKind.points_redeemed, partner_id), points),
    ], memo)


def points_expiry(partner_id: int, points: int, *, reference: int | str, memo: str = "") -> Entry:
    """Wallet points lapsed unused."""
    _positive(points, "points")
    return _make("points_expiry", TransactionKind.points_expiry, POINTS_ASSET, reference, [
        (partner(partner_id, AccountKind.wallet), -points),
        (merchant(AccountKind.points_expired, partner_id), points),
    ], memo)
