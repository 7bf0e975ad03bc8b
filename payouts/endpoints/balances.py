"""A partner's money as the ledger sees it: balances per asset and the statement of postings."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from core.api import Api, Call
from core.money import format_major
from payouts.service.postings import partner_balances, statement
from referral.service.partners import get_partner

api = Api("ledger")
READERS = ("admin", "finance")


class BalanceOut(BaseModel):
    asset: str = Field(description="currency code, or PTS for points")
    pending: int = Field(description="earned, waiting for completion and the after-sales hold")
    available: int = Field(description="payable in the next batch (negative after a clawback)")
    requested: int = Field(description="withdrawals the partner asked for, not yet in a payout batch")
    in_batch: int = Field(description="approved in a payout batch, not yet confirmed paid")
    paid: int = Field(description="paid out (cash) so far")
    reversed: int = Field(description="clawed back by refunds so far (negative)")
    wallet: int = Field(description="points the partner can spend")
    withheld: int = Field(description="tax withheld from payouts so far")
    fees: int = Field(description="withdrawal fees charged so far")
    display: dict[str, str] = Field(description="the same amounts as decimal strings in major units")


class BalancesOut(BaseModel):
    partner_id: int
    balances: list[BalanceOut]


class StatementQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    asset: str = Field(min_length=3, max_length=3, description="currency code, or PTS")


class StatementLineOut(BaseModel):
    transaction_id: int
    posted_at: datetime
    kind: str
    reference: str
    memo: str
    account: str
    amount: int
    balance: int = Field(description="the account's balance after this posting")


class StatementOut(BaseModel):
    partner_id: int
    asset: str
    lines: list[StatementLineOut]


@api.endpoint(
    "GET", "/api/v1/partners/{partner_id:int}/balances", summary="A partner's balances per asset",
    roles=READERS, response=BalancesOut,
)
async def get_balances(call: Call) -> BalancesOut:
    """Pending, available, in a batch, paid and reversed, derived from the ledger's postings."""
    partner = await get_partner(call.merchant_id, call.path["partner_id"])
    found = await partner_balances(call.merchant_id, partner.id)
    out = []
    for asset, b in found.items():
        amounts = {
            "pending": b.pending, "available": b.available, "requested": b.requested, "in_batch": b.in_batch,
            "paid": b.paid, "reversed": b.reversed, "wallet": b.wallet, "withheld": b.withheld, "fees": b.fees,
        }
        out.append(BalanceOut(asset=asset, **amounts, display={k: format_major(v, asset) for k, v in amounts.items()}))
    return BalancesOut(partner_id=partner.id, balances=out)


@api.endpoint(
    "GET", "/api/v1/partners/{partner_id:int}/statement", summary="A partner's ledger statement",
    roles=READERS, query=StatementQuery, response=StatementOut,
)
async def get_statement(call: Call) -> StatementOut:
    """Every posting on the partner's accounts in one asset, oldest first, with running balances."""
    partner = await get_partner(call.merchant_id, call.path["partner_id"])
    asset = call.query.asset.upper()
    lines = await statement(call.merchant_id, partner.id, asset)
    return StatementOut(
        partner_id=partner.id, asset=asset,
        lines=[
            StatementLineOut(
                transaction_id=line.transaction_id, posted_at=line.posted_at, kind=str(line.kind),
                reference=line.reference, memo=line.memo, account=str(line.account), amount=line.amount,
                balance=line.balance,
            )
            for line in lines
        ],
    )
