"""The port the outbox delivers through: POST a signed body, say what the merchant answered.

`HttpxSender` is the real one; tests use a fake implementing the same call (never the network).
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol

import httpx

from core.outbound import Resolver, UnsafeUrl, UrlRules, destination, system_resolver

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
    """POSTs with httpx to the address `core.outbound` checked: the URL's host is resolved once,
    refused unless public (`rules`), and connected to by that address with the name kept in the
    Host header and TLS SNI (and certificate check), so no second lookup can point it elsewhere.
    A refused URL is a failed attempt, nothing sent. Redirects are not followed (a 3xx is a failed
    attempt: the merchant should set the final URL). Connections are not kept alive: one kept for
    an address could carry a later request for another name on that address. Use as
    ``async with HttpxSender(rules) as sender``."""

    def __init__(
        self, rules: UrlRules = UrlRules(), *, resolve: Resolver = system_resolver,
        transport: httpx.AsyncBaseTransport | None = None, verify: ssl.SSLContext | bool = True,
    ) -> None:
        self.rules, self.resolve = rules, resolve
        self._client = httpx.AsyncClient(
            timeout=TIMEOUT_SECONDS, follow_redirects=False, transport=transport, verify=verify, trust_env=False,
            limits=httpx.Limits(max_keepalive_connections=0), headers={"user-agent": "Relay-Webhooks/1"},
        )

    async def __aenter__(self) -> HttpxSender:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        await self._client.aclose()

    async def __call__(self, url: str, body: bytes, headers: dict[str, str]) -> Answer:
        try:
            checked = await destination(url, self.rules, self.resolve)
        except UnsafeUrl as refused:
            return Answer(None, f"refused: {refused}"[:500])
        sni = {"sni_hostname": checked.host} if checked.scheme == "https" else {}
        try:
            response = await self._client.post(
                checked.connect_url, content=body, headers={**headers, "host": checked.host_header}, extensions=sni,
            )
        except httpx.HTTPError as exc:
            return Answer(None, f"{type(exc).__name__}: {exc}"[:500])
        if 200 <= response.status_code < 300:
            return Answer(response.status_code)
        return Answer(response.status_code, f"HTTP {response.status_code}: {response.text[:200]}")
