"""Payee details checked without a database: resident ID numbers (GB 11643), bank numbers (length,
Luhn on UnionPay cards), Alipay accounts, the fields tax withholding needs, masking."""

from __future__ import annotations

from datetime import date

import pytest

from core.masking import masked_id, masked_number
from payouts.errors import PayeeInvalid
from payouts.payee import PayeeMethod, bank_number_refusal, luhn_ok, parse_payee, resident_id_refusal

TODAY = date(2026, 12, 1)
#: The standard's own example number (born 31 December 1949, check character X).
RESIDENT_ID = "11010519491231002X"
CARD_16 = "6222020200112230"
CARD_19 = "6228480012345678903"


def codes(values: dict, *, tax: bool = False) -> dict[str, str]:
    with pytest.raises(PayeeInvalid) as caught:
        parse_payee(values, tax_details_required=tax, today=TODAY)
    return {r.field: r.code for r in caught.value.refusals}


def bank(**overrides) -> dict:
    return {"method": "bank", "account_name": "林美", "bank_name": "招商银行", "account_number": CARD_16} | overrides


def test_a_bank_card_is_kept_as_digits_without_its_spaces():
    details = parse_payee(bank(account_number="6222 0202 0011 2230"), tax_details_required=False, today=TODAY)
    assert (details.method, details.account_number, details.bank_name) == (PayeeMethod.bank, CARD_16, "招商银行")


def test_unionpay_cards_pass_luhn_and_have_16_to_19_digits():
    assert luhn_ok(CARD_16) and luhn_ok(CARD_19)
    assert bank_number_refusal(CARD_19) is None
    assert bank_number_refusal("6222020200112233") == "bank_card_luhn"  # one digit off
    assert bank_number_refusal("622202020011223") == "bank_card_length"
    assert bank_number_refusal("62220202001122300000") == "bank_card_length"


def test_company_accounts_have_no_check_digit_only_a_length():
    assert bank_number_refusal("0200004109000012345") is None  # a 19-digit company account, not Luhn
    assert bank_number_refusal("1234567") == "bank_number_length"
    assert bank_number_refusal("1" * 31) == "bank_number_length"
    assert bank_number_refusal("12345678x") == "bank_number_digits"
    assert bank_number_refusal("１２３４５６７８９") == "bank_number_digits"  # full-width digits are not ASCII


def test_resident_id_numbers_follow_gb_11643():
    assert resident_id_refusal(RESIDENT_ID, TODAY) is None
    assert resident_id_refusal("110105194912310021", TODAY) == "resident_id_checksum"
    assert resident_id_refusal("11010519491331002X", TODAY) == "resident_id_birth_date"  # month 13
    assert resident_id_refusal("11010520991231002X", TODAY) == "resident_id_birth_date"  # born in the future
    assert resident_id_refusal("11010519491231002", TODAY) == "resident_id_format"
    assert resident_id_refusal("01010519491231002X", TODAY) == "resident_id_format"


def test_a_lower_case_x_is_read_as_the_check_character():
    details = parse_payee(bank(legal_name="林美", resident_id="11010519491231002x"), tax_details_required=True,
                          today=TODAY)
    assert details.resident_id == RESIDENT_ID


def test_alipay_takes_a_mobile_number_or_an_email():
    for account in ("13812345678", "lin.mei@example.com"):
        details = parse_payee({"method": "alipay", "account_name": "林美", "account_number": account},
                              tax_details_required=False, today=TODAY)
        assert (details.method, details.account_number, details.bank_name) == (PayeeMethod.alipay, account, None)
    assert codes({"method": "alipay", "account_name": "林美", "account_number": "12345678901"}) == {
        "account_number": "alipay_account"
    }


def test_every_bad_field_is_named_at_once():
    assert codes({"method": "bank", "account_name": " ", "account_number": "6222020200112233"}) == {
        "account_name": "required", "account_number": "bank_card_luhn", "bank_name": "required",
    }
    assert codes({"method": "wechat"}) == {
        "method": "method_unknown", "account_name": "required", "account_number": "required",
    }
    assert codes({}) == {"method": "required", "account_name": "required", "account_number": "required"}
    assert codes(bank(account_name="林" * 101)) == {"account_name": "too_long"}
    assert codes(bank(account_name=7)) == {"account_name": "text_expected"}


def test_tax_withholding_needs_the_legal_name_and_a_valid_resident_id():
    assert codes(bank(), tax=True) == {"legal_name": "required_for_tax", "resident_id": "required_for_tax"}
    assert codes(bank(legal_name="林美", resident_id="110105194912310021"), tax=True) == {
        "resident_id": "resident_id_checksum"
    }
    # given without withholding, a resident ID is still checked
    assert codes(bank(resident_id="123")) == {"resident_id": "resident_id_format"}


def test_numbers_are_masked_to_their_last_four_and_ids_to_their_ends():
    assert masked_number(CARD_16) == "•••• 2230"
    assert masked_number("13812345678") == "•••• 5678"
    assert masked_number("lin.mei@example.com") == "l•••@example.com"
    assert masked_number("123") == "•••"
    assert masked_id(RESIDENT_ID) == "1" + "•" * 16 + "X"
    details = parse_payee(bank(legal_name="林美", resident_id=RESIDENT_ID), tax_details_required=True, today=TODAY)
    shown = details.masked()
    assert (shown.account_number, shown.resident_id, shown.account_name) == ("•••• 2230", masked_id(RESIDENT_ID), "林美")
