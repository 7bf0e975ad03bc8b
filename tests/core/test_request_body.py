"""core.request_body: JSON nesting measured exactly (brackets in strings are text), and the body
limit enforced before a tiny inline app reads a byte, from the Content-Length or a chunked body."""

from __future__ import annotations

import json

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from core.errors import MalformedRequest
from core.request_body import MAX_DEPTH, BodyLimit, check_nesting, loads, nesting_depth


def nested(depth: int, leaf: str = "1") -> bytes:
    return ("[" * depth + leaf + "]" * depth).encode()


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        (b"1", 0), (b'"[[[["', 0), (b"[]", 1), (b'{"a": [1, {"b": []}]}', 4), (b"[[],[],[[]]]", 3),
        (rb'{"a": "\"[[[[\\", "b": [[1]]}', 3),  # an escaped quote and a backslash end no string early
        (b'["]]]]", [["{{"]]]', 3),
    ],
)
def test_nesting_depth_counts_arrays_and_objects_not_brackets_inside_strings(text, depth):
    assert nesting_depth(text) == depth


def test_a_document_at_the_limit_is_parsed_and_one_level_more_is_400():
    assert loads(nested(MAX_DEPTH)) == json.loads(nested(MAX_DEPTH))
    with pytest.raises(MalformedRequest, match=f"deeper than {MAX_DEPTH} levels"):
        loads(nested(MAX_DEPTH + 1))


def test_nesting_far_past_the_parsers_recursion_limit_is_400_not_recursion_error():
    for text in (nested(100_000), b'{"a":' * 50_000 + b"1" + b"}" * 50_000):
        with pytest.raises(MalformedRequest):
            check_nesting(text)
        with pytest.raises(MalformedRequest):
            loads(text)


def test_text_that_is_not_json_is_400():
    for text in (b"{", b"\xff", "no"):
        with pytest.raises(MalformedRequest, match="not valid JSON"):
            loads(text)


def _app(limit: int, larger=()) -> tuple[Starlette, list[int]]:
    """An app that reads and counts each body it gets: 'read' stays empty when the limit refused."""
    read: list[int] = []

    async def echo(request: Request) -> JSONResponse:
        read.append(len(await request.body()))
        return JSONResponse({"read": read[-1]})

    routes = [Route("/small", echo, methods=["POST"]), Route("/upload/1", echo, methods=["POST"])]
    return Starlette(routes=routes, middleware=[Middleware(BodyLimit, limit=limit, larger=larger)]), read


async def test_a_body_past_the_limit_is_413_problem_json_before_the_app_reads_it():
    app, read = _app(100, larger=[(r"/upload/[0-9]+", 1000)])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
        assert (await http.post("/small", content=b"x" * 100)).json() == {"read": 100}
        refused = await http.post("/small", content=b"x" * 101)
        assert refused.status_code == 413 and refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["detail"] == "the request body is larger than 100 bytes"

        async def chunks():  # no Content-Length: the limit counts what arrives
            for _ in range(20):
                yield b"x" * 10

        chunked = await http.post("/small", content=chunks())
        assert chunked.status_code == 413
        assert (await http.post("/upload/1", content=b"x" * 1000)).json() == {"read": 1000}
        assert (await http.post("/upload/1", content=b"x" * 1001)).status_code == 413
    assert read == [100, 1000]
