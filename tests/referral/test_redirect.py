"""The tracked redirect: 302 with relay_click, the visitor cookie, bots, dedupe, 404s, no DB wait."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from core.time import now
from referral.models import Click
from referral.service import clicks, links
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_link, make_partner

#: Every test here reads or writes the run's database.
pytestmark = pytest.mark.usefixtures("database_url")

BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"


@pytest.fixture
def clock(app):
    """Drive the app's click recorder with a hand-moved clock instead of sleeping."""

    class Clock:
        def __init__(self) -> None:
            self.at = now()

        def __call__(self):
            return self.at

        def advance(self, seconds: float) -> None:
            self.at += timedelta(seconds=seconds)

    recorder = app.state.clicks
    original, fake = recorder.clock, Clock()
    recorder.clock = fake
    yield fake
    recorder.clock = original


async def visit(client, code, *, user_agent=BROWSER, cookies=None, **headers) -> httpx.Response:
    client.cookies.clear()  # each visit says exactly which cookies it carries
    if cookies:
        headers["cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    return await client.get(f"/r/{code}", headers={"user-agent": user_agent, **headers})


def click_id_of(response: httpx.Response) -> str:
    return parse_qs(urlsplit(response.headers["location"]).query)["relay_click"][0]


async def flushed_clicks(app, link) -> list[Click]:
    await app.state.clicks.flush()
    return await Click.filter(merchant_id=link.merchant_id, link_id=link.id).order_by("occurred_at")


async def test_a_visit_is_sent_on_with_relay_click_and_the_targets_query_and_fragment(client, app):
    m = await make_merchant()
    link = await make_link(
        await make_partner(m.id), target_url="https://shop.example.com/p/1?color=red&size=m%20l#reviews"
    )
    response = await visit(client, link.code, referer="https://social.example/post/9")
    assert response.status_code == 302
    click_id = click_id_of(response)
    assert response.headers["location"] == (
        f"https://shop.example.com/p/1?color=red&size=m%20l&relay_click={click_id}#reviews"
    )
    assert response.headers["cache-control"] == "no-store"
    [click] = await flushed_clicks(app, link)
    assert (click.id, click.partner_id, click.scene, click.is_bot) == (click_id, link.partner_id, "personal", False)
    assert click.user_agent == BROWSER and click.referrer == "https://social.example/post/9"
    assert click.visitor_id == response.cookies["relay_vid"]


async def test_a_target_without_query_gets_one_and_an_old_relay_click_is_replaced(client):
    m = await make_merchant()
    partner = await make_partner(m.id)
    plain = await make_link(partner, target_url="https://shop.example.com")
    stale = await make_link(partner, target_url="https://shop.example.com/?relay_click=old&a=1")
    first = await visit(client, plain.code)
    assert first.headers["location"] == f"https://shop.example.com?relay_click={click_id_of(first)}"
    second = await visit(client, stale.code)
    assert second.headers["location"] == f"https://shop.example.com/?a=1&relay_click={click_id_of(second)}"


async def test_a_new_visitor_gets_a_first_party_cookie_for_a_year(client):
    m = await make_merchant()
    link = await make_link(await make_partner(m.id))
    response = await visit(client, link.code)
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("relay_vid=")
    parts = {p.strip().lower() for p in cookie.split(";")}
    assert {"httponly", "samesite=lax", "max-age=31536000", "path=/"} <= parts
    assert "secure" not in parts


async def test_the_cookie_is_secure_when_the_visit_is_https(app):
    m = await make_merchant()
    link = await make_link(await make_partner(m.id))
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as https:
        response = await https.get(f"/r/{link.code}", headers={"user-agent": BROWSER})
    assert "secure" in {p.strip().lower() for p in response.headers["set-cookie"].split(";")}


async def test_a_returning_visitor_keeps_their_id_and_a_forged_one_is_replaced(client, app):
    m = await make_merchant()
    link = await make_link(await make_partner(m.id))
    known = await visit(client, link.code, cookies={"relay_vid": "KnownVisitor1234567890"})
    assert "set-cookie" not in known.headers
    forged = await visit(client, link.code, cookies={"relay_vid": "<script>"})
    assert forged.cookies["relay_vid"] != "<script>"
    visitors = {c.visitor_id for c in await flushed_clicks(app, link)}
    assert visitors == {"KnownVisitor1234567890", forged.cookies["relay_vid"]}


async def test_the_ip_is_stored_only_as_an_hmac(client, app):
    m = await make_merchant()
    link = await make_link(await make_partner(m.id))
    await visit(client, link.code)
    [click] = await flushed_clicks(app, link)
    secret = app.state.settings.secret_key.encode()
    assert click.ip_hash == hmac.new(secret, b"203.0.113.7", hashlib.sha256).hexdigest()
    assert "203.0.113.7" not in click.ip_hash


async def test_x_forwarded_for_is_not_trusted_by_the_app(client, app):
    m = await make_merchant()
    link = await make_link(await make_partner(m.id))
    await visit(client, link.code, **{"x-forwarded-for": "198.51.100.1"})
    [click] = await flushed_clicks(app, link)
    assert click.ip_hash == clicks.hash_ip(app.state.settings.secret_key, "203.0.113.7")


@pytest.mark.parametrize(
    "user_agent",
    ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "facebookexternalhit/1.1",
     "curl/8.5.0", ""],
)
async def test_a_bot_is_redirected_and_recorded_but_never_attributable(client, app, user_agent):
    m = await make_merchant()
    link = await make_link(await make_partner(m.id))
    response = await visit(client, link.code, user_agent=user_agent)
    assert response.status_code == 302
    [click] = await flushed_clicks(app, link)
    assert click.is_bot is True
    assert await clicks.get_click(m.id, click.id) is None
    assert await clicks.last_click(m.id, click.visitor_id, now() - timedelta(days=1)) is None


async def test_the_same_visitor_on_the_same_link_within_60_seconds_is_one_click(client, app, clock):
    m = await make_merchant()
    partner = await make_partner(m.id)
    link, other_link = await make_link(partner), await make_link(partner)
    vid = {"relay_vid": "RepeatVisitor123456789"}
    first = await visit(client, link.code, cookies=vid)
    clock.advance(59)
    repeat = await visit(client, link.code, cookies=vid)
    assert click_id_of(repeat) == click_id_of(first)
    elsewhere = await visit(client, other_link.code, cookies=vid)
    someone_else = await visit(client, link.code)
    assert click_id_of(elsewhere) != click_id_of(first) != click_id_of(someone_else)
    clock.advance(2)  # 61 s after the first click
    later = await visit(client, link.code, cookies=vid)
    assert click_id_of(later) != click_id_of(first)
    recorded = [c.id for c in await flushed_clicks(app, link)]
    assert sorted(recorded) == sorted([click_id_of(first), click_id_of(someone_else), click_id_of(later)])


async def test_unknown_or_disabled_codes_answer_a_404_page_and_record_nothing(client, app):
    m = await make_merchant()
    partner = await make_partner(m.id)
    disabled = await make_link(partner, active=False)
    suspended = await make_link(await make_partner(m.id, status="suspended"))
    for code in ("NoSuchLk", disabled.code, suspended.code, "bad-code!", "x" * 40):
        response = await visit(client, code)
        assert response.status_code == 404, code
        assert response.headers["content-type"].startswith("text/html")
        assert "location" not in response.headers and "set-cookie" not in response.headers
    await app.state.clicks.flush()
    assert await Click.filter(merchant_id=m.id).count() == 0


async def test_suspending_a_partner_stops_their_links_at_once(client):
    m = await make_merchant()
    partner = await make_partner(m.id)
    link = await make_link(partner)
    assert (await visit(client, link.code)).status_code == 302
    await api(client, m, "PATCH", f"/api/v1/partners/{partner.id}", json={"status": "suspended"})
    assert (await visit(client, link.code)).status_code == 404
    await api(client, m, "PATCH", f"/api/v1/partners/{partner.id}", json={"status": "active"})
    assert (await visit(client, link.code)).status_code == 302


async def test_head_is_answered_without_recording_a_visit(client, app):
    m = await make_merchant()
    link = await make_link(await make_partner(m.id))
    response = await client.head(f"/r/{link.code}", headers={"user-agent": BROWSER})
    assert response.status_code == 302 and response.headers["location"] == link.target_url
    assert await flushed_clicks(app, link) == []


async def test_a_cached_link_redirects_without_asking_the_database(client, app, monkeypatch):
    m = await make_merchant()
    link = await make_link(await make_partner(m.id))
    assert (await visit(client, link.code)).status_code == 302

    async def database_down(code):
        raise ConnectionError("database unavailable")

    monkeypatch.setattr(links, "_load", database_down)
    response = await visit(client, link.code)
    assert response.status_code == 302
    assert len(await flushed_clicks(app, link)) == 2


async def test_a_click_is_found_by_attribution_before_and_after_the_flush(client, app):
    m = await make_merchant()
    link = await make_link(await make_partner(m.id), scene="product")
    response = await visit(client, link.code)
    click_id, visitor = click_id_of(response), response.cookies["relay_vid"]
    found = await clicks.get_click(m.id, click_id)  # maybe still queued: found either way
    assert found is not None and (found.link_id, found.scene, found.visitor_id) == (link.id, "product", visitor)
    await app.state.clicks.flush()
    assert await clicks.get_click(m.id, click_id) == found
    other = await make_merchant()
    assert await clicks.get_click(other.id, click_id) is None
