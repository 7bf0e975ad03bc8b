"""The hook every sign-in attempt goes through, for rate limiting (`core.ratelimit.check_sign_in`).

`sign_in_attempt` is awaited once per attempt, before any credential is checked: a staff
password form submitted, a staff one-time link opened, a partner sign-in link opened. It raises
`TooManyAttempts` to refuse the attempt; the page then answers 429 with a "wait and try again"
page and Retry-After.

Only passwords are limited (per client IP, `RELAY_RATE_LIMIT_SIGN_IN_IP`, and per merchant and
email, `RELAY_RATE_LIMIT_SIGN_IN_IDENTITY`): a one-time link carries 256 random bits, so trying
links guesses nothing, and limiting them would only lock out partners behind one shared address.
"""

from __future__ import annotations

from starlette.requests import Request

from core.errors import RelayError
from core.ratelimit import RateLimits, TooManyRequests, check_sign_in


class TooManyAttempts(RelayError):
    status = 429
    title = "Too many attempts"
    slug = "too-many-attempts"

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after

    @property
    def headers(self) -> dict[str, str]:
        return {"retry-after": str(self.retry_after)}


async def sign_in_attempt(request: Request, *, kind: str, identity: str) -> None:
    """Called on each sign-in attempt. `kind`: "staff_password", "staff_link" or "partner_link";
    `identity`: what is being tried ("<merchant id>:<email>" for a password, the token's hash
    prefix for a link). The client address is ``request.client.host``. Refusals are counted under
    merchant 0: the merchant number typed in the form is not known to be a merchant."""
    if kind != "staff_password":
        return
    rate_limits: RateLimits = request.app.state.rate_limits
    ip = request.client.host if request.client is not None else ""
    try:
        await check_sign_in(rate_limits, ip, f"{kind}:{identity}")
    except TooManyRequests as refused:
        raise TooManyAttempts(refused.detail, refused.retry_after) from None
