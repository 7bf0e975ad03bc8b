"""Errors Relay answers with: one base class, rendered as RFC 9457 problem+json by one handler."""

from __future__ import annotations

from typing import Any, ClassVar


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
