"""Real `relay` processes for tests that cross process boundaries (crash and multi-process tests)."""

from __future__ import annotations

import asyncio
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


class Connection:
    """One keep-alive HTTP/1.1 connection on raw sockets: thousands of requests cost the test
    process little (an HTTP client library would make it the bottleneck), and no cookie is kept,
    so every redirect is a new visitor."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.stream: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def request(self, method: str, path: str, headers: dict[str, str] | None = None,
                      body: bytes = b"") -> tuple[int, dict[str, str], bytes]:
        lines = [f"{method} {path} HTTP/1.1", "Host: relay", "User-Agent: Mozilla/5.0",
                 f"Content-Length: {len(body)}", *(f"{k}: {v}" for k, v in (headers or {}).items())]
        message = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
        reused = self.stream is not None
        if self.stream is None:
            self.stream = await asyncio.open_connection("127.0.0.1", self.port)
        reader, writer = self.stream
        try:
            writer.write(message)
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        except (asyncio.IncompleteReadError, ConnectionResetError):
            if not reused:
                raise
            # The server closed the connection while it was idle (uvicorn's keep-alive timeout),
            # before reading this request: send it again on a new connection.
            self.close()
            self.stream = None
            return await self.request(method, path, headers, body)
        fields = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in head[1:] if line)}
        content = await reader.readexactly(int(fields.get("content-length", 0)))
        return int(head[0].split()[1]), fields, content

    def close(self) -> None:
        if self.stream is not None:
            self.stream[1].close()
