"""Clicks: recorded on the redirect's hot path through an in-memory buffer flushed in batches."""

from __future__ import annotations


class ClickRecorder:
    def __init__(self, batch_size: int, flush_ms: int) -> None:
        self.batch_size = batch_size
        self.flush_ms = flush_ms

    async def __aenter__(self) -> "ClickRecorder":
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None
