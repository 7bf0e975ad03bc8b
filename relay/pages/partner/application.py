"""My application: where it stands (waiting, a question from the merchant to answer, approved,
rejected and why). The only page, with their devices, a partner not yet active can open."""

from __future__ import annotations

from starlette.responses import Response

from core.errors import Conflict
from referral.service import applications
from relay.pages.apply import STATUS_TEXT
from relay.pages.partner import pages
from relay.pages.routing import Page

NOTE_MAX_LENGTH = 1000


@pages.get("/p/application")
async def application(page: Page) -> Response:
    found = await applications.application_of_partner(page.merchant_id, page.partner)
    return page.render("partner/application.html", application=found, status_text=page.gettext(STATUS_TEXT[found.status]),
                       note="", error=None)


@pages.post("/p/application/answer")
async def answer_application(page: Page) -> Response:
    note = str((await page.form()).get("note", "")).strip()
    if not note or len(note) > NOTE_MAX_LENGTH:
        found = await applications.application_of_partner(page.merchant_id, page.partner)
        return page.render("partner/application.html", status=422, application=found,
                           status_text=page.gettext(STATUS_TEXT[found.status]), note=note,
                           error=page.gettext("Write your answer (up to 1,000 characters)."))
    try:
        await applications.answer_request(page.merchant_id, page.partner_id, note)
    except Conflict:
        page.flash(page.gettext("The merchant has already decided."), "info")
    else:
        page.flash(page.gettext("Thank you: the merchant will review your application again."), "success")
    return page.redirect(page.url("partner.application"))
