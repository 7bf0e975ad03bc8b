"""Partner endpoints: the admin API, and the public sign-up through an invite link."""

from __future__ import annotations

import html
import secrets

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from accounts.models import Role
from accounts.service.audit import actor_of
from core.api import PROBLEM_JSON, Call
from core.errors import NotFound
from core.ratelimit import RateLimits
from referral.endpoints import api, document_public, public_routes
from referral.schemas.partners import (
    PartnerCreate,
    PartnerList,
    PartnerOut,
    PartnerQuery,
    PartnerUpdate,
    SignedUp,
    SignUp,
)
from referral.service import partners


def _public_url(call: Call | Request) -> str:
    request = call.request if isinstance(call, Call) else call
    return request.app.state.settings.public_url


@api.endpoint(
    "POST", "/api/v1/partners", summary="Create a partner", roles=[Role.admin],
    body=PartnerCreate, response=PartnerOut, status=201,
)
async def create_partner(call: Call) -> PartnerOut:
    """A new partner gets a till code; `recruiter_id` must be another partner of this merchant."""
    partner = await partners.create_partner(call.merchant_id, **call.body.fields(), actor=actor_of(call.principal))
    return PartnerOut.of(partner, _public_url(call))


@api.endpoint(
    "GET", "/api/v1/partners", summary="List partners", roles=[Role.admin],
    query=PartnerQuery, response=PartnerList,
)
async def list_partners(call: Call) -> PartnerList:
    """Filter by kind, group and status; `q` matches part of the name or code."""
    page = await partners.list_partners(call.merchant_id, **call.query.model_dump(mode="json"))
    return PartnerList.of(page, _public_url(call))


@api.endpoint(
    "GET", "/api/v1/partners/{partner_id:int}", summary="Get a partner", roles=[Role.admin],
    response=PartnerOut,
)
async def get_partner(call: Call) -> PartnerOut:
    partner = await partners.get_partner(call.merchant_id, call.path["partner_id"])
    return PartnerOut.of(partner, _public_url(call))


@api.endpoint(
    "PATCH", "/api/v1/partners/{partner_id:int}", summary="Update a partner", roles=[Role.admin],
    body=PartnerUpdate, response=PartnerOut,
)
async def update_partner(call: Call) -> PartnerOut:
    """Only the fields sent change. Suspending a partner stops its links at once."""
    partner = await partners.update_partner(
        call.merchant_id, call.path["partner_id"], call.body.changes(), actor=actor_of(call.principal)
    )
    return PartnerOut.of(partner, _public_url(call))


@api.endpoint(
    "POST", "/api/v1/join/{merchant_id:int}/{code}", summary="Sign up through an invite link",
    body=SignUp, response=SignedUp, status=201,
    rate_limited="Too many sign-ups from this client IP (join_ip) or for this merchant (join_merchant); nothing written",
)
async def join(call: Call) -> SignedUp:
    """Public (no API key). Creates a `pending` partner recruited by the active partner `code`;
    an unknown or inactive inviter is 404. Rate-limited per client IP, then per merchant once the
    invite is known to be the merchant's (429 with Retry-After; counted in the refusals)."""
    merchant_id, code = call.path["merchant_id"], call.path["code"]
    limits: RateLimits = call.request.app.state.rate_limits
    # The merchant in the path is no proof: a refusal by IP is counted under merchant 0.
    await limits.check("join_ip", call.request.client.host if call.request.client else "")
    await partners.inviting_partner(merchant_id, code)  # 404 before the merchant's allowance is used
    await limits.check("join_merchant", str(merchant_id), merchant_id=merchant_id)
    partner = await partners.sign_up(merchant_id, code, **call.body.model_dump())
    return SignedUp.of(partner)


# --- the invite page ------------------------------------------------------------------------------

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<style nonce="{nonce}">body{{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}}
label{{display:block;margin:.8rem 0 .2rem}}input{{width:100%;padding:.4rem;box-sizing:border-box}}
button{{margin-top:1rem;padding:.5rem 1rem}}</style>
</head><body>
{body}
</body></html>
"""

_FORM = """<h1>Join the partner program</h1>
<p>Invited by <strong>{inviter}</strong>.</p>
<form id="join" data-action="{action}">
<label for="display_name">Your name</label><input id="display_name" name="display_name" required maxlength="200">
<label for="email">Email (optional)</label><input id="email" name="email" type="email" maxlength="254">
<button type="submit">Join</button>
</form>
<p id="result" role="status"></p>
<script nonce="{nonce}">
document.getElementById("join").addEventListener("submit", async (event) => {{
  event.preventDefault();
  const form = event.target, out = document.getElementById("result");
  const body = {{display_name: form.display_name.value}};
  if (form.email.value) body.email = form.email.value;
  const response = await fetch(form.dataset.action, {{
    method: "POST", headers: {{"content-type": "application/json"}}, body: JSON.stringify(body)}});
  const answer = await response.json();
  out.textContent = response.ok
    ? "Thank you! Your partner code is " + answer.code + ". The merchant will confirm your account."
    : (answer.detail || "Something went wrong.");
  if (response.ok) form.hidden = true;
}});
</script>"""


def _page(title: str, body: str, nonce: str, status: int = 200) -> HTMLResponse:
    csp = (
        f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
    return HTMLResponse(
        _PAGE.format(title=html.escape(title), body=body, nonce=nonce),
        status_code=status,
        headers={"content-security-policy": csp, "cache-control": "no-store"},
    )


async def join_page(request: Request) -> Response:
    """A minimal sign-up page for an invite link (the real pages come later)."""
    merchant_id: int = request.path_params["merchant_id"]
    code: str = request.path_params["code"]
    nonce = secrets.token_urlsafe(16)
    try:
        inviter = await partners.inviting_partner(merchant_id, code)
    except NotFound:
        body = "<h1>Invite not found</h1><p>This invite link is unknown or no longer active.</p>"
        return _page("Invite not found", body, nonce, status=404)
    # Everything interpolated into the page is escaped; the code is the stored one, not the typed one.
    action = f"/api/v1/join/{merchant_id}/{inviter.code}"
    body = _FORM.format(inviter=html.escape(inviter.display_name), action=html.escape(action), nonce=nonce)
    return _page("Join the partner program", body, nonce)


public_routes.append(Route("/join/{merchant_id:int}/{code}", join_page, methods=["GET"]))
document_public(
    "/join/{merchant_id}/{code}",
    "get",
    {
        "operationId": "join_page",
        "summary": "Invite page: a form to sign up as a partner",
        "tags": ["referral"],
        "parameters": [
            {"name": "merchant_id", "in": "path", "required": True, "schema": {"type": "integer"}},
            {"name": "code", "in": "path", "required": True, "schema": {"type": "string"}},
        ],
        "responses": {
            "200": {"description": "HTML form posting to /api/v1/join/{merchant_id}/{code}",
                    "content": {"text/html": {"schema": {"type": "string"}}}},
            "404": {
                "description": "Unknown or inactive inviter (an HTML page); a merchant id that is not a number "
                               "names no route (problem+json)",
                "content": {"text/html": {"schema": {"type": "string"}},
                            PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
            },
        },
    },
)

