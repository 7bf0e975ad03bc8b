"""Secrets the server must read back in clear (the webhook secrets HMAC signs with), stored
sealed: Fernet (AES-128-CBC + HMAC-SHA256, `cryptography`) under a key derived by HKDF-SHA256
from the server's secret (`RELAY_SECRET_KEY`).

Rotating the server's secret: the new one becomes `RELAY_SECRET_KEY`, the old ones are listed in
`RELAY_PREVIOUS_SECRET_KEYS` (they still open what they sealed), `relay secrets reseal` seals
every stored secret again under the new key; then the old ones may be dropped from the list.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

#: Binds the derived key to this use: the same server secret signs cookies and hashes IPs too.
_PURPOSE = b"relay: sealed webhook secrets, v1"


class SealedSecretUnreadable(Exception):
    """No key this server knows opens the stored value: it was sealed under a server secret
    that is neither `RELAY_SECRET_KEY` nor listed in `RELAY_PREVIOUS_SECRET_KEYS` (or it is
    not a sealed value at all)."""


def _fernet(server_secret: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_PURPOSE).derive(server_secret.encode())
    return Fernet(base64.urlsafe_b64encode(key))


class Sealer:
    """Seals under the current server secret; opens what the current or a previous one sealed."""

    def __init__(self, current: str, previous: Sequence[str] = ()) -> None:
        if not current:
            raise ValueError("the server secret is empty")
        self._current = _fernet(current)
        self._previous = [_fernet(secret) for secret in previous if secret and secret != current]
        self._any = MultiFernet([self._current, *self._previous])

    def seal(self, clear: str) -> str:
        return self._current.encrypt(clear.encode()).decode()

    def open(self, sealed: str) -> str:
        try:
            return self._any.decrypt(sealed.encode()).decode()
        except InvalidToken:
            raise SealedSecretUnreadable("no server secret known here opens this value") from None

    def sealed_by_current(self, sealed: str) -> bool:
        """Whether the current server secret opens `sealed` (nothing to re-seal)."""
        try:
            self._current.decrypt(sealed.encode())
        except InvalidToken:
            return False
        return True

    def reseal(self, sealed: str) -> str:
        """`sealed` sealed again under the current server secret (the same clear value)."""
        return self.seal(self.open(sealed))
