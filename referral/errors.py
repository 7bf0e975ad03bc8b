"""Errors raised by the referral services."""

from __future__ import annotations

from core.errors import Conflict, InvalidInput, NotFound


class PartnerNotFound(NotFound):
    def __init__(self, partner_id: int | str) -> None:
        super().__init__(f"partner {partner_id} not found")


class LinkNotFound(NotFound):
    def __init__(self, link: int | str) -> None:
        super().__init__(f"share link {link} not found")


class OrderNotFound(NotFound):
    def __init__(self, external_id: str) -> None:
        super().__init__(f"order {external_id!r} not found")


class TargetNotAllowed(InvalidInput):
    """A share link may only point to an http(s) URL on one of the merchant's domains."""

    def __init__(self, url: str, allowed: list[str], reason: str | None = None) -> None:
        super().__init__(
            f"target_url {url!r} is not an http(s) URL on an allowed domain"
            f" ({', '.join(allowed) or 'none set'})" + (f": {reason}" if reason else ""),
            [{"field": "target_url", "message": reason or "not an http(s) URL on an allowed domain"}],
        )


class RecruiterInvalid(InvalidInput):
    def __init__(self, reason: str) -> None:
        super().__init__(f"recruiter_id: {reason}", [{"field": "recruiter_id", "message": reason}])


class ContactTaken(InvalidInput):
    """An email or phone another partner of the merchant already has (each names one partner:
    partners sign in with them)."""

    def __init__(self, field: str) -> None:
        message = f"another partner of this merchant has this {field}"
        super().__init__(f"{field}: {message}", [{"field": field, "message": message}])


class OrderConflict(Conflict):
    def __init__(self, external_id: str) -> None:
        super().__init__(f"order {external_id!r} was already created with different content")


def _field_error(field: str, message: str) -> list[dict[str, str]]:
    return [{"field": field, "message": message}]


class UnknownOrder(InvalidInput):
    """A shop event about an order Relay never received (422, not 404: the merchant exists; the
    event is refused as it stands, and a retry after the order.created succeeds)."""

    def __init__(self, external_id: str) -> None:
        message = f"no order {external_id!r} was received; send its order.created first"
        super().__init__(f"data.external_id: {message}", _field_error("data.external_id", message))


class OrderStateRefused(InvalidInput):
    """An event the order's current status does not allow (completing or refunding a canceled
    order, canceling a completed one)."""

    def __init__(self, external_id: str, status: str, action: str) -> None:
        message = f"order {external_id!r} is {status}; it cannot be {action}"
        super().__init__(f"data.external_id: {message}", _field_error("data.external_id", message))


class RefundRefused(InvalidInput):
    """A refund naming a line the order does not have, or more than is left to refund."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}", _field_error(field, message))


class RefundConflict(Conflict):
    def __init__(self, external_id: str, refund_id: str) -> None:
        super().__init__(f"refund {refund_id!r} of order {external_id!r} was already made with different content")
