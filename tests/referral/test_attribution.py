"""The attribution rules as a pure function: precedence, bindings, windows, refusals (no database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from referral.attribution import (
    BindingFacts,
    ClickFacts,
    Model,
    PartnerFacts,
    Reason,
    Rules,
    Touches,
    decide,
    in_window,
)

AT = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
ANN = PartnerFacts(1, "active", "cust-ann")
BOB = PartnerFacts(2, "active", None)
CAT = PartnerFacts(3, "active", None)
SUSPENDED = PartnerFacts(4, "suspended", None)
PENDING = PartnerFacts(5, "pending", None)


def click(partner: PartnerFacts, ago: timedelta, *, id: str | None = None, bot: bool = False) -> ClickFacts:
    return ClickFacts(id or f"k{partner.id}-{ago.total_seconds()}", partner, 10 + partner.id, "product", AT - ago, bot)


def touches(**kw) -> Touches:
    return Touches(**{"occurred_at": AT, "customer_ref": "cust-1"} | kw)


# --- precedence --------------------------------------------------------------------------------


def test_a_code_entered_at_the_till_wins_over_binding_and_clicks():
    decision = decide(
        Rules(binding_days=0),
        touches(
            partner_code="ann", code_partner=ANN,
            binding=BindingFacts(BOB, AT - timedelta(days=1), None),
            click_id="k", click=click(CAT, timedelta(hours=1), id="k"),
        ),
    )
    assert (decision.partner_id, decision.reason) == (ANN.id, Reason.partner_code)


def test_a_binding_in_force_wins_over_clicks():
    decision = decide(
        Rules(binding_days=30),
        touches(binding=BindingFacts(BOB, AT - timedelta(days=3), AT + timedelta(days=27)),
                visitor_clicks=(click(CAT, timedelta(minutes=5)),)),
    )
    assert (decision.partner_id, decision.reason) == (BOB.id, Reason.binding)
    assert decision.binds is None


def test_the_click_id_wins_over_the_visitors_last_click():
    decision = decide(
        Rules(),
        touches(click_id="k", click=click(BOB, timedelta(days=2), id="k"),
                visitor_clicks=(click(CAT, timedelta(minutes=1)),)),
    )
    assert (decision.partner_id, decision.reason) == (BOB.id, Reason.click_id)
    assert decision.click is not None and decision.click.id == "k"


def test_the_last_click_inside_the_window_wins_by_default():
    clicks = (click(BOB, timedelta(days=10)), click(CAT, timedelta(days=1)))
    decision = decide(Rules(), touches(visitor_clicks=clicks))
    assert (decision.partner_id, decision.reason) == (CAT.id, Reason.last_click)


def test_first_click_model_credits_the_earliest_click_inside_the_window():
    clicks = (click(ANN, timedelta(days=31)), click(BOB, timedelta(days=10)), click(CAT, timedelta(days=1)))
    decision = decide(Rules(model=Model.first_click), touches(customer_ref=None, visitor_clicks=clicks))
    assert (decision.partner_id, decision.reason) == (BOB.id, Reason.first_click)


def test_nothing_at_all_is_no_touch():
    decision = decide(Rules(), touches())
    assert (decision.partner_id, decision.reason) == (None, Reason.none_no_touch)
    assert not decision.is_first_order and decision.binds is None


# --- refusals fall through to the next rule ---------------------------------------------------------


def test_an_unknown_code_falls_through_to_the_click():
    decision = decide(Rules(), touches(partner_code="NOPE", visitor_clicks=(click(BOB, timedelta(hours=1)),)))
    assert (decision.partner_id, decision.reason) == (BOB.id, Reason.last_click)


def test_an_unknown_code_and_nothing_else_says_so():
    assert decide(Rules(), touches(partner_code="NOPE")).reason == Reason.none_unknown_code


@pytest.mark.parametrize("partner", [SUSPENDED, PENDING])
def test_inactive_partners_are_never_credited(partner):
    for t in (
        touches(partner_code="x", code_partner=partner),
        touches(click_id="k", click=click(partner, timedelta(hours=1), id="k")),
        touches(visitor_clicks=(click(partner, timedelta(hours=1)),)),
    ):
        decision = decide(Rules(), t)
        assert (decision.partner_id, decision.reason) == (None, Reason.none_partner_inactive)
    bound = touches(binding=BindingFacts(partner, AT - timedelta(days=1), None))
    assert decide(Rules(binding_days=0), bound).reason == Reason.none_partner_inactive


def test_an_inactive_partners_code_falls_through_to_an_active_binding():
    decision = decide(
        Rules(binding_days=0),
        touches(partner_code="x", code_partner=SUSPENDED, binding=BindingFacts(BOB, AT - timedelta(days=1), None)),
    )
    assert (decision.partner_id, decision.reason) == (BOB.id, Reason.binding)


def test_self_referral_is_refused_unless_the_merchant_allows_it():
    own_code = touches(customer_ref="cust-ann", partner_code="ann", code_partner=ANN)
    refused = decide(Rules(), own_code)
    assert (refused.partner_id, refused.reason) == (None, Reason.none_self_referral)
    allowed = decide(Rules(allow_self_referral=True), own_code)
    assert (allowed.partner_id, allowed.reason) == (ANN.id, Reason.partner_code)
    own_click = touches(customer_ref="cust-ann", visitor_clicks=(click(ANN, timedelta(hours=1)),))
    assert decide(Rules(), own_click).reason == Reason.none_self_referral


def test_a_customer_without_a_reference_is_never_a_self_referral():
    decision = decide(Rules(), touches(customer_ref=None, partner_code="ann", code_partner=PartnerFacts(1, "active", None)))
    assert decision.reason == Reason.partner_code


def test_the_highest_refusal_is_the_reason():
    decision = decide(
        Rules(),
        touches(partner_code="x", code_partner=SUSPENDED, click_id="gone", visitor_clicks=()),
    )
    assert decision.reason == Reason.none_partner_inactive


def test_an_unknown_click_id_falls_back_to_the_visitors_click():
    decision = decide(Rules(), touches(click_id="gone", visitor_clicks=(click(BOB, timedelta(hours=2)),)))
    assert (decision.partner_id, decision.reason) == (BOB.id, Reason.last_click)
    assert decide(Rules(), touches(click_id="gone")).reason == Reason.none_unknown_click


def test_bot_clicks_are_never_credited():
    by_id = touches(click_id="k", click=click(BOB, timedelta(hours=1), id="k", bot=True))
    assert decide(Rules(), by_id).reason == Reason.none_bot_click
    visits = touches(visitor_clicks=(click(BOB, timedelta(hours=1), bot=True),))
    assert decide(Rules(), visits).reason == Reason.none_no_touch


# --- window edges: closed at both ends ----------------------------------------------------------------


def test_a_click_exactly_at_the_window_edge_counts():
    rules = Rules(window_days=30)
    edge = click(BOB, timedelta(days=30))
    assert in_window(rules, edge.occurred_at, AT)
    assert decide(rules, touches(visitor_clicks=(edge,))).reason == Reason.last_click
    assert decide(rules, touches(click_id=edge.id, click=edge)).reason == Reason.click_id


def test_a_click_one_microsecond_before_the_window_does_not():
    rules = Rules(window_days=30)
    outside = click(BOB, timedelta(days=30, microseconds=1))
    assert not in_window(rules, outside.occurred_at, AT)
    assert decide(rules, touches(visitor_clicks=(outside,))).reason == Reason.none_outside_window
    assert decide(rules, touches(click_id=outside.id, click=outside)).reason == Reason.none_outside_window


def test_a_click_at_the_instant_of_the_order_counts_and_one_after_does_not():
    rules = Rules()
    assert in_window(rules, AT, AT)
    assert not in_window(rules, AT + timedelta(microseconds=1), AT)
    late = click(BOB, -timedelta(seconds=1), id="late")
    assert decide(rules, touches(click_id="late", click=late)).reason == Reason.none_outside_window


def test_a_shorter_window_drops_an_older_click():
    clicks = (click(BOB, timedelta(days=8)),)
    assert decide(Rules(window_days=7), touches(visitor_clicks=clicks)).reason == Reason.none_outside_window
    assert decide(Rules(window_days=8), touches(visitor_clicks=clicks)).partner_id == BOB.id


# --- bindings --------------------------------------------------------------------------------------------


def test_a_first_attributed_order_binds_the_customer_for_the_configured_days():
    decision = decide(Rules(binding_days=90), touches(partner_code="ann", code_partner=PartnerFacts(1, "active", None)))
    assert decision.binds is not None
    assert (decision.binds.partner_id, decision.binds.bound_at) == (1, AT)
    assert decision.binds.expires_at == AT + timedelta(days=90)
    forever = decide(Rules(binding_days=0), touches(visitor_clicks=(click(BOB, timedelta(hours=1)),)))
    assert forever.binds is not None and forever.binds.expires_at is None


def test_no_binding_is_made_when_binding_is_off_or_the_customer_is_anonymous():
    clicks = (click(BOB, timedelta(hours=1)),)
    assert decide(Rules(binding_days=None), touches(visitor_clicks=clicks)).binds is None
    assert decide(Rules(binding_days=30), touches(customer_ref=None, visitor_clicks=clicks)).binds is None


def test_a_binding_ends_at_its_expiry_and_the_next_order_binds_anew():
    expires = AT
    binding = BindingFacts(BOB, AT - timedelta(days=30), expires)
    assert not binding.in_force(AT) and binding.in_force(AT - timedelta(microseconds=1))
    decision = decide(Rules(binding_days=30), touches(binding=binding, visitor_clicks=(click(CAT, timedelta(hours=1)),)))
    assert (decision.partner_id, decision.reason) == (CAT.id, Reason.last_click)
    assert decision.binds is not None and decision.binds.partner_id == CAT.id


def test_a_binding_is_ignored_when_the_merchant_turned_binding_off():
    binding = BindingFacts(BOB, AT - timedelta(days=1), None)
    decision = decide(Rules(binding_days=None), touches(binding=binding))
    assert decision.reason == Reason.none_no_touch


def test_a_code_overriding_a_binding_in_force_does_not_rebind():
    binding = BindingFacts(BOB, AT - timedelta(days=1), None)
    decision = decide(Rules(binding_days=0), touches(binding=binding, partner_code="c", code_partner=CAT))
    assert decision.partner_id == CAT.id and decision.binds is None


# --- first order ---------------------------------------------------------------------------------------


def test_is_first_order_only_for_the_customers_first_attributed_order():
    clicks = (click(BOB, timedelta(hours=1)),)
    assert decide(Rules(), touches(visitor_clicks=clicks)).is_first_order
    assert not decide(Rules(), touches(visitor_clicks=clicks, has_attributed_order=True)).is_first_order
    assert not decide(Rules(), touches(customer_ref=None, visitor_clicks=clicks)).is_first_order
