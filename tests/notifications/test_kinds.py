"""Which channel a notice goes by, and the unsubscribe token (pure)."""

from __future__ import annotations

from notifications.kinds import Channel, Kind, channel_for, read_unsubscribe_token, unsubscribe_token


def test_the_partners_choice_goes_only_where_the_merchant_sends_and_the_partner_has_an_address():
    both = {"email_enabled": True, "sms_enabled": True, "email": "a@example.com", "phone": "+8613800138000"}
    assert channel_for(Channel.email, **both) == Channel.email
    assert channel_for(Channel.sms, **both) == Channel.sms
    assert channel_for(Channel.inbox, **both) == Channel.inbox
    assert channel_for(Channel.sms, **(both | {"sms_enabled": False})) == Channel.inbox
    assert channel_for(Channel.email, **(both | {"email_enabled": False})) == Channel.inbox
    assert channel_for(Channel.email, **(both | {"email": None})) == Channel.inbox
    assert channel_for(Channel.sms, **(both | {"phone": None})) == Channel.inbox


def test_an_unsubscribe_token_names_its_partner_and_kind_and_refuses_any_change():
    token = unsubscribe_token("secret", 7, 42, Kind.payout_line)
    assert read_unsubscribe_token("secret", token) == (7, 42, Kind.payout_line)
    assert read_unsubscribe_token("another secret", token) is None
    merchant, partner, kind, signature = token.split(".")
    assert read_unsubscribe_token("secret", f"{merchant}.43.{kind}.{signature}") is None
    assert read_unsubscribe_token("secret", f"{merchant}.{partner}.points_credited.{signature}") is None
    assert read_unsubscribe_token("secret", "ps_abcdef") is None
    assert read_unsubscribe_token("secret", "") is None
