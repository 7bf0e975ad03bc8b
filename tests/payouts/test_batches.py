"""Payout batches told as stories, through the real API on the real database: a month netted per
partner, refunds after payout, the minimum, a failed and a returned line, points, the cutoff."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import UTC, datetime

import pytest

from commissions.models import Commission
from payouts.export import COLUMNS
from payouts.service.postings import Balances, partner_balances, unbalanced_transactions
from tests.factories.batches import (
    END_OF_NOVEMBER,
    approve,
    batch_ids,
    by_partner,
    create,
    figures,
    get,
    make_commission,
    make_payee,
    outcome,
)
from tests.factories.merchants import make_merchant

pytestmark = pytest.mark.usefixtures("database_url")

NOVEMBER = datetime(2026, 11, 10, 4, 0, tzinfo=UTC)


async def balances(merchant_id: int, partner_id: int, asset: str = "CNY") -> Balances:
    return (await partner_balances(merchant_id, partner_id)).get(asset, Balances())


def lines_of(batch: dict) -> dict[int, tuple]:
    return {
        pid: (line["status"], line["gross_minor"], line["commission_count"], line["reason"])
        for pid, line in by_partner(batch).items()
    }


async def pay_all(client, m, batch_id: int) -> None:
    for line in (await get(client, m, batch_id, line_status="open"))["lines"]:
        response = await outcome(client, m, batch_id, line["id"], "paid")
        assert response.status_code == 200, response.text


async def test_a_month_of_commissions_is_netted_per_partner_exported_paid_and_closed(client):
    m = await make_merchant()
    alice = await make_payee(m.id, payee_name="Alice Chen", payee_account="6222020200112233")
    bob = await make_payee(m.id, payee_name="Bob Li", payee_account="=cmd|calc")
    carol = await make_payee(m.id)
    dave = await make_payee(m.id, status="suspended")
    a1 = await make_commission(m.id, alice.id, 12000)
    a2 = await make_commission(m.id, alice.id, 8050)
    a3 = await make_commission(m.id, alice.id, -2050, reversal_of=a1.id)  # refunded before payout
    b1 = await make_commission(m.id, bob.id, 6000)
    c1 = await make_commission(m.id, carol.id, 3000)  # below the 50.00 minimum
    d1 = await make_commission(m.id, dave.id, 10000)  # suspended: held
    waiting = [
        await make_commission(m.id, alice.id, 5000, status="pending", available_at=None),  # not available
        await make_commission(m.id, alice.id, 7000, available_at=NOVEMBER),  # after the cutoff
        await make_commission(m.id, alice.id, 900, asset="PTS"),  # another asset
    ]

    draft = await get(client, m, (await create(client, m))["id"])
    assert draft["status"] == "draft"
    assert lines_of(draft) == {
        alice.id: ("payable", 18000, 3, None),
        bob.id: ("payable", 6000, 1, None),
        carol.id: ("carried_forward", 3000, 1, "below the minimum payout of 50.00 CNY"),
        dave.id: ("held", 10000, 1, "partner suspended"),
    }
    totals = draft["totals"]
    assert (totals["payout"]["lines"], totals["payout"]["net"]) == (2, "240.00")
    assert (totals["carried_forward"]["lines"], totals["carried_forward"]["gross"]) == (1, "30.00")
    assert (totals["held"]["lines"], totals["held"]["gross"]) == (1, "100.00")
    everything = [a1.id, a2.id, a3.id, b1.id, c1.id, d1.id, *(w.id for w in waiting)]
    assert set((await batch_ids(m.id, everything)).values()) == {None}  # a draft claims nothing

    approved = await approve(client, m, draft["id"])
    assert approved["status"] == "approved"
    assert (approved["totals"]["payout"]["lines"], approved["totals"]["payout"]["net_minor"]) == (2, 24000)
    claims = await batch_ids(m.id, everything)
    assert {cid for cid, batch in claims.items() if batch == draft["id"]} == {a1.id, a2.id, a3.id, b1.id}
    assert all(batch is None for cid, batch in claims.items() if cid not in {a1.id, a2.id, a3.id, b1.id})
    assert (await balances(m.id, alice.id)).available == 7000  # November's, not yet due
    assert (await balances(m.id, alice.id)).in_batch == 18000
    assert (await balances(m.id, alice.id)).pending == 5000
    assert ((await balances(m.id, carol.id)).available, (await balances(m.id, dave.id)).available) == (3000, 10000)

    batch = await get(client, m, draft["id"])
    lines = sorted((line for line in batch["lines"] if line["status"] == "open"), key=lambda line: line["id"])
    exported = await client.post(f"/api/v1/payout-batches/{draft['id']}/export", headers=m.auth("finance"))
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    assert (exported.headers["x-control-line-count"], exported.headers["x-control-amount"]) == ("2", "240.00")
    assert exported.content.startswith(codecs.BOM_UTF8) and "\r\ntotal" not in exported.text
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"), newline="")))
    payees = {alice.id: ["Alice Chen", '="6222020200112233"'], bob.id: ["Bob Li", '="=cmd|calc"']}
    assert rows == [list(COLUMNS)] + [
        [f'="{line["reference"]}"', *payees[line["partner_id"]], "", "180.00" if line["partner_id"] == alice.id else "60.00",
         "CNY", "", f'="{line["partner_id"]}"', "", ""]
        for line in lines
    ]
    assert (await get(client, m, draft["id"]))["status"] == "exported"

    results = "reference,status,reason\n" + "".join(f"{line['reference']},paid,\n" for line in lines)
    imported = await client.post(
        f"/api/v1/payout-batches/{draft['id']}/results", content=results, headers=m.auth("finance")
    )
    assert imported.status_code == 200, imported.text
    assert (imported.json()["paid"], imported.json()["failed"]) == (2, 0)
    closed = await client.post(f"/api/v1/payout-batches/{draft['id']}/close", headers=m.auth("finance"))
    assert closed.json()["status"] == "closed"
    alice_now = await balances(m.id, alice.id)
    assert (alice_now.paid, alice_now.in_batch, alice_now.reversed) == (18000, 0, 2050)
    assert (await balances(m.id, bob.id)).paid == 6000
    assert await unbalanced_transactions(m.id) == []


async def test_a_refund_after_payout_is_netted_in_the_next_batch(client):
    m = await make_merchant()
    alice, bob = await make_payee(m.id), await make_payee(m.id)
    a1 = await make_commission(m.id, alice.id, 10000)
    b1 = await make_commission(m.id, bob.id, 8000)
    october = await create(client, m)
    await approve(client, m, october["id"])
    await pay_all(client, m, october["id"])

    # Refunds in November, after the money went out: the reversals are available at once.
    a_back = await make_commission(m.id, alice.id, -3000, reversal_of=a1.id, available_at=NOVEMBER)
    b_back = await make_commission(m.id, bob.id, -2000, reversal_of=b1.id, available_at=NOVEMBER)
    a2 = await make_commission(m.id, alice.id, 10000, available_at=NOVEMBER)
    assert (await balances(m.id, bob.id)).available == -2000

    november = await approve(client, m, (await create(client, m, END_OF_NOVEMBER))["id"])
    lines = lines_of(await get(client, m, november["id"]))
    assert lines == {
        alice.id: ("open", 7000, 2, None),
        bob.id: ("carried_forward", -2000, 1,
                 "the net is negative (reversals after a payout): netted against later commissions"),
    }
    claims = await batch_ids(m.id, [a_back.id, a2.id, b_back.id])
    assert claims == {a_back.id: november["id"], a2.id: november["id"], b_back.id: None}
    await pay_all(client, m, november["id"])
    alice_now = await balances(m.id, alice.id)
    assert (alice_now.available, alice_now.paid, alice_now.reversed) == (0, 17000, 3000)
    assert (await balances(m.id, bob.id)).available == -2000  # owed back, netted by a later batch
    assert await unbalanced_transactions(m.id) == []


async def test_a_partner_below_the_minimum_is_carried_forward_and_paid_the_month_after(client):
    m = await make_merchant()
    carol = await make_payee(m.id)
    c1 = await make_commission(m.id, carol.id, 3000)
    october = await approve(client, m, (await create(client, m))["id"])
    assert lines_of(await get(client, m, october["id"])) == {
        carol.id: ("carried_forward", 3000, 1, "below the minimum payout of 50.00 CNY"),
    }
    assert await batch_ids(m.id, [c1.id]) == {c1.id: None}
    closed = await client.post(f"/api/v1/payout-batches/{october['id']}/close", headers=m.auth("finance"))
    assert closed.json()["status"] == "closed"  # nothing was open

    c2 = await make_commission(m.id, carol.id, 4000, available_at=NOVEMBER)
    november = await approve(client, m, (await create(client, m, END_OF_NOVEMBER))["id"])
    assert lines_of(await get(client, m, november["id"])) == {carol.id: ("open", 7000, 2, None)}
    assert await batch_ids(m.id, [c1.id, c2.id]) == {c1.id: november["id"], c2.id: november["id"]}
    assert (await balances(m.id, carol.id)).in_batch == 7000


async def test_a_failed_bank_line_goes_back_to_available_and_the_next_batch_pays_it(client):
    m = await make_merchant()
    alice, bob = await make_payee(m.id), await make_payee(m.id)
    await make_commission(m.id, alice.id, 10000)
    b1 = await make_commission(m.id, bob.id, 6000)
    october = await approve(client, m, (await create(client, m))["id"])
    lines = by_partner(await get(client, m, october["id"]))
    await client.post(f"/api/v1/payout-batches/{october['id']}/export", headers=m.auth("finance"))
    results = (
        "reference,status,reason\n"
        f"{lines[alice.id]['reference']},paid,\n"
        f"{lines[bob.id]['reference']},failed,account closed\n"
    )
    imported = await client.post(
        f"/api/v1/payout-batches/{october['id']}/results", content=results, headers=m.auth("finance")
    )
    assert (imported.json()["paid"], imported.json()["failed"]) == (1, 1)
    assert lines_of(await get(client, m, october["id"]))[bob.id] == ("failed", 6000, 1, "account closed")
    bob_now = await balances(m.id, bob.id)
    assert (bob_now.available, bob_now.in_batch, bob_now.paid) == (6000, 0, 0)
    assert await batch_ids(m.id, [b1.id]) == {b1.id: None}
    closed = await client.post(f"/api/v1/payout-batches/{october['id']}/close", headers=m.auth("finance"))
    assert closed.json()["status"] == "closed"

    november = await approve(client, m, (await create(client, m, END_OF_NOVEMBER))["id"])
    assert lines_of(await get(client, m, november["id"])) == {bob.id: ("open", 6000, 1, None)}
    assert await batch_ids(m.id, [b1.id]) == {b1.id: november["id"]}
    await pay_all(client, m, november["id"])
    assert (await balances(m.id, bob.id)).paid == 6000
    assert await unbalanced_transactions(m.id) == []


async def test_a_returned_line_puts_the_money_back_and_a_later_batch_pays_it(client):
    m = await make_merchant()
    alice = await make_payee(m.id)
    a1 = await make_commission(m.id, alice.id, 10000)
    october = await approve(client, m, (await create(client, m))["id"])
    line = by_partner(await get(client, m, october["id"]))[alice.id]
    assert (await outcome(client, m, october["id"], line["id"], "returned", "too early")).status_code == 409
    assert (await outcome(client, m, october["id"], line["id"], "paid")).json()["status"] == "paid"
    await client.post(f"/api/v1/payout-batches/{october['id']}/close", headers=m.auth("finance"))
    assert (await balances(m.id, alice.id)).paid == 10000

    returned = await outcome(client, m, october["id"], line["id"], "returned", "account frozen")
    assert returned.status_code == 200, returned.text
    assert (returned.json()["status"], returned.json()["reason"]) == ("returned", "account frozen")
    again = await outcome(client, m, october["id"], line["id"], "returned", "account frozen")
    assert again.json() == returned.json()  # idempotent
    assert (await outcome(client, m, october["id"], line["id"], "paid")).status_code == 409
    alice_now = await balances(m.id, alice.id)
    assert (alice_now.paid, alice_now.available) == (0, 10000)
    assert await batch_ids(m.id, [a1.id]) == {a1.id: None}

    november = await approve(client, m, (await create(client, m, END_OF_NOVEMBER))["id"])
    assert lines_of(await get(client, m, november["id"])) == {alice.id: ("open", 10000, 1, None)}
    assert await unbalanced_transactions(m.id) == []


async def test_a_points_batch_credits_each_wallet_at_approval(client):
    m = await make_merchant()
    alice, bob = await make_partner_pts(m.id), await make_partner_pts(m.id)
    await make_commission(m.id, alice.id, 500, asset="PTS")
    await make_commission(m.id, alice.id, 300, asset="PTS")
    b1 = await make_commission(m.id, bob.id, 200, asset="PTS")
    await approve(client, m, (await create(client, m, asset="PTS"))["id"])  # bob's 200 is credited
    await make_commission(m.id, bob.id, -200, asset="PTS", reversal_of=b1.id, available_at=NOVEMBER)
    await make_commission(m.id, alice.id, 100, asset="PTS", available_at=NOVEMBER)

    batch = await approve(client, m, (await create(client, m, END_OF_NOVEMBER, asset="PTS"))["id"])
    assert batch["status"] == "closed"
    lines = by_partner(await get(client, m, batch["id"]))
    assert (lines[alice.id]["status"], lines[alice.id]["gross_minor"]) == ("paid", 100)
    assert lines[alice.id]["settled_at"] is not None
    assert (lines[bob.id]["status"], lines[bob.id]["gross_minor"]) == ("carried_forward", -200)
    alice_now = await balances(m.id, alice.id, "PTS")
    assert (alice_now.wallet, alice_now.available) == (900, 0)
    assert ((await balances(m.id, bob.id, "PTS")).wallet, (await balances(m.id, bob.id, "PTS")).available) == (200, -200)
    exported = await client.post(f"/api/v1/payout-batches/{batch['id']}/export", headers=m.auth("finance"))
    assert exported.status_code == 409
    assert (await outcome(client, m, batch["id"], lines[alice.id]["id"], "returned", "x")).status_code == 409

    # alice spends 400 of her 900 points at checkout
    spent = await client.post(
        "/api/v1/points/redemptions", headers=m.auth("integration"),
        json={"partner_id": alice.id, "points": 400, "order_ref": "SO-77", "idempotency_key": "checkout-77"},
    )
    assert spent.status_code == 201, spent.text
    assert (await balances(m.id, alice.id, "PTS")).wallet == 500
    assert await unbalanced_transactions(m.id) == []


async def make_partner_pts(merchant_id: int):
    """Points need no bank account."""
    return await make_payee(merchant_id, payee_account=None, reward_preference="points")


async def test_a_cutoff_at_midnight_shanghai_includes_23_59_59_and_excludes_midnight(client):
    """The cutoff is the first instant of the next period: midnight starting 1 November in
    Shanghai takes everything available up to the end of October, 23:59:59 included, and leaves
    what becomes available at 00:00:00 for November's batch."""
    m = await make_merchant()
    alice = await make_payee(m.id)
    last_second = await make_commission(m.id, alice.id, 6000, available_at=datetime.fromisoformat("2026-10-31T23:59:59+08:00"))
    midnight = await make_commission(m.id, alice.id, 7000, available_at=datetime.fromisoformat("2026-11-01T00:00:00+08:00"))

    made = await create(client, m, "2026-11-01T00:00:00+08:00")
    assert made["cutoff"] == "2026-10-31T16:00:00Z"
    assert lines_of(await get(client, m, made["id"])) == {alice.id: ("payable", 6000, 1, None)}
    same = await client.post(
        "/api/v1/payout-batches", json={"asset": "cny", "cutoff": "2026-10-31T16:00:00Z"}, headers=m.auth("finance")
    )
    assert (same.status_code, same.json()["id"]) == (200, made["id"])  # the same instant: the same batch
    await approve(client, m, made["id"])
    assert await batch_ids(m.id, [last_second.id, midnight.id]) == {last_second.id: made["id"], midnight.id: None}

    naive = await client.post(
        "/api/v1/payout-batches", json={"asset": "CNY", "cutoff": "2026-10-31T23:59:59"}, headers=m.auth("finance")
    )
    assert naive.status_code == 422
    assert naive.json()["errors"][0]["field"] == "cutoff"


async def test_approval_recomputes_against_the_current_rows_and_answers_the_totals(client):
    m = await make_merchant()
    alice, bob = await make_payee(m.id), await make_payee(m.id)
    a1 = await make_commission(m.id, alice.id, 10000)
    draft = await create(client, m)
    assert draft["totals"]["payout"]["gross_minor"] == 10000
    await make_commission(m.id, alice.id, 2500)
    await make_commission(m.id, alice.id, -1000, reversal_of=a1.id)
    await make_commission(m.id, bob.id, 9000)

    path = f"/api/v1/payout-batches/{draft['id']}/approve"
    changed = await client.post(path, json=figures(draft), headers=m.auth("finance"))
    assert changed.status_code == 409  # the draft showed 100.00 to one partner: nothing approved
    current = changed.json()["current"]
    assert (current["lines"], current["net"]) == (2, "205.00")
    approved = (await client.post(path, json={k: current[k] for k in figures(draft)}, headers=m.auth("finance"))).json()
    assert (approved["totals"]["payout"]["lines"], approved["totals"]["payout"]["net"]) == (2, "205.00")
    assert lines_of(await get(client, m, draft["id"])) == {
        alice.id: ("open", 11500, 3, None), bob.id: ("open", 9000, 1, None),
    }


async def test_a_draft_can_be_discarded_but_an_approved_batch_cannot_be_changed(client):
    m = await make_merchant()
    alice = await make_payee(m.id)
    await make_commission(m.id, alice.id, 10000)
    draft = await create(client, m)
    discarded = await client.post(f"/api/v1/payout-batches/{draft['id']}/discard", headers=m.auth("finance"))
    assert discarded.json()["status"] == "discarded"
    assert discarded.json()["totals"]["payout"]["lines"] == 0
    again = await client.post(
        "/api/v1/payout-batches", json={"asset": "CNY", "cutoff": "2026-10-31T23:59:59+08:00"},
        headers=m.auth("finance"),
    )
    assert again.status_code == 201 and again.json()["id"] != draft["id"]

    approved = await approve(client, m, again.json()["id"])
    assert (await approve(client, m, approved["id"])) == approved  # approving twice: one approval
    for action in ("discard", "close"):
        refused = await client.post(f"/api/v1/payout-batches/{approved['id']}/{action}", headers=m.auth("finance"))
        assert refused.status_code == 409, action
    approve_discarded = await client.post(
        f"/api/v1/payout-batches/{draft['id']}/approve", json=figures(draft), headers=m.auth("finance")
    )
    assert approve_discarded.status_code == 409
    assert (await balances(m.id, alice.id)).in_batch == 10000


async def test_available_in_the_ledger_is_always_what_no_batch_holds(client):
    """Through approval, payment, failure and return, each partner's available balance equals the
    sum of their available commission rows that no batch holds."""
    m = await make_merchant()
    partners = [await make_payee(m.id) for _ in range(3)]
    made = [await make_commission(m.id, p.id, 6000 + 1000 * n) for n, p in enumerate(partners)]
    await make_commission(m.id, partners[0].id, -1500, reversal_of=made[0].id)
    await make_commission(m.id, partners[1].id, 2500, available_at=NOVEMBER)

    async def check() -> None:
        for partner in partners:
            batchable = sum(
                amount for amount, batch in await Commission.filter(
                    merchant_id=m.id, partner_id=partner.id, status="available"
                ).values_list("amount", "payout_batch_id") if batch is None
            )
            assert (await balances(m.id, partner.id)).available == batchable, partner.id

    await check()
    october = await approve(client, m, (await create(client, m))["id"])
    await check()
    lines = by_partner(await get(client, m, october["id"]))
    await outcome(client, m, october["id"], lines[partners[0].id]["id"], "paid")
    await outcome(client, m, october["id"], lines[partners[1].id]["id"], "failed", "bounced")
    await outcome(client, m, october["id"], lines[partners[2].id]["id"], "paid")
    await outcome(client, m, october["id"], lines[partners[2].id]["id"], "returned", "closed")
    await check()
    await approve(client, m, (await create(client, m, END_OF_NOVEMBER))["id"])
    await check()
    assert await unbalanced_transactions(m.id) == []
