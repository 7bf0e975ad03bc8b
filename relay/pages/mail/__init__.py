"""What Relay tells a person outside a page, by email or SMS, in their language (zh_Hans or en,
from the same catalogues as the pages: ``mail.po``).

A `Message` is a title (an email's subject, a notification's headline in the inbox) and a text;
as an SMS it is the provider's template for its `kind` filled with `values` (SMS providers in
China send only registered templates: RELAY_SMS_TEMPLATES maps each kind to one), and the text
for the development log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from core.senders import Email, Sms
from relay.pages.i18n import N_, translations

#: The kinds of code messages, by what the code proves (accounts.service.codes.Purpose).
CODE_KINDS = {"sign_in": "sign_in_code", "payee_change": "payee_change_code"}

_CODE_TITLE = {
    "sign_in": N_("Your sign-in code"),
    "payee_change": N_("Your code to confirm your payee details"),
}
_CODE_TEXT = {
    "sign_in": N_("%(merchant)s: your sign-in code is %(code)s. It works once, for %(minutes)s minutes. "
                  "If you did not ask for it, ignore this message."),
    "payee_change": N_("%(merchant)s: your code to confirm the change of your payee details is %(code)s. "
                       "It works once, for %(minutes)s minutes. If you did not ask for it, do not give it to "
                       "anyone, and sign in to check your account."),
}


@dataclass(frozen=True, slots=True)
class Message:
    kind: str
    title: str
    text: str
    #: the SMS template's parameters
    values: Mapping[str, str] = field(default_factory=dict)

    def email(self, to: str, *, footer: str = "") -> Email:
        return Email(to=to, subject=self.title, text=self.text + (f"\n\n{footer}" if footer else ""))

    def sms(self, to: str) -> Sms:
        return Sms(to=to, template=self.kind, params=dict(self.values), text=self.text)


def gettext(locale: str, message: str, **values: object) -> str:
    text = translations(locale).gettext(message)
    return text % values if values else text


def code_message(purpose: str, code: str, *, locale: str, merchant: str, minutes: int) -> Message:
    """The message carrying a one-time code for `purpose` (sign_in, payee_change)."""
    return Message(
        kind=CODE_KINDS[purpose],
        title=gettext(locale, _CODE_TITLE[purpose]),
        text=gettext(locale, _CODE_TEXT[purpose], merchant=merchant, code=code, minutes=minutes),
        values={"code": code, "minutes": str(minutes)},
    )
