"""Rate limits: /r/{code} per IP and per link, shop events per IP and per merchant, sign-in attempts.

Refused requests are 429 problem+json with Retry-After, are not recorded as clicks or events,
and are counted per merchant and day in the database (every process adds its counts).
"""

from __future__ import annotations

import contextlib
import socket
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from accounts.models import RateLimitRefusals
from accounts.service import rate_limits as refusals
from core.ratelimit import DEFAULTS, RateLimits, TooManyRequests, check_sign_in, limits_from_env
from referral.models import Click
from relay.app import create_app
from relay.settings import Settings
from tests.factories.events import order_data, send, written
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_link, make_partner

pytestmark = pytest.mark.usefixtures("database_url")

BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1"
REDIS_URL = "redis://127.0.0.1:6379/0"


@contextlib.asynccontextmanager
async def limited_app(database_url: str, **limits: str) -> AsyncIterator:
    """The real app with these limits (the others as configured), its lifespan running."""
    settings = Settings(database_url=database_url, manage_database=False, click_flush_ms=5, rate_limits=limits)
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


def client_from(application, ip: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=application, client=(ip, 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def visit(visitor: httpx.AsyncClient, code: str) -> httpx.Response:
    """A new visitor each time (no cookie), so the 60 s de-duplication does not merge the clicks."""
    visitor.cookies.clear()
    return await visitor.get(f"/r/{code}", headers={"user-agent": BROWSER})


def assert_limited(response: httpx.Response, limit: str) -> None:
    assert response.status_code == 429, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert int(response.headers["retry-after"]) >= 1
    problem = response.json()
    assert {"type", "title", "status", "detail"} <= problem.keys()
    assert problem["status"] == 429 and problem["limit"] == limit


async def counted(merchant_id: int) -> dict[str, int]:
    return {row.limit: row.refused for row in await refusals.refusals(merchant_id)}


# --- /r/{code} -----------------------------------------------------------------------------------


async def test_a_client_past_its_limit_gets_429_and_no_click_is_recorded(database_url):
    m = await make_merchant()
    link = await make_link(await make_partner(m.id))
    async with limited_app(database_url, redirect_ip="3/minute") as application:
        async with client_from(application, "198.51.100.1") as visitor, client_from(application, "198.51.100.2") as other:
            answers = [await visit(visitor, link.code) for _ in range(5)]
            assert [r.status_code for r in answers] == [302, 302, 302, 429, 429]
            assert_limited(answers[3], "redirect_ip")
            assert (await visit(other, link.code)).status_code == 302
        await application.state.clicks.flush()
        assert await Click.filter(merchant_id=m.id, link_id=link.id).count() == 4
        await refusals.flush(application.state.rate_limits)
    assert await counted(m.id) == {"redirect_ip": 2}


async def test_a_link_past_its_limit_gets_429_whatever_the_client(database_url):
    m = await make_merchant()
    link = await make_link(await make_partner(m.id))
    async with limited_app(database_url, redirect_link="2/minute") as application:
        statuses = []
        for n in range(4):
            async with client_from(application, f"198.51.100.{10 + n}") as visitor:
                response = await visit(visitor, link.code)
                statuses.append(response.status_code)
        assert statuses == [302, 302, 429, 429]
        assert_limited(response, "redirect_link")
        await application.state.clicks.flush()
        assert await Click.filter(merchant_id=m.id, link_id=link.id).count() == 2
        await refusals.flush(application.state.rate_limits)
    assert await counted(m.id) == {"redirect_link": 2}


async def test_a_limited_client_trying_unknown_codes_is_counted_for_no_merchant(database_url):
    async with limited_app(database_url, redirect_ip="1/minute") as application:
        async with client_from(application, "198.51.100.30") as visitor:
            assert (await visitor.get("/r/unknown1")).status_code == 404
            assert_limited(await visitor.get("/r/unknown2"), "redirect_ip")
        assert application.state.rate_limits.drain()[0][0] == 0


# --- shop events -----------------------------------------------------------------------------------


async def test_events_past_the_client_limit_are_429_and_nothing_is_written(database_url):
    m = await make_merchant()
    async with limited_app(database_url, events_ip="2/minute") as application:
        async with client_from(application, "198.51.100.40") as shop:
            assert (await send(shop, m, "order.created", order_data())).status_code == 200
            assert (await send(shop, m, "order.created", order_data())).status_code == 200
            before = await written(m.id)
            response = await send(shop, m, "order.created", order_data())
            assert_limited(response, "events_ip")
            assert await written(m.id) == before
        await refusals.flush(application.state.rate_limits)
    assert await counted(m.id) == {"events_ip": 1}


async def test_only_signed_events_use_the_merchants_allowance(database_url):
    """Nobody without the secret can use up a merchant's limit: bad signatures are refused (401)
    before the merchant's limit is counted."""
    m = await make_merchant()
    async with limited_app(database_url, events_merchant="1/minute") as application:
        async with client_from(application, "198.51.100.50") as attacker, client_from(application, "198.51.100.51") as shop:
            for _ in range(3):
                forged = await send(attacker, m, "order.created", order_data(), secret="whsec_" + "A" * 32)
                assert forged.status_code == 401
            assert (await send(shop, m, "order.created", order_data())).status_code == 200
            assert_limited(await send(shop, m, "order.created", order_data()), "events_merchant")
        assert (await written(m.id))["orders"] == 1
        await refusals.flush(application.state.rate_limits)
    assert await counted(m.id) == {"events_merchant": 1}


# --- applications (sign-up through an invite) --------------------------------------------------------


async def test_applications_are_limited_per_ip_then_per_merchant_and_counted(database_url):
    """One IP made 60 pending partners in 3 s before this limit."""
    from referral.models import Partner

    m = await make_merchant()
    inviter = await make_partner(m.id)
    path = f"/api/v1/merchants/{m.id}/applications"
    phones = iter(f"1380013{n:04d}" for n in range(100, 200))

    def body(name: str, code: str = inviter.code) -> dict:
        return {"display_name": name, "kind": "parent", "phone": next(phones), "invite_code": code}

    async with limited_app(database_url, join_ip="2/minute", join_merchant="3/minute") as application:
        async with client_from(application, "198.51.100.70") as one, client_from(application, "198.51.100.71") as other:
            for n in range(2):
                assert (await one.post(path, json=body(f"one {n}"))).status_code == 200
            assert_limited(await one.post(path, json=body("one 3")), "join_ip")
            assert (await other.post(path, json=body("other 1"))).status_code == 200
            assert_limited(await other.post(path, json=body("other 2")), "join_merchant")
        async with client_from(application, "198.51.100.72") as third:
            # An unknown invite uses no merchant's allowance: 404, before the merchant's limit.
            assert (await third.post(path, json=body("x", "NOSUCHCODE"))).status_code == 404
        assert await Partner.filter(merchant_id=m.id).count() == 1 + 3
        await refusals.flush(application.state.rate_limits)
    assert await counted(m.id) == {"join_merchant": 1}  # the IP's refusal: merchant 0 (the path is no proof)
    assert (await counted(0)).get("join_ip", 0) >= 1


# --- counting ----------------------------------------------------------------------------------------


async def test_refusals_of_several_processes_add_up_per_merchant_day_and_limit(client):
    m = await make_merchant()
    first, second = RateLimits({"sign_in_ip": "1/minute"}), RateLimits({"sign_in_ip": "1/minute"})
    for process in (first, second):  # two processes, each with its own memory
        for _ in range(3):
            with contextlib.suppress(TooManyRequests):
                await process.check("sign_in_ip", "198.51.100.60", merchant_id=m.id)
        assert await refusals.flush(process) == 2
    assert await refusals.flush(first) == 0  # nothing twice
    response = await api(client, m, "GET", "/api/v1/rate-limits/refusals")
    assert response.status_code == 200, response.text
    [row] = response.json()["items"]
    assert row["limit"] == "sign_in_ip" and row["refused"] == 4
    other = await make_merchant()
    assert (await api(client, other, "GET", "/api/v1/rate-limits/refusals")).json() == {"items": []}


async def test_refusals_a_failed_write_did_not_keep_are_written_with_the_next_batch(monkeypatch):
    limits = RateLimits({"sign_in_ip": "1/minute"})
    for _ in range(2):
        with contextlib.suppress(TooManyRequests):
            await limits.check("sign_in_ip", "198.51.100.70", merchant_id=424242)

    async def database_away(rows):
        raise ConnectionError("database away")

    monkeypatch.setattr(refusals, "write_refusals", database_away)
    with pytest.raises(ConnectionError):
        await refusals.flush(limits)
    monkeypatch.undo()
    assert await refusals.flush(limits) == 1
    assert await RateLimitRefusals.filter(merchant_id=424242).values_list("refused", flat=True) == [1]
    await RateLimitRefusals.filter(merchant_id=424242).delete()


async def test_the_app_writes_the_refusals_at_shutdown(database_url):
    m = await make_merchant()
    link = await make_link(await make_partner(m.id))
    async with limited_app(database_url, redirect_link="1/minute") as application:
        async with client_from(application, "198.51.100.80") as visitor:
            for _ in range(3):
                await visit(visitor, link.code)
    assert await counted(m.id) == {"redirect_link": 2}


# --- sign-in -----------------------------------------------------------------------------------------


async def test_sign_in_attempts_are_limited_per_identity_whatever_the_ip_and_per_ip():
    limits = RateLimits({"sign_in_identity": "2/minute", "sign_in_ip": "4/minute"})
    await check_sign_in(limits, "192.0.2.1", "Ana@Example.com")
    await check_sign_in(limits, "192.0.2.2", "ana@example.com ")
    with pytest.raises(TooManyRequests) as refused:
        await check_sign_in(limits, "192.0.2.3", "ANA@example.com")
    assert refused.value.status == 429 and refused.value.headers["retry-after"].isdigit()
    await check_sign_in(limits, "192.0.2.3", "bo@example.com")
    await check_sign_in(limits, "192.0.2.3", "cy@example.com")
    await check_sign_in(limits, "192.0.2.3", "di@example.com")
    with pytest.raises(TooManyRequests):
        await check_sign_in(limits, "192.0.2.3", "ed@example.com")


async def test_staff_password_attempts_past_the_limit_get_the_429_page_even_with_the_right_password(database_url):
    from accounts.service.sign_in import create_staff_account
    from tests.pages.conftest import csrf_of

    m = await make_merchant()
    await create_staff_account(m.id, "boss@example.com", "a long enough password", "admin")
    async with limited_app(database_url, sign_in_identity="2/minute") as application:
        async with client_from(application, "198.51.100.110") as browser:
            token = csrf_of((await browser.get("/console/sign-in")).text)

            async def attempt(password: str) -> httpx.Response:
                return await browser.post("/console/sign-in", data={
                    "csrf_token": token, "merchant": str(m.id), "email": "Boss@example.com", "password": password,
                })

            assert [(await attempt("wrong")).status_code for _ in range(2)] == [400, 400]
            refused = await attempt("a long enough password")
            assert refused.status_code == 429 and refused.headers["content-type"].startswith("text/html")
            assert int(refused.headers["retry-after"]) >= 1
        async with client_from(application, "198.51.100.111") as elsewhere:
            token = csrf_of((await elsewhere.get("/console/sign-in")).text)
            other_address = await elsewhere.post("/console/sign-in", data={
                "csrf_token": token, "merchant": str(m.id), "email": "boss@example.com",
                "password": "a long enough password",
            })
            assert other_address.status_code == 429  # the identity is limited, whatever the address
        assert application.state.rate_limits.drain()[0][2] == "sign_in_identity"


# --- configuration -----------------------------------------------------------------------------------


def test_limits_come_from_the_environment_and_can_be_turned_off():
    configured = limits_from_env({"RELAY_RATE_LIMIT_REDIRECT_IP": "10/second", "RELAY_RATE_LIMIT_EVENTS_IP": "off"})
    assert configured["redirect_ip"] == "10/second" and configured["events_ip"] == "off"
    assert configured["redirect_link"] == DEFAULTS["redirect_link"]
    limits = RateLimits(configured)
    assert limits.limits["events_ip"].windows == ()
    with pytest.raises(ValueError, match="RELAY_RATE_LIMIT_REDIRECT_IP"):
        RateLimits({"redirect_ip": "lots"})
    with pytest.raises(ValueError, match="unknown rate limits"):
        RateLimits({"redirect_everything": "1/second"})


async def test_a_limit_turned_off_never_refuses():
    limits = RateLimits({"redirect_ip": "off"})
    assert all([await limits.hit("redirect_ip", "192.0.2.9") is None for _ in range(1000)])


# --- Redis: limits shared by several processes -----------------------------------------------------


def redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


needs_redis = pytest.mark.skipif(not redis_reachable(), reason="Redis is not reachable at 127.0.0.1:6379")


@needs_redis
async def test_with_redis_processes_share_one_window():
    run = uuid.uuid4().hex  # keys no other test run uses
    first, second = (RateLimits({"redirect_ip": "3/minute"}, REDIS_URL, namespace=run) for _ in range(2))
    ip = "192.0.2.20"
    try:
        answers = [await process.hit("redirect_ip", ip) for process in (first, second, first, second)]
        assert answers[:3] == [None, None, None]
        assert answers[3] is not None and 1 <= answers[3] <= 60
    finally:
        await first.close()
        await second.close()


@needs_redis
async def test_with_redis_leases_never_allow_more_than_the_limit_across_processes():
    """A limit of 300 is leased 3 hits at a time: two processes together allow at most 300, and
    at most a lease each (2 unspent hits) fewer."""
    run = uuid.uuid4().hex
    processes = [RateLimits({"redirect_link": "300/minute"}, REDIS_URL, namespace=run) for _ in range(2)]
    try:
        allowed = 0
        for n in range(400):
            allowed += await processes[n % 2].hit("redirect_link", "link-1") is None
        assert 300 - 2 * 2 <= allowed <= 300
    finally:
        for process in processes:
            await process.close()


@needs_redis
async def test_with_redis_a_refused_key_costs_no_round_trip_until_its_window_ends(monkeypatch):
    limits = RateLimits({"sign_in_identity": "2/minute"}, REDIS_URL, namespace=uuid.uuid4().hex)
    try:
        assert [await limits.hit("sign_in_identity", "ana@example.com") for _ in range(2)] == [None, None]
        retry_after = await limits.hit("sign_in_identity", "ana@example.com")
        assert retry_after is not None and 1 <= retry_after <= 60

        async def no_round_trip(*args, **kwargs):
            raise AssertionError("Redis was asked")

        assert limits._shared is not None
        monkeypatch.setattr(limits._shared, "incr", no_round_trip)
        for _ in range(100):
            assert await limits.hit("sign_in_identity", "ana@example.com") is not None
    finally:
        monkeypatch.undo()
        await limits.close()


@needs_redis
async def test_the_redirect_uses_redis_when_configured(database_url):
    m = await make_merchant()
    link = await make_link(await make_partner(m.id))
    settings = Settings(
        database_url=database_url, manage_database=False, click_flush_ms=5,
        redis_url=REDIS_URL, rate_limits={"redirect_link": "1/minute"},
    )
    processes = [create_app(settings), create_app(settings)]
    run = uuid.uuid4().hex  # keys no other test run uses (link ids repeat from run to run)
    for application in processes:
        application.state.rate_limits = RateLimits(settings.rate_limits, REDIS_URL, namespace=run)
    async with contextlib.AsyncExitStack() as stack:
        for application in processes:
            await stack.enter_async_context(application.router.lifespan_context(application))
        statuses = []
        for application in processes:
            async with client_from(application, "198.51.100.90") as visitor:
                statuses.append((await visit(visitor, link.code)).status_code)
        assert statuses == [302, 429]
    assert await counted(m.id) == {"redirect_link": 1}


async def test_without_redis_the_limits_let_requests_through(caplog):
    """Fail open: a limiter outage must not take the redirects down."""
    limits = RateLimits({"redirect_ip": "1/minute"}, "redis://127.0.0.1:1/0")
    try:
        assert [await limits.hit("redirect_ip", "192.0.2.10") for _ in range(3)] == [None, None, None]
    finally:
        await limits.close()
    assert "let through" in caplog.text
