"""The tracked redirect `/r/{code}`: record the click, send the visitor on with `relay_click`.

The hot path does no database I/O on a cache hit: the destination comes from the
in-process link cache and the click goes to the in-memory `ClickRecorder` queue.
"""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from core import ids
from referral.bots import is_bot
from referral.endpoints import document_public, public_routes
from referral.service import links
from referral.service.clicks import ClickRecorder, hash_ip

#: First-party cookie naming the visitor across clicks (attribution's "last click").
VISITOR_COOKIE = "relay_vid"
VISITOR_MAX_AGE = 365 * 24 * 3600
#: A cookie value we issued looks like this; anything else is replaced, never stored.
_VISITOR_ID = re.compile(r"^[A-Za-z0-9]{16,40}$")

_NOT_FOUND = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Link not found</title></head>
<body><h1>Link not found</h1><p>This link is unknown or no longer active.</p></body></html>
"""


async def redirect(request: Request) -> Response:
    """302 to the link's target with ``relay_click`` appended; 404 page for an unknown or
    inactive link (or a suspended partner), never a redirect then."""
    destination = await links.resolve(request.path_params["code"])
    if destination is None:
        return HTMLResponse(_NOT_FOUND, status_code=404, headers={"cache-control": "no-store"})
    headers = {"cache-control": "no-store", "x-robots-tag": "noindex"}
    if request.method == "HEAD":
        # A link checker asking where this goes is not a visit: nothing recorded.
        return Response(status_code=302, headers={"location": destination.target_url, **headers})

    visitor_id = request.cookies.get(VISITOR_COOKIE, "")
    new_visitor = not _VISITOR_ID.match(visitor_id)
    if new_visitor:
        visitor_id = ids.visitor_id()
    user_agent = request.headers.get("user-agent", "")
    # request.client is the peer, or the forwarded client when uvicorn trusts the proxy
    # (--proxy-headers with --forwarded-allow-ips): X-Forwarded-For is never read here.
    ip = request.client.host if request.client else ""
    recorder: ClickRecorder = request.app.state.clicks
    click_id = recorder.record(
        merchant_id=destination.merchant_id,
        link_id=destination.link_id,
        partner_id=destination.partner_id,
        scene=destination.scene,
        visitor_id=visitor_id,
        ip_hash=hash_ip(request.app.state.settings.secret_key, ip),
        user_agent=user_agent,
        referrer=request.headers.get("referer", ""),
        is_bot=is_bot(user_agent),
    )
    response = Response(status_code=302, headers={"location": destination.location(click_id), **headers})
    if new_visitor:
        response.set_cookie(
            VISITOR_COOKIE, visitor_id, max_age=VISITOR_MAX_AGE, path="/", httponly=True, samesite="lax",
            secure=request.url.scheme == "https",
        )
    return response


public_routes.append(Route("/r/{code}", redirect, methods=["GET"]))
document_public(
    "/r/{code}",
    "get",
    {
        "operationId": "redirect",
        "summary": "Tracked redirect of a share link",
        "description": (
            "Records a click and answers 302 to the link's target with `relay_click=<click id>` "
            "appended (the target's query and fragment kept). Sets the first-party `relay_vid` "
            "visitor cookie when absent. The same visitor on the same link within 60 s is one "
            "click. Unknown or inactive link, or suspended partner: 404 HTML page."
        ),
        "tags": ["referral"],
        "parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {
            "302": {"description": "Redirect to the target with relay_click", "headers": {
                "Location": {"schema": {"type": "string"}}}},
            "404": {"description": "Unknown or inactive link", "content": {"text/html": {"schema": {"type": "string"}}}},
        },
    },
)
