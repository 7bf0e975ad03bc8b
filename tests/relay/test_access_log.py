"""No usable secret in uvicorn's access log: a one-time sign-in link is opened with a GET whose
path the log would keep, so the log configuration `relay serve` runs with redacts it, and the
token that signs in travels in the button's POST body, which no access log keeps. Read from the
log of a real `relay serve` process."""

from __future__ import annotations

import httpx

from accounts.service import sign_in
from referral.service.partners import issue_sign_in_link
from relay.access_log import redact
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner
from tests.pages.conftest import follow_sign_in_link, make_staff
from tests.servers import free_port, start_server


def test_the_token_after_sign_in_is_redacted_in_any_path():
    assert redact("/p/sign-in/rs_abc-DEF_123?x=1") == "/p/sign-in/[redacted]?x=1"
    assert redact("/console/sign-in/rs_abc") == "/console/sign-in/[redacted]"
    assert redact("/console/sign-in?merchant=3") == "/console/sign-in?merchant=3"


async def test_a_sign_in_links_token_is_nowhere_in_the_access_log_of_relay_serve(database_url, servers, tmp_path):
    merchant = await make_merchant()
    partner = await make_partner(merchant.id)
    links = [await issue_sign_in_link(merchant.id, partner.id),
             await sign_in.issue_staff_sign_in_link(merchant.id, (await make_staff(merchant.id, "admin")).id)]
    log = tmp_path / "server.log"
    port = free_port()
    servers.append(start_server(database_url, port, log=log))
    for link in links:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as browser:
            assert (await follow_sign_in_link(browser, link.path)).status_code == 303
            again = await follow_sign_in_link(browser, link.path)
            assert again.status_code == 410  # the link was used: it signed in
    written = log.read_text()
    assert '"GET /p/sign-in/[redacted] HTTP/1.1" 200' in written
    assert '"GET /console/sign-in/[redacted] HTTP/1.1" 200' in written
    assert '"POST /p/sign-in HTTP/1.1" 303' in written and '"POST /console/sign-in-link HTTP/1.1" 303' in written
    for link in links:
        assert link.token not in written and link.token[3:15] not in written
