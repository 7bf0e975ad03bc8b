"""Errors raised by the commissions services; each carries its context and HTTP status."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.errors import Conflict, InvalidInput, NotFound


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why one value of a rule set is refused: `message` in English (what the API answers), and the
    same reason as a stable `code` (`commissions.rules.ruleset.CODES`) with its `params`, for a page."""

    field: str  #: dotted path: `content.rules.2.reward.percent`
    message: str
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def error(self) -> dict[str, str]:
        """As one of the API's `errors`."""
        return {"field": self.field, "message": self.message}


class InvalidRuleSet(InvalidInput):
    """A rule set refused: `errors` (`{field, message}`) in the answer as for any invalid input;
    `refusals` the same errors with their codes, which the answer leaves out."""

    def __init__(self, detail: str, refusals: Sequence[Refusal]) -> None:
        super().__init__(detail, [refusal.error for refusal in refusals])
        self.refusals = list(refusals)


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
