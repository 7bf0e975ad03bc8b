"""The partner portal without a browser: the partner-scoped service functions' exact amounts, the
pages through the in-process client (404 for another partner's ids) and the poster PNG."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest
from PIL import Image

from commissions.service import partner_views as commission_views
from commissions.service.records import CommissionRecord
from core.time import now
from payouts.service import partner_views
from payouts.service.lines import Outcome, mark_line
from referral.service import partner_views as referral_views
from referral.service.partners import issue_sign_in_link
from referral.service.sales import order_id_by_external_id
from relay.pages.explain import state
from relay.pages.partner import poster
from tests.factories.batches import approve, create, get, make_commission, make_payee
from tests.factories.commissions import publish_rule_set
from tests.factories.events import order_data, send
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_click, make_link, make_partner
from tests.pages.conftest import BROWSER_UA, follow_sign_in_link

pytestmark = pytest.mark.usefixtures("database_url")

SHANGHAI = ZoneInfo("Asia/Shanghai")
RULES = {
    "rules": [
        {"id": "tea", "name": "Tea 10%", "level": 1, "conditions": {"categories": ["tea"]}, "reward": {"percent": "10"}},
        {"id": "recruiter", "name": "Recruiter 2%", "level": 2, "reward": {"percent": "2"}},
    ]
}
#: order_data's order: 3 x 10.00 tea and 1 x 5.50 cups = 35.50 CNY; the tea rule sees 30.00.
TEA_NET = 3000


async def sign_in(client: httpx.AsyncClient, merchant_id: int, partner_id: int) -> None:
    client.cookies.clear()
    link = await issue_sign_in_link(merchant_id, partner_id)
    assert (await follow_sign_in_link(client, link.path, {"user-agent": BROWSER_UA})).status_code == 303


async def program(client: httpx.AsyncClient):
    """A merchant with the tea rules, a recruiter and the partner they recruited, and one order
    through the partner's link; returns (merchant, recruiter, partner, link, order)."""
    merchant = await make_merchant()
    recruiter = await make_partner(merchant.id, display_name="Wang Fang")
    partner = await make_partner(merchant.id, display_name="Lin Mei", recruiter_id=recruiter.id)
    await publish_rule_set(merchant.id, RULES)
    link = await make_link(partner, scene="product", sku="TEA-1")
    visit = await make_click(link, "visitor-1")
    order = order_data(click_id=visit.id)
    response = await send(client, merchant, "order.created", order)
    assert response.status_code == 200, response.text
    assert response.json()["order"]["attribution"]["partner_id"] == partner.id
    made = response.json()["order"]
    return merchant, recruiter, partner, link, made | {"id": await order_id_by_external_id(merchant.id, made["external_id"])}


async def test_home_figures_sum_this_months_earnings_the_balances_and_12_weeks_of_earnings_and_clicks(client):
    merchant, _, partner, link, _ = await program(client)
    await make_click(link, "visitor-2")
    await make_click(link, "robot", is_bot=True)
    await make_click(link, "visitor-3", at=now() - timedelta(weeks=2))
    await make_click(link, "visitor-4", at=now() - timedelta(weeks=13))  # before the chart

    home = await partner_views.home(merchant.id, partner.id, currency="CNY", zone=SHANGHAI)

    assert home.month == {"CNY": TEA_NET // 10}
    assert (home.balances["CNY"].pending, home.balances["CNY"].available, home.balances["CNY"].paid) == (300, 0, 0)
    assert len(home.weeks) == len(home.week_earnings) == len(home.week_clicks) == 12
    assert home.week_earnings == [0] * 11 + [300]
    assert home.week_clicks[-1] == 2 and home.week_clicks[-3] == 1 and sum(home.week_clicks) == 3
    assert home.weeks[-1].astimezone(SHANGHAI).weekday() == 0 and home.weeks[-1].astimezone(SHANGHAI).hour == 0


def test_weeks_and_months_start_at_local_midnight():
    at = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)  # Tuesday 01:00 in Shanghai
    start, end = partner_views.month_bounds(at, SHANGHAI)
    assert (start, end) == (datetime(2026, 12, 1, tzinfo=SHANGHAI), datetime(2027, 1, 1, tzinfo=SHANGHAI))
    weeks = partner_views.week_bounds(at, SHANGHAI)
    assert weeks[-2] == datetime(2026, 11, 30, tzinfo=SHANGHAI) and weeks[-1] == datetime(2026, 12, 7, tzinfo=SHANGHAI)
    assert weeks[0] == datetime(2026, 9, 14, tzinfo=SHANGHAI) and len(weeks) == 13


async def test_commissions_carry_their_order_their_reversal_and_the_level_two_earnings_reach_the_recruiter(client):
    merchant, recruiter, partner, _, order = await program(client)
    completed = await send(client, merchant, "order.completed", {"external_id": order["external_id"], "occurred_at": now().isoformat()})
    assert completed.status_code == 200, completed.text
    refunded = await send(client, merchant, "order.refunded", {
        "external_id": order["external_id"], "refund_id": "R1", "occurred_at": now().isoformat(),
        "lines": [{"sku": "TEA-1", "quantity": 1}],
    })
    assert refunded.status_code == 200, refunded.text

    page = await partner_views.commissions(merchant.id, partner.id)
    assert [(r.commission.amount, r.reversed_amount, r.commission.reversal_of is not None) for r in page.items] == [
        (-100, 0, True), (300, -100, False)
    ]
    assert {r.order.external_id for r in page.items} == {order["external_id"]} and page.next_before_id is None

    level_two = await partner_views.commissions(merchant.id, recruiter.id)
    # 2 % of each line (30.00 of tea, 5.50 of cups), then 2 % of the refunded tea (10.00) taken back
    assert [(r.commission.level, r.commission.amount) for r in level_two.items] == [(2, -20), (2, 11), (2, 60)]
    invitees = await commission_views.invitees(merchant.id, recruiter.id)
    assert invitees.total == 1 and invitees.items[0].invitee.id == partner.id
    assert invitees.items[0].earned == {"CNY": 51} and invitees.level_two_total == {"CNY": 51}
    assert (await commission_views.invitees(merchant.id, partner.id)).items == []

    seen_by_recruiter = await partner_views.order(merchant.id, recruiter.id, order["id"])
    assert not seen_by_recruiter.attributed
    assert [(r.commission.amount, r.reversed_amount) for r in seen_by_recruiter.commissions] == [(60, -20), (11, 0), (-20, 0)]


async def test_an_order_of_another_partner_is_not_found_even_within_the_merchant(client):
    merchant, _, _, _, order = await program(client)
    stranger = await make_partner(merchant.id)
    with pytest.raises(partner_views.PartnerOrderNotFound):
        await partner_views.order(merchant.id, stranger.id, order["id"])
    other = await make_merchant()
    other_partner = await make_partner(other.id)
    with pytest.raises(partner_views.PartnerOrderNotFound):
        await partner_views.order(other.id, other_partner.id, order["id"])


async def test_pages_list_commission_pages_of_50_with_a_more_link(client):
    merchant, _, partner, _, _ = await program(client)
    for _ in range(50):
        assert (await send(client, merchant, "order.created", order_data(partner_code=partner.code))).status_code == 200
    first = await commission_views.partner_commissions(merchant.id, partner.id)
    assert len(first.items) == 50 and first.next_before_id is not None
    rest = await commission_views.partner_commissions(merchant.id, partner.id, before_id=first.next_before_id)
    assert len(rest.items) == 1 and rest.next_before_id is None

    await sign_in(client, merchant.id, partner.id)
    html = (await client.get("/p/orders")).text
    assert f'href="?before={first.next_before_id}"' in html
    assert (await client.get(f"/p/orders?before={first.next_before_id}")).status_code == 200


async def test_commission_pages_go_newest_first_by_when_it_happened_even_when_a_late_order_has_a_higher_id(client):
    merchant = await make_merchant()
    partner, other = await make_partner(merchant.id), await make_partner(merchant.id)
    day = datetime(2026, 3, 10, 12, tzinfo=UTC)
    # created in this order (ids rising), happened in another: the 3rd arrived late; two share a moment
    hours = [5, 9, 1, 9, 7]
    made = [(await make_commission(merchant.id, partner.id, 100 + n, available_at=day + timedelta(hours=h), post=False)).id
            for n, h in enumerate(hours)]
    await make_commission(merchant.id, other.id, 999, available_at=day + timedelta(hours=8), post=False)
    expected = [made[3], made[1], made[4], made[0], made[2]]  # 9h (higher id first), 9h, 7h, 5h, 1h

    seen, before = [], None
    for _ in range(len(made)):
        found = await commission_views.partner_commissions(merchant.id, partner.id, before_id=before, limit=2)
        seen += [row.commission.id for row in found.items]
        if (before := found.next_before_id) is None:
            break
    assert seen == expected  # every row once, none of the other partner's


async def test_clicks_by_period_leaves_out_bots_and_other_partners(client):
    merchant = await make_merchant()
    partner, other = await make_partner(merchant.id), await make_partner(merchant.id)
    mine, theirs = await make_link(partner), await make_link(other)
    start = now() - timedelta(hours=2)
    await make_click(mine, "a")
    await make_click(mine, "b", is_bot=True)
    await make_click(theirs, "c")
    periods = referral_views.consecutive([start, start + timedelta(hours=1), now() + timedelta(seconds=5)])
    assert await referral_views.clicks_by_period(merchant.id, partner.id, periods) == [0, 1]


async def test_the_portal_pages_render_and_another_partners_order_link_qr_and_poster_are_404(client):
    merchant, recruiter, partner, link, order = await program(client)
    stranger = await make_partner(merchant.id)
    await sign_in(client, merchant.id, partner.id)
    for path in ("/p/", "/p/links", "/p/orders", "/p/payouts", "/p/invitees", f"/p/orders/{order['id']}",
                 f"/p/links/{link.id}", f"/p/links/{link.id}/qr.svg"):
        response = await client.get(path)
        assert response.status_code == 200, (path, response.text[-2000:])
    detail = (await client.get(f"/p/orders/{order['id']}")).text
    assert "Tea 10%" in detail and "Waiting for delivery" in detail and "Condition met: Category" in detail

    png = await client.get(f"/p/links/{link.id}/poster.png")
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(png.content)).size == (poster.WIDTH, poster.HEIGHT)

    await sign_in(client, merchant.id, stranger.id)
    for path in (f"/p/orders/{order['id']}", f"/p/links/{link.id}", f"/p/links/{link.id}/qr.svg",
                 f"/p/links/{link.id}/poster.png", "/p/orders/99999999999", f"/p/links/{2**63}"):
        assert (await client.get(path)).status_code == 404, path

    await sign_in(client, merchant.id, recruiter.id)
    invitees = (await client.get("/p/invitees")).text
    assert "Lin Mei" in invitees


async def test_a_link_is_made_from_the_form_and_a_target_off_the_shop_is_refused_next_to_the_field(client):
    merchant = await make_merchant()
    partner = await make_partner(merchant.id)
    await sign_in(client, merchant.id, partner.id)
    token = re.search(r'name="csrf_token" value="([^"]+)"', (await client.get("/p/links")).text).group(1)
    refused = await client.post("/p/links", data={
        "csrf_token": token, "scene": "product", "target_url": "https://evil.example.net/x", "sku": "TEA-1",
    })
    assert refused.status_code == 422
    assert re.search(r'id="e-target_url">This address is not on the shop&#39;s website.<', refused.text)
    missing = await client.post("/p/links", data={"csrf_token": token, "scene": "campaign", "target_url": ""})
    assert 'id="e-target_url"' in missing.text and 'id="e-campaign"' in missing.text

    made = await client.post("/p/links", data={
        "csrf_token": token, "scene": "product", "target_url": "https://shop.example.com/tea", "sku": "TEA-1",
    })
    assert made.status_code == 303 and re.fullmatch(r"/p/links/\d+", made.headers["location"])
    page = (await client.get(made.headers["location"])).text
    assert "Link created." in page and "/r/" in page and "TEA-1" in page


def test_the_poster_is_a_png_of_the_expected_size_even_without_a_cjk_font(monkeypatch):
    made = poster.poster_png("https://relay.example.com/r/AbC123", headline="林美 recommends",
                             product="TEA-1 明前龙井", footer="扫码打开", brand="Tea shop")
    image = Image.open(io.BytesIO(made))
    assert (image.format, image.size) == ("PNG", (poster.WIDTH, poster.HEIGHT))

    monkeypatch.setattr(poster, "FONT_CANDIDATES", ())
    monkeypatch.delenv("RELAY_POSTER_FONT", raising=False)
    poster.font_file.cache_clear()
    poster.font.cache_clear()
    try:
        fallback = poster.poster_png("https://relay.example.com/r/AbC123", headline="Lin Mei recommends",
                                     product="TEA-1", footer="Scan", brand="Tea shop")
        assert Image.open(io.BytesIO(fallback)).size == (poster.WIDTH, poster.HEIGHT)
    finally:
        poster.font_file.cache_clear()
        poster.font.cache_clear()


async def test_a_paid_commission_says_paid_on_its_date_and_the_payouts_page_lists_the_line(client):
    merchant = await make_merchant()
    partner = await make_payee(merchant.id, display_name="Lin Mei")
    await make_commission(merchant.id, partner.id, 10000)
    (row,) = (await partner_views.commissions(merchant.id, partner.id)).items
    assert row.payment is None and state(row.commission, row.payment).code == "available"

    batch = await approve(client, merchant, (await create(client, merchant))["id"])
    (row,) = (await partner_views.commissions(merchant.id, partner.id)).items
    assert row.payment.status == "open" and state(row.commission, row.payment).code == "in_batch"

    line = (await get(client, merchant, batch["id"]))["lines"][0]
    await mark_line(merchant.id, batch["id"], line["id"], Outcome.paid)
    (row,) = (await partner_views.commissions(merchant.id, partner.id)).items
    paid = state(row.commission, row.payment)
    assert (paid.code, paid.tone, paid.on is not None) == ("paid", "ok", True)

    payouts = await partner_views.payouts(merchant.id, partner.id)
    assert [(p.batch_id, p.status, p.net_minor, p.commission_count) for p in payouts.lines] == [(batch["id"], "paid", 10000, 1)]
    assert (payouts.balances["CNY"].paid, payouts.balances["CNY"].available) == (10000, 0)
    await sign_in(client, merchant.id, partner.id)
    assert "Paid on" in (await client.get("/p/orders")).text  # (the factory's commission has no order row)
    assert "Paid on" in (await client.get("/p/payouts")).text


def test_a_commissions_state_in_plain_words_follows_its_status_review_and_reversal():
    base = dict(
        id=1, merchant_id=1, partner_id=1, order_id=1, order_line_id=None, line_no=None, level=1, kind="cash",
        asset="CNY", amount=100, base_minor=1000, rule_set_version=1, rule_id="r", reversal_of=None, refund_id=None,
        status="pending", occurred_at=now(), available_at=None, explanation={}, rejected_reason=None,
        rejected_by_key_id=None, rejected_at=None, created_at=now(), payout_batch_id=None,
    )
    def code(**changes):
        return state(CommissionRecord(**(base | changes)), None).code

    assert code() == "waiting"
    assert code(available_at=now()) == "after_sales"
    assert code(review="held", available_at=now()) == "held"
    assert code(status="available") == "available"
    assert code(reversal_of=7, amount=-50) == "reversal"
    assert code(status="canceled") == "canceled"
    assert code(status="rejected") == "rejected"
