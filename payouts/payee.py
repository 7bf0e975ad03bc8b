"""Where a partner's money goes, decided without a database: the checks on payee details and how
their numbers are shown.

A partner is paid to a bank account (bank, account name, account number) or to an Alipay
account (the account, a mobile number or an email, and its real name). When the merchant
withholds tax, the partner's legal name and resident ID number are needed as well (the
withholding is filed under them).

* a resident ID number is 18 characters per GB 11643-1999: a region code, a date of birth that
  exists and is not in the future, a sequence, and the check character (ISO 7064 MOD 11-2);
* a bank account number is 8 to 30 digits (spaces and dashes are dropped); a number starting
  with 62 is a UnionPay card: 16 to 19 digits passing the Luhn check. Company accounts and
  other banks' numbers have no check digit, so only their length is checked;
* an Alipay account is a mainland mobile number or an email address.

Numbers are shown masked (`core.masking`) everywhere but the bank's transfer file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from core.masking import masked_id, masked_number
from payouts.errors import PayeeInvalid, Refusal


class PayeeMethod(StrEnum):
    """How a partner is paid."""

    bank = "bank"  #: a transfer to a bank account or card
    alipay = "alipay"  #: a transfer to an Alipay account


#: Longest text kept per field (the columns in payouts/models.py).
MAX_NAME = 100
MAX_BANK = 100
MAX_NUMBER = 100

#: ISO 7064 MOD 11-2 weights of the first 17 characters, and the check character per remainder.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_SHAPE = re.compile(r"[1-9]\d{16}[\dX]")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_SEPARATORS = re.compile(r"[\s\-]+")


@dataclass(frozen=True, slots=True)
class PayeeDetails:
    """Checked payee details; `bank_name` only for a bank, `legal_name` and `resident_id` only
    when given (required when the merchant withholds tax)."""

    method: PayeeMethod
    account_name: str
    account_number: str  #: digits for a bank; the mobile number or email for Alipay
    bank_name: str | None = None
    legal_name: str | None = None
    resident_id: str | None = None

    def masked(self) -> PayeeDetails:
        """The same details with the account and ID numbers masked: what people see."""
        return replace(
            self, account_number=masked_number(self.account_number),
            resident_id=masked_id(self.resident_id) if self.resident_id else None,
        )


def luhn_ok(digits: str) -> bool:
    """Whether a string of digits passes the Luhn check (its last digit is the check digit)."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def resident_id_refusal(text: str, today: date) -> str | None:
    """Why `text` is not a resident ID number (a `Refusal` code), or None when it is one."""
    if not _ID_SHAPE.fullmatch(text):
        return "resident_id_format"
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return "resident_id_birth_date"
    if born > today or born.year < 1900:
        return "resident_id_birth_date"
    remainder = sum(int(char) * weight for char, weight in zip(text[:17], _ID_WEIGHTS, strict=True)) % 11
    if _ID_CHECK[remainder] != text[17]:
        return "resident_id_checksum"
    return None


def bank_number_refusal(digits: str) -> str | None:
    """Why `digits` (separators already dropped) is not a bank account number, or None."""
    if not digits.isascii() or not digits.isdigit():
        return "bank_number_digits"
    if digits.startswith("62"):  # UnionPay's card range: the card number carries a Luhn digit
        if not 16 <= len(digits) <= 19:
            return "bank_card_length"
        if not luhn_ok(digits):
            return "bank_card_luhn"
        return None
    if not 8 <= len(digits) <= 30:
        return "bank_number_length"
    return None


def _text(values: Mapping[str, object], name: str, limit: int, refusals: list[Refusal]) -> str | None:
    """The field's text stripped (None when absent or blank); too long or not text is refused."""
    value = values.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        refusals.append(Refusal(name, "text_expected"))
        return None
    value = value.strip()
    if "\x00" in value:
        refusals.append(Refusal(name, "text_expected"))
        return None
    if len(value) > limit:
        refusals.append(Refusal(name, "too_long", {"max_length": limit}))
        return None
    return value or None


def parse_payee(values: Mapping[str, object], *, tax_details_required: bool, today: date) -> PayeeDetails:
    """Payee details from what a partner typed (``method``, ``account_name``, ``account_number``,
    ``bank_name``, ``legal_name``, ``resident_id``), or `PayeeInvalid` naming every bad field.

    `tax_details_required`: the merchant withholds tax, so the legal name and resident ID
    number must be given. `today` is the date a birth date may not be after."""
    refusals: list[Refusal] = []
    method_text = _text(values, "method", 20, refusals)
    method = None
    if method_text is None:
        refusals.append(Refusal("method", "required"))
    else:
        try:
            method = PayeeMethod(method_text)
        except ValueError:
            refusals.append(Refusal("method", "method_unknown"))
    account_name = _text(values, "account_name", MAX_NAME, refusals)
    number = _text(values, "account_number", MAX_NUMBER, refusals)
    bank_name = _text(values, "bank_name", MAX_BANK, refusals)
    legal_name = _text(values, "legal_name", MAX_NAME, refusals)
    resident_id = _text(values, "resident_id", 30, refusals)
    if account_name is None and not any(r.field == "account_name" for r in refusals):
        refusals.append(Refusal("account_name", "required"))
    if number is None:
        if not any(r.field == "account_number" for r in refusals):
            refusals.append(Refusal("account_number", "required"))
    elif method == PayeeMethod.bank:
        number = _SEPARATORS.sub("", number)
        if (code := bank_number_refusal(number)) is not None:
            refusals.append(Refusal("account_number", code))
    elif method == PayeeMethod.alipay:
        number = number.replace(" ", "")
        if not (_MOBILE.fullmatch(number) or _EMAIL.fullmatch(number)):
            refusals.append(Refusal("account_number", "alipay_account"))
    if method == PayeeMethod.bank and bank_name is None and not any(r.field == "bank_name" for r in refusals):
        refusals.append(Refusal("bank_name", "required"))
    if resident_id is not None:
        resident_id = resident_id.upper().replace(" ", "")
        if (code := resident_id_refusal(resident_id, today)) is not None:
            refusals.append(Refusal("resident_id", code))
    if tax_details_required:
        for name, value in (("legal_name", legal_name), ("resident_id", resident_id)):
            if value is None and not any(r.field == name for r in refusals):
                refusals.append(Refusal(name, "required_for_tax"))
    if refusals:
        raise PayeeInvalid(refusals)
    assert method is not None and account_name is not None and number is not None
    return PayeeDetails(
        method=method, account_name=account_name, account_number=number,
        bank_name=bank_name if method == PayeeMethod.bank else None,
        legal_name=legal_name, resident_id=resident_id,
    )

