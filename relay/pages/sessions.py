"""The browser session: a cookie holding signed JSON (HMAC-SHA256 with RELAY_SECRET_KEY).

Nothing secret is in it, only who is signed in, the CSRF token, the language and flash
messages; it is HttpOnly, SameSite=Lax, and Secure when the site is served over https.
Signing out forgets the cookie; a staff session also ends as soon as its account is
deactivated (the guard reloads the account on every page).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

COOKIE = "relay_session"
#: A session lasts this long after it was last written (sign-in, a form, a language switch).
MAX_AGE = 14 * 24 * 3600


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: str, payload: str) -> str:
    return _b64(hmac.new(f"relay-session:{secret}".encode(), payload.encode(), hashlib.sha256).digest())


def sign(data: dict[str, Any], secret: str, *, issued_at: int | None = None) -> str:
    payload = _b64(json.dumps({"d": data, "t": issued_at or int(time.time())}, separators=(",", ":")).encode())
    return f"{payload}.{_mac(secret, payload)}"


def unsign(value: str, secret: str, *, max_age: int = MAX_AGE) -> dict[str, Any] | None:
    """The data of a cookie value, or None when its signature is wrong or it is too old."""
    payload, _, mac = value.partition(".")
    if not mac or not hmac.compare_digest(mac, _mac(secret, payload)):
        return None
    try:
        body = json.loads(_unb64(payload))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(body, dict) or time.time() - body.get("t", 0) > max_age:
        return None
    data = body.get("d")
    return data if isinstance(data, dict) else None


class Session:
    """What the cookie holds. Keys: merchant_id, kind ("staff" or "partner"), id, role, csrf, locale, flash."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self.data: dict[str, Any] = data or {}
        self.modified = False
        self.cleared = False

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def set(self, key: str, value: Any) -> None:
        if self.data.get(key) != value:
            self.data[key] = value
            self.modified = True

    @property
    def csrf_token(self) -> str:
        """This session's CSRF token (made on first use)."""
        if not self.data.get("csrf"):
            self.set("csrf", secrets.token_urlsafe(24))
        return self.data["csrf"]

    @property
    def signed_in(self) -> bool:
        return self.data.get("kind") in ("staff", "partner")

    def sign_in(self, *, merchant_id: int, kind: str, id: int, role: str) -> None:
        """Start a session for a principal: a fresh CSRF token, the language kept."""
        locale = self.data.get("locale")
        self.data = {"merchant_id": merchant_id, "kind": kind, "id": id, "role": role}
        if locale:
            self.data["locale"] = locale
        self.data["csrf"] = secrets.token_urlsafe(24)
        self.modified = True

    def sign_out(self) -> None:
        locale = self.data.get("locale")
        self.data = {"locale": locale} if locale else {}
        self.modified = True

    def flash(self, message: str, kind: str = "info") -> None:
        """A message shown once, on the next page rendered (kind: info, success, error)."""
        self.set("flash", [*self.data.get("flash", []), [kind, message]])

    def pop_flashes(self) -> list[tuple[str, str]]:
        messages = self.data.get("flash") or []
        if messages:
            del self.data["flash"]
            self.modified = True
        return [(kind, text) for kind, text in messages]


def load(request: Request) -> Session:
    secret = request.app.state.settings.secret_key
    raw = request.cookies.get(COOKIE)
    return Session(unsign(raw, secret) if raw else None)


def is_https(request: Request) -> bool:
    return request.url.scheme == "https" or request.app.state.settings.public_url.startswith("https:")


def save(request: Request, session: Session, response: Response) -> None:
    """Write the cookie on `response` when the session changed."""
    if not session.modified:
        return
    secure = is_https(request)
    if not session.data:
        response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax", secure=secure)
        return
    value = sign(session.data, request.app.state.settings.secret_key)
    response.set_cookie(COOKIE, value, max_age=MAX_AGE, path="/", httponly=True, samesite="lax", secure=secure)
