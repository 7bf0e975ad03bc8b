"""Phone numbers and email addresses as people type them, made canonical (so one person is one
identity) and masked for display (``138****8000``, ``l***@example.com``).

Phones are stored in E.164 (``+8613800138000``); a number typed without a country code is read
as mainland China's. Validation is Google's libphonenumber rules (`phonenumbers`), so a number
with the wrong length or an unassigned prefix is refused wherever it comes from.
"""

from __future__ import annotations

import re

import phonenumbers

#: The region a number typed without a "+" country code belongs to.
DEFAULT_REGION = "CN"
EMAIL_MAX_LENGTH = 254
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LOOKS_LIKE_PHONE = re.compile(r"^[+\d][\d\s().-]*$")


class BadContact(ValueError):
    """Not a phone number or email address that can receive a message; the text says why."""


def phone(text: str, region: str = DEFAULT_REGION) -> str:
    """`text` as an E.164 number, e.g. ``"138 0013 8000"`` -> ``"+8613800138000"``."""
    cleaned = text.strip()
    if not cleaned or len(cleaned) > 32 or not _LOOKS_LIKE_PHONE.match(cleaned):
        raise BadContact("not a phone number")
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    try:
        number = phonenumbers.parse(cleaned, region)
    except phonenumbers.NumberParseException:
        raise BadContact("not a phone number") from None
    if not phonenumbers.is_valid_number(number):
        raise BadContact("not a valid phone number (check the length and the country code)")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def email(text: str) -> str:
    """`text` as an address, trimmed and lower-cased (one person is one identity whatever the case)."""
    cleaned = text.strip().lower()
    if len(cleaned) > EMAIL_MAX_LENGTH or not _EMAIL.match(cleaned):
        raise BadContact("not an email address")
    return cleaned


def is_email(text: str) -> bool:
    """Whether what someone typed as "phone or email" is meant as an email address."""
    return "@" in text


def masked_phone(e164: str) -> str:
    """``+8613800138000`` -> ``138****8000`` (a Chinese mobile as people write it); other
    countries keep their code: ``+447911123456`` -> ``+44 79****3456``."""
    if e164.startswith("+86") and len(e164) == 14:
        national = e164[3:]
        return f"{national[:3]}****{national[-4:]}"
    number = phonenumbers.parse(e164)
    national = str(number.national_number)
    return f"+{number.country_code} {national[:2]}****{national[-4:]}"


def masked_email(address: str) -> str:
    """``linmei@example.com`` -> ``l***@example.com``."""
    name, _, domain = address.partition("@")
    return f"{name[:1]}***@{domain}"


def masked(contact: str) -> str:
    return masked_email(contact) if is_email(contact) else masked_phone(contact)
