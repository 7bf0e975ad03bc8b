"""Hostile and odd input through the real app: refused with a 4xx problem (type, title, detail)
naming the field, and nothing written; or, where it is legitimate text, stored exactly as sent.

Covered elsewhere and not repeated here (tests/referral/test_orders_validation.py and
test_refunds.py): duplicate SKUs in one order (422 on `data.lines.N.sku`: a SKU identifies its
line, which refunds name, so two lines may not share one; a shop sends one line with the summed
quantity), an order with zero lines, quantities and amounts past 64 bits in shop events, time
stamps without a zone in shop events, a refund naming a SKU the order does not have.
"""

from __future__ import annotations

import json
import re

import pytest

from payouts.models import PayoutBatch
from referral.models import Partner, ShareLink
from tests.factories.events import envelope, order_data, send, sign, written
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_partner

pytestmark = pytest.mark.usefixtures("database_url")

#: Chinese, an emoji with a skin tone and a zero-width joiner sequence, Arabic (right to left)
#: with a right-to-left mark, and a combining accent: all legitimate, all stored as sent.
UNICODE = "林美 👩🏽‍🍳 مرحبا\u200f e\u0301"
BIG = 2**63


def assert_problem(response, status: int, field: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert {"type", "title", "status", "detail"} <= body.keys() and body["status"] == status
    if field is not None:
        assert field in [e["field"] for e in body["errors"]], body
    return body


# --- Unicode: legitimate text is kept exactly; what no database column can hold is refused --------------


async def test_names_and_skus_in_any_script_with_emoji_and_rtl_are_stored_as_sent(client):
    m = await make_merchant()
    created = await api(client, m, "POST", "/api/v1/partners", json={"display_name": UNICODE, "group": "🌸"})
    assert created.status_code == 201, created.text
    fetched = await api(client, m, "GET", f"/api/v1/partners/{created.json()['id']}")
    assert (fetched.json()["display_name"], fetched.json()["group"]) == (UNICODE, "🌸")

    lines = [{"sku": "茶-🍵-شاي", "category": UNICODE, "quantity": 1, "unit_price": "9.90"}]
    answer = await send(client, m, "order.created", order_data("订单-①-🧾", lines=lines, customer_ref=UNICODE))
    assert answer.status_code == 200, answer.text
    order = (await api(client, m, "GET", "/api/v1/orders/订单-①-🧾")).json()
    assert order["lines"][0]["sku"] == "茶-🍵-شاي" and order["external_id"] == "订单-①-🧾"


@pytest.mark.parametrize("text", ["Lin\x00Mei", "\ud800 lone surrogate"])
async def test_a_nul_byte_or_a_lone_surrogate_in_a_name_is_refused_and_nothing_is_written(client, text):
    """PostgreSQL text cannot hold NUL, and a lone surrogate is not UTF-8: both engines refuse
    them the same way, before any query."""
    m = await make_merchant()
    body = json.dumps({"display_name": text})  # JSON escapes them: \u0000, \ud800
    response = await client.post("/api/v1/partners", content=body, headers=m.auth() | {"content-type": "application/json"})
    assert_problem(response, 422, "display_name")
    assert await Partner.filter(merchant_id=m.id).count() == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"lines": [{"sku": "TEA\x001", "quantity": 1, "unit_price": "1.00"}]}, "data.lines.0.sku"),
        ({"customer_ref": "c\ud83d"}, "data.customer_ref"),
        ({"external_id": "SO-\x00"}, "data.external_id"),
    ],
)
async def test_a_nul_byte_or_a_lone_surrogate_in_a_shop_event_is_refused_and_nothing_is_written(
    client, changes, field
):
    m = await make_merchant()
    assert_problem(await send(client, m, "order.created", order_data(**changes)), 422, field)
    assert set((await written(m.id)).values()) == {0}


async def test_a_body_that_is_not_utf8_is_malformed_and_nothing_is_written(client):
    m = await make_merchant()
    response = await client.post("/api/v1/partners", content=b'{"display_name": "\xff\xfe"}',
                                 headers=m.auth() | {"content-type": "application/json"})
    assert_problem(response, 400)
    body = b'{"type": "order.created", "data": "\xff"}'
    event = await client.post(f"/api/v1/merchants/{m.id}/events", content=body,
                              headers=sign(m.webhook_secret, body.decode(errors="replace")))
    assert event.status_code in (400, 401), event.text  # the signature is over text: refused either way
    assert event.headers["content-type"].startswith("application/problem+json")
    assert await Partner.filter(merchant_id=m.id).count() == 0
    assert set((await written(m.id)).values()) == {0}


# --- very long strings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"display_name": "x" * 201}, "display_name"),
        ({"display_name": "林" * 100_000}, "display_name"),
        ({"display_name": "ok", "group": "g" * 41}, "group"),
        ({"display_name": "ok", "payee_account": "9" * 201}, "payee_account"),
        ({"display_name": "ok", "email": "a" * 250 + "@b.cn"}, "email"),
    ],
)
async def test_a_too_long_partner_field_is_refused_and_nothing_is_written(client, fields, field):
    m = await make_merchant()
    assert_problem(await api(client, m, "POST", "/api/v1/partners", json=fields), 422, field)
    assert await Partner.filter(merchant_id=m.id).count() == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"lines": [{"sku": "S" * 101, "quantity": 1, "unit_price": "1.00"}]}, "data.lines.0.sku"),
        ({"customer_ref": "c" * 201}, "data.customer_ref"),
        ({"visitor_id": "v" * 65}, "data.visitor_id"),
        ({"partner_code": "P" * 33}, "data.partner_code"),
    ],
)
async def test_a_too_long_shop_event_field_is_refused_and_nothing_is_written(client, changes, field):
    m = await make_merchant()
    assert_problem(await send(client, m, "order.created", order_data(**changes)), 422, field)
    assert set((await written(m.id)).values()) == {0}


async def test_a_shop_event_over_one_megabyte_is_413_and_nothing_is_written(client):
    m = await make_merchant()
    data = order_data(customer_ref="c", lines=[{"sku": "A", "quantity": 1, "unit_price": "1.00",
                                                 "category": "x" * 1_100_000}])
    body = envelope("order.created", data)
    response = await client.post(f"/api/v1/merchants/{m.id}/events", content=body.encode(),
                                 headers=sign(m.webhook_secret, body))
    assert_problem(response, 413)
    assert set((await written(m.id)).values()) == {0}


async def test_a_link_target_of_ten_thousand_characters_is_refused_and_nothing_is_written(client):
    m = await make_merchant()
    partner = await make_partner(m.id)
    target = "https://shop.example.com/p?" + "q" * 10_000
    response = await api(client, m, "POST", f"/api/v1/partners/{partner.id}/links", json={"target_url": target})
    assert_problem(response, 422, "target_url")
    assert await ShareLink.filter(merchant_id=m.id).count() == 0


# --- numbers past 64 bits and ids that cannot exist -------------------------------------------------------


async def test_an_id_past_64_bits_in_a_path_is_404(client):
    m = await make_merchant()
    assert_problem(await api(client, m, "GET", f"/api/v1/partners/{BIG}"), 404)
    assert_problem(await api(client, m, "GET", f"/api/v1/payout-batches/{2**70}", role="finance"), 404)


@pytest.mark.parametrize(
    ("method", "path", "role", "body", "field"),
    [
        ("POST", "/api/v1/partners", "admin", {"display_name": "Lin", "recruiter_id": BIG}, "recruiter_id"),
        ("PATCH", "/api/v1/payout-terms", "finance", {"minimums": {"CNY": BIG}}, "minimums.CNY"),
        ("PATCH", "/api/v1/payout-terms", "finance", {"minimums": {"CNY": str(BIG)}}, "minimums"),
        ("POST", "/api/v1/checkout/incentive", "integration", {"subtotal": BIG}, "subtotal"),
        ("POST", "/api/v1/points/redemptions", "integration",
         {"partner_id": 1, "points": BIG, "order_ref": "SO-1", "idempotency_key": "k"}, "points"),
    ],
)
async def test_a_number_past_64_bits_in_a_body_is_refused_and_nothing_is_written(client, method, path, role, body, field):
    m = await make_merchant()
    before = await written(m.id)
    problem = assert_problem(await api(client, m, method, path, role=role, json=body), 422)
    assert any(e["field"].startswith(field) for e in problem["errors"]), problem
    assert await written(m.id) == before
    assert await Partner.filter(merchant_id=m.id).count() == 0


async def test_a_number_past_64_bits_in_a_query_is_refused(client):
    m = await make_merchant()
    partner = await make_partner(m.id)
    response = await api(client, m, "GET", f"/api/v1/partners/{partner.id}/links?offset={2**70}")
    assert_problem(response, 422, "query.offset")


# --- time stamps -------------------------------------------------------------------------------------------


async def test_a_batch_cutoff_without_a_zone_is_refused_and_no_batch_is_made(client):
    m = await make_merchant()
    response = await api(client, m, "POST", "/api/v1/payout-batches", role="finance",
                         json={"asset": "CNY", "cutoff": "2026-11-01T00:00:00"})
    assert_problem(response, 422, "cutoff")
    assert await PayoutBatch.filter(merchant_id=m.id).count() == 0


@pytest.mark.parametrize("cutoff", ["0001-01-01T00:00:00+08:00", "9999-12-31T23:59:59-08:00"])
async def test_an_instant_at_the_edge_of_the_calendar_is_refused_and_no_batch_is_made(client, cutoff):
    m = await make_merchant()
    response = await api(client, m, "POST", "/api/v1/payout-batches", role="finance",
                         json={"asset": "CNY", "cutoff": cutoff})
    assert_problem(response, 422, "cutoff")
    assert await PayoutBatch.filter(merchant_id=m.id).count() == 0


async def test_a_date_range_at_the_edge_of_the_calendar_is_refused(client):
    m = await make_merchant()
    for query in ("from=0001-01-01&to=2026-01-01", "from=2026-01-01&to=9999-12-31"):
        assert_problem(await api(client, m, "GET", f"/api/v1/reports?by=partner&{query}"), 422)


async def test_a_shop_event_occurring_at_the_edge_of_the_calendar_is_refused_and_nothing_is_written(client):
    m = await make_merchant()
    response = await send(client, m, "order.created", order_data(occurred_at="0001-01-01T00:00:00+08:00"))
    assert_problem(response, 422, "data.occurred_at")
    assert set((await written(m.id)).values()) == {0}


# --- nesting and size: refused before any other work, at every entry point ----------------------------


def deep(depth: int) -> str:
    return "[" * depth + "]" * depth


async def test_a_deeply_nested_body_to_the_public_application_endpoint_is_400_and_no_one_joins(client):
    """Without a key: json.loads raised RecursionError here, a 500."""
    m = await make_merchant()
    await make_partner(m.id)
    for body, kind in ((f'{{"display_name": {deep(5000)}}}', "application/json"), (deep(100_000), "text/plain")):
        response = await client.post(f"/api/v1/merchants/{m.id}/applications", content=body,
                                     headers={"content-type": kind})
        assert "deeper than 32 levels" in assert_problem(response, 400)["detail"]
    assert await Partner.filter(merchant_id=m.id).count() == 1


async def test_a_deeply_nested_api_body_is_400_before_the_key_is_even_looked_up(client):
    m = await make_merchant()
    body = f'{{"display_name": "ok", "group": {deep(5000)}}}'
    for headers in (m.auth(), {"authorization": "Bearer rk_adm_unknown"}, {}):
        response = await client.post("/api/v1/partners", content=body, headers=headers | {"content-type": "application/json"})
        assert_problem(response, 400)
    assert await Partner.filter(merchant_id=m.id).count() == 0


async def test_a_signed_event_nested_a_thousand_levels_deep_is_400_and_nothing_is_written(client):
    m = await make_merchant()
    body = f'{{"type": "order.created", "data": {deep(1000)}}}'
    response = await client.post(f"/api/v1/merchants/{m.id}/events", content=body.encode(),
                                 headers=sign(m.webhook_secret, body))
    assert_problem(response, 400)
    assert set((await written(m.id)).values()) == {0}


async def test_a_body_over_one_megabyte_is_413_on_every_json_endpoint_sent_whole_or_in_chunks(client):
    m = await make_merchant()
    await make_partner(m.id)
    big = json.dumps({"display_name": "x" * (1024 * 1024)}).encode()

    async def chunks():
        for start in range(0, len(big), 65536):
            yield big[start:start + 65536]

    for path, headers in (("/api/v1/partners", m.auth()), (f"/api/v1/merchants/{m.id}/applications", {})):
        assert_problem(await client.post(path, content=big, headers=headers), 413)
        assert_problem(await client.post(path, content=chunks(), headers=headers), 413)
    assert await Partner.filter(merchant_id=m.id).count() == 1


async def test_a_form_or_a_result_file_past_its_limit_is_413_before_the_page_reads_it(client):
    """Forms (and the bank's result file, 20 MB) are bounded like JSON: refused from their
    Content-Length, before the session, the CSRF check or the upload's parsing."""
    from payouts.export import MAX_RESULT_FILE

    form = {"csrf_token": "x", "q": "x" * (1024 * 1024)}
    assert_problem(await client.post("/console/partners/1/suspend", data=form), 413)
    upload = {"results": ("results.csv", b"x" * (MAX_RESULT_FILE + 65 * 1024), "text/csv")}
    assert_problem(await client.post("/finance/batches/1/results", files=upload, data={"csrf_token": "x"}), 413)
    m = await make_merchant()
    csv = b"reference,status,reason\n" + b"B1-1,paid,\n" * (MAX_RESULT_FILE // 10)
    assert_problem(await client.post("/api/v1/payout-batches/1/results", content=csv, headers=m.auth("finance")), 413)


async def test_a_rule_editor_form_with_deeply_nested_json_answers_its_page_and_saves_nothing(client):
    from commissions.service import rule_sets
    from tests.pages.conftest import client_as_staff, csrf_of, make_staff

    m = await make_merchant()
    await client_as_staff(client, await make_staff(m.id, "admin"))
    draft = await rule_sets.create_draft(m.id, {"rules": []})
    html = (await client.get(f"/console/rules/{draft.version}")).text
    fields = {"csrf_token": csrf_of(html), "op": "save", "rules": "0", "modifiers": "0",
              "extra": f'{{"caps": {deep(5000)}}}'}
    answer = await client.post(f"/console/rules/{draft.version}", data=fields, headers={"accept-language": "en"})
    assert answer.status_code == 422 and "This part is not valid JSON." in answer.text
    assert (await rule_sets.get_version(m.id, draft.version)).content == draft.content


# --- integers in a path past their column's width -------------------------------------------------------


@pytest.mark.parametrize("version", [2**31 - 1, 2**31, 2**63 - 1, 2**63, 10**30])
async def test_a_rule_set_version_past_its_int32_column_is_404_on_every_operation_and_page(client, version):
    """The version column is an INTEGER: 2**31 passed the BIGINT check and the driver refused it (500)."""
    from tests.pages.conftest import client_as_staff, make_staff

    m = await make_merchant()
    content = {"content": {"rules": []}}
    base = f"/api/v1/rule-sets/{version}"
    for method, path, body in (("GET", base, None), ("PUT", base, content), ("POST", f"{base}/publish", None),
                               ("POST", f"{base}/simulate", {"from": "2026-01-01", "to": "2026-01-31"})):
        assert_problem(await api(client, m, method, path, json=body), 404)
    await client_as_staff(client, await make_staff(m.id, "admin"))
    for path in (f"/console/rules/{version}", f"/console/rules/{version}/simulation"):
        page = await client.get(path)
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html"), path


# --- dates and instants: ISO text only, within 1900..9998, as /openapi.json says --------------------------


@pytest.mark.parametrize("value", ["0", "0.5", "1700000000", "2026-1-5", "9999-01-01", "1899-12-31", "20261105"])
@pytest.mark.parametrize("path", ["/api/v1/reports", "/api/v1/orders", "/api/v1/rate-limits/refusals"])
async def test_a_query_date_that_is_a_number_or_outside_the_range_is_422(client, path, value):
    """?to=0 was 1970-01-01 and ?to=0.5 was accepted: pydantic reads numbers as Unix times."""
    m = await make_merchant()
    assert_problem(await api(client, m, "GET", path, params={"to": value}), 422, "query.to")


@pytest.mark.parametrize("value", ["0", "1700000000.5", "2026-11-05T10:00:00", "2026-11-05"])
async def test_a_query_or_body_instant_must_be_iso_text_with_its_offset(client, value):
    m = await make_merchant()
    assert_problem(await api(client, m, "GET", "/api/v1/audit", params={"from": value}), 422, "query.from")
    assert_problem(await api(client, m, "GET", "/api/v1/commissions", params={"occurred_from": value}), 422,
                   "query.occurred_from")
    made = await api(client, m, "POST", "/api/v1/payout-batches", role="finance",
                     json={"asset": "CNY", "cutoff": float(value) if value.replace(".", "").isdigit() else value})
    assert_problem(made, 422, "cutoff")
    assert await PayoutBatch.filter(merchant_id=m.id).count() == 0


def test_the_openapi_document_gives_the_date_range_as_a_pattern_the_api_applies():
    from relay.app import create_app
    from relay.settings import Settings

    document = create_app(Settings(manage_database=False)).state.openapi
    (to,) = [p for p in document["paths"]["/api/v1/reports"]["get"]["parameters"] if p["name"] == "to"]
    pattern = next(option["pattern"] for option in to["schema"]["anyOf"] if "pattern" in option)
    assert re.match(pattern, "9998-12-31") and re.match(pattern, "1900-01-01")
    assert not re.match(pattern, "9999-01-01") and not re.match(pattern, "1899-12-31") and not re.match(pattern, "0")
