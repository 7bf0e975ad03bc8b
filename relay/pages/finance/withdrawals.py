"""Withdrawals (提现) the partners asked for: the requests waiting for a decision first, approved
with one button (the next payout batch pays them) or rejected with a reason the partner sees.
Each action calls the payouts service as the API does, audited as the staff account."""

from __future__ import annotations

from starlette.responses import Response

from core.errors import Conflict
from payouts.errors import WithdrawalTermsInvalid
from payouts.models import WithdrawalStatus
from payouts.service import withdrawals
from referral.service.partners import partners_by_id
from relay.pages.console.common import actor
from relay.pages.finance import pages
from relay.pages.i18n import N_
from relay.pages.routing import Page

PER_PAGE = 50
STATUS = {
    WithdrawalStatus.requested.value: N_("Waiting for a decision"),
    WithdrawalStatus.approved.value: N_("Approved: the next batch pays it"),
    WithdrawalStatus.rejected.value: N_("Rejected"),
    WithdrawalStatus.in_batch.value: N_("In a batch"),
    WithdrawalStatus.paid.value: N_("Paid"),
    WithdrawalStatus.failed.value: N_("Failed"),
    WithdrawalStatus.returned.value: N_("Returned"),
}
BADGE = {"rejected": "bad", "failed": "bad", "returned": "bad", "paid": "ok"}
REASON_NEEDED = N_("Give the partner a reason (at most 500 characters).")
DECIDED = N_("This withdrawal was decided already or is being paid: nothing was changed.")


async def _render(page: Page, *, errors: dict | None = None, status: int = 200) -> Response:
    wanted = page.request.query_params.get("status", WithdrawalStatus.requested.value)
    chosen = WithdrawalStatus(wanted) if wanted in STATUS else None
    found = await withdrawals.list_withdrawals(page.merchant_id, status=chosen, limit=PER_PAGE,
                                               before=page.query_id("before"))
    names = {p.id: p.display_name for p in await partners_by_id(page.merchant_id, sorted({w.partner_id for w in found}))}
    return page.render(
        "finance/withdrawals.html", status=status, found=found, names=names, chosen=chosen, status_words=STATUS,
        badge=BADGE, errors=errors or {}, rules=await withdrawals.get_rules(page.merchant_id),
    )


@pages.get("/finance/withdrawals", nav=N_("Withdrawals"))
async def withdrawals_page(page: Page) -> Response:
    return await _render(page)


@pages.post("/finance/withdrawals/{withdrawal_id:int}/approve")
async def approve_withdrawal(page: Page) -> Response:
    withdrawal_id = page.request.path_params["withdrawal_id"]
    try:
        await withdrawals.approve_withdrawal(page.merchant_id, withdrawal_id, actor=actor(page))
    except Conflict:
        page.flash(page.gettext(DECIDED), "error")
        return page.redirect(page.url("finance.withdrawals_page"))
    page.flash(page.gettext("Approved: the next payout batch pays it."), "success")
    return page.redirect(page.url("finance.withdrawals_page"))


@pages.post("/finance/withdrawals/{withdrawal_id:int}/reject")
async def reject_withdrawal(page: Page) -> Response:
    withdrawal_id = page.request.path_params["withdrawal_id"]
    reason = str((await page.form()).get("reason", ""))
    try:
        await withdrawals.reject_withdrawal(page.merchant_id, withdrawal_id, reason, actor=actor(page))
    except WithdrawalTermsInvalid:
        return await _render(page, errors={withdrawal_id: page.gettext(REASON_NEEDED)}, status=422)
    except Conflict:
        page.flash(page.gettext(DECIDED), "error")
        return page.redirect(page.url("finance.withdrawals_page"))
    page.flash(page.gettext("Rejected: the amount is available to the partner again."), "success")
    return page.redirect(page.url("finance.withdrawals_page"))
