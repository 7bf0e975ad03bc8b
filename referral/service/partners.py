"""Partners: created by the merchant or signed up through another partner's invite link.

Other domains read partners through `get_partner` and `partner_by_code` only; both
return a frozen `PartnerInfo`, never a model row.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from accounts.service import audit, partner_sessions, sign_in
from accounts.service.audit import Actor
from accounts.service.merchants import lock_merchant
from accounts.service.sign_in import SignInLink
from core import ids
from core.masking import masked_number
from core.time import now
from referral.errors import ContactTaken, PartnerNotFound, RecruiterInvalid
from referral.models import ApplicationStatus, Partner, PartnerApplication, PartnerStatus, RewardKind
from referral.service import links

#: How many fresh codes to try when one is already taken (32^8 codes per merchant: never in practice).
_CODE_ATTEMPTS = 5
#: A recruiter chain longer than this is refused rather than walked further.
_MAX_CHAIN = 1000


@dataclass(frozen=True, slots=True)
class PartnerInfo:
    """A partner as services and endpoints see it. Only `active` partners earn commissions."""

    id: int
    merchant_id: int
    code: str
    display_name: str
    kind: str
    group: str | None
    status: str
    recruiter_id: int | None
    reward_preference: str
    customer_ref: str | None
    email: str | None = None
    payee_name: str | None = None
    payee_account: str | None = None
    created_at: datetime | None = None
    phone: str | None = None
    locale: str = "zh_Hans"

    @property
    def is_active(self) -> bool:
        return self.status == PartnerStatus.active.value

    @property
    def may_sign_in(self) -> bool:
        """Every partner but a suspended one may sign in (an applicant sees where their
        application stands)."""
        return self.status != PartnerStatus.suspended.value


@dataclass(frozen=True, slots=True)
class PartnerPage:
    items: list[PartnerInfo]
    total: int
    limit: int
    offset: int


def _info(row: Partner) -> PartnerInfo:
    return PartnerInfo(
        id=row.id,
        merchant_id=row.merchant_id,
        code=row.code,
        display_name=row.display_name,
        kind=row.kind,
        group=row.group,
        status=row.status,
        recruiter_id=row.recruiter_id,
        reward_preference=row.reward_preference,
        customer_ref=row.customer_ref,
        email=row.email,
        payee_name=row.payee_name,
        payee_account=row.payee_account,
        created_at=row.created_at,
        phone=row.phone,
        locale=row.locale,
    )


def _masked(info: PartnerInfo) -> PartnerInfo:
    """`info` as the audit log keeps it: the payee account masked, as everywhere people read it."""
    if info.payee_account is None:
        return info
    return dataclasses.replace(info, payee_account=masked_number(info.payee_account))


def _audited(row: Partner) -> PartnerInfo:
    return _masked(_info(row))


def normalize_code(code: str) -> str:
    """A partner code as typed at a till: case and surrounding blanks do not matter."""
    return code.strip().upper()


def invite_url(public_url: str, merchant_id: int, code: str) -> str:
    """Where a person signs up as a partner recruited by the partner with `code`."""
    return f"{public_url.rstrip('/')}/join/{merchant_id}/{code}"


# --- reads other domains use ------------------------------------------------------------------


async def get_partner(merchant_id: int, partner_id: int) -> PartnerInfo:
    """The partner `partner_id` of the merchant; raises `PartnerNotFound` (404) otherwise."""
    row = await Partner.get_or_none(merchant_id=merchant_id, id=partner_id)
    if row is None:
        raise PartnerNotFound(partner_id)
    return _info(row)


async def partner_by_code(merchant_id: int, code: str) -> PartnerInfo | None:
    """The merchant's partner with `code` (case-insensitive), whatever its status; None when unknown.

    Callers decide what a non-active partner means (attribution ignores it).
    """
    code = normalize_code(code)
    if len(code) > Partner._meta.fields_map["code"].max_length:
        return None  # no code is that long (and Tortoise refuses to look one up)
    row = await Partner.get_or_none(merchant_id=merchant_id, code=code)
    return None if row is None else _info(row)


async def partners_by_id(merchant_id: int, partner_ids: list[int]) -> list[PartnerInfo]:
    """The merchant's partners among `partner_ids` (another merchant's ids find nothing)."""
    if not partner_ids:
        return []
    return [_info(row) for row in await Partner.filter(merchant_id=merchant_id, id__in=sorted(set(partner_ids)))]


async def partner_by_contact(merchant_id: int, contact: str) -> PartnerInfo | None:
    """The merchant's partner whose phone (E.164) or email (lower-cased) `contact` is; None when
    nobody's (`core.contacts` makes what people type canonical)."""
    field = "email" if "@" in contact else "phone"
    row = await Partner.get_or_none(merchant_id=merchant_id, **{field: contact})
    return None if row is None else _info(row)


# --- admin use cases ----------------------------------------------------------------------------


async def create_partner(
    merchant_id: int,
    *,
    display_name: str,
    kind: str = "customer",
    group: str | None = None,
    status: str = PartnerStatus.active.value,
    recruiter_id: int | None = None,
    reward_preference: str = RewardKind.cash.value,
    customer_ref: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    locale: str = "zh_Hans",
    payee_name: str | None = None,
    payee_account: str | None = None,
    actor: Actor | None = None,
) -> PartnerInfo:
    """A new partner with a fresh till code. A new partner cannot close a recruiting cycle:
    nobody points at it yet, so the recruiter only has to exist in the same merchant. Its email
    and phone (canonical) must be no other partner's of the merchant (`ContactTaken`)."""
    fields = {
        "display_name": display_name,
        "kind": kind,
        "group": group,
        "status": status,
        "recruiter_id": recruiter_id,
        "reward_preference": reward_preference,
        "customer_ref": customer_ref,
        "email": email,
        "phone": phone,
        "locale": locale,
        "payee_name": payee_name,
        "payee_account": payee_account,
    }
    for attempt in range(_CODE_ATTEMPTS):
        try:
            async with in_transaction():
                if recruiter_id is not None:
                    await _check_recruiter_exists(merchant_id, recruiter_id)
                await _check_contacts_free(merchant_id, None, email=email, phone=phone)
                row = await Partner.create(merchant_id=merchant_id, code=ids.partner_code(), **fields)
                await audit.record(merchant_id, actor, "partner.create", "partner", row.id, after=_audited(row))
            return _info(row)
        except IntegrityError:
            # The code's unique index (try another code), or a concurrent partner took the email
            # or phone since the check (then the check says so).
            await _check_contacts_free(merchant_id, None, email=email, phone=phone)
            if attempt == _CODE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


async def _check_contacts_free(merchant_id: int, partner_id: int | None, **contacts: str | None) -> None:
    """Raise `ContactTaken` for the first of `contacts` (email=..., phone=...) another partner has."""
    for field, value in contacts.items():
        if value is None:
            continue
        taken = Partner.filter(merchant_id=merchant_id, **{field: value})
        if partner_id is not None:
            taken = taken.exclude(id=partner_id)
        if await taken.exists():
            raise ContactTaken(field)


async def list_partners(
    merchant_id: int,
    *,
    kind: str | None = None,
    group: str | None = None,
    status: str | None = None,
    q: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> PartnerPage:
    """The merchant's partners, oldest first, filtered; `q` matches the name or the code."""
    query = Partner.filter(merchant_id=merchant_id)
    if kind is not None:
        query = query.filter(kind=kind)
    if group is not None:
        query = query.filter(group=group)
    if status is not None:
        query = query.filter(status=status)
    if q:
        query = query.filter(Q(display_name__icontains=q) | Q(code__icontains=q))
    total = await query.count()
    rows = await query.order_by("id").offset(offset).limit(limit)
    return PartnerPage([_info(r) for r in rows], total, limit, offset)


#: Fields an admin may change; values are already validated by the schema.
UPDATABLE = frozenset(
    {
        "display_name", "kind", "group", "status", "reward_preference", "recruiter_id",
        "customer_ref", "email", "phone", "locale", "payee_name", "payee_account",
    }
)


async def update_partner(
    merchant_id: int, partner_id: int, changes: dict[str, Any], *, actor: Actor | None = None
) -> PartnerInfo:
    """Apply `changes` (a subset of `UPDATABLE`); a new recruiter must not close a cycle.
    The audit calls a change of status to active from pending `partner.approve`, to suspended
    `partner.suspend`, any other change `partner.update`. A suspension ends the partner's
    sessions in the same transaction: signed in nowhere from the next request on."""
    unknown = set(changes) - UPDATABLE
    if unknown:
        raise ValueError(f"not updatable: {sorted(unknown)}")
    async with in_transaction():
        if "recruiter_id" in changes:
            # Serialise recruiter changes of one merchant, so two concurrent edits cannot each
            # pass the cycle check and together form a cycle (PostgreSQL; SQLite runs
            # transactions one at a time anyway).
            await lock_merchant(merchant_id)
        row = await Partner.get_or_none(merchant_id=merchant_id, id=partner_id)
        if row is None:
            raise PartnerNotFound(partner_id)
        recruiter_id = changes.get("recruiter_id")
        if recruiter_id is not None and recruiter_id != row.recruiter_id:
            await _check_recruiter(merchant_id, partner_id, recruiter_id)
        await _check_contacts_free(merchant_id, partner_id, email=changes.get("email"), phone=changes.get("phone"))
        status_changed = "status" in changes and changes["status"] != row.status
        before = _info(row)
        for name, value in changes.items():
            setattr(row, name, value)
        if changes:
            await row.save(update_fields=list(changes))
            await audit.record(
                merchant_id, actor, _update_action(before.status, row.status), "partner", partner_id,
                before=_masked(before), after=_audited(row),
            )
        if status_changed and row.status == PartnerStatus.suspended.value:
            await partner_sessions.end_all_sessions(merchant_id, partner_id)
        if status_changed and row.status == PartnerStatus.active.value:
            # Approved from the partner list rather than the review queue: their application says so too.
            at = now()
            await PartnerApplication.filter(
                merchant_id=merchant_id, partner_id=partner_id,
                status__in=[ApplicationStatus.pending.value, ApplicationStatus.needs_info.value],
            ).update(status=ApplicationStatus.approved.value, decided_at=at, updated_at=at)
    if status_changed:
        # A suspended partner's links stop redirecting at once in this process.
        links.forget_partner(partner_id)
    return _info(row)


def _update_action(before: str, after: str) -> str:
    if before != after and after == PartnerStatus.suspended.value:
        return "partner.suspend"
    if before == PartnerStatus.pending.value and after == PartnerStatus.active.value:
        return "partner.approve"
    return "partner.update"


async def inviting_partner(merchant_id: int, code: str) -> PartnerInfo:
    """The active partner whose invite link this is; `PartnerNotFound` otherwise."""
    inviter = await partner_by_code(merchant_id, code)
    if inviter is None or not inviter.is_active:
        raise PartnerNotFound(code)
    return inviter


async def _check_recruiter_exists(merchant_id: int, recruiter_id: int) -> None:
    if not await Partner.exists(merchant_id=merchant_id, id=recruiter_id):
        # Same answer whether the id is unknown or another merchant's: nothing leaks.
        raise RecruiterInvalid(f"partner {recruiter_id} not found")


async def _check_recruiter(merchant_id: int, partner_id: int, recruiter_id: int) -> None:
    """Refuse a recruiter that is the partner itself, unknown here, or recruited (transitively) by it."""
    if recruiter_id == partner_id:
        raise RecruiterInvalid("a partner cannot recruit itself")
    await _check_recruiter_exists(merchant_id, recruiter_id)
    current: int | None = recruiter_id
    for _ in range(_MAX_CHAIN):
        current = await (
            Partner.filter(merchant_id=merchant_id, id=current).first().values_list("recruiter_id", flat=True)
        )
        if current is None:
            return
        if current == partner_id:
            raise RecruiterInvalid(f"partner {recruiter_id} was recruited by this partner: that would be a cycle")
    raise RecruiterInvalid("the recruiter chain is too long")


async def issue_sign_in_link(merchant_id: int, partner_id: int) -> SignInLink:
    """A one-time sign-in link the merchant sends to a partner of theirs (404 for another
    merchant's partner); `accounts.service.sign_in` keeps it."""
    await get_partner(merchant_id, partner_id)
    return await sign_in.issue_partner_link(merchant_id, partner_id)
