"""core.sql's helpers for hand-written statements on either engine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from core.db import connection
from core.sql import MAX_BIGINT, dollar, instant, sql, utc


def test_instants_read_back_from_either_engine_are_aware_and_utc_when_the_text_has_no_offset():
    at = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
    assert instant(None) is None
    assert instant(at) is at
    assert instant("2026-11-30 10:00:00+00:00") == at
    assert instant("2026-11-30 10:00:00") == at  # SQLite text without an offset: stored in UTC
    assert instant("2026-11-30 18:00:00+08:00") == at


def test_utc_refuses_naive_instants_and_converts_the_others():
    with pytest.raises(ValueError, match="no time zone"):
        utc(datetime(2026, 11, 30, 10, 0))
    shanghai = datetime(2026, 11, 30, 18, 0, tzinfo=timezone(timedelta(hours=8)))
    assert utc(shanghai) == datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
    assert utc(shanghai).tzinfo is UTC


async def test_both_placeholder_styles_reach_the_current_engine(database_url):
    # `?` in turn, and PostgreSQL's numbered `$n` (a number may repeat), on either engine
    db = connection()
    rows = await db.execute_query_dict(sql("SELECT CAST(? AS INTEGER) AS a, CAST(? AS INTEGER) AS b"), [1, 2])
    assert (rows[0]["a"], rows[0]["b"]) == (1, 2)
    rows = await db.execute_query_dict(
        dollar("SELECT CAST($2 AS INTEGER) AS a, CAST($1 AS INTEGER) AS b, CAST($2 AS INTEGER) AS c"), [1, 2]
    )
    assert (rows[0]["a"], rows[0]["b"], rows[0]["c"]) == (2, 1, 2)


def test_max_bigint_is_the_largest_64_bit_signed_integer():
    assert MAX_BIGINT == 9_223_372_036_854_775_807
