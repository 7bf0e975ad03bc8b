"""Database configuration: one Tortoise app (``models``) on SQLite or PostgreSQL.

`RELAY_DATABASE_URL` takes Tortoise URLs: ``sqlite://relay.sqlite3`` (a file in the
working directory) or ``postgres://user@host:5432/dbname``.
"""

from __future__ import annotations

import weakref
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

from tortoise import connections
from tortoise.backends.base.client import TransactionalDBClient
from tortoise.context import get_current_context
from tortoise.transactions import in_transaction

APP_LABEL = "models"
Dialect = Literal["sqlite", "postgres"]


def dialect_of(url: str) -> Dialect:
    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        return "sqlite"
    if scheme in {"postgres", "postgresql", "asyncpg"}:
        return "postgres"
    raise ValueError(f"unsupported database URL scheme {scheme!r}: use sqlite:// or postgres://")


async def _keep_session(connection: Any) -> None:
    """What a pooled PostgreSQL connection needs before reuse, beyond the rollback of a transaction
    left open that asyncpg always does: nothing. asyncpg's default also clears session state
    (session advisory locks, LISTEN, open cursors, SET), one more round trip per transaction on
    every path; Relay leaves no session state behind (its locks are transaction-scoped)."""


def tortoise_config(url: str, model_modules: Sequence[str]) -> dict[str, Any]:
    """The Tortoise/aerich config for `url`, with the project's models and aerich's table."""
    dialect = dialect_of(url)
    if dialect == "postgres":
        parts = urlsplit(url)
        credentials: dict[str, Any] = {
            "host": parts.hostname or "127.0.0.1",
            "port": parts.port or 5432,
            "user": parts.username or "postgres",
            "password": parts.password or "",
            "database": parts.path.lstrip("/") or "postgres",
            "minsize": 1,
            # Connections per process (`?maxsize=N` in the URL): N processes hold up to N times
            # this many, which must fit PostgreSQL's max_connections (or a pooler in front).
            "maxsize": int(parse_qs(parts.query).get("maxsize", ["20"])[0]),
            "reset": _keep_session,
            # PostgreSQL's JIT compiles any statement its planner costs high (a console's
            # aggregate over a few hundred thousand rows): that compiling took seconds, more
            # than the statement itself; Relay's statements are short, so it is off.
            "server_settings": {"jit": "off"},
        }
        connection: dict[str, Any] = {
            "engine": "tortoise.backends.asyncpg",
            "credentials": credentials,
        }
    else:
        path = url.split("://", 1)[1] or "relay.sqlite3"
        connection = {
            "engine": "tortoise.backends.sqlite",
            "credentials": {"file_path": path, "journal_mode": "wal", "foreign_keys": "ON"},
        }
    return {
        "connections": {"default": connection},
        "apps": {
            APP_LABEL: {
                "models": [*model_modules, "aerich.models"],
                "default_connection": "default",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def connection():
    """The default connection (for hand-written SQL on hot or set-based paths)."""
    return connections.get("default")


#: Tortoise context -> the dialect of its default connection, which never changes within one.
_dialects: weakref.WeakKeyDictionary[Any, Dialect] = weakref.WeakKeyDictionary()


def current_dialect() -> Dialect:
    """The engine of the default connection; asked before most hand-written statements, so it
    is kept per Tortoise context (a context's connections are configured once)."""
    context = get_current_context()
    dialect = _dialects.get(context) if context is not None else None
    if dialect is None:
        dialect = "postgres" if connection().capabilities.dialect == "postgres" else "sqlite"
        if context is not None:
            _dialects[context] = dialect
    return dialect


@asynccontextmanager
async def joined_transaction() -> AsyncIterator[Any]:
    """The caller's transaction when one is open, else a new one (`in_transaction()`).

    For hot-path steps that always run inside the event's transaction: Tortoise would open a
    savepoint there, two round trips more, to undo only this step on error. Use it only where
    any error of the step ends the whole transaction anyway.
    """
    current = connection()
    if isinstance(current, TransactionalDBClient):
        yield current
    else:
        async with in_transaction() as opened:
            yield opened
