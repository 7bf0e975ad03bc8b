"""Partner endpoints: the admin API. (People apply to the program through relay/application_endpoints.py
and the pages of relay/pages/apply.py.)"""

from __future__ import annotations

from starlette.requests import Request

from accounts.models import Role
from accounts.service.audit import actor_of
from core.api import Call
from referral.endpoints import api
from referral.schemas.partners import (
    PartnerCreate,
    PartnerList,
    PartnerOut,
    PartnerQuery,
    PartnerUpdate,
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
