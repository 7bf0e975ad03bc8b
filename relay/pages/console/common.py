"""What the merchant console's pages share: the staff member as the audit actor, a date range
from the query string, a safe place to come back to, and offset paging."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from accounts.service.audit import Actor
from relay.pages.routing import Page

#: The longest range a report or a simulation page takes (days), so a page stays bounded.
MAX_DAYS = 366


def actor(page: Page) -> Actor:
    """The signed-in staff account, as the audit log records who made a change."""
    return Actor.staff(page.staff.id, page.staff.role)


def today(page: Page) -> date:
    return datetime.now(page.timezone).date()


@dataclass(frozen=True, slots=True)
class DateRange:
    first: date
    last: date
    errors: dict[str, str]

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def date_range(page: Page, default_days: int = 30) -> DateRange:
    """``from`` and ``to`` (local days, both included) from the query string; the last
    `default_days` up to today when absent; errors by field when unreadable or reversed."""
    last_default = today(page)
    errors: dict[str, str] = {}
    values: dict[str, date] = {}
    for name, default in (("from", last_default - timedelta(days=default_days - 1)), ("to", last_default)):
        text = page.request.query_params.get(name, "").strip()
        try:
            values[name] = date.fromisoformat(text) if text else default
        except ValueError:
            errors[name] = page.gettext("Enter a date like 2026-03-08.")
            values[name] = default
    first, last = values["from"], values["to"]
    if not errors and last < first:
        errors["to"] = page.gettext("The end is before the start.")
        first, last = last, first
    if not errors and (last - first).days >= MAX_DAYS:
        errors["to"] = page.gettext("At most %(days)s days at a time.", days=MAX_DAYS)
        first = last - timedelta(days=MAX_DAYS - 1)
    return DateRange(first, last, errors)


def back_to(page: Page, form_value: object, fallback: str) -> str:
    """Where to send the browser after a POST: the console page it came from, else `fallback`."""
    if isinstance(form_value, str) and form_value.startswith("/console/") and "//" not in form_value:
        return form_value
    return fallback


def page_number(page: Page) -> int:
    text = page.request.query_params.get("page", "1")
    return max(1, min(int(text), 10**6)) if text.isdigit() else 1

