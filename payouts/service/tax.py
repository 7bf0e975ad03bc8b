"""Tax withheld on batch lines: the month so far, read back from the ledger, decides each line.

Per partner and calendar month (merchant time zone), the month's *income* is what left the
partner's ``available`` account for payouts that month, net of what failed or came back
(``payout``, ``payout_failed``, ``payout_returned`` postings), and the tax already withheld is
the month's ``withholding_tax`` postings. A line withholds tax(income so far + line) minus
tax already withheld (`payouts.withholding.withholding_due`), so two batches in one month
withhold what one batch of their sum would.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from core.time import zone
from payouts import withholding
from payouts.ledger import AccountKind, TransactionKind
from payouts.service.sql import rows, utc

_KINDS = (
    TransactionKind.payout.value,
    TransactionKind.payout_failed.value,
    TransactionKind.payout_returned.value,
    TransactionKind.withholding.value,
)


def month_of(instant: datetime, timezone: str) -> tuple[datetime, datetime]:
    """[start, end) of the local calendar month holding `instant`, in UTC."""
    local = instant.astimezone(zone(timezone))
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)
    return start.astimezone(UTC), end.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class MonthSoFar:
    income_minor: int = 0  #: paid out (reserved) this month, net of failures and returns
    withheld_minor: int = 0  #: tax withheld this month, net of releases


async def month_so_far(merchant_id: int, asset: str, start: datetime, end: datetime) -> dict[int, MonthSoFar]:
    """partner id -> the month's income and tax withheld so far (one GROUP BY over the ledger)."""
    found = await rows(
        "SELECT p.partner_id AS partner_id,"
        " SUM(CASE WHEN p.account = ? THEN -p.amount_minor ELSE 0 END) AS income,"
        " SUM(CASE WHEN p.account = ? THEN p.amount_minor ELSE 0 END) AS withheld"
        " FROM ledger_posting p JOIN ledger_transaction t ON t.id = p.transaction_id"
        " WHERE p.merchant_id = ? AND p.asset = ? AND p.account IN (?, ?)"
        f" AND t.merchant_id = ? AND t.kind IN ({', '.join('?' * len(_KINDS))})"
        " AND t.created_at >= ? AND t.created_at < ?"
        " GROUP BY p.partner_id",
        [
            AccountKind.available.value, AccountKind.withholding_tax.value, merchant_id, asset,
            AccountKind.available.value, AccountKind.withholding_tax.value, merchant_id, *_KINDS,
            utc(start), utc(end),
        ],
    )
    return {
        row["partner_id"]: MonthSoFar(int(row["income"] or 0), int(row["withheld"] or 0))
        for row in found
    }


def due(rule: str, asset: str, gross_minor: int, month: MonthSoFar | None) -> int:
    """Tax to withhold on a line of `gross_minor` given the month so far (never below zero).

    A failure or return posted this month for a line reserved last month can leave the month's
    income or tax negative; both count as zero here.
    """
    if rule == withholding.NONE or gross_minor <= 0:
        return 0
    month = month or MonthSoFar()
    return withholding.withholding_due(
        rule,
        payout_minor=gross_minor,
        month_income_before_minor=max(0, month.income_minor),
        month_withheld_before_minor=max(0, month.withheld_minor),
        asset=asset,
    )
