"""Sealing secrets under a key derived from the server's secret, and rotating that secret."""

from __future__ import annotations

import pytest

from core.sealed import SealedSecretUnreadable, Sealer

CLEAR = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def test_a_sealed_secret_opens_to_the_same_text_and_shows_nothing_of_it():
    sealer = Sealer("server-secret-1")
    first, second = sealer.seal(CLEAR), sealer.seal(CLEAR)
    assert sealer.open(first) == sealer.open(second) == CLEAR
    assert first != second  # a fresh IV each time: equal secrets do not look equal
    assert CLEAR not in first and CLEAR[6:] not in first and len(first) <= 255


def test_another_servers_secret_or_a_changed_byte_does_not_open_it():
    sealed = Sealer("server-secret-1").seal(CLEAR)
    with pytest.raises(SealedSecretUnreadable):
        Sealer("server-secret-2").open(sealed)
    tampered = sealed[:-5] + ("A" if sealed[-5] != "A" else "B") + sealed[-4:]
    with pytest.raises(SealedSecretUnreadable):
        Sealer("server-secret-1").open(tampered)
    with pytest.raises(SealedSecretUnreadable):
        Sealer("server-secret-1").open(CLEAR)  # a secret in clear is not a sealed one


def test_after_a_rotation_the_previous_server_secret_opens_until_everything_is_resealed():
    old = Sealer("server-secret-2025")
    sealed = old.seal(CLEAR)
    rotated = Sealer("server-secret-2026", ["server-secret-2025"])
    assert rotated.open(sealed) == CLEAR and not rotated.sealed_by_current(sealed)
    resealed = rotated.reseal(sealed)
    assert rotated.sealed_by_current(resealed)
    assert Sealer("server-secret-2026").open(resealed) == CLEAR  # the old secret may now be dropped
    with pytest.raises(SealedSecretUnreadable):
        old.open(resealed)


def test_an_empty_server_secret_is_refused():
    with pytest.raises(ValueError):
        Sealer("")
