"""HTTP routes of the referral domain: the JSON API under /api/v1 and the public routes (/r/{code}).

`api` collects the JSON endpoints declared in the submodules; `public_routes` holds the
routes whose answers are not JSON (redirects, QR images, sign-up through an invite).
"""

from __future__ import annotations

from typing import Any

from starlette.routing import BaseRoute

from core.api import Api

api = Api("referral")
public_routes: list[BaseRoute] = []
_public_openapi: dict[str, Any] = {}


def public_openapi() -> dict[str, Any]:
    """OpenAPI entries of `public_routes`, registered by the submodules with `document_public`."""
    return _public_openapi


def document_public(path: str, method: str, operation: dict[str, Any]) -> None:
    _public_openapi.setdefault(path, {})[method.lower()] = operation


# Submodules register their endpoints on import.
from referral.endpoints import applications, links, orders, partners, redirect, reports, sign_in_links  # noqa: E402,F401
