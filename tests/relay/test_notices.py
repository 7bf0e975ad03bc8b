"""What each crossing tells partners, built from commission records (pure): one notice per partner
and asset of each event, however many commissions it moved."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from commissions.service.records import CommissionRecord
from relay import notices

AT = datetime(2026, 12, 1, tzinfo=UTC)
ONE = CommissionRecord(
    id=1, merchant_id=1, partner_id=10, order_id=100, order_line_id=None, line_no=None, level=1, kind="cash",
    asset="CNY", amount=125, base_minor=1250, rule_set_version=1, rule_id="r", reversal_of=None, refund_id=None,
    status="available", occurred_at=AT, available_at=AT, explanation={}, rejected_reason=None,
    rejected_by_key_id=None, rejected_at=None, created_at=AT, payout_batch_id=None,
)


def test_ten_thousand_commissions_released_are_one_notice_per_partner_and_asset():
    released = [replace(ONE, id=n, partner_id=10 + n % 3) for n in range(1, 10_001)]
    released.append(replace(ONE, id=20_000, partner_id=10, amount=-125, reversal_of=3))  # a reversal nets, uncounted
    released.append(replace(ONE, id=20_001, partner_id=10, asset="PTS", amount=40))
    told = {(n.partner_id, n.params["currency"]): n for n in notices.commissions_available(released)}
    assert len(told) == 4
    assert told[(10, "CNY")].params == {"count": 3333, "amount_minor": 3333 * 125 - 125, "currency": "CNY"}
    assert told[(11, "CNY")].params == {"count": 3334, "amount_minor": 3334 * 125, "currency": "CNY"}
    assert told[(10, "PTS")].params == {"count": 1, "amount_minor": 40, "currency": "PTS"}
    assert told[(11, "CNY")].event_key == "available:1:CNY"


def test_a_reversal_tells_what_was_taken_back_and_nothing_when_it_nets_to_zero():
    taken = notices.commissions_reversed("refund:7", "SO-1", [replace(ONE, amount=-50, reversal_of=1)], "refund")
    assert [(n.partner_id, n.event_key, n.params) for n in taken] == [
        (10, "refund:7:CNY", {"order": "SO-1", "amount_minor": 50, "currency": "CNY", "reason": "refund"})]
    assert notices.commissions_reversed("refund:8", "SO-1", [replace(ONE, amount=0, reversal_of=1)], "refund") == []
