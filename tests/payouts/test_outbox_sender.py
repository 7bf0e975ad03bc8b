"""The real sender (httpx) against a real receiver on this machine: it connects to the address it
checked, once resolved, with the URL's name in the Host header and TLS SNI (and the certificate
checked for that name), and it sends nothing to an address the rules refuse, however the URL got
stored and whatever a second lookup would have answered.

The receiver is a small HTTP/1.1 server on 127.0.0.1 (TLS with a certificate for
`merchant.test` from a test CA, made by trustme), so delivering to it needs the development rule
(`RELAY_WEBHOOK_ALLOW_INSECURE=1`, `UrlRules(allow_insecure=True)`); names are resolved by a
resolver the test gives the sender, which counts its calls.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
import trustme
from standardwebhooks import Webhook

from core.outbound import UrlRules, system_resolver
from core.time import now
from payouts.outbox_sender import HttpxSender
from payouts.service import outbox

DEVELOPMENT = UrlRules(allow_insecure=True)
NAME = "merchant.test"


@dataclass
class Receiver:
    """What reached the server: each request's head and body, and the TLS SNI of each connection."""

    port: int = 0
    requests: list[tuple[str, dict[str, str], bytes]] = field(default_factory=list)
    server_names: list[str | None] = field(default_factory=list)
    status: int = 204


@contextlib.asynccontextmanager
async def receiver(tls: ssl.SSLContext | None = None) -> AsyncIterator[Receiver]:
    got = Receiver()
    if tls is not None:
        tls.sni_callback = lambda sock, name, context: got.server_names.append(name)

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in head[1:] if line)}
            body = await reader.readexactly(int(headers.get("content-length", 0)))
            got.requests.append((head[0], headers, body))
            writer.write(f"HTTP/1.1 {got.status} X\r\ncontent-length: 0\r\nconnection: close\r\n\r\n".encode())
            await writer.drain()
        finally:
            writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0, ssl=tls)
    got.port = server.sockets[0].getsockname()[1]
    async with server:
        yield got


class Resolver:
    """Resolves names from a table (numeric hosts as the system does) and counts the lookups."""

    def __init__(self, **table: list[str]) -> None:
        self.table, self.calls = table, []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        known = self.table.get(host.replace(".", "_"))
        return known if known is not None else await system_resolver(host, port)


def _signed(body: str) -> dict[str, str]:
    return outbox.signed_headers("whsec_" + "A" * 32, "msg_1", body, now())


async def test_it_connects_to_the_checked_address_once_resolved_with_the_name_as_host():
    resolve = Resolver(merchant_test=["127.0.0.1"])
    async with receiver() as got, HttpxSender(DEVELOPMENT, resolve=resolve) as send:
        answer = await send(f"http://{NAME}:{got.port}/hooks?shop=1", b'{"a": 1}', _signed('{"a": 1}'))
    assert answer.ok, answer
    (line, headers, body), = got.requests
    assert (line, headers["host"], body) == ("POST /hooks?shop=1 HTTP/1.1", f"{NAME}:{got.port}", b'{"a": 1}')
    assert resolve.calls == [NAME]  # one lookup, the sender's own: httpx was given the address


async def test_over_tls_the_name_is_the_sni_and_the_certificate_is_checked_for_it(tmp_path):
    authority = trustme.CA()
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert(NAME).configure_cert(tls)
    trusted = ssl.create_default_context()
    authority.configure_trust(trusted)
    resolve = Resolver(merchant_test=["127.0.0.1"], other_test=["127.0.0.1"])
    async with receiver(tls) as got, HttpxSender(DEVELOPMENT, resolve=resolve, verify=trusted) as send:
        body = '{"type": "payout.line_paid"}'
        answer = await send(f"https://{NAME}:{got.port}/hooks", body.encode(), _signed(body))
        assert answer.ok, answer
        payload = Webhook("whsec_" + "A" * 32).verify(got.requests[0][2], got.requests[0][1])
        assert payload["type"] == "payout.line_paid"
        # Another name on the same address gets its own connection, and the certificate (for
        # merchant.test only) is refused for it: nothing is sent.
        refused = await send(f"https://other.test:{got.port}/hooks", body.encode(), _signed(body))
    assert refused.status is None and "certificate" in (refused.error or "").lower(), refused
    assert got.server_names == [NAME, "other.test"]
    assert got.requests[0][1]["host"] == f"{NAME}:{got.port}" and len(got.requests) == 1


async def test_a_refused_address_is_never_connected_to_however_the_url_was_stored():
    """A URL saved before the rules existed, or a name whose DNS now answers an internal address
    (rebinding after the check at save): the production rules refuse it at delivery."""
    async with receiver() as got:
        rebinding = Resolver(merchant_test=["127.0.0.1"])
        async with HttpxSender(UrlRules(), resolve=rebinding) as send:
            for url in (f"http://127.0.0.1:{got.port}/hooks", f"https://127.0.0.1:{got.port}/hooks",
                        f"https://{NAME}:{got.port}/hooks", f"https://0x7f000001:{got.port}/hooks"):
                answer = await send(url, b"{}", _signed("{}"))
                assert answer.status is None and answer.error.startswith("refused: "), (url, answer)
    assert got.requests == []


async def test_a_redirect_is_a_failed_attempt_and_is_not_followed():
    async with receiver() as got, HttpxSender(DEVELOPMENT, resolve=Resolver(merchant_test=["127.0.0.1"])) as send:
        got.status = 307
        answer = await send(f"http://{NAME}:{got.port}/hooks", b"{}", _signed("{}"))
    assert (answer.ok, answer.status, len(got.requests)) == (False, 307, 1)


@pytest.mark.parametrize("url", ["https://user:pw@merchant.test/hooks", "ftp://merchant.test/hooks"])
async def test_user_info_or_another_scheme_is_refused_before_any_lookup(url):
    resolve = Resolver(merchant_test=["127.0.0.1"])
    async with HttpxSender(DEVELOPMENT, resolve=resolve) as send:
        answer = await send(url, b"{}", _signed("{}"))
    assert answer.error.startswith("refused: ") and resolve.calls == []
