"""Partner kinds in words: the kinds every merchant has (a stay-at-home parent, a property manager,
an in-store sales guide, a service outlet, a loyal customer), labelled in each language of the
catalogues; a kind a merchant made up through the API is shown as it was typed."""

from __future__ import annotations

from collections.abc import Iterable

from relay.pages.i18n import N_
from relay.pages.routing import Page

#: kind -> label (translated when shown), in the order a form offers them.
KIND_LABELS = {
    "parent": N_("Stay-at-home parent"),
    "property_manager": N_("Property manager"),
    "sales_guide": N_("In-store sales guide"),
    "service_outlet": N_("Service outlet"),
    "customer": N_("Loyal customer"),
}


def kind_label(page: Page, kind: str) -> str:
    label = KIND_LABELS.get(kind)
    return page.gettext(label) if label else kind


def kind_options(page: Page, in_use: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(kind, label) for a select: the built-in kinds, then the others the merchant's partners have."""
    others = sorted(set(in_use) - set(KIND_LABELS))
    return [(kind, kind_label(page, kind)) for kind in (*KIND_LABELS, *others)]
