"""Errors Relay answers with: one base class, rendered as RFC 9457 problem+json by one handler."""

from __future__ import annotations

from typing import Any, ClassVar

import asyncpg
from tortoise.exceptions import DBConnectionError


class RelayError(Exception):
    """Base of every error a request may end in; subclasses set `status` and `title`."""

    status: ClassVar[int] = 400
    title: ClassVar[str] = "Bad request"
    #: Short slug appended to the problem type URI.
    slug: ClassVar[str] = "bad-request"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra

    @property
    def type(self) -> str:
        return f"https://relay.dev/problems/{self.slug}"

    def problem(self) -> dict[str, Any]:
        body = {"type": self.type, "title": self.title, "status": self.status, "detail": self.detail}
        body.update(self.extra)
        return body


class InvalidInput(RelayError):
    """The request is well-formed JSON but a value is wrong; `errors` names the fields."""

    status = 422
    title = "Invalid input"
    slug = "invalid-input"

    def __init__(self, detail: str, errors: list[dict[str, str]] | None = None) -> None:
        super().__init__(detail, errors=errors or [])


class MalformedRequest(RelayError):
    status = 400
    title = "Malformed request"
    slug = "malformed-request"


class Unauthorized(RelayError):
    status = 401
    title = "Unauthorized"
    slug = "unauthorized"


class Forbidden(RelayError):
    status = 403
    title = "Forbidden"
    slug = "forbidden"


class NotFound(RelayError):
    status = 404
    title = "Not found"
    slug = "not-found"


class Conflict(RelayError):
    status = 409
    title = "Conflict"
    slug = "conflict"


class ServiceUnavailable(RelayError):
    status = 503
    title = "Service unavailable"
    slug = "service-unavailable"


class HttpProblem(RelayError):
    """A framework-level error (unknown route, wrong method) rendered like every other problem."""

    def __init__(self, status: int, title: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status  # type: ignore[misc]
        self.title = title  # type: ignore[misc]
        self.slug = title.lower().replace(" ", "-")  # type: ignore[misc]


class DatabaseUnavailable(ServiceUnavailable):
    """The database could not be reached (connection refused, reset or lost mid-request, or no
    connection left on the server). The request's transaction did not commit, unless the
    connection died during the COMMIT itself; retrying is safe where retries are (shop events
    are idempotent per webhook-id)."""

    slug = "database-unavailable"
    #: Seconds a client should wait before retrying.
    retry_after = 5

    def __init__(self) -> None:
        super().__init__("the database is unreachable at the moment; retry shortly")

    @property
    def headers(self) -> dict[str, str]:
        return {"retry-after": str(self.retry_after)}


class SecretUnreadable(ServiceUnavailable):
    """A webhook secret sealed under a server secret this server is not given (core.sealed):
    the operator's to mend (list the old one in RELAY_PREVIOUS_SECRET_KEYS); the shop retries."""

    slug = "secret-unreadable"
    retry_after = 60

    def __init__(self) -> None:
        super().__init__("the merchant's webhook secret cannot be opened on this server; retry later")

    @property
    def headers(self) -> dict[str, str]:
        return {"retry-after": str(self.retry_after)}


#: Exceptions that may mean the database connection was refused, reset, timed out or lost.
CONNECTION_ERRORS: tuple[type[BaseException], ...] = (
    OSError,  # refused, reset, broken pipe, unreachable host; TimeoutError is one too
    DBConnectionError,
    asyncpg.exceptions.InterfaceError,  # ConnectionDoesNotExistError: closed in the middle of an operation
    asyncpg.exceptions.PostgresConnectionError,  # SQLSTATE class 08
    asyncpg.exceptions.CannotConnectNowError,  # the server is starting or shutting down
    asyncpg.exceptions.TooManyConnectionsError,  # max_connections reached: no connection to be had
    asyncpg.exceptions.AdminShutdownError,
    asyncpg.exceptions.CrashShutdownError,
)


def is_database_unreachable(exc: BaseException) -> bool:
    """Whether `exc`, or an exception it was raised from or while handling, says the database
    connection was refused, reset, timed out or lost (rather than that a query was wrong): a
    connection error, or any error the server sent as FATAL (it ends the session; while
    connecting: the database does not exist or was renamed (3D000), refuses connections (55000),
    has no connection left (53300), is starting or shutting down (57P03); later: an
    administrator or the server's shutdown ended it (57P01))."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, asyncpg.exceptions.PostgresError) and _ends_the_session(current):
            return True
        if isinstance(current, asyncpg.exceptions.InterfaceError):
            # Most InterfaceErrors are misuse; these two are a connection that is gone.
            if isinstance(current, asyncpg.exceptions.ConnectionDoesNotExistError) or "connection is closed" in str(
                current
            ):
                return True
        elif isinstance(current, CONNECTION_ERRORS):
            return True
        elif isinstance(current, asyncpg.exceptions.InternalClientError) and "cannot switch to state" in str(current):
            # A pooled connection the server ended while idle, handed out before asyncpg read the
            # end of its socket: its protocol still waits on the FATAL error the server sent.
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _ends_the_session(error: asyncpg.exceptions.PostgresError) -> bool:
    """PostgreSQL sends FATAL (or PANIC) for an error after which the session is gone; a wrong
    query is an ERROR. `severity_en` is never translated (lc_messages)."""
    severity = getattr(error, "severity_en", None) or getattr(error, "severity", None)
    return severity in ("FATAL", "PANIC")
