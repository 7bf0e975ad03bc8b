"""Share links through the admin API: idempotent creation, target checks, QR codes, tenancy."""

from __future__ import annotations

import pytest

from referral.models import ShareLink
from referral.qr import qr_svg
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_link, make_partner

#: Every test here reads or writes the run's database.
pytestmark = pytest.mark.usefixtures("database_url")


async def create(client, merchant, partner_id, **fields):
    body = {"target_url": "https://shop.example.com/p/1", "scene": "product", "sku": "SKU-1"} | fields
    return await api(client, merchant, "POST", f"/api/v1/partners/{partner_id}/links", json=body)


async def test_a_link_has_a_short_url_and_qr_codes(client, app):
    m = await make_merchant()
    p = await make_partner(m.id)
    response = await create(client, m, p.id, campaign="spring")
    assert response.status_code == 201, response.text
    link = response.json()
    base = app.state.settings.public_url
    assert link["short_url"] == f"{base}/r/{link['code']}"
    assert link["qr_svg_url"] == f"{base}/qr/{link['code']}.svg"
    assert link["qr_png_url"] == f"{base}/qr/{link['code']}.png"
    assert (link["scene"], link["sku"], link["campaign"], link["active"]) == ("product", "SKU-1", "spring", True)
    assert link["code"].isalnum() and len(link["code"]) == 8
    assert (await api(client, m, "GET", f"/api/v1/links/{link['id']}")).json() == link


async def test_asking_again_for_the_same_link_returns_it_with_200(client):
    m = await make_merchant()
    p = await make_partner(m.id)
    first = await create(client, m, p.id, campaign="spring")
    again = await create(client, m, p.id, campaign="spring", sku="SKU-1")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    other_campaign = await create(client, m, p.id, campaign="summer")
    other_scene = await create(client, m, p.id, scene="campaign", campaign="spring")
    other_target = await create(client, m, p.id, target_url="https://shop.example.com/p/2", campaign="spring")
    assert {other_campaign.status_code, other_scene.status_code, other_target.status_code} == {201}
    assert await ShareLink.filter(merchant_id=m.id).count() == 4


async def test_a_partners_links_are_listed_oldest_first(client):
    m = await make_merchant()
    p, other = await make_partner(m.id), await make_partner(m.id)
    a = (await create(client, m, p.id, target_url="https://shop.example.com/a")).json()
    b = (await create(client, m, p.id, target_url="https://shop.example.com/b")).json()
    await create(client, m, other.id)
    listed = (await api(client, m, "GET", f"/api/v1/partners/{p.id}/links")).json()
    assert [link["id"] for link in listed["items"]] == [a["id"], b["id"]] and listed["total"] == 2


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "JavaScript://shop.example.com/%0Aalert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.com",
        "//shop.example.com/p",
        "/p/1",
        "ftp://shop.example.com/file",
        "https:shop.example.com/p",
        "https://evil.com",
        "https://shop.example.com.evil.com/",
        "https://evilshop.example.com/",
        "https://example.com/",
        "https://shop.example.com@evil.com/",
        "https://user:pass@shop.example.com/",
        "https://evil.com\\@shop.example.com/",
        "https://evil.com\\.shop.example.com/",
        "https:\\\\evil.com",
        "https://shop.example.com\\evil.com",
        "https://shop.example.com%2F@evil.com/",
        "https://shop.example.com./",
        "https://shop.example.com:/",
        "https://shop.example.com:99999/",
        "https://[::1]/",
        "https://127.0.0.1/",
        " https://shop.example.com/",
        "https://shop.example.com/\tx",
        "https://shop.exa\nmple.com/",
        "https://xn--shop-.example.com.evil.com/",
        "https://shop.example.com/" + "a" * 2000,
    ],
)
async def test_a_target_off_the_merchants_domains_is_refused(client, target):
    m = await make_merchant(allowed_domains=("shop.example.com",))
    p = await make_partner(m.id)
    response = await create(client, m, p.id, target_url=target)
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == ["target_url"]
    assert await ShareLink.filter(merchant_id=m.id).count() == 0


@pytest.mark.parametrize(
    "target",
    [
        "https://shop.example.com",
        "http://shop.example.com/p/1?color=red#reviews",
        "HTTPS://SHOP.EXAMPLE.COM/Path",
        "https://m.shop.example.com/p/1",
        "https://shop.example.com:8443/p/1",
    ],
)
async def test_a_target_on_the_merchants_domain_or_a_subdomain_is_accepted(client, target):
    m = await make_merchant(allowed_domains=("shop.example.com",))
    p = await make_partner(m.id)
    response = await create(client, m, p.id, target_url=target)
    assert response.status_code == 201, response.text
    assert response.json()["target_url"] == target


async def test_a_merchant_without_domains_cannot_create_links(client):
    m = await make_merchant(allowed_domains=())
    p = await make_partner(m.id)
    response = await create(client, m, p.id)
    assert response.status_code == 422 and "none set" in response.json()["detail"]


async def test_bad_link_input_is_422(client):
    m = await make_merchant()
    p = await make_partner(m.id)
    for fields, field in (({"scene": "beach"}, "scene"), ({"target_url": 5}, "target_url"), ({"x": 1}, "x")):
        response = await create(client, m, p.id, **fields)
        assert response.status_code == 422
        assert field in {e["field"] for e in response.json()["errors"]}
    patched = await api(client, m, "PATCH", f"/api/v1/links/{(await make_link(p)).id}", json={"active": "no"})
    assert patched.status_code == 422


async def test_another_merchants_partner_or_link_answers_404(client):
    m, other = await make_merchant(), await make_merchant()
    theirs = await make_partner(other.id)
    link = await make_link(theirs)
    assert (await create(client, m, theirs.id)).status_code == 404
    assert (await api(client, m, "GET", f"/api/v1/partners/{theirs.id}/links")).status_code == 404
    assert (await api(client, m, "GET", f"/api/v1/links/{link.id}")).status_code == 404
    patched = await api(client, m, "PATCH", f"/api/v1/links/{link.id}", json={"active": False})
    assert patched.status_code == 404
    assert (await ShareLink.get(id=link.id)).active is True
    assert await ShareLink.filter(merchant_id=m.id).count() == 0


async def test_switching_a_link_off_stops_it_at_once_and_on_again_restores_it(client):
    m = await make_merchant()
    p = await make_partner(m.id)
    link = (await create(client, m, p.id)).json()
    assert (await client.get(f"/r/{link['code']}")).status_code == 302  # now cached
    off = await api(client, m, "PATCH", f"/api/v1/links/{link['id']}", json={"active": False})
    assert off.status_code == 200 and off.json()["active"] is False
    assert (await client.get(f"/r/{link['code']}")).status_code == 404
    assert (await client.get(f"/qr/{link['code']}.png")).status_code == 404
    on = await api(client, m, "PATCH", f"/api/v1/links/{link['id']}", json={"active": True})
    assert on.json()["active"] is True
    assert (await client.get(f"/r/{link['code']}")).status_code == 302


async def test_qr_codes_encode_the_short_url_as_svg_and_png(client):
    m = await make_merchant()
    p = await make_partner(m.id)
    link = (await create(client, m, p.id)).json()
    svg = await client.get(f"/qr/{link['code']}.svg")
    assert svg.status_code == 200 and svg.headers["content-type"] == "image/svg+xml"
    assert b"<svg" in svg.content and b"<path" in svg.content
    assert svg.content == qr_svg(link["short_url"])  # the same symbol segno makes for the short URL
    png = await client.get(f"/qr/{link['code']}.png")
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n") and b"IEND" in png.content[-12:]


async def test_qr_of_an_unknown_code_is_404(client):
    for path in ("/qr/nothing1.svg", "/qr/nothing1.png", "/qr/../etc.png", "/qr/%3Cx%3E.svg"):
        assert (await client.get(path)).status_code == 404


async def test_a_non_ascii_target_is_stored_percent_encoded_and_redirects(client):
    m = await make_merchant()
    p = await make_partner(m.id)
    response = await create(client, m, p.id, target_url="https://shop.example.com/商品/茶?颜色=红#评价")
    assert response.status_code == 201, response.text
    link = response.json()
    encoded = "https://shop.example.com/%E5%95%86%E5%93%81/%E8%8C%B6?%E9%A2%9C%E8%89%B2=%E7%BA%A2#%E8%AF%84%E4%BB%B7"
    assert link["target_url"] == encoded
    again = await create(client, m, p.id, target_url=encoded)
    assert again.status_code == 200 and again.json()["id"] == link["id"]
    visit = await client.get(f"/r/{link['code']}", headers={"user-agent": "Mozilla/5.0"})
    assert visit.status_code == 302
    assert visit.headers["location"].startswith(encoded.split("#")[0] + "&relay_click=")
    assert visit.headers["location"].endswith("#%E8%AF%84%E4%BB%B7")


async def test_a_non_ascii_host_is_refused(client):
    m = await make_merchant(allowed_domains=("shop.example.com",))
    p = await make_partner(m.id)
    for target in ("https://shöp.example.com/", "https://shop.example.com\u3002evil.com/", "https://evil.com\uff0fshop.example.com"):
        response = await create(client, m, p.id, target_url=target)
        assert response.status_code == 422, target


async def test_making_and_switching_a_link_is_audited_as_the_api_key_and_a_repeat_records_nothing(client):
    from accounts.service import audit

    m = await make_merchant()
    p = await make_partner(m.id)
    link = (await create(client, m, p.id)).json()
    await create(client, m, p.id)  # the same link again: nothing made, nothing recorded
    await api(client, m, "PATCH", f"/api/v1/links/{link['id']}", json={"active": False})
    await api(client, m, "PATCH", f"/api/v1/links/{link['id']}", json={"active": False})  # no change
    entries = (await audit.list_entries(m.id, subject_type="link")).items
    assert [(e.action, e.subject_id, e.actor.kind) for e in entries] == [
        ("link.switch_off", str(link["id"]), "api_key"), ("link.create", str(link["id"]), "api_key"),
    ]
    assert entries[0].before["active"] is True and entries[0].after["active"] is False
