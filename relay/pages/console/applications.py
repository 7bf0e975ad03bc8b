"""The review queue: applications to the partner program, oldest first; one application with the
applicant's answers, and the three decisions (approve, reject with a reason the applicant sees,
ask for more information), each audited and told to the applicant (relay.applications)."""

from __future__ import annotations

from starlette.responses import Response

from core.errors import Conflict
from referral.models import ApplicationStatus
from referral.service import applications as referral_applications
from referral.service.applications import Decision
from relay import applications
from relay.pages.console import pages
from relay.pages.console.common import actor, page_number
from relay.pages.i18n import N_
from relay.pages.routing import Page

PER_PAGE = 50
STATUS_LABELS = {
    "pending": N_("Waiting for review"), "needs_info": N_("Asked for information"), "approved": N_("Approved"),
    "rejected": N_("Rejected"),
}
#: The queue's tabs: what waits for the merchant, then what was decided.
TABS = ("pending", "needs_info", "approved", "rejected")
MESSAGE_MAX_LENGTH = 1000


@pages.get("/console/applications", nav=N_("Applications"))
async def application_list(page: Page) -> Response:
    status = page.request.query_params.get("status", "pending")
    status = status if status in TABS else "pending"
    number = page_number(page)
    found = await referral_applications.list_applications(
        page.merchant_id, status=status, limit=PER_PAGE, offset=(number - 1) * PER_PAGE
    )
    program = await referral_applications.program(page.merchant_id)
    return page.render("console/applications.html", found=found, current=status, tabs=TABS,
                       status_labels=STATUS_LABELS, program=program, number=number)


async def _application_page(page: Page, *, status: int = 200, errors: dict[str, str] | None = None,
                            form: dict[str, str] | None = None) -> Response:
    found = await referral_applications.get_application(page.merchant_id, page.request.path_params["application_id"])
    program = await referral_applications.program(page.merchant_id)
    questions = [(q["id"], q.get(page.locale) or q["en"]) for q in program.questions]
    return page.render("console/application.html", status=status, application=found, program=program,
                       questions=questions, status_labels=STATUS_LABELS, errors=errors or {}, form=form or {})


@pages.get("/console/applications/{application_id:int}")
async def application(page: Page) -> Response:
    return await _application_page(page)


async def _decide(page: Page, decision: str, field: str | None, done: str) -> Response:
    application_id = page.request.path_params["application_id"]
    message = None
    if field is not None:
        message = str((await page.form()).get(field, "")).strip()
        if not message or len(message) > MESSAGE_MAX_LENGTH:
            error = page.gettext("Write it for the applicant (up to 1,000 characters).")
            return await _application_page(page, status=422, errors={field: error}, form={field: message})
    try:
        decided = await applications.decide(page.merchant_id, application_id, decision, message=message,
                                            actor=actor(page))
    except Conflict:
        page.flash(page.gettext("This application was already decided."), "error")
        return page.redirect(page.url("console.application", application_id=application_id))
    page.flash(page.gettext(done, name=decided.partner.display_name), "success")
    return page.redirect(page.url("console.application_list") + "?status=" + ApplicationStatus.pending.value)


@pages.post("/console/applications/{application_id:int}/approve")
async def approve_application(page: Page) -> Response:
    return await _decide(page, Decision.approve, None, N_("%(name)s is approved and was told."))


@pages.post("/console/applications/{application_id:int}/reject")
async def reject_application(page: Page) -> Response:
    return await _decide(page, Decision.reject, "reason", N_("%(name)s's application is rejected; they were told why."))


@pages.post("/console/applications/{application_id:int}/request-info")
async def request_application_info(page: Page) -> Response:
    return await _decide(page, Decision.request_info, "message", N_("%(name)s was asked for more information."))
