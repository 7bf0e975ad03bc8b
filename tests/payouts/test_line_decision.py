"""A payout line's decision: `decide_line` (the function a reader finds) and the SQL CASE the batch
statement runs (`decision_sql`) agree, on random inputs, on the test database's engine."""

from __future__ import annotations

import asyncio
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.sql import rows
from payouts.line_decision import LineDecision, decide_line, decision_sql

BIGINT = 2**63 - 1
#: Mostly active partners (the only ones whose net decides anything further), some not found.
STATUSES = st.sampled_from(["active", "active", "active", None, "pending", "suspended", "Active", ""])
PAYEES = st.one_of(st.sampled_from([None, "", " ", "6222000011112222"]), st.text("ab 0", max_size=3))
MINIMUMS = st.one_of(st.integers(0, 3), st.integers(0, 10_000), st.integers(0, BIGINT))


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
        "payee_account": draw(PAYEES), "cash": draw(st.booleans()),
    }


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


async def decided_in_sql(cases: list[dict[str, Any]]) -> list[int]:
    """Each case's decision by the batch statement's CASE, all in one query."""
    branches, params = [], []
    for number, case in enumerate(cases):
        found = case["partner_status"] is not None
        branches.append(
            f"SELECT s.n, {decision_sql(cash=case['cash'])} AS decision"
            " FROM (SELECT CAST(? AS INT) AS n, CAST(? AS BIGINT) AS partner_id, CAST(? AS BIGINT) AS amount) s"
            " LEFT JOIN (SELECT CAST(? AS BIGINT) AS partner_id, CAST(? AS VARCHAR(16)) AS status,"
            " CAST(? AS VARCHAR(100)) AS payee_account) p ON p.partner_id = s.partner_id"
        )
        params += [
            case["minimum"], number, 7, case["amount"], 7 if found else None, case["partner_status"],
            case["payee_account"],
        ]
    found = await rows(" UNION ALL ".join(branches) + " ORDER BY 1", params)
    return [int(row["decision"]) for row in found]


async def test_the_sql_case_and_decide_line_agree_on_random_lines(database_url):
    loop = asyncio.get_running_loop()

    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(lines(), min_size=1, max_size=40))
    def agree(cases: list[dict[str, Any]]) -> None:
        in_sql = asyncio.run_coroutine_threadsafe(decided_in_sql(cases), loop).result()
        assert in_sql == [decide_line(**case) for case in cases]

    await asyncio.to_thread(agree)
