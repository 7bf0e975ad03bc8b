"""A payout line's decision: `decide_line` (the function a reader finds) and the SQL CASE the batch
statement runs (`decision_sql`) agree, on random inputs, on the test database's engine."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.db import current_dialect
from core.sql import rows
from payouts.line_decision import LineDecision, decide_line, decision_sql

BIGINT = 2**63 - 1
#: Mostly active partners (the only ones whose net decides anything further), some not found.
STATUSES = st.sampled_from(["active", "active", "active", None, "pending", "suspended", "Active", ""])
PAYEES = st.one_of(st.sampled_from([None, "", " ", "6222000011112222"]), st.text("ab 0", max_size=3))
MINIMUMS = st.one_of(st.integers(0, 3), st.integers(0, 10_000), st.integers(0, BIGINT))
#: When the payee details last changed, against the hold's instant: never, before, at it, after it.
SINCE = datetime(2026, 11, 1, tzinfo=UTC)
CHANGES = st.sampled_from([None, SINCE - timedelta(days=1), SINCE, SINCE + timedelta(seconds=1)])


@st.composite
def lines(draw: st.DrawFn) -> dict[str, Any]:
    """A partner's net, often right at the minimum's edge, and the partner as the batch reads it."""
    minimum = draw(MINIMUMS)
    amount = draw(st.one_of(
        st.integers(-3, 3), st.integers(-BIGINT, BIGINT),
        st.integers(-2, 2).map(lambda step: max(-BIGINT, min(BIGINT, minimum + step))),
    ))
    return {
        "amount": amount, "minimum": minimum, "partner_status": draw(STATUSES),
        "payee_account": draw(PAYEES), "cash": draw(st.booleans()), "hold": draw(st.booleans()),
        "changed_at": draw(CHANGES),
    }


def decided(case: dict[str, Any]) -> LineDecision:
    """`decide_line` for a case: the change counts when the merchant holds on it and it is recent."""
    lately = case["hold"] and case["changed_at"] is not None and case["changed_at"] > SINCE
    return decide_line(
        amount=case["amount"], minimum=case["minimum"], partner_status=case["partner_status"],
        payee_account=case["payee_account"], cash=case["cash"], payee_changed_lately=lately,
    )


def test_the_first_rule_that_applies_decides():
    line = {"amount": 5000, "minimum": 1000, "partner_status": "active", "payee_account": "6222", "cash": True}
    assert decide_line(**line) == LineDecision.payable
    assert decide_line(**line | {"partner_status": None}) == LineDecision.inactive
    assert decide_line(**line | {"partner_status": "suspended", "amount": -1}) == LineDecision.inactive
    assert decide_line(**line | {"amount": -1, "payee_account": None}) == LineDecision.negative
    assert decide_line(**line | {"amount": 0}) == LineDecision.zero
    assert decide_line(**line | {"amount": 999}) == LineDecision.below_minimum
    assert decide_line(**line | {"amount": 1000}) == LineDecision.payable
    assert decide_line(**line | {"payee_account": ""}) == LineDecision.no_payee
    assert decide_line(**line | {"payee_account": None, "cash": False}) == LineDecision.payable
    assert decide_line(**line | {"payee_changed_lately": True}) == LineDecision.payee_changed
    assert decide_line(**line | {"payee_changed_lately": True, "payee_account": ""}) == LineDecision.no_payee
    assert decide_line(**line | {"payee_changed_lately": True, "cash": False}) == LineDecision.payable


async def decided_in_sql(cases: list[dict[str, Any]]) -> list[int]:
    """Each case's decision by the batch statement's CASE, all in one query."""
    branches, params = [], []
    instant = "CAST(? AS TIMESTAMPTZ)" if current_dialect() == "postgres" else "?"  # SQLite keeps instants as text
    for number, case in enumerate(cases):
        found = case["partner_status"] is not None
        hold = case["hold"] and case["cash"]
        branches.append(
            f"SELECT s.n, {decision_sql(cash=case['cash'], hold_payee_changes=case['hold'])} AS decision"
            " FROM (SELECT CAST(? AS INT) AS n, CAST(? AS BIGINT) AS partner_id, CAST(? AS BIGINT) AS amount) s"
            " LEFT JOIN (SELECT CAST(? AS BIGINT) AS partner_id, CAST(? AS VARCHAR(16)) AS status,"
            f" CAST(? AS VARCHAR(100)) AS payee_account, {instant} AS payee_changed_at) p ON p.partner_id = s.partner_id"
        )
        params += [
            case["minimum"], *([SINCE] if hold else []), number, 7, case["amount"], 7 if found else None,
            case["partner_status"], case["payee_account"], case["changed_at"],
        ]
    found = await rows(" UNION ALL ".join(branches) + " ORDER BY 1", params)
    return [int(row["decision"]) for row in found]


async def test_the_sql_case_and_decide_line_agree_on_random_lines(database_url):
    loop = asyncio.get_running_loop()

    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(lines(), min_size=1, max_size=40))
    def agree(cases: list[dict[str, Any]]) -> None:
        in_sql = asyncio.run_coroutine_threadsafe(decided_in_sql(cases), loop).result()
        assert in_sql == [decided(case) for case in cases]

    await asyncio.to_thread(agree)
