"""The shop's signed events, from the HTTP request to the committed answer: the event pipeline.

``POST /api/v1/merchants/{merchant_id}/events``, one event per request, signed per Standard
Webhooks with the merchant's secret. In order:

1. verify the signature and its timestamp (±5 minutes): any failure is 401, nothing written;
2. parse and validate the event: 400 (not JSON) or 422 (naming the field), nothing written;
3. order.created: `relay.pipeline.create_order` (on PostgreSQL its reads first, then every
   write, receipt included, as one statement, gathered with other requests' by this process's
   `PlanWriter`, `app.state.plans`). The other events, one transaction: the referral use case
   (complete, cancel or refund an order) returns a frozen outcome; the steps consuming it run
   next (see `run`); last, the webhook receipt with the answer;
4. a replay of a `webhook-id` with the same body gets the stored answer; another body is 409.

The receipt is written with the event's work instead of being looked up first: a first
delivery, by far the common case, costs no extra round trip, and the unique constraint on
(merchant, webhook-id) decides between two concurrent deliveries (the loser's work is rolled
back and it answers from the receipt). Only successful answers are kept, so a refused event
can be corrected and retried under the same id.
"""

from __future__ import annotations

import functools
import logging
from datetime import datetime
from typing import Any

from standardwebhooks import Webhook, WebhookVerificationError
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from tortoise.transactions import in_transaction

from accounts.service import receipts
from accounts.service.receipts import AlreadyReceived, PendingReceipt, Reply
from accounts.service.settings import ShopSigning, cached_shop_signing, shop_signing
from core import request_body
from core.api import PROBLEM_JSON, inline_schema, problem_response
from core.errors import MalformedRequest, RelayError, SecretUnreadable, ServiceUnavailable, Unauthorized
from core.plan_writer import PlanWriter, write_alone
from core.ratelimit import RateLimits, TooManyRequests
from core.sealed import SealedSecretUnreadable, Sealer
from core.time import now
from referral.endpoints import document_public
from referral.schemas.orders import EventIn, EventReply, EventType, ShopCommand, parse_event
from referral.service import orders
from referral.service.clicks import PendingClick
from referral.service.order_inputs import OrderInput, RefundInput, StatusChange
from referral.service.order_views import OrderOutcome, RefundOutcome
from relay import pipeline
from relay.pipeline import WritePlanWith

log = logging.getLogger(__name__)

PATH = "/api/v1/merchants/{merchant_id:int}/events"
#: Longest webhook-id a receipt keeps; Standard Webhooks ids (msg_...) are far shorter.
MAX_WEBHOOK_ID = 200


async def receive_event(request: Request) -> Response:
    merchant_id: int = request.path_params["merchant_id"]
    try:
        rate_limits: RateLimits = request.app.state.rate_limits
        await _limit_client(rate_limits, request, merchant_id)
        body = await request.body()  # at most request_body.MAX_BODY: the app's BodyLimit saw to it
        request_body.check_nesting(body)  # before the signature's secret is looked up
        signing = await shop_signing(merchant_id)
        if signing is None:
            raise Unauthorized(f"merchant {merchant_id} is unknown")
        webhook_id = verify(signing, body, request.headers, request.app.state.settings.sealer)
        # After the signature: only the merchant's own (signed) events use its allowance.
        await rate_limits.check("events_merchant", str(merchant_id), merchant_id=merchant_id)
        digest = receipts.body_hash(body)
        try:
            reply = await handle(signing, webhook_id, digest, body, _queued_clicks(request), _plan_writer(request))
        except (AlreadyReceived, RelayError):
            # A webhook-id answered before is answered the same way, whatever this attempt found.
            stored = await receipts.stored_reply(merchant_id, webhook_id, digest)
            if stored is None:
                raise
            reply = stored
        return Response(reply.text, status_code=reply.status, media_type="application/json")
    except AlreadyReceived:
        # The receipt blocked this delivery yet cannot be read: only if it was deleted meanwhile.
        return problem_response(ServiceUnavailable("the event is being handled; retry"))
    except TooManyRequests as error:
        return problem_response(error, headers=error.headers)
    except RelayError as error:
        return problem_response(error, headers=getattr(error, "headers", None))


async def _limit_client(rate_limits: RateLimits, request: Request, merchant_id: int) -> None:
    """The per-client-IP limit, before the body is read or the signature checked. A refusal is
    counted for the merchant only if this process knows it already (an id in the path is no proof)."""
    ip = request.client.host if request.client is not None else ""
    retry_after = await rate_limits.hit("events_ip", ip)
    if retry_after is not None:
        rate_limits.refused("events_ip", merchant_id if cached_shop_signing(merchant_id) is not None else 0)
        raise TooManyRequests("events_ip", retry_after)


def verify(signing: ShopSigning, body: bytes, headers: Headers, sealer: Sealer, *, at: datetime | None = None) -> str:
    """The `webhook-id` of an event fresh and signed with one of the merchant's secrets at `at`
    (now; the previous secret too during a rotation's grace period), opened by `sealer`;
    `Unauthorized` otherwise."""
    plain = dict(headers)
    refused: Exception | None = None
    try:
        secrets = signing.secrets(at or now(), sealer)
    except SealedSecretUnreadable:  # the server's configuration, not the shop's fault: retried
        log.error("merchant %s's webhook secret was sealed under an unknown server secret", signing.merchant_id)
        raise SecretUnreadable from None
    for secret in secrets:
        try:
            _verifier(secret).verify(body, plain, json_parse=False)
            break
        except WebhookVerificationError as exc:
            refused = exc
        except ValueError:  # a malformed signature header, or a body that is not UTF-8
            raise Unauthorized("webhook signature refused: malformed signature") from None
    else:
        raise Unauthorized(f"webhook signature refused: {refused}")
    webhook_id = headers["webhook-id"]
    if len(webhook_id) > MAX_WEBHOOK_ID:
        raise MalformedRequest(f"webhook-id is longer than {MAX_WEBHOOK_ID} characters")
    return webhook_id


@functools.lru_cache(maxsize=4096)
def _verifier(secret: str) -> Webhook:
    return Webhook(secret)


async def handle(
    signing: ShopSigning, webhook_id: str, digest: str, body: bytes, queued: list[PendingClick],
    write: WritePlanWith = write_alone,
) -> Reply:
    """The event's work and its answer. `write`: how a new order's write plan is written (the
    process's `PlanWriter`, or alone)."""
    payload = request_body.loads(body)
    event_type, command = parse_event(payload, signing.currency)

    def reply_to(outcome: OrderOutcome | RefundOutcome) -> Reply:
        return Reply.of(200, EventReply.of(event_type, outcome).model_dump(mode="json"))

    receipt = PendingReceipt(webhook_id, digest, reply_to)
    if event_type == EventType.order_created:
        assert isinstance(command, OrderInput)
        return await pipeline.create_order(signing.merchant_id, command, queued=queued, receipt=receipt, write=write)
    async with in_transaction():
        outcome = await run(signing.merchant_id, event_type, command)
        reply = reply_to(outcome)
        await receipts.record(signing.merchant_id, receipt, reply)
    return reply


async def run(merchant_id: int, event_type: EventType, command: ShopCommand) -> OrderOutcome | RefundOutcome:
    """An event other than order.created: its use case, then whatever consumes its outcome, all
    in the caller's transaction."""
    outcome: OrderOutcome | RefundOutcome
    if event_type == EventType.order_completed:
        assert isinstance(command, StatusChange)
        outcome = await orders.complete_order(merchant_id, command)
    elif event_type == EventType.order_canceled:
        assert isinstance(command, StatusChange)
        outcome = await orders.cancel_order(merchant_id, command)
    else:
        assert isinstance(command, RefundInput)
        outcome = await orders.refund_order(merchant_id, command)
    # Commissions dated on completed, voided on canceled, reversed on refunded, each with its
    # ledger entries; nothing when `outcome.applied` is false.
    await pipeline.after_order_event(merchant_id, outcome)
    return outcome


def _queued_clicks(request: Request) -> list[PendingClick]:
    """Clicks this process's redirect has decided but not yet written (attribution sees them)."""
    recorder = getattr(request.app.state, "clicks", None)
    return recorder.pending() if recorder is not None else []


def _plan_writer(request: Request) -> WritePlanWith:
    """This process's gatherer of new orders' writes (`relay.app`'s lifespan makes it)."""
    writer: PlanWriter | None = getattr(request.app.state, "plans", None)
    return writer.write if writer is not None else write_alone


routes = [Route(PATH, receive_event, methods=["POST"], name="receive_event")]


# --- OpenAPI -------------------------------------------------------------------------------------


def _problem(text: str) -> dict[str, Any]:
    return {"description": text, "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}


document_public(
    "/api/v1/merchants/{merchant_id}/events",
    "post",
    {
        "operationId": "receive_event",
        "summary": "Receive a signed shop event",
        "tags": ["shop events"],
        "description": (
            "The shop's order events, signed per Standard Webhooks (webhook-id, webhook-timestamp, "
            "webhook-signature; HMAC-SHA256 with the merchant's whsec_ secret). Types: order.created, "
            "order.completed, order.canceled, order.refunded. A bad or missing signature, an unknown "
            "merchant or a timestamp more than 5 minutes away is 401. A webhook-id answered before gets "
            "the same answer again (409 if the body differs); an order.created repeating an order with "
            "the same content answers it with applied=false (409 if the content differs). An event about "
            "an order never received is 422 (data.external_id): deliver order.created first and retry. "
            "Past a rate limit (per client IP before the signature is checked, per merchant after) the "
            "answer is 429 with Retry-After and nothing is written."
        ),
        "parameters": [
            {"name": "merchant_id", "in": "path", "required": True, "schema": {"type": "integer"}},
            *(
                {"name": name, "in": "header", "required": True, "schema": {"type": "string"}}
                for name in ("webhook-id", "webhook-timestamp", "webhook-signature")
            ),
        ],
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": inline_schema(EventIn, "validation")}},
        },
        "responses": {
            "200": {
                "description": "Applied (or already applied: applied=false)",
                "content": {"application/json": {"schema": inline_schema(EventReply, "serialization")}},
            },
            "400": _problem("The body is not JSON"),
            "413": _problem(f"The body is larger than {request_body.MAX_BODY} bytes"),
            "401": _problem("Signature, timestamp or merchant refused"),
            "429": {
                **_problem("Rate limit reached (per client IP, or per merchant for signed events); nothing written"),
                "headers": {"Retry-After": {"schema": {"type": "integer"}}},
            },
            "409": _problem("webhook-id reused for another body, or an order/refund id reused for other content"),
            "422": _problem("Invalid event; errors name the fields"),
            "404": _problem("A merchant id that is not a number names no route"),
            "503": {
                **_problem("The database is unreachable, the same webhook-id is being handled meanwhile, or the"
                           " merchant's webhook secret cannot be opened on this server (sealed under a server"
                           " secret it is not given: the operator's to mend); nothing written, retry"),
                "headers": {"Retry-After": {"schema": {"type": "integer"}}},
            },
        },
    },
)
