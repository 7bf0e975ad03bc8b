"""PostgreSQL out of reach for 5 seconds while `relay serve` works: requests are answered 503 with a
Retry-After (problem+json), nothing is half-written, and the server recovers by itself when the
database is back (asyncpg's pool reconnects; no restart).

The shared PostgreSQL server is never stopped: the server under test reaches it through a small
TCP proxy in this test, which cuts every connection (and refuses new ones) for the outage.
PostgreSQL only: SQLite has no connection to lose.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest

from referral.models import Click, Order
from tests.factories.events import envelope, order_data, sign
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_link, make_partner
from tests.servers import free_port, start_server

pytestmark = pytest.mark.slow

OUTAGE_SECONDS = 5.0


class CuttableProxy:
    """Forwards TCP connections to PostgreSQL until `cut()`: then it aborts every open connection
    and refuses (accepts and resets) new ones until `restore()`."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.is_cut = False
        self._open: set[asyncio.StreamWriter] = set()
        self._server: asyncio.Server | None = None

    async def start(self) -> int:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        self.cut()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    def cut(self) -> None:
        self.is_cut = True
        for writer in list(self._open):
            writer.transport.abort()
        self._open.clear()

    def restore(self) -> None:
        self.is_cut = False

    async def _serve(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        if self.is_cut:
            client_writer.transport.abort()
            return
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.target)
        except OSError:
            client_writer.transport.abort()
            return
        self._open |= {client_writer, server_writer}
        try:
            await asyncio.gather(_pipe(client_reader, server_writer), _pipe(server_reader, client_writer))
        finally:
            for writer in (client_writer, server_writer):
                self._open.discard(writer)
                writer.transport.abort()


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(OSError, asyncio.IncompleteReadError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    writer.transport.abort()  # one side gone: the other goes too


def _through(database_url: str, port: int) -> str:
    parts = urlsplit(database_url)
    netloc = parts.netloc.rsplit("@", 1)
    host = f"127.0.0.1:{port}"
    return urlunsplit(parts._replace(netloc=f"{netloc[0]}@{host}" if len(netloc) == 2 else host))


async def _send_event(http: httpx.AsyncClient, merchant, body: str, webhook_id: str) -> httpx.Response:
    """POST a shop event; a retry sends the same body under the same webhook-id (newly signed)."""
    return await http.post(f"/api/v1/merchants/{merchant.id}/events", content=body.encode(),
                           headers=sign(merchant.webhook_secret, body, webhook_id=webhook_id))


def _order(external_id: str) -> str:
    return envelope("order.created", order_data(external_id))


def _assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, (response.status_code, response.text)
    assert response.headers["content-type"].startswith("application/problem+json")
    assert int(response.headers["retry-after"]) > 0
    problem = response.json()
    assert problem["type"].endswith("/database-unavailable") and problem["status"] == 503 and problem["detail"]


async def test_a_five_second_database_outage_answers_503_with_retry_after_and_recovers_by_itself(
    servers, database_url, dialect, tmp_path
):
    if dialect != "postgres":
        pytest.skip("connection loss needs PostgreSQL (set RELAY_TEST_DATABASE_URL)")
    m = await make_merchant()
    partner = await make_partner(m.id)
    warm, cold = await make_link(partner), await make_link(partner)
    target = urlsplit(database_url)
    proxy = CuttableProxy(target.hostname or "127.0.0.1", target.port or 5432)
    proxy_port = await proxy.start()
    port = free_port()
    try:
        # Started in a thread: the proxy it connects through runs on this test's event loop.
        servers.append(await asyncio.to_thread(
            start_server, f"{_through(database_url, proxy_port)}?maxsize=4", port, log=tmp_path / "server.log",
            RELAY_CLICK_FLUSH_MS="20",
        ))
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            admin = m.auth("admin")
            assert (await http.get("/api/v1/partners", headers=admin)).status_code == 200
            assert (await http.get(f"/r/{warm.code}")).status_code == 302  # the link is now cached
            assert (await _send_event(http, m, _order("BEFORE"), "msg_before")).status_code == 200

            proxy.cut()
            refused: list[httpx.Response] = []
            bodies: list[str] = []
            redirected = 0
            deadline = time.monotonic() + OUTAGE_SECONDS
            n = 0
            while time.monotonic() < deadline:
                n += 1
                refused.append(await http.get("/api/v1/partners", headers=admin))
                bodies.append(_order(f"DURING-{n}"))
                refused.append(await _send_event(http, m, bodies[-1], f"msg_during_{n}"))
                # Not cached: needs the database. The redirect is answered ahead of the router, so its
                # 503 comes from the last-resort handler, which closes the connection after it.
                refused.append(await http.get(f"/r/{cold.code}", headers={"connection": "close"}))
                # A cached link still redirects (until its 5 s in the cache are up); its click waits in
                # memory for the database.
                http.cookies.clear()  # a new visitor each time: no repeat to de-duplicate
                cached = await http.get(f"/r/{warm.code}", headers={"connection": "close"})
                if cached.status_code == 302:
                    redirected += 1
                else:
                    _assert_unavailable(cached)
                await asyncio.sleep(0.1)
            assert n >= 5 and redirected >= 1
            for response in refused:
                _assert_unavailable(response)
            proxy.restore()

            # Recovery without a restart: the first request after the outage may still find a dead
            # pooled connection; within a few seconds everything answers again.
            deadline = time.monotonic() + 15
            while (await http.get("/api/v1/partners", headers=admin)).status_code != 200:
                assert time.monotonic() < deadline, "the server did not recover after the outage"
                await asyncio.sleep(0.2)
            assert (await http.get(f"/r/{cold.code}")).status_code == 302
            # The shop retries what got a 503, under the same webhook-id: each order lands once,
            # and a second retry is answered from the receipt.
            retried = [await _send_event(http, m, body, f"msg_during_{k}") for k, body in enumerate(bodies, 1)]
            assert {response.status_code for response in retried} == {200}, retried[0].text
            again = await _send_event(http, m, bodies[0], "msg_during_1")
            assert (again.status_code, again.json()) == (200, retried[0].json())

            externals = await Order.filter(merchant_id=m.id).values_list("external_id", flat=True)
            assert sorted(externals) == sorted(["BEFORE", *(f"DURING-{k}" for k in range(1, n + 1))])
            # The clicks of the outage were kept in memory and written once the database was back
            # (the flush retries with backoff, at most 5 s apart).
            deadline = time.monotonic() + 15
            while await Click.filter(merchant_id=m.id, link_id=warm.id).count() < 1 + redirected:
                assert time.monotonic() < deadline, "clicks taken during the outage were not written after it"
                await asyncio.sleep(0.2)
            assert await Click.filter(merchant_id=m.id, link_id=warm.id).count() == 1 + redirected
    finally:
        await proxy.close()
