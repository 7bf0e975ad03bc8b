"""Identifiers: short, URL-safe, unambiguous codes made with shortuuid."""

from __future__ import annotations

import hashlib
import secrets

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


def click_id() -> str:
    """Identifier of one click, handed to the shop as ``relay_click`` (22 characters)."""
    return _url.uuid()


def visitor_id() -> str:
    return _url.uuid()


def secret_token(prefix: str) -> str:
    """A random secret with a readable prefix (API keys, sign-in tokens)."""
    return f"{prefix}_{secrets.token_urlsafe(32)}"


def token_hash(token: str) -> str:
    """How a secret is stored: its SHA-256 (secrets are random, so no salt is needed)."""
    return hashlib.sha256(token.encode()).hexdigest()
