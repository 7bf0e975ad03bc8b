"""The click recorder: batched multi-row writes, retry while the database fails, bounded memory,
flush on shutdown, dedupe by a hand-moved clock; and the lookups attribution uses."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from core.time import now
from referral.models import Click
from referral.service import clicks
from referral.service.clicks import ClickRecorder, insert_clicks
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_click, make_link, make_partner

#: Every test here reads or writes the run's database.
pytestmark = pytest.mark.usefixtures("database_url")


class Clock:
    def __init__(self) -> None:
        self.at = now()

    def __call__(self):
        return self.at

    def advance(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)


def visit(recorder: ClickRecorder, link, visitor: str = "visitor-1", *, is_bot: bool = False) -> str:
    return recorder.record(
        merchant_id=link.merchant_id, link_id=link.id, partner_id=link.partner_id, scene=link.scene,
        visitor_id=visitor, ip_hash="h" * 64, user_agent="Mozilla/5.0", referrer="", is_bot=is_bot,
    )


class Writer:
    """The real writer, behind a switch that makes the database look down; counts statements."""

    def __init__(self) -> None:
        self.down = False
        self.batches: list[int] = []

    async def __call__(self, batch) -> None:
        if self.down:
            raise ConnectionError("database unavailable")
        self.batches.append(len(batch))
        await insert_clicks(batch)


async def a_link():
    m = await make_merchant()
    return await make_link(await make_partner(m.id))


async def until(condition, *, tries: int = 500) -> None:
    """Let the background task run until `condition()` holds (bounded; no timing assert)."""
    for _ in range(tries):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition never held")


async def test_flush_writes_the_queue_with_one_statement_per_thousand_clicks():
    link = await a_link()
    writer = Writer()
    recorder = ClickRecorder(batch_size=3, flush_ms=60_000, writer=writer)
    ids = [visit(recorder, link, f"visitor-{i}") for i in range(2500)]
    assert await Click.filter(link_id=link.id).count() == 0  # nothing written on record
    assert await recorder.flush() == 2500
    assert writer.batches == [1000, 1000, 500]  # a backlog is caught up in large statements
    assert sorted(await Click.filter(link_id=link.id).values_list("id", flat=True)) == sorted(ids)
    assert recorder.pending() == []


async def test_a_full_batch_is_written_without_waiting_for_the_interval():
    link = await a_link()
    writer = Writer()
    async with ClickRecorder(batch_size=2, flush_ms=60_000, writer=writer) as recorder:
        visit(recorder, link, "a")
        visit(recorder, link, "b")
        await until(lambda: writer.batches == [2])
    assert await Click.filter(link_id=link.id).count() == 2


async def test_the_interval_writes_a_partial_batch():
    link = await a_link()
    writer = Writer()
    async with ClickRecorder(batch_size=100, flush_ms=5, writer=writer) as recorder:
        visit(recorder, link)
        await until(lambda: writer.batches == [1])


async def test_leaving_the_recorder_flushes_everything():
    link = await a_link()
    async with ClickRecorder(batch_size=1000, flush_ms=60_000) as recorder:
        for i in range(25):
            visit(recorder, link, f"visitor-{i}")
    assert await Click.filter(link_id=link.id).count() == 25
    assert recorder.pending() == []


async def test_a_failed_flush_keeps_the_clicks_and_a_later_one_writes_them():
    link = await a_link()
    writer = Writer()
    recorder = ClickRecorder(batch_size=2, flush_ms=60_000, writer=writer)
    first = [visit(recorder, link, f"visitor-{i}") for i in range(3)]
    writer.down = True
    try:
        await recorder.flush()
        raise AssertionError("the flush should have failed")
    except ConnectionError:
        pass
    assert [c.id for c in recorder.pending()] == first
    writer.down = False
    assert await recorder.flush() == 3
    assert await Click.filter(link_id=link.id).count() == 3


async def test_the_background_flush_retries_until_the_database_is_back():
    link = await a_link()
    writer = Writer()
    writer.down = True
    async with ClickRecorder(batch_size=1, flush_ms=1, writer=writer) as recorder:
        visit(recorder, link)
        await until(lambda: recorder._failures >= 2)
        assert len(recorder.pending()) == 1
        writer.down = False
        await until(lambda: not recorder.pending())
    assert await Click.filter(link_id=link.id).count() == 1


async def test_the_queue_is_capped_while_the_database_is_down_and_drops_are_counted():
    link = await a_link()
    writer = Writer()
    writer.down = True
    recorder = ClickRecorder(batch_size=2, flush_ms=60_000, max_buffer=3, writer=writer)
    ids = [visit(recorder, link, f"visitor-{i}") for i in range(5)]
    assert len(set(ids)) == 5  # every visitor still gets a click id (and is redirected)
    assert [c.id for c in recorder.pending()] == ids[:3]
    assert recorder.dropped == 2


async def test_writing_the_same_batch_twice_is_harmless():
    """A flush whose commit succeeded but whose answer was lost is retried without duplicates."""
    link = await a_link()
    recorder = ClickRecorder(batch_size=10, flush_ms=60_000)
    visit(recorder, link)
    batch = recorder.pending()
    await insert_clicks(batch)
    await insert_clicks(batch)
    assert await Click.filter(link_id=link.id).count() == 1


async def test_dedupe_is_per_visitor_and_link_and_lasts_60_seconds():
    link = await a_link()
    other = await make_link(await make_partner(link.merchant_id))
    clock = Clock()
    recorder = ClickRecorder(batch_size=100, flush_ms=60_000, clock=clock)
    first = visit(recorder, link, "ann")
    clock.advance(59.9)
    assert visit(recorder, link, "ann") == first
    assert visit(recorder, link, "bob") != first
    assert visit(recorder, other, "ann") != first
    clock.advance(0.1)  # 60 s after the first click: a new one
    again = visit(recorder, link, "ann")
    assert again != first
    assert [c.id for c in recorder.pending() if c.visitor_id == "ann" and c.link_id == link.id] == [first, again]
    assert recorder.deduplicated == 1


async def test_a_large_batch_fits_the_engines_parameter_limits():
    link = await a_link()
    recorder = ClickRecorder(batch_size=5000, flush_ms=60_000)
    for i in range(3500):
        visit(recorder, link, f"visitor-{i}")
    assert await recorder.flush() == 3500
    assert await Click.filter(link_id=link.id).count() == 3500


async def test_last_click_is_the_visitors_latest_human_click_in_the_window():
    link = await a_link()
    m = link.merchant_id
    t = now()
    old = await make_click(link, "ann", at=t - timedelta(days=40))
    early = await make_click(link, "ann", at=t - timedelta(days=3))
    late = await make_click(link, "ann", at=t - timedelta(days=1))
    await make_click(link, "ann", at=t - timedelta(hours=1), is_bot=True)
    await make_click(link, "bob", at=t)
    since = t - timedelta(days=30)
    assert (await clicks.last_click(m, "ann", since)).id == late.id
    assert (await clicks.last_click(m, "ann", since, first=True)).id == early.id
    assert (await clicks.last_click(m, "ann", t - timedelta(days=50), first=True)).id == old.id
    assert await clicks.last_click(m, "ann", t - timedelta(minutes=30)) is None
    assert await clicks.last_click(m, "nobody", since) is None
    other = await make_merchant()
    assert await clicks.last_click(other.id, "ann", since) is None


async def test_lookups_see_clicks_still_queued_in_this_process():
    link = await a_link()
    m = link.merchant_id
    stored = await make_click(link, "ann", at=now() - timedelta(hours=1))
    async with ClickRecorder(batch_size=100, flush_ms=60_000) as recorder:
        queued = visit(recorder, link, "ann")
        bot = visit(recorder, link, "bot-visitor", is_bot=True)
        latest = await clicks.last_click(m, "ann", now() - timedelta(days=1))
        assert latest is not None and latest.id == queued and latest.is_bot is False
        assert (await clicks.last_click(m, "ann", now() - timedelta(days=1), first=True)).id == stored.id
        assert (await clicks.get_click(m, queued)).visitor_id == "ann"
        assert await clicks.get_click(m, bot) is None
        assert await clicks.get_click(m + 1_000_000, queued) is None
    # Written on exit, and found the same way.
    assert (await clicks.get_click(m, queued)).id == queued


async def test_get_click_ignores_bots_and_other_merchants():
    link = await a_link()
    human = await make_click(link, "ann")
    bot = await make_click(link, "crawler", is_bot=True)
    found = await clicks.get_click(link.merchant_id, human.id)
    assert found is not None
    assert (found.partner_id, found.link_id, found.visitor_id, found.is_bot) == (link.partner_id, link.id, "ann", False)
    assert await clicks.get_click(link.merchant_id, bot.id) is None
    assert await clicks.get_click(link.merchant_id, "no-such-click") is None
    other = await make_merchant()
    assert await clicks.get_click(other.id, human.id) is None


async def test_a_click_being_written_is_still_found():
    """Between leaving the queue and its INSERT committing, a click must not vanish from lookups."""
    link = await a_link()
    started, release = asyncio.Event(), asyncio.Event()

    async def slow_writer(batch):
        started.set()
        await release.wait()
        await insert_clicks(batch)

    recorder = ClickRecorder(batch_size=10, flush_ms=60_000, writer=slow_writer)
    async with recorder:
        click_id = visit(recorder, link, "ann")
        flushing = asyncio.create_task(recorder.flush())
        await started.wait()
        assert (await clicks.get_click(link.merchant_id, click_id)).id == click_id
        latest = await clicks.last_click(link.merchant_id, "ann", now() - timedelta(minutes=1))
        assert latest is not None and latest.id == click_id
        release.set()
        await flushing
        assert (await clicks.get_click(link.merchant_id, click_id)).id == click_id
