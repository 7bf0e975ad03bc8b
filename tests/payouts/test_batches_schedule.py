"""Scheduled batches and the command line: `relay payouts tick` drafts each ended period once,
and the finance workflow runs from a shell with the same service functions as the API."""

from __future__ import annotations

import codecs
from datetime import UTC, datetime, timedelta

import pytest

from payouts.models import PayoutBatch, PayoutFrequency
from payouts.service import batch_queries, batches, terms
from payouts.service.schedule import last_period_end, next_period_end, tick
from payouts.service.terms import Schedule
from tests.conftest import run_relay
from tests.factories.batches import by_partner, get, make_commission, make_payee
from tests.factories.merchants import make_merchant

pytestmark = pytest.mark.usefixtures("database_url")

SHANGHAI = "Asia/Shanghai"


def shanghai(text: str) -> datetime:
    return datetime.fromisoformat(f"{text}+08:00")


def test_a_weekly_period_ends_at_local_midnight_starting_its_weekday():
    monday = Schedule(PayoutFrequency.weekly, 0)
    # Wednesday 11 November 2026, 10:00 in Shanghai: the last period ended Monday 9 November 00:00.
    assert last_period_end(monday, shanghai("2026-11-11T10:00:00"), SHANGHAI) == shanghai("2026-11-09T00:00:00")
    # Exactly at midnight starting Monday the period has just ended.
    assert last_period_end(monday, shanghai("2026-11-09T00:00:00"), SHANGHAI) == shanghai("2026-11-09T00:00:00")
    assert last_period_end(monday, shanghai("2026-11-08T23:59:59"), SHANGHAI) == shanghai("2026-11-02T00:00:00")


def test_a_monthly_period_ends_at_local_midnight_starting_its_day():
    first = Schedule(PayoutFrequency.monthly, 1)
    # 16:00 UTC on 31 October is already 1 November in Shanghai: October has ended there.
    assert last_period_end(first, datetime(2026, 10, 31, 16, 0, tzinfo=UTC), SHANGHAI) == shanghai("2026-11-01T00:00:00")
    assert last_period_end(first, datetime(2026, 10, 31, 15, 59, tzinfo=UTC), SHANGHAI) == shanghai("2026-10-01T00:00:00")
    fifteenth = Schedule(PayoutFrequency.monthly, 15)
    assert last_period_end(fifteenth, shanghai("2027-01-03T08:00:00"), SHANGHAI) == shanghai("2026-12-15T00:00:00")
    assert last_period_end(fifteenth, shanghai("2027-01-15T08:00:00"), SHANGHAI) == shanghai("2027-01-15T00:00:00")


def test_the_next_run_is_the_first_period_end_after_now():
    monday, fifteenth = Schedule(PayoutFrequency.weekly, 0), Schedule(PayoutFrequency.monthly, 15)
    assert next_period_end(monday, shanghai("2026-11-11T10:00:00"), SHANGHAI) == shanghai("2026-11-16T00:00:00")
    # at a period's end the next one is a whole period later
    assert next_period_end(monday, shanghai("2026-11-09T00:00:00"), SHANGHAI) == shanghai("2026-11-16T00:00:00")
    assert next_period_end(fifteenth, shanghai("2026-12-20T08:00:00"), SHANGHAI) == shanghai("2027-01-15T00:00:00")
    assert next_period_end(fifteenth, datetime(2027, 1, 14, 15, 59, tzinfo=UTC), SHANGHAI) == shanghai("2027-01-15T00:00:00")
    for at in (shanghai("2026-11-11T10:00:00"), datetime(2027, 2, 28, 23, tzinfo=UTC)):
        for schedule in (monday, fifteenth, Schedule(PayoutFrequency.monthly, 28)):
            ahead = next_period_end(schedule, at, SHANGHAI)
            assert last_period_end(schedule, ahead, SHANGHAI) == ahead > at  # a period end, the first after at
            assert last_period_end(schedule, ahead - timedelta(seconds=1), SHANGHAI) <= at


async def test_the_tick_drafts_each_ended_period_once_even_on_several_hosts():
    m = await make_merchant()
    partner = await make_payee(m.id)
    await make_commission(m.id, partner.id, 10000)
    await terms.update_terms(m.id, schedules={"CNY": Schedule(PayoutFrequency.monthly, 1)})
    assert await tick(merchant_id=m.id) == []  # set today: no period has ended since

    later = datetime.now(UTC) + timedelta(days=40)
    first = await tick(later, merchant_id=m.id)
    assert len(first) == 1 and first[0].batch is not None
    made = first[0].batch
    expected = last_period_end(Schedule(PayoutFrequency.monthly, 1), later, SHANGHAI)
    assert (made.status, made.asset, made.cutoff, made.created_by) == ("draft", "CNY", expected, "schedule")
    assert made.totals.payout.net_minor == 10000
    assert [d.batch for d in await tick(later, merchant_id=m.id)] == [None]  # a second host, or a retry

    await batches.discard_batch(m.id, made.id)
    assert [d.batch for d in await tick(later, merchant_id=m.id)] == [None]  # a discarded period stays discarded
    assert await PayoutBatch.filter(merchant_id=m.id).count() == 1


async def test_the_finance_workflow_runs_from_the_command_line(client, database_url, tmp_path):
    m = await make_merchant()
    alice, bob = await make_payee(m.id, payee_name="Alice"), await make_payee(m.id, payee_name="Bob")
    await make_commission(m.id, alice.id, 12000)
    await make_commission(m.id, bob.id, 8000)

    def relay(*args: str, check: bool = True):
        return run_relay("payouts", *args, "--merchant", str(m.id), database_url=database_url, check=check)

    created = relay("create", "--asset", "CNY", "--cutoff", "2026-10-31T23:59:59+08:00")
    assert "created batch" in created.stdout and "2 line(s), gross 200.00 CNY" in created.stdout
    batch_id = (await batch_queries.list_batches(m.id)).items[0].id
    naive = relay("create", "--asset", "CNY", "--cutoff", "2026-10-31T23:59:59", check=False)
    assert naive.returncode == 2 and "no time zone" in naive.stderr

    approved = relay("approve", "--batch", str(batch_id))
    assert ": approved" in approved.stdout, approved.stderr
    out = tmp_path / "transfer.csv"
    exported = relay("export", "--batch", str(batch_id), "--out", str(out))
    assert "2 line(s), control total 20000" in exported.stdout
    written = out.read_bytes()
    assert written.startswith(codecs.BOM_UTF8) and len(written.decode("utf-8-sig").splitlines()) == 3  # no total row

    lines = by_partner(await get(client, m, batch_id))
    results = tmp_path / "results.csv"
    results.write_text(
        f"reference,status,reason\n{lines[alice.id]['reference']},paid,\n{lines[bob.id]['reference']},failed,closed\n"
    )
    assert "paid 1, failed 1, returned 0, unchanged 0" in relay("import-results", "--batch", str(batch_id), str(results)).stdout
    assert "paid 0, failed 0, returned 0, unchanged 2" in relay("import-results", "--batch", str(batch_id), str(results)).stdout
    assert ": closed" in relay("close", "--batch", str(batch_id)).stdout
    refused = relay("export", "--batch", "999999999", "--out", str(tmp_path / "none.csv"), check=False)
    assert refused.returncode == 1 and "not found" in refused.stderr
    assert not (tmp_path / "none.csv").exists()

    await terms.update_terms(m.id, schedules={"PTS": Schedule(PayoutFrequency.weekly, 0)})
    ticked = relay("tick", "--at", (datetime.now(UTC) + timedelta(days=8)).isoformat())
    assert "PTS" in ticked.stdout and "1 batch(es) drafted" in ticked.stdout


async def test_the_tick_tells_the_merchant_a_batch_was_drafted_once(client):
    from payouts.models import OutboxEvent
    from tests.factories.merchants import api

    m = await make_merchant()
    assert (await api(client, m, "PATCH", "/api/v1/merchant", json={"webhook_url": "https://shop.example.com/hooks"})).status_code == 200
    partner = await make_payee(m.id)
    await make_commission(m.id, partner.id, 10000)
    await terms.update_terms(m.id, schedules={"CNY": Schedule(PayoutFrequency.monthly, 1)})
    later = datetime.now(UTC) + timedelta(days=40)
    (drafted,) = await tick(later, merchant_id=m.id)
    await tick(later, merchant_id=m.id)  # a second host: no second batch, no second event

    (event,) = await OutboxEvent.filter(merchant_id=m.id, type="payout.batch_drafted")
    data = event.payload["data"]
    assert (data["batch_id"], data["asset"], data["status"]) == (drafted.batch.id, "CNY", "draft")
    assert (data["payout"]["lines"], data["payout"]["net_minor"], data["payout"]["net"]) == (1, 10000, "100.00")
