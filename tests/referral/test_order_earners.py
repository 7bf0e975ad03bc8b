"""order.created reads who earns on the order with its attribution facts (one query less for
commissions): the partners it hands on are exactly those `earners` reads, on every path."""

from __future__ import annotations

import pytest
from tortoise.transactions import in_transaction

from core.time import now
from referral.service.earners import earners
from referral.service.orders import LineInput, OrderInput, create_order
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_click, make_link, make_partner

pytestmark = pytest.mark.usefixtures("database_url")  # the real database, migrated


def _order(external_id: str, **touch) -> OrderInput:
    return OrderInput(
        external_id=external_id, occurred_at=now(), currency="CNY", channel="online",
        lines=(LineInput("TEA-1", "tea", 1, 1000),), customer_ref=f"cust-{external_id}", **touch,
    )


@pytest.mark.parametrize("recruiter_status", ["active", "suspended", None])
async def test_the_earners_read_with_the_order_are_those_earners_reads(recruiter_status):
    m = await make_merchant()
    recruiter = None
    if recruiter_status is not None:
        recruiter = await make_partner(m.id, status=recruiter_status, kind="outlet", group="gold")
    partner = await make_partner(
        m.id, kind="parent", reward_preference="points", recruiter_id=recruiter.id if recruiter else None
    )
    link = await make_link(partner)
    click = await make_click(link, "visitor-1")
    for external_id, touch in [
        ("by-code", {"partner_code": partner.code}),
        ("by-click", {"click_id": click.id}),
        ("by-visit", {"visitor_id": "visitor-1"}),
    ]:
        async with in_transaction():
            outcome = await create_order(m.id, _order(external_id, **touch))
            expected = await earners(m.id, partner.id)
        assert outcome.order.attribution.partner_id == partner.id
        assert list(outcome.order.attribution.earners) == expected
        assert len(expected) == (2 if recruiter_status == "active" else 1)


async def test_an_unattributed_order_hands_on_no_earners():
    m = await make_merchant()
    async with in_transaction():
        outcome = await create_order(m.id, _order("nobody"))
    assert outcome.order.attribution.partner_id is None
    assert outcome.order.attribution.earners == ()
