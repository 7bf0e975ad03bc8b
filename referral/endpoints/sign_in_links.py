"""Sign-in links the merchant sends to partners (the partner portal consumes them)."""

from __future__ import annotations

from accounts.models import Role
from accounts.schemas.sign_in import SignInLinkOut
from core.api import Call
from referral.endpoints import api
from referral.service import partners


@api.endpoint(
    "POST", "/api/v1/partners/{partner_id:int}/sign-in-link", summary="Issue a partner's one-time sign-in link",
    roles=[Role.admin], response=SignInLinkOut, status=201,
)
async def issue_partner_sign_in_link(call: Call) -> SignInLinkOut:
    """A link to the partner portal that signs the partner in: valid for 15 minutes, once. Only its
    hash is stored: send it to the partner now (it cannot be shown again). 404 for an unknown partner."""
    link = await partners.issue_sign_in_link(call.merchant_id, call.path["partner_id"])
    return SignInLinkOut.of(link, call.request.app.state.settings.public_url)
