"""The port the outbox delivers through: POST a signed body, say what the merchant answered.

`HttpxSender` is the real one; tests use a fake implementing the same call (never the network).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType
from typing import Protocol

import httpx

#: Seconds an attempt may take; a slower endpoint counts as failed and is retried later.
TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True, slots=True)
class Answer:
    """What one POST got: the HTTP status, or None and `error` when no answer came."""

    status: int | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class Sender(Protocol):
    async def __call__(self, url: str, body: bytes, headers: dict[str, str]) -> Answer: ...


class HttpxSender:
    """POSTs with httpx. Redirects are not followed (a 3xx is a failed attempt: the merchant
    should set the final URL). Use as ``async with HttpxSender() as sender``."""

    def __init__(self, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._client = httpx.AsyncClient(
            timeout=TIMEOUT_SECONDS, follow_redirects=False, transport=transport,
            headers={"user-agent": "Relay-Webhooks/1"},
        )

    async def __aenter__(self) -> HttpxSender:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        await self._client.aclose()

    async def __call__(self, url: str, body: bytes, headers: dict[str, str]) -> Answer:
        try:
            response = await self._client.post(url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            return Answer(None, f"{type(exc).__name__}: {exc}"[:500])
        if 200 <= response.status_code < 300:
            return Answer(response.status_code)
        return Answer(response.status_code, f"HTTP {response.status_code}: {response.text[:200]}")
