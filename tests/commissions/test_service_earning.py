"""An attributed order becomes commissions: levels 1 and 2, exact amounts, the version kept."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from commissions.errors import CurrencyMismatch
from commissions.models import Commission
from commissions.service import rule_sets, terms
from commissions.service.earning import commission_order
from tests.factories.commissions import make_order, percent_rule, publish_rule_set
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner

pytestmark = pytest.mark.usefixtures("database_url")  # the real database, migrated

TWO_LEVELS = {"rules": [percent_rule("l1", "10"), percent_rule("l2", "3", level=2)]}


async def two_partners(merchant_id: int, **recruiter):
    recruiter_row = await make_partner(merchant_id, **recruiter)
    partner = await make_partner(merchant_id, recruiter_id=recruiter_row.id)
    return partner, recruiter_row


async def test_an_order_pays_the_partner_and_their_recruiter_per_line_exactly():
    m = await make_merchant()
    partner, recruiter = await two_partners(m.id)
    version = await publish_rule_set(m.id, TWO_LEVELS)
    order = await make_order(m.id, partner.id, [("A", "toys", 2, 4999), ("B", "books", 1, 1001)])

    made = await commission_order(m.id, order.for_commission())

    got = [(c.partner_id, c.level, c.line_no, c.kind, c.asset, c.amount, c.base_minor) for c in made]
    assert got == [
        (partner.id, 1, 1, "cash", "CNY", 1000, 9998),  # 999.8 rounds half up
        (partner.id, 1, 2, "cash", "CNY", 100, 1001),  # 100.1
        (recruiter.id, 2, 1, "cash", "CNY", 300, 9998),  # 299.94
        (recruiter.id, 2, 2, "cash", "CNY", 30, 1001),  # 30.03
    ]
    assert {(c.status, c.available_at, c.rule_set_version) for c in made} == {("pending", None, version)}
    assert [c.rule_id for c in made] == ["l1", "l1", "l2", "l2"]
    assert [c.order_line_id for c in made] == [order.line(1).id, order.line(2).id] * 2
    assert await Commission.filter(merchant_id=m.id).count() == 4


async def test_an_inactive_recruiter_earns_nothing_and_an_unattributed_order_nothing_at_all():
    m = await make_merchant()
    partner, _ = await two_partners(m.id, status="suspended")
    await publish_rule_set(m.id, TWO_LEVELS)
    order = await make_order(m.id, partner.id, [("A", "toys", 1, 1000)])
    made = await commission_order(m.id, order.for_commission())
    assert [(c.level, c.amount) for c in made] == [(1, 100)]

    nobody = await make_order(m.id, None, [("A", "toys", 1, 1000)])
    assert await commission_order(m.id, nobody.for_commission()) == []


async def test_without_an_active_rule_set_nothing_is_computed():
    m = await make_merchant()
    partner = await make_partner(m.id)
    await rule_sets.create_draft(m.id, TWO_LEVELS)  # a draft computes nothing
    order = await make_order(m.id, partner.id, [("A", "toys", 1, 1000)])
    assert await commission_order(m.id, order.for_commission()) == []


async def test_computing_an_order_twice_stores_its_commissions_once():
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, TWO_LEVELS)
    order = await make_order(m.id, partner.id, [("A", "toys", 1, 1000)])
    first = await commission_order(m.id, order.for_commission())
    again = await commission_order(m.id, order.for_commission())
    assert [c.id for c in again] == [c.id for c in first]
    assert await Commission.filter(merchant_id=m.id).count() == 1


async def test_a_new_version_never_changes_commissions_already_computed():
    m = await make_merchant()
    partner = await make_partner(m.id)
    v1 = await publish_rule_set(m.id, {"rules": [percent_rule("base", "10")]})
    before = await make_order(m.id, partner.id, [("A", "toys", 1, 1000)])
    old = await commission_order(m.id, before.for_commission())

    v2 = await publish_rule_set(m.id, {"rules": [percent_rule("promo", "20")]})
    after = await make_order(m.id, partner.id, [("A", "toys", 1, 1000)])
    new = await commission_order(m.id, after.for_commission())

    stored = await Commission.get(id=old[0].id)
    assert (stored.amount, stored.rule_set_version, stored.rule_id) == (100, v1, "base")
    assert [(c.amount, c.rule_set_version, c.rule_id) for c in new] == [(200, v2, "promo")]
    assert (await rule_sets.get_version(m.id, v1)).status == "retired"


async def test_points_partners_earn_points_at_the_merchant_rate():
    m = await make_merchant()
    partner = await make_partner(m.id, reward_preference="points")
    await terms.update_terms(m.id, {"points_per_unit": "10", "points_rounding": "down"})
    await publish_rule_set(m.id, {"rules": [percent_rule("base", "10")]})
    order = await make_order(m.id, partner.id, [("A", "toys", 1, 12345)])  # 10% = 12.345 yuan
    made = await commission_order(m.id, order.for_commission())
    assert [(c.kind, c.asset, c.amount) for c in made] == [("points", "PTS", 123)]


async def test_the_monthly_cap_counts_what_the_partner_earned_earlier_that_month():
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(
        m.id, {"rules": [percent_rule("base", "10")], "caps": {"per_partner_month": {"cash": 1500}}}
    )
    march = datetime(2026, 3, 5, 4, tzinfo=UTC)
    first = await make_order(m.id, partner.id, [("A", "toys", 1, 10000)], at=march)
    second = await make_order(m.id, partner.id, [("A", "toys", 1, 10000)], at=march.replace(day=6))
    april = await make_order(m.id, partner.id, [("A", "toys", 1, 10000)], at=datetime(2026, 3, 31, 16, 30, tzinfo=UTC))
    assert [c.amount for c in await commission_order(m.id, first.for_commission())] == [1000]
    assert [c.amount for c in await commission_order(m.id, second.for_commission())] == [500]
    # 00:30 on 1 April in Shanghai: a new month in the merchant's time zone
    assert [c.amount for c in await commission_order(m.id, april.for_commission())] == [1000]


async def test_a_monthly_cap_of_level_two_counts_only_what_the_recruiter_earned_at_level_two():
    """Cap per month at level 2 only: 15.00. The recruiter's own sale earns them 10.00 at level 1
    (not counted); their invitee's two sales earn them 10.00, then the 5.00 left at level 2."""
    m = await make_merchant()
    recruiter = await make_partner(m.id)
    invitee = await make_partner(m.id, recruiter_id=recruiter.id)
    await publish_rule_set(m.id, {
        "rules": [percent_rule("direct", "10"), percent_rule("override", "10", level=2)],
        "caps": {"per_partner_month": {"cash": 1500, "level": 2}},
    })
    march = datetime(2026, 3, 5, 4, tzinfo=UTC)
    own = await make_order(m.id, recruiter.id, [("A", "toys", 1, 10000)], at=march)
    first = await make_order(m.id, invitee.id, [("A", "toys", 1, 10000)], at=march.replace(day=6))
    second = await make_order(m.id, invitee.id, [("A", "toys", 1, 10000)], at=march.replace(day=7))

    assert [(c.partner_id, c.level, c.amount) for c in await commission_order(m.id, own.for_commission())] == [
        (recruiter.id, 1, 1000),
    ]
    for order, override in ((first, 1000), (second, 500)):
        made = await commission_order(m.id, order.for_commission())
        assert [(c.partner_id, c.level, c.amount) for c in made] == [
            (invitee.id, 1, 1000), (recruiter.id, 2, override),
        ]
    assert made[1].explanation["caps"][0]["earned_this_month_before"] == 1000


async def test_concurrent_orders_of_one_partner_never_pay_past_the_monthly_cap():
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(
        m.id, {"rules": [percent_rule("base", "10")], "caps": {"per_partner_month": {"cash": 1500}}}
    )
    orders = [await make_order(m.id, partner.id, [("A", "toys", 1, 10000)]) for _ in range(3)]
    results = await asyncio.gather(*(commission_order(m.id, o.for_commission()) for o in orders))
    assert sorted(c.amount for made in results for c in made) == [500, 1000]


async def test_an_order_in_another_currency_is_refused():
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, TWO_LEVELS)
    order = await make_order(m.id, partner.id, [("A", "toys", 1, 1000)], currency="USD")
    with pytest.raises(CurrencyMismatch):
        await commission_order(m.id, order.for_commission())
    assert await Commission.filter(merchant_id=m.id).count() == 0


async def test_volume_tiers_count_the_partners_net_sales_earlier_in_the_month():
    m = await make_merchant()
    partner = await make_partner(m.id)
    await publish_rule_set(m.id, {"rules": [{"id": "volume", "level": 1, "reward": {"tiers": [
        {"min_month_net": 0, "percent": "5"}, {"min_month_net": "100.00", "percent": "10"},
    ]}}]})
    # a canceled order does not count toward the tier
    await make_order(m.id, partner.id, [("A", "toys", 1, 50000)], at=datetime(2026, 3, 2, tzinfo=UTC), status="canceled")
    first = await make_order(m.id, partner.id, [("A", "toys", 1, 6000)], at=datetime(2026, 3, 3, tzinfo=UTC))
    second = await make_order(m.id, partner.id, [("A", "toys", 1, 6000)], at=datetime(2026, 3, 4, tzinfo=UTC))
    assert [c.amount for c in await commission_order(m.id, first.for_commission())] == [300]  # 60.00 in the month
    made = await commission_order(m.id, second.for_commission())
    assert [c.amount for c in made] == [600]  # 120.00 in the month with this order: 10% of this order's 60.00
