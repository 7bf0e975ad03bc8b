"""The merchant reads one commission with the explanation of its amount; another merchant's is 404."""

from __future__ import annotations

from datetime import UTC, datetime

from commissions.service import queries
from commissions.service.earning import commission_order
from tests.factories.commissions import make_order, percent_rule, publish_rule_set
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner
from tests.pages.conftest import client_as_staff, make_staff


async def test_the_merchant_reads_a_commission_and_how_its_amount_was_computed(client):
    merchant = await make_merchant()
    partner = await make_partner(merchant.id, display_name="Li Lei")
    await publish_rule_set(merchant.id, {"rules": [percent_rule("toys-10", "10")]})
    order = await make_order(merchant.id, partner.id, [("A", "toys", 1, 12345)], at=datetime(2026, 3, 10, 4, tzinfo=UTC))
    await commission_order(merchant.id, order.for_commission())
    (made,) = (await queries.list_commissions(merchant.id, queries.CommissionFilter())).items
    assert made.amount == 1235  # 10 % of 123.45, half up
    await client_as_staff(client, await make_staff(merchant.id, "admin"))

    answer = await client.get(f"/console/commissions/{made.id}")

    assert answer.status_code == 200, answer.text
    assert "12.35" in answer.text and "toys-10" in answer.text and "Pending" in answer.text
    assert 'id="explanation"' in answer.text and "<dt>" in answer.text
    other = await make_merchant()
    await make_partner(other.id)
    await client_as_staff(client, await make_staff(other.id, "admin"))
    assert (await client.get(f"/console/commissions/{made.id}")).status_code == 404
