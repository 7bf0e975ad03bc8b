"""Errors of the points wallet: redemptions, restores and expiry settings."""

from __future__ import annotations

from core.errors import Conflict, InvalidInput, NotFound


class InsufficientPoints(Conflict):
    """A redemption asked for more points than the wallet holds; nothing was written."""

    title = "Insufficient points"
    slug = "insufficient-points"

    def __init__(self, partner_id: int, balance: int, requested: int) -> None:
        super().__init__(
            f"partner {partner_id} has {balance} point(s) in the wallet: cannot redeem {requested}",
            partner_id=partner_id, balance=balance, requested=requested,
        )


class PartnerCannotRedeem(Conflict):
    """A partner who is not active (suspended: earnings held, points included) cannot spend its wallet."""

    def __init__(self, partner_id: int, status: str) -> None:
        super().__init__(f"partner {partner_id} is {status}: its points cannot be redeemed")


class RedemptionNotFound(NotFound):
    def __init__(self, redemption_id: int) -> None:
        super().__init__(f"points redemption {redemption_id} not found")


class IdempotencyKeyReused(Conflict):
    """The shop's idempotency key was already used for a request with other content."""

    title = "Idempotency key reused"
    slug = "idempotency-key-reused"

    def __init__(self, key: str, what: str) -> None:
        super().__init__(f"idempotency key {key!r} was already used for a different {what}", idempotency_key=key)


class RestoreExceedsRedemption(Conflict):
    """A restore would give back more points than the redemption took (net of earlier restores)."""

    def __init__(self, redemption_id: int, restorable: int, requested: int) -> None:
        super().__init__(
            f"points redemption {redemption_id} has {restorable} point(s) left to restore: cannot restore {requested}",
            restorable=restorable, requested=requested,
        )


class PointsInputInvalid(InvalidInput):
    """A points amount, order reference, key or setting out of bounds (422, with its field)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}", [{"field": field, "message": message}])
