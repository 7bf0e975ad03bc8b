"""Refund reversals: the share of a commission a refund takes back, exact and cumulative.

A refund never edits a commission; it adds a reversal: a commission row of its own with a
negative amount. Each reversal is the difference of two cumulative shares,

    reversal_k = -(share(refunded after refund k) - share(refunded before refund k))

so a line's reversals always add up to minus the share of everything refunded so far: never more
than the commission (its net never goes below zero), and exactly the commission once everything
is refunded, whatever the steps were.

The share is the refunded side of a two-way largest-remainder split of the commission between
"refunded" and "kept" (`core.money.allocate`), in integers: commission × refunded / whole,
rounded half up (the tie goes to the refunded side). It grows with the refunded part, so every
reversal is zero or negative.

A flat per-order amount follows its rule's `partial_refund`: `prorate` reverses it as a share of
the order's refunded net (`order_reversal`); `keep` (the default) leaves it through partial
refunds, since the order still happened, and the refund that completes the order's whole net
takes it all back (`kept_order_reversal`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.money import allocate


@dataclass(frozen=True, slots=True)
class Refunded:
    """How much of a line (or an order) is refunded: units returned and net amount refunded.

    Used both for the whole (the line's quantity and net) and for cumulative refunded totals.
    """

    quantity: int = 0
    amount_minor: int = 0


def refunded_share(amount: int, refunded: int, whole: int) -> int:
    """The part of `amount` that `refunded` out of `whole` stands for (half up, in integers)."""
    if whole <= 0:
        raise ValueError("whole must be positive")
    if not 0 <= refunded <= whole:
        raise ValueError(f"refunded must be between 0 and {whole}, not {refunded}")
    return allocate(amount, [refunded, whole - refunded])[0]


def refunded_fraction(done: Refunded, whole: Refunded) -> tuple[int, int]:
    """How much of `whole` is refunded, as (part, whole) integers.

    The larger of the quantity share and the amount share: a line is fully refunded once all
    its units are returned *or* its whole net is refunded, and amount-only refunds (a price
    adjustment, quantity 0) still count. A measure whose whole is zero is ignored; each is
    clipped to [0, 1] (a refund of more than the net counts as the whole net).
    """
    best_part, best_whole = 0, 1
    for part, total in ((done.quantity, whole.quantity), (done.amount_minor, whole.amount_minor)):
        if total > 0:
            part = min(max(part, 0), total)
            if part * best_whole > best_part * total:
                best_part, best_whole = part, total
    return best_part, best_whole


def line_reversal(commission: int, *, line: Refunded, before: Refunded, after: Refunded) -> int:
    """The amount (zero or negative) of the reversal of a line commission for one refund.

    `line` is the line's quantity and net; `before` and `after` are the line's cumulative
    refunded totals before and after this refund.
    """
    if after.quantity < before.quantity or after.amount_minor < before.amount_minor:
        raise ValueError("cumulative refunded totals cannot shrink")
    return refunded_share(commission, *refunded_fraction(before, line)) - refunded_share(
        commission, *refunded_fraction(after, line)
    )


def order_reversal(
    commission: int, *, order_net_minor: int, refunded_before_minor: int, refunded_after_minor: int
) -> int:
    """The amount (zero or negative) of the reversal of a per-order commission for one refund,
    in proportion to the order's refunded net. An order with a zero net has nothing to refund:
    its per-order commission is only undone by a cancellation."""
    return line_reversal(
        commission,
        line=Refunded(amount_minor=order_net_minor),
        before=Refunded(amount_minor=refunded_before_minor),
        after=Refunded(amount_minor=refunded_after_minor),
    )


def kept_order_reversal(
    commission: int, *, order_net_minor: int, refunded_before_minor: int, refunded_after_minor: int
) -> int:
    """The amount (zero or negative) of the reversal of a per-order commission its rule keeps
    through partial refunds: nothing until this refund brings the order's refunded net to all of
    it, then the whole commission (so the reversals of a fully refunded order sum to exactly minus it)."""
    if order_net_minor <= 0:
        raise ValueError("order_net_minor must be positive")
    if refunded_after_minor < refunded_before_minor:
        raise ValueError("cumulative refunded totals cannot shrink")
    whole_before, whole_after = refunded_before_minor >= order_net_minor, refunded_after_minor >= order_net_minor
    return -commission if whole_after and not whole_before else 0


def line_reversals(commission: int, line: Refunded, refunds: Sequence[Refunded]) -> list[int]:
    """The reversal of each refund in turn (`refunds` are single refunds, not running totals)."""
    reversals, before = [], Refunded()
    for refund in refunds:
        after = Refunded(before.quantity + refund.quantity, before.amount_minor + refund.amount_minor)
        reversals.append(line_reversal(commission, line=line, before=before, after=after))
        before = after
    return reversals
