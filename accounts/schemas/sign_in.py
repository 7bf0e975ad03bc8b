"""Response shape of the partner sign-in link endpoint."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from accounts.service.sign_in import SignInLink


class SignInLinkOut(BaseModel):
    """A one-time link to the partner portal: send it to the partner; it works once, for 15 minutes."""

    url: str
    expires_at: datetime

    @classmethod
    def of(cls, link: SignInLink, public_url: str) -> SignInLinkOut:
        return cls(url=public_url.rstrip("/") + link.path, expires_at=link.expires_at)
