"""HTTP routes of the referral domain: the JSON API under /api/v1 and the public pages (/r/{code})."""

from __future__ import annotations

from typing import Any

from starlette.routing import BaseRoute

from core.api import Api

api = Api("referral")
public_routes: list[BaseRoute] = []


def public_openapi() -> dict[str, Any]:
    return {}
