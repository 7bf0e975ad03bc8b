"""Where a share link may send people: an http(s) URL on one of the merchant's own domains.

An open redirect on a trusted short domain is a phishing tool, so the check is strict
and errs on refusing: no user info, no backslashes, blanks or control characters, an
ASCII host that is an allowed domain or a subdomain of one.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

MAX_URL_LENGTH = 2000

_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")
#: Characters a browser may silently drop or reinterpret inside a URL.
_FORBIDDEN = re.compile(r"[\x00-\x20\x7f\\]")
#: Every printable ASCII character stays as it is; only non-ASCII gets encoded.
_URL_SAFE = "".join(chr(c) for c in range(0x21, 0x7F))


def target_problem(url: str, allowed_domains: list[str]) -> str | None:
    """Why `url` may not be a share link target, or None when it may."""
    if len(url) > MAX_URL_LENGTH:
        return f"longer than {MAX_URL_LENGTH} characters"
    if _FORBIDDEN.search(url):
        return "contains a blank, a control character or a backslash"
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a malformed port
    except ValueError:
        return "not a valid URL"
    if parts.scheme not in ("http", "https") or not url.lower().startswith(parts.scheme + "://"):
        return "must start with http:// or https://"
    if "@" in parts.netloc:
        return "must not contain user info ('@' before the host)"
    host = parts.hostname or ""
    if not _HOST.match(host) or host != parts.netloc.lower().removesuffix(f":{port}" if port is not None else ""):
        return "has no valid host name"
    if not any(host == d or host.endswith("." + d) for d in allowed_domains):
        return "host is not one of the merchant's allowed domains"
    return None


def normalize_target(url: str) -> str:
    """`url` with non-ASCII characters percent-encoded as UTF-8, as browsers send them.

    A Location header is ASCII; doing this once when the link is made keeps the redirect
    from ever failing on a product path in another script.
    """
    return quote(url, safe=_URL_SAFE) if not url.isascii() else url


def click_splice(target_url: str) -> tuple[str, str]:
    """(head, tail) such that ``head + click_id + tail`` is `target_url` with
    ``relay_click=<click_id>`` appended to its query and its fragment kept.

    Works on the raw string so the target's own query is passed on byte for byte; a
    ``relay_click`` the target already carries is dropped. Computed once per link, so the
    redirect only concatenates.
    """
    head, hash_, fragment = target_url.partition("#")
    base, question, query = head.partition("?")
    params = [p for p in query.split("&") if p and p.split("=", 1)[0] != "relay_click"] if question else []
    params.append("relay_click=")
    return f"{base}?{'&'.join(params)}", f"{hash_}{fragment}"


def with_click(target_url: str, click_id: str) -> str:
    head, tail = click_splice(target_url)
    return head + click_id + tail
