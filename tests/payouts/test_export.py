"""Bank files: the transfer CSV (exact amounts, control totals, no formulas) and the result import."""

from __future__ import annotations

import csv
import io

import pytest

from payouts.errors import BankResultsInvalid, TransferLineInvalid
from payouts.export import (
    TRANSFER_COLUMNS,
    BankStatus,
    TransferLine,
    TransferTotals,
    parse_bank_results,
    read_transfer_totals,
    transfer_csv,
    transfer_rows,
)


def line(n: int, amount_minor: int = 100, **overrides) -> TransferLine:
    fields = dict(partner_id=n, payee_name=f"Payee {n}", payee_account=f"62220000{n:04d}",
                  amount_minor=amount_minor, currency="CNY", reference=f"B1-{n}") | overrides
    return TransferLine(**fields)


def read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_transfer_file_has_exact_major_amounts_and_a_matching_total_row():
    text = "".join(transfer_csv([line(1, 10000), line(2, 5), line(3, 123456789)], "CNY"))
    rows = read(text)
    assert rows[0] == list(TRANSFER_COLUMNS)
    assert rows[1] == ["transfer", "1", "Payee 1", "622200000001", "100.00", "CNY", "B1-1", "", "", ""]
    assert [r[4] for r in rows[1:4]] == ["100.00", "0.05", "1234567.89"]
    assert rows[4] == ["total", "", "", "", "1234667.94", "CNY", "", "3", "", ""]
    assert read_transfer_totals(rows) == TransferTotals(3, 10000 + 5 + 123456789, "CNY")
    assert text.endswith("\r\n") and text.count("\r\n") == 5


def test_amounts_follow_the_currencys_minor_unit():
    rows = list(transfer_rows([line(1, 1999, currency="JPY")], "JPY"))
    assert rows[1][4] == "1999" and rows[-1][4] == "1999"


def test_an_empty_batch_is_a_header_and_a_zero_total():
    assert list(transfer_rows([], "cny")) == [TRANSFER_COLUMNS, ("total", "", "", "", "0.00", "CNY", "", "0", "", "")]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_a_spreadsheet_would_run_as_formulas_are_quoted_as_text(start):
    evil = f"{start}HYPERLINK(\"http://x\")"
    rows = read("".join(transfer_csv([line(1, 100, payee_name=evil, payee_account=f"{start}1")], "CNY")))
    assert rows[1][2] == "'" + evil
    assert rows[1][3] == f"'{start}1"
    assert rows[1][4] == "1.00"  # our own amounts are never touched


def test_a_hundred_thousand_lines_stream_with_exact_totals():
    lines = (line(n, n) for n in range(1, 100_001))
    count = total = 0
    last = None
    for row in transfer_rows(lines, "CNY"):
        if row[0] == "transfer":
            count += 1
            total += int(row[4].replace(".", ""))
        last = row
    assert count == 100_000 and total == 100_000 * 100_001 // 2
    assert last == ("total", "", "", "", "50000500.00", "CNY", "", "100000", "", "")


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (dict(amount_minor=0), "positive"),
        (dict(amount_minor=-100), "positive"),
        (dict(amount_minor=1.5), "positive"),
        (dict(currency="USD"), "USD in a CNY file"),
        (dict(payee_account=" "), "no payee account"),
        (dict(reference=""), "no reference"),
    ],
)
def test_lines_that_cannot_be_paid_are_refused_naming_the_line(bad, message):
    with pytest.raises(TransferLineInvalid, match=f"transfer line 2: .*{message}"):
        list(transfer_rows([line(1, 100), line(2, **{"amount_minor": 100} | bad)], "CNY"))


def test_bank_results_are_parsed_in_any_column_order_and_case():
    text = "\ufeffStatus,Reference,Reason\r\npaid,B1-1,\r\n\r\nFAILED,B1-2,account closed\r\n"
    results = parse_bank_results(text)
    assert [(r.line, r.reference, r.status, r.reason) for r in results] == [
        (2, "B1-1", BankStatus.paid, ""),
        (4, "B1-2", BankStatus.failed, "account closed"),
    ]


def test_a_reference_echoed_with_our_formula_quote_reads_back_as_the_original():
    assert parse_bank_results("reference,status,reason\n'-B1,paid,\n")[0].reference == "-B1"


def test_unknown_and_missing_columns_are_named():
    with pytest.raises(BankResultsInvalid) as caught:
        parse_bank_results("reference,status,amount\nB1-1,paid,1.00\n")
    messages = [(e["field"], e["message"]) for e in caught.value.extra["errors"]]
    assert ("line 1", "unknown column 'amount' (expected reference, status, reason)") in messages
    assert ("line 1", "column 'reason' must appear once, found 0") in messages
    assert caught.value.status == 422


def test_every_bad_row_is_named_and_nothing_is_returned():
    text = "reference,status,reason\nB1-1,paid,\nB1-2,ok,\n,failed,x\nB1-1,failed,dup\nB1-5,paid\n"
    with pytest.raises(BankResultsInvalid) as caught:
        parse_bank_results(text)
    assert caught.value.extra["errors"] == [
        {"field": "line 3", "message": "status 'ok' is not paid or failed"},
        {"field": "line 4", "message": "reference is empty"},
        {"field": "line 5", "message": "reference 'B1-1' already on line 2"},
        {"field": "line 6", "message": "expected 3 fields, found 2"},
    ]
    assert caught.value.detail.startswith("bank result file: line 3: status 'ok'")


def test_an_empty_or_broken_file_is_refused():
    with pytest.raises(BankResultsInvalid, match="empty file"):
        parse_bank_results("")
    with pytest.raises(BankResultsInvalid, match="not valid CSV"):
        parse_bank_results('reference,status,reason\n"B1-1,paid,\n')


def test_a_file_in_an_unknown_currency_is_refused():
    with pytest.raises(TransferLineInvalid, match="transfer file: unknown currency 'XYZ'"):
        list(transfer_rows([], "XYZ"))
