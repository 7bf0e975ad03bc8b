"""Fraud review: the signals orders raised, and the commissions a signal holds, each with approve
and reject (a rejection says why)."""

from __future__ import annotations

from starlette.responses import Response

from commissions.service import fraud, queries
from commissions.service.queries import CommissionFilter
from referral.service import console_views
from relay import pipeline
from relay.pages.console import pages
from relay.pages.console.common import actor
from relay.pages.i18n import N_
from relay.pages.routing import Page

PER_PAGE = 50
SIGNAL_LABELS = {
    "self_referral": N_("Self-referral"), "customer_velocity": N_("Many orders from one customer"),
    "ip_velocity": N_("Many orders from one IP address"), "bot_click": N_("Click from a crawler"),
    "fast_order": N_("Ordered seconds after the click"), "refund_rate": N_("Refunded unusually often"),
}
ACTION_LABELS = {"flag": N_("Flagged"), "hold": N_("Held")}


async def _review_page(page: Page, *, errors: dict[int, str] | None = None, status: int = 200) -> Response:
    held = await queries.list_commissions(
        page.merchant_id,
        CommissionFilter(review="held", status="pending", before_id=page.query_id("held_before"), limit=PER_PAGE),
    )
    signals = await fraud.list_signals(page.merchant_id, before_id=page.query_id("before"), limit=PER_PAGE)
    names = await console_views.partner_names(
        page.merchant_id,
        [c.partner_id for c in held.items] + [s.partner_id for s in signals.items if s.partner_id is not None],
    )
    return page.render(
        "console/review.html", status=status, held=held, signals=signals, names=names, errors=errors or {},
        signal_labels=SIGNAL_LABELS, action_labels=ACTION_LABELS,
    )


@pages.get("/console/review", nav=N_("Fraud review"))
async def review(page: Page) -> Response:
    return await _review_page(page)


@pages.post("/console/review/{commission_id:int}/approve")
async def approve_commission(page: Page) -> Response:
    commission_id = page.request.path_params["commission_id"]
    await fraud.approve(page.merchant_id, commission_id, key_id=None, actor=actor(page))
    page.flash(page.gettext("Commission %(id)s approved: it goes on as any other.", id=commission_id), "success")
    return page.redirect(page.url("console.review"))


@pages.post("/console/review/{commission_id:int}/reject")
async def reject_commission(page: Page) -> Response:
    commission_id = page.request.path_params["commission_id"]
    reason = str((await page.form()).get("reason", "")).strip()
    if not reason:
        return await _review_page(page, errors={commission_id: page.gettext("Say why you reject it.")}, status=422)
    await pipeline.reject_commission(page.merchant_id, commission_id, reason=reason[:500], key_id=None, actor=actor(page))
    page.flash(page.gettext("Commission %(id)s rejected.", id=commission_id), "success")
    return page.redirect(page.url("console.review"))
