"""Endpoints whose one action crosses domains (their service function lives in relay.pipeline)."""

from __future__ import annotations

from accounts.service.audit import actor_of
from commissions.schemas import CommissionOut, RejectBody
from core.api import Api, Call
from relay.pipeline import reject_commission

api = Api("commissions")


@api.endpoint(
    "POST", "/api/v1/commissions/{commission_id:int}/reject", summary="Reject a commission", roles=["admin"],
    body=RejectBody, response=CommissionOut,
)
async def reject(call: Call) -> CommissionOut:
    """Allowed while pending or available and in no payout batch (409 otherwise); its reversals
    are voided with it, and what they held in the ledger goes back. The API key and the reason
    are stored."""
    assert call.principal is not None
    rejected = await reject_commission(
        call.merchant_id, call.path["commission_id"], reason=call.body.reason, key_id=call.principal.key_id,
        actor=actor_of(call.principal),
    )
    return CommissionOut.of(rejected)
