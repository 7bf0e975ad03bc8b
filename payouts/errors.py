"""Errors raised by the payouts domain (the points wallet's: payouts/wallet/errors.py); each carries its
context and HTTP status."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import TYPE_CHECKING

from core.errors import Conflict, InvalidInput, NotFound, RelayError

if TYPE_CHECKING:
    from payouts.service.batches import Figures


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
        self.line_number = line_number
        where = "transfer file" if line_number is None else f"transfer line {line_number}"
        super().__init__(f"{where}: {reason}", [{"field": where, "message": reason}])


class BankResultsInvalid(InvalidInput):
    """A bank result file that cannot be taken as it is; `errors` names each bad row."""

    def __init__(self, errors: list[dict[str, object]]) -> None:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"bank result file: {first['field']}: {first['message']}{more}", errors)


# --- payout batches and payout terms ------------------------------------------------------------
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


class BatchAssetMismatch(InvalidInput):
    """Figures sent for approval in another asset than the batch's."""

    def __init__(self, batch_id: int, asset: str) -> None:
        message = f"payout batch {batch_id} pays {asset}"
        super().__init__(f"asset: {message}", [{"field": "asset", "message": message}])


class BatchFiguresChanged(Conflict):
    """The lines recomputed at approval are not what the approver saw: nothing was approved.
    `approved` is what was sent, `current` what approval would pay now (approve that to go on)."""

    title = "Batch figures changed"
    slug = "batch-figures-changed"

    def __init__(self, batch_id: int, approved: Figures, current: Figures) -> None:
        self.approved = approved
        self.current = current
        now = current.shown()
        super().__init__(
            f"payout batch {batch_id} changed since it was shown: now {now['lines']} line(s),"
            f" gross {now['gross']}, net {now['net']} {now['asset']}; nothing was approved:"
            " check the new figures and approve them",
            approved=approved.shown(), current=now,
        )


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

    def __init__(self, errors: list[dict[str, object]]) -> None:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"bank result file: {first['field']}: {first['message']}{more}", errors=errors)


@dataclass(frozen=True, slots=True)
class Refusal:
    """A field refused with a stable `code` (worded in English by `PAYEE_ENGLISH`, in the page's
    language by the partner portal) and the `params` its words name."""

    field: str
    code: str
    params: dict[str, object] = dataclass_field(default_factory=dict)

    @property
    def message(self) -> str:
        return PAYEE_ENGLISH.get(self.code, "is not valid").format(**self.params)


#: The payee refusals' codes in English (the API's words).
PAYEE_ENGLISH = {
    "required": "is required",
    "required_for_tax": "is required: the merchant withholds tax on payouts and files it under this",
    "text_expected": "must be text",
    "too_long": "must have at most {max_length} characters",
    "method_unknown": "must be bank or alipay",
    "bank_number_digits": "must be digits (spaces and dashes are allowed)",
    "bank_number_length": "must have 8 to 30 digits",
    "bank_card_length": "a UnionPay card number (starting with 62) has 16 to 19 digits",
    "bank_card_luhn": "is not a valid card number: check the digits (its last digit does not match)",
    "alipay_account": "must be the mobile number or email of an Alipay account",
    "resident_id_format": "must be 18 characters: 17 digits and a digit or X",
    "resident_id_birth_date": "its date of birth (characters 7 to 14) is not a real date",
    "resident_id_checksum": "is not a valid resident ID number: check the digits (its last character does not match)",
}


class PayeeInvalid(InvalidInput):
    """Payee details refused; `refusals` names each field with a code a page can word itself."""

    def __init__(self, refusals: list[Refusal]) -> None:
        self.refusals = refusals
        errors = [{"field": r.field, "message": r.message} for r in refusals]
        super().__init__(f"{errors[0]['field']}: {errors[0]['message']}", errors)


# --- withdrawals (payouts/service/withdrawals.py) ------------------------------------------------


class WithdrawalRefused(InvalidInput):
    """A withdrawal the partner may not make now; `code` says why (a page words it itself)."""

    def __init__(self, field: str, code: str, message: str, **params: object) -> None:
        self.field, self.code, self.params = field, code, params
        super().__init__(f"{field}: {message}", [{"field": field, "message": message}])


class WithdrawalNotFound(NotFound):
    def __init__(self, withdrawal_id: int) -> None:
        super().__init__(f"withdrawal {withdrawal_id} not found")


class WithdrawalStateConflict(Conflict):
    def __init__(self, withdrawal_id: int, status: str, action: str) -> None:
        self.withdrawal_status = status
        super().__init__(f"withdrawal {withdrawal_id} is {status}: cannot {action}")


class WithdrawalTermsInvalid(InvalidInput):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}", [{"field": field, "message": message}])
