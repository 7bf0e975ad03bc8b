"""Errors raised by the referral services."""

from __future__ import annotations

from core.errors import Conflict, InvalidInput, NotFound


class MerchantNotFound(NotFound):
    def __init__(self, merchant_id: int) -> None:
        super().__init__(f"merchant {merchant_id} not found")


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


class OrderConflict(Conflict):
    def __init__(self, external_id: str) -> None:
        super().__init__(f"order {external_id!r} was already created with different content")


class ReplayConflict(Conflict):
    def __init__(self, webhook_id: str) -> None:
        super().__init__(f"webhook-id {webhook_id!r} was already used for a different body")
