"""Errors raised by payout batches and payout terms; each carries its context and HTTP status."""

from __future__ import annotations

from core.errors import Conflict, InvalidInput, NotFound


class BatchNotFound(NotFound):
    def __init__(self, batch_id: int) -> None:
        self.batch_id = batch_id
        super().__init__(f"payout batch {batch_id} not found")


class LineNotFound(NotFound):
    def __init__(self, batch_id: int, line_id: int) -> None:
        super().__init__(f"line {line_id} of payout batch {batch_id} not found")


class BatchStateConflict(Conflict):
    """The batch is not in a state that allows the action (an approved batch cannot be edited)."""

    def __init__(self, batch_id: int, status: str, action: str) -> None:
        self.batch_status = status
        super().__init__(f"payout batch {batch_id} is {status}: cannot {action}")


class LineStateConflict(Conflict):
    def __init__(self, reference: str, status: str, wanted: str) -> None:
        super().__init__(f"line {reference} is {status}: it cannot become {wanted}")


class ReasonRequired(InvalidInput):
    def __init__(self, outcome: str) -> None:
        super().__init__(f"a {outcome} line needs a reason", [{"field": "reason", "message": f"required when {outcome}"}])


class LinesStillOpen(Conflict):
    def __init__(self, batch_id: int, open_lines: int) -> None:
        self.open_lines = open_lines
        super().__init__(
            f"payout batch {batch_id} still has {open_lines} open line(s): mark each paid or failed first"
        )


class AssetNotPayable(InvalidInput):
    """Batches pay the merchant's currency or points (PTS), nothing else."""

    def __init__(self, asset: str, allowed: list[str], field: str = "asset") -> None:
        super().__init__(
            f"{asset!r} is not paid out by this merchant (allowed: {', '.join(allowed)})",
            [{"field": field, "message": f"expected one of {', '.join(allowed)}"}],
        )


class PayoutTermsInvalid(InvalidInput):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}", [{"field": field, "message": message}])


class BankResultsConflict(Conflict):
    """Results that contradict what is recorded (a line reported failed after it was paid)."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"bank result file: {first['field']}: {first['message']}{more}", errors=errors)
