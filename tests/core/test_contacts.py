"""Phones and emails as typed, made canonical and masked."""

from __future__ import annotations

import pytest

from core import contacts


@pytest.mark.parametrize("typed", ["13800138000", "138 0013 8000", "+86 138-0013-8000", "008613800138000",
                                   " +8613800138000 "])
def test_a_mainland_mobile_typed_any_way_is_one_e164_number(typed):
    assert contacts.phone(typed) == "+8613800138000"


def test_a_number_with_another_country_code_keeps_it():
    assert contacts.phone("+44 7911 123456") == "+447911123456"
    assert contacts.masked_phone("+447911123456") == "+44 79****3456"


@pytest.mark.parametrize("typed", ["", "1380013800", "138001380001", "12345678901", "abc", "+86 138 0013 800a",
                                   "10086", "+999 1234567", "1" * 40])
def test_what_is_not_a_phone_number_is_refused(typed):
    with pytest.raises(contacts.BadContact):
        contacts.phone(typed)


def test_emails_are_lower_cased_and_checked():
    assert contacts.email("  LinMei@Example.COM ") == "linmei@example.com"
    for bad in ("", "lin", "lin@", "lin@example", "lin mei@example.com", "a@b.c" + "c" * 260):
        with pytest.raises(contacts.BadContact):
            contacts.email(bad)


def test_masks_keep_enough_to_recognise_and_no_more():
    assert contacts.masked_phone("+8613800138000") == "138****8000"
    assert contacts.masked_email("linmei@example.com") == "l***@example.com"
    assert contacts.masked("+8613800138000") == "138****8000"
