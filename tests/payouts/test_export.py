"""Bank files: the transfer file as CSV (UTF-8 with BOM, GBK) and XLSX, read back with the same
libraries Excel's files are read with, and the result files finance brings back."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from payouts.errors import BankResultsInvalid, TransferLineInvalid
from payouts.export import (
    COLUMNS,
    HEADERS,
    BankStatus,
    FileFormat,
    TransferLine,
    encode_csv,
    parse_bank_results,
    plain_cell,
    transfer_csv,
    transfer_rows,
    transfer_xlsx,
)

#: A 19-digit card number: as a spreadsheet number it would become 6.22202E+18.
CARD = "6222020200112233445"


def line(n: int, amount_minor: int = 100, **overrides) -> TransferLine:
    fields = dict(partner_id=n, payee_name=f"Payee {n}", payee_account=f"62220000{n:04d}",
                  amount_minor=amount_minor, currency="CNY", reference=f"B1-{n}") | overrides
    return TransferLine(**fields)


def csv_file(lines, file_format=FileFormat.csv, language="en", currency="CNY") -> bytes:
    return b"".join(encode_csv(transfer_csv(lines, currency, language), file_format))


def read(data: bytes, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(encoding), newline="")))


def sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).worksheets[0]


def test_the_csv_is_utf8_with_a_bom_identifiers_as_text_formulas_and_no_total_row():
    data = csv_file([line(1, 10000, payee_account=CARD), line(2, 5), line(3, 123456789)])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = read(data)
    assert rows[0] == list(COLUMNS)
    assert rows[1] == ['="B1-1"', "Payee 1", f'="{CARD}"', "", "100.00", "CNY", "", '="1"', "", ""]
    assert [r[4] for r in rows[1:]] == ["100.00", "0.05", "1234567.89"]
    assert len(rows) == 4  # no trailer: every row after the header is a line
    assert plain_cell(rows[1][2]) == CARD and len(plain_cell(rows[1][2])) == 19
    assert data.endswith(b"\r\n") and data.count(b"\r\n") == 4


def test_the_gbk_csv_has_chinese_headers_and_method_words():
    lines = [line(1, 100, payee_name="陈丽", payee_bank="招商银行", payee_method="bank", payee_account=CARD),
             line(2, 100, payee_method="alipay", payee_account="alice@example.com")]
    data = csv_file(lines, FileFormat.csv_gbk, "zh_Hans")
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = read(data, "gbk")
    assert rows[0] == list(HEADERS["zh-Hans"]) == ["付款参考号", "收款人", "收款账号", "开户银行", "金额", "币种",
                                                    "收款方式", "合伙人编号", "结果", "原因"]
    assert rows[1][1:4] == ["陈丽", f'="{CARD}"', "招商银行"] and rows[1][6] == "银行卡" and rows[2][6] == "支付宝"


def test_a_name_gbk_cannot_write_names_its_line():
    with pytest.raises(TransferLineInvalid, match="transfer line 2: .*GBK"):
        csv_file([line(1), line(2, payee_name="Ann 😀")], FileFormat.csv_gbk)


def test_the_xlsx_has_text_identifiers_and_numeric_amounts_with_two_decimals():
    data = transfer_xlsx([line(7, 10005, payee_account=CARD), line(8, 5, payee_account="=1+1")], "CNY", "zh-Hans")
    ws = sheet(data)
    assert [c.value for c in ws[1]] == list(HEADERS["zh-Hans"])
    reference, name, account, bank, amount, currency, method, partner, status, reason = ws[2]
    assert (reference.value, reference.data_type, reference.number_format) == ("B1-7", "s", "@")
    assert (account.value, account.data_type, account.number_format) == (CARD, "s", "@")
    assert (partner.value, partner.data_type) == ("7", "s")
    assert isinstance(amount.value, float) and amount.data_type == "n" and amount.number_format == "0.00"
    assert Decimal(str(amount.value)) == Decimal("100.05")
    assert (currency.value, status.value, reason.value) == ("CNY", None, None)
    formula_like = ws[3][2]
    assert (formula_like.value, formula_like.data_type) == ("=1+1", "s")  # text, never run as a formula
    assert ws.max_row == 3


def test_amounts_follow_the_currencys_minor_unit():
    (row,) = transfer_rows([line(1, 1999, currency="JPY")], "JPY")
    assert row["amount"] == Decimal("1999")
    assert read(csv_file([line(1, 1999, currency="JPY")], currency="JPY"))[1][4] == "1999"
    assert sheet(transfer_xlsx([line(1, 1999, currency="JPY")], "JPY"))["E2"].number_format == "0"


def test_an_empty_batch_is_the_header_alone():
    assert read(csv_file([])) == [list(COLUMNS)]
    assert sheet(transfer_xlsx([], "CNY")).max_row == 1


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_a_spreadsheet_would_run_as_formulas_are_quoted_as_text(start):
    evil = f"{start}HYPERLINK(\"http://x\")"
    rows = read(csv_file([line(1, 100, payee_name=evil, payee_account=f'{start}1"')]))
    assert rows[1][1] == "'" + evil
    assert rows[1][2] == f'="{start}1"""' and plain_cell(rows[1][2]) == f'{start}1"'
    assert rows[1][4] == "1.00"  # our own amounts are never touched


def test_a_hundred_thousand_lines_stream_with_exact_amounts():
    count = total = 0
    for row in transfer_rows((line(n, n) for n in range(1, 100_001)), "CNY"):
        count += 1
        total += int(row["amount"] * 100)
    assert count == 100_000 and total == 100_000 * 100_001 // 2


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


def test_a_file_in_an_unknown_currency_is_refused():
    with pytest.raises(TransferLineInvalid, match="transfer file: unknown currency 'XYZ'"):
        list(transfer_rows([], "XYZ"))


# --- results ------------------------------------------------------------------------------------


def results(data) -> list[tuple]:
    return [(r.line, r.reference, r.status, r.reason) for r in parse_bank_results(data)]


def test_bank_results_are_parsed_in_any_column_order_and_case():
    text = "\ufeffStatus,Reference,Reason\r\npaid,B1-1,\r\n\r\nFAILED,B1-2,account closed\r\nreturned,B1-3,x\r\n"
    assert results(text) == [
        (2, "B1-1", BankStatus.paid, ""), (4, "B1-2", BankStatus.failed, "account closed"),
        (5, "B1-3", BankStatus.returned, "x"),
    ]


def test_a_reference_echoed_with_our_formula_quote_reads_back_as_the_original():
    assert parse_bank_results("reference,status,reason\n'-B1,paid,\n")[0].reference == "-B1"


@pytest.mark.parametrize("file_format", [FileFormat.csv, FileFormat.csv_gbk])
@pytest.mark.parametrize("language", ["en", "zh-Hans"])
def test_the_exported_csv_comes_back_with_its_status_column_filled_in(file_format, language):
    rows = read(csv_file([line(1, payee_account=CARD), line(2), line(3), line(4)], file_format, language),
                "gbk" if file_format == FileFormat.csv_gbk else "utf-8-sig")
    words = {"en": ("paid", "Failed", "RETURNED"), "zh-Hans": ("已支付", "失败", "退回")}[language]
    rows[1][8], rows[2][8], rows[3][8] = words
    rows[2][9], rows[3][9] = "账户已冻结", "account closed"  # row 5 left empty: no result yet
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    data = ("\ufeff" + out.getvalue()).encode() if file_format == FileFormat.csv else out.getvalue().encode("gbk")
    assert results(data) == [
        (2, "B1-1", BankStatus.paid, ""), (3, "B1-2", BankStatus.failed, "账户已冻结"),
        (4, "B1-3", BankStatus.returned, "account closed"),
    ]


def test_excel_resaving_the_csv_keeps_identifiers_as_plain_digits_which_read_back():
    # What Excel writes when it saves the file again: each ="…" cell as the text it shows.
    text = f"reference,payee_account,amount,status,reason\r\nB1-1,{CARD},100,paid,\r\n"
    assert results(text.encode("gbk")) == [(2, "B1-1", BankStatus.paid, "")]


def test_the_exported_xlsx_comes_back_with_its_status_column_filled_in():
    book = load_workbook(io.BytesIO(transfer_xlsx([line(1, payee_account=CARD), line(2), line(3)], "CNY", "zh-Hans")))
    ws = book.worksheets[0]
    ws["I2"], ws["I3"], ws["J3"] = "已付款", "退汇", "收款人退回"
    saved = io.BytesIO()
    book.save(saved)
    assert results(saved.getvalue()) == [(2, "B1-1", BankStatus.paid, ""), (3, "B1-2", BankStatus.returned, "收款人退回")]


def test_unknown_and_missing_columns_are_named():
    with pytest.raises(BankResultsInvalid) as caught:
        parse_bank_results("reference,amount2\nB1-1,1.00\n")
    messages = [(e["field"], e["code"], e["message"]) for e in caught.value.extra["errors"]]
    assert messages == [
        ("row 1", "unknown_column", "unknown column 'amount2'"),
        ("row 1", "column_count", "column 'status' must appear once, found 0"),
    ]
    assert caught.value.status == 422


def test_every_bad_row_is_named_and_nothing_is_returned():
    text = "reference,status,reason\nB1-1,paid,\nB1-2,ok,\n,failed,x\nB1-1,failed,dup\nB1-5,paid,,extra\nB1-6,,\n"
    with pytest.raises(BankResultsInvalid) as caught:
        parse_bank_results(text)
    assert [(e["field"], e["message"]) for e in caught.value.extra["errors"]] == [
        ("row 3", "status 'ok' is not paid, failed or returned"),
        ("row 4", "reference is empty"),
        ("row 5", "reference 'B1-1' already on row 2"),
        ("row 6", "more cells than the 3 columns"),
    ]
    assert caught.value.detail.startswith("bank result file: row 3: status 'ok'")


def test_an_empty_broken_or_unfilled_file_is_refused():
    with pytest.raises(BankResultsInvalid, match="empty file"):
        parse_bank_results("")
    with pytest.raises(BankResultsInvalid, match="not valid CSV"):
        parse_bank_results('reference,status,reason\n"B1-1,paid,\n')
    with pytest.raises(BankResultsInvalid, match="no row has a status"):
        parse_bank_results(csv_file([line(1)]))
    with pytest.raises(BankResultsInvalid, match="neither UTF-8 nor GBK"):
        parse_bank_results(b"reference,status\r\n\xff\xfe,paid\r\n")
    with pytest.raises(BankResultsInvalid, match="not a readable XLSX"):
        parse_bank_results(b"PK\x03\x04 not a zip")
