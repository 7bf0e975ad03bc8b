"""A form's refusals in the page's language. The consoles' forms are validated by the API's own
schemas (so a form accepts exactly what the API accepts); pydantic's errors are worded here from
their type and parameters, by form field, never shown in pydantic's English."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import ValidationError

from relay.pages.i18n import N_
from relay.pages.routing import Page

#: pydantic error type -> words; placeholders are the error's context (max_length, ge, le...).
WORDS = {
    "missing": N_("Required."),
    "string_too_short": N_("Required."),
    "string_too_long": N_("At most %(max_length)s characters."),
    "too_long": N_("At most %(max_length)s items."),
    "int_type": N_("Enter a whole number."),
    "int_parsing": N_("Enter a whole number."),
    "int_from_float": N_("Enter a whole number."),
    "greater_than_equal": N_("At least %(ge)s."),
    "greater_than": N_("More than %(gt)s."),
    "less_than_equal": N_("At most %(le)s."),
    "less_than": N_("Less than %(lt)s."),
    "enum": N_("Choose one of the options."),
    "literal_error": N_("Choose one of the options."),
    "bool_type": N_("Choose one of the options."),
    "host_name": N_("Enter a host name like shop.example.com."),
    "webhook_url": N_("Enter an address starting with http:// or https://, like https://shop.example.com/relay."),
    "percent": N_("Enter a percent from 0 to 100, like 30 or 12.5."),
}
INVALID = N_("This value is not valid.")


def _location(loc: Iterable[Any], fields: Mapping[str, str]) -> str:
    """The form field of a pydantic location: the longest dotted prefix `fields` renames, else the
    location itself (``allowed_domains.0`` -> ``allowed_domains`` with ``{"allowed_domains": ...}``)."""
    dotted = ".".join(str(part) for part in loc)
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        prefix = ".".join(parts[:end])
        if prefix in fields:
            return fields[prefix]
    return dotted


def field_errors(
    page: Page, error: ValidationError, *, fields: Mapping[str, str] | None = None,
    words: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """{form field: message in the page's language}, the first refusal of each field.

    `fields` renames locations to form fields (see `_location`); `words` gives a form field its own
    words (marked with N_) for what a type cannot say: a pattern's meaning, a model check's reason.
    """
    found: dict[str, str] = {}
    for item in error.errors(include_url=False):
        name = _location(item["loc"], fields or {})
        if name in found:
            continue
        context = {key: value for key, value in (item.get("ctx") or {}).items() if isinstance(value, int | str)}
        own = (words or {}).get(name)
        if own is not None:
            found[name] = page.gettext(own)
        elif item["type"] == "string_too_short" and context.get("min_length", 1) > 1:
            found[name] = page.gettext("At least %(min_length)s characters.", min_length=context["min_length"])
        else:
            text = page.gettext(WORDS.get(item["type"], INVALID))
            try:
                found[name] = text % context if "%(" in text else text
            except KeyError:  # a context without the placeholder's value
                found[name] = page.gettext(INVALID)
    return found


def whole_number(text: str) -> int | str | None:
    """A form's number field for a schema with StrictInt: blank is None, digits (and a sign) an
    int, anything else the text itself (the schema then refuses it as "enter a whole number")."""
    text = text.strip()
    if not text:
        return None
    body = text[1:] if text[:1] in "+-" else text
    return int(text) if body.isascii() and body.isdigit() and len(body) <= 18 else text
