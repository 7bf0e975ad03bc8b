"""The guards and scoping on a tiny app built inline: a partner reaches only their own rows (404
otherwise, whatever id is put in the URL) and staff only the pages of their role (403)."""

from __future__ import annotations

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse, Response

from accounts.service import sign_in
from referral.service.links import get_link
from relay import pages
from relay.pages.guards import finance_page, partner_page, staff_page
from relay.pages.routing import Page, Pages, public_page
from relay.settings import Settings
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_link, make_partner
from tests.pages.conftest import client_as_partner, client_as_staff

pytestmark = pytest.mark.usefixtures("database_url")

example = Pages("example", guard=partner_page)


@example.get("/p/example/links/{link_id:int}")
async def show_link(page: Page) -> Response:
    link = page.owned(await get_link(page.merchant_id, page.request.path_params["link_id"]))
    return PlainTextResponse(link.code)


@example.get("/console/example/shared", guard=staff_page(roles=("admin", "finance")))
async def shared(page: Page) -> Response:
    return PlainTextResponse(page.staff.role)


@example.get("/finance/example/only", guard=finance_page)
async def finance_only(page: Page) -> Response:
    return PlainTextResponse("finance")


@example.get("/p/example/broken", guard=public_page)
async def broken(page: Page) -> Response:
    raise RuntimeError("a bug")


@pytest.fixture
async def http(database_url):
    app = Starlette(routes=[*pages.routes(), *example.routes()])
    app.state.settings = Settings(database_url=database_url, manage_database=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        yield client


async def test_a_partner_editing_an_id_in_the_url_finds_nothing_outside_their_own_rows(http):
    merchant, other = await make_merchant(), await make_merchant()
    mine, neighbour = await make_partner(merchant.id), await make_partner(merchant.id)
    stranger = await make_partner(other.id)
    my_link, their_link, foreign_link = await make_link(mine), await make_link(neighbour), await make_link(stranger)
    await client_as_partner(http, merchant.id, mine.id)

    assert (await http.get(f"/p/example/links/{my_link.id}")).text == my_link.code
    for other_id in (their_link.id, foreign_link.id, 2**63 - 1, 2**64):
        answer = await http.get(f"/p/example/links/{other_id}")
        assert answer.status_code == 404 and "Page not found" in answer.text


async def test_staff_open_only_the_pages_of_their_role(http):
    merchant = await make_merchant()
    for role, shared_status, finance_status in (("admin", 200, 403), ("finance", 200, 200)):
        staff = await sign_in.create_staff_account(merchant.id, f"{role}@example.com", "a long enough password", role)
        http.cookies.clear()
        await client_as_staff(http, staff)
        assert (await http.get("/console/example/shared")).status_code == shared_status
        assert (await http.get("/finance/example/only")).status_code == finance_status
    http.cookies.clear()
    assert (await http.get("/finance/example/only")).headers["location"].startswith("/console/sign-in?next=")


async def test_a_bug_in_a_page_answers_the_500_page_and_is_logged(http, caplog):
    answer = await http.get("/p/example/broken", headers={"accept-language": "zh-CN"})
    assert answer.status_code == 500 and "出错了" in answer.text
    assert "a bug" in caplog.text
