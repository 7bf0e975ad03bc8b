"""Real `relay` processes for tests that cross process boundaries (crash and multi-process tests)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.conftest import ROOT


def relay_env(database_url: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "RELAY_DATABASE_URL": database_url, **extra}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(
    database_url: str, port: int, *, workers: int = 1, log: Path | None = None, **env: str
) -> subprocess.Popen[bytes]:
    """`relay serve` on the test database in its own process group (uvicorn's workers with it),
    returned once it answers /healthz. `env` adds RELAY_* settings; `log` keeps its output."""
    output = log.open("ab") if log is not None else subprocess.DEVNULL
    server = subprocess.Popen(
        [sys.executable, "-m", "relay", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)],
        cwd=ROOT, env=relay_env(database_url, **env), stdout=output, stderr=output,
        start_new_session=True,
    )
    if log is not None:
        output.close()  # the child has its own copy
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        if server.poll() is not None:
            raise RuntimeError(f"relay serve exited with {server.returncode}")
        time.sleep(0.1)
    os.killpg(server.pid, signal.SIGKILL)
    raise RuntimeError("relay serve did not answer /healthz within 30 s")


def kill(process: subprocess.Popen) -> None:
    """SIGKILL, as a crash would: no lifespan, no flush."""
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


def stop(process: subprocess.Popen) -> None:
    """Stop a process the test started (a server with its workers, or a CLI run), and close its pipes."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)  # a server leads its own process group
        except ProcessLookupError:
            process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()
