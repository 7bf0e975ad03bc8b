"""A batch's bank files: download the transfer file (CSV in UTF-8 or GBK, or XLSX, its header in
the page's language) and upload it back with its status column filled in (or the bank's own
result file); every problem of a refused file worded in the page's language, row by row."""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.responses import Response, StreamingResponse

from core.errors import Conflict, InvalidInput
from payouts.errors import BatchStateConflict, TransferLineInvalid
from payouts.export import COLUMNS, HEADERS, MAX_RESULT_FILE, FileFormat, file_language
from payouts.service import lines
from relay.pages.console.common import actor
from relay.pages.finance import pages
from relay.pages.finance.batches import batch_page, refused
from relay.pages.finance.common import LINE_STATUS
from relay.pages.i18n import N_
from relay.pages.routing import Page

#: A result file's problems (by `code`, `payouts.export.result_problem`) in the reader's words.
PROBLEMS = {
    "unreadable_xlsx": N_("This is not a workbook Excel can open (XLSX)."),
    "unreadable_text": N_("The file is neither UTF-8 nor GBK text: save it as CSV UTF-8 or as XLSX."),
    "broken_csv": N_("This is not valid CSV (a quotation mark left open?)."),
    "empty_file": N_("The file is empty: its first row must name the columns."),
    "unknown_column": N_("Unknown column “%(column)s”."),
    "column_count": N_("The column “%(column)s” must appear once (found %(found)s)."),
    "extra_cells": N_("This row has more cells than the file has columns."),
    "no_reference": N_("The reference is empty."),
    "repeated_reference": N_("Reference %(reference)s is already on row %(first_row)s."),
    "unknown_status": N_("Result “%(status)s” is not paid, failed or returned."),
    "no_results": N_("No row has a result: fill in the result column (paid, failed or returned)."),
    "not_in_batch": N_("Reference %(reference)s is not a line of this batch."),
    "conflict": N_("%(reference)s is already “%(status)s”; the file says “%(reported)s”."),
}


def problem_text(page: Page, problem: dict) -> dict[str, str]:
    """One problem of a refused result file as the page shows it: where, and what."""
    words = PROBLEMS.get(str(problem.get("code")))
    if words is None:
        return {"field": str(problem.get("field", "")), "message": str(problem.get("message", ""))}
    header = dict(zip(COLUMNS, HEADERS[file_language(page.locale)], strict=True))
    values = {key: value for key, value in problem.items() if key not in ("field", "message", "code", "row")}
    if "column" in values:
        values["column"] = header.get(str(values["column"]), values["column"])
    for key in ("status", "reported"):
        if key in values:
            values[key] = page.gettext(LINE_STATUS.get(str(values[key]), str(values[key])))
    row = problem.get("row")
    return {"field": page.gettext("Row %(row)s", row=row) if row else "", "message": page.gettext(words, **values)}


@pages.post("/finance/batches/{batch_id:int}/export")
async def export_batch(page: Page) -> Response:
    batch_id = page.request.path_params["batch_id"]
    form = await page.form()
    try:
        file_format = FileFormat(str(form.get("format", FileFormat.csv.value)))
    except ValueError:
        page.flash(page.gettext("Choose CSV, CSV (GBK) or Excel (XLSX)."), "error")
        return page.redirect(page.url("finance.batch", batch_id=batch_id))
    try:
        transfer = await lines.export_batch(page.merchant_id, batch_id, file_format, page.locale, actor=actor(page))
    except Conflict as error:
        page.flash(refused(page, error), "error")
        return page.redirect(page.url("finance.batch", batch_id=batch_id))
    except TransferLineInvalid as error:
        page.flash(page.gettext(
            "Line %(line)s holds characters GBK cannot write: download the CSV (UTF-8) or the XLSX file.",
            line=error.line_number,
        ), "error")
        return page.redirect(page.url("finance.batch", batch_id=batch_id))
    return StreamingResponse(
        transfer.content,
        media_type=file_format.media_type,
        headers={"content-disposition": f'attachment; filename="{transfer.filename}"'},
    )


async def _result_file(page: Page, upload: object) -> bytes | tuple[int, str]:
    """The uploaded result file, or (status, problem)."""
    if not isinstance(upload, UploadFile) or not upload.filename:
        return 422, page.gettext("Choose the result file first.")
    if upload.size is not None and upload.size > MAX_RESULT_FILE:
        return 413, page.gettext("The file is larger than 20 MB.")
    return await upload.read()


@pages.post("/finance/batches/{batch_id:int}/results")
async def import_results(page: Page) -> Response:
    batch_id = page.request.path_params["batch_id"]
    form = await page.form()
    try:
        data = await _result_file(page, form.get("results"))
    finally:
        await form.close()  # the upload's temporary file
    if not isinstance(data, bytes):
        return await batch_page(page, batch_id, status=data[0], import_errors=[{"field": "", "message": data[1]}])
    try:
        summary = await lines.import_results(page.merchant_id, batch_id, data, actor=actor(page))
    except (InvalidInput, Conflict) as error:
        found = [problem_text(page, problem) for problem in error.extra.get("errors") or []]
        if isinstance(error, BatchStateConflict) or not found:
            found = [{"field": "", "message": refused(page, error)}]
        return await batch_page(page, batch_id, status=error.status, import_errors=found)
    page.flash(
        page.gettext(
            "Results imported: %(paid)s paid, %(failed)s failed, %(returned)s returned, %(unchanged)s already recorded.",
            paid=summary.paid, failed=summary.failed, returned=summary.returned, unchanged=summary.unchanged,
        ),
        "success",
    )
    return page.redirect(page.url("finance.batch", batch_id=batch_id))
