"""Applying to a partner program and deciding an application: the two actions that tell the
applicant what happened (relay.applications writes the decision and its message together)."""

from __future__ import annotations

from accounts.models import Role
from accounts.service.audit import actor_of
from core.api import Api, Call
from core.ratelimit import RateLimits
from referral.schemas.applications import (
    ApplicationIn,
    ApplicationOut,
    AppliedOut,
    RejectApplication,
    RequestInfo,
)
from referral.service.applications import Decision
from relay import applications

api = Api("applications")


@api.endpoint(
    "POST", "/api/v1/merchants/{merchant_id:int}/applications", summary="Apply to the partner program",
    body=ApplicationIn, response=AppliedOut,
    rate_limited="Too many applications from this client IP (join_ip) or to this merchant (join_merchant); nothing written",
)
async def apply(call: Call) -> AppliedOut:
    """Public: what the application page does, for the merchant's own app or mini-program. The
    program (GET .../partner-program) says what to give; each shortfall is 422 on its field, and
    writes nothing. With `invite_code`, the inviting partner (active; 404 otherwise) recruits the
    applicant. The same phone or email as a partner of the merchant answers that partner's
    application (`created: false`), unchanged. Rate limited per client IP (join_ip) and per
    merchant (join_merchant)."""
    merchant_id = call.path["merchant_id"]
    limits: RateLimits = call.request.app.state.rate_limits
    ip = call.request.client.host if call.request.client else ""
    await applications.throttle(limits, ip, merchant_id, call.body.invite_code)
    applied = await applications.apply(merchant_id, **call.body.fields())
    application = applied.application
    return AppliedOut(
        created=applied.created, application_id=application.id, status=application.status,  # type: ignore[arg-type]
        partner_code=application.partner.code if application.partner.is_active else None,
    )


@api.endpoint("POST", "/api/v1/applications/{application_id:int}/approve", summary="Approve an application",
              roles=[Role.admin], response=ApplicationOut)
async def approve_application(call: Call) -> ApplicationOut:
    """The partner becomes active and is told. Only an open application (409 otherwise)."""
    return ApplicationOut.of(await applications.decide(
        call.merchant_id, call.path["application_id"], Decision.approve, actor=actor_of(call.principal)))


@api.endpoint("POST", "/api/v1/applications/{application_id:int}/reject", summary="Reject an application",
              roles=[Role.admin], body=RejectApplication, response=ApplicationOut)
async def reject_application(call: Call) -> ApplicationOut:
    """The applicant is told, with `reason`. Only an open application (409 otherwise)."""
    return ApplicationOut.of(await applications.decide(
        call.merchant_id, call.path["application_id"], Decision.reject, message=call.body.reason,
        actor=actor_of(call.principal)))


@api.endpoint("POST", "/api/v1/applications/{application_id:int}/request-info",
              summary="Ask the applicant for more information", roles=[Role.admin], body=RequestInfo,
              response=ApplicationOut)
async def request_application_info(call: Call) -> ApplicationOut:
    """The applicant is told `message` and answers it (POST /api/v1/me/application/answer)."""
    return ApplicationOut.of(await applications.decide(
        call.merchant_id, call.path["application_id"], Decision.request_info, message=call.body.message,
        actor=actor_of(call.principal)))
