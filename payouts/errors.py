"""Errors raised by the payouts domain: the ledger, withholding, bank files."""

from __future__ import annotations

from core.errors import Conflict, InvalidInput, RelayError


class LedgerEntryInvalid(InvalidInput):
    """A ledger entry breaks a rule (unknown asset, zero amount, points in a cash account...)."""

    def __init__(self, detail: str, field: str = "postings") -> None:
        super().__init__(detail, [{"field": field, "message": detail}])


class UnbalancedEntry(LedgerEntryInvalid):
    """An entry whose postings do not sum to zero per asset; nothing of it is written."""

    def __init__(self, idempotency_key: str, sums: dict[str, int]) -> None:
        self.sums = sums
        shown = ", ".join(f"{asset} {total:+d}" for asset, total in sums.items())
        super().__init__(f"entry {idempotency_key!r} does not balance: postings sum to {shown}")


class IdempotencyConflict(Conflict):
    """An idempotency key already used for an entry with different content."""

    def __init__(self, idempotency_key: str) -> None:
        self.idempotency_key = idempotency_key
        super().__init__(f"idempotency key {idempotency_key!r} was already used for a different entry")


class LedgerAppendOnly(RelayError):
    """The ledger is append-only: a mistake is corrected by a new entry, never by an edit."""

    status = 409
    title = "Ledger is append-only"
    slug = "ledger-append-only"


class WithholdingRuleUnknown(InvalidInput):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(
            f"unknown withholding rule {name!r} (known: {', '.join(known)})",
            [{"field": "withholding", "message": "unknown rule"}],
        )


class WithholdingNotApplicable(InvalidInput):
    """A rule asked about an asset it is not defined for (the China rule is for CNY only)."""

    def __init__(self, rule: str, asset: str) -> None:
        super().__init__(
            f"withholding rule {rule!r} does not apply to {asset}",
            [{"field": "currency", "message": f"{rule} needs another currency"}],
        )


class TransferLineInvalid(InvalidInput):
    """A line that cannot go into a bank transfer file (not positive, other currency...)."""

    def __init__(self, line_number: int | None, reason: str) -> None:
        where = "transfer file" if line_number is None else f"transfer line {line_number}"
        super().__init__(f"{where}: {reason}", [{"field": where, "message": reason}])


class BankResultsInvalid(InvalidInput):
    """A bank result file that cannot be taken as it is; `errors` names each bad row."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"bank result file: {first['field']}: {first['message']}{more}", errors)
