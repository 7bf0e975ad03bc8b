"""Identifiers: short, URL-safe, unambiguous codes made with shortuuid."""

from __future__ import annotations

import hashlib
import secrets
import threading

import shortuuid

# No 0/O, 1/I/l: a partner code is read aloud and typed at a store till.
_TILL_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_till = shortuuid.ShortUUID(alphabet=_TILL_ALPHABET)
_url = shortuuid.ShortUUID()


def link_code() -> str:
    """Code of a share link, the `{code}` in ``/r/{code}`` (8 URL-safe characters)."""
    return _url.random(length=8)


def partner_code() -> str:
    """A partner's code, entered at a till or checkout (8 upper-case, unambiguous)."""
    return _till.random(length=8)


_ALPHANUMERIC = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
#: Maps a random byte to a letter or digit; bytes from 248 up are dropped so none is favoured.
_BYTE_TO_CHAR = (_ALPHANUMERIC * 5)[:256]
_UNEVEN_BYTES = bytes(range(248, 256))


class _Pool:
    """Random letters and digits drawn from the OS's CSPRNG a few kilobytes at a time: a system
    call per id costs more than the rest of a redirect on some kernels/sandboxes."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self.chars = b""
        self.used = 0
        self.lock = threading.Lock()

    def take(self, length: int) -> str:
        with self.lock:
            while len(self.chars) - self.used < length:
                fresh = secrets.token_bytes(self.size).translate(_BYTE_TO_CHAR, _UNEVEN_BYTES)
                self.chars, self.used = self.chars[self.used :] + fresh, 0
            start = self.used
            self.used += length
            return self.chars[start : self.used].decode()


_pool = _Pool()


def random_alphanumeric(length: int = 22) -> str:
    """`length` random letters and digits (22 of them: 131 bits), each character used once.

    On the redirect's hot path: about ten times faster than shortuuid's base conversion.
    """
    return _pool.take(length)


def click_id() -> str:
    """Identifier of one click, handed to the shop as ``relay_click`` (22 letters and digits)."""
    return random_alphanumeric(22)


def visitor_id() -> str:
    """A visitor's first-party id, kept in the ``relay_vid`` cookie (22 letters and digits)."""
    return random_alphanumeric(22)


def secret_token(prefix: str) -> str:
    """A random secret with a readable prefix (API keys, sign-in tokens)."""
    return f"{prefix}_{secrets.token_urlsafe(32)}"


def token_hash(token: str) -> str:
    """How a secret is stored: its SHA-256 (secrets are random, so no salt is needed)."""
    return hashlib.sha256(token.encode()).hexdigest()
