"""The database schema: applying and generating aerich migrations, one history per engine.

aerich writes each step as SQL for the engine it was generated against, so Relay keeps
``migrations/sqlite/`` and ``migrations/postgres/`` side by side and generates a step for
both at once (``make migration NAME=...``). `relay migrate` applies the history of the
engine `RELAY_DATABASE_URL` points at; nothing else ever creates tables.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from aerich import Command
from tortoise import Tortoise

from core.db import APP_LABEL, dialect_of, tortoise_config
from relay.settings import MODEL_MODULES

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"

#: Used only to learn the SQL dialect when generating PostgreSQL steps offline.
POSTGRES_FOR_GENERATION = "postgres://postgres@127.0.0.1:5432/postgres"


def location(url: str) -> Path:
    return MIGRATIONS / dialect_of(url)


def _command(url: str) -> Command:
    return Command(
        tortoise_config=tortoise_config(url, MODEL_MODULES),
        app=APP_LABEL,
        location=str(location(url)),
    )


async def migrate(url: str) -> list[str]:
    """Apply every step of the engine's history not yet applied; returns their file names."""
    command = _command(url)
    try:
        await command.init()
        return await command.upgrade(run_in_transaction=True)
    finally:
        await Tortoise.close_connections()


async def pending_changes(url: str) -> list[str]:
    """The SQL aerich would still have to write to match the models (empty: the history is complete).

    Compares the model state recorded by the last applied step with the models, without
    writing a file; the migration test calls it on a freshly migrated database.
    """
    from aerich.migrate import Migrate
    from aerich.utils import get_models_describe

    command = _command(url)
    try:
        await command.init()
        old = Migrate._last_version_content or {}
        new = get_models_describe(APP_LABEL)
        old, new = Migrate._exclude_model_name_changes(old, new)
        Migrate.upgrade_operators, Migrate.downgrade_operators = [], []
        Migrate.diff_models(old, new, no_input=True)
        Migrate.diff_models(new, old, False, no_input=True)
        Migrate._merge_operators()
        return list(Migrate.upgrade_operators)
    finally:
        await Tortoise.close_connections()


async def make_step(url: str, name: str, *, empty: bool = False) -> str | None:
    """Write the next step for the engine of `url` from the last step's recorded model state
    (`empty`: a step with no SQL, for hand-written statements the models cannot declare)."""
    command = _command(url)
    folder = location(url) / APP_LABEL
    try:
        if not any(folder.glob("*.py")):
            await command.init_migrations(safe=True)
            return sorted(p.name for p in folder.glob("*.py"))[-1]
        await command.init(offline=True)
        return await command.migrate(name, empty=empty, no_input=True, offline=True) or None
    finally:
        await Tortoise.close_connections()


async def server_execute(server_url: str, statement: str) -> None:
    """Run one administrative statement (CREATE/DROP DATABASE) on the PostgreSQL server of
    `server_url`, outside any transaction. Used by tests and benchmarks for scratch databases."""
    import asyncpg

    parts = urlsplit(server_url)
    conn = await asyncpg.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username or "postgres",
        password=parts.password or None, database=parts.path.lstrip("/") or "postgres",
    )
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


def database_url(server_url: str, name: str) -> str:
    """`server_url` pointing at database `name` instead."""
    parts = urlsplit(server_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", ""))


@contextlib.contextmanager
def scratch_database(server_url: str, prefix: str = "relay_bench", *, keep: bool = False) -> Iterator[str]:
    """A new empty database on the PostgreSQL server of `server_url` (named `prefix` and a random
    suffix; the database the URL names is never written to): its URL, dropped afterwards unless
    `keep`. For benchmarks and tools that must not touch a database in use; call it outside an
    event loop (a script's main)."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    asyncio.run(server_execute(server_url, f'CREATE DATABASE "{name}"'))
    try:
        yield database_url(server_url, name)
    finally:
        if not keep:
            asyncio.run(server_execute(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
