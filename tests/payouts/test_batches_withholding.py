"""Tax withheld on cash lines: per partner and calendar month, the month so far read from the ledger."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from payouts.service.postings import partner_balances, unbalanced_transactions
from tests.factories.batches import (
    END_OF_NOVEMBER,
    approve,
    by_partner,
    create,
    get,
    make_commission,
    make_payee,
    outcome,
)
from tests.factories.merchants import make_merchant

pytestmark = pytest.mark.usefixtures("database_url")


def amounts(line: dict) -> tuple[int, int, int]:
    return line["gross_minor"], line["withheld_minor"], line["net_minor"]


async def test_a_line_withholds_the_months_tax_and_the_bank_gets_the_rest(client):
    m = await make_merchant()
    terms = await client.patch("/api/v1/payout-terms", json={"withholding": "cn_labour_remuneration"},
                               headers=m.auth("finance"))
    assert terms.status_code == 200 and terms.json()["withholding"] == "cn_labour_remuneration"
    alice, bob, carol = await make_payee(m.id), await make_payee(m.id), await make_payee(m.id)
    await make_commission(m.id, alice.id, 500000)  # 5,000.00: 80% taxable at 20% = 800.00
    await make_commission(m.id, bob.id, 300000)  # 3,000.00: (3,000 - 800) x 20% = 440.00
    await make_commission(m.id, carol.id, 60000)  # 600.00: under 800, nothing

    draft = await get(client, m, (await create(client, m))["id"])
    assert {pid: amounts(line) for pid, line in by_partner(draft).items()} == {
        alice.id: (500000, 80000, 420000), bob.id: (300000, 44000, 256000), carol.id: (60000, 0, 60000),
    }
    approved = await approve(client, m, draft["id"])
    assert approved["withholding"] == "cn_labour_remuneration"
    assert (approved["totals"]["payout"]["gross"], approved["totals"]["payout"]["withheld"],
            approved["totals"]["payout"]["net"]) == ("8600.00", "1240.00", "7360.00")
    lines = by_partner(await get(client, m, draft["id"]))
    assert amounts(lines[alice.id]) == (500000, 80000, 420000)
    alice_now = (await partner_balances(m.id, alice.id))["CNY"]
    assert (alice_now.in_batch, alice_now.withheld, alice_now.available) == (420000, 80000, 0)
    exported = await client.post(f"/api/v1/payout-batches/{draft['id']}/export", headers=m.auth("finance"))
    sent = {row[0]: row[4] for row in csv.reader(io.StringIO(exported.content.decode("utf-8-sig")))}
    assert sent[f'="{lines[alice.id]["reference"]}"'] == "4200.00"
    assert exported.headers["x-control-amount"] == "7360.00"
    await outcome(client, m, draft["id"], lines[alice.id]["id"], "paid")

    # A second payout the same month withholds what one payout of the sum would, minus what was withheld.
    await make_commission(m.id, alice.id, 100000, available_at=datetime(2026, 11, 10, tzinfo=UTC))
    second = await approve(client, m, (await create(client, m, END_OF_NOVEMBER))["id"])
    line = by_partner(await get(client, m, second["id"]))[alice.id]
    assert amounts(line) == (100000, 16000, 84000)  # tax on 6,000.00 is 960.00; 800.00 already withheld

    # The bank refuses it: what was sent and the tax withheld on it go back to available.
    await outcome(client, m, second["id"], line["id"], "failed", "account closed")
    alice_now = (await partner_balances(m.id, alice.id))["CNY"]
    assert (alice_now.available, alice_now.in_batch, alice_now.withheld, alice_now.paid) == (100000, 0, 80000, 420000)
    assert await unbalanced_transactions(m.id) == []


async def test_without_a_rule_nothing_is_withheld_and_points_never_are(client):
    m = await make_merchant()
    alice = await make_payee(m.id)
    await make_commission(m.id, alice.id, 500000)
    await make_commission(m.id, alice.id, 700, asset="PTS")
    cash = await approve(client, m, (await create(client, m))["id"])
    assert cash["withholding"] == "none"
    assert amounts(by_partner(await get(client, m, cash["id"]))[alice.id]) == (500000, 0, 500000)

    await client.patch("/api/v1/payout-terms", json={"withholding": "cn_labour_remuneration"}, headers=m.auth("finance"))
    points = await approve(client, m, (await create(client, m, asset="PTS"))["id"])
    assert points["withholding"] == "none"
    assert amounts(by_partner(await get(client, m, points["id"]))[alice.id]) == (700, 0, 700)
