"""Jinja2 for the consoles: one autoescaping Environment per locale, with its gettext installed,
and filters that format amounts, points, numbers and dates for the page's locale and merchant.

Filters (``page`` in the template context supplies the locale, currency and time zone):
``minor`` (integer minor units, the merchant's currency or the one given; PTS becomes points),
``money`` (a `moneyed.Money`), ``points``, ``number``, ``percent`` (a Decimal: 0.1 -> 10%),
``date``, ``datetime`` (an aware datetime shown in the merchant's time zone) and ``day``
(a short day label for charts).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date, format_datetime, format_skeleton
from babel.numbers import format_currency, format_decimal, format_percent, get_currency_symbol
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from moneyed import Money

from core.money import POINTS, from_minor
from relay.pages import charts
from relay.pages.i18n import LOCALES, translations

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def babel_locale(name: str) -> Locale:
    """The Babel locale of `name`, parsed once: Babel parses a locale given by name on every
    formatting call, a third of the call's time, and a page formats hundreds of values."""
    return Locale.parse(name)


#: Symbols written in place of the locale's own: Relay's merchants and partners read the yuan as
#: ¥ in every language (CLDR's English writes "CN¥").
SYMBOLS = {"CNY": "¥"}


def format_amount(amount: Decimal, currency: str, locale: str | Locale, **options: Any) -> str:
    """A Decimal amount of `currency` as money for `locale` (Babel's `format_currency`, `options`
    passed on), with the symbol of `SYMBOLS` where it has one. Every money shown goes through here."""
    if isinstance(locale, str):
        locale = babel_locale(locale)
    text = format_currency(amount, currency, locale=locale, **options)
    if (symbol := SYMBOLS.get(currency)) is not None:
        text = text.replace(get_currency_symbol(currency, locale), symbol)
    return text


def format_minor(minor: int, currency: str, locale: str | Locale) -> str:
    """Integer minor units as money for `locale` (built as a Decimal by core.money, never a float)."""
    if isinstance(locale, str):
        locale = babel_locale(locale)
    if currency == POINTS.code:
        return format_decimal(minor, locale=locale)
    return format_amount(from_minor(minor, currency).amount, currency, locale)


def _page(context: Context) -> Any:
    return context["page"]


@pass_context
def minor_filter(context: Context, minor: int, currency: str | None = None) -> str:
    page = _page(context)
    code = currency or page.currency
    if code == POINTS.code:
        return points_filter(context, minor)
    return format_minor(minor, code, page.locale)


@pass_context
def money_filter(context: Context, amount: Money) -> str:
    page = _page(context)
    if amount.currency.code == POINTS.code:
        return points_filter(context, int(amount.amount))
    return format_amount(amount.amount, amount.currency.code, page.locale)


def format_points(points: int, locale: str, ngettext: Callable[[str, str, int], str]) -> str:
    """Points with their unit, "58 points" or "58 积分" (`ngettext`: the page's)."""
    return ngettext("%(num)s point", "%(num)s points", points) % {
        "num": format_decimal(points, locale=babel_locale(locale))
    }


@pass_context
def points_filter(context: Context, points: int) -> str:
    page = _page(context)
    return format_points(points, page.locale, page.ngettext)


@pass_context
def number_filter(context: Context, value: int | Decimal) -> str:
    return format_decimal(value, locale=babel_locale(_page(context).locale))


@pass_context
def percent_filter(context: Context, value: Decimal) -> str:
    return format_percent(value, locale=babel_locale(_page(context).locale), decimal_quantization=False)


@pass_context
def date_filter(context: Context, value: date | datetime, format: str = "medium") -> str:
    page = _page(context)
    if isinstance(value, datetime):
        value = value.astimezone(page.timezone).date()
    return format_date(value, format=format, locale=babel_locale(page.locale))


@pass_context
def datetime_filter(context: Context, value: datetime, format: str = "medium") -> str:
    page = _page(context)
    return format_datetime(value, format=format, tzinfo=page.timezone, locale=babel_locale(page.locale))


@pass_context
def day_filter(context: Context, value: date | datetime) -> str:
    """A short day label (Nov 30 / 11月30日), e.g. under a chart's bar."""
    page = _page(context)
    if isinstance(value, datetime):
        value = value.astimezone(page.timezone).date()
    return format_skeleton("MMMd", value, locale=babel_locale(page.locale))


FILTERS = {
    "minor": minor_filter,
    "money": money_filter,
    "points": points_filter,
    "number": number_filter,
    "percent": percent_filter,
    "date": date_filter,
    "datetime": datetime_filter,
    "day": day_filter,
}


@cache
def environment(locale: str) -> Environment:
    """The Environment of one locale (templates compile once per locale)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "svg"], default_for_string=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_translations(translations(locale), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(FILTERS)
    env.globals.update(bar_chart=charts.bar_chart, line_chart=charts.line_chart)
    return env


def compile_all() -> int:
    """Compile every template of every locale now (at startup), not on each page's first request
    in each process: about half a second once, where a person opening a page in a fresh worker
    waited up to 100 ms more. Returns how many were compiled."""
    compiled = 0
    for locale in LOCALES:
        env = environment(locale)
        for name in env.list_templates(extensions=("html", "svg", "txt")):
            env.get_template(name)
            compiled += 1
    return compiled
