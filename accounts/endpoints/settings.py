"""The merchant's own settings (admin): attribution rules, time zone, domains, webhook secret."""

from __future__ import annotations

from datetime import timedelta

from accounts.models import Role
from accounts.schemas.settings import MerchantOut, MerchantPatch, WebhookSecretOut
from accounts.service import settings
from accounts.service.audit import actor_of
from core.api import Api, Call

api = Api("settings")


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
    attributed orders keep their decision and bindings keep the expiry they were made with. A
    webhook URL must be https, without user info, and its host must not resolve to a loopback,
    private, link-local, multicast, reserved or unspecified address (422 on webhook_url)."""
    changed = await settings.update_settings(
        call.merchant_id, call.body.changes(), actor=actor_of(call.principal),
        webhook_rules=call.request.app.state.settings.webhook_url_rules,
    )
    return MerchantOut.of(changed)


@api.endpoint(
    "POST", "/api/v1/merchant/webhook-secret", summary="Rotate the webhook secret", roles=[Role.admin],
    response=WebhookSecretOut,
)
async def rotate_webhook_secret(call: Call) -> WebhookSecretOut:
    """A new secret, shown this once. Events signed with the secret it replaces still verify
    during the grace period (`RELAY_WEBHOOK_SECRET_GRACE_HOURS`, default 24 h), then only the
    new one does; a secret replaced earlier stops verifying at once. Other server processes
    accept the new secret within 10 seconds."""
    grace = timedelta(hours=call.request.app.state.settings.webhook_secret_grace_hours)
    secret = await settings.rotate_webhook_secret(
        call.merchant_id, sealer=call.request.app.state.settings.sealer, grace=grace, actor=actor_of(call.principal)
    )
    return WebhookSecretOut(webhook_secret=secret)
