"""A partner created or edited through a form: name, kind (labelled in the page's language),
group, who recruited them (by code), cash or points, contact and payee. The API's own schemas
validate it (`referral.schemas.partners`), so the form takes exactly what the API takes; every
refusal is shown next to its field in the page's language and nothing is written."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from starlette.datastructures import FormData
from starlette.responses import Response

from referral.errors import RecruiterInvalid
from referral.models import PartnerStatus, RewardKind
from referral.schemas.partners import PartnerCreate, PartnerUpdate
from referral.service import console_views, partners
from referral.service.partners import PartnerInfo
from referral.service.sales import partner_groups
from relay.pages.console import pages
from relay.pages.console.common import actor
from relay.pages.console.kinds import kind_options
from relay.pages.console.partners import STATUS_LABELS
from relay.pages.form_errors import field_errors
from relay.pages.i18n import N_
from relay.pages.routing import Page

#: The form's text fields, as the schemas name them (the recruiter is typed as a code).
TEXT_FIELDS = ("display_name", "kind", "group", "reward_preference", "email", "customer_ref", "payee_name", "payee_account")
#: Sent even when blank, so that the schema says "required" next to them.
REQUIRED = frozenset({"display_name", "kind", "reward_preference"})
REWARD_LABELS = {RewardKind.cash.value: N_("Cash"), RewardKind.points.value: N_("Points")}
#: What a pattern cannot say by its type.
WORDS = {
    "kind": N_("Choose one of the options."),
    "email": N_("Enter an email address like name@example.com."),
    "recruiter": N_("No partner has this code."),
}
#: `RecruiterInvalid`'s reasons in the reader's words (any other: no partner has the code).
RECRUITER_WORDS = {
    "a partner cannot recruit itself": N_("A partner cannot recruit themselves."),
    "the recruiter chain is too long": N_("The chain of recruiters above this partner is too long."),
}
CYCLE_WORDS = N_("This partner recruited (directly or through others) the one you name: that would make a circle.")


def _values(form: FormData) -> dict[str, str]:
    return {name: str(form.get(name, "")).strip() for name in (*TEXT_FIELDS, "status", "recruiter")}


def _fields_of(partner: PartnerInfo, recruiter_code: str) -> dict[str, str]:
    values = {name: getattr(partner, name) or "" for name in TEXT_FIELDS}
    return {**values, "status": partner.status, "recruiter": recruiter_code}


async def _render(page: Page, values: dict[str, str], *, partner: PartnerInfo | None = None,
                  errors: dict[str, str] | None = None, status: int = 200) -> Response:
    kinds = await console_views.partner_kinds(page.merchant_id)
    return page.render(
        "console/partner_form.html", status=status, partner=partner, form=values, errors=errors or {},
        kinds=kind_options(page, [*kinds, values.get("kind", "")] if values.get("kind") else kinds),
        groups=await partner_groups(page.merchant_id),
        statuses=[(s, page.gettext(STATUS_LABELS[s])) for s in (PartnerStatus.active.value, PartnerStatus.pending.value)],
        rewards=[(value, page.gettext(label)) for value, label in REWARD_LABELS.items()],
    )


async def _recruiter_id(page: Page, code: str, errors: dict[str, str]) -> int | None:
    """The id of the partner whose code was typed (None when blank); an unknown code is an error."""
    if not code:
        return None
    found = await partners.partner_by_code(page.merchant_id, code)
    if found is None:
        errors["recruiter"] = page.gettext(WORDS["recruiter"])
        return None
    return found.id


def _recruiter_refused(page: Page, error: RecruiterInvalid) -> dict[str, str]:
    reason = error.extra["errors"][0]["message"]
    words = RECRUITER_WORDS.get(reason, CYCLE_WORDS if "cycle" in reason else WORDS["recruiter"])
    return {"recruiter": page.gettext(words)}


def _body(values: dict[str, str], recruiter_id: int | None) -> dict[str, Any]:
    """What the schema reads: a blank optional field is null, the recruiter is given by id."""
    body: dict[str, Any] = {name: values[name] if values[name] or name in REQUIRED else None for name in TEXT_FIELDS}
    return {**body, "recruiter_id": recruiter_id}


@pages.get("/console/partners/new")
async def new_partner(page: Page) -> Response:
    defaults = {name: "" for name in TEXT_FIELDS}
    return await _render(page, {**defaults, "kind": "customer", "reward_preference": RewardKind.cash.value,
                                "status": PartnerStatus.active.value, "recruiter": ""})


@pages.post("/console/partners/new")
async def create_partner(page: Page) -> Response:
    values = _values(await page.form())
    errors: dict[str, str] = {}
    recruiter_id = await _recruiter_id(page, values["recruiter"], errors)
    body = {name: value for name, value in _body(values, recruiter_id).items() if value is not None}
    try:
        checked = PartnerCreate.model_validate({**body, "status": values["status"]})
    except ValidationError as error:
        errors = {**field_errors(page, error, fields={"recruiter_id": "recruiter"}, words=WORDS), **errors}
    if errors:
        return await _render(page, values, errors=errors, status=422)
    try:
        created = await partners.create_partner(page.merchant_id, **checked.fields(), actor=actor(page))
    except RecruiterInvalid as error:
        return await _render(page, values, errors=_recruiter_refused(page, error), status=422)
    page.flash(page.gettext("%(name)s was added.", name=created.display_name), "success")
    return page.redirect(page.url("console.partner", partner_id=created.id))


async def _with_recruiter(page: Page) -> tuple[PartnerInfo, str]:
    partner = await partners.get_partner(page.merchant_id, page.request.path_params["partner_id"])
    code = ""
    if partner.recruiter_id is not None:
        code = (await partners.get_partner(page.merchant_id, partner.recruiter_id)).code
    return partner, code


@pages.get("/console/partners/{partner_id:int}/edit")
async def edit_partner(page: Page) -> Response:
    partner, code = await _with_recruiter(page)
    return await _render(page, _fields_of(partner, code), partner=partner)


@pages.post("/console/partners/{partner_id:int}/edit")
async def save_partner(page: Page) -> Response:
    partner, _ = await _with_recruiter(page)
    values = _values(await page.form())
    errors: dict[str, str] = {}
    recruiter_id = await _recruiter_id(page, values["recruiter"], errors)
    try:
        checked = PartnerUpdate.model_validate(_body(values, recruiter_id))
    except ValidationError as error:
        errors = {**field_errors(page, error, fields={"recruiter_id": "recruiter"}, words=WORDS), **errors}
    if errors:
        return await _render(page, values, partner=partner, errors=errors, status=422)
    # Only what differs is sent: saving an unchanged form writes nothing (and audits nothing).
    changes = {name: value for name, value in checked.changes().items() if getattr(partner, name) != value}
    if not changes:
        page.flash(page.gettext("Nothing was changed."), "info")
        return page.redirect(page.url("console.partner", partner_id=partner.id))
    try:
        saved = await partners.update_partner(page.merchant_id, partner.id, changes, actor=actor(page))
    except RecruiterInvalid as error:
        return await _render(page, values, partner=partner, errors=_recruiter_refused(page, error), status=422)
    page.flash(page.gettext("%(name)s was saved.", name=saved.display_name), "success")
    return page.redirect(page.url("console.partner", partner_id=partner.id))
