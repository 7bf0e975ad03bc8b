"""The hook every sign-in attempt goes through, for rate limiting (the `limits` library plugs in here).

`sign_in_attempt` is awaited once per attempt, before any credential is checked: a staff
password form submitted, a staff one-time link opened, a partner sign-in link opened. Raise
`TooManyAttempts` to refuse the attempt; the page then answers 429 with a "wait and try again" page.
"""

from __future__ import annotations

from starlette.requests import Request

from core.errors import RelayError


class TooManyAttempts(RelayError):
    status = 429
    title = "Too many attempts"
    slug = "too-many-attempts"


async def sign_in_attempt(request: Request, *, kind: str, identity: str) -> None:
    """Called on each sign-in attempt. `kind`: "staff_password", "staff_link" or "partner_link";
    `identity`: what is being tried ("<merchant id>:<email>" for a password, the token's hash
    prefix for a link). The client address is ``request.client.host``. Does nothing yet."""
    return None
