"""HTTP routes of the payouts domain: payout batches (finance keys only) and payout terms.

Each endpoint parses, calls one service function, and renders.
"""

from __future__ import annotations

from starlette.responses import JSONResponse, StreamingResponse

from accounts.service.audit import Actor, actor_of
from core.api import Api, Call
from core.errors import MalformedRequest
from core.money import format_major
from payouts.schemas import (
    BatchCreate,
    BatchGetQuery,
    BatchLineOut,
    BatchList,
    BatchOut,
    BatchQuery,
    ImportOut,
    LineOutcomeBody,
    PayoutTermsOut,
    PayoutTermsUpdate,
)
from payouts.service import batch_queries, batches, lines, terms

api = Api("payouts")

FINANCE = ("finance",)
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


@api.endpoint("POST", f"{BATCH}/approve", summary="Approve a draft payout batch", roles=FINANCE, response=BatchOut)
async def approve_payout_batch(call: Call) -> BatchOut:
    """Recomputes the lines against the current rows with the same cutoff, locks their entries to
    the batch and reserves them in the ledger (points are credited at once). The answer holds
    the totals approved. Approving an approved batch answers it unchanged."""
    approved = await batches.approve_batch(
        call.merchant_id, call.path["batch_id"], approved_by=_who(call), actor=_actor(call)
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
    "POST", f"{BATCH}/export", summary="Export the bank transfer file (CSV)", roles=FINANCE, response="text/csv"
)
async def export_payout_batch(call: Call) -> StreamingResponse:
    """The transfer file of an approved cash batch, streamed; its last row carries the control
    totals, repeated in the `X-Control-Line-Count` and `X-Control-Amount` headers. The batch
    becomes exported; exporting again gives the same file."""
    transfer = await lines.export_batch(call.merchant_id, call.path["batch_id"], actor=_actor(call))
    name = f"payout-batch-{transfer.batch.id}.csv"
    return StreamingResponse(
        transfer.csv,
        media_type="text/csv; charset=utf-8",
        headers={
            "content-disposition": f'attachment; filename="{name}"',
            "x-control-line-count": str(transfer.totals.line_count),
            "x-control-amount": format_major(transfer.totals.amount_minor, transfer.totals.currency),
            "x-control-currency": transfer.totals.currency,
        },
    )


@api.endpoint(
    "POST", f"{BATCH}/results", summary="Import the bank's result file (CSV body)", roles=FINANCE, response=ImportOut
)
async def import_payout_results(call: Call) -> ImportOut:
    """The request body is the bank's CSV (`reference,status,reason`; status paid or failed).
    All or nothing; importing the same file again changes nothing."""
    raw = await call.request.body()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MalformedRequest("the result file is not UTF-8 text") from None
    batch_id = call.path["batch_id"]
    summary = await lines.import_results(call.merchant_id, batch_id, text, actor=_actor(call))
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
    "PATCH", "/api/v1/payout-terms", summary="Change the payout terms", roles=TERMS, body=PayoutTermsUpdate,
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
