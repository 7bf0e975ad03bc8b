"""Fixtures of the relay tests."""

from __future__ import annotations

import pytest

from core.plan_writer import PlanWriter


@pytest.fixture
def use_writer(app):
    """Give the app another `PlanWriter` (how new orders' writes are gathered) for the test; the
    app's own is put back after it."""
    own = app.state.plans

    def use(writer: PlanWriter) -> PlanWriter:
        app.state.plans = writer
        return writer

    yield use
    app.state.plans = own
