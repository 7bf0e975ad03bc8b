"""Who gets the credit for an order, and why: the attribution rules as one pure function.

The rules, highest first: (1) a partner code entered at the till or checkout, (2) the
partner the customer is bound to while the binding is in force, (3) a click: the click id
the shop passed along when it is inside the window, else the visitor's last (or first)
click inside the window. A candidate whose partner is unknown, not active, or the
customer themself (self-referral, unless the merchant allows it) does not win; the next
rule is tried, and when no rule wins the order records why, naming the highest rule
that found a candidate (or `none_no_touch`).

The window is closed at both ends: a click exactly `window_days` before the order, or at
the same instant as the order, counts. A binding is in force from `bound_at` (included)
until `expires_at` (excluded).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from accounts.program_settings import Model


class Reason(StrEnum):
    """Why an order went to a partner, or to nobody (stored in `Order.attribution`)."""

    partner_code = "partner_code"  #: a code entered at the till or checkout (offline / O2O)
    binding = "binding"  #: the customer is bound to the partner of an earlier attributed order
    click_id = "click_id"  #: the click the shop passed along (``relay_click``), inside the window
    last_click = "last_click"  #: the visitor's last click inside the window
    first_click = "first_click"  #: the visitor's first click inside the window (merchant's choice)
    none_no_touch = "none_no_touch"  #: no code, binding or click at all
    none_unknown_code = "none_unknown_code"  #: the code entered is no partner's
    none_unknown_click = "none_unknown_click"  #: the click id is not one of this merchant's clicks
    none_bot_click = "none_bot_click"  #: the click id is a click by a crawler
    none_outside_window = "none_outside_window"  #: the only clicks are outside the attribution window
    none_partner_inactive = "none_partner_inactive"  #: the partner is pending or suspended
    none_self_referral = "none_self_referral"  #: the customer is the partner, and the merchant forbids it

    @property
    def attributed(self) -> bool:
        return not self.value.startswith("none_")


@dataclass(frozen=True, slots=True)
class Rules:
    """A merchant's attribution settings."""

    window_days: int = 30
    model: Model = Model.last_click
    #: None: customers are never bound; 0: bound forever; N: bound for N days.
    binding_days: int | None = None
    allow_self_referral: bool = False

    def window_start(self, at: datetime) -> datetime:
        return at - timedelta(days=self.window_days)

    def binding_expiry(self, bound_at: datetime) -> datetime | None:
        return None if not self.binding_days else bound_at + timedelta(days=self.binding_days)


@dataclass(frozen=True, slots=True)
class PartnerFacts:
    id: int
    status: str
    customer_ref: str | None


@dataclass(frozen=True, slots=True)
class ClickFacts:
    id: str
    partner: PartnerFacts
    link_id: int
    scene: str
    occurred_at: datetime
    is_bot: bool = False


@dataclass(frozen=True, slots=True)
class BindingFacts:
    partner: PartnerFacts
    bound_at: datetime
    expires_at: datetime | None

    def in_force(self, at: datetime) -> bool:
        return self.bound_at <= at and (self.expires_at is None or at < self.expires_at)


@dataclass(frozen=True, slots=True)
class Touches:
    """What the shop said about an order and what Relay knows about it."""

    occurred_at: datetime
    customer_ref: str | None = None
    #: the code entered, and its partner (None when the code is nobody's)
    partner_code: str | None = None
    code_partner: PartnerFacts | None = None
    binding: BindingFacts | None = None
    #: the click id the shop sent, and that click (None when unknown to this merchant)
    click_id: str | None = None
    click: ClickFacts | None = None
    #: the visitor's candidate clicks (bots excluded); any superset of the last (and, for
    #: first-click, the first) click inside the window will do
    visitor_clicks: tuple[ClickFacts, ...] = ()
    #: the customer already has an attributed order (not canceled) at this merchant
    has_attributed_order: bool = False


@dataclass(frozen=True, slots=True)
class NewBinding:
    partner_id: int
    bound_at: datetime
    expires_at: datetime | None


@dataclass(frozen=True, slots=True)
class Decision:
    partner_id: int | None
    reason: Reason
    click: ClickFacts | None = None
    is_first_order: bool = False
    #: the binding this order makes (None: binding is off, one is in force, or no partner)
    binds: NewBinding | None = None

    @property
    def attributed(self) -> bool:
        return self.partner_id is not None


def decide(rules: Rules, touches: Touches) -> Decision:
    """The attribution of one order: the first rule whose partner may earn, or why none."""
    at = touches.occurred_at
    refusals: list[Reason] = []

    def refusal(partner: PartnerFacts) -> Reason | None:
        if partner.status != "active":
            return Reason.none_partner_inactive
        if (
            not rules.allow_self_referral
            and touches.customer_ref is not None
            and partner.customer_ref == touches.customer_ref
        ):
            return Reason.none_self_referral
        return None

    def credit(partner: PartnerFacts, reason: Reason, click: ClickFacts | None = None) -> Decision | None:
        refused = refusal(partner)
        if refused is not None:
            refusals.append(refused)
            return None
        return _credited(rules, touches, partner, reason, click)

    if touches.partner_code:
        if touches.code_partner is None:
            refusals.append(Reason.none_unknown_code)
        elif won := credit(touches.code_partner, Reason.partner_code):
            return won

    binding = touches.binding
    if rules.binding_days is not None and binding is not None and binding.in_force(at):
        if won := credit(binding.partner, Reason.binding):
            return won

    if touches.click_id:
        click = touches.click
        if click is None:
            refusals.append(Reason.none_unknown_click)
        elif click.is_bot:
            refusals.append(Reason.none_bot_click)
        elif not in_window(rules, click.occurred_at, at):
            refusals.append(Reason.none_outside_window)
        elif won := credit(click.partner, Reason.click_id, click):
            return won

    chosen = pick_click(rules, touches.visitor_clicks, at)
    if chosen is not None:
        reason = Reason.first_click if rules.model == Model.first_click else Reason.last_click
        if won := credit(chosen.partner, reason, chosen):
            return won
    elif any(not c.is_bot and c.occurred_at <= at for c in touches.visitor_clicks):
        refusals.append(Reason.none_outside_window)

    return Decision(partner_id=None, reason=refusals[0] if refusals else Reason.none_no_touch)


def in_window(rules: Rules, clicked_at: datetime, at: datetime) -> bool:
    """A click counts from exactly `window_days` before the order up to the order itself."""
    return rules.window_start(at) <= clicked_at <= at


def pick_click(rules: Rules, clicks: Iterable[ClickFacts], at: datetime) -> ClickFacts | None:
    """The visitor's click that wins under the merchant's model (ties: the later id for last-click,
    the earlier for first-click, as the lookups in `referral.service.clicks` order them)."""
    inside = [c for c in clicks if not c.is_bot and in_window(rules, c.occurred_at, at)]
    if not inside:
        return None
    pick = min if rules.model == Model.first_click else max
    return pick(inside, key=lambda c: (c.occurred_at, c.id))


def _credited(
    rules: Rules, touches: Touches, partner: PartnerFacts, reason: Reason, click: ClickFacts | None
) -> Decision:
    customer = touches.customer_ref
    binding = touches.binding
    binds = None
    # An attributed order binds the customer unless a binding is already in force (or set up
    # for later): the first attributed order binds, and so does the first one after expiry.
    if rules.binding_days is not None and customer is not None and reason != Reason.binding:
        expired = binding is None or (binding.expires_at is not None and binding.expires_at <= touches.occurred_at)
        if expired:
            binds = NewBinding(partner.id, touches.occurred_at, rules.binding_expiry(touches.occurred_at))
    return Decision(
        partner_id=partner.id,
        reason=reason,
        click=click,
        is_first_order=customer is not None and not touches.has_attributed_order,
        binds=binds,
    )
