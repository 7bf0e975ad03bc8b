"""Email drivers: SMTP (production), and a log for development."""

from __future__ import annotations

import logging
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

import aiosmtplib

from core.senders import Email, SendFailed
from core.senders.config import EmailConfig

log = logging.getLogger("relay.senders")


def mime(message: Email, sender: str) -> EmailMessage:
    """`message` as a MIME message (UTF-8 plain text) from `sender`."""
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = message.to
    mail["Subject"] = message.subject
    mail["Date"] = formatdate(localtime=False)
    mail["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].rstrip(">") or None)
    mail.set_content(message.text, charset="utf-8")
    return mail


class LogEmail:
    """Development: the message is written to the log (logger ``relay.senders``), not sent."""

    async def send_email(self, message: Email) -> None:
        log.info("email to %s: %s\n%s", message.to, message.subject, message.text)


class SmtpEmail:
    """Sends each message over one SMTP connection (STARTTLS, implicit TLS or plain, and
    authentication when a user name is configured)."""

    def __init__(self, config: EmailConfig) -> None:
        self.config = config

    async def send_email(self, message: Email) -> None:
        config = self.config
        try:
            await aiosmtplib.send(
                mime(message, config.sender),
                hostname=config.smtp_host,
                port=config.smtp_port,
                username=config.smtp_username or None,
                password=config.smtp_password or None,
                use_tls=config.smtp_security == "tls",
                start_tls=True if config.smtp_security == "starttls" else False,
                timeout=config.timeout_seconds,
            )
        except aiosmtplib.SMTPRecipientsRefused as exc:
            raise SendFailed(f"the SMTP server refused {message.to}: {exc}", permanent=True) from None
        except aiosmtplib.SMTPResponseException as exc:
            # 5xx: the server will not take this message; 4xx: a temporary refusal.
            raise SendFailed(f"SMTP {exc.code}: {exc.message}", permanent=500 <= exc.code < 600) from None
        except (aiosmtplib.SMTPException, OSError) as exc:
            raise SendFailed(f"SMTP: {type(exc).__name__}: {exc}") from None
