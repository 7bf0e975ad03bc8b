"""Request and response shapes of the points wallet endpoints (payouts/wallet/endpoints.py).

Points are whole numbers (JSON integers); strings, fractions and booleans are refused (422).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints

from core.schemas import FromRecord
from payouts.ledger import MAX_IDEMPOTENCY_KEY, MAX_REFERENCE
from payouts.wallet.service.expiry import MAX_EXPIRY_MONTHS
from payouts.wallet.service.redemptions import MAX_POINTS, WalletInfo


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


Points = Annotated[StrictInt, Field(gt=0, le=MAX_POINTS, description="whole points, positive")]
Key = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_IDEMPOTENCY_KEY),
    Field(description="the shop's: the same key and content answer the first result again, other content is a 409"),
]


class RedemptionCreate(_In):
    partner_id: StrictInt
    points: Points
    order_ref: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_REFERENCE)] = Field(
        description="the shop's order the points pay for"
    )
    idempotency_key: Key


class RestoreCreate(_In):
    points: Points = Field(description="points to put back; all restores of a redemption add up to its points at most")
    idempotency_key: Key = Field(description="unique per redemption, e.g. the shop's refund id")


class RestoreOut(FromRecord):
    id: int
    redemption_id: int
    points: int
    idempotency_key: str
    balance_after: int = Field(description="the wallet right after this restore")
    created_at: datetime


class RedemptionOut(FromRecord):
    id: int
    reference: str = Field(description="the ledger reference of the redemption and its restores, PR{id}")
    partner_id: int
    points: int = Field(description="points taken from the wallet")
    order_ref: str
    idempotency_key: str
    balance_after: int = Field(description="the wallet right after the redemption")
    restored: int = Field(description="points put back by restores so far")
    restorable: int = Field(description="points a later restore may still put back")
    restores: list[RestoreOut]
    created_at: datetime


class RestoreResult(BaseModel):
    restore: RestoreOut
    redemption: RedemptionOut


class WalletQuery(_In):
    before_id: int | None = Field(None, description="keyset cursor: movements with a smaller transaction id")
    limit: int = Field(100, ge=0, le=500, description="movements per page (0: balance and totals only)")


class WalletLineOut(FromRecord):
    transaction_id: int
    posted_at: datetime
    movement: str = Field(description="credit, redemption, restore, expiry or reversal")
    points: int = Field(description="signed: positive adds to the wallet")
    balance: int = Field(description="the wallet right after this movement")
    reference: str
    memo: str


class WalletTotalsOut(BaseModel):
    credited: int
    redeemed: int
    restored: int
    expired: int
    reversed: int = Field(description="points clawed back from the wallet by commission reversals")


class WalletOut(BaseModel):
    partner_id: int
    asset: str = "PTS"
    balance: int = Field(description="points spendable now")
    totals: WalletTotalsOut
    history: list[WalletLineOut] = Field(description="newest first")
    next_before_id: int | None = Field(description="pass as before_id for the next (older) page")

    @classmethod
    def of(cls, info: WalletInfo) -> WalletOut:
        t = info.totals
        return cls(
            partner_id=info.partner_id, balance=info.balance,
            totals=WalletTotalsOut(credited=t["credit"], redeemed=t["redemption"], restored=t["restore"],
                                   expired=t["expiry"], reversed=t["reversal"]),
            history=[WalletLineOut.of(line) for line in info.history],
            next_before_id=info.next_before_id,
        )


class PointsSettingsUpdate(_In):
    expiry_months: Annotated[StrictInt, Field(ge=1, le=MAX_EXPIRY_MONTHS)] | None = Field(
        description="points lapse this many calendar months after they were credited, first in first out;"
        " null: they never expire"
    )


class PointsSettingsOut(FromRecord):
    expiry_months: int | None
