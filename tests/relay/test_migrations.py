"""The aerich history is the only way the schema is made, on each engine, and it is complete."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap

from tests.conftest import ROOT, run_relay


async def test_history_applies_to_an_empty_database_and_leaves_nothing_to_migrate(fresh_database_url):
    url = await fresh_database_url("history")
    first = await asyncio.to_thread(run_relay, "migrate", database_url=url)
    assert "applied" in first.stdout and "up to date" not in first.stdout
    again = await asyncio.to_thread(run_relay, "migrate", database_url=url)
    assert "up to date" in again.stdout

    check = textwrap.dedent(
        f"""
        import asyncio
        from relay import schema
        print("PENDING", asyncio.run(schema.pending_changes({url!r})))
        """
    )
    out = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "PENDING []" in out.stdout, out.stdout + out.stderr
