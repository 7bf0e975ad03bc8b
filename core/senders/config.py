"""Which drivers send messages, and their settings, read from the environment (RELAY_EMAIL_*,
RELAY_SMTP_*, RELAY_SMS_*). A bad setting stops the start with a message naming it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

#: The From address when none is configured.
DEFAULT_SENDER = "Relay <no-reply@localhost>"


class SenderConfigError(ValueError):
    """A messaging setting is missing or wrong (the message names the variable)."""


@dataclass(frozen=True, slots=True)
class EmailConfig:
    #: "log" (development: written to the log) or "smtp"
    driver: str = "log"
    #: the From address, e.g. "Relay <no-reply@example.com>"
    sender: str = DEFAULT_SENDER
    smtp_host: str = ""
    smtp_port: int = 587
    #: "starttls" (port 587), "tls" (implicit TLS, port 465) or "none" (a local relay only)
    smtp_security: str = "starttls"
    smtp_username: str = ""
    smtp_password: str = field(default="", repr=False)
    timeout_seconds: float = 10.0


@dataclass(frozen=True, slots=True)
class SmsConfig:
    #: "log" (development: written to the log) or "http" (a template-based provider)
    driver: str = "log"
    url: str = ""
    key_id: str = ""
    secret: str = field(default="", repr=False)
    #: the provider's 签名 (signature name) shown before each message
    sign_name: str = ""
    #: message kind -> the provider's template id
    templates: Mapping[str, str] = field(default_factory=dict)
    timeout_seconds: float = 10.0


def _choice(environ: Mapping[str, str], name: str, default: str, allowed: tuple[str, ...]) -> str:
    value = environ.get(name, default).strip().lower() or default
    if value not in allowed:
        raise SenderConfigError(f"{name}: {value!r} is not one of {', '.join(allowed)}")
    return value


def _number(environ: Mapping[str, str], name: str, default: float) -> float:
    try:
        return float(environ.get(name, default))
    except ValueError:
        raise SenderConfigError(f"{name}: {environ[name]!r} is not a number") from None


def templates_of(text: str) -> dict[str, str]:
    """``"sign_in_code=SMS_1,application_approved=SMS_2"`` as a mapping."""
    found: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        kind, sep, template_id = part.partition("=")
        if not sep or not kind.strip() or not template_id.strip():
            raise SenderConfigError(f"RELAY_SMS_TEMPLATES: {part.strip()!r} is not like kind=TEMPLATE_ID")
        found[kind.strip()] = template_id.strip()
    return found


def email_config_from_env(environ: Mapping[str, str] = os.environ) -> EmailConfig:
    host = environ.get("RELAY_SMTP_HOST", "").strip()
    driver = _choice(environ, "RELAY_EMAIL_DRIVER", "smtp" if host else "log", ("log", "smtp"))
    config = EmailConfig(
        driver=driver,
        sender=environ.get("RELAY_EMAIL_FROM", DEFAULT_SENDER).strip(),
        smtp_host=host,
        smtp_port=int(_number(environ, "RELAY_SMTP_PORT", 587)),
        smtp_security=_choice(environ, "RELAY_SMTP_SECURITY", "starttls", ("starttls", "tls", "none")),
        smtp_username=environ.get("RELAY_SMTP_USERNAME", ""),
        smtp_password=environ.get("RELAY_SMTP_PASSWORD", ""),
        timeout_seconds=_number(environ, "RELAY_SMTP_TIMEOUT_SECONDS", 10.0),
    )
    if driver == "smtp" and not host:
        raise SenderConfigError("RELAY_SMTP_HOST: required with RELAY_EMAIL_DRIVER=smtp")
    return config


def sms_config_from_env(environ: Mapping[str, str] = os.environ) -> SmsConfig:
    driver = _choice(environ, "RELAY_SMS_DRIVER", "log", ("log", "http"))
    config = SmsConfig(
        driver=driver,
        url=environ.get("RELAY_SMS_URL", "").strip(),
        key_id=environ.get("RELAY_SMS_KEY_ID", "").strip(),
        secret=environ.get("RELAY_SMS_SECRET", ""),
        sign_name=environ.get("RELAY_SMS_SIGN_NAME", "").strip(),
        templates=templates_of(environ.get("RELAY_SMS_TEMPLATES", "")),
        timeout_seconds=_number(environ, "RELAY_SMS_TIMEOUT_SECONDS", 10.0),
    )
    if driver == "http":
        for name, value in (("RELAY_SMS_URL", config.url), ("RELAY_SMS_SECRET", config.secret)):
            if not value:
                raise SenderConfigError(f"{name}: required with RELAY_SMS_DRIVER=http")
        if not config.url.startswith(("https://", "http://")):
            raise SenderConfigError("RELAY_SMS_URL: must be an http(s) URL")
    return config
