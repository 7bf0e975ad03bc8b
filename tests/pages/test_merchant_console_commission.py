"""The merchant reads one commission with the explanation of its amount; another merchant's is 404;
every console row showing a commission links to that page."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from accounts.service import audit
from accounts.service.audit import Actor
from commissions.models import Commission
from commissions.service import queries
from commissions.service.earning import commission_order
from relay.pages.console import partners
from tests.factories.batches import make_commission
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
    assert re.search(r'id="amount">[^<]*12\.35</div>', answer.text) and 'data-state="waiting"' in answer.text
    assert "toys-10" in answer.text
    # in the merchant's voice, the partner and the shop's order number named (zh-Hans and en)
    chinese = (await client.get(f"/console/commissions/{made.id}", headers={"accept-language": "zh-CN"})).text
    assert f'<a href="/console/partners/{partner.id}" id="partner">Li Lei</a>' in chinese
    assert f'<span id="order">订单 {order.order.external_id}</span>' in chinese
    assert "推广员本人的订单" in chinese and "你自己的订单" not in chinese and "合伙人" not in chinese
    english = answer.text
    assert f'<span id="order">Order {order.order.external_id}</span>' in english
    assert "1: the partner&#39;s own sale" in english and "your own sale" not in english
    assert "CN¥" not in english and "¥123.45" in english
    assert 'id="explanation"' in answer.text and "<dt>" in answer.text
    other = await make_merchant()
    await make_partner(other.id)
    await client_as_staff(client, await make_staff(other.id, "admin"))
    assert (await client.get(f"/console/commissions/{made.id}")).status_code == 404


def _links_in_row(html: str, commission_id: int) -> list[str]:
    """The links of the table row showing commission `commission_id`."""
    row = re.search(rf'<tr data-commission="{commission_id}">(.*?)</tr>', html, re.S)
    assert row, commission_id
    return re.findall(r'<a href="([^"]+)"', row[1])


async def test_every_console_row_showing_a_commission_links_to_its_page(client, monkeypatch):
    merchant = await make_merchant()
    partner = await make_partner(merchant.id, display_name="Li Lei")
    first = await make_commission(merchant.id, partner.id, 1000, post=False)
    reversal = await make_commission(merchant.id, partner.id, -400, reversal_of=first.id, post=False)
    held = await make_commission(merchant.id, partner.id, 700, status="pending", available_at=None, post=False)
    await Commission.filter(merchant_id=merchant.id, id=held.id).update(review="held")
    staff = await make_staff(merchant.id, "admin")
    await audit.record(merchant.id, Actor.staff(staff.id, "admin"), "commission.approve", "commission", first.id)
    await client_as_staff(client, staff)
    monkeypatch.setattr(partners, "COMMISSIONS_PER_PAGE", 2)

    def url(commission_id: int) -> str:
        return f"/console/commissions/{commission_id}"

    newest = (await client.get(f"/console/partners/{partner.id}")).text  # the id and the amount link to it
    assert _links_in_row(newest, held.id) == [url(held.id), url(held.id)]
    assert _links_in_row(newest, reversal.id) == [url(reversal.id), url(reversal.id)]
    assert f"Reverses commission #{first.id}" in newest and f'data-commission="{first.id}"' not in newest
    older = re.search(r'<a href="([^"]+)" rel="next">Older commissions</a>', newest)
    assert older and f"commissions_before={reversal.id}" in older[1]
    page_two = (await client.get(older[1].replace("&amp;", "&"))).text
    assert _links_in_row(page_two, first.id) == [url(first.id), url(first.id)]
    assert "rel=\"next\"" not in page_two
    for unreadable in ("abc", "-1", "²", "9" * 5000, str(2**63)):  # not an id: the first page, not an error
        first_page = (await client.get(f"/console/partners/{partner.id}?commissions_before={unreadable}")).text
        assert f'data-commission="{held.id}"' in first_page and f'data-commission="{first.id}"' not in first_page
    chinese = (await client.get(f"/console/partners/{partner.id}", headers={"accept-language": "zh-Hans"})).text
    assert "最近的佣金" in chinese and "更早的佣金" in chinese

    review = (await client.get("/console/review")).text
    assert _links_in_row(review, held.id) == [url(held.id), f"/console/partners/{partner.id}", url(held.id)]

    assert f'<a href="{url(first.id)}">Commission {first.id}</a>' in (await client.get("/console/audit")).text
    reversed_page = (await client.get(url(reversal.id))).text
    assert f'<a href="{url(first.id)}" id="reverses">' in reversed_page


async def test_a_cap_of_one_level_is_named_with_its_level_in_the_explanation(client):
    merchant = await make_merchant()
    partner = await make_partner(merchant.id)
    await publish_rule_set(merchant.id, {"rules": [percent_rule("toys-10", "10")],
                                         "caps": {"per_order": {"cash": 500, "level": 1}}})
    order = await make_order(merchant.id, partner.id, [("A", "toys", 1, 12345)], at=datetime(2026, 3, 10, 4, tzinfo=UTC))
    (made,) = await commission_order(merchant.id, order.for_commission())
    assert made.amount == 500  # 12.35 cut to the level-1 cap of 5.00
    await client_as_staff(client, await make_staff(merchant.id, "admin"))

    answer = await client.get(f"/console/commissions/{made.id}", headers={"accept-language": "zh-CN"})

    assert answer.status_code == 200, answer.text
    assert "<dt>每单上限（仅1级）</dt>" in answer.text


async def test_an_amount_per_order_says_what_a_partial_refund_does_to_it(client):
    merchant = await make_merchant()
    partner = await make_partner(merchant.id)
    await publish_rule_set(merchant.id, {"rules": [{"id": "welcome", "level": 1, "reward": {"flat_per_order": 2000}}]})
    order = await make_order(merchant.id, partner.id, [("A", "toys", 1, 12345)], at=datetime(2026, 3, 10, 4, tzinfo=UTC))
    (made,) = await commission_order(merchant.id, order.for_commission())
    await client_as_staff(client, await make_staff(merchant.id, "admin"))

    answer = await client.get(f"/console/commissions/{made.id}", headers={"accept-language": "zh-CN"})

    assert re.search(r"<dt>部分退款时</dt>\s*<dd>保留：只有整单退款才收回</dd>", answer.text), answer.text
