"""Bank files: the transfer file Relay writes (CSV or XLSX), and the results finance brings back.

One file makes the round trip: finance downloads the transfer file, gives it to the bank, fills
in its ``status`` column (and ``reason`` where a transfer failed or came back) and uploads that
same file; a bank's own ``reference,status,reason`` file is taken too. Amounts are made from
integer minor units by `core.money`, never floats.

Transfer file, one row per line and no total row (the control totals travel in the response
headers), headers in English or Chinese, as Excel shows it::

    reference,payee_name,payee_account,payee_bank,amount,currency,payee_method,partner_id,status,reason
    B3-1,Alice Chen,6222020200112233445,招商银行,100.00,CNY,bank,7,,

The CSV is UTF-8 with a byte-order mark (Excel on Chinese Windows reads it as UTF-8) or GBK.
Identifiers (reference, account, partner id) are written as the formula ``="B3-1"``, which
Excel shows as text, so a 19-digit card number is not turned into 6.22202E+18; Relay reads
them back either way.
The XLSX has them as text cells (number format ``@``) and amounts as numbers with the
currency's decimals (``0.00``). The payee's method (``bank`` or ``alipay``) and bank are
empty for a payee the merchant set on the partner. This file is the one place account
numbers leave unmasked.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from core.money import MoneyFormatError, decimals, from_minor
from core.money import currency as check_currency
from payouts.errors import BankResultsInvalid, TransferLineInvalid

COLUMNS = (
    "reference", "payee_name", "payee_account", "payee_bank", "amount", "currency", "payee_method", "partner_id",
    "status", "reason",
)
#: Identifiers: text in every format, whatever digits they hold.
TEXT_COLUMNS = frozenset({"reference", "payee_account", "partner_id"})
#: The header row in each language a file is written in.
HEADERS = {
    "en": COLUMNS,
    "zh-Hans": ("付款参考号", "收款人", "收款账号", "开户银行", "金额", "币种", "收款方式", "合伙人编号", "结果", "原因"),
}
#: The payee's method as a Chinese file names it.
METHOD_WORDS = {"zh-Hans": {"bank": "银行卡", "alipay": "支付宝"}}
#: A results file's column names (any case) and the column each means.
COLUMN_NAMES = {name.lower(): column for names in HEADERS.values() for name, column in zip(names, COLUMNS, strict=True)} | {
    "参考号": "reference", "状态": "status", "付款结果": "status", "失败原因": "reason", "备注": "reason",
}
REQUIRED_COLUMNS = ("reference", "status")

#: A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: At most this many problems are reported for one result file.
MAX_REPORTED_ERRORS = 50
#: The largest result file taken, in bytes (a line per paid or failed transfer: far more than any batch).
MAX_RESULT_FILE = 20 * 1024 * 1024


class FileFormat(StrEnum):
    csv = "csv"  #: UTF-8 with a byte-order mark
    csv_gbk = "csv-gbk"  #: GBK, for tools that take no UTF-8
    xlsx = "xlsx"  #: an Excel workbook

    @property
    def media_type(self) -> str:
        if self == FileFormat.xlsx:
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return "text/csv; charset=gbk" if self == FileFormat.csv_gbk else "text/csv; charset=utf-8"

    @property
    def suffix(self) -> str:
        return {"csv": ".csv", "csv-gbk": "-gbk.csv", "xlsx": ".xlsx"}[self.value]


def file_language(language: str) -> str:
    """The language a file's header is written in: Chinese for any ``zh``, else English."""
    return "zh-Hans" if language.lower().startswith("zh") else "en"


def safe_cell(text: str) -> str:
    """`text` as a cell a spreadsheet shows as text: a leading formula character gets a ``'``."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def text_formula(text: str) -> str:
    """`text` as ``="…"``: a CSV cell Excel shows as that very text (digits stay digits)."""
    return '="' + text.replace('"', '""') + '"'


def plain_cell(text: str) -> str:
    """What a cell of our file held: undoes `text_formula` and `safe_cell` (Excel may keep either)."""
    if text.startswith('="') and text.endswith('"') and len(text) >= 3:
        return text[2:-1].replace('""', '"')
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


def transfer_rows(lines: Iterable[TransferLine], currency: str, language: str = "en") -> Iterator[dict[str, object]]:
    """One row per line (a dict by `COLUMNS`, amount as an exact `Decimal`); one currency per file.

    A line that cannot be paid (amount not positive, other currency, no payee account or
    reference) raises `TransferLineInvalid` naming its 1-based line number.
    """
    try:
        currency = check_currency(currency).code
    except MoneyFormatError as error:
        raise TransferLineInvalid(None, str(error)) from None
    methods = METHOD_WORDS.get(file_language(language), {})
    for number, line in enumerate(lines, start=1):
        if type(line.amount_minor) is not int or line.amount_minor <= 0:
            raise TransferLineInvalid(number, f"amount must be positive minor units, got {line.amount_minor!r}")
        if line.currency.upper() != currency:
            raise TransferLineInvalid(number, f"currency {line.currency} in a {currency} file")
        if not line.payee_account.strip():
            raise TransferLineInvalid(number, "no payee account")
        if not line.reference:
            raise TransferLineInvalid(number, "no reference")
        yield {
            "reference": line.reference, "payee_name": line.payee_name, "payee_account": line.payee_account,
            "payee_bank": line.payee_bank, "amount": from_minor(line.amount_minor, currency).amount,
            "currency": currency, "payee_method": methods.get(line.payee_method, line.payee_method),
            "partner_id": str(line.partner_id), "status": "", "reason": "",
        }


def csv_cells(row: dict[str, object]) -> list[str]:
    """A transfer row as CSV cells: identifiers as `text_formula`, other text through `safe_cell`."""
    cells = []
    for column in COLUMNS:
        value = row[column]
        if column in TEXT_COLUMNS:
            cells.append(text_formula(str(value)))
        elif column == "amount":
            cells.append(str(value))  # our own exact decimal: never touched
        else:
            cells.append(safe_cell(str(value)))
    return cells


def transfer_csv(lines: Iterable[TransferLine], currency: str, language: str = "en") -> Iterator[str]:
    """The transfer file as CSV text (header, then a chunk per row; CRLF line ends), no BOM:
    the caller encodes it (`FileFormat`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS[file_language(language)])
    for row in transfer_rows(lines, currency, language):
        writer.writerow(csv_cells(row))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():  # an empty batch: the header alone
        yield buffer.getvalue()


def transfer_xlsx(lines: Iterable[TransferLine], currency: str, language: str = "en") -> bytes:
    """The transfer file as an XLSX workbook: identifiers as text cells (format ``@``), amounts as
    numbers shown with the currency's decimals, the header in `language`."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    digits = decimals(check_currency(currency))
    amount_format = "0." + "0" * digits if digits else "0"
    book = Workbook(write_only=True)
    sheet = book.create_sheet("转账" if file_language(language) == "zh-Hans" else "transfers")
    for letter, width in zip("ABCDEFGHIJ", (14, 16, 24, 16, 14, 8, 10, 10, 10, 24), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for name in HEADERS[file_language(language)]:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in transfer_rows(lines, currency, language):
        cells = []
        for column in COLUMNS:
            value = row[column]
            cell = WriteOnlyCell(sheet, value=value)
            if column == "amount":
                cell.number_format = amount_format
            else:
                cell.data_type = "s"  # a text starting with "=" stays text, never a formula
                cell.number_format = "@"
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- the results coming back --------------------------------------------------------------------


class BankStatus(StrEnum):
    paid = "paid"  #: the money reached the payee
    failed = "failed"  #: the transfer was refused; the amount goes back to available
    returned = "returned"  #: it was paid, then the money came back; the amount goes back to available


#: What a status cell may say (any case, spaces around ignored).
STATUS_WORDS = {
    "paid": BankStatus.paid, "已支付": BankStatus.paid, "已付款": BankStatus.paid, "付款成功": BankStatus.paid,
    "支付成功": BankStatus.paid, "成功": BankStatus.paid,
    "failed": BankStatus.failed, "失败": BankStatus.failed, "付款失败": BankStatus.failed,
    "支付失败": BankStatus.failed,
    "returned": BankStatus.returned, "退回": BankStatus.returned, "已退回": BankStatus.returned,
    "退票": BankStatus.returned, "退汇": BankStatus.returned,
}


@dataclass(frozen=True, slots=True)
class BankResult:
    line: int  #: the row in the file (the header is row 1)
    reference: str
    status: BankStatus
    reason: str


def result_problem(row: int | None, code: str, message: str, **params: object) -> dict[str, object]:
    """One problem of a result file: `field` and `message` in English, `code`, `row` and the
    `params` a page words it with in its own language."""
    return {"field": f"row {row}" if row else "file", "message": message, "code": code, "row": row, **params}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises zip, XML and key errors alike for a damaged workbook
        raise BankResultsInvalid([result_problem(None, "unreadable_xlsx", "not a readable XLSX workbook")]) from None
    try:
        for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
            yield number, [_cell(value) for value in row]
    finally:
        book.close()


def _csv_rows(data: str | bytes) -> Iterator[tuple[int, list[str]]]:
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")  # GBK and its superset
            except UnicodeDecodeError:
                raise BankResultsInvalid(
                    [result_problem(None, "unreadable_text", "the file is neither UTF-8 nor GBK text")]
                ) from None
    else:
        text = data.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for row in reader:
            yield reader.line_num, [cell.strip() for cell in row]
    except csv.Error as error:
        raise BankResultsInvalid(
            [result_problem(reader.line_num, "broken_csv", f"not valid CSV: {error}", detail=str(error))]
        ) from None


def result_rows(data: str | bytes) -> Iterator[tuple[int, list[str]]]:
    """The rows of a result file (XLSX, or CSV in UTF-8 with or without BOM, or GBK), each with its
    row number, cells as text."""
    if isinstance(data, bytes) and data.startswith(b"PK\x03\x04"):
        return _xlsx_rows(data)
    return _csv_rows(data)


def parse_bank_results(data: str | bytes) -> list[BankResult]:
    """Every result of a result file, or `BankResultsInvalid` listing each bad row.

    The header names ``reference`` and ``status`` (and may name ``reason`` and the transfer
    file's other columns, in English or Chinese, any order and case). Status is paid, failed or
    returned (or 已支付, 失败, 退回...); a row whose status is empty has no result yet and is
    skipped; a reference appears once. Nothing is returned unless the whole file is valid.
    """
    rows = result_rows(data)
    errors: list[dict[str, object]] = []
    header = next(rows, None)
    if header is None:
        raise BankResultsInvalid([result_problem(1, "empty_file", "empty file: expected a header row")])
    names = [name.lstrip("\ufeff").strip().lower() for name in header[1]]
    while names and not names[-1]:  # a spreadsheet's empty trailing columns
        names.pop()
    columns = [COLUMN_NAMES.get(name) for name in names]
    for name, column in zip(names, columns, strict=True):
        if column is None:
            errors.append(result_problem(1, "unknown_column", f"unknown column {name!r}", column=name))
    for column in COLUMNS:
        found = columns.count(column)
        if found > 1 or (found == 0 and column in REQUIRED_COLUMNS):
            errors.append(result_problem(
                1, "column_count", f"column {column!r} must appear once, found {found}", column=column, found=found
            ))
    if errors:
        raise BankResultsInvalid(errors)
    position = {column: columns.index(column) for column in COLUMNS if column in columns}
    seen: dict[str, int] = {}
    results: list[BankResult] = []
    for number, row in rows:
        if not any(row):
            continue
        row = row + [""] * (len(names) - len(row))
        if any(row[len(names):]):
            errors.append(result_problem(number, "extra_cells", f"more cells than the {len(names)} columns"))
            continue
        said = row[position["status"]]
        if not said:
            continue  # no result for this line yet
        reference = plain_cell(row[position["reference"]])
        status = STATUS_WORDS.get(said.lower())
        if not reference:
            errors.append(result_problem(number, "no_reference", "reference is empty"))
        elif reference in seen:
            errors.append(result_problem(
                number, "repeated_reference", f"reference {reference!r} already on row {seen[reference]}",
                reference=reference, first_row=seen[reference],
            ))
        else:
            seen[reference] = number
        if status is None:
            errors.append(result_problem(
                number, "unknown_status", f"status {said!r} is not paid, failed or returned", status=said
            ))
        elif not errors:
            reason = plain_cell(row[position["reason"]]) if "reason" in position else ""
            results.append(BankResult(number, reference, status, reason))
        if len(errors) >= MAX_REPORTED_ERRORS:
            break
    if not errors and not results:
        errors.append(result_problem(None, "no_results", "no row has a status: fill in the status column"))
    if errors:
        raise BankResultsInvalid(errors)
    return results


def encode_csv(chunks: Iterable[str], file_format: FileFormat) -> Iterator[bytes]:
    """`transfer_csv`'s chunks as the bytes of `file_format`: UTF-8 behind a byte-order mark, or
    GBK, where a character GBK cannot hold raises `TransferLineInvalid` naming the line (encode
    the whole file before sending any of it)."""
    if file_format == FileFormat.csv_gbk:
        for number, chunk in enumerate(chunks, start=1):  # chunk n holds line n (the first, the header too)
            try:
                yield chunk.encode("gbk")
            except UnicodeEncodeError as error:
                bad = error.object[error.start:error.end]
                raise TransferLineInvalid(number, f"{bad!r} cannot be written in GBK: take the UTF-8 file") from None
        return
    yield "\ufeff".encode()
    for chunk in chunks:
        yield chunk.encode()

