"""The drivers a configuration chooses."""

from __future__ import annotations

from core.senders import Senders
from core.senders.config import EmailConfig, SmsConfig
from core.senders.email import LogEmail, SmtpEmail
from core.senders.sms import HttpTemplateSms, LogSms


def senders_for(email: EmailConfig, sms: SmsConfig) -> Senders:
    """The `Senders` for these settings (close them with `aclose`)."""
    email_driver = SmtpEmail(email) if email.driver == "smtp" else LogEmail()
    if sms.driver == "http":
        http = HttpTemplateSms(sms)
        return Senders(email_driver, http, owned=[http])
    return Senders(email_driver, LogSms())
