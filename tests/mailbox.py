"""Real message servers for tests, in the test process: an SMTP server (aiosmtpd) whose received
mail the test reads back, and an SMS provider (a local HTTP server) recording what it was sent."""

from __future__ import annotations

import asyncio
import email
import email.policy
import json
import re
import threading
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from core.senders.config import EmailConfig, SmsConfig
from tests.servers import free_port


@dataclass
class Received:
    """One message the SMTP server accepted."""

    envelope_to: list[str]
    message: EmailMessage

    @property
    def to(self) -> str:
        return str(self.message["To"])

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    @property
    def text(self) -> str:
        return self.message.get_content()


@dataclass
class Mailbox:
    """An SMTP server on 127.0.0.1:`port` keeping every message (thread-safe)."""

    port: int
    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)  #: recipients answered 550
    logins: list[tuple[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 (aiosmtpd's name)
        if address in self.refuse:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.received.append(Received(list(envelope.rcpt_tos), parsed))  # type: ignore[arg-type]
        return "250 Message accepted"

    def authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        login = (auth_data.login.decode(), auth_data.password.decode())
        self.logins.append(login)
        return AuthResult(success=login == ("relay", "secret"))

    def messages_to(self, address: str) -> list[Received]:
        with self.lock:
            return [m for m in self.received if address in m.envelope_to]

    async def wait_for(self, address: str, *, count: int = 1, within: float = 20) -> list[Received]:
        """The messages to `address` once there are `count` of them (AssertionError after `within` s)."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            found = self.messages_to(address)
            if len(found) >= count:
                return found
            await asyncio.sleep(0.05)
        raise AssertionError(f"{count} message(s) to {address} expected; got {len(self.messages_to(address))}")

    @property
    def env(self) -> dict[str, str]:
        """The settings pointing a `relay serve` at this server."""
        return {"RELAY_EMAIL_DRIVER": "smtp", "RELAY_SMTP_HOST": "127.0.0.1", "RELAY_SMTP_PORT": str(self.port),
                "RELAY_SMTP_SECURITY": "none", "RELAY_EMAIL_FROM": "Relay <no-reply@relay.test>"}


#: The sign-in and application limits off: tests sign in and apply many times from one address.
NO_SIGN_IN_LIMITS = {"code_send_ip": "off", "code_send_identity": "off", "sign_in_ip": "off", "sign_in_identity": "off",
                     "join_ip": "off", "join_merchant": "off"}
#: The SMS templates the test provider knows.
SMS_TEMPLATES = {"sign_in_code": "SMS_SIGN_IN", "payee_change_code": "SMS_PAYEE"}


def messaging_settings(box: Mailbox, provider: SmsProvider) -> dict[str, Any]:
    """Settings sending email to `box` and SMS to `provider` (Settings(**these, ...))."""
    return {
        "email": EmailConfig(driver="smtp", sender="Relay <no-reply@relay.test>", smtp_host="127.0.0.1",
                             smtp_port=box.port, smtp_security="none"),
        "sms": SmsConfig(driver="http", url=provider.url, key_id="k", secret="s", sign_name="茶舍",
                         templates=SMS_TEMPLATES),
    }


def six_digits(text: str) -> str:
    """The one-time code in a message."""
    match = re.search(r"\b(\d{6})\b", text)
    assert match, f"no 6-digit code in {text!r}"
    return match.group(1)


class running_mailbox:
    """``with running_mailbox(auth=False) as box:`` an SMTP server for the block."""

    def __init__(self, *, auth: bool = False) -> None:
        self.box = Mailbox(free_port())
        options: dict[str, Any] = {}
        if auth:
            options = {"authenticator": self.box.authenticate, "auth_require_tls": False}
        self.controller = Controller(self.box, hostname="127.0.0.1", port=self.box.port, **options)

    def __enter__(self) -> Mailbox:
        self.controller.start()
        return self.box

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


@dataclass
class ProviderRequest:
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


class SmsProvider:
    """A template SMS provider on 127.0.0.1: records each POST and answers `status`."""

    def __init__(self) -> None:
        self.requests: list[ProviderRequest] = []
        self.status = 200
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                provider.requests.append(ProviderRequest({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(provider.status)
                self.send_header("content-type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"ok": true}')

            def log_message(self, *args: Any) -> None:  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/send"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> SmsProvider:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
