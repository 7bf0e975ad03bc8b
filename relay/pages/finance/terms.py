"""Payout terms as a form: the withholding rule, the minimum payout and the schedule of each asset
(cash in the merchant's currency, points), the payee-change signal, and when each schedule drafts
its next batch. Checked by the API's own schema and service (`PATCH /api/v1/payout-terms`); a
refusal is shown next to its field and nothing is written; only what differs is saved, audited
as the staff account."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from starlette.responses import Response

from core.errors import InvalidInput
from core.money import POINTS, format_major
from core.time import now
from payouts import withholding
from payouts.models import PayeeSignal, PayoutFrequency
from payouts.schemas import PayoutTermsUpdate
from payouts.service import terms
from payouts.service.schedule import next_period_end
from payouts.service.terms import PayoutTermsInfo, Schedule
from relay.pages.console.common import actor
from relay.pages.finance import pages
from relay.pages.form_errors import field_errors, whole_number
from relay.pages.i18n import N_
from relay.pages.routing import Page

WITHHOLDING_LABELS = {
    withholding.NONE: N_("None: partners are paid the whole amount"),
    withholding.CN_LABOUR_REMUNERATION: N_("China: individual income tax on labour remuneration (withheld monthly)"),
}
FREQUENCY_LABELS = {"": N_("No schedule: batches are made by hand"), PayoutFrequency.weekly.value: N_("Every week"),
                    PayoutFrequency.monthly.value: N_("Every month")}
WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday"))
SIGNAL_LABELS = {
    PayeeSignal.off.value: N_("Off: paid as usual"),
    PayeeSignal.flag.value: N_("Flag: paid, and the line shows the change"),
    PayeeSignal.hold.value: N_("Hold: the partner's lines wait until the change is old enough"),
}
#: The form's two assets: cash (the merchant's currency) and points.
KINDS = ("cash", "points")
#: What each field's refusal says, in the page's language (the service's own words are English).
WORDS = {
    "withholding": N_("This withholding rule does not apply to your currency: choose another."),
    "minimum-cash": N_("Enter an amount more than zero, like 50 or 100.00; blank: the default."),
    "minimum-points": N_("Enter a whole number of points, at least 1; blank: the default."),
    "schedule-cash-weekday": N_("Choose a day of the week."),
    "schedule-points-weekday": N_("Choose a day of the week."),
    "schedule-cash-monthday": N_("Choose a day from 1 to 28."),
    "schedule-points-monthday": N_("Choose a day from 1 to 28."),
    "payee_days": N_("Enter a number of days from 1 to 365."),
}
FIELDS = ("withholding", "minimum-cash", "minimum-points", "schedule-cash-frequency", "schedule-cash-weekday",
          "schedule-cash-monthday", "schedule-points-frequency", "schedule-points-weekday", "schedule-points-monthday",
          "payee_signal", "payee_days")


def _asset(info: PayoutTermsInfo, kind: str) -> str:
    return info.currency if kind == "cash" else POINTS.code


def _values(info: PayoutTermsInfo) -> dict[str, str]:
    """The form showing the stored terms (a default minimum shows blank, its amount as a hint)."""
    values = {"withholding": info.withholding, "payee_signal": info.payee_change.signal.value,
              "payee_days": str(info.payee_change.days)}
    for kind in KINDS:
        asset = info.for_asset(_asset(info, kind))
        values[f"minimum-{kind}"] = "" if asset.minimum_is_default else format_major(asset.minimum_minor, asset.asset)
        schedule = asset.schedule
        values[f"schedule-{kind}-frequency"] = "" if schedule is None else schedule.frequency.value
        weekly = schedule is not None and schedule.frequency == PayoutFrequency.weekly
        values[f"schedule-{kind}-weekday"] = str(schedule.day) if weekly else "0"
        values[f"schedule-{kind}-monthday"] = str(schedule.day) if schedule is not None and not weekly else "1"
    return values


def _day_field(kind: str, values: dict[str, str]) -> str:
    weekly = values[f"schedule-{kind}-frequency"] == PayoutFrequency.weekly.value
    return f"schedule-{kind}-{'weekday' if weekly else 'monthday'}"


def _body(info: PayoutTermsInfo, values: dict[str, str]) -> dict[str, Any]:
    """The API's request body the form describes."""
    body: dict[str, Any] = {
        "withholding": values["withholding"],
        "minimums": {_asset(info, kind): values[f"minimum-{kind}"] or None for kind in KINDS},
        "schedules": {},
        "payee_change": {"signal": values["payee_signal"], "days": whole_number(values["payee_days"])},
    }
    for kind in KINDS:
        frequency = values[f"schedule-{kind}-frequency"]
        body["schedules"][_asset(info, kind)] = None if not frequency else {
            "frequency": frequency, "day": whole_number(values[_day_field(kind, values)])}
    return body


def _field_of(info: PayoutTermsInfo, location: str, values: dict[str, str]) -> str:
    """The form field of an API location (``minimums.CNY`` -> ``minimum-cash``)."""
    for kind in KINDS:
        asset = _asset(info, kind)
        if location.startswith(f"minimums.{asset}"):
            return f"minimum-{kind}"
        if location.startswith(f"schedules.{asset}.frequency"):
            return f"schedule-{kind}-frequency"
        if location.startswith(f"schedules.{asset}"):
            return _day_field(kind, values)
    return {"payee_change.signal": "payee_signal", "payee_change.days": "payee_days"}.get(location, location)


def _worded(page: Page, errors: list[dict[str, str]], info: PayoutTermsInfo, values: dict[str, str]) -> dict[str, str]:
    """The service's refusals (English, by API location) next to their fields, in the page's language."""
    found: dict[str, str] = {}
    for error in errors:
        name = _field_of(info, error["field"], values)
        words = N_("Choose one of the options.") if error["message"] == "unknown rule" else WORDS.get(name)
        found.setdefault(name, page.gettext(words or N_("This value is not valid.")))
    return found


async def _render(page: Page, info: PayoutTermsInfo, values: dict[str, str], errors: dict[str, str] | None = None,
                  status: int = 200) -> Response:
    at = now()
    assets = []
    for kind in KINDS:
        asset = info.for_asset(_asset(info, kind))
        assets.append({
            "kind": kind, "asset": asset.asset, "default_minimum": asset.minimum_minor if asset.minimum_is_default else None,
            "next_run": None if asset.schedule is None else next_period_end(asset.schedule, at, info.timezone),
        })
    rules = [(name, page.gettext(WITHHOLDING_LABELS.get(name, name))) for name in sorted(withholding.RULES)]
    return page.render(
        "finance/terms.html", status=status, info=info, values=values, errors=errors or {}, assets=assets,
        rules=rules, frequencies=[(value, page.gettext(label)) for value, label in FREQUENCY_LABELS.items()],
        weekdays=[(str(day), page.gettext(label)) for day, label in enumerate(WEEKDAYS)],
        monthdays=[(str(day), str(day)) for day in range(1, 29)],
        signals=[(value, page.gettext(label)) for value, label in SIGNAL_LABELS.items()],
    )


@pages.get("/finance/terms", nav=N_("Payout terms"))
async def terms_page(page: Page) -> Response:
    info = await terms.get_terms(page.merchant_id)
    return await _render(page, info, _values(info))


def _changes(info: PayoutTermsInfo, checked: PayoutTermsUpdate) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """update_terms' arguments for what differs from the stored terms, and the refusals of the
    schema's own checks (amounts, days), all of them at once."""
    changes: dict[str, Any] = {}
    refused: list[dict[str, str]] = []
    if checked.withholding != info.withholding:
        changes["withholding_rule"] = checked.withholding
    minimums: dict[str, int | None] = {}
    for asset, sent in (checked.minimums or {}).items():  # each asset on its own: every refusal at once
        try:
            minimum = PayoutTermsUpdate(minimums={asset: sent}).minimums_minor()[asset]  # type: ignore[index]
        except InvalidInput as error:
            refused += error.extra["errors"]
            continue
        if minimum != (None if info.for_asset(asset).minimum_is_default else info.for_asset(asset).minimum_minor):
            minimums[asset] = minimum
    if minimums:
        changes["minimums"] = minimums
    schedules: dict[str, Schedule | None] = {}
    for asset, sent in (checked.schedules or {}).items():
        try:
            schedule = PayoutTermsUpdate(schedules={asset: sent}).schedules_given()[asset]  # type: ignore[index]
        except InvalidInput as error:
            refused += error.extra["errors"]
            continue
        if schedule != info.for_asset(asset).schedule:
            schedules[asset] = schedule
    if schedules:
        changes["schedules"] = schedules
    try:
        payee_change = None if checked.payee_change is None else checked.payee_change.change()
    except InvalidInput as error:
        refused += error.extra["errors"]
    else:
        changes |= {"payee_change": payee_change} if payee_change not in (None, info.payee_change) else {}
    return changes, refused


@pages.post("/finance/terms")
async def save_terms(page: Page) -> Response:
    form = await page.form()
    values = {name: str(form.get(name, "")).strip() for name in FIELDS}
    info = await terms.get_terms(page.merchant_id)
    try:
        checked = PayoutTermsUpdate.model_validate(_body(info, values))
    except ValidationError as error:
        fields = {f"minimums.{_asset(info, kind)}": f"minimum-{kind}" for kind in KINDS} | {
            f"schedules.{_asset(info, kind)}.{part}": f"schedule-{kind}-frequency" if part == "frequency"
            else _day_field(kind, values) for kind in KINDS for part in ("frequency", "day")
        } | {"payee_change.signal": "payee_signal", "payee_change.days": "payee_days"}
        return await _render(page, info, values, field_errors(page, error, fields=fields, words=WORDS), status=422)
    changes, refused = _changes(info, checked)
    try:
        if refused:
            raise InvalidInput("payout terms refused", refused)
        if changes:
            await terms.update_terms(page.merchant_id, **changes, actor=actor(page))
    except InvalidInput as error:
        return await _render(page, info, values, _worded(page, error.extra["errors"], info, values), status=422)
    page.flash(page.gettext("Payout terms saved.") if changes else page.gettext("Nothing was changed."),
               "success" if changes else "info")
    return page.redirect(page.url("finance.terms_page"))
