"""SMS drivers: a log for development, and an HTTP driver for template-based providers.

The HTTP driver POSTs one JSON request per message to the configured URL::

    {"phone": "+8613800138000", "sign_name": "...", "template_id": "SMS_123", "params": {"code": "123456"}}

signed with the provider secret: ``x-relay-key`` (the key id), ``x-relay-timestamp`` (Unix
seconds), ``x-relay-nonce`` and ``x-relay-signature: v1=<hex HMAC-SHA256 of
"<timestamp>.<nonce>.<body>">``. A 2xx answer is delivered; 4xx (but 408 and 429) will not
succeed by retrying; anything else (5xx, 408, 429, no answer) may.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import time

import httpx

from core.senders import SendFailed, Sms
from core.senders.config import SmsConfig

log = logging.getLogger("relay.senders")


def signature(secret: str, timestamp: str, nonce: str, body: bytes) -> str:
    """The ``x-relay-signature`` of a request (the provider checks it the same way)."""
    signed = timestamp.encode() + b"." + nonce.encode() + b"." + body
    return "v1=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


class LogSms:
    """Development: the message is written to the log (logger ``relay.senders``), not sent."""

    async def send_sms(self, message: Sms) -> None:
        log.info("sms to %s (%s): %s", message.to, message.template, message.text)


class HttpTemplateSms:
    """A template-based SMS provider behind one signed HTTP endpoint."""

    def __init__(self, config: SmsConfig, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.config = config
        self._client = httpx.AsyncClient(
            timeout=config.timeout_seconds, follow_redirects=False, transport=transport,
            headers={"user-agent": "Relay-SMS/1"},
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def send_sms(self, message: Sms) -> None:
        config = self.config
        template_id = config.templates.get(message.template)
        if template_id is None:
            raise SendFailed(f"no SMS template is configured for {message.template!r}", permanent=True)
        body = json.dumps(
            {"phone": message.to, "sign_name": config.sign_name, "template_id": template_id,
             "params": dict(message.params)},
            ensure_ascii=False, separators=(",", ":"),
        ).encode()
        timestamp, nonce = str(int(time.time())), secrets.token_hex(12)
        headers = {
            "content-type": "application/json",
            "x-relay-key": config.key_id,
            "x-relay-timestamp": timestamp,
            "x-relay-nonce": nonce,
            "x-relay-signature": signature(config.secret, timestamp, nonce, body),
        }
        try:
            answer = await self._client.post(config.url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise SendFailed(f"SMS provider: {type(exc).__name__}: {exc}") from None
        if 200 <= answer.status_code < 300:
            return
        permanent = 400 <= answer.status_code < 500 and answer.status_code not in (408, 429)
        raise SendFailed(f"SMS provider answered {answer.status_code}: {answer.text[:200]}", permanent=permanent)
