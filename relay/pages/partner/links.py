"""My links: the partner's share links, a form to make one (a product, a campaign or another scene),
each link's page with a copy button, a QR code big enough to scan from another phone and a
downloadable poster (PNG). Every link URL is scoped: another partner's link id is 404."""

from __future__ import annotations

from starlette.responses import Response

from core.errors import InvalidInput
from referral.models import Scene
from referral.qr import qr_svg
from referral.service import links
from referral.service.links import LinkInfo
from relay.pages.i18n import N_
from relay.pages.partner import pages
from relay.pages.partner.poster import poster_png
from relay.pages.routing import MAX_OFFSET, Page, number_in

#: The scenes a partner may pick, with their labels.
SCENES = {
    Scene.product.value: N_("A product"),
    Scene.campaign.value: N_("A campaign"),
    Scene.personal.value: N_("My page (personal)"),
    Scene.service.value: N_("A service"),
}
PAGE_SIZE = 50
#: What the service's English field errors become on the page.
FIELD_MESSAGES = {
    "host is not one of the merchant's allowed domains": N_("This address is not on the shop's website."),
    "must start with http:// or https://": N_("The address must start with http:// or https://."),
}


def short_url(page: Page, link: LinkInfo) -> str:
    return links.short_url(page.request.app.state.settings.public_url, link.code)


def product_of(link: LinkInfo) -> str:
    """What a link is for, as its poster says: the product, the campaign, or the page's address."""
    return link.sku or link.campaign or link.target_url.split("://", 1)[-1].split("?", 1)[0]


def offset_of(page: Page) -> int:
    """The list's `offset` query parameter (0 when absent or not a small number)."""
    return number_in(page.request.query_params.get("offset", "0"), at_most=MAX_OFFSET) or 0


def _target_message(page: Page, problem: str) -> str:
    message = FIELD_MESSAGES.get(problem)
    return page.gettext(message) if message else page.gettext("This address cannot be used: %(reason)s", reason=problem)


async def _render(page: Page, form: dict, errors: dict, status: int = 200) -> Response:
    found = await links.list_links(page.merchant_id, page.partner_id, limit=PAGE_SIZE, offset=offset_of(page))
    return page.render(
        "partner/links.html", status=status, links=found, form=form, errors=errors,
        scenes=[(value, page.gettext(label)) for value, label in SCENES.items()], scene_names=SCENES,
        short_url=lambda link: short_url(page, link),
    )


@pages.get("/p/links", nav=N_("My links"), name="partner.links")
async def links_page(page: Page) -> Response:
    return await _render(page, {"scene": Scene.product.value}, {})


@pages.post("/p/links", name="partner.create_link")
async def create_link(page: Page) -> Response:
    submitted = await page.form()
    form = {name: str(submitted.get(name, "")).strip() for name in ("scene", "target_url", "sku", "campaign")}
    errors = {}
    if form["scene"] not in SCENES:
        errors["scene"] = page.gettext("Pick what the link is for.")
    if not form["target_url"]:
        errors["target_url"] = page.gettext("Enter the address of the page on the shop's website.")
    elif (problem := await links.target_refusal(page.merchant_id, form["target_url"])) is not None:
        errors["target_url"] = _target_message(page, problem)  # with the form's other errors, not after them
    for name in ("sku", "campaign"):
        if len(form[name]) > 100:
            errors[name] = page.gettext("At most 100 characters.")
    if form["scene"] == Scene.product.value and not form["sku"]:
        errors["sku"] = page.gettext("Enter the product (its name or code).")
    if form["scene"] == Scene.campaign.value and not form["campaign"]:
        errors["campaign"] = page.gettext("Enter the campaign's name.")
    if not errors:
        try:
            link, created = await links.create_link(
                page.merchant_id, page.partner_id, target_url=form["target_url"], scene=form["scene"],
                sku=form["sku"] or None, campaign=form["campaign"] or None,
            )
        except InvalidInput as error:
            for item in error.extra.get("errors", []):
                errors[item["field"]] = _target_message(page, item["message"])
        else:
            page.flash(page.gettext("Link created.") if created else page.gettext("You already had this link."), "success")
            return page.redirect(page.url("partner.link", link_id=link.id))
    return await _render(page, form, errors, status=422)


async def _own_link(page: Page) -> LinkInfo:
    """The partner's link named in the URL; any other id (another partner's too) is 404."""
    return page.owned(await links.get_link(page.merchant_id, page.request.path_params["link_id"]))


@pages.get("/p/links/{link_id:int}")
async def link(page: Page) -> Response:
    found = await _own_link(page)
    return page.render("partner/link.html", link=found, url=short_url(page, found), product=product_of(found),
                       scene=SCENES.get(found.scene, found.scene))


@pages.get("/p/links/{link_id:int}/qr.svg")
async def link_qr(page: Page) -> Response:
    found = await _own_link(page)
    return Response(qr_svg(short_url(page, found)), media_type="image/svg+xml")


@pages.get("/p/links/{link_id:int}/poster.png")
async def link_poster(page: Page) -> Response:
    found = await _own_link(page)
    image = poster_png(
        short_url(page, found),
        headline=page.gettext("%(name)s recommends", name=page.partner.display_name),
        product=product_of(found),
        footer=page.gettext("Scan the code with your phone's camera"),
        brand=page.merchant.name,
    )
    return Response(image, media_type="image/png", headers={
        "content-disposition": f'attachment; filename="poster-{found.code}.png"',
    })
