"""The merchant's own settings (admin): attribution rules, time zone, domains, webhook secret."""

from __future__ import annotations

from core.api import Call
from referral.endpoints import api
from referral.models import Role
from referral.schemas.settings import MerchantOut, MerchantPatch, WebhookSecretOut
from referral.service import settings


@api.endpoint("GET", "/api/v1/merchant", summary="Get the merchant's settings", roles=[Role.admin], response=MerchantOut)
async def get_merchant_settings(call: Call) -> MerchantOut:
    """The calling key's merchant; the webhook secret is not included."""
    return MerchantOut.of(await settings.get_settings(call.merchant_id))


@api.endpoint(
    "PATCH", "/api/v1/merchant", summary="Change the merchant's settings", roles=[Role.admin],
    body=MerchantPatch, response=MerchantOut,
)
async def update_merchant_settings(call: Call) -> MerchantOut:
    """Only the fields sent change. New attribution rules apply to orders received from now on;
    attributed orders keep their decision and bindings keep the expiry they were made with."""
    return MerchantOut.of(await settings.update_settings(call.merchant_id, call.body.changes()))


@api.endpoint(
    "POST", "/api/v1/merchant/webhook-secret", summary="Rotate the webhook secret", roles=[Role.admin],
    response=WebhookSecretOut,
)
async def rotate_webhook_secret(call: Call) -> WebhookSecretOut:
    """A new secret, shown this once; events signed with the old one are refused from now on
    (by other server processes within 10 seconds)."""
    return WebhookSecretOut(webhook_secret=await settings.rotate_webhook_secret(call.merchant_id))
