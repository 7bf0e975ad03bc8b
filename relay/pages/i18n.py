"""Languages of the consoles: zh_Hans and en, read from the .po catalogues at startup (no compile step).

Every ``*.po`` under ``locale/<locale>/LC_MESSAGES/`` is loaded and merged: ``messages.po``
holds the shared strings (layout, sign-in, errors) and each console keeps its own file
(``partner.po``, ``console.po``, ``finance.po``) so that people working on different consoles
never edit the same catalogue. `relay/pages/catalogues.py` extracts and updates them.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: The languages offered, in the order the switch shows them.
LOCALES = ("zh_Hans", "en")
#: When the browser asks for none of them.
DEFAULT_LOCALE = "en"
#: The BCP 47 tag of each locale (the page's lang attribute).
HTML_LANG = {"zh_Hans": "zh-Hans", "en": "en"}
#: Each language's name in itself, for the switch.
NATIVE_NAME = {"zh_Hans": "中文", "en": "English"}


def N_(message: str) -> str:
    """Marks a string for extraction where it is defined (e.g. a nav label); translate it when shown."""
    return message


def catalogue_files(locale: str) -> list[Path]:
    return sorted((LOCALE_DIR / locale / "LC_MESSAGES").glob("*.po"))


def read_catalogue(path: Path, locale: str) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=locale)


@cache
def translations(locale: str) -> Translations:
    """All the catalogues of `locale` as one gettext translation (fuzzy entries are left out)."""
    merged = Catalog(locale=locale)
    for path in catalogue_files(locale):
        for message in read_catalogue(path, locale):
            if message.id and message.string and not message.fuzzy:
                merged[message.id] = message
    buffer = io.BytesIO()
    write_mo(buffer, merged)
    buffer.seek(0)
    return Translations(fp=buffer)


def negotiate(accept_language: str) -> str:
    """The offered locale the browser prefers most (any zh-* takes zh_Hans, any en-* takes en)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        primary = tag.strip().lower().split("-")[0]
        locale = {"zh": "zh_Hans", "en": "en"}.get(primary)
        if locale and quality > 0:
            ranked.append((-quality, position, locale))
    return min(ranked)[2] if ranked else DEFAULT_LOCALE
