"""Partners: the list (search, filters, paging), approve and suspend, one partner's commissions
(totals, and the latest, each linked to its explanation), figures by scene, and their invite and
sign-in links."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.responses import Response

from payouts.service import partner_views as money_views
from payouts.service.postings import partner_balances
from referral.models import PartnerStatus
from referral.service import console_views, partners, reports
from referral.service.sales import partner_groups
from relay.pages.console import pages
from relay.pages.console.common import actor, back_to, date_range, page_number
from relay.pages.console.kinds import kind_label
from relay.pages.explain import state
from relay.pages.finance.common import ACCOUNT
from relay.pages.i18n import N_
from relay.pages.routing import Page

PER_PAGE = 50
#: A partner's latest commissions listed on their page (older ones a link away).
COMMISSIONS_PER_PAGE = 20
STATUSES = tuple(status.value for status in PartnerStatus)
STATUS_LABELS = {
    "pending": N_("Pending approval"), "active": N_("Active"), "suspended": N_("Suspended"), "rejected": N_("Rejected"),
}
#: The ledger's buckets the partner's page shows, per asset (cash; points have a wallet instead of paid).
CASH_BUCKETS = ("pending", "available", "in_batch", "paid", "reversed", "withheld")
POINTS_BUCKETS = ("pending", "available", "wallet", "reversed")
SCENE_LABELS = {
    "personal": N_("Personal"), "product": N_("Product"), "campaign": N_("Campaign"), "order": N_("Order"),
    "service": N_("Service"), None: N_("No link (code or binding)"),
}


def _filters(page: Page) -> dict[str, str]:
    query = page.request.query_params
    return {name: query.get(name, "").strip()[:100] for name in ("q", "kind", "group", "status")}


@pages.get("/console/partners", nav=N_("Partners"))
async def partner_list(page: Page) -> Response:
    filters = _filters(page)
    number = page_number(page)
    found = await partners.list_partners(
        page.merchant_id, kind=filters["kind"] or None, group=filters["group"] or None,
        status=filters["status"] if filters["status"] in STATUSES else None, q=filters["q"] or None,
        limit=PER_PAGE, offset=(number - 1) * PER_PAGE,
    )
    pages_total = max(1, -(-found.total // PER_PAGE))

    def page_url(n: int) -> str:
        return page.url("console.partner_list") + "?" + urlencode({**{k: v for k, v in filters.items() if v}, "page": n})

    return page.render(
        "console/partners.html", partners=found, filters=filters, number=number, pages_total=pages_total,
        previous_url=page_url(number - 1) if number > 1 else None,
        next_url=page_url(number + 1) if number < pages_total else None,
        kinds=[(kind, kind_label(page, kind)) for kind in await console_views.partner_kinds(page.merchant_id)],
        groups=await partner_groups(page.merchant_id), statuses=STATUSES, status_labels=STATUS_LABELS,
        kind_label=lambda kind: kind_label(page, kind),
    )


async def _set_status(page: Page, status: str, message: str) -> Response:
    partner_id = page.request.path_params["partner_id"]
    form = await page.form()
    changed = await partners.update_partner(page.merchant_id, partner_id, {"status": status}, actor=actor(page))
    page.flash(page.gettext(message, name=changed.display_name), "success")
    return page.redirect(back_to(page, form.get("next"), page.url("console.partner", partner_id=partner_id)))


@pages.post("/console/partners/{partner_id:int}/approve")
async def approve_partner(page: Page) -> Response:
    return await _set_status(page, PartnerStatus.active.value, N_("%(name)s is active."))


@pages.post("/console/partners/{partner_id:int}/suspend")
async def suspend_partner(page: Page) -> Response:
    """Suspend once confirmed (confirm=1); without it, the confirmation page (works without JavaScript)."""
    form = await page.form()
    if form.get("confirm") != "1":
        partner = await partners.get_partner(page.merchant_id, page.request.path_params["partner_id"])
        back = back_to(page, form.get("next"), page.url("console.partner", partner_id=partner.id))
        return page.render("console/partner_suspend.html", partner=partner, back=back)
    return await _set_status(page, PartnerStatus.suspended.value, N_("%(name)s is suspended."))


async def _partner_page(page: Page, sign_in_url: str | None = None) -> Response:
    partner_id = page.request.path_params["partner_id"]
    partner = await partners.get_partner(page.merchant_id, partner_id)
    period = date_range(page)
    by_scene = await reports.report(
        page.merchant_id, reports.Dimension.scene, first_day=period.first, last_day=period.last, partner_id=partner.id
    )
    # The portal's page of them, newest first, each with the payout line that claimed it: the
    # status shown is the one the ledger moved (explain.state), as the partner reads it.
    latest = await money_views.commissions(
        page.merchant_id, partner.id, before_id=page.query_id("commissions_before"), limit=COMMISSIONS_PER_PAGE
    )
    public_url = page.request.app.state.settings.public_url
    return page.render(
        "console/partner.html", partner=partner, period=period, report=by_scene, latest=latest,
        balances=await partner_balances(page.merchant_id, partner.id), accounts=ACCOUNT,
        cash_buckets=CASH_BUCKETS, points_buckets=POINTS_BUCKETS, state=state,
        invite_url=partners.invite_url(public_url, page.merchant_id, partner.code) if partner.is_active else None,
        sign_in_url=sign_in_url, status_labels=STATUS_LABELS, scene_labels=SCENE_LABELS,
        kind=kind_label(page, partner.kind),
    )


@pages.get("/console/partners/{partner_id:int}")
async def partner(page: Page) -> Response:
    return await _partner_page(page)


@pages.post("/console/partners/{partner_id:int}/sign-in-link")
async def partner_sign_in_link(page: Page) -> Response:
    """A one-time sign-in link for the partner, shown once to copy and send them."""
    link = await partners.issue_sign_in_link(page.merchant_id, page.request.path_params["partner_id"])
    public_url = page.request.app.state.settings.public_url
    return await _partner_page(page, sign_in_url=public_url.rstrip("/") + link.path)
