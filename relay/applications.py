"""Applying and deciding, each one transaction: referral records the application or the decision
(and the audit entry), and what tells the applicant is written in the same transaction."""

from __future__ import annotations

from collections.abc import Mapping

from tortoise.transactions import in_transaction

from accounts.service import merchants
from accounts.service.audit import Actor
from core.ratelimit import RateLimits
from core.time import now
from notifications.kinds import Kind
from notifications.service import Notice, notify
from referral.models import ApplicationStatus
from referral.service import applications, partners
from referral.service.applications import ApplicationInfo, Applied, Decision


async def throttle(limits: RateLimits, ip: str, merchant_id: int, invite_code: str | None) -> None:
    """Applications per client IP (TooManyRequests, 429; counted under merchant 0: the merchant in
    the path is no proof), then, once the merchant and the invite are known to be real (404
    otherwise: no merchant's allowance used), per merchant."""
    await limits.check("join_ip", ip)
    await merchants.get_merchant(merchant_id)
    if invite_code:
        await partners.inviting_partner(merchant_id, invite_code)
    await limits.check("join_merchant", str(merchant_id), merchant_id=merchant_id)


async def apply(
    merchant_id: int, *, display_name: str, kind: str, phone: str | None, email: str | None,
    answers: Mapping[str, str], accepted_agreement_version: int | None, invite_code: str | None, locale: str,
) -> Applied:
    async with in_transaction():
        applied = await applications.apply(
            merchant_id, display_name=display_name, kind=kind, phone=phone, email=email, answers=answers,
            accepted_agreement_version=accepted_agreement_version, invite_code=invite_code, locale=locale,
        )
        if applied.created and applied.application.status == ApplicationStatus.approved.value:  # the program approves on arrival
            await notify(merchant_id, [decided(applied.application, Decision.approve)])
    return applied


async def decide(
    merchant_id: int, application_id: int, decision: str, *, message: str | None = None,
    actor: Actor | None = None,
) -> ApplicationInfo:
    async with in_transaction():
        application = await applications.decide(merchant_id, application_id, decision, message=message, actor=actor)
        await notify(merchant_id, [decided(application, decision)])
    return application


def decided(application: ApplicationInfo, decision: str) -> Notice:
    """The applicant's notice of a decision (with the reason of a rejection, or the merchant's
    question). An application is approved or rejected once; each question is a notice of its own."""
    event = f"application:{application.id}:" + (f"ask:{now().isoformat()}" if decision == Decision.request_info
                                                  else "decided")
    note = application.reason if decision == Decision.reject else application.info_request
    return Notice(application.partner.id, Kind.application_decided, event,
                  {"decision": decision, **({"note": note} if note and decision != Decision.approve else {})})
