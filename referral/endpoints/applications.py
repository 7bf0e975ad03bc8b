"""The partner program's settings and its applications, read by the merchant (admin), the
program as an applicant sees it (public), and an applicant's own application (partner session).
Applying and deciding tell the applicant, so they are relay's (relay/application_endpoints.py)."""

from __future__ import annotations

from accounts.models import Role
from accounts.service.audit import actor_of
from accounts.service.merchants import get_merchant
from core.api import PARTNER_ROLE, Call
from referral.endpoints import api
from referral.schemas.applications import (
    ApplicantAnswer,
    ApplicationList,
    ApplicationOut,
    ApplicationQuery,
    ProgramIn,
    ProgramOut,
)
from referral.service import applications, partners


@api.endpoint(
    "GET", "/api/v1/merchants/{merchant_id:int}/partner-program", summary="The partner program, for applicants",
    response=ProgramOut,
)
async def public_program(call: Call) -> ProgramOut:
    """Public: what an application must give (the kinds with their labels, the questions, which
    addresses, the agreement and its version to accept). An unknown merchant is 404."""
    await get_merchant(call.path["merchant_id"])
    return ProgramOut.of(await applications.program(call.path["merchant_id"]))


@api.endpoint("GET", "/api/v1/partner-program", summary="The partner program", roles=[Role.admin],
              response=ProgramOut)
async def get_program(call: Call) -> ProgramOut:
    return ProgramOut.of(await applications.program(call.merchant_id))


@api.endpoint("PUT", "/api/v1/partner-program", summary="Change the partner program", roles=[Role.admin],
              body=ProgramIn, response=ProgramOut)
async def put_program(call: Call) -> ProgramOut:
    """Replaces the whole program. A change of the agreement's text makes a new version (applicants
    accept the version they read). Audited as `partner_program.update`."""
    changed = await applications.update_program(call.merchant_id, call.body.program(), actor=actor_of(call.principal))
    return ProgramOut.of(changed)


@api.endpoint("GET", "/api/v1/applications", summary="List applications", roles=[Role.admin],
              query=ApplicationQuery, response=ApplicationList)
async def list_applications(call: Call) -> ApplicationList:
    """Oldest first (the review queue's order); filter by status (pending, needs_info, approved, rejected)."""
    query = call.query
    status = query.status.value if query.status else None
    return ApplicationList.of(
        await applications.list_applications(call.merchant_id, status=status, limit=query.limit, offset=query.offset)
    )


@api.endpoint("GET", "/api/v1/applications/{application_id:int}", summary="Get an application",
              roles=[Role.admin], response=ApplicationOut)
async def get_application(call: Call) -> ApplicationOut:
    return ApplicationOut.of(await applications.get_application(call.merchant_id, call.path["application_id"]))


@api.endpoint("GET", "/api/v1/me/application", summary="My application", roles=[PARTNER_ROLE],
              response=ApplicationOut)
async def my_application(call: Call) -> ApplicationOut:
    """Where the signed-in partner's application stands (the merchant's question, the reason of a
    rejection); a partner the merchant made has one standing for their status (id 0)."""
    partner = await partners.get_partner(call.merchant_id, call.partner_id)
    return ApplicationOut.of(await applications.application_of_partner(call.merchant_id, partner))


@api.endpoint("POST", "/api/v1/me/application/answer", summary="Answer the merchant's question",
              roles=[PARTNER_ROLE], body=ApplicantAnswer, response=ApplicationOut)
async def answer_my_application(call: Call) -> ApplicationOut:
    """Only when the merchant asked for more information (409 otherwise): the application waits
    for review again."""
    return ApplicationOut.of(await applications.answer_request(call.merchant_id, call.partner_id, call.body.note))
