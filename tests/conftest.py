"""Test harness: one real database per run (SQLite file, or PostgreSQL when
RELAY_TEST_DATABASE_URL is set), migrated by the real `relay migrate`, and the real ASGI app.

Every test creates its own merchant, so tests share the database without seeing each other:
tenancy is the isolation, as in production.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from tortoise import Tortoise

from core.db import dialect_of, tortoise_config
from relay.app import create_app
from relay.schema import database_url as database_url_on
from relay.schema import server_execute
from relay.settings import MODEL_MODULES, Settings

ROOT = Path(__file__).resolve().parent.parent


def run_relay(
    *args: str, database_url: str, check: bool = True, **settings: str
) -> subprocess.CompletedProcess[str]:
    """Run the real `relay` command line against `database_url`; `settings` adds RELAY_* variables."""
    env = {**os.environ, "RELAY_DATABASE_URL": database_url, **settings}
    done = subprocess.run([sys.executable, "-m", "relay", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if check and done.returncode != 0:  # say why: a bare CalledProcessError hides the command's stderr
        raise AssertionError(f"relay {' '.join(args)} exited {done.returncode}:\n{done.stderr}{done.stdout}")
    return done


async def create_postgres_database(server_url: str, name: str) -> str:
    await server_execute(server_url, f'DROP DATABASE IF EXISTS "{name}"')
    await server_execute(server_url, f'CREATE DATABASE "{name}"')
    return database_url_on(server_url, name)


async def drop_postgres_database(server_url: str, name: str) -> None:
    await server_execute(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def server_url() -> str | None:
    """The PostgreSQL server to test against, or None for SQLite."""
    return os.environ.get("RELAY_TEST_DATABASE_URL") or None


@pytest.fixture(scope="session")
def fresh_database_url(server_url, tmp_path_factory):
    """A factory of empty databases of the engine under test (cleaned up at the end)."""
    created: list[str] = []

    async def make(label: str) -> str:
        if server_url is None:
            return f"sqlite://{tmp_path_factory.mktemp(label) / 'relay.sqlite3'}"
        name = f"relay_test_{label}_{uuid.uuid4().hex[:8]}"
        created.append(name)
        return await create_postgres_database(server_url, name)

    yield make
    for name in created:
        asyncio.run(drop_postgres_database(server_url, name))


@pytest_asyncio.fixture(scope="session")
async def database_url(fresh_database_url) -> AsyncIterator[str]:
    """The run's database: created empty, migrated by `relay migrate`, Tortoise initialised on it."""
    url = await fresh_database_url("main")
    result = run_relay("migrate", database_url=url, check=False)
    assert result.returncode == 0, result.stderr
    await Tortoise.init(config=tortoise_config(url, MODEL_MODULES), _enable_global_fallback=True)
    yield url
    await Tortoise.close_connections()


@pytest.fixture(scope="session")
def dialect(database_url) -> str:
    return dialect_of(database_url)


@contextlib.asynccontextmanager
async def running(settings: Settings) -> AsyncIterator:
    """The real application with `settings`, its lifespan running."""
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


@contextlib.asynccontextmanager
async def asgi_client(application, ip: str = "203.0.113.7") -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client of `application` in process, calling from `ip` (its own cookies)."""
    transport = httpx.ASGITransport(app=application, client=(ip, 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest_asyncio.fixture(scope="session")
async def app(database_url):
    """The real application, its lifespan running, on the test database."""
    async with running(Settings(database_url=database_url, manage_database=False, click_flush_ms=5)) as application:
        yield application


@pytest_asyncio.fixture
async def client(app) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(app) as http:
        yield http


@pytest.fixture
def servers():
    """Processes a test starts (tests/servers.py); whatever still runs at the end is stopped."""
    from tests.servers import stop

    started: list[subprocess.Popen] = []
    yield started
    for process in started:
        stop(process)


@pytest.fixture(scope="session")
def mailbox():
    """A real SMTP server in this process for the run (tests/mailbox.py); read what it received."""
    from tests.mailbox import running_mailbox

    with running_mailbox() as box:
        yield box


@pytest.fixture(scope="session")
def sms_provider():
    """A template SMS provider (a local HTTP server) for the run, recording every request."""
    from tests.mailbox import SmsProvider

    with SmsProvider() as provider:
        yield provider


@pytest_asyncio.fixture(scope="session")
async def messaging_app(database_url, mailbox, sms_provider):
    """The real application sending email to `mailbox` and SMS to `sms_provider`, sign-in limits off."""
    from tests.mailbox import NO_SIGN_IN_LIMITS, messaging_settings

    settings = Settings(database_url=database_url, manage_database=False, click_flush_ms=5,
                        rate_limits=NO_SIGN_IN_LIMITS, **messaging_settings(mailbox, sms_provider))
    async with running(settings) as application:
        yield application


@pytest_asyncio.fixture
async def messaging_client(messaging_app) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client of `messaging_app` (its own cookies)."""
    async with asgi_client(messaging_app, "198.51.100.20") as http:
        yield http
