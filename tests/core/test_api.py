"""Declared endpoints: auth, roles, validation and problem bodies, on a tiny app built inline."""

from __future__ import annotations

import httpx
from pydantic import BaseModel, Field
from starlette.applications import Starlette

from core.api import Api, Call, Principal, openapi_document


class Greeting(BaseModel):
    name: str = Field(min_length=1)
    times: int = Field(ge=1, le=3)


class Echo(BaseModel):
    text: str


def tiny_app() -> Starlette:
    api = Api("tiny")

    @api.endpoint("POST", "/greet/{who}", summary="Greet", roles=["admin"], body=Greeting, response=Echo)
    async def greet(call: Call) -> Echo:
        return Echo(text=f"{call.path['who']}:{call.body.name * call.body.times}:{call.merchant_id}")

    async def authenticate(token: str) -> Principal | None:
        return {"good": Principal(7, "admin"), "fin": Principal(7, "finance")}.get(token)

    app = Starlette(routes=api.routes())
    app.state.authenticate = authenticate
    app.state.endpoints = api.endpoints
    return app


async def call(app, headers=None, **kw):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        return await client.post("/greet/x", headers=headers or {}, **kw)


async def test_a_valid_call_reaches_the_handler_with_the_callers_merchant():
    response = await call(tiny_app(), {"Authorization": "Bearer good"}, json={"name": "ab", "times": 2})
    assert response.status_code == 200
    assert response.json() == {"text": "x:abab:7"}


async def test_missing_unknown_and_wrong_role_keys_are_401_401_403():
    app = tiny_app()
    assert (await call(app, json={})).status_code == 401
    assert (await call(app, {"Authorization": "Bearer nope"}, json={})).status_code == 401
    forbidden = await call(app, {"Authorization": "Bearer fin"}, json={"name": "a", "times": 1})
    assert forbidden.status_code == 403
    assert forbidden.headers["content-type"] == "application/problem+json"


async def test_invalid_body_names_the_field_and_malformed_json_is_400():
    app = tiny_app()
    response = await call(app, {"Authorization": "Bearer good"}, json={"name": "a", "times": 9})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "times"
    assert response.json()["detail"].startswith("times:")
    broken = await call(app, {"Authorization": "Bearer good"}, content=b"{not json")
    assert broken.status_code == 400
    assert set(broken.json()) >= {"type", "title", "detail"}


def test_openapi_document_lists_the_declared_operation_with_its_schemas():
    doc = openapi_document(tiny_app().state.endpoints, title="t", version="1", extra_paths={})
    op = doc["paths"]["/greet/{who}"]["post"]
    assert op["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Greeting"}
    assert "Echo" in doc["components"]["schemas"]
    assert {"401", "403", "422"} <= op["responses"].keys()
