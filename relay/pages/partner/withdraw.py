"""Withdraw (提现): what the partner may withdraw now, the merchant's fee and what reaches them,
shown before the one button that confirms it; and their withdrawals with where each stands (a
rejection's or a failure's reason included). Each render carries a fresh idempotency key, so a
double tap asks once."""

from __future__ import annotations

import secrets

from starlette.responses import Response

from payouts.errors import WithdrawalRefused
from payouts.models import WithdrawalStatus
from payouts.service import withdrawals
from relay.pages.form_errors import whole_number
from relay.pages.i18n import N_
from relay.pages.partner import pages
from relay.pages.routing import Page

#: Why a partner may not withdraw now (payouts.service.withdrawals.REFUSALS), in their words.
REFUSALS = {
    "not_offered": N_("The merchant pays by scheduled payouts only: there is nothing to ask for."),
    "inactive": N_("Only an active partner can withdraw."),
    "no_payee": N_("Enter your payee details first."),
    "nothing": N_("Nothing is available to withdraw yet."),
    "below_minimum": N_("You can withdraw from %(minimum)s."),
    "changed": N_("The amount available has changed: check it and confirm again."),
}
STATUS = {
    WithdrawalStatus.requested.value: N_("Waiting for approval"),
    WithdrawalStatus.approved.value: N_("Approved: paid with the next payout"),
    WithdrawalStatus.rejected.value: N_("Rejected"),
    WithdrawalStatus.in_batch.value: N_("Being paid"),
    WithdrawalStatus.paid.value: N_("Paid"),
    WithdrawalStatus.failed.value: N_("Payment failed"),
    WithdrawalStatus.returned.value: N_("Payment returned"),
}
BADGE = {"rejected": "bad", "failed": "bad", "returned": "bad", "paid": "ok"}


def refusal_words(page: Page, code: str, minimum: int) -> str:
    return page.gettext(REFUSALS[code], minimum=page.format_minor(minimum))


async def _render(page: Page, *, error: str | None = None, status: int = 200) -> Response:
    quote = await withdrawals.quote(page.merchant_id, page.partner_id)
    found = await withdrawals.list_withdrawals(page.merchant_id, partner_id=page.partner_id, limit=50)
    return page.render(
        "partner/withdraw.html", status=status, quote=quote, found=found, error=error,
        refusal=None if quote.refusal is None else refusal_words(page, quote.refusal, quote.minimum_minor),
        key=secrets.token_urlsafe(16), status_words=STATUS, badge=BADGE,
    )


@pages.get("/p/withdraw", nav=N_("Withdraw"))
async def withdraw(page: Page) -> Response:
    return await _render(page)


@pages.post("/p/withdraw")
async def request_withdrawal(page: Page) -> Response:
    form = await page.form()
    amount = whole_number(str(form.get("amount", "")))
    key = str(form.get("idempotency_key", "")).strip()[:200]
    if not isinstance(amount, int) or not key:
        return await _render(page, error=page.gettext(REFUSALS["changed"]), status=422)
    try:
        await withdrawals.request_withdrawal(page.merchant_id, page.partner_id, amount, key)
    except WithdrawalRefused as refused:
        minimum = int(refused.params.get("minimum", 0) or 0)
        return await _render(page, error=refusal_words(page, refused.code, minimum), status=422)
    page.flash(page.gettext("Withdrawal requested. You will see here when it is approved and paid."), "success")
    return page.redirect(page.url("partner.withdraw"))
