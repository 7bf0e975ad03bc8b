"""Payout batches: list and create a draft, see its lines and totals, approve after a confirmation,
close or discard (the bank files, download and upload, are `relay.pages.finance.bank_files`).

Each action calls the payouts service exactly as the API does (payouts/endpoints/batches.py), with the
signed-in staff account as the audit actor.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime, time, timedelta

from starlette.responses import Response

from core.errors import Conflict, InvalidInput
from core.masking import masked_number
from core.time import now
from payouts.errors import BatchFiguresChanged, BatchStateConflict, LinesStillOpen
from payouts.models import PayeeSignal
from payouts.service import batch_queries, batches
from payouts.service.batch_queries import BatchInfo
from payouts.service.batches import Figures
from payouts.service.terms import POINTS_ASSET, get_terms, payable_assets
from relay.pages.console.common import actor, today
from relay.pages.finance import pages
from relay.pages.finance.common import (
    BATCH_BADGE,
    BATCH_STATUS,
    LINE_BADGE,
    LINE_STATUS,
    amounts,
    line_words,
    reason_text,
)
from relay.pages.i18n import N_
from relay.pages.routing import Page

BATCHES_PER_PAGE = 25
LINES_PER_PAGE = 30
#: Carried-forward, held and failed lines listed in their own sections (the filter shows them all).
SECTION_LINES = 10


def _render_kw(page: Page) -> dict:
    return {
        "batch_status": BATCH_STATUS, "batch_badge": BATCH_BADGE, "line_status": LINE_STATUS,
        "line_badge": LINE_BADGE, "reason_text": lambda reason: reason_text(page, reason),
        "points": POINTS_ASSET, "amount": amounts(page), "masked": masked_number,
        "payee_changed": lambda line: False, "line_words": line_words,
    }


async def _batches_page(page: Page, *, status: int = 200, form: dict | None = None, errors: dict | None = None):
    currency, _ = await payable_assets(page.merchant_id)
    found = await batch_queries.list_batches(
        page.merchant_id, before_id=page.query_id("before"), limit=BATCHES_PER_PAGE
    )
    return page.render(
        "finance/batches.html", status=status, batches=found, currency=currency,
        form=form or {"asset": currency, "cutoff": today(page).replace(day=1).isoformat()}, errors=errors or {},
        **_render_kw(page),
    )


@pages.get("/finance/batches", nav=N_("Payout batches"))
async def batch_list(page: Page) -> Response:
    return await _batches_page(page)


@pages.post("/finance/batches")
async def create_batch(page: Page) -> Response:
    form = await page.form()
    values = {"asset": str(form.get("asset", "")), "cutoff": str(form.get("cutoff", "")).strip()}
    try:
        day = date.fromisoformat(values["cutoff"])
    except ValueError:
        errors = {"cutoff": page.gettext("Enter a date like 2026-03-01.")}
        return await _batches_page(page, status=422, form=values, errors=errors)
    cutoff = datetime.combine(day, time(0), tzinfo=page.timezone)  # the first instant not included
    try:
        batch, created = await batches.create_batch(
            page.merchant_id, values["asset"], cutoff, created_by=str(actor(page)), actor=actor(page)
        )
    except InvalidInput:
        errors = {"asset": page.gettext("Choose the currency or points.")}
        return await _batches_page(page, status=422, form=values, errors=errors)
    if created:
        page.flash(page.gettext("Draft batch %(id)s created.", id=batch.id), "success")
    else:
        page.flash(page.gettext("A batch for this asset and cutoff already exists: here it is."), "info")
    return page.redirect(page.url("finance.batch", batch_id=batch.id))


async def batch_page(page: Page, batch_id: int, *, status: int = 200, import_errors: list | None = None):
    batch = await batch_queries.get_batch(page.merchant_id, batch_id)
    line_filter = page.request.query_params.get("status")
    line_filter = line_filter if line_filter in LINE_STATUS else None
    shown = await batch_queries.batch_lines(
        page.merchant_id, batch_id, status=line_filter, after_id=page.query_id("after"), limit=LINES_PER_PAGE
    )
    sections = {}
    for kind in ("failed", "carried_forward", "held"):
        if line_filter is None and batch.totals.count(kind):
            sections[kind] = await batch_queries.batch_lines(page.merchant_id, batch_id, status=kind, limit=SECTION_LINES)
    signal = (await get_terms(page.merchant_id)).payee_change
    since = (batch.approved_at or now()) - timedelta(days=signal.days)
    return page.render(
        "finance/batch.html", status=status, batch=batch, shown=shown, line_filter=line_filter,
        sections=sections, import_errors=import_errors or [],
        **_render_kw(page) | {"payee_changed": lambda line: (
            signal.signal != PayeeSignal.off and line.payee_changed_at is not None and line.payee_changed_at > since
        )},
    )


@pages.get("/finance/batches/{batch_id:int}")
async def batch(page: Page) -> Response:
    return await batch_page(page, page.request.path_params["batch_id"])


@pages.get("/finance/batches/{batch_id:int}/approve")
async def confirm_approval(page: Page) -> Response:
    found = await batch_queries.get_batch(page.merchant_id, page.request.path_params["batch_id"])
    if found.status != "draft":
        return page.redirect(page.url("finance.batch", batch_id=found.id))
    shown = Figures.of(found.asset, found.totals.payout)
    return page.render("finance/approve.html", batch=found, shown=shown, changed=False, **_render_kw(page))


async def _figures_sent(page: Page) -> Figures | None:
    """The figures the confirmation page showed (its hidden fields), None if they are not there."""
    form = await page.form()
    try:
        return Figures(
            str(form.get("asset", "")), *(int(str(form.get(name, ""))) for name in ("lines", "gross_minor", "net_minor"))
        )
    except ValueError:
        return None


def refused(page: Page, error: Conflict) -> str:
    if isinstance(error, LinesStillOpen):
        count = error.open_lines
        return page.ngettext(
            "%(count)s line is still open: upload the bank's results (or mark each line) first.",
            "%(count)s lines are still open: upload the bank's results (or mark each line) first.",
            count, count=count,
        )
    if isinstance(error, BatchStateConflict):
        status = page.gettext(BATCH_STATUS.get(error.batch_status, error.batch_status))
        return page.gettext("Not possible while the batch is %(status)s.", status=status)
    return page.gettext("Not possible now.")


async def _act(page: Page, step: Callable[..., Awaitable[BatchInfo]], message: Callable[[BatchInfo], str]) -> Response:
    """Run one batch step (the service function) as the signed-in staff account, then back to the batch."""
    batch_id = page.request.path_params["batch_id"]
    try:
        done = await step(page.merchant_id, batch_id, actor=actor(page))
    except Conflict as error:
        page.flash(refused(page, error), "error")
    else:
        page.flash(message(done), "success")
    return page.redirect(page.url("finance.batch", batch_id=batch_id))


@pages.post("/finance/batches/{batch_id:int}/approve")
async def approve_batch(page: Page) -> Response:
    """Approves the figures the confirmation page showed; if the lines now pay others, shows those
    (409) with nothing approved, for the approver to check and approve in their turn."""
    batch_id = page.request.path_params["batch_id"]
    sent = await _figures_sent(page)
    try:
        if sent is None:
            raise InvalidInput("the figures shown were not sent")
        done = await batches.approve_batch(
            page.merchant_id, batch_id, approved_by=str(actor(page)), expected=sent, actor=actor(page)
        )
    except InvalidInput:  # not posted by the confirmation page: show it, approve nothing
        await batch_queries.get_batch(page.merchant_id, batch_id)  # 404 for another merchant's
        page.flash(page.gettext("Check the figures below, then approve."), "error")
        return page.redirect(page.url("finance.confirm_approval", batch_id=batch_id))
    except BatchFiguresChanged as error:
        found = await batch_queries.get_batch(page.merchant_id, batch_id)
        return page.render(
            "finance/approve.html", status=409, batch=found, shown=error.current, changed=True, **_render_kw(page)
        )
    except Conflict as error:
        page.flash(refused(page, error), "error")
        return page.redirect(page.url("finance.batch", batch_id=batch_id))
    payout = done.totals.payout
    page.flash(page.ngettext(
        "Batch approved: %(count)s line, %(net)s to pay.", "Batch approved: %(count)s lines, %(net)s to pay.",
        payout.lines, count=payout.lines, net=page.format_minor(payout.net_minor, done.asset),
    ), "success")
    return page.redirect(page.url("finance.batch", batch_id=batch_id))


@pages.post("/finance/batches/{batch_id:int}/discard")
async def discard_batch(page: Page) -> Response:
    message = page.gettext("Draft discarded: nothing was claimed, the cutoff is free again.")
    return await _act(page, batches.discard_batch, lambda _: message)


@pages.post("/finance/batches/{batch_id:int}/close")
async def close_batch(page: Page) -> Response:
    return await _act(page, batches.close_batch, lambda _: page.gettext("Batch closed."))
