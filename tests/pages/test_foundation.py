"""The pages' machinery without a browser: CSRF on every form route, the session cookie, guards,
error pages and the locale-aware filters."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from types import SimpleNamespace

import httpx
import pytest
from moneyed import Money
from starlette.routing import Route

from relay import pages
from relay.app import create_app
from relay.pages import sessions
from relay.pages.templating import environment
from relay.settings import Settings
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner
from tests.pages.conftest import BROWSER_HEADERS as BROWSER
from tests.pages.conftest import client_as_partner, csrf_of

pytestmark = pytest.mark.usefixtures("database_url")


async def partner_client(client: httpx.AsyncClient) -> None:
    merchant = await make_merchant()
    partner = await make_partner(merchant.id)
    await client_as_partner(client, merchant.id, partner.id)


async def test_every_unsafe_page_route_refuses_a_form_without_the_sessions_csrf_token(client):
    await partner_client(client)
    token = csrf_of((await client.get("/p/")).text)
    unsafe = [
        route for route in pages.routes()
        if isinstance(route, Route) and route.methods and route.methods - {"GET", "HEAD", "OPTIONS"}
    ]
    assert any(route.path == "/sign-out" for route in unsafe)
    for route in unsafe:
        path = re.sub(r"{\w+(:\w+)?}", "1", route.path)
        for method in sorted(route.methods - {"GET", "HEAD", "OPTIONS"}):
            missing = await client.request(method, path, data={"x": "1"})
            wrong = await client.request(method, path, data={"csrf_token": token + "x"})
            header = await client.request(method, path, headers={"x-csrf-token": "nope"})
            assert (missing.status_code, wrong.status_code, header.status_code) == (403, 403, 403), route.path
    signed_out = await client.post("/sign-out", data={"csrf_token": token})
    assert signed_out.status_code == 303
    assert (await client.get("/p/")).status_code == 401


async def test_a_tampered_or_foreign_session_cookie_is_ignored(client):
    await partner_client(client)
    cookie = client.cookies[sessions.COOKIE]
    payload, mac = cookie.split(".")
    data = sessions.unsign(cookie, "dev-secret-change-me")
    data["id"] += 1
    forged = sessions.sign(data, "another secret")
    for value in (forged, payload + "." + mac[::-1], "garbage"):
        client.cookies.set(sessions.COOKIE, value)
        assert (await client.get("/p/")).status_code == 401
    assert sessions.unsign(sessions.sign({"a": 1}, "k", issued_at=1), "k") is None  # too old


async def test_the_cookie_is_httponly_lax_and_secure_when_the_site_is_https(app, database_url):
    response = await anonymous_sign_in_form(app)
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    https = create_app(Settings(database_url=database_url, manage_database=False, public_url="https://relay.example"))
    cookie = (await anonymous_sign_in_form(https)).headers["set-cookie"].lower()
    assert "secure" in cookie


async def anonymous_sign_in_form(app) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        response = await http.get("/console/sign-in")
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    return response


async def test_unknown_console_paths_get_the_404_page_and_the_api_keeps_problem_json(client):
    page = await client.get("/p/no-such-page", headers={"accept-language": "zh-CN"})
    assert page.status_code == 404 and "页面不存在" in page.text
    assert (await client.get("/api/v1/nothing")).headers["content-type"] == "application/problem+json"


async def test_staff_sign_in_sends_back_only_to_a_local_path(client):
    from accounts.service.sign_in import create_staff_account

    merchant = await make_merchant()
    await create_staff_account(merchant.id, "boss@example.com", "a long enough password", "admin")
    form = (await client.get("/console/sign-in?next=//evil.example/")).text
    assert 'name="next" value=""' in form
    answer = await client.post("/console/sign-in", data={
        "csrf_token": csrf_of(form), "merchant": str(merchant.id), "email": "boss@example.com",
        "password": "a long enough password", "next": "https://evil.example/",
    })
    assert answer.status_code == 303 and answer.headers["location"] == "/console/"
    assert (await client.get("/finance/")).status_code == 403


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("zh_Hans", "¥1,234.50 | US$0.05 | 1,500 积分 | 2026年12月1日 | 12月1日 | 25%"),
        ("en", "¥1,234.50 | $0.05 | 1,500 points | Dec 1, 2026 | Dec 1 | 25%"),
    ],
)
def test_filters_format_amounts_points_and_dates_for_the_locale_and_the_merchants_time_zone(locale, expected):
    from decimal import Decimal
    from zoneinfo import ZoneInfo

    from relay.pages.i18n import translations

    page = SimpleNamespace(
        locale=locale, currency="CNY", timezone=ZoneInfo("Asia/Shanghai"),
        ngettext=lambda s, p, n: translations(locale).ngettext(s, p, n),
    )
    late_in_utc = datetime(2026, 11, 30, 18, 30, tzinfo=UTC)  # already Dec 1 in Shanghai
    template = environment(locale).from_string(
        "{{ 123450|minor }} | {{ money|money }} | {{ 1500|points }} | {{ at|date }} | {{ at|day }} | {{ share|percent }}"
    )
    text = template.render(page=page, money=Money("0.05", "USD"), at=late_in_utc, share=Decimal("0.25"))
    assert text == expected
    assert environment(locale).from_string("{{ d|date }}").render(page=page, d=date(2026, 12, 1)) == expected.split(" | ")[3]


async def test_opening_a_sign_in_link_uses_nothing_up_only_its_buttons_post_does(client):
    """A chat app's preview, a crawler, a HEAD or a browser prefetching the link get its page; the
    token leaves only in the button's POST body (so it is in no URL an access log keeps)."""
    from referral.service.partners import issue_sign_in_link
    from tests.pages.conftest import follow_sign_in_link

    merchant = await make_merchant()
    partner = await make_partner(merchant.id)
    link = await issue_sign_in_link(merchant.id, partner.id)
    for preview in (
        client.get(link.path, headers={"user-agent": "WhatsApp/2.23.20"}),
        client.get(link.path, headers={"user-agent": "TelegramBot (like TwitterBot)"}),
        client.head(link.path, headers=BROWSER),
        client.get(link.path, headers=BROWSER),
    ):
        answer = await preview
        assert answer.status_code == 200 and answer.headers["referrer-policy"] == "no-referrer"
    assert (await client.get("/p/", headers=BROWSER, follow_redirects=False)).status_code != 200  # not signed in
    assert (await follow_sign_in_link(client, link.path, BROWSER)).status_code == 303
    assert (await client.get("/p/", headers=BROWSER)).status_code == 200
    assert (await follow_sign_in_link(client, link.path, BROWSER)).status_code == 410  # once


def test_the_pager_and_select_macros_keep_the_other_query_parameters():
    from starlette.requests import Request

    from relay.pages.routing import Page

    scope = {"type": "http", "method": "GET", "scheme": "http", "server": ("t", 80), "path": "/console/partners",
             "query_string": b"q=tea&offset=50", "headers": []}
    page = Page(request=Request(scope), session=sessions.Session(), locale="en", console="console")
    html = environment("en").from_string(
        '{% from "_macros.html" import pager, select with context %}{{ pager(120, 50, 50) }}'
        '{{ select("kind", "Kind", [("parent", "Parent"), ("guide", "Guide")], "guide") }}'
    ).render(page=page)
    assert 'href="/console/partners?q=tea"' in html  # previous: offset 0 is dropped
    assert 'href="/console/partners?q=tea&amp;offset=100"' in html
    assert "51–100 of 120" in html
    assert '<option value="guide" selected>Guide</option>' in html
    assert page.with_query(q=None, offset=0) == "/console/partners?offset=0"
