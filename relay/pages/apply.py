"""The application page of a merchant's partner program, phone first, in the applicant's language:
/join/{merchant_id} directly, /join/{merchant_id}/{code} through a partner's invite link (that
partner becomes the recruiter). Every kind and question is shown by its label, never a code."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from starlette.datastructures import FormData
from starlette.responses import Response

from core.api import validation_problem
from core.errors import InvalidInput
from core.ratelimit import TooManyRequests
from referral.program import Program
from referral.schemas.applications import ApplicationIn
from referral.service import applications as referral_applications
from referral.service import partners
from relay import applications
from relay.pages.i18n import N_
from relay.pages.routing import Page, Pages

pages = Pages("apply")

#: Each field's error in the applicant's words (the API's English details are not shown).
FIELD_ERRORS = {
    "display_name": N_("Enter your name (up to 200 characters)."),
    "phone": N_("Enter a valid mobile number, e.g. 138 0013 8000."),
    "email": N_("Enter a valid email address."),
    "kind": N_("Choose who you are."),
    "accepted_agreement_version": N_("Read and accept the partner agreement."),
    "answers": N_("Answer this question (up to 1,000 characters)."),
    "invite_code": N_("This invite link is not valid any more."),
}
TAKEN = N_("Another partner already uses this %(what)s.")
#: How an application stands, in the applicant's words.
STATUS_TEXT = {
    "pending": N_("Your application is waiting for the merchant's review."),
    "needs_info": N_("The merchant has a question for you: sign in to answer it."),
    "approved": N_("You are a partner: sign in to get your links."),
    "rejected": N_("Your application was not accepted."),
}


def _field_errors(page: Page, error: InvalidInput) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in error.extra.get("errors", []):
        field = item["field"]
        key = "answers" if field.startswith("answers") else field
        if "another partner" in item["message"]:
            what = page.gettext(N_("phone number")) if field == "phone" else page.gettext(N_("email address"))
            found.setdefault(field, page.gettext(TAKEN, what=what))
        elif key in FIELD_ERRORS:
            found.setdefault(field, page.gettext(FIELD_ERRORS[key]))
    return found


async def _context(page: Page, merchant_id: int, code: str | None) -> dict[str, Any]:
    from accounts.service.merchants import get_merchant

    merchant = await get_merchant(merchant_id)
    inviter = await partners.inviting_partner(merchant_id, code) if code else None
    program: Program = await referral_applications.program(merchant_id)
    lang = page.locale
    return {
        "merchant_id": merchant_id, "merchant_name": merchant.name, "inviter": inviter, "program": program,
        "kinds": [(k["code"], k.get(lang) or k["en"]) for k in program.kinds],
        "questions": [(q["id"], q.get(lang) or q["en"], q.get("required", False)) for q in program.questions],
        "agreement": program.agreement.get(lang) or program.agreement.get("en", ""),
    }


@pages.get("/join/{merchant_id:int}")
@pages.get("/join/{merchant_id:int}/{code}", name="apply.invited_application_form")
async def application_form(page: Page) -> Response:
    """Directly, or through a partner's invite link (an unknown or inactive inviter: the 404 page)."""
    params = page.request.path_params
    context = await _context(page, params["merchant_id"], params.get("code"))
    return page.render("apply/form.html", form={}, errors={}, **context)


def _application(form: FormData, locale: str, program: Program, code: str | None) -> dict[str, Any]:
    def text(name: str) -> str | None:
        value = str(form.get(name, "")).strip()
        return value or None

    return {
        "display_name": str(form.get("display_name", "")), "kind": text("kind") or "", "phone": text("phone"),
        "email": text("email"),
        "answers": {q["id"]: str(form.get(f"answer_{q['id']}", "")) for q in program.questions},
        "accepted_agreement_version": program.agreement_version if form.get("accept") == "yes" else None,
        "invite_code": code, "locale": locale,
    }


@pages.post("/join/{merchant_id:int}")
async def submit_application(page: Page) -> Response:
    merchant_id = page.request.path_params["merchant_id"]
    form = await page.form()
    code = str(form.get("invite_code", "")).strip() or None
    context = await _context(page, merchant_id, code)
    sent = _application(form, page.locale, context["program"], code)
    try:
        body = ApplicationIn.model_validate(sent)
    except ValidationError as exc:
        return page.render("apply/form.html", status=422, form=form, errors=_field_errors(page, validation_problem(exc, "")),
                           **context)
    state = page.request.app.state
    ip = page.request.client.host if page.request.client else ""
    try:
        await applications.throttle(state.rate_limits, ip, merchant_id, body.invite_code)
        applied = await applications.apply(merchant_id, **body.fields())
    except InvalidInput as error:
        return page.render("apply/form.html", status=422, form=form, errors=_field_errors(page, error), **context)
    except TooManyRequests as refused:
        page.flash(page.gettext("Too many applications just now. Wait %(seconds)s seconds and try again.",
                                seconds=refused.retry_after), "error")
        return page.render("apply/form.html", status=429, form=form, errors={}, **context)
    application = applied.application
    return page.render(
        "apply/done.html", status=201 if applied.created else 200, created=applied.created, application=application,
        status_text=page.gettext(STATUS_TEXT[application.status]), merchant_name=context["merchant_name"],
        merchant_id=merchant_id,
    )
