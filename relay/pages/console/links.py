"""A partner's share links in the merchant console: each link's short URL, QR code, scene and
target, switched off and on again; a form to make one for the partner, checked by the API's own
schema and the service's target rules, each refusal next to its field. Every change is audited
as the staff account."""

from __future__ import annotations

from pydantic import ValidationError
from starlette.responses import Response

from referral.errors import TargetNotAllowed
from referral.models import Scene
from referral.schemas.links import LinkCreate
from referral.service import links, partners
from relay.pages.console import pages
from relay.pages.console.common import actor
from relay.pages.console.partners import SCENE_LABELS
from relay.pages.form_errors import field_errors
from relay.pages.i18n import N_
from relay.pages.routing import MAX_OFFSET, Page, number_in

PER_PAGE = 50
FIELDS = ("scene", "target_url", "sku", "campaign")
#: `referral.targets.target_problem`'s reasons in the reader's words.
TARGET_WORDS = {
    "contains a blank, a control character or a backslash": N_("The address must not contain blanks or backslashes."),
    "not a valid URL": N_("This is not a web address."),
    "must start with http:// or https://": N_("The address must start with http:// or https://."),
    "must not contain user info ('@' before the host)": N_("The address must not contain “@” before the site's name."),
    "has no valid host name": N_("The address has no valid site name."),
    "host is not one of the merchant's allowed domains": N_("This site is not one of your shop's domains (see Settings)."),
}


async def _render(page: Page, form: dict[str, str], errors: dict[str, str], status: int = 200) -> Response:
    partner = await partners.get_partner(page.merchant_id, page.request.path_params["partner_id"])
    offset = number_in(page.request.query_params.get("offset", "0"), at_most=MAX_OFFSET) or 0
    found = await links.list_links(page.merchant_id, partner.id, limit=PER_PAGE, offset=offset - offset % PER_PAGE)
    public_url = page.request.app.state.settings.public_url
    return page.render(
        "console/links.html", status=status, partner=partner, links=found, form=form, errors=errors,
        scenes=[(scene.value, page.gettext(SCENE_LABELS[scene.value])) for scene in Scene],
        scene_labels=SCENE_LABELS, short_url=lambda link: links.short_url(public_url, link.code),
    )


@pages.get("/console/partners/{partner_id:int}/links")
async def partner_links(page: Page) -> Response:
    return await _render(page, {"scene": Scene.product.value, "target_url": "", "sku": "", "campaign": ""}, {})


@pages.post("/console/partners/{partner_id:int}/links")
async def create_partner_link(page: Page) -> Response:
    submitted = await page.form()
    form = {name: str(submitted.get(name, "")).strip() for name in FIELDS}
    try:
        checked = LinkCreate.model_validate({name: value or None for name, value in form.items() if value or name == "target_url"})
    except ValidationError as error:
        return await _render(page, form, field_errors(page, error), status=422)
    partner_id = page.request.path_params["partner_id"]
    try:
        link, created = await links.create_link(
            page.merchant_id, partner_id, target_url=checked.target_url, scene=checked.scene.value,
            sku=checked.sku, campaign=checked.campaign, actor=actor(page),
        )
    except TargetNotAllowed as error:
        reason = error.extra["errors"][0]["message"]
        words = TARGET_WORDS.get(reason)
        return await _render(page, form, {"target_url": page.gettext(words) if words else reason}, status=422)
    page.flash(page.gettext("Link %(code)s made.", code=link.code) if created
               else page.gettext("The partner already had this link: %(code)s.", code=link.code), "success")
    return page.redirect(page.url("console.partner_links", partner_id=partner_id) + f"#link-{link.id}")


@pages.post("/console/links/{link_id:int}/switch")
async def switch_link(page: Page) -> Response:
    """Switch a link off (it stops opening at once) or on again; `active` is 1 or 0."""
    form = await page.form()
    found = await links.get_link(page.merchant_id, page.request.path_params["link_id"])
    active = form.get("active") == "1"
    await links.update_link(page.merchant_id, found.id, active=active, actor=actor(page))
    page.flash(page.gettext("Link %(code)s opens again.", code=found.code) if active
               else page.gettext("Link %(code)s is switched off: it no longer opens.", code=found.code), "success")
    return page.redirect(page.url("console.partner_links", partner_id=found.partner_id) + f"#link-{found.id}")
