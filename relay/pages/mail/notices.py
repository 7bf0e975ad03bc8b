"""What a notice says (notifications.kinds.Kind with its params), in the partner's language: the
inbox shows it, the email and SMS carry it. Amounts are minor units with their currency in the
params, formatted here for the locale; reasons are codes, said here in plain words."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from core.money import POINTS
from notifications.kinds import Kind
from relay.pages.i18n import N_, translations
from relay.pages.mail import Message, gettext
from relay.pages.templating import format_minor, format_points

#: The SMS template of each kind (RELAY_SMS_TEMPLATES maps it to the provider's template id).
SMS_TEMPLATES = {kind: f"notice_{kind.value}" for kind in Kind}

#: What each kind is called on the preferences page and in an unsubscribe.
KIND_LABELS = {
    Kind.application_decided: N_("My application is decided"),
    Kind.order_attributed: N_("An order counts as mine"),
    Kind.commissions_available: N_("Commissions become available"),
    Kind.commission_reversed: N_("A commission is reversed"),
    Kind.payout_line: N_("A payout is paid, fails or is returned"),
    Kind.points_credited: N_("Points are credited"),
}

_DECIDED = {
    "approve": (N_("Your application is approved"),
                N_("%(merchant)s: your application to become a partner is approved. Sign in to find your invite "
                   "link and start sharing.")),
    "reject": (N_("Your application was not approved"),
               N_("%(merchant)s: your application to become a partner was not approved. The reason: %(note)s")),
    "request_info": (N_("More information is needed for your application"),
                     N_("%(merchant)s needs more information about your application: %(note)s Sign in to answer.")),
}
_REVERSAL_REASONS = {
    "refund": N_("the order was refunded"),
    "partial_refund": N_("part of the order was refunded"),
    "canceled": N_("the order was canceled"),
    "rejected": N_("the merchant did not accept it (%(note)s)"),
}
_PAYOUT = {
    "paid": (N_("Payout paid: %(amount)s"), N_("%(merchant)s has paid you %(amount)s.")),
    "failed": (N_("Payout failed: %(amount)s"),
               N_("%(merchant)s could not pay you %(amount)s (%(note)s). Check your payee details; the amount "
                  "stays yours and will be paid again.")),
    "returned": (N_("Payout returned: %(amount)s"),
                 N_("The payout of %(amount)s from %(merchant)s was returned by the bank (%(note)s). Check your "
                    "payee details; the amount stays yours and will be paid again.")),
}


def money(params: Mapping[str, Any], locale: str, key: str = "amount_minor") -> str:
    """An amount of the params (minor units and "currency"), or points with their unit."""
    currency, minor = params.get("currency") or POINTS.code, int(params.get(key) or 0)
    if currency == POINTS.code:
        return format_points(minor, locale, _ngettext(locale))
    return format_minor(minor, currency, locale)


def _ngettext(locale: str) -> Callable[[str, str, int], str]:
    return translations(locale).ngettext


def unsubscribe_footer(locale: str, kind: Kind, url: str) -> str:
    """The end of a notice's email: why it came, and the link that stops its kind."""
    return gettext(locale, N_("You receive this email because you chose to be told when: %(kind)s. To stop these "
                              "emails (they stay in your inbox): %(url)s"),
                   kind=gettext(locale, KIND_LABELS[kind]), url=url)


def notice_message(kind: Kind, params: Mapping[str, Any], *, locale: str, merchant: str) -> Message:
    """The notice as a title (the inbox's headline, the email's subject) and a text."""
    note = str(params.get("note") or "")
    title, text, values = _words(kind, params, locale, merchant, note)
    return Message(kind=SMS_TEMPLATES[kind], title=title, text=text, values=values)


def _words(kind: Kind, params: Mapping[str, Any], locale: str, merchant: str,
           note: str) -> tuple[str, str, dict[str, str]]:
    if kind == Kind.application_decided:
        title, text = _DECIDED.get(str(params.get("decision")), _DECIDED["approve"])
        return gettext(locale, title), gettext(locale, text, merchant=merchant, note=note), {"note": note}
    if kind == Kind.order_attributed:
        amount, order = money(params, locale), str(params.get("order") or "")
        return (gettext(locale, N_("New order: %(amount)s expected"), amount=amount),
                gettext(locale, N_("%(merchant)s: order %(order)s counts as yours. It is expected to earn you "
                                   "%(amount)s once the after-sales window has passed."),
                        merchant=merchant, order=order, amount=amount),
                {"order": order, "amount": amount})
    if kind == Kind.commissions_available:
        amount, count = money(params, locale), int(params.get("count") or 0)
        title = (gettext(locale, N_("A commission became available: %(amount)s"), amount=amount) if count == 1 else
                 gettext(locale, N_("%(count)s commissions became available: %(amount)s"), count=count, amount=amount))
        return (title, gettext(locale, N_("%(merchant)s: %(what)s. It is yours to be paid in the next payout."),
                               merchant=merchant, what=title),
                {"count": str(count), "amount": amount})
    if kind == Kind.commission_reversed:
        amount, order = money(params, locale), str(params.get("order") or "")
        reason = gettext(locale, _REVERSAL_REASONS.get(str(params.get("reason")), _REVERSAL_REASONS["refund"]),
                         note=note)
        return (gettext(locale, N_("A commission was reversed: %(amount)s"), amount=amount),
                gettext(locale, N_("%(merchant)s: %(amount)s of your commission on order %(order)s was taken back "
                                   "because %(reason)s."), merchant=merchant, amount=amount, order=order,
                        reason=reason),
                {"order": order, "amount": amount})
    if kind == Kind.payout_line:
        title, text = _PAYOUT.get(str(params.get("outcome")), _PAYOUT["paid"])
        amount = money(params, locale)
        return (gettext(locale, title, amount=amount),
                gettext(locale, text, merchant=merchant, amount=amount, note=note or gettext(locale, N_("no reason given"))),
                {"amount": amount})
    points = money({"amount_minor": params.get("points"), "currency": POINTS.code}, locale)
    return (gettext(locale, N_("%(points)s credited"), points=points),
            gettext(locale, N_("%(merchant)s: %(points)s were credited to your points wallet."),
                    merchant=merchant, points=points),
            {"points": points})
