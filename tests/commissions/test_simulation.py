"""A draft replayed over past orders: what it would pay next to what was paid, writing nothing."""

from __future__ import annotations

import gc
from datetime import UTC, date, datetime

import pytest

from commissions.models import Commission
from commissions.service import rule_sets, terms
from commissions.service.earning import commission_order
from commissions.service.lifecycle import on_order_canceled
from commissions.service.simulation import simulate
from tests.factories.commissions import make_order, percent_rule, publish_rule_set
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_partner

pytestmark = pytest.mark.usefixtures("database_url")  # the real database, migrated

LIVE = {"rules": [percent_rule("l1", "10"), percent_rule("l2", "5", level=2)]}
DRAFT = {
    "rules": [percent_rule("l1", "20"), percent_rule("l2", "5", level=2)],
    "caps": {"per_partner_month": {"cash": 1500}},
}


def at(day: int, month: int = 3) -> datetime:
    return datetime(2026, month, day, 4, 0, tzinfo=UTC)  # noon in Shanghai


async def story():
    """P (cash, recruited by R) and Q (points) sell in March; one order is canceled, one is in February."""
    m = await make_merchant()
    await terms.update_terms(m.id, {"points_per_unit": "1"})
    recruiter = await make_partner(m.id)
    p = await make_partner(m.id, recruiter_id=recruiter.id)
    q = await make_partner(m.id, reward_preference="points")
    await publish_rule_set(m.id, LIVE)
    orders = [
        await make_order(m.id, p.id, [("A", "toys", 1, 10000)], at=at(5)),
        await make_order(m.id, q.id, [("A", "toys", 2, 10000)], at=at(8)),
        await make_order(m.id, p.id, [("A", "toys", 1, 10000)], at=at(15)),
        await make_order(m.id, p.id, [("A", "toys", 1, 5000)], at=at(20), status="canceled"),
        await make_order(m.id, p.id, [("A", "toys", 1, 10000)], at=at(20, month=2)),
    ]
    for order in orders:
        await commission_order(m.id, order.for_commission())
    await on_order_canceled(m.id, orders[3].id)
    draft = await rule_sets.create_draft(m.id, DRAFT)
    return m, p, q, recruiter, draft.version


def amounts(item) -> tuple[tuple[int, int], tuple[int, int]]:
    return (item.simulated.cash, item.simulated.points), (item.actual.cash, item.actual.points)


async def test_a_draft_is_compared_with_what_was_paid_per_partner_and_in_total():
    m, p, q, recruiter, version = await story()
    before = await Commission.filter(merchant_id=m.id).count()

    report = await simulate(m.id, version, date(2026, 3, 1), date(2026, 3, 31))

    assert (report.orders, report.lines, report.currency) == (3, 3, "CNY")
    by_partner = {item.partner_id: item for item in report.partners}
    # P: 20% of 100.00 is 20.00, capped at 15.00 for the month; the second order finds the cap used up
    assert amounts(by_partner[p.id]) == ((1500, 0), (2000, 0))
    assert by_partner[p.id].orders == 2
    assert amounts(by_partner[recruiter.id]) == ((1000, 0), (1000, 0))
    # Q settles in points: 20% of 200.00 = 40 points, against 20 paid
    assert amounts(by_partner[q.id]) == ((0, 40), (0, 20))
    assert amounts(report) == ((2500, 40), (3000, 20))

    assert await Commission.filter(merchant_id=m.id).count() == before
    assert (await rule_sets.get_version(m.id, version)).status == "draft"
    assert gc.isenabled()  # paused for the replay only


async def test_a_range_starting_mid_month_starts_from_what_was_really_earned_that_month():
    m, p, _, _, version = await story()
    report = await simulate(m.id, version, date(2026, 3, 10), date(2026, 3, 31))
    by_partner = {item.partner_id: item for item in report.partners}
    # 10.00 actually earned on 5 March leaves 5.00 under the draft's 15.00 cap
    assert amounts(by_partner[p.id]) == ((500, 0), (1000, 0))


async def test_a_monthly_cap_of_one_level_is_replayed_against_that_levels_earnings_only():
    m, p, _, recruiter, _ = await story()
    # R (level 2 on P's sales) earned 5.00 on 5 March at level 2 and 10.00 of their own at level 1
    own = await make_order(m.id, recruiter.id, [("A", "toys", 1, 10000)], at=at(6))
    await commission_order(m.id, own.for_commission())
    draft = await rule_sets.create_draft(m.id, {
        "rules": [percent_rule("l1", "10"), percent_rule("l2", "8", level=2)],
        "caps": {"per_partner_month": {"cash": 1300, "level": 2}},
    })
    report = await simulate(m.id, draft.version, date(2026, 3, 10), date(2026, 3, 31))
    by_partner = {item.partner_id: item for item in report.partners}
    # the 15 March order: 8% of 100.00 = 8.00, of which 13.00 - 5.00 = 8.00 are left at level 2
    assert by_partner[recruiter.id].simulated.cash == 800
    report = await simulate(m.id, draft.version, date(2026, 3, 1), date(2026, 3, 31))
    by_partner = {item.partner_id: item for item in report.partners}
    # from 1 March: 8.00 on the 5th, then 5.00 left of the 13.00 on the 15th; their own 10.00 is level 1
    assert by_partner[recruiter.id].simulated.cash == 800 + 500 + 1000


async def test_simulation_through_the_api(client):
    m, p, _, _, version = await story()
    response = await api(client, m, "POST", f"/api/v1/rule-sets/{version}/simulate",
                         json={"from": "2026-03-01", "to": "2026-03-31"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["from"], body["to"]) == ("2026-02-28T16:00:00Z", "2026-03-31T16:00:00Z")
    assert body["simulated"] == {"cash": 2500, "cash_major": "25.00", "points": 40}
    assert body["difference"] == {"cash": -500, "cash_major": "-5.00", "points": 20}
    assert [row["partner_id"] for row in body["partners"]][0] < [row["partner_id"] for row in body["partners"]][-1]

    backwards = await api(client, m, "POST", f"/api/v1/rule-sets/{version}/simulate",
                          json={"from": "2026-03-31", "to": "2026-03-01T00:00:00+08:00"})
    assert backwards.status_code == 422
    naive = await api(client, m, "POST", f"/api/v1/rule-sets/{version}/simulate",
                      json={"from": "2026-03-01T00:00:00", "to": "2026-03-31"})
    assert naive.status_code == 422 and naive.json()["errors"][0]["field"] == "from"
    other = await make_merchant()
    assert (await api(client, other, "POST", f"/api/v1/rule-sets/{version}/simulate",
                      json={"from": "2026-03-01", "to": "2026-03-31"})).status_code == 404


async def test_small_chunks_replay_the_same_orders_as_one_big_chunk():
    m, p, q, _, version = await story()
    # two more orders at the very same instant: the keyset pages on (occurred_at, id)
    for partner_id in (p.id, q.id):
        order = await make_order(m.id, partner_id, [("A", "toys", 1, 3000), ("B", "cups", 2, 700)], at=at(25))
        await commission_order(m.id, order.for_commission())

    whole = await simulate(m.id, version, date(2026, 3, 1), date(2026, 3, 31))
    paged = await simulate(m.id, version, date(2026, 3, 1), date(2026, 3, 31), chunk=1)

    assert (whole.orders, whole.lines) == (5, 7)
    assert paged == whole
