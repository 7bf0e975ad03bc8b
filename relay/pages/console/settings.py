"""The merchant's settings as forms, one per section, each saved on its own: attribution (window,
model, customer binding, self-referral), commissions and points (after-sales hold, rounding, the
points rate and expiry), fraud signals (what each does and its thresholds) and the shop's
connection (time zone, allowed domains, where Relay's events go; the webhook secret rotated and
shown once). Each form is checked by the API's own schema; a refusal is shown next to its field
and nothing of that section is written. Only what differs is saved, audited as the staff account."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from pydantic import BaseModel, ValidationError
from starlette.datastructures import FormData
from starlette.responses import Response

from accounts.program_settings import Action, FraudRules, Model, Signal
from accounts.schemas.settings import MerchantPatch
from accounts.service import settings
from commissions.schemas import TermsUpdate
from commissions.service import terms
from core.money import Rounding, parse_minor
from notifications.service import preferences
from payouts.wallet.schemas import PointsSettingsUpdate
from payouts.wallet.service import expiry
from relay.pages.console import pages
from relay.pages.console.common import actor
from relay.pages.console.review import SIGNAL_LABELS
from relay.pages.form_errors import field_errors, whole_number
from relay.pages.i18n import N_
from relay.pages.routing import Page

MODEL_LABELS = {Model.last_click.value: N_("The last click wins"), Model.first_click.value: N_("The first click wins")}
BINDING_LABELS = {
    "off": N_("Not bound: each order is attributed on its own"),
    "days": N_("Bound for a number of days after their first attributed order"),
    "forever": N_("Bound for good to the partner of their first attributed order"),
}
ROUNDING_LABELS = {
    Rounding.half_up.value: N_("Half up (0.5 goes up)"), Rounding.half_even.value: N_("Half to even (bankers')"),
    Rounding.down.value: N_("Down (never more than computed)"),
}
POINTS_ROUNDING_LABELS = {"down": N_("Down to a whole point"), "nearest": N_("To the nearest whole point")}
ACTION_LABELS = {
    Action.off.value: N_("Off: not looked for"), Action.flag.value: N_("Flag: record and show it"),
    Action.hold.value: N_("Hold: the commissions wait for your review"),
}
#: Each fraud signal's thresholds: (field, label, hint).
THRESHOLDS: dict[str, tuple[tuple[str, str], ...]] = {
    Signal.customer_velocity.value: (("window_minutes", N_("Within (minutes)")), ("max_orders", N_("More orders than"))),
    Signal.ip_velocity.value: (("window_minutes", N_("Within (minutes)")), ("max_orders", N_("More orders than"))),
    Signal.fast_order.value: (("min_seconds", N_("Ordered within (seconds of the click)")),),
    Signal.refund_rate.value: (("window_days", N_("Orders of the last (days)")),
                               ("max_percent", N_("Refunded more than (percent)")),
                               ("min_orders", N_("Only from this many orders"))),
}
#: Time zones offered as you type (any IANA name is taken).
ZONES = ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Macau", "Asia/Singapore", "Asia/Tokyo", "Asia/Seoul",
         "Asia/Kolkata", "Europe/London", "Europe/Paris", "America/New_York", "America/Los_Angeles", "UTC")
WORDS = {
    "binding_days": N_("Enter a number of days from 1 to 3650."),
    "timezone": N_("Unknown time zone: use a name like Asia/Shanghai."),
    "points_per_unit": N_("Enter the points for one unit of money, like 10 or 0.5 (more than zero, at most 6 decimals)."),
}
SECTIONS = ("attribution", "commissions", "fraud", "shop")


# --- the current values as the forms show them ----------------------------------------------------


async def _current(page: Page) -> dict[str, dict[str, str]]:
    merchant = await settings.get_settings(page.merchant_id)
    commission_terms = await terms.get_terms(page.merchant_id)
    points = await expiry.get_settings(page.merchant_id)
    channels = await preferences.merchant_channels(page.merchant_id)
    binding = merchant.binding_days
    fraud = {f"{signal}-{name}": str(value) for signal, fields in merchant.fraud_signals.items() for name, value in fields.items()}
    return {
        "attribution": {
            "attribution_window_days": str(merchant.attribution_window_days), "attribution_model": merchant.attribution_model,
            "binding_mode": "off" if binding is None else "forever" if binding == 0 else "days",
            "binding_days": str(binding) if binding else "", "allow_self_referral": "1" if merchant.allow_self_referral else "",
        },
        "commissions": {
            "hold_days": str(commission_terms.hold_days), "rounding": commission_terms.rounding,
            "points_per_unit": commission_terms.points_per_unit, "points_rounding": commission_terms.points_rounding,
            "expiry_months": "" if points.expiry_months is None else str(points.expiry_months),
        },
        "fraud": fraud,
        "notifications": {"email": "1" if channels.email else "", "sms": "1" if channels.sms else ""},
        "shop": {
            "timezone": merchant.timezone, "allowed_domains": "\n".join(merchant.allowed_domains),
            "webhook_url": merchant.webhook_url or "",
        },
    }


async def _render(page: Page, *, section: str | None = None, values: dict[str, str] | None = None,
                  errors: dict[str, str] | None = None, secret: str | None = None, status: int = 200) -> Response:
    forms = await _current(page)
    if section is not None and values is not None:
        forms[section] = values
    labels = {"model": MODEL_LABELS, "binding": BINDING_LABELS, "rounding": ROUNDING_LABELS,
              "points_rounding": POINTS_ROUNDING_LABELS, "action": ACTION_LABELS}
    return page.render(
        "console/settings.html", status=status, forms=forms, errors=errors or {}, section=section, secret=secret,
        options={name: [(value, page.gettext(label)) for value, label in table.items()] for name, table in labels.items()},
        signals=[(signal.value, page.gettext(SIGNAL_LABELS[signal.value]), THRESHOLDS.get(signal.value, ()))
                 for signal in Signal],
        zones=ZONES, one_unit=page.format_minor(parse_minor("1", page.currency)),
    )


@pages.get("/console/settings", nav=N_("Settings"))
async def settings_page(page: Page) -> Response:
    return await _render(page)


# --- reading and saving a section -----------------------------------------------------------------


def _text(form: FormData, name: str) -> str:
    return str(form.get(name, "")).strip()


def _differing(changes: dict[str, Any], current: Any) -> dict[str, Any]:
    return {name: value for name, value in changes.items() if getattr(current, name) != value}


async def _refused(page: Page, section: str, values: dict[str, str], errors: dict[str, str]) -> Response:
    return await _render(page, section=section, values=values, errors=errors, status=422)


def _saved(page: Page, changed: bool) -> Response:
    page.flash(page.gettext("Settings saved.") if changed else page.gettext("Nothing was changed."),
               "success" if changed else "info")
    return page.redirect(page.url("console.settings_page"))


def _check(page: Page, schema: type[BaseModel], body: dict[str, Any], errors: dict[str, str],
           fields: dict[str, str] | None = None) -> Any:
    """`body` checked by `schema`, or None with its refusals added to `errors`."""
    try:
        return schema.model_validate(body)
    except ValidationError as error:
        errors.update(field_errors(page, error, fields=fields, words=WORDS))
        return None


async def _save_merchant_settings(page: Page, section: str, values: dict[str, str], body: dict[str, Any],
                                  fields: dict[str, str]) -> Response:
    """A section of the merchant's own settings (`MerchantPatch`): refused, or what differs saved."""
    errors: dict[str, str] = {}
    checked = _check(page, MerchantPatch, body, errors, fields=fields)
    if checked is None:
        return await _refused(page, section, values, errors)
    changes = _differing(checked.changes(), await settings.get_settings(page.merchant_id))
    if changes:
        await settings.update_settings(page.merchant_id, changes, actor=actor(page))
    return _saved(page, bool(changes))


@pages.post("/console/settings/attribution")
async def save_attribution(page: Page) -> Response:
    form = await page.form()
    values = {name: _text(form, name) for name in ("attribution_window_days", "attribution_model", "binding_mode",
                                                     "binding_days", "allow_self_referral")}
    mode = values["binding_mode"]
    body = {
        "attribution_window_days": whole_number(values["attribution_window_days"]),
        "attribution_model": values["attribution_model"],
        "binding": {"mode": mode, "days": whole_number(values["binding_days"]) if mode == "days" else None},
        "allow_self_referral": values["allow_self_referral"] == "1",
    }
    return await _save_merchant_settings(
        page, "attribution", values, body,
        fields={"binding": "binding_days", "binding.days": "binding_days", "binding.mode": "binding_mode"},
    )


@pages.post("/console/settings/commissions")
async def save_commissions(page: Page) -> Response:
    form = await page.form()
    values = {name: _text(form, name) for name in ("hold_days", "rounding", "points_per_unit", "points_rounding",
                                                     "expiry_months")}
    errors: dict[str, str] = {}
    checked_terms = _check(page, TermsUpdate, {
        "hold_days": whole_number(values["hold_days"]), "rounding": values["rounding"],
        "points_per_unit": values["points_per_unit"], "points_rounding": values["points_rounding"],
    }, errors)
    checked_points = _check(page, PointsSettingsUpdate, {"expiry_months": whole_number(values["expiry_months"])}, errors)
    if checked_terms is None or checked_points is None:
        return await _refused(page, "commissions", values, errors)
    changes = _differing(checked_terms.changes(), await terms.get_terms(page.merchant_id))
    if changes:
        await terms.update_terms(page.merchant_id, changes, actor=actor(page))
    months = checked_points.expiry_months
    points_changed = months != (await expiry.get_settings(page.merchant_id)).expiry_months
    if points_changed:
        await expiry.update_settings(page.merchant_id, expiry_months=months, actor=actor(page))
    return _saved(page, bool(changes) or points_changed)


def _fraud_body(form: FormData) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    values: dict[str, str] = {}
    body: dict[str, dict[str, Any]] = {}
    for signal in Signal:
        names = ("action", *(name for name, _ in THRESHOLDS.get(signal.value, ())))
        body[signal.value] = {}
        for name in names:
            text = values[f"{signal.value}-{name}"] = _text(form, f"{signal.value}-{name}")
            body[signal.value][name] = text if name in ("action", "max_percent") else whole_number(text)
    return values, body


@pages.post("/console/settings/fraud")
async def save_fraud(page: Page) -> Response:
    values, body = _fraud_body(await page.form())
    errors: dict[str, str] = {}
    fields = {f"fraud_signals.{signal}.{name}": f"{signal}-{name}" for signal in body for name in body[signal]}
    checked = _check(page, MerchantPatch, {"fraud_signals": body}, errors, fields=fields)
    if checked is None:
        return await _refused(page, "fraud", values, errors)
    current = FraudRules.from_json((await settings.get_settings(page.merchant_id)).fraud_signals).to_json()
    changes = {
        signal: changed
        for signal, sent in checked.changes()["fraud_signals"].items()
        if (changed := {name: value for name, value in sent.items() if current[signal].get(name) != value})
    }
    if changes:
        await settings.update_settings(page.merchant_id, {"fraud_signals": changes}, actor=actor(page))
    return _saved(page, bool(changes))


@pages.post("/console/settings/shop")
async def save_shop(page: Page) -> Response:
    form = await page.form()
    values = {name: str(form.get(name, "")).strip() for name in ("timezone", "allowed_domains", "webhook_url")}
    body = {
        "timezone": values["timezone"], "webhook_url": values["webhook_url"] or None,
        "allowed_domains": [line.strip() for line in values["allowed_domains"].splitlines() if line.strip()],
    }
    return await _save_merchant_settings(page, "shop", values, body, fields={"allowed_domains": "allowed_domains"})


@pages.post("/console/settings/notifications")
async def save_notifications(page: Page) -> Response:
    """The channels partners' notices go by besides the inbox (each partner chooses among them)."""
    form = await page.form()
    changed = preferences.Channels(email=form.get("email") == "1", sms=form.get("sms") == "1")
    before = await preferences.merchant_channels(page.merchant_id)
    await preferences.set_merchant_channels(page.merchant_id, changed, actor=actor(page))
    return _saved(page, changed != before)


@pages.post("/console/settings/webhook-secret")
async def rotate_webhook_secret(page: Page) -> Response:
    """A new secret for the shop to sign its events with, shown this once; the old one still
    verifies for the grace period (`RELAY_WEBHOOK_SECRET_GRACE_HOURS`)."""
    grace = timedelta(hours=page.request.app.state.settings.webhook_secret_grace_hours)
    secret = await settings.rotate_webhook_secret(
        page.merchant_id, sealer=page.request.app.state.settings.sealer, grace=grace, actor=actor(page)
    )
    return await _render(page, secret=secret)
