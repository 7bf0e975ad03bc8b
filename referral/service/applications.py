"""Applications to a merchant's partner program: a person applies (on the public page or through
the API, directly or through a partner's invite link), the merchant reviews (or the program
approves automatically), and the decision is recorded, audited and told to the applicant.

An application makes a `pending` partner at once (recruited by the inviting partner, if any), so
the applicant can sign in with their phone or email to see where it stands. The same person
applying again (the same phone or email at this merchant) gets their existing application back,
and nothing is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.transactions import in_transaction

from accounts.service import audit, merchants
from accounts.service.audit import Actor
from core.errors import Conflict, InvalidInput, NotFound
from core.time import now
from referral.models import (
    ApplicationStatus,
    ContactRule,
    Partner,
    PartnerApplication,
    PartnerProgram,
    PartnerStatus,
    ReviewMode,
)
from referral.program import DEFAULT_PROGRAM, Program, check_application
from referral.service import partners
from referral.service.partners import PartnerInfo


@dataclass(frozen=True, slots=True)
class ApplicationInfo:
    """An application and the partner it made, as the merchant and the applicant see it."""

    id: int
    merchant_id: int
    status: str
    partner: PartnerInfo
    answers: Mapping[str, str]
    agreement_version: int
    agreement_accepted_at: datetime | None
    info_request: str | None
    applicant_note: str | None
    reason: str | None
    decided_at: datetime | None
    created_at: datetime

    @property
    def open(self) -> bool:
        """Waiting for the merchant (pending, or asked for more information)."""
        return self.status in (ApplicationStatus.pending.value, ApplicationStatus.needs_info.value)


@dataclass(frozen=True, slots=True)
class Applied:
    """What applying did: `created` false when the person had applied before (nothing written)."""

    application: ApplicationInfo
    created: bool


@dataclass(frozen=True, slots=True)
class ApplicationPage:
    items: list[ApplicationInfo]
    total: int
    limit: int
    offset: int


class ApplicationNotFound(NotFound):
    def __init__(self, application_id: int | str) -> None:
        super().__init__(f"application {application_id} not found")


class ApplicationClosed(Conflict):
    """The application was already decided: approve, reject and ask only an open one."""

    def __init__(self, status: str) -> None:
        super().__init__(f"the application is already {status}")


class Decision:
    approve = "approve"
    reject = "reject"
    request_info = "request_info"


def _info(row: PartnerApplication, partner: PartnerInfo) -> ApplicationInfo:
    return ApplicationInfo(
        id=row.id, merchant_id=row.merchant_id, status=row.status, partner=partner, answers=row.answers or {},
        agreement_version=row.agreement_version, agreement_accepted_at=row.agreement_accepted_at,
        info_request=row.info_request, applicant_note=row.applicant_note, reason=row.reason,
        decided_at=row.decided_at, created_at=row.created_at,
    )


# --- the program's settings --------------------------------------------------------------------


async def program(merchant_id: int) -> Program:
    """The merchant's program (the defaults until they change it)."""
    row = await PartnerProgram.get_or_none(merchant_id=merchant_id)
    if row is None:
        return DEFAULT_PROGRAM
    return Program(
        review=ReviewMode(row.review), contact_required=ContactRule(row.contact_required),
        kinds=tuple(row.kinds), questions=tuple(row.questions), agreement_version=row.agreement_version,
        agreement=dict(row.agreement),
    )


async def update_program(merchant_id: int, changed: Program, *, actor: Actor | None = None) -> Program:
    """Replace the program's settings; a change of the agreement's text makes a new version."""
    async with in_transaction():
        before = await program(merchant_id)
        version = before.agreement_version
        if dict(changed.agreement) != dict(before.agreement):
            version = before.agreement_version + 1 if any(changed.agreement.values()) else 0
        fields = {
            "review": changed.review.value, "contact_required": changed.contact_required.value,
            "kinds": list(changed.kinds), "questions": list(changed.questions), "agreement_version": version,
            "agreement": dict(changed.agreement),
        }
        await PartnerProgram.update_or_create(defaults=fields, merchant_id=merchant_id)
        after = await program(merchant_id)
        await audit.record(merchant_id, actor, "partner_program.update", "partner_program", merchant_id,
                           before=before.as_json(), after=after.as_json())
    return after


# --- applying ------------------------------------------------------------------------------------


async def apply(
    merchant_id: int,
    *,
    display_name: str,
    kind: str,
    phone: str | None,
    email: str | None,
    answers: Mapping[str, str],
    accepted_agreement_version: int | None,
    invite_code: str | None,
    locale: str,
) -> Applied:
    """Apply to the merchant's program. `phone` and `email` are canonical (core.contacts).

    Refused, naming the field (422), writing nothing: a kind not offered, a required address
    missing, a required question unanswered or an unknown one, an agreement version not the
    current one. An unknown or inactive inviter is 404. The same phone or email as a partner of
    the merchant: that partner's application, unchanged.
    """
    await merchants.get_merchant(merchant_id)  # an unknown merchant is 404, whatever the body
    settings = await program(merchant_id)
    check_application(settings, kind=kind, phone=phone, email=email, answers=answers,
                      accepted_agreement_version=accepted_agreement_version)
    recruiter = await partners.inviting_partner(merchant_id, invite_code) if invite_code else None
    existing = await _existing(merchant_id, phone, email)
    if existing is not None:
        return Applied(existing, created=False)
    approve = settings.review is ReviewMode.auto
    at = now()
    async with in_transaction():
        partner = await partners.create_partner(
            merchant_id, display_name=display_name, kind=kind, email=email, phone=phone, locale=locale,
            recruiter_id=recruiter.id if recruiter else None,
            status=PartnerStatus.active.value if approve else PartnerStatus.pending.value,
        )
        row = await PartnerApplication.create(
            merchant_id=merchant_id, partner_id=partner.id, answers=dict(answers),
            status=(ApplicationStatus.approved if approve else ApplicationStatus.pending).value,
            agreement_version=settings.agreement_version,
            agreement_accepted_at=at if settings.agreement_version else None,
            decided_at=at if approve else None, created_at=at, updated_at=at,
        )
    return Applied(_info(row, partner), created=True)


async def _existing(merchant_id: int, phone: str | None, email: str | None) -> ApplicationInfo | None:
    """The application of the merchant's partner with this phone or email (a partner the merchant
    made has none: an application is made up from the partner)."""
    for contact in (phone, email):
        if contact is None:
            continue
        partner = await partners.partner_by_contact(merchant_id, contact)
        if partner is not None:
            return await application_of_partner(merchant_id, partner)
    return None


async def application_of_partner(merchant_id: int, partner: PartnerInfo) -> ApplicationInfo:
    """The partner's application; for a partner the merchant made, one standing for their status."""
    row = await PartnerApplication.get_or_none(merchant_id=merchant_id, partner_id=partner.id)
    if row is not None:
        return _info(row, partner)
    status = {
        PartnerStatus.active.value: ApplicationStatus.approved, PartnerStatus.rejected.value: ApplicationStatus.rejected,
    }.get(partner.status, ApplicationStatus.pending)
    made = partner.created_at or now()
    return ApplicationInfo(
        id=0, merchant_id=merchant_id, status=status.value, partner=partner, answers={}, agreement_version=0,
        agreement_accepted_at=None, info_request=None, applicant_note=None, reason=None,
        decided_at=made if status is not ApplicationStatus.pending else None, created_at=made,
    )


async def answer_request(merchant_id: int, partner_id: int, note: str) -> ApplicationInfo:
    """The applicant answers the merchant's question: the application waits for review again."""
    async with in_transaction():
        row = await PartnerApplication.select_for_update().get_or_none(merchant_id=merchant_id, partner_id=partner_id)
        if row is None:
            raise ApplicationNotFound(f"of partner {partner_id}")
        if row.status != ApplicationStatus.needs_info.value:
            raise ApplicationClosed(row.status)
        row.applicant_note, row.status, row.updated_at = note, ApplicationStatus.pending.value, now()
        await row.save(update_fields=["applicant_note", "status", "updated_at"])
    return _info(row, await partners.get_partner(merchant_id, partner_id))


# --- reviewing ------------------------------------------------------------------------------------


async def list_applications(
    merchant_id: int, *, status: str | None = None, limit: int = 50, offset: int = 0
) -> ApplicationPage:
    """The merchant's applications, oldest first (the queue's order), filtered by status."""
    query = PartnerApplication.filter(merchant_id=merchant_id)
    if status is not None:
        query = query.filter(status=status)
    total = await query.count()
    rows = await query.order_by("id").offset(offset).limit(limit)
    people = {p.id: p for p in await partners.partners_by_id(merchant_id, [row.partner_id for row in rows])}
    return ApplicationPage([_info(row, people[row.partner_id]) for row in rows], total, limit, offset)


async def get_application(merchant_id: int, application_id: int) -> ApplicationInfo:
    row = await PartnerApplication.get_or_none(merchant_id=merchant_id, id=application_id)
    if row is None:
        raise ApplicationNotFound(application_id)
    return _info(row, await partners.get_partner(merchant_id, row.partner_id))


async def decide(
    merchant_id: int, application_id: int, decision: str, *, message: str | None = None,
    actor: Actor | None = None,
) -> ApplicationInfo:
    """Approve (the partner becomes active), reject with a reason the applicant sees (the partner
    becomes rejected), or ask for more information (`message`; the applicant answers, and it waits
    again). Only an open application (409 otherwise). Audited as
    `partner_application.approve|reject|request_info`. Runs in the caller's transaction if any."""
    if decision in (Decision.reject, Decision.request_info) and not (message or "").strip():
        field = "reason" if decision == Decision.reject else "message"
        raise InvalidInput(f"{field}: required", [{"field": field, "message": "required"}])
    async with in_transaction():
        row = await PartnerApplication.select_for_update().get_or_none(merchant_id=merchant_id, id=application_id)
        if row is None:
            raise ApplicationNotFound(application_id)
        if row.status not in (ApplicationStatus.pending.value, ApplicationStatus.needs_info.value):
            raise ApplicationClosed(row.status)
        before = _info(row, await partners.get_partner(merchant_id, row.partner_id))
        at = now()
        if decision == Decision.request_info:
            row.status, row.info_request = ApplicationStatus.needs_info.value, message
        else:
            approved = decision == Decision.approve
            row.status = (ApplicationStatus.approved if approved else ApplicationStatus.rejected).value
            row.reason = None if approved else message
            row.decided_at = at
            await Partner.filter(merchant_id=merchant_id, id=row.partner_id).update(
                status=(PartnerStatus.active if approved else PartnerStatus.rejected).value
            )
        row.updated_at = at
        await row.save()
        after = _info(row, await partners.get_partner(merchant_id, row.partner_id))
        await audit.record(merchant_id, actor, f"partner_application.{decision}", "partner_application", row.id,
                           before=_audited(before), after=_audited(after))
    return after


def _audited(application: ApplicationInfo) -> dict[str, Any]:
    return {
        "status": application.status, "partner_id": application.partner.id,
        "partner_status": application.partner.status, "reason": application.reason,
        "info_request": application.info_request,
    }
