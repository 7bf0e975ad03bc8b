"""Request bodies: bounded in size before the app reads them, and JSON bounded in nesting.

`BodyLimit` (ASGI middleware) refuses a body past its limit with 413 before any route runs,
from the Content-Length or while reading a chunked body. `loads` is the only way a JSON body is
parsed: a document nested deeper than `MAX_DEPTH` is 400 before the parser sees it (Python's
parser, and every recursive walk after it, would otherwise end in RecursionError: a 500).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.errors import HttpProblem, MalformedRequest

#: The largest body a request may carry unless its path has a larger limit (`BodyLimit.larger`).
MAX_BODY = 1_000_000
#: Deepest nesting of arrays and objects a JSON body may have; Relay's deepest document (a rule
#: set: content.rules[].reward.tiers[]) nests 5 levels.
MAX_DEPTH = 32

#: A JSON string (brackets inside one are text, not nesting).
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_METHODS_WITHOUT_BODY = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def nesting_depth(raw: bytes) -> int:
    """How deep arrays and objects nest in the JSON text `raw` (0 for a scalar). Text that is not
    JSON gets some number; the parser refuses it afterwards."""
    brackets = _STRING.sub(b"", raw).translate(None, _NOT_BRACKET)
    depth = deepest = 0
    for byte in brackets:
        if byte in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def check_nesting(raw: bytes) -> None:
    """`MalformedRequest` (400) when `raw` nests deeper than `MAX_DEPTH`. Cheap for ordinary
    bodies: fewer brackets than the limit cannot nest past it, and are not even scanned."""
    if raw.count(b"[") + raw.count(b"{") > MAX_DEPTH and nesting_depth(raw) > MAX_DEPTH:
        raise MalformedRequest(f"the request body nests arrays and objects deeper than {MAX_DEPTH} levels")


def loads(raw: bytes | str) -> Any:
    """The JSON document in `raw`; `MalformedRequest` (400) when it is not JSON or nests too deep."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    check_nesting(data)
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise MalformedRequest(f"the request body is not valid JSON: {exc}") from None


def too_large(limit: int) -> HttpProblem:
    return HttpProblem(413, "Content too large", f"the request body is larger than {limit} bytes")


class BodyLimit:
    """ASGI middleware: a request body past its path's limit is answered 413 problem+json before
    the app runs (the app never sees a byte of it). `larger`: (path pattern, limit) pairs for the
    paths that take more than `limit` (file uploads); the first match wins."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY, larger: Iterable[tuple[str, int]] = ()) -> None:
        self.app = app
        self.limit = limit
        self.larger = [(re.compile(pattern), size) for pattern, size in larger]

    def limit_for(self, path: str) -> int:
        for pattern, size in self.larger:
            if pattern.fullmatch(path):
                return size
        return self.limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in _METHODS_WITHOUT_BODY:
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse(send, limit)
            return
        body, more = bytearray(), True
        while more:
            message = await receive()
            if message["type"] != "http.request":  # the client went away: let the app find out
                await self.app(scope, _replay([message], receive), send)
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > limit:
                await _refuse(send, limit)
                return
        await self.app(scope, _replay([{"type": "http.request", "body": bytes(body)}], receive), send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A `receive` that gives `messages` first, then whatever the server sends (a disconnect)."""
    pending = list(messages)

    async def replay() -> Message:
        return pending.pop(0) if pending else await receive()

    return replay


async def _refuse(send: Send, limit: int) -> None:
    body = json.dumps(too_large(limit).problem()).encode()
    await send({"type": "http.response.start", "status": 413, "headers": [
        (b"content-type", b"application/problem+json"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]})
    await send({"type": "http.response.body", "body": body})
