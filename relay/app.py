"""The application factory: routes, middleware, exception handlers and lifespan in one place."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator
from http import HTTPStatus

import asyncpg
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from tortoise.contrib.starlette import RegisterTortoise
from tortoise.exceptions import OperationalError

import relay
from accounts.endpoints.security import api as security_api
from accounts.endpoints.settings import api as settings_api
from accounts.service.rate_limits import refusal_writer
from commissions.endpoints import api as commissions_api
from core.api import Api, openapi_document, problem_response
from core.api import routes as api_routes
from core.db import tortoise_config
from core.errors import CONNECTION_ERRORS, DatabaseUnavailable, HttpProblem, is_database_unreachable
from core.outbound import UrlRules
from core.plan_writer import PlanWriter
from core.ratelimit import RateLimits
from core.request_body import MAX_BODY, BodyLimit
from core.sealed import Sealer
from core.senders.drivers import senders_for
from notifications.endpoints import api as notifications_api
from payouts.endpoints.balances import api as ledger_api
from payouts.endpoints.batches import api as payouts_api
from payouts.endpoints.withdrawals import api as withdrawals_api
from payouts.export import MAX_RESULT_FILE
from payouts.wallet.endpoints import api as points_api
from referral.endpoints import api as referral_api
from referral.endpoints import public_routes as referral_public_routes
from referral.endpoints.redirect import RedirectFastPath
from referral.service.clicks import ClickRecorder
from relay import pages, shop_events
from relay.application_endpoints import api as applications_api
from relay.endpoints import api as pipeline_api
from relay.notification_endpoints import api as partner_notifications_api
from relay.pages import templating
from relay.partner_endpoints import api as partner_api
from relay.settings import MODEL_MODULES, Settings
from relay.sign_in import authenticate

log = logging.getLogger("relay")

#: Errors a query may end in, answered inside the router too (a FATAL one is an outage: 503).
DATABASE_ERRORS = (asyncpg.exceptions.PostgresError, asyncpg.exceptions.InternalClientError, OperationalError)

#: Where the bank's result file is uploaded (the API's CSV body, the finance console's form)...
RESULT_UPLOAD_PATHS = r"/(api/v1/payout-batches|finance/batches)/[0-9]+/results"
#: ...and how large that request may be: the file, and a form's other fields and boundaries.
MAX_RESULT_UPLOAD = MAX_RESULT_FILE + 64 * 1024

APIS: tuple[Api, ...] = (
    referral_api, settings_api, commissions_api, pipeline_api, payouts_api, ledger_api, points_api, security_api,
    partner_api, applications_api, withdrawals_api, partner_notifications_api, notifications_api,
)


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with contextlib.AsyncExitStack() as stack:
            if settings.manage_database:
                config = tortoise_config(settings.database_url, MODEL_MODULES)
                await stack.enter_async_context(RegisterTortoise(app, config=config))
            limits: RateLimits = app.state.rate_limits
            stack.push_async_callback(app.state.senders.aclose)
            stack.push_async_callback(limits.close)
            await stack.enter_async_context(refusal_writer(limits, settings.rate_limit_flush_seconds))
            recorder = ClickRecorder(
                batch_size=settings.click_batch_size, flush_ms=settings.click_flush_ms,
                max_buffer=settings.click_max_pending,
            )
            app.state.clicks = recorder
            await stack.enter_async_context(recorder)
            plans = PlanWriter(wait_ms=settings.order_group_wait_ms, most=settings.order_group_max)
            app.state.plans = plans
            await stack.enter_async_context(plans)
            if settings.outbox_worker:
                await stack.enter_async_context(_outbox_worker(settings.webhook_url_rules, settings.sealer))
                await stack.enter_async_context(_notify_worker(app.state.senders, settings))
            templating.compile_all()  # the consoles' first requests in this process need not compile
            # What startup made (modules, models, schemas, templates) lives as long as the
            # process: out of the collector's way, every full collection is cheaper (order.created
            # with commissions: 3-5 % less CPU, measured in process).
            gc.collect()
            gc.freeze()
            yield

    # Made here, not in the lifespan: the redirect's fast path reads it from app.state.
    rate_limits = RateLimits(settings.rate_limits, settings.redis_url)
    endpoints = [ep for api in APIS for ep in api.endpoints]
    document = openapi_document(
        endpoints, title="Relay", version=relay.__version__, extra_paths=_documented_public_paths()
    )

    async def openapi(request: Request) -> Response:
        return JSONResponse(document)

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    routes: list[BaseRoute] = [
        *referral_public_routes,  # first: /r/{code} is the hottest path
        Route("/openapi.json", openapi, include_in_schema=False),
        Route("/healthz", health, include_in_schema=False),
        *shop_events.routes,
        *api_routes(endpoints),  # one route per path: a 405's Allow names every method of the path
        *pages.routes(),  # the consoles (relay/pages): /p/, /console/, /finance/
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        # /r/{code} answered before the router (the Route above still documents it); every other
        # request's body bounded before any route reads it (the bank's result file may be larger).
        middleware=[
            Middleware(RedirectFastPath),
            Middleware(BodyLimit, limit=MAX_BODY, larger=[(RESULT_UPLOAD_PATHS, MAX_RESULT_UPLOAD)]),
        ],
        exception_handlers={
            HTTPException: _http_error,
            # Answered inside the router (503 when the database is unreachable, the connection
            # kept alive); `Exception` is the last resort, for errors raised outside it.
            **dict.fromkeys((*CONNECTION_ERRORS, *DATABASE_ERRORS), _unexpected_error),
            Exception: _unexpected_error,
        },
    )
    app.state.settings = settings
    app.state.openapi = document
    app.state.rate_limits = rate_limits
    # The drivers messages to people leave through (core.senders: SMTP or a log, an SMS provider or a log).
    app.state.senders = senders_for(settings.email, settings.sms)
    app.state.authenticate = authenticate
    return app


@contextlib.asynccontextmanager
async def _outbox_worker(rules: UrlRules, sealer: Sealer) -> AsyncIterator[None]:
    """`relay outbox deliver` as a task of this process (RELAY_OUTBOX_WORKER=1), stopped with it."""
    from payouts.outbox_sender import HttpxSender
    from payouts.service.outbox import deliver_forever

    stop = asyncio.Event()
    async with HttpxSender(rules) as sender:
        task = asyncio.create_task(deliver_forever(sender, sealer=sealer, stop=stop))
        try:
            yield
        finally:
            stop.set()
            await task


@contextlib.asynccontextmanager
async def _notify_worker(senders, settings: Settings) -> AsyncIterator[None]:
    """`relay notify deliver` as a task of this process (with the outbox's, RELAY_OUTBOX_WORKER=1)."""
    from relay.notify import deliver_forever

    stop = asyncio.Event()
    task = asyncio.create_task(deliver_forever(senders, secret=settings.secret_key, public_url=settings.public_url,
                                               stop=stop))
    try:
        yield
    finally:
        stop.set()
        await task


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404 and pages.is_page_path(request.url.path):
        return await pages.not_found_page(request)
    title = HTTPStatus(exc.status_code).phrase
    return problem_response(HttpProblem(exc.status_code, title, exc.detail or title), headers=exc.headers)


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    if is_database_unreachable(exc):
        # Not a bug: the database is down or unreachable. The pool reconnects by itself.
        log.warning("database unreachable on %s %s: %r", request.method, request.url.path, exc)
        error = DatabaseUnavailable()
        return problem_response(error, headers=error.headers)
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return JSONResponse(
        {"type": "about:blank", "title": "Internal error", "status": 500, "detail": "unexpected error; it was logged"},
        status_code=500,
        media_type="application/problem+json",
    )


def _documented_public_paths() -> dict:
    """Routes outside /api/v1 that clients use, documented by hand (their bodies are not JSON)."""
    from referral.endpoints import public_openapi

    return public_openapi()
