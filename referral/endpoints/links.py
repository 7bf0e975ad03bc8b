"""Share link endpoints: the admin API, and the public QR code images of a link."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from accounts.models import Role
from accounts.service.audit import actor_of
from core.api import Call
from referral.endpoints import api, document_public, public_routes
from referral.qr import qr_png, qr_svg
from referral.schemas.links import LinkCreate, LinkList, LinkOut, LinkQuery, LinkUpdate
from referral.service import links


def _public_url(request: Request) -> str:
    return request.app.state.settings.public_url


@api.endpoint(
    "POST", "/api/v1/partners/{partner_id:int}/links", summary="Create a share link", roles=[Role.admin],
    body=LinkCreate, response=LinkOut, status=201,
)
async def create_link(call: Call) -> LinkOut | Response:
    """201 with a new link; 200 with the existing one when the partner already has a link for
    the same scene, target and campaign. The target must be on one of the merchant's domains."""
    body: LinkCreate = call.body
    link, created = await links.create_link(
        call.merchant_id, call.path["partner_id"],
        target_url=body.target_url, scene=body.scene.value, sku=body.sku, campaign=body.campaign,
        actor=actor_of(call.principal),
    )
    out = LinkOut.of(link, _public_url(call.request))
    if created:
        return out
    return Response(out.model_dump_json(), status_code=200, media_type="application/json")


@api.endpoint(
    "GET", "/api/v1/partners/{partner_id:int}/links", summary="List a partner's share links",
    roles=[Role.admin], query=LinkQuery, response=LinkList,
)
async def list_links(call: Call) -> LinkList:
    page = await links.list_links(call.merchant_id, call.path["partner_id"], **call.query.model_dump())
    return LinkList.of(page, _public_url(call.request))


@api.endpoint(
    "GET", "/api/v1/links/{link_id:int}", summary="Get a share link", roles=[Role.admin], response=LinkOut,
)
async def get_link(call: Call) -> LinkOut:
    link = await links.get_link(call.merchant_id, call.path["link_id"])
    return LinkOut.of(link, _public_url(call.request))


@api.endpoint(
    "PATCH", "/api/v1/links/{link_id:int}", summary="Switch a share link on or off", roles=[Role.admin],
    body=LinkUpdate, response=LinkOut,
)
async def update_link(call: Call) -> LinkOut:
    """An inactive link answers 404 and records no click."""
    link = await links.update_link(
        call.merchant_id, call.path["link_id"], active=call.body.active, actor=actor_of(call.principal)
    )
    return LinkOut.of(link, _public_url(call.request))


# --- QR codes -------------------------------------------------------------------------------------

#: The image of a code only changes if the public URL does; browsers may keep it a while.
_QR_CACHE = "public, max-age=300"


async def _qr(request: Request, render, media_type: str) -> Response:
    code: str = request.path_params["code"]
    if await links.resolve(code) is None:
        return PlainTextResponse("share link not found", status_code=404)
    image = render(links.short_url(_public_url(request), code))
    return Response(image, media_type=media_type, headers={"cache-control": _QR_CACHE})


async def qr_code_svg(request: Request) -> Response:
    return await _qr(request, qr_svg, "image/svg+xml")


async def qr_code_png(request: Request) -> Response:
    return await _qr(request, qr_png, "image/png")


public_routes.append(Route("/qr/{code}.svg", qr_code_svg, methods=["GET"]))
public_routes.append(Route("/qr/{code}.png", qr_code_png, methods=["GET"]))

for _suffix, _media in (("svg", "image/svg+xml"), ("png", "image/png")):
    document_public(
        f"/qr/{{code}}.{_suffix}",
        "get",
        {
            "operationId": f"qr_code_{_suffix}",
            "summary": f"QR code ({_suffix.upper()}) of a share link's short URL",
            "tags": ["referral"],
            "parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {
                "200": {"description": "The QR code", "content": {_media: {"schema": {"type": "string", "format": "binary"}}}},
                "404": {"description": "Unknown or inactive link"},
            },
        },
    )
