"""Bank files: the batch-transfer CSV Relay writes, and the result CSV the bank sends back.

The transfer file streams (a generator of rows), so a 100,000-line batch never sits in memory.
Its last row carries control totals computed from the very rows written, so a receiver can tell
a complete file from a cut one. Amounts are decimal strings in major units made from integer
minor units by `core.money.format_major`, never floats.

Transfer file (RFC 4180, CRLF line ends)::

    record,partner_id,payee_name,payee_account,amount,currency,reference,line_count,payee_method,payee_bank
    transfer,7,Alice Chen,6222020200112230,100.00,CNY,B3-1,,bank,招商银行
    transfer,8,'=cmd,alice@example.com,0.05,CNY,B3-2,,alipay,
    total,,,,100.05,CNY,,2,,

The payee's method (``bank`` or ``alipay``) and bank are empty for a payee the merchant set on
the partner (the method is not known then). This file is the one place account numbers leave
unmasked.

Result file (columns in any order, header required)::

    reference,status,reason
    B3-1,paid,
    B3-2,failed,account closed
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from core.money import MoneyFormatError, format_major, parse_minor
from core.money import currency as check_currency
from payouts.errors import BankResultsInvalid, TransferLineInvalid

TRANSFER_COLUMNS = (
    "record", "partner_id", "payee_name", "payee_account", "amount", "currency", "reference", "line_count",
    "payee_method", "payee_bank",
)
RESULT_COLUMNS = ("reference", "status", "reason")

#: A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: At most this many problems are reported for one result file.
MAX_REPORTED_ERRORS = 50
#: The largest result file taken, in bytes (a line per paid or failed transfer: far more than any batch).
MAX_RESULT_FILE = 20 * 1024 * 1024


def safe_cell(text: str) -> str:
    """`text` as a cell a spreadsheet shows as text: a leading formula character gets a ``'``."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unsafe_cell(text: str) -> str:
    """The inverse of `safe_cell`, for values a bank echoes back from our file."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


@dataclass(frozen=True, slots=True)
class TransferLine:
    """One transfer the bank is asked to make: `amount_minor` to the payee's account."""

    partner_id: int
    payee_name: str
    payee_account: str  #: bank card number, Alipay account... as the partner gave it
    amount_minor: int  #: positive, net of any tax withheld
    currency: str
    reference: str  #: stable per line (the batch line id): the bank echoes it in its results
    payee_method: str = ""  #: bank or alipay; empty when not known
    payee_bank: str = ""  #: the bank of a bank account


@dataclass(frozen=True, slots=True)
class TransferTotals:
    """Control totals of a transfer file: how many lines and their sum."""

    line_count: int
    amount_minor: int
    currency: str


def transfer_rows(lines: Iterable[TransferLine], currency: str) -> Iterator[tuple[str, ...]]:
    """Header, one row per line, then the ``total`` row; one currency per file.

    A line that cannot be paid (amount not positive, other currency, no payee account or
    reference) raises `TransferLineInvalid` naming its 1-based line number.
    """
    try:
        currency = check_currency(currency).code
    except MoneyFormatError as error:
        raise TransferLineInvalid(None, str(error)) from None
    yield TRANSFER_COLUMNS
    count = total = 0
    for number, line in enumerate(lines, start=1):
        if type(line.amount_minor) is not int or line.amount_minor <= 0:
            raise TransferLineInvalid(number, f"amount must be positive minor units, got {line.amount_minor!r}")
        if line.currency.upper() != currency:
            raise TransferLineInvalid(number, f"currency {line.currency} in a {currency} file")
        if not line.payee_account.strip():
            raise TransferLineInvalid(number, "no payee account")
        if not line.reference:
            raise TransferLineInvalid(number, "no reference")
        count += 1
        total += line.amount_minor
        yield (
            "transfer",
            str(line.partner_id),
            safe_cell(line.payee_name),
            safe_cell(line.payee_account),
            format_major(line.amount_minor, currency),
            currency,
            safe_cell(line.reference),
            "",
            safe_cell(line.payee_method),
            safe_cell(line.payee_bank),
        )
    yield ("total", "", "", "", format_major(total, currency), currency, "", str(count), "", "")


def transfer_csv(lines: Iterable[TransferLine], currency: str) -> Iterator[str]:
    """`transfer_rows` as CSV text, one row per chunk (for a streaming response)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in transfer_rows(lines, currency):
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def read_transfer_totals(rows: Iterable[list[str]]) -> TransferTotals:
    """The control totals a transfer file declares in its ``total`` row (what a receiver checks)."""
    for row in rows:
        if row and row[0] == "total":
            return TransferTotals(int(row[7]), parse_minor(row[4], row[5]), row[5])
    raise ValueError("no total row: the file is incomplete")


class BankStatus(StrEnum):
    paid = "paid"  #: the money reached the payee
    failed = "failed"  #: the transfer was refused; the amount goes back to available


@dataclass(frozen=True, slots=True)
class BankResult:
    line: int  #: where it was in the file (the header is line 1)
    reference: str
    status: BankStatus
    reason: str


def parse_bank_results(source: str | Iterable[str]) -> list[BankResult]:
    """Every result of a bank's result file, or `BankResultsInvalid` listing each bad line.

    The header must name exactly ``reference``, ``status`` and ``reason`` (any order, any case);
    status is ``paid`` or ``failed``; a reference appears once. Blank lines are skipped, a
    UTF-8 byte-order mark is ignored. Nothing is returned unless the whole file is valid.
    """
    text_lines = io.StringIO(source, newline="") if isinstance(source, str) else source
    reader = csv.reader(text_lines, strict=True)
    errors: list[dict[str, str]] = []

    def problem(line: int, message: str) -> None:
        errors.append({"field": f"line {line}", "message": message})

    results: list[BankResult] = []
    try:
        header = next(reader, None)
        if header is None:
            raise BankResultsInvalid([{"field": "line 1", "message": "empty file: expected a header row"}])
        names = [name.strip().lstrip("\ufeff").strip().lower() for name in header]
        for name in names:
            if name not in RESULT_COLUMNS:
                problem(1, f"unknown column {name!r} (expected {', '.join(RESULT_COLUMNS)})")
        for name in RESULT_COLUMNS:
            if names.count(name) != 1:
                problem(1, f"column {name!r} must appear once, found {names.count(name)}")
        if errors:
            raise BankResultsInvalid(errors)
        position = {name: names.index(name) for name in RESULT_COLUMNS}
        seen: dict[str, int] = {}
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(names):
                problem(line, f"expected {len(names)} fields, found {len(row)}")
                continue
            reference = unsafe_cell(row[position["reference"]].strip())
            status = row[position["status"]].strip().lower()
            reason = row[position["reason"]].strip()
            if not reference:
                problem(line, "reference is empty")
            elif reference in seen:
                problem(line, f"reference {reference!r} already on line {seen[reference]}")
            else:
                seen[reference] = line
            if status not in BankStatus.__members__:
                problem(line, f"status {row[position['status']]!r} is not paid or failed")
            if not errors:
                results.append(BankResult(line, reference, BankStatus(status), reason))
            if len(errors) >= MAX_REPORTED_ERRORS:
                break
    except csv.Error as error:
        problem(reader.line_num, f"not valid CSV: {error}")
    if errors:
        raise BankResultsInvalid(errors)
    return results
