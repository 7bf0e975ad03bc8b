"""What a payout batch does with one partner's net: pay it, carry it forward, or hold it (pure).

The batch statement decides every line in SQL (`payouts.service.batches`, one INSERT ... SELECT
over all partners), with the CASE `decision_sql` writes; `decide_line` is the same decision as a
function a reader can find and a test can call. tests/payouts/test_line_decision.py checks on
random inputs, against the test database, that the two agree.
"""

from __future__ import annotations

from enum import IntEnum


class LineDecision(IntEnum):
    """A line's decision, numbered as the SQL CASE answers it. The first that applies wins."""

    payable = 0  #: paid in this batch (cash: sent to the bank; points: credited to the wallet)
    inactive = 1  #: held: the partner is not active (suspended, pending) or not found
    negative = 2  #: carried forward: reversals after a payout exceed what is new; netted later
    zero = 3  #: carried forward: commissions and reversals cancel out
    below_minimum = 4  #: carried forward: the net is under the merchant's minimum payout
    no_payee = 5  #: held: a cash payout with no payee account to send it to
    payee_changed = 6  #: held: the payee details changed lately and the merchant holds on that signal


def decide_line(
    *, amount: int, minimum: int, partner_status: str | None, payee_account: str | None, cash: bool,
    payee_changed_lately: bool = False,
) -> LineDecision:
    """The decision for a partner whose entries net to `amount` (minor units, or points).

    `partner_status` is None when the partner is not found; `payee_account` (the partner's own,
    else the one the merchant set) counts only for cash (points need no bank account), and an
    empty one is none. `payee_changed_lately`: the details changed within the payout terms'
    days and the terms hold on it (cash only)."""
    if partner_status != "active":
        return LineDecision.inactive
    if amount < 0:
        return LineDecision.negative
    if amount == 0:
        return LineDecision.zero
    if amount < minimum:
        return LineDecision.below_minimum
    if cash and not payee_account:
        return LineDecision.no_payee
    if cash and payee_changed_lately:
        return LineDecision.payee_changed
    return LineDecision.payable


def decision_sql(*, cash: bool, hold_payee_changes: bool = False) -> str:
    """`decide_line` as a SQL CASE over ``s.amount`` (the partner's net) and ``p.partner_id``,
    ``p.status``, ``p.payee_account``, ``p.payee_changed_at`` (the partner and their payee, NULL
    when not found), with one ``?`` parameter, the minimum, and with `hold_payee_changes` a
    second: the instant after which a change of payee details holds the line. Both engines."""
    no_payee = f"WHEN COALESCE(p.payee_account, '') = '' THEN {LineDecision.no_payee:d} " if cash else ""
    changed = f"WHEN p.payee_changed_at > ? THEN {LineDecision.payee_changed:d} " if cash and hold_payee_changes else ""
    return (
        f"CASE WHEN p.partner_id IS NULL OR p.status <> 'active' THEN {LineDecision.inactive:d}"
        f" WHEN s.amount < 0 THEN {LineDecision.negative:d} WHEN s.amount = 0 THEN {LineDecision.zero:d}"
        f" WHEN s.amount < CAST(? AS BIGINT) THEN {LineDecision.below_minimum:d}"
        f" {no_payee}{changed}ELSE {LineDecision.payable:d} END"
    )
