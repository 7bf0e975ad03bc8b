"""The round trip finance makes with one file: export a batch's transfer file (CSV UTF-8, CSV GBK,
XLSX; English or Chinese headers) through the API, fill in its result column the way a
spreadsheet would, import that very file, and read every line's outcome and the ledger."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from payouts.export import HEADERS, plain_cell
from payouts.service.postings import partner_balances, unbalanced_transactions
from tests.factories.batches import approve, by_partner, create, get, make_commission, make_payee
from tests.factories.merchants import make_merchant

pytestmark = pytest.mark.usefixtures("database_url")

#: 19-digit card numbers: as spreadsheet numbers they would lose their last digits.
CARDS = ("6222020200112233445", "6217000010012345678", "6228480000000000009")
WORDS = {"en": ("paid", "failed", "returned"), "zh-Hans": ("已支付", "失败", "退回")}


async def exported_batch(client, m, file_format: str, language: str):
    partners = [
        await make_payee(m.id, payee_name=name, payee_account=card)
        for name, card in zip(("陈丽", "Bob Li", "王芳"), CARDS, strict=True)
    ]
    for partner, amount in zip(partners, (18050, 6000, 12345), strict=True):
        await make_commission(m.id, partner.id, amount)
    batch = await approve(client, m, (await create(client, m))["id"])
    lines = by_partner(await get(client, m, batch["id"]))
    answer = await client.post(
        f"/api/v1/payout-batches/{batch['id']}/export?format={file_format}&language={language}",
        headers=m.auth("finance"),
    )
    assert answer.status_code == 200, answer.text
    assert (answer.headers["x-control-line-count"], answer.headers["x-control-amount"]) == ("3", "363.95")
    return batch["id"], [lines[p.id] for p in partners], answer


def fill_csv(data: bytes, encoding: str, results: dict[str, tuple[str, str]]) -> bytes:
    """What finance does in a spreadsheet: the result and reason cells of each line filled in."""
    rows = list(csv.reader(io.StringIO(data.decode(encoding), newline="")))
    for row in rows[1:]:
        row[8], row[9] = results[plain_cell(row[0])]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


def fill_xlsx(data: bytes, results: dict[str, tuple[str, str]]) -> bytes:
    book = load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(min_row=2):
        row[8].value, row[9].value = results[row[0].value]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("file_format", "language"), [("csv", "en"), ("csv", "zh-Hans"), ("csv-gbk", "zh-Hans"), ("xlsx", "zh-Hans"),
                                  ("xlsx", "en")],
)
async def test_the_exported_file_comes_back_with_one_line_paid_one_failed_one_returned(client, file_format, language):
    m = await make_merchant()
    batch_id, (paid, failed, returned), answer = await exported_batch(client, m, file_format, language)
    data = answer.content
    if file_format == "xlsx":
        assert answer.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        sheet = load_workbook(io.BytesIO(data)).worksheets[0]
        assert [cell.value for cell in sheet[1]] == list(HEADERS[language])
        accounts = [(row[2].value, row[2].data_type, row[2].number_format) for row in sheet.iter_rows(min_row=2)]
        assert accounts == [(card, "s", "@") for card in CARDS]  # all 19 digits, as text
        amounts = [(row[4].value, row[4].data_type, row[4].number_format) for row in sheet.iter_rows(min_row=2)]
        assert amounts == [(180.5, "n", "0.00"), (60.0, "n", "0.00"), (123.45, "n", "0.00")]
    else:
        encoding = "gbk" if file_format == "csv-gbk" else "utf-8-sig"
        assert data.startswith(b"\xef\xbb\xbf") == (file_format == "csv")
        rows = list(csv.reader(io.StringIO(data.decode(encoding), newline="")))
        assert rows[0] == list(HEADERS[language]) and len(rows) == 4  # no total row
        assert [row[2] for row in rows[1:]] == [f'="{card}"' for card in CARDS]  # Excel shows it as text
        assert [row[4] for row in rows[1:]] == ["180.50", "60.00", "123.45"]
    word_paid, word_failed, word_returned = WORDS[language]
    results = {
        paid["reference"]: (word_paid, ""),
        failed["reference"]: (word_failed, "户名不符"),
        returned["reference"]: (word_returned, "account closed"),
    }
    filled = fill_xlsx(data, results) if file_format == "xlsx" else fill_csv(data, encoding, results)

    imported = await client.post(
        f"/api/v1/payout-batches/{batch_id}/results", content=filled, headers=m.auth("finance")
    )
    assert imported.status_code == 200, imported.text
    summary = imported.json()
    assert (summary["paid"], summary["failed"], summary["returned"], summary["unchanged"]) == (1, 1, 1, 0)
    lines = {line["id"]: line for line in (await get(client, m, batch_id))["lines"]}
    assert (lines[paid["id"]]["status"], lines[paid["id"]]["reason"]) == ("paid", None)
    assert (lines[failed["id"]]["status"], lines[failed["id"]]["reason"]) == ("failed", "户名不符")
    assert (lines[returned["id"]]["status"], lines[returned["id"]]["reason"]) == ("returned", "account closed")

    money = [(await partner_balances(m.id, line["partner_id"]))["CNY"] for line in (paid, failed, returned)]
    assert [(b.available, b.in_batch, b.paid) for b in money] == [(0, 0, 18050), (6000, 0, 0), (12345, 0, 0)]
    assert await unbalanced_transactions(m.id) == []

    again = await client.post(f"/api/v1/payout-batches/{batch_id}/results", content=filled, headers=m.auth("finance"))
    assert (again.json()["paid"], again.json()["failed"], again.json()["returned"], again.json()["unchanged"]) == (0, 0, 0, 3)
    closed = await client.post(f"/api/v1/payout-batches/{batch_id}/close", headers=m.auth("finance"))
    assert closed.json()["status"] == "closed"


async def test_a_file_with_one_wrong_row_changes_nothing_and_names_each_row(client):
    m = await make_merchant()
    batch_id, (one, two, three), answer = await exported_batch(client, m, "xlsx", "en")
    results = {one["reference"]: ("paid", ""), two["reference"]: ("bounced", ""), three["reference"]: ("", "")}
    refused = await client.post(
        f"/api/v1/payout-batches/{batch_id}/results", content=fill_xlsx(answer.content, results),
        headers=m.auth("finance"),
    )
    assert refused.status_code == 422
    assert [(e["field"], e["code"], e["message"]) for e in refused.json()["errors"]] == [
        ("row 3", "unknown_status", "status 'bounced' is not paid, failed or returned"),
    ]
    assert {line["status"] for line in (await get(client, m, batch_id))["lines"]} == {"open"}

    unreadable = await client.post(
        f"/api/v1/payout-batches/{batch_id}/results", content=b"PK\x03\x04broken", headers=m.auth("finance")
    )
    assert unreadable.status_code == 422 and unreadable.json()["errors"][0]["code"] == "unreadable_xlsx"
    assert {line["status"] for line in (await get(client, m, batch_id))["lines"]} == {"open"}


async def test_a_returned_line_can_follow_a_paid_one_in_a_later_file(client):
    m = await make_merchant()
    batch_id, (one, two, three), answer = await exported_batch(client, m, "csv", "en")
    first = fill_csv(answer.content, "utf-8-sig", {
        one["reference"]: ("paid", ""), two["reference"]: ("paid", ""), three["reference"]: ("", ""),
    })
    assert (await client.post(f"/api/v1/payout-batches/{batch_id}/results", content=first,
                              headers=m.auth("finance"))).json()["paid"] == 2
    later = f"reference,status,reason\r\n{two['reference']},退票,账户已销户\r\n{three['reference']},failed,\r\n"
    answer = await client.post(
        f"/api/v1/payout-batches/{batch_id}/results", content=later.encode("gbk"), headers=m.auth("finance")
    )
    assert (answer.json()["paid"], answer.json()["failed"], answer.json()["returned"]) == (0, 1, 1)
    lines = {line["id"]: line for line in (await get(client, m, batch_id))["lines"]}
    assert [(lines[x["id"]]["status"], lines[x["id"]]["reason"]) for x in (one, two, three)] == [
        ("paid", None), ("returned", "账户已销户"), ("failed", "the bank gave no reason"),
    ]
    contradicting = await client.post(
        f"/api/v1/payout-batches/{batch_id}/results", content=f"reference,status\r\n{three['reference']},paid\r\n",
        headers=m.auth("finance"),
    )
    assert contradicting.status_code == 409 and contradicting.json()["errors"][0]["code"] == "conflict"
    assert await unbalanced_transactions(m.id) == []


async def test_a_payee_name_gbk_cannot_write_refuses_the_gbk_file_and_changes_nothing(client):
    m = await make_merchant()
    partner = await make_payee(m.id, payee_name="Ann 😀")
    await make_commission(m.id, partner.id, 10000)
    batch = await approve(client, m, (await create(client, m))["id"])
    refused = await client.post(
        f"/api/v1/payout-batches/{batch['id']}/export?format=csv-gbk", headers=m.auth("finance")
    )
    assert refused.status_code == 422 and "GBK" in refused.json()["detail"]
    assert (await get(client, m, batch["id"]))["status"] == "approved"  # not exported: no file was given
    bad = await client.post(f"/api/v1/payout-batches/{batch['id']}/export?format=pdf", headers=m.auth("finance"))
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "query.format"
    assert (await client.post(f"/api/v1/payout-batches/{batch['id']}/export?format=xlsx",
                              headers=m.auth("finance"))).status_code == 200


async def test_openapi_documents_the_formats_and_the_result_file_bodies(client):
    spec = (await client.get("/openapi.json")).json()
    export = spec["paths"]["/api/v1/payout-batches/{batch_id}/export"]["post"]
    parameters = {p["name"]: p for p in export["parameters"]}
    assert parameters["format"]["schema"]["$ref"].endswith("/FileFormat") or "enum" in parameters["format"]["schema"]
    assert set(export["responses"]["200"]["content"]) == {
        "text/csv; charset=utf-8", "text/csv; charset=gbk",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    results = spec["paths"]["/api/v1/payout-batches/{batch_id}/results"]["post"]
    assert set(results["requestBody"]["content"]) == {
        "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    assert "returned" in spec["components"]["schemas"]["ImportOut"]["properties"]
