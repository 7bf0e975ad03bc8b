"""Browser tests of the consoles: a real `relay serve` on the test database, driven by Debian's
Chromium through Playwright's async API (never a downloaded browser).

Fixtures and helpers (see docs/consoles.md):
- `site`: the base URL of the running server (session scope).
- `browser`: one Chromium for the run; `new_page(locale="en")` opens a page in a fresh context
  (its own cookies) whose Accept-Language follows `locale` ("en", "zh-CN", ...).
- `partner_session`, `admin_session`, `finance_session`: a new merchant and a page already signed
  in as a partner, an admin or a finance user of it (`.page`, `.merchant`, `.partner`/`.staff`).
- `sign_in_partner(page, merchant_id, partner_id)`, `sign_in_staff(page, staff)`: sign a page in.
- `screenshot(page, name)`: tests/artifacts/<name>-phone.png (390x844) and -desktop.png (1366x900).
- Without a browser (the in-process `client` fixture): `client_as_partner(client, merchant_id, partner_id)`,
  `client_as_staff(client, staff)`, `csrf_of(html)`; send `BROWSER_HEADERS` when following a sign-in link.
"""

from __future__ import annotations

import inspect
import os
import re
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
import shortuuid

from accounts.service import sign_in
from referral.service.partners import issue_sign_in_link
from tests.conftest import ROOT
from tests.factories.merchants import MerchantCtx, make_merchant
from tests.factories.referral import make_partner

CHROMIUM = "/usr/bin/chromium"
#: Without these Chromium keeps calling home (updates, sync, QUIC probes) on a network it cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]
ARTIFACTS = ROOT / "tests" / "artifacts"
SERVER_LOG = ARTIFACTS / "relay-serve.log"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
#: A phone's and a desktop's browser: Chromium's own "HeadlessChrome" is (rightly) taken for a bot, whose
#: visits neither use up a sign-in link nor count as clicks.
PHONE_UA = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            "Version/17.0 Mobile/15E148 Safari/604.1")
BROWSER_UA = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36")
#: httpx's own user agent is taken for a bot (whose GET does not use up a sign-in link).
BROWSER_HEADERS = {"user-agent": BROWSER_UA}
NO_SIGN_IN_LIMITS = {
    f"RELAY_RATE_LIMIT_{name}": "off"
    for name in ("SIGN_IN_IP", "SIGN_IN_IDENTITY", "CODE_SEND_IP", "CODE_SEND_IDENTITY", "JOIN_IP", "JOIN_MERCHANT")
}
#: The password every staff account made by these fixtures has.
STAFF_PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def site(database_url) -> Any:
    """`relay serve` on the test database for the whole run; its base URL."""
    from tests.servers import free_port, start_server, stop

    port = free_port()
    # Every browser test signs in from 127.0.0.1: the sign-in rate limits would refuse a full run.
    saved = {name: os.environ.get(name) for name in NO_SIGN_IN_LIMITS}
    os.environ.update(NO_SIGN_IN_LIMITS)
    options = {}
    if "log" in inspect.signature(start_server).parameters:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        options["log"] = SERVER_LOG  # the server's tracebacks, when a page answers 500
    try:
        server = start_server(database_url, port, **options)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    yield f"http://127.0.0.1:{port}"
    stop(server)


@pytest_asyncio.fixture(scope="session")
async def browser() -> AsyncIterator[Any]:
    if shutil.which(CHROMIUM) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs the chromium package")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        await launched.close()


@pytest_asyncio.fixture
async def new_page(browser, site) -> AsyncIterator[Callable[..., Awaitable[Any]]]:
    """Open pages in fresh contexts (each its own cookies): ``page = await new_page(locale="zh-CN")``."""
    contexts = []

    async def open_page(locale: str = "en") -> Any:
        context = await browser.new_context(base_url=site, locale=locale, viewport=DESKTOP, user_agent=BROWSER_UA)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return await context.new_page()

    yield open_page
    for context in contexts:
        await context.close()


async def screenshot(page: Any, name: str) -> tuple[Path, Path]:
    """Save the page as tests/artifacts/<name>-phone.png and <name>-desktop.png (full page)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    saved = []
    for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
        await page.set_viewport_size(size)
        path = ARTIFACTS / f"{name}-{label}.png"
        await page.screenshot(path=str(path), full_page=True)
        saved.append(path)
    return saved[0], saved[1]


async def sign_in_partner(page: Any, merchant_id: int, partner_id: int) -> None:
    """Follow a fresh one-time sign-in link, as the partner would from the merchant's message."""
    link = await issue_sign_in_link(merchant_id, partner_id)
    await page.goto(link.path)
    await page.click("form.stack button[type=submit]")  # the link's page POSTs its token
    await page.wait_for_load_state()
    assert page.url.endswith("/p/"), page.url


async def make_staff(merchant_id: int, role: str) -> sign_in.StaffInfo:
    return await sign_in.create_staff_account(
        merchant_id, f"{role}-{shortuuid.uuid()[:8]}@example.com", STAFF_PASSWORD, role
    )


async def sign_in_staff(page: Any, staff: sign_in.StaffInfo, *, with_password: bool = False) -> None:
    """Sign a staff account in: by its one-time link (fast), or through the password form."""
    if with_password:
        await page.goto(f"/console/sign-in?merchant={staff.merchant_id}")
        await page.fill("#f-email", staff.email)
        await page.fill("#f-password", STAFF_PASSWORD)
        await page.click("form.stack button[type=submit]")
    else:
        link = await sign_in.issue_staff_sign_in_link(staff.merchant_id, staff.id)
        await page.goto(link.path)
        await page.click("form.stack button[type=submit]")
    await page.wait_for_load_state()
    home = "/console/" if staff.role == "admin" else "/finance/"
    assert page.url.endswith(home), page.url


# --- without a browser: the in-process `client` fixture (fast; tracebacks show in the test) ---------


def hidden_fields(html: str) -> dict[str, str]:
    """The hidden fields of a page's forms, name -> value (what a form posts along unseen)."""
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', html))


def csrf_of(html: str) -> str:
    """The CSRF token of the first form on a page (send it as csrf_token with a POST)."""
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no form with a CSRF token on this page"
    return match.group(1)


async def follow_sign_in_link(client: Any, path: str, headers: dict[str, str] = BROWSER_HEADERS) -> Any:
    """Open a one-time sign-in link and press its button (the token is POSTed): the POST's answer."""
    opened = await client.get(path, headers=headers)
    assert opened.status_code == 200, opened.text
    action = re.search(r'<form class="stack" method="post" action="([^"]+)"', opened.text).group(1)
    token = re.search(r'name="token" value="([^"]+)"', opened.text).group(1)
    return await client.post(action, data={"csrf_token": csrf_of(opened.text), "token": token}, headers=headers)


async def client_as_partner(client: Any, merchant_id: int, partner_id: int) -> None:
    """Sign the httpx `client` in as a partner (its cookie jar keeps the session)."""
    link = await issue_sign_in_link(merchant_id, partner_id)
    answer = await follow_sign_in_link(client, link.path)
    assert answer.status_code == 303, answer.text


async def client_as_staff(client: Any, staff: sign_in.StaffInfo) -> None:
    """Sign the httpx `client` in as a staff account."""
    link = await sign_in.issue_staff_sign_in_link(staff.merchant_id, staff.id)
    answer = await follow_sign_in_link(client, link.path)
    assert answer.status_code == 303, answer.text


@dataclass
class Session:
    """A page signed in as someone of a fresh merchant."""

    page: Any
    merchant: MerchantCtx
    partner: Any = None
    staff: sign_in.StaffInfo | None = None


@pytest_asyncio.fixture
async def partner_session(new_page) -> Session:
    merchant = await make_merchant()
    partner = await make_partner(merchant.id, display_name="Lin Mei")
    page = await new_page()
    await sign_in_partner(page, merchant.id, partner.id)
    return Session(page, merchant, partner=partner)


async def _staff_session(new_page, role: str) -> Session:
    merchant = await make_merchant()
    staff = await make_staff(merchant.id, role)
    page = await new_page()
    await sign_in_staff(page, staff)
    return Session(page, merchant, staff=staff)


@pytest_asyncio.fixture
async def admin_session(new_page) -> Session:
    return await _staff_session(new_page, "admin")


@pytest_asyncio.fixture
async def finance_session(new_page) -> Session:
    return await _staff_session(new_page, "finance")
