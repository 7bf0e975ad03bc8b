"""Extract the consoles' strings and update the .po catalogues: ``make messages``
(``python -m relay.pages.catalogues``; ``--check`` only lists what is missing, exit 1 if any).

Strings are extracted from relay/pages/**.py (``_``, ``gettext``, ``ngettext``, ``N_``) and the
templates, with the mapping in relay/pages/babel.cfg (pybabel reads the same file). A string
stays in the catalogue that already has it; a new one goes to its console's file
(partner.po, console.po, finance.po, mail.po, by where it is first used) or to messages.po. New
English entries get the msgid itself; new zh_Hans entries are left empty for a translator
(the test tests/pages/test_catalogues.py fails until they are filled in).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import write_po

from relay.pages.i18n import LOCALE_DIR, LOCALES, read_catalogue

PAGES = Path(__file__).resolve().parent
MAPPING = PAGES / "babel.cfg"
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}
DOMAINS = ("messages", "partner", "console", "finance", "mail")
#: The locale whose translations may be filled in with the msgid itself.
SOURCE_LOCALE = "en"


def message_key(msgid: str | tuple[str, ...], context: str | None = None) -> str | tuple[str, str]:
    """How a catalogue keys a message (babel's own rule): the singular msgid, with its context
    (``pgettext("audit log", "When")``) when it has one."""
    singular = msgid[0] if isinstance(msgid, tuple | list) else msgid
    return singular if context is None else (singular, context)


@dataclass
class Extracted:
    id: str | tuple[str, str]
    locations: list[tuple[str, int]]
    context: str | None = None

    @property
    def key(self) -> str | tuple[str, str]:
        return message_key(self.id, self.context)


def extract() -> dict[str | tuple[str, str], Extracted]:
    """Every translatable string of the pages, keyed by `message_key`, with where it is used."""
    with MAPPING.open() as file:
        method_map, options_map = parse_mapping_cfg(file, str(MAPPING))
    found: dict[str, Extracted] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(PAGES), method_map, options_map, keywords=KEYWORDS, strip_comment_tags=True
    ):
        item = Extracted(message, [], context)
        found.setdefault(item.key, item).locations.append((filename, lineno))
    return found


def domain_of(filename: str) -> str:
    """The catalogue a new string goes to: its console's, else the shared messages.po."""
    parts = Path(filename).parts
    for domain in DOMAINS[1:]:
        if domain in parts[:2]:
            return domain
    return "messages"


def _path(locale: str, domain: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{domain}.po"


def _load(locale: str) -> dict[str, Catalog]:
    catalogues = {}
    for domain in DOMAINS:
        path = _path(locale, domain)
        catalogues[domain] = read_catalogue(path, locale) if path.exists() else Catalog(locale=locale)
    return catalogues


def update() -> None:
    """Bring every catalogue in line with the code: add new strings; unused ones become obsolete."""
    extracted = extract()
    for locale in LOCALES:
        old = _load(locale)
        new = {
            domain: Catalog(locale=locale, project="Relay", fuzzy=False, creation_date=old[domain].creation_date)
            for domain in DOMAINS
        }
        for key, item in sorted(extracted.items(), key=lambda pair: _sortable(pair[0])):
            home = next((d for d in DOMAINS if _current(old[d], item)), None)
            if home is None:  # a string used again keeps the translation it had
                home = next((d for d in DOMAINS if key in old[d].obsolete), None)
            domain = home or domain_of(item.locations[0][0])
            previous = (_current(old[domain], item) or old[domain].obsolete.get(key)) if home else None
            if previous is not None and previous.id == item.id:
                string, flags = previous.string, previous.flags
            else:
                string, flags = _initial(item.id, locale), set()
            new[domain].add(item.id, string, locations=item.locations, flags=flags, context=item.context)
        # Strings no longer used are kept as obsolete (#~) entries, translations and all.
        for domain in DOMAINS:
            for key, message in [*old[domain].obsolete.items(),
                                 *((message_key(m.id, m.context), m) for m in old[domain] if m.id)]:
                if key not in extracted:
                    new[domain].obsolete[key] = message
        for domain, catalogue in new.items():
            path = _path(locale, domain)
            if len(catalogue) or catalogue.obsolete or path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                with path.open("wb") as file:
                    write_po(file, catalogue, width=100, sort_output=True, include_lineno=False)


def _current(catalogue: Catalog, item: Extracted) -> Message | None:
    """`item`'s entry in `catalogue` (not an obsolete one), its context and all."""
    return catalogue.get(item.id[0] if isinstance(item.id, tuple) else item.id, context=item.context)


def _initial(msgid: str | tuple[str, str], locale: str) -> str | tuple[str, ...]:
    if locale != SOURCE_LOCALE:
        return ("",) if isinstance(msgid, tuple) else ""
    return msgid


def _sortable(key: str | tuple[str, str]) -> tuple[str, str]:
    return (key, "") if isinstance(key, str) else key


def missing() -> dict[str, list[str | tuple[str, str]]]:
    """Per locale, the extracted msgids with no (or a fuzzy, or an empty plural form) translation."""
    extracted = extract()
    result: dict[str, list[str]] = {}
    for locale in LOCALES:
        catalogues = _load(locale)
        gaps = []
        for key, item in sorted(extracted.items(), key=lambda pair: _sortable(pair[0])):
            message = next((found for c in catalogues.values() if (found := _current(c, item)) is not None), None)
            strings = message.string if message is not None and isinstance(message.string, tuple) else (
                (message.string,) if message is not None else ("",)
            )
            if message is None or message.fuzzy or not all(strings):
                gaps.append(key)
        result[locale] = gaps
    return result


def main(argv: list[str]) -> int:
    if "--check" not in argv:
        update()
    gaps = missing()
    for locale, keys in gaps.items():
        for key in keys:
            print(f"{locale}: untranslated: {key!r}")
    return 1 if any(gaps.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
