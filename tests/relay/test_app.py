"""The app answers problems as JSON and documents every route it serves."""

from __future__ import annotations

import re

from starlette.routing import Route

from relay.app import create_app


async def test_unknown_route_is_a_json_problem(client):
    response = await client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert {"type", "title", "detail"} <= response.json().keys()


async def test_every_route_is_in_the_openapi_document(client, app):
    document = (await client.get("/openapi.json")).json()
    assert document["openapi"].startswith("3.1")
    documented = {
        (path, method.upper()) for path, ops in document["paths"].items() for method in ops
    }
    for route in app.routes:
        if not isinstance(route, Route) or not route.include_in_schema:
            continue
        path = re.sub(r":\w+}", "}", route.path)  # {id:int} is documented as {id}
        for method in route.methods or ():
            if method == "HEAD":
                continue
            assert (path, method) in documented, f"{method} {path} is served but not documented"
    # and nothing documented that is not served
    served = {
        (re.sub(r":\w+}", "}", r.path), m)
        for r in create_app().routes if isinstance(r, Route) for m in (r.methods or ())
    }
    for entry in documented:
        assert entry in served, f"{entry} is documented but not served"


async def test_the_openapi_document_is_valid_openapi_3_1(client):
    from openapi_spec_validator import validate

    document = (await client.get("/openapi.json")).json()
    validate(document)  # every $ref resolves, every schema is well-formed


async def test_a_method_a_path_does_not_take_is_405_and_allow_names_every_method_it_does(client):
    """Each path's endpoints share one route: Allow used to name only the first endpoint's method."""
    document = (await client.get("/openapi.json")).json()
    for path, operations in document["paths"].items():
        documented = {method.upper() for method in operations} | ({"HEAD"} if "get" in operations else set())
        unused = next(m for m in ("DELETE", "PUT", "PATCH", "POST") if m not in documented)
        url = re.sub(r"{\w+}", "1", path)
        answer = await client.request(unused, url)
        assert answer.status_code == 405, (unused, url, answer.status_code)
        assert set(answer.headers["allow"].split(", ")) == documented, (path, answer.headers["allow"])


async def test_a_patch_field_takes_null_exactly_when_the_openapi_document_says_it_may(client):
    """Fields that may be left out but never sent as null were documented as nullable."""
    from tests.factories.merchants import api, make_merchant
    from tests.factories.referral import make_partner

    m = await make_merchant()
    partner = await make_partner(m.id)
    document = (await client.get("/openapi.json")).json()
    for path, url in (("/api/v1/merchant", "/api/v1/merchant"), ("/api/v1/partners/{partner_id}",
                      f"/api/v1/partners/{partner.id}"), ("/api/v1/commission-terms", "/api/v1/commission-terms")):
        ref = document["paths"][path]["patch"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        properties = document["components"]["schemas"][ref.rsplit("/", 1)[1]]["properties"]
        for name, prop in properties.items():
            nullable = {"type": "null"} in prop.get("anyOf", [])
            answer = await api(client, m, "PATCH", url, json={name: None})
            assert (answer.status_code == 422) != nullable, (path, name, answer.status_code, answer.text)
