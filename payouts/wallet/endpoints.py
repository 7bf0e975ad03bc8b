"""HTTP routes of the points wallet: the shop redeems and restores at checkout (integration
key), admin and finance read; expiry settings for admin and finance.

Each endpoint parses, calls one service function, and renders.
"""

from __future__ import annotations

from starlette.responses import JSONResponse

from accounts.service.audit import actor_of
from core.api import Api, Call
from payouts.wallet.schemas import (
    PointsSettingsOut,
    PointsSettingsUpdate,
    RedemptionCreate,
    RedemptionOut,
    RestoreCreate,
    RestoreOut,
    RestoreResult,
    WalletOut,
    WalletQuery,
)
from payouts.wallet.service import expiry, redemptions

api = Api("points")

SHOP = ("integration",)
READ = ("integration", "admin", "finance")
SETTINGS = ("admin", "finance")
REDEMPTION = "/api/v1/points/redemptions/{redemption_id:int}"


def _created(out: RedemptionOut | RestoreResult, replayed: bool) -> JSONResponse:
    """201 both times: a replay answers what the first call answered, flagged in a header."""
    headers = {"idempotent-replayed": "true"} if replayed else None
    return JSONResponse(out.model_dump(mode="json"), status_code=201, headers=headers)


@api.endpoint(
    "POST", "/api/v1/points/redemptions", summary="Redeem wallet points at checkout", roles=SHOP,
    body=RedemptionCreate, response=RedemptionOut, status=201,
)
async def redeem_points(call: Call) -> JSONResponse:
    """Takes `points` from the partner's wallet for the order. Never below zero: a short wallet
    is a 409 (`insufficient-points`, with `balance` and `requested`) and nothing is written. The
    same `idempotency_key` with the same content answers the first redemption again (header
    `Idempotent-Replayed: true`); with other content it is a 409."""
    body = call.body
    done = await redemptions.redeem(
        call.merchant_id, body.partner_id, body.points, order_ref=body.order_ref, idempotency_key=body.idempotency_key
    )
    return _created(RedemptionOut.of(done.redemption), done.replayed)


@api.endpoint("GET", REDEMPTION, summary="Get a points redemption", roles=READ, response=RedemptionOut)
async def get_points_redemption(call: Call) -> RedemptionOut:
    return RedemptionOut.of(await redemptions.get_redemption(call.merchant_id, call.path["redemption_id"]))


@api.endpoint(
    "POST", f"{REDEMPTION}/restore", summary="Restore redeemed points (the order was refunded)", roles=SHOP,
    body=RestoreCreate, response=RestoreResult, status=201,
)
async def restore_points(call: Call) -> JSONResponse:
    """Puts `points` of the redemption back in the wallet with a new ledger entry. Partial
    restores are allowed; together they never exceed the redeemed points (409). Idempotent by
    `idempotency_key` per redemption."""
    body = call.body
    done = await redemptions.restore(
        call.merchant_id, call.path["redemption_id"], body.points, idempotency_key=body.idempotency_key
    )
    return _created(RestoreResult(restore=RestoreOut.of(done.restore), redemption=RedemptionOut.of(done.redemption)),
                    done.replayed)


@api.endpoint(
    "GET", "/api/v1/partners/{partner_id:int}/wallet", summary="A partner's points wallet: balance and history",
    roles=READ, query=WalletQuery, response=WalletOut,
)
async def get_partner_wallet(call: Call) -> WalletOut:
    """Balance, totals (credited, redeemed, restored, expired, reversed) and the movements,
    newest first, each with the balance right after it."""
    q = call.query
    return WalletOut.of(
        await redemptions.wallet(call.merchant_id, call.path["partner_id"], before_id=q.before_id, limit=q.limit)
    )


@api.endpoint("GET", "/api/v1/points/settings", summary="Get the points settings", roles=SETTINGS,
              response=PointsSettingsOut)
async def get_points_settings(call: Call) -> PointsSettingsOut:
    return PointsSettingsOut.of(await expiry.get_settings(call.merchant_id))


@api.endpoint(
    "PUT", "/api/v1/points/settings", summary="Set the points settings (expiry)", roles=SETTINGS,
    body=PointsSettingsUpdate, response=PointsSettingsOut,
)
async def put_points_settings(call: Call) -> PointsSettingsOut:
    """`expiry_months`: points lapse that many calendar months after they were credited, oldest
    first, when `relay payouts expire-points` runs; null switches expiry off (the default)."""
    return PointsSettingsOut.of(await expiry.update_settings(
        call.merchant_id, expiry_months=call.body.expiry_months, actor=actor_of(call.principal)
    ))
