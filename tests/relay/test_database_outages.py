"""Every way PostgreSQL can refuse or end a session answers 503 with Retry-After (problem+json for
the API, the shop's events and the redirect; an HTML page for the consoles), never a 500, and the
server recovers by itself once the database is back.

One test per mode, each on its own database (a clone of a migrated template holding a merchant
and a staff account), with `relay serve` connected as a role that is not a superuser (PostgreSQL
exempts superusers from a database's connection limit):

| mode | SQLSTATE | made by |
|---|---|---|
| the database refuses connections | 55000 | ALTER DATABASE ... ALLOW_CONNECTIONS false |
| the database is missing or renamed | 3D000 | ALTER DATABASE ... RENAME TO ... |
| no connection left | 53300 | ALTER DATABASE ... CONNECTION LIMIT 0 |
| a session ended by an administrator mid-query | 57P01 | pg_terminate_backend while requests wait on a lock |
| the server is shutting down | 57P03 | `pg_ctl stop -m smart` of a PostgreSQL of the test's own (initdb) |

In the first three the server's pooled connections are ended too (pg_terminate_backend while
idle: the pool opens new ones on the next request, and those are refused). PostgreSQL only.
"""

from __future__ import annotations

import asyncio
import contextlib
import glob
import os
import re
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import asyncpg
import httpx
import pytest
import pytest_asyncio

from relay.schema import server_execute
from tests.conftest import run_relay
from tests.factories.events import envelope, order_data, sign
from tests.servers import free_port, start_server

pytestmark = pytest.mark.slow

STAFF_EMAIL, STAFF_PASSWORD = "finance@outage.example", "a long enough password"
#: Tables the server reads first on each kind of request (57P01: they are locked meanwhile).
TABLES = ("api_key", "merchant", "share_link", "partner", "staff_account", "shop_order", "webhook_receipt")


@dataclass
class Seed:
    """The template's merchant: what the clones hold."""

    server_url: str
    role: str
    template: str
    merchant_id: int
    admin_key: str
    webhook_secret: str


def _url(server_url: str, database: str, user: str | None = None) -> str:
    parts = urlsplit(server_url)
    host = f"{parts.hostname or '127.0.0.1'}:{parts.port or 5432}"
    return f"postgres://{user or parts.username or 'postgres'}@{host}/{database}"


def _printed(output: str, label: str) -> str:
    match = re.search(rf"^{label}: (\S+)$", output, re.MULTILINE)
    assert match, output
    return match.group(1)


def _seed(url: str) -> dict[str, str]:
    """Migrate the database and create a merchant and a finance staff account, as an operator does."""
    run_relay("migrate", database_url=url)
    created = run_relay("merchant", "create", "--name", "Outage", "--currency", "CNY", "--domain", "shop.example.com",
                        database_url=url).stdout
    merchant_id = _printed(created, "merchant id")
    run_relay("staff", "create", "--merchant", merchant_id, "--email", STAFF_EMAIL, "--role", "finance",
              "--password", STAFF_PASSWORD, database_url=url)
    return {"merchant_id": merchant_id, "admin_key": _printed(created, "admin key"),
            "webhook_secret": _printed(created, "webhook secret")}


@pytest.fixture(scope="module")
def seed(server_url) -> Seed:
    if server_url is None:
        pytest.skip("database outages need PostgreSQL (set RELAY_TEST_DATABASE_URL)")
    role, template = f"relay_outage_{uuid.uuid4().hex[:8]}", f"relay_test_outage_{uuid.uuid4().hex[:8]}"
    asyncio.run(server_execute(server_url, f'CREATE ROLE "{role}" LOGIN'))
    asyncio.run(server_execute(server_url, f'CREATE DATABASE "{template}" OWNER "{role}"'))
    try:
        made = _seed(_url(server_url, template, role))
        yield Seed(server_url, role, template, int(made["merchant_id"]), made["admin_key"], made["webhook_secret"])
    finally:
        asyncio.run(server_execute(server_url, f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)'))
        for name in asyncio.run(_clones(server_url, template)):
            asyncio.run(server_execute(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        asyncio.run(server_execute(server_url, f'DROP ROLE IF EXISTS "{role}"'))


async def _clones(server_url: str, template: str) -> list[str]:
    connection = await asyncpg.connect(_url(server_url, "postgres"))
    try:
        return [row[0] for row in await connection.fetch("SELECT datname FROM pg_database WHERE datname LIKE $1",
                                                         f"{template}%")]
    finally:
        await connection.close()


class Admin:
    """A superuser connection to the server's maintenance database: what an operator would type."""

    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def run(self, statement: str, *args) -> list:
        return await self.connection.fetch(statement, *args)

    async def end_sessions(self, database: str, *, waiting_on_lock: bool = False) -> int:
        """pg_terminate_backend of every session on `database` (only those waiting on a lock)."""
        lock = " AND wait_event_type = 'Lock'" if waiting_on_lock else ""
        ended = await self.run(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid(){lock}",
            database,
        )
        return len(ended)


@pytest_asyncio.fixture
async def admin(seed) -> AsyncIterator[Admin]:
    connection = await asyncpg.connect(_url(seed.server_url, "postgres"))
    try:
        yield Admin(connection)
    finally:
        await connection.close()


@dataclass
class Served:
    """`relay serve` on one clone, with what each kind of request needs, every kind answered once."""

    http: httpx.AsyncClient
    seed: Seed
    database: str
    cold_code: str  #: a link never requested: the redirect must read it from the database


@contextlib.asynccontextmanager
async def serving(seed: Seed, database_url: str, database: str, servers, log: Path) -> AsyncIterator[Served]:
    port = free_port()
    servers.append(await asyncio.to_thread(start_server, f"{database_url}?maxsize=8", port, log=log))
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
        admin_key = {"authorization": f"Bearer {seed.admin_key}"}
        partner = await http.post("/api/v1/partners", json={"display_name": "Lin"}, headers=admin_key)
        assert partner.status_code == 201, partner.text
        link = await http.post(f"/api/v1/partners/{partner.json()['id']}/links",
                               json={"target_url": "https://shop.example.com/p/1"}, headers=admin_key)
        assert link.status_code == 201, link.text
        sign_in = await http.get(f"/console/sign-in?merchant={seed.merchant_id}")
        token = re.search(r'name="csrf_token" value="([^"]+)"', sign_in.text).group(1)
        signed_in = await http.post("/console/sign-in", data={
            "csrf_token": token, "merchant": str(seed.merchant_id), "email": STAFF_EMAIL, "password": STAFF_PASSWORD,
        })
        assert signed_in.status_code == 303, signed_in.text
        served = Served(http, seed, database, link.json()["code"])
        await _warm(served)
        yield served


@pytest_asyncio.fixture
async def clone(seed) -> AsyncIterator[tuple[str, str]]:
    """A new database copied from the template: (its name, its URL for the server's role)."""
    name = f"{seed.template}_{uuid.uuid4().hex[:6]}"
    await server_execute(seed.server_url, f'CREATE DATABASE "{name}" TEMPLATE "{seed.template}" OWNER "{seed.role}"')
    yield name, _url(seed.server_url, name, seed.role)


Request = Callable[[Served], Awaitable[httpx.Response]]


async def api_call(served: Served) -> httpx.Response:
    return await served.http.get("/api/v1/partners", headers={"authorization": f"Bearer {served.seed.admin_key}"})


async def shop_event(served: Served) -> httpx.Response:
    body = envelope("order.created", order_data())
    return await served.http.post(f"/api/v1/merchants/{served.seed.merchant_id}/events", content=body.encode(),
                                  headers=sign(served.seed.webhook_secret, body))


async def uncached_redirect(served: Served) -> httpx.Response:
    # Answered ahead of the router: its 503 comes from the last-resort handler, which closes the connection.
    return await served.http.get(f"/r/{served.cold_code}", headers={"connection": "close"})


async def console_page(served: Served) -> httpx.Response:
    return await served.http.get("/finance/batches")


REQUESTS: dict[str, Request] = {
    "api": api_call, "events": shop_event, "redirect": uncached_redirect, "page": console_page,
}


def assert_unavailable(kind: str, response: httpx.Response) -> None:
    assert response.status_code == 503, (kind, response.status_code, response.text[:300])
    assert int(response.headers["retry-after"]) > 0, kind
    if kind == "page":
        assert response.headers["content-type"].startswith("text/html")
        assert "Try again in a few seconds" in response.text or "请过几秒钟再试" in response.text
    else:
        assert response.headers["content-type"].startswith("application/problem+json"), kind
        assert response.json()["type"].endswith("/database-unavailable")


async def assert_every_kind_unavailable(served: Served) -> None:
    for kind, request in REQUESTS.items():
        assert_unavailable(kind, await request(served))


async def assert_recovered(served: Served) -> None:
    """Back without a restart: within a few seconds every kind of request is answered again."""
    deadline = time.monotonic() + 15
    while (await api_call(served)).status_code != 200:
        assert time.monotonic() < deadline, "the server did not recover"
        await asyncio.sleep(0.2)
    assert (await uncached_redirect(served)).status_code == 302
    assert (await shop_event(served)).status_code == 200
    assert (await console_page(served)).status_code == 200


async def _warm(served: Served) -> None:
    """Every kind answered once (the pool holds connections now; the cold link stays cold)."""
    for kind, request in REQUESTS.items():
        if kind != "redirect":
            assert (await request(served)).status_code == 200, kind


@pytest.mark.parametrize(
    ("breaks", "mends"),
    [
        pytest.param("ALLOW_CONNECTIONS false", "ALLOW_CONNECTIONS true", id="55000-refusing-connections"),
        pytest.param("CONNECTION LIMIT 0", "CONNECTION LIMIT -1", id="53300-no-connection-left"),
    ],
)
async def test_a_database_refusing_new_sessions_answers_503(seed, admin, clone, servers, tmp_path, breaks, mends):
    name, url = clone
    async with serving(seed, url, name, servers, tmp_path / "server.log") as served:
        await admin.run(f'ALTER DATABASE "{name}" {breaks}')
        await admin.end_sessions(name)
        await assert_every_kind_unavailable(served)
        await admin.run(f'ALTER DATABASE "{name}" {mends}')
        await assert_recovered(served)


async def test_a_missing_or_renamed_database_3d000_answers_503(seed, admin, clone, servers, tmp_path):
    name, url = clone
    async with serving(seed, url, name, servers, tmp_path / "server.log") as served:
        for _ in range(50):  # the pool may open a connection between the two statements: again
            await admin.end_sessions(name)
            with contextlib.suppress(asyncpg.ObjectInUseError):
                await admin.run(f'ALTER DATABASE "{name}" RENAME TO "{name}_gone"')
                break
        else:
            pytest.fail("the database could not be renamed")
        await assert_every_kind_unavailable(served)
        await admin.run(f'ALTER DATABASE "{name}_gone" RENAME TO "{name}"')
        await assert_recovered(served)


async def test_sessions_ended_by_an_administrator_mid_query_57p01_answer_503(seed, admin, clone, servers, tmp_path):
    name, url = clone
    async with serving(seed, url, name, servers, tmp_path / "server.log") as served:
        holder = await asyncpg.connect(_url(seed.server_url, name))
        try:
            # Every kind of request waits on a lock, in flight at once; then its session is ended.
            locking = holder.transaction()
            await locking.start()
            await holder.execute(f"LOCK TABLE {', '.join(TABLES)} IN ACCESS EXCLUSIVE MODE")
            in_flight = {kind: asyncio.create_task(request(served)) for kind, request in REQUESTS.items()}
            deadline = time.monotonic() + 15
            while (await admin.run("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1"
                                   " AND wait_event_type = 'Lock'", name))[0]["n"] < len(in_flight):
                assert time.monotonic() < deadline, "the requests did not reach the database"
                await asyncio.sleep(0.05)
            await admin.end_sessions(name, waiting_on_lock=True)
            for kind, task in in_flight.items():
                assert_unavailable(kind, await task)
            await locking.rollback()
        finally:
            await holder.close()
        await assert_recovered(served)


# --- 57P03: a PostgreSQL of the test's own, shut down while the server uses it --------------------------


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or [shutil.which("initdb") or ""]
    return Path(found[-1]).parent if found[-1] else None


def _as_postgres(*command: str) -> list[str]:
    """Run `command` as the postgres user when this is root (PostgreSQL refuses to run as root)."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)


@contextlib.contextmanager
def own_postgres() -> Iterator:
    bin_dir = _postgres_bin()
    if bin_dir is None or (os.geteuid() == 0 and shutil.which("runuser") is None):
        pytest.skip("needs PostgreSQL's initdb and pg_ctl (and runuser when root)")
    directory = Path(tempfile.mkdtemp(prefix="relay-test-postgres-"))  # not under pytest's root-only folder
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres")
    data, port = directory / "data", free_port()
    subprocess.run(_as_postgres(str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                                "--no-sync"), check=True, capture_output=True)
    options = f"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off"
    pg_ctl = [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(directory / "log")]
    subprocess.run(_as_postgres(*pg_ctl, "-w", "start"), check=True, capture_output=True)
    try:
        yield f"postgres://postgres@127.0.0.1:{port}/postgres", pg_ctl
    finally:
        subprocess.run(_as_postgres(*pg_ctl, "-m", "immediate", "-w", "stop"), capture_output=True)
        shutil.rmtree(directory, ignore_errors=True)


async def _pg_ctl(pg_ctl: list[str], *args: str) -> int:
    done = await asyncio.to_thread(subprocess.run, _as_postgres(*pg_ctl, *args), capture_output=True)
    return done.returncode


async def test_a_server_shutting_down_57p03_answers_503(servers, tmp_path, server_url):
    if server_url is None:
        pytest.skip("database outages need PostgreSQL (set RELAY_TEST_DATABASE_URL)")
    with own_postgres() as (postgres_url, pg_ctl):
        await server_execute(postgres_url, 'CREATE ROLE "relay" LOGIN')
        await server_execute(postgres_url, 'CREATE DATABASE "relay" OWNER "relay"')
        url = _url(postgres_url, "relay", "relay")
        made = await asyncio.to_thread(_seed, url)
        seed = Seed(postgres_url, "relay", "relay", int(made["merchant_id"]), made["admin_key"], made["webhook_secret"])
        async with serving(seed, url, "relay", servers, tmp_path / "server.log") as served:
                # A smart shutdown waits for the sessions open: this one keeps PostgreSQL shutting down,
            # refusing every new connection with 57P03, and ends the server's pooled sessions.
            holder = Admin(await asyncpg.connect(_url(postgres_url, "postgres")))
            await _pg_ctl(pg_ctl, "-m", "smart", "-W", "stop")  # -W: returns at once, shutting down
            try:
                await asyncio.sleep(0.5)
                refused = None
                try:
                    await asyncpg.connect(_url(postgres_url, "relay"))
                except asyncpg.CannotConnectNowError as error:
                    refused = error
                assert refused is not None and refused.sqlstate == "57P03"
                await holder.end_sessions("relay")
                await assert_every_kind_unavailable(served)
            finally:
                await holder.connection.close()
            deadline = time.monotonic() + 30  # the last session gone, the shutdown completes
            while await _pg_ctl(pg_ctl[:3], "status") == 0:
                assert time.monotonic() < deadline, "PostgreSQL did not finish shutting down"
                await asyncio.sleep(0.2)
            assert await _pg_ctl(pg_ctl, "-w", "start") == 0
            await assert_recovered(served)
