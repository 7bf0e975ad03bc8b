"""Errors raised by the accounts services."""

from __future__ import annotations

from core.errors import Conflict, NotFound


class MerchantNotFound(NotFound):
    def __init__(self, merchant_id: int) -> None:
        super().__init__(f"merchant {merchant_id} not found")


class ReplayConflict(Conflict):
    def __init__(self, webhook_id: str) -> None:
        super().__init__(f"webhook-id {webhook_id!r} was already used for a different body")
