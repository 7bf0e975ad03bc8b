"""schemathesis against /openapi.json: every documented operation, fuzzed with a key of each role it
allows, answers no 5xx and nothing the document does not describe (status code, content type, body).

The real server (`relay serve`) runs on the test database; the merchant it is fuzzed as has
partners, links, orders, rule sets, commissions, payout batches and a points redemption, and
generated path parameters are often mapped onto those ids so that requests reach the services
rather than stopping at 404. The shop's signed events are signed here (schemathesis cannot),
so generated events reach validation too. Fixed seed (`derandomize`), bounded cases; the server's
log must hold no traceback either.

The stateful test chains operations by the links schemathesis infers from the document (an id in
one answer is the path parameter of the next call: list partners, then get, patch and link one;
create a draft rule set, then put, simulate and publish it), with each role's key in turn.

Another seed, more cases, out of CI: ``RELAY_FUZZ_SEED=7 RELAY_FUZZ_CASES=50
RELAY_FUZZ_SCENARIOS=200 pytest -s -p hypothesis --hypothesis-seed=7 tests/relay/test_schemathesis.py``
(the summary line gives the requests the server answered and how many were 5xx).
"""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field

import httpx
import pytest
import pytest_asyncio
import schemathesis
from hypothesis import HealthCheck, seed, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core import NOT_SET
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts.service import partner_sessions
from relay.app import APIS, create_app
from relay.settings import Settings
from tests.factories.batches import END_OF_OCTOBER, figures, make_commission, make_payee
from tests.factories.commissions import publish_rule_set
from tests.factories.events import envelope, order_data, sign
from tests.factories.merchants import MerchantCtx, make_merchant
from tests.factories.referral import make_link
from tests.servers import free_port, start_server, stop

pytestmark = pytest.mark.slow

# A result file may be an XLSX workbook: its bytes go as they are, like any binary body.
schemathesis.serializer.alias("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream")

#: Random cases per operation, after schemathesis' coverage phase (the boundary values each schema
#: defines, and methods the path does not allow): about 3,400 requests over some 60 operations.
CASES = int(os.environ.get("RELAY_FUZZ_CASES", "10"))
#: Stateful scenarios, each a chain of at most `STEPS` linked calls.
SCENARIOS, STEPS = int(os.environ.get("RELAY_FUZZ_SCENARIOS", "40")), 6
#: None: the seed is derived from each test (`derandomize`), as in CI; a number: that seed.
SEED = int(os.environ["RELAY_FUZZ_SEED"]) if os.environ.get("RELAY_FUZZ_SEED") else None
FUZZ = settings(max_examples=CASES, derandomize=SEED is None, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
RULES = {"rules": [{"id": "all", "level": 1, "reward": {"percent": "10"}}]}
#: Partners with a session each, taken in turn by the partner API's operations.
PARTNER_SESSIONS = 40

#: (METHOD, documented path) -> roles whose keys may call it; public operations are absent.
ROLES = {
    (ep.method, re.sub(r"{(\w+)(?::\w+)?}", r"{\1}", ep.path)): ep.roles
    for api in APIS for ep in api.endpoints if ep.roles
}


@dataclass
class Target:
    base_url: str
    merchant: MerchantCtx
    #: path parameter name -> ids of this merchant's objects it may name
    known: dict[str, list] = field(default_factory=dict)
    #: operation -> the allowed roles, taken in turn
    turns: dict[tuple[str, str], Iterator[str]] = field(default_factory=dict)
    #: which partner session the next partner request takes
    partner_turn: Iterator[int] = field(default_factory=itertools.count)


async def _seed(http: httpx.AsyncClient, m: MerchantCtx) -> dict[str, list]:
    """Objects of each kind for the fuzzer to find: through the real API where it is quick."""
    cash = await make_payee(m.id)
    points = await make_payee(m.id, reward_preference="points")
    links = [await make_link(cash), await make_link(points, scene="product", sku="TEA-1")]
    version = await publish_rule_set(m.id, RULES)
    orders = []
    for n, partner in enumerate((cash, points, cash)):
        data = order_data(f"FUZZ-{n}", partner_code=partner.code)
        body = envelope("order.created", data)
        answer = await http.post(f"/api/v1/merchants/{m.id}/events", content=body, headers=sign(m.webhook_secret, body))
        assert answer.status_code == 200, answer.text
        orders.append(data["external_id"])
    commissions = [
        (await make_commission(m.id, cash.id, 6000)).id,
        (await make_commission(m.id, points.id, 700, asset="PTS")).id,
    ]
    batches = []
    for asset in ("CNY", "PTS"):
        made = await http.post("/api/v1/payout-batches", json={"asset": asset, "cutoff": END_OF_OCTOBER},
                               headers=m.auth("finance"))
        assert made.status_code == 201, made.text
        batches.append(made.json())
    approved = await http.post(f"/api/v1/payout-batches/{batches[1]['id']}/approve", json=figures(batches[1]),
                               headers=m.auth("finance"))
    assert approved.status_code == 200, approved.text
    lines = (await http.get(f"/api/v1/payout-batches/{batches[0]['id']}", headers=m.auth("finance"))).json()["lines"]
    redeemed = await http.post(
        "/api/v1/points/redemptions", headers=m.auth("integration"),
        json={"partner_id": points.id, "points": 100, "order_ref": "SO-9", "idempotency_key": "fuzz-1"},
    )
    assert redeemed.status_code == 201, redeemed.text
    # The partner API is fuzzed with partner sessions, one partner each: "sign out on all devices"
    # ends only its own partner's, so the others keep reaching the endpoints.
    sessions = []
    for n in range(PARTNER_SESSIONS):
        partner = cash if n == 0 else await make_payee(m.id)
        sessions.append(await partner_sessions.start_session(m.id, partner.id, device="fuzz", via="code"))
    m.keys["partner"] = sessions[0].token
    return {
        "merchant_id": [m.id],
        "partner_id": [cash.id, points.id],
        "link_id": [link.id for link in links],
        "code": [link.code for link in links] + [cash.code],
        "version": [version],
        "external_id": orders,
        "commission_id": commissions,
        "batch_id": [batch["id"] for batch in batches],
        "line_id": [line["id"] for line in lines],
        "redemption_id": [redeemed.json()["id"]],
        "session_id": [started.session.id for started in sessions],
        "partner_token": [started.token for started in sessions],
    }


@pytest_asyncio.fixture(scope="module")
async def fuzz_target(database_url, tmp_path_factory) -> AsyncIterator[Target]:
    m = await make_merchant()
    port = free_port()
    log = tmp_path_factory.mktemp("fuzz") / "server.log"
    server = start_server(database_url, port, log=log)
    base_url = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
            known = await _seed(http, m)
        yield Target(base_url, m, known)
    finally:
        stop(server)
        lines = log.read_text(errors="replace").splitlines()
        answered = [int(found.group(1)) for line in lines if (found := _ANSWER.search(line))]
        print(f"\nfuzz: seed {SEED if SEED is not None else 'derived'}, {len(answered)} requests answered, "
              f"{sum(status >= 500 for status in answered)} 5xx")
        errors = [line for line in lines if "Traceback" in line]
        assert not errors, f"the server logged errors; see {log}"


#: An access log line's status: ... "GET /api/v1/partners HTTP/1.1" 200 OK
_ANSWER = re.compile(r'" (\d{3})( |$)')


#: The document the server serves at /openapi.json (made without a database).
schema = schemathesis.openapi.from_dict(create_app(Settings(manage_database=False)).state.openapi)


def _aim(case, target: Target) -> None:
    """Point most generated path parameters at this merchant's objects; the rest stay as generated
    (mostly unknown ids: the 404 paths get fuzzed too). The merchant id is always this merchant's."""
    for name, value in list((case.path_parameters or {}).items()):
        known = target.known.get(name)
        if not known:
            continue
        if name == "merchant_id":
            case.path_parameters[name] = known[0]
            continue
        pick = value if isinstance(value, int) else len(str(value))
        if pick % 4:
            case.path_parameters[name] = known[pick % len(known)]


def _role(case, target: Target) -> str | None:
    key = (case.operation.method.upper(), case.operation.path)
    roles = ROLES.get(key)
    if not roles:
        return None
    turn = target.turns.setdefault(key, itertools.cycle(roles))
    return next(turn)


def _signed_event(case, target: Target) -> httpx.Response:
    """POST the generated event as the shop would: the body signed with the merchant's secret."""
    if case.body is NOT_SET:
        body = b""
    elif isinstance(case.body, bytes):
        body = case.body
    else:
        body = json.dumps(case.body).encode()
    headers = sign(target.merchant.webhook_secret, body.decode(errors="replace"))
    return httpx.post(f"{target.base_url}{case.formatted_path}", content=body, headers=headers, timeout=30)


def _seeded(test):
    return seed(SEED)(test) if SEED is not None else test


@schema.parametrize()
@FUZZ
@_seeded
def test_every_operation_answers_as_documented_and_never_5xx(case, fuzz_target: Target):
    _aim(case, fuzz_target)
    if case.operation.path.endswith("/events"):
        response = _signed_event(case, fuzz_target)
    else:
        role = _role(case, fuzz_target)
        if role == "partner":
            tokens = fuzz_target.known["partner_token"]
            fuzz_target.merchant.keys["partner"] = tokens[next(fuzz_target.partner_turn) % len(tokens)]
        headers = fuzz_target.merchant.auth(role) if role else {}
        response = case.call(base_url=fuzz_target.base_url, headers=headers, allow_redirects=False)
    case.validate_response(response, checks=CHECKS)


#: The stateful machine: the shop's events are left to the test above (their body must be signed as
#: sent, and no operation's answer names an event); everything else is chained.
linked = schema.exclude(path_regex=r"/events$")


def test_chains_of_linked_operations_answer_as_documented_with_every_role(fuzz_target: Target):
    class Workflow(linked.as_state_machine()):
        def get_call_kwargs(self, case) -> dict:
            if case.path_parameters and "merchant_id" in case.path_parameters:
                case.path_parameters["merchant_id"] = fuzz_target.merchant.id
            role = _role(case, fuzz_target)
            return {"base_url": fuzz_target.base_url, "headers": fuzz_target.merchant.auth(role) if role else {}}

        def validate_response(self, response, case, additional_checks=None, **kwargs) -> None:
            case.validate_response(response, checks=CHECKS)

    run = settings(FUZZ, max_examples=SCENARIOS, stateful_step_count=STEPS)
    Workflow.run(settings=run if SEED is None else settings(run, derandomize=False))
