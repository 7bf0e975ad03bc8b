"""The port a message to a person leaves through: an email, or a text message (SMS).

Services hand a rendered `Email` or `Sms` to the `Senders` they are given; which driver
delivers it is configuration (`core.senders.config`): SMTP or a development log for email, a
development log or a template-based HTTP provider for SMS. A driver that could not deliver
raises `SendFailed`, saying whether trying again later may work.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Email:
    """A plain-text email to one address."""

    to: str
    subject: str
    text: str


@dataclass(frozen=True, slots=True)
class Sms:
    """A text message to one phone (E.164, e.g. +8613800138000).

    Providers in China send only templates registered with them beforehand: `template` names
    the kind of message (e.g. ``sign_in_code``), which the HTTP driver maps to the provider's
    template id, and `params` fills it. `text` is the message in full, for the log driver.
    """

    to: str
    template: str
    params: Mapping[str, str]
    text: str


class SendFailed(Exception):
    """A message was not delivered. `permanent`: trying the same message again will not help
    (a refused address, an unknown template); otherwise retry later."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


class EmailSender(Protocol):
    async def send_email(self, message: Email) -> None: ...


class SmsSender(Protocol):
    async def send_sms(self, message: Sms) -> None: ...


class Closable(Protocol):
    async def aclose(self) -> None: ...


@dataclass(slots=True)
class Senders:
    """The drivers of one process, one per medium."""

    email: EmailSender
    sms: SmsSender
    #: Drivers holding connections (closed by `aclose`).
    owned: list[Closable] = field(default_factory=list)

    async def aclose(self) -> None:
        for driver in self.owned:
            await driver.aclose()
