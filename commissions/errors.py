"""Errors raised by the commissions services; each carries its context and HTTP status."""

from __future__ import annotations

from core.errors import Conflict, InvalidInput, NotFound


class RuleSetNotFound(NotFound):
    def __init__(self, version: int) -> None:
        super().__init__(f"rule set version {version} not found")


class NoActiveRuleSet(NotFound):
    def __init__(self) -> None:
        super().__init__("no rule set version is active yet: create a draft and publish it")


class RuleSetNotDraft(Conflict):
    """Published versions are frozen: commissions point at them."""

    def __init__(self, version: int, status: str) -> None:
        super().__init__(f"rule set version {version} is {status}; only a draft can be changed or published")


class PublishRaced(Conflict):
    def __init__(self, version: int) -> None:
        super().__init__(f"another version was published while version {version} was; try again")


class CommissionNotFound(NotFound):
    def __init__(self, commission_id: int) -> None:
        super().__init__(f"commission {commission_id} not found")


class CommissionNotRejectable(Conflict):
    def __init__(self, commission_id: int, reason: str) -> None:
        super().__init__(f"commission {commission_id} cannot be rejected: {reason}")


class CommissionNotHeld(Conflict):
    def __init__(self, commission_id: int, reason: str) -> None:
        super().__init__(f"commission {commission_id} cannot be approved: {reason}")


class OrderAlreadyCompleted(Conflict):
    """A completed order's commissions are only undone by refunds (reversals), never by a cancel."""

    def __init__(self, order_id: int) -> None:
        super().__init__(
            f"order {order_id} was completed: its commissions can only be reversed by a refund, not canceled"
        )


class CurrencyMismatch(InvalidInput):
    def __init__(self, currency: str, expected: str) -> None:
        super().__init__(
            f"the order is in {currency} but the merchant's commissions are in {expected}",
            [{"field": "currency", "message": f"expected {expected}"}],
        )
