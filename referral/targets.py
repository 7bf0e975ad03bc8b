"""Where a share link may send people: an http(s) URL on one of the merchant's own domains.

An open redirect on a trusted short domain is a phishing tool, so the check is strict
and errs on refusing: no user info, no backslashes, blanks or control characters, an
ASCII host that is an allowed domain or a subdomain of one.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MAX_URL_LENGTH = 2000

_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")
#: Characters a browser may silently drop or reinterpret inside a URL.
_FORBIDDEN = re.compile(r"[\x00-\x20\x7f\\]")


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


def with_click(target_url: str, click_id: str) -> str:
    """`target_url` with ``relay_click=<click_id>`` appended to its query, fragment kept.

    Works on the raw string so the target's own query is passed on byte for byte; a
    ``relay_click`` the target already carries is replaced.
    """
    head, hash_, fragment = target_url.partition("#")
    base, question, query = head.partition("?")
    params = [p for p in query.split("&") if p and p.split("=", 1)[0] != "relay_click"] if question else []
    params.append(f"relay_click={click_id}")
    return f"{base}?{'&'.join(params)}{hash_}{fragment}"
