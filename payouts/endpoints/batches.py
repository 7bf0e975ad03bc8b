"""HTTP routes of the payouts domain: payout batches (finance keys only) and payout terms.

Each endpoint parses, calls one service function, and renders.
"""

from __future__ import annotations

from starlette.responses import JSONResponse, StreamingResponse

from accounts.service.audit import Actor, actor_of
from core.api import Api, Call
from core.money import format_major
from payouts.export import FileFormat
from payouts.schemas import (
    BatchApproval,
    BatchCreate,
    BatchFiguresProblem,
    BatchGetQuery,
    BatchLineOut,
    BatchList,
    BatchOut,
    BatchQuery,
    ExportQuery,
    ImportOut,
    LineOutcomeBody,
    PayoutTermsOut,
    PayoutTermsUpdate,
)
from payouts.service import batch_queries, batches, lines, terms

api = Api("payouts")

FINANCE = ("finance",)
#: Who reads the payout terms; only finance changes them (docs/api.md's role table).
TERMS = ("admin", "finance")
BATCH = "/api/v1/payout-batches/{batch_id:int}"


def _who(call: Call) -> str:
    assert call.principal is not None
    return f"key {call.principal.key_id}"


def _actor(call: Call) -> Actor | None:
    return actor_of(call.principal)


# --- batches ------------------------------------------------------------------------------------


@api.endpoint(
    "POST", "/api/v1/payout-batches", summary="Create a draft payout batch", roles=FINANCE,
    body=BatchCreate, response=BatchOut, status=201,
)
async def create_payout_batch(call: Call) -> BatchOut | JSONResponse:
    """Nets, per partner, every available commission and unsettled reversal of the asset with
    `available_at` before the cutoff that no other batch holds. A draft claims nothing.
    If a live batch for the same asset and cutoff exists it is answered instead (200).
    The answer holds the first page of lines (`GET` with `after_line_id` reads on)."""
    batch, created = await batches.create_batch(
        call.merchant_id, call.body.asset, call.body.cutoff, created_by=_who(call), actor=_actor(call)
    )
    out = BatchOut.of(batch, await batch_queries.batch_lines(call.merchant_id, batch.id))
    return out if created else JSONResponse(out.model_dump(mode="json"), status_code=200)


@api.endpoint(
    "GET", "/api/v1/payout-batches", summary="List payout batches", roles=FINANCE, query=BatchQuery,
    response=BatchList,
)
async def list_payout_batches(call: Call) -> BatchList:
    q = call.query
    page = await batch_queries.list_batches(
        call.merchant_id, asset=q.asset, status=q.status, before_id=q.before_id, limit=q.limit
    )
    return BatchList.of(page)


@api.endpoint(
    "GET", BATCH, summary="Get a payout batch with its totals and lines", roles=FINANCE, query=BatchGetQuery,
    response=BatchOut,
)
async def get_payout_batch(call: Call) -> BatchOut:
    """Totals per line status, and a page of lines: paid ones, and those carried forward or held
    with the reason."""
    q = call.query
    batch_id = call.path["batch_id"]
    page = await batch_queries.batch_lines(
        call.merchant_id, batch_id, status=q.line_status, after_id=q.after_line_id, limit=q.limit
    )
    return BatchOut.of(await batch_queries.get_batch(call.merchant_id, batch_id), page)


@api.endpoint(
    "POST", f"{BATCH}/approve", summary="Approve a draft payout batch", roles=FINANCE, body=BatchApproval,
    response=BatchOut, conflict=(
        "Nothing approved: the batch is not a draft, or its lines recomputed now pay other figures"
        " (`current`; approve again with them)", BatchFiguresProblem,
    ),
)
async def approve_payout_batch(call: Call) -> BatchOut:
    """The body is what the approver saw: the draft's `totals.payout` (`lines`, `gross_minor`,
    `net_minor`) and its `asset`. Recomputes the lines against the current rows with the same
    cutoff; if they pay exactly that, locks their entries to the batch and reserves them in the
    ledger (points are credited at once), and the answer holds the totals approved. If not
    (another batch claimed commissions meanwhile, a refund reversed one), 409 with `approved` and
    `current` figures and nothing changes. Approving an approved batch answers it unchanged."""
    approved = await batches.approve_batch(
        call.merchant_id, call.path["batch_id"], approved_by=_who(call), expected=call.body.figures(),
        actor=_actor(call),
    )
    return BatchOut.of(approved)


@api.endpoint("POST", f"{BATCH}/discard", summary="Discard a draft payout batch", roles=FINANCE, response=BatchOut)
async def discard_payout_batch(call: Call) -> BatchOut:
    """Only a draft (409 otherwise); it claimed nothing, and its cutoff is free again."""
    return BatchOut.of(await batches.discard_batch(call.merchant_id, call.path["batch_id"], actor=_actor(call)))


@api.endpoint("POST", f"{BATCH}/close", summary="Close a payout batch", roles=FINANCE, response=BatchOut)
async def close_payout_batch(call: Call) -> BatchOut:
    """Once no line is left open (409 otherwise). A paid line can still be returned later."""
    return BatchOut.of(await batches.close_batch(call.merchant_id, call.path["batch_id"], actor=_actor(call)))


@api.endpoint(
    "POST", f"{BATCH}/export", summary="Export the bank transfer file (CSV or XLSX)", roles=FINANCE,
    query=ExportQuery, response=tuple(media.media_type for media in FileFormat),
)
async def export_payout_batch(call: Call) -> StreamingResponse:
    """The transfer file of an approved cash batch: `format` csv (UTF-8 with a byte-order mark,
    streamed), csv-gbk or xlsx, its header row in `language`. One row per line, no total row;
    account numbers, references and partner ids are text (`="…"` in CSV, text cells in XLSX),
    and the `status` and `reason` columns are left for the results. The control totals are in
    the `X-Control-Line-Count`, `X-Control-Amount` and `X-Control-Currency` headers. The batch
    becomes exported; exporting again gives the same file. A line GBK cannot write: 422."""
    q = call.query
    transfer = await lines.export_batch(
        call.merchant_id, call.path["batch_id"], q.format, q.language, actor=_actor(call)
    )
    return StreamingResponse(
        transfer.content,
        media_type=transfer.file_format.media_type,
        headers={
            "content-disposition": f'attachment; filename="{transfer.filename}"',
            "x-control-line-count": str(transfer.totals.line_count),
            "x-control-amount": format_major(transfer.totals.amount_minor, transfer.totals.currency),
            "x-control-currency": transfer.totals.currency,
        },
    )


@api.endpoint(
    "POST", f"{BATCH}/results", summary="Import a result file (CSV or XLSX body)", roles=FINANCE, response=ImportOut,
    raw_body=("text/csv", FileFormat.xlsx.media_type),
)
async def import_payout_results(call: Call) -> ImportOut:
    """The body is the transfer file this batch exported with its `status` column filled in (CSV in
    UTF-8, with or without a byte-order mark, or GBK; or XLSX; headers in English or Chinese), or
    the bank's own CSV `reference,status,reason`. Status is paid, failed or returned (or 已支付,
    失败, 退回); a row left without a status is skipped. All or nothing, every bad row named in
    `errors` (`field` "row N"); importing the same file again changes nothing."""
    batch_id = call.path["batch_id"]
    summary = await lines.import_results(call.merchant_id, batch_id, await call.request.body(), actor=_actor(call))
    return ImportOut.of(summary, await batch_queries.get_batch(call.merchant_id, batch_id))


@api.endpoint(
    "POST", f"{BATCH}/lines/{{line_id:int}}/outcome", summary="Mark a line paid, failed or returned",
    roles=FINANCE, body=LineOutcomeBody, response=BatchLineOut,
)
async def mark_payout_line(call: Call) -> BatchLineOut:
    """paid and failed apply to an open line; returned to a paid one. A failed or returned line's
    amount goes back to the partner's available balance and its commissions to a later batch."""
    line = await lines.mark_line(
        call.merchant_id, call.path["batch_id"], call.path["line_id"], call.body.outcome, call.body.reason,
        actor=_actor(call),
    )
    return BatchLineOut.of(line)


# --- payout terms -------------------------------------------------------------------------------


@api.endpoint("GET", "/api/v1/payout-terms", summary="Get the payout terms", roles=TERMS, response=PayoutTermsOut)
async def get_payout_terms(call: Call) -> PayoutTermsOut:
    """Withholding rule, and per asset (the currency, PTS) the minimum payout and the schedule."""
    return PayoutTermsOut.of(await terms.get_terms(call.merchant_id))


@api.endpoint(
    "PATCH", "/api/v1/payout-terms", summary="Change the payout terms (finance only)", roles=FINANCE,
    body=PayoutTermsUpdate,
    response=PayoutTermsOut,
)
async def update_payout_terms(call: Call) -> PayoutTermsOut:
    """Only what is sent changes; they apply to batches computed from now on."""
    body = call.body
    updated = await terms.update_terms(
        call.merchant_id, withholding_rule=body.withholding, minimums=body.minimums_minor(),
        schedules=body.schedules_given(),
        payee_change=None if body.payee_change is None else body.payee_change.change(), actor=_actor(call),
    )
    return PayoutTermsOut.of(updated)
