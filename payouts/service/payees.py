"""A partner's payee details: reading them (masked for people) and changing them, audited.

Checking the details is `payouts.payee`'s; what this adds is the merchant's side (tax
withholding makes the legal name and resident ID number required) and the record of each
change: `changed_at` moves, which the payee-change signal of the payout terms reads, and the
audit log keeps the change with its numbers masked. Whoever calls `set_payee` has made sure the
partner asked for it (the portal and the partner API ask for a fresh one-time code first).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from tortoise.transactions import in_transaction

from accounts.service import audit
from accounts.service.audit import Actor
from core.time import local_date, now
from payouts import withholding
from payouts.models import Payee
from payouts.payee import PayeeDetails, PayeeMethod, parse_payee
from payouts.service.sql import advisory_lock
from payouts.service.terms import get_terms
from referral.service.partners import get_partner


@dataclass(frozen=True, slots=True)
class PayeeInfo:
    """A partner's payee details and when they last changed."""

    partner_id: int
    details: PayeeDetails
    changed_at: datetime

    def masked(self) -> PayeeInfo:
        """What people see: the account and ID numbers masked."""
        return PayeeInfo(self.partner_id, self.details.masked(), self.changed_at)


def _info(row: Payee) -> PayeeInfo:
    return PayeeInfo(
        partner_id=row.partner_id,
        details=PayeeDetails(
            method=PayeeMethod(row.method), account_name=row.account_name, account_number=row.account_number,
            bank_name=row.bank_name, legal_name=row.legal_name, resident_id=row.resident_id,
        ),
        changed_at=row.changed_at,
    )


async def payee_of(merchant_id: int, partner_id: int) -> PayeeInfo | None:
    """The partner's own payee details, unmasked (for the bank file's copy), or None."""
    row = await Payee.get_or_none(merchant_id=merchant_id, partner_id=partner_id)
    return None if row is None else _info(row)


async def tax_details_required(merchant_id: int) -> bool:
    """Whether the merchant withholds tax, so payees must give their legal name and resident ID."""
    return (await get_terms(merchant_id)).withholding != withholding.NONE


async def set_payee(
    merchant_id: int, partner_id: int, values: Mapping[str, object], *, actor: Actor | None = None
) -> PayeeInfo:
    """Check `values` (see `payouts.payee.parse_payee`) and make them the partner's payee details.

    Bad details raise `PayeeInvalid` naming every field and change nothing. Details equal to the
    current ones change nothing either (`changed_at` stays, so re-saving a form raises no
    signal). A change is audited as ``payee.update`` with the numbers masked."""
    partner = await get_partner(merchant_id, partner_id)  # NotFound: another merchant's partner
    terms = await get_terms(merchant_id)
    details = parse_payee(
        values, tax_details_required=terms.withholding != withholding.NONE,
        today=local_date(now(), terms.timezone),
    )
    async with in_transaction():
        await advisory_lock("payee", merchant_id, partner.id)
        current = await Payee.get_or_none(merchant_id=merchant_id, partner_id=partner.id)
        before = None if current is None else _info(current)
        if before is not None and before.details == details:
            return before
        columns = {
            "method": details.method.value, "account_name": details.account_name,
            "account_number": details.account_number, "bank_name": details.bank_name,
            "legal_name": details.legal_name, "resident_id": details.resident_id, "changed_at": now(),
        }
        if current is None:
            current = await Payee.create(merchant_id=merchant_id, partner_id=partner.id, **columns)
        else:
            await Payee.filter(merchant_id=merchant_id, id=current.id).update(**columns)
            current = await Payee.get(merchant_id=merchant_id, id=current.id)
        after = _info(current)
        await audit.record(
            merchant_id, actor, "payee.update", "partner", partner.id,
            before=None if before is None else before.masked(), after=after.masked(),
        )
    return after

