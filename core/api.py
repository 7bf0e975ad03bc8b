"""Declared JSON endpoints: one declaration gives the Starlette route, its checks and its OpenAPI entry.

An endpoint declares its method, path, roles, request body, query and response models
(pydantic). The wrapper authenticates, parses and validates, calls the handler, and
renders; every failure leaves as application/problem+json. Because the OpenAPI
document is generated from the same declarations, it cannot drift from the routes.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ValidationError
from starlette.convertors import IntegerConvertor, register_url_convertor
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from core import request_body
from core.errors import Forbidden, InvalidInput, MalformedRequest, NotFound, RelayError, Unauthorized
from core.iso_time import EARLIEST, LATEST
from core.sql import MAX_BIGINT

PROBLEM_JSON = "application/problem+json"


#: The role of a partner calling with their session token (never an API key's role).
PARTNER_ROLE = "partner"


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the merchant the API key belongs to, and the key's role; or a partner of
    the merchant signed in with a session token (role `PARTNER_ROLE`, `partner_id` and
    `session_id` set)."""

    merchant_id: int
    role: str
    key_id: int | None = None
    partner_id: int | None = None
    session_id: int | None = None


Authenticator = Callable[[str], Awaitable[Principal | None]]


@dataclass(slots=True)
class Call:
    """What a handler receives: the request, the caller, and the validated inputs."""

    request: Request
    principal: Principal | None
    body: Any = None
    query: Any = None
    path: dict[str, Any] = field(default_factory=dict)

    @property
    def merchant_id(self) -> int:
        assert self.principal is not None
        return self.principal.merchant_id

    @property
    def partner_id(self) -> int:
        """The signed-in partner (endpoints with roles=[PARTNER_ROLE]): scope every query by it too."""
        assert self.principal is not None and self.principal.partner_id is not None
        return self.principal.partner_id


Handler = Callable[[Call], Awaitable[Any]]


@dataclass(slots=True)
class Endpoint:
    method: str
    path: str
    handler: Handler
    summary: str
    roles: tuple[str, ...]
    body: type[BaseModel] | None
    query: type[BaseModel] | None
    response: Any
    status: int
    tag: str
    description: str = ""
    #: What a 429 answer means here, when the endpoint is rate-limited (documented with Retry-After).
    rate_limited: str | None = None
    #: What a 409 answer means here and its problem's shape, when it carries more than `Problem`.
    conflict: tuple[str, type[BaseModel]] | None = None
    #: Media types of a request body the handler reads itself (a file), documented as binary.
    raw_body: tuple[str, ...] = ()


def problem_response(error: RelayError, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        error.problem(), status_code=error.status, media_type=PROBLEM_JSON, headers=headers
    )


def validation_problem(exc: ValidationError, where: str) -> InvalidInput:
    errors = [
        {
            "field": ".".join(str(part) for part in (where, *err["loc"]) if part != ""),
            "message": err["msg"],
        }
        for err in exc.errors(include_url=False)
    ]
    first = errors[0] if errors else {"field": where, "message": "invalid"}
    return InvalidInput(f"{first['field']}: {first['message']}", errors)


async def authenticate(request: Request, roles: tuple[str, ...]) -> Principal:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("send the API key (or a partner's session token) as 'Authorization: Bearer <key>'")
    authenticator: Authenticator = request.app.state.authenticate
    principal = await authenticator(token.strip())
    if principal is None:
        raise Unauthorized("the API key or session token is unknown, revoked or expired")
    if principal.role not in roles:
        raise Forbidden(f"this needs a key with role {' or '.join(roles)}; this key is {principal.role}")
    return principal


async def read_json(request: Request) -> Any:
    raw = await request.body()
    if not raw:
        raise MalformedRequest("the request body is empty; send JSON")
    return request_body.loads(raw)


def render(result: Any, status: int) -> Response:
    if isinstance(result, Response):
        return result
    if isinstance(result, BaseModel):
        payload = result.model_dump(mode="json")
    elif isinstance(result, list):
        payload = [r.model_dump(mode="json") if isinstance(r, BaseModel) else r for r in result]
    else:
        payload = result
    if status == 204:
        return Response(status_code=204)
    return JSONResponse(payload, status_code=status)


#: The largest value of each integer path convertor: what its column holds (`{id:int}` a BIGINT,
#: `{version:int32}` an INTEGER). Starlette's own `int` takes any number of digits.
MAX_INT32 = 2**31 - 1
PATH_INTEGERS = {"int": MAX_BIGINT, "int32": MAX_INT32}
register_url_convertor("int32", IntegerConvertor())
_INTEGER_PARAM = re.compile(r"{(\w+):(" + "|".join(PATH_INTEGERS) + r")}")


def path_bounds(path: str) -> dict[str, int]:
    """The integer parameters of the route `path` and the largest value each may name."""
    return {name: PATH_INTEGERS[kind] for name, kind in _INTEGER_PARAM.findall(path)}


def check_path_ids(values: dict[str, Any], bounds: dict[str, int]) -> None:
    """`NotFound` for an integer path parameter past its column's width: it names nothing (and
    the driver would refuse it, a 500)."""
    for name, largest in bounds.items():
        value = values.get(name)
        if isinstance(value, int) and value > largest:
            raise NotFound(f"{name} {value} does not exist")


def path_params(request: Request, bounds: dict[str, int]) -> dict[str, Any]:
    """The path's parameters, each integer within its bound (else 404)."""
    check_path_ids(request.path_params, bounds)
    return dict(request.path_params)




def check_storable(value: Any, where: str) -> None:
    """Refuse (422, naming the fields) what no column can hold, however deep in `value`: an
    integer past 64 bits, a date or instant outside [EARLIEST, LATEST], text with a NUL character
    (PostgreSQL refuses it; SQLite would keep it, so both engines refuse it here)."""
    found = dict.fromkeys(_unstorable(value, where))
    if found:
        errors = [{"field": field, "message": message} for field, message in found]
        raise InvalidInput(f"{errors[0]['field']}: {errors[0]['message']}", errors)


def _unstorable(value: Any, where: str) -> Iterable[tuple[str, str]]:
    if isinstance(value, bool):
        return
    if isinstance(value, str):
        if "\x00" in value:
            yield where, "must not contain a NUL character"
    elif isinstance(value, int):
        if abs(value) > MAX_BIGINT:
            yield where, "must fit in a 64-bit integer"
    elif isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        if not EARLIEST <= day <= LATEST:
            yield where, f"must be between {EARLIEST} and {LATEST}"
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _unstorable(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _unstorable(item, f"{where}.{index}" if where else str(index))


def routes(endpoints: Iterable[Endpoint]) -> list[Route]:
    """One Starlette route per path, whatever the number of endpoints (methods) on it: a method
    the path does not take is 405 with an `Allow` naming every method it does take (a route per
    endpoint named only its own)."""
    by_path: dict[str, dict[str, Endpoint]] = {}
    for ep in endpoints:
        by_path.setdefault(ep.path, {})[ep.method] = ep
    return [_route(path, methods) for path, methods in by_path.items()]


def _route(path: str, endpoints: dict[str, Endpoint]) -> Route:
    runs = {method: _runner(ep) for method, ep in endpoints.items()}
    if "GET" in runs:
        runs.setdefault("HEAD", runs["GET"])

    async def dispatch(request: Request) -> Response:
        return await runs[request.method](request)

    first = next(iter(endpoints.values()))
    return Route(path, dispatch, methods=list(endpoints), name=first.handler.__name__)


def _runner(ep: Endpoint) -> Callable[[Request], Awaitable[Response]]:
    bounds = path_bounds(ep.path)

    async def run(request: Request) -> Response:
        try:
            if ep.body is not None:
                # Before any other work (the key's lookup included): a body nested past the limit.
                request_body.check_nesting(await request.body())
            principal = await authenticate(request, ep.roles) if ep.roles else None
            call = Call(request=request, principal=principal, path=path_params(request, bounds))
            if ep.query is not None:
                try:
                    call.query = ep.query.model_validate(dict(request.query_params))
                except ValidationError as exc:
                    raise validation_problem(exc, "query") from None
                check_storable(call.query.model_dump(by_alias=True), "query")
            if ep.body is not None:
                payload = await read_json(request)
                try:
                    call.body = ep.body.model_validate(payload)
                except ValidationError as exc:
                    raise validation_problem(exc, "") from None
                check_storable(payload, "")  # integers as sent (an amount may become Money)
                check_storable(call.body.model_dump(by_alias=True), "")  # dates as parsed
            return render(await ep.handler(call), ep.status)
        except RelayError as error:
            return problem_response(error, headers=getattr(error, "headers", None))  # Retry-After of a 429

    return run


class Api:
    """A set of endpoints of one domain, collected by the `endpoint` decorator."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.endpoints: list[Endpoint] = []

    def endpoint(
        self,
        method: str,
        path: str,
        *,
        summary: str,
        roles: Iterable[str] = (),
        body: type[BaseModel] | None = None,
        query: type[BaseModel] | None = None,
        response: Any = None,
        status: int = 200,
        rate_limited: str | None = None,
        conflict: tuple[str, type[BaseModel]] | None = None,
        raw_body: tuple[str, ...] = (),
    ) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.endpoints.append(
                Endpoint(
                    method=method.upper(),
                    path=path,
                    handler=handler,
                    summary=summary,
                    roles=tuple(str(r) for r in roles),
                    body=body,
                    query=query,
                    response=response,
                    status=status,
                    tag=self.tag,
                    description=(handler.__doc__ or "").strip(),
                    rate_limited=rate_limited,
                    conflict=conflict,
                    raw_body=raw_body,
                )
            )
            return handler

        return register

    def routes(self) -> list[Route]:
        return routes(self.endpoints)


# --- OpenAPI -------------------------------------------------------------------------------

_PARAM = re.compile(r"{(\w+)(?::\w+)?}")

PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}


class _Schemas:
    """Collects component schemas from pydantic models, rewriting refs to components."""

    def __init__(self) -> None:
        self.components: dict[str, Any] = {"Problem": PROBLEM_SCHEMA}

    def ref(self, model: Any, mode: str) -> dict[str, Any]:
        if isinstance(model, list):
            return {"type": "array", "items": self.ref(model[0], mode)}
        if isinstance(model, dict):
            return model
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}", mode=mode)
        for name, sub in schema.pop("$defs", {}).items():
            self._add(name, sub)
        self._add(model.__name__, schema)
        return {"$ref": f"#/components/schemas/{model.__name__}"}

    def _add(self, name: str, schema: dict[str, Any]) -> None:
        """Components are named by class: two different schemas under one name would make every
        reference to it describe one of them, so that is refused here (rename one class)."""
        known = self.components.setdefault(name, schema)
        if known != schema:
            raise ValueError(f"two different schemas are named {name!r} in the OpenAPI document: rename one")


def refuses_null(*, only: Iterable[str] | None = None, but: Iterable[str] = ()) -> Callable[[dict[str, Any]], None]:
    """`json_schema_extra` of a PATCH model whose fields may be left out but not sent as null (its
    validator refuses null): every field, or `only` those; never those in `but` (null clears them).
    /openapi.json then says what the validator does, so a generated client sends no refused null."""
    chosen, spared = (set(only) if only is not None else None), set(but)

    def drop_null(schema: dict[str, Any]) -> None:
        for name, prop in schema.get("properties", {}).items():
            options = prop.get("anyOf")
            if (chosen is not None and name not in chosen) or name in spared or not isinstance(options, list):
                continue
            kept = [option for option in options if option != {"type": "null"}]
            if len(kept) == len(options):
                continue
            del prop["anyOf"]
            prop.update(kept[0] if len(kept) == 1 else {"anyOf": kept})
            if prop.get("default", ...) is None:
                del prop["default"]  # "left out", which a null default would contradict

    return drop_null


def inline_schema(model: type[BaseModel], mode: str = "validation") -> dict[str, Any]:
    """The model's JSON Schema with its $defs inlined: for a hand-documented operation, or a field
    whose own type says less than what validates it (`WithJsonSchema(inline_schema(...))`)."""
    schema = model.model_json_schema(mode=mode)  # type: ignore[arg-type]
    defs = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return resolve({**defs[ref.removeprefix("#/$defs/")], **{k: v for k, v in node.items() if k != "$ref"}})
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(item) for item in node]
        return node

    return resolve(schema)


def openapi_document(
    endpoints: Iterable[Endpoint], *, title: str, version: str, extra_paths: dict[str, Any]
) -> dict[str, Any]:
    schemas = _Schemas()
    paths: dict[str, Any] = {}
    for ep in endpoints:
        path = _PARAM.sub(r"{\1}", ep.path)
        op: dict[str, Any] = {
            "operationId": ep.handler.__name__,
            "summary": ep.summary,
            "tags": [ep.tag],
            "parameters": [],
            "responses": {},
        }
        if ep.description:
            op["description"] = ep.description
        integers = path_bounds(ep.path)
        for name in _PARAM.findall(ep.path):
            param: dict[str, Any] = {"type": "string"}
            if name in integers:
                param = {"type": "integer", "format": "int32" if integers[name] == MAX_INT32 else "int64",
                         "minimum": 0, "maximum": integers[name]}
            op["parameters"].append({"name": name, "in": "path", "required": True, "schema": param})
        if ep.query is not None:
            qschema = ep.query.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, sub in qschema.pop("$defs", {}).items():
                schemas.components.setdefault(name, sub)
            required = set(qschema.get("required", []))
            for name, prop in qschema.get("properties", {}).items():
                op["parameters"].append(
                    {"name": name, "in": "query", "required": name in required, "schema": prop}
                )
        if ep.body is not None:
            op["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": schemas.ref(ep.body, "validation")}},
            }
        elif ep.raw_body:
            op["requestBody"] = {
                "required": True,
                "content": {media: {"schema": {"type": "string", "format": "binary"}} for media in ep.raw_body},
            }
        if ep.status == 204:
            op["responses"]["204"] = {"description": "Done"}
        elif isinstance(ep.response, (str, tuple)):  # a file, in one of these media types
            media_types = (ep.response,) if isinstance(ep.response, str) else ep.response
            op["responses"][str(ep.status)] = {
                "description": "OK",
                "content": {media: {"schema": {"type": "string"}} for media in media_types},
            }
        else:
            ok: dict[str, Any] = {"description": "OK"}
            if ep.response is not None:
                ok["content"] = {"application/json": {"schema": schemas.ref(ep.response, "serialization")}}
            op["responses"][str(ep.status)] = ok
        problem = {"content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        codes = {"400": "Malformed request", "404": "Not found", "409": "Conflict", "422": "Invalid input"}
        if ep.roles == (PARTNER_ROLE,):
            codes |= {"401": "Missing, ended or expired partner session", "403": "Not a partner's session"}
            op["security"] = [{"partnerSession": []}]
        elif ep.roles:
            codes |= {"401": "Missing or unknown API key", "403": "Role not allowed"}
            op["security"] = [{"apiKey": []}]
        for code, text in codes.items():
            op["responses"][code] = {"description": text, **problem}
        if ep.conflict is not None:
            text, shape = ep.conflict
            op["responses"]["409"] = {
                "description": text, "content": {PROBLEM_JSON: {"schema": schemas.ref(shape, "serialization")}},
            }
        if ep.rate_limited is not None:
            op["responses"]["429"] = {
                "description": ep.rate_limited, "headers": {"Retry-After": {"schema": {"type": "integer"}}}, **problem,
            }
        paths.setdefault(path, {})[ep.method.lower()] = op
    for path, ops in extra_paths.items():
        paths.setdefault(path, {}).update(ops)
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version},
        "paths": paths,
        "components": {
            "schemas": schemas.components,
            "securitySchemes": {
                "apiKey": {"type": "http", "scheme": "bearer", "description": "a merchant's API key, rk_..."},
                "partnerSession": {
                    "type": "http", "scheme": "bearer",
                    "description": "a partner's session token, ps_..., from POST /api/v1/merchants/{merchant_id}/partner-sessions",
                },
            },
        },
    }
