"""Withdrawals (提现): the merchant's settings, the partner asking for their money (partner API),
and finance approving or rejecting the requests. See payouts/service/withdrawals.py."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints

from accounts.service.audit import Actor, actor_of
from core.api import PARTNER_ROLE, Api, Call
from core.money import format_major
from payouts.ledger import MAX_IDEMPOTENCY_KEY
from payouts.models import PayoutMode, WithdrawalFee, WithdrawalStatus
from payouts.service import withdrawals
from payouts.service.sql import MAX_BIGINT
from payouts.service.withdrawals import MAX_REASON, Quote, WithdrawalInfo, WithdrawalRules

api = Api("withdrawals")
FINANCE = ("admin", "finance")
MinorUnits = Annotated[StrictInt, Field(ge=0, le=MAX_BIGINT)]


class WithdrawalTermsBody(BaseModel):
    """How the merchant pays cash and what a withdrawal costs."""

    model_config = ConfigDict(extra="forbid")

    mode: PayoutMode = Field(description="scheduled: batches pay everything, no withdrawals (the default); "
                                         "on_request: batches pay only approved withdrawals; both")
    minimum: MinorUnits = Field(0, description="smallest withdrawal, minor units")
    fee: WithdrawalFee = Field(WithdrawalFee.none, description="none, flat or percent")
    fee_flat: MinorUnits = Field(0, description="flat fee per withdrawal, minor units")
    fee_percent_bp: Annotated[StrictInt, Field(ge=0, le=10_000)] = Field(
        0, description="percent fee in basis points (150 = 1.5 %), rounded half up to the minor unit")
    fee_cap: MinorUnits | None = Field(None, description="most a percent fee takes, minor units; null: no cap")

    def rules(self) -> WithdrawalRules:
        return WithdrawalRules(
            mode=self.mode, minimum_minor=self.minimum, fee=self.fee, fee_flat_minor=self.fee_flat,
            fee_percent_bp=self.fee_percent_bp, fee_cap_minor=self.fee_cap,
        )

    @classmethod
    def of(cls, rules: WithdrawalRules) -> WithdrawalTermsBody:
        return cls(mode=rules.mode, minimum=rules.minimum_minor, fee=rules.fee, fee_flat=rules.fee_flat_minor,
                   fee_percent_bp=rules.fee_percent_bp, fee_cap=rules.fee_cap_minor)


class QuoteOut(BaseModel):
    """What a withdrawal now would be: shown to the partner before they confirm."""

    asset: str
    amount: int = Field(description="everything the partner may withdraw, minor units: confirm it as `amount`")
    fee: int = Field(description="the merchant's fee, minor units")
    receive: int = Field(description="amount - fee (before any tax withheld), minor units")
    minimum: int
    allowed: bool
    refusal: str | None = Field(description="why not: not_offered, inactive, no_payee, nothing, below_minimum")
    display: dict[str, str] = Field(description="amount, fee, receive and minimum in major units")

    @classmethod
    def of(cls, q: Quote) -> QuoteOut:
        amounts = {"amount": q.amount_minor, "fee": q.fee_minor, "receive": q.receive_minor, "minimum": q.minimum_minor}
        return cls(asset=q.asset, **amounts, allowed=q.refusal is None, refusal=q.refusal,
                   display={k: format_major(v, q.asset) for k, v in amounts.items()})


class WithdrawalIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount: MinorUnits = Field(description="the quote's amount, minor units: a different one (it changed) is 422")
    idempotency_key: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_IDEMPOTENCY_KEY)
    ] = Field(description="one per tap of the button: the same key again answers the first request")


class WithdrawalOut(BaseModel):
    id: int
    partner_id: int
    asset: str
    amount: int = Field(description="minor units")
    fee: int
    receive: int
    status: WithdrawalStatus
    reason: str | None = Field(description="why it was rejected, failed or returned")
    batch_id: int | None
    requested_at: datetime
    decided_at: datetime | None
    settled_at: datetime | None

    @classmethod
    def of(cls, w: WithdrawalInfo) -> WithdrawalOut:
        return cls(id=w.id, partner_id=w.partner_id, asset=w.asset, amount=w.amount_minor, fee=w.fee_minor,
                   receive=w.receive_minor, status=w.status, reason=w.reason, batch_id=w.batch_id,
                   requested_at=w.requested_at, decided_at=w.decided_at, settled_at=w.settled_at)


class WithdrawalQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: WithdrawalStatus | None = None
    before_id: int | None = Field(None, ge=1, le=MAX_BIGINT, description="keyset cursor: withdrawals with a smaller id")
    limit: int = Field(50, ge=1, le=200)


class MyWithdrawalQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    before_id: int | None = Field(None, ge=1, le=MAX_BIGINT)
    limit: int = Field(50, ge=1, le=200)


class RejectIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_REASON)] = Field(
        description="shown to the partner")


def _actor(call: Call) -> Actor | None:
    return actor_of(call.principal)


# --- the merchant's settings -----------------------------------------------------------------------


@api.endpoint("GET", "/api/v1/withdrawal-terms", summary="Withdrawal settings", roles=FINANCE,
              response=WithdrawalTermsBody)
async def get_withdrawal_terms(call: Call) -> WithdrawalTermsBody:
    return WithdrawalTermsBody.of(await withdrawals.get_rules(call.merchant_id))


@api.endpoint("PUT", "/api/v1/withdrawal-terms", summary="Set the withdrawal settings", roles=FINANCE,
              body=WithdrawalTermsBody, response=WithdrawalTermsBody)
async def put_withdrawal_terms(call: Call) -> WithdrawalTermsBody:
    """Audited as ``withdrawal_terms.update``. A flat fee needs `fee_flat` > 0, a percent fee
    `fee_percent_bp` from 1 to 10000 (422 on the field)."""
    return WithdrawalTermsBody.of(await withdrawals.set_rules(call.merchant_id, call.body.rules(), actor=_actor(call)))


# --- the partner ----------------------------------------------------------------------------------------


@api.endpoint("GET", "/api/v1/me/withdrawal-quote", summary="What I may withdraw now, and the fee",
              roles=[PARTNER_ROLE], response=QuoteOut)
async def my_withdrawal_quote(call: Call) -> QuoteOut:
    return QuoteOut.of(await withdrawals.quote(call.merchant_id, call.partner_id))


@api.endpoint("POST", "/api/v1/me/withdrawals", summary="Withdraw my available money", roles=[PARTNER_ROLE],
              body=WithdrawalIn, response=WithdrawalOut, status=201)
async def request_my_withdrawal(call: Call) -> WithdrawalOut:
    """Asks for everything available (the quote's `amount`, confirmed). 422 on `amount`: not
    offered, nothing or less than the minimum available, or the amount changed since the quote
    (the answer says the new one); 422 on `payee` without payee details. The same
    `idempotency_key` again answers the first request; nothing is written on a refusal."""
    made, _ = await withdrawals.request_withdrawal(
        call.merchant_id, call.partner_id, call.body.amount, call.body.idempotency_key)
    return WithdrawalOut.of(made)


@api.endpoint("GET", "/api/v1/me/withdrawals", summary="My withdrawals", roles=[PARTNER_ROLE],
              query=MyWithdrawalQuery, response=[WithdrawalOut])
async def my_withdrawals(call: Call) -> list[WithdrawalOut]:
    q = call.query
    found = await withdrawals.list_withdrawals(call.merchant_id, partner_id=call.partner_id, limit=q.limit,
                                               before=q.before_id)
    return [WithdrawalOut.of(w) for w in found]


@api.endpoint("GET", "/api/v1/me/withdrawals/{withdrawal_id:int}", summary="One of my withdrawals",
              roles=[PARTNER_ROLE], response=WithdrawalOut)
async def my_withdrawal(call: Call) -> WithdrawalOut:
    """Another partner's withdrawal is 404."""
    return WithdrawalOut.of(await withdrawals.get_withdrawal(
        call.merchant_id, call.path["withdrawal_id"], partner_id=call.partner_id))


# --- finance ----------------------------------------------------------------------------------------------


@api.endpoint("GET", "/api/v1/withdrawals", summary="Partners' withdrawals", roles=FINANCE, query=WithdrawalQuery,
              response=[WithdrawalOut])
async def list_all_withdrawals(call: Call) -> list[WithdrawalOut]:
    q = call.query
    found = await withdrawals.list_withdrawals(call.merchant_id, status=q.status, limit=q.limit, before=q.before_id)
    return [WithdrawalOut.of(w) for w in found]


@api.endpoint("POST", "/api/v1/withdrawals/{withdrawal_id:int}/approve", summary="Approve a withdrawal",
              roles=FINANCE, response=WithdrawalOut)
async def approve_withdrawal(call: Call) -> WithdrawalOut:
    """The next payout batch approved pays it (a batch made now does too). Approving it again
    answers it; a rejected one is 409."""
    return WithdrawalOut.of(await withdrawals.approve_withdrawal(
        call.merchant_id, call.path["withdrawal_id"], actor=_actor(call)))


@api.endpoint("POST", "/api/v1/withdrawals/{withdrawal_id:int}/reject", summary="Reject a withdrawal",
              roles=FINANCE, body=RejectIn, response=WithdrawalOut)
async def reject_withdrawal(call: Call) -> WithdrawalOut:
    """Requested or approved (not yet in a batch): the amount is available again and the partner
    sees the reason. In a batch already: 409."""
    return WithdrawalOut.of(await withdrawals.reject_withdrawal(
        call.merchant_id, call.path["withdrawal_id"], call.body.reason, actor=_actor(call)))
