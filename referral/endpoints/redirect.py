"""The tracked redirect `/r/{code}`: record the click, send the visitor on with `relay_click`.

The hot path does no database I/O on a cache hit: the destination comes from the
in-process link cache and the click goes to the in-memory `ClickRecorder` queue.
"""

from __future__ import annotations

import json
import re

from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from core import ids
from core.api import PROBLEM_JSON
from core.ratelimit import RateLimits, TooManyRequests
from referral.bots import is_bot
from referral.endpoints import document_public, public_routes
from referral.service import links
from referral.service.clicks import ClickRecorder, hash_ip

#: First-party cookie naming the visitor across clicks (attribution's "last click").
VISITOR_COOKIE = "relay_vid"
VISITOR_MAX_AGE = 365 * 24 * 3600
#: A visitor id we issued, found in a Cookie header; any other value is replaced, never stored.
_VISITOR_IN_COOKIE = re.compile(rf"(?:^|;)\s*{VISITOR_COOKIE}=([A-Za-z0-9]{{16,40}})\s*(?:;|$)")

_NOT_FOUND = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Link not found</title></head>
<body><h1>Link not found</h1><p>This link is unknown or no longer active.</p></body></html>
"""


_NO_STORE = [(b"cache-control", b"no-store"), (b"content-length", b"0")]
_COOKIE = f"{VISITOR_COOKIE}={{}}; HttpOnly; Max-Age={VISITOR_MAX_AGE}; Path=/; SameSite=lax"
_NOT_FOUND_BODY = _NOT_FOUND.encode()
_NOT_FOUND_HEADERS = (
    (b"cache-control", b"no-store"),
    (b"content-length", str(len(_NOT_FOUND_BODY)).encode()),
    (b"content-type", b"text/html; charset=utf-8"),
)
_NO_BODY = {"type": "http.response.body", "body": b""}


async def _found(send: Send, location: str, set_cookie: str | None = None) -> None:
    """A bodiless 302, sent with raw ASGI messages (Response's generic assembly shows up in
    the redirect's profile)."""
    headers = [(b"location", location.encode("latin-1")), *_NO_STORE]
    if set_cookie is not None:
        headers.append((b"set-cookie", set_cookie.encode("latin-1")))
    await send({"type": "http.response.start", "status": 302, "headers": headers})
    await send(_NO_BODY)


async def _too_many(send: Send, limit: str, retry_after: int) -> None:
    """429 problem+json with Retry-After: the visit is not recorded."""
    body = json.dumps(TooManyRequests(limit, retry_after).problem()).encode()
    headers = [
        (b"content-type", PROBLEM_JSON.encode()), (b"retry-after", str(retry_after).encode()),
        (b"cache-control", b"no-store"), (b"content-length", str(len(body)).encode()),
    ]
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def serve(scope: Scope, send: Send, code: str) -> None:
    """302 to the link's target with ``relay_click`` appended; 404 page for an unknown or
    inactive link (or a suspended partner), never a redirect then; 429 past a rate limit
    (per client IP, checked before the link is looked up, then per link), nothing recorded."""
    # The client is the peer, or the forwarded client when uvicorn trusts the proxy
    # (--proxy-headers with --forwarded-allow-ips): X-Forwarded-For is never read here.
    client = scope.get("client")
    ip = client[0] if client else ""
    state = scope["app"].state
    rate_limits: RateLimits = state.rate_limits
    retry_after = await rate_limits.hit("redirect_ip", ip)
    if retry_after is not None:
        known = links.cache.get(code)[1]  # the merchant if cached; never a query for a refused client
        rate_limits.refused("redirect_ip", known.merchant_id if known is not None else 0)
        await _too_many(send, "redirect_ip", retry_after)
        return
    destination = await links.resolve(code)
    if destination is None:
        await send({"type": "http.response.start", "status": 404, "headers": list(_NOT_FOUND_HEADERS)})
        await send({"type": "http.response.body", "body": _NOT_FOUND_BODY})
        return
    retry_after = await rate_limits.hit("redirect_link", str(destination.link_id))
    if retry_after is not None:
        rate_limits.refused("redirect_link", destination.merchant_id)
        await _too_many(send, "redirect_link", retry_after)
        return
    if scope["method"] == "HEAD":
        # A link checker asking where this goes is not a visit: nothing recorded.
        await _found(send, destination.target_url)
        return

    # One pass over the raw headers: Starlette's Headers and cookie parsing show in the profile.
    user_agent = referrer = cookie = ""
    for name, value in scope["headers"]:
        if name == b"user-agent":
            user_agent = value.decode("latin-1")
        elif name == b"referer":
            referrer = value.decode("latin-1")
        elif name == b"cookie":
            cookie = f"{cookie}; {value.decode('latin-1')}" if cookie else value.decode("latin-1")
    known = _VISITOR_IN_COOKIE.search(cookie) if cookie else None
    set_cookie = None
    if known is not None:
        visitor_id = known.group(1)
    else:
        visitor_id = ids.visitor_id()
        set_cookie = _COOKIE.format(visitor_id)
        if scope["scheme"] == "https":
            set_cookie += "; Secure"
    recorder: ClickRecorder = state.clicks
    click_id = recorder.record(
        merchant_id=destination.merchant_id,
        link_id=destination.link_id,
        partner_id=destination.partner_id,
        scene=destination.scene,
        visitor_id=visitor_id,
        ip_hash=hash_ip(state.settings.secret_key, ip),
        user_agent=user_agent,
        referrer=referrer,
        is_bot=is_bot(user_agent),
    )
    await _found(send, destination.location(click_id), set_cookie)


class _RedirectRoute:
    """The `/r/{code}` route as a plain ASGI app (Starlette's router gives it the path params;
    an instance, not a function, so Starlette does not wrap it in a Request)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await serve(scope, send, scope["path_params"]["code"])


redirect = _RedirectRoute()


class RedirectFastPath:
    """ASGI middleware answering ``GET``/``HEAD /r/{code}`` before Starlette's router: the
    busiest path skips the exception middleware and the walk over the routes. Every other
    request (including other methods on /r/, which get the router's 405) goes on unchanged.
    The `/r/{code}` Route stays registered: it documents the path and serves it if this
    middleware is not installed."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope.get("root_path"):
            path: str = scope["path"]
            if path.startswith("/r/") and scope["method"] in ("GET", "HEAD"):
                code = path[3:]
                if code and "/" not in code:
                    await serve(scope, send, code)
                    return
        await self.app(scope, receive, send)


# First among the public routes: the busiest path should not be tried after the others.
public_routes.insert(0, Route("/r/{code}", redirect, methods=["GET"]))
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
            "click. Unknown or inactive link, or suspended partner: 404 HTML page. Past a rate "
            "limit (per client IP, per link): 429 problem+json with Retry-After, no click recorded."
        ),
        "tags": ["referral"],
        "parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {
            "302": {"description": "Redirect to the target with relay_click", "headers": {
                "Location": {"schema": {"type": "string"}}}},
            "404": {"description": "Unknown or inactive link", "content": {"text/html": {"schema": {"type": "string"}}}},
            "429": {
                "description": "Rate limit reached (per client IP or per link); nothing recorded",
                "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
            },
        },
    },
)
