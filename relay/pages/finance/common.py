"""What the finance console's pages share: the words for batch and line statuses, ledger accounts
and entries, and the service's reasons in the reader's language (the audit actor and keyset
cursors are the merchant console's, `relay.pages.console.common`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from core.money import MoneyFormatError, parse_minor
from relay.pages.i18n import N_
from relay.pages.routing import MAX_OFFSET, Page, number_in
from relay.pages.templating import minor_filter

BATCH_STATUS = {
    "draft": N_("Draft"), "approved": N_("Approved"), "exported": N_("Exported"), "closed": N_("Closed"),
    "discarded": N_("Discarded"),
}
BATCH_BADGE = {"draft": "warn", "approved": "ok", "exported": "ok", "closed": "", "discarded": "bad"}
LINE_STATUS = {
    "payable": N_("To be paid"), "carried_forward": N_("Carried forward"), "held": N_("Held"),
    "open": N_("Sent to the bank"), "paid": N_("Paid"), "failed": N_("Failed"), "returned": N_("Returned"),
}
#: An open line before the transfer file was downloaded: reserved, but no bank has it yet.
OPEN_NOT_SENT = N_("Awaiting the transfer file")
LINE_BADGE = {
    "payable": "ok", "carried_forward": "warn", "held": "warn", "open": "", "paid": "ok", "failed": "bad",
    "returned": "bad",
}


def line_words(status: str, exported: bool) -> str:
    """The msgid of a line's status as finance reads it: an open line is "sent to the bank"
    only once its batch's transfer file was downloaded (`exported`)."""
    if status == "open" and not exported:
        return OPEN_NOT_SENT
    return LINE_STATUS.get(status, status)


ACCOUNT = {
    "pending": N_("Pending"), "available": N_("Available"), "in_batch": N_("In a batch"), "paid": N_("Paid out"),
    "reversed": N_("Reversed"), "wallet": N_("Points wallet"), "commission_expense": N_("Commission expense"),
    "withholding_tax": N_("Tax withheld"), "points_redeemed": N_("Points redeemed"),
    "points_expired": N_("Points expired"), "requested": N_("Withdrawals requested"),
    "withdrawal_fees": N_("Withdrawal fees"),
}
ENTRY_KIND = {
    "commission_earned": N_("Commission earned"), "commission_reversed": N_("Commission reversed"),
    "commission_available": N_("Commission available"), "payout": N_("Payout"),
    "payout_failed": N_("Payout failed"), "payout_returned": N_("Payout returned"),
    "points_credit": N_("Points credited"), "points_redemption": N_("Points redeemed"),
    "points_expiry": N_("Points expired"), "withholding": N_("Tax withheld"),
    "withdrawal": N_("Withdrawal"), "withdrawal_fee": N_("Withdrawal fee"),
}
PARTNER_STATUS = {"pending": N_("pending approval"), "suspended": N_("suspended"), "active": N_("active")}

#: The reasons payouts.service.batches writes, in the reader's language (a bank's own reason is shown as sent).
_REASONS = {
    "the net is negative (reversals after a payout): netted against later commissions":
        N_("The net is negative (reversals after a payout): netted against later commissions."),
    "nothing to pay: commissions and reversals cancel out": N_("Nothing to pay: commissions and reversals cancel out."),
    "no payee account: add one to the partner, a later batch pays":
        N_("No payee account: add one to the partner, a later batch pays."),
    "partner not found": N_("Partner not found."),
    "the bank gave no reason": N_("The bank gave no reason."),
}
_BELOW_MINIMUM = re.compile(r"below the minimum payout of (\S+) (\S+)")
_PARTNER = re.compile(r"partner (\w+)")
_PAYEE_CHANGED = re.compile(r"payee details changed within the last (\d+) days")


def reason_text(page: Page, reason: str | None) -> str:
    """A line's reason as the finance clerk reads it."""
    if not reason:
        return ""
    if reason in _REASONS:
        return page.gettext(_REASONS[reason])
    if match := _BELOW_MINIMUM.fullmatch(reason):
        try:
            minimum = page.format_minor(parse_minor(match[1], match[2]), match[2])
        except MoneyFormatError:  # not a reason this code wrote: shown as it is
            return reason
        return page.gettext("Below the minimum payout of %(minimum)s.", minimum=minimum)
    if match := _PAYEE_CHANGED.fullmatch(reason):
        days = int(match[1])
        return page.ngettext("Payee details changed within the last %(num)s day: held until the change is older.",
                             "Payee details changed within the last %(num)s days: held until the change is older.", days,
                             num=days)
    if (match := _PARTNER.fullmatch(reason)) and match[1] in PARTNER_STATUS:
        return page.gettext("The partner is %(status)s.", status=page.gettext(PARTNER_STATUS[match[1]]))
    return reason


def query_offset(page: Page, limit: int) -> int:
    """The pager's offset, a multiple of `limit` (bounded, so a page stays cheap to find)."""
    value = number_in(page.request.query_params.get("offset", "0"), at_most=MAX_OFFSET) or 0
    return value - value % limit


def amounts(page: Page) -> Callable[[int, str], str]:
    """``amount(minor, asset)`` as the ``minor`` filter writes it, each distinct amount formatted
    once per page (Babel's formatting is the dearest part of a long table, and a batch's
    withheld and net columns repeat)."""

    @cache
    def amount(minor: int, asset: str) -> str:
        return minor_filter({"page": page}, minor, asset)

    return amount
