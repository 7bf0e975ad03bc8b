"""Benchmark of the tracked redirect `/r/{code}` against a bare Starlette 302 without tracking.

    .venv/bin/python bench/redirect.py                      # migrated temporary SQLite file
    .venv/bin/python bench/redirect.py --database-url postgres://postgres@127.0.0.1:5432/postgres  # scratch db there

Starts the real app (uvicorn, `relay.app:create_app`) and a bare Starlette app answering the
same 302, each in its own process on a free loopback port; loads both with the same client
(`wrk` when on PATH, else a keep-alive asyncio client on raw sockets), alternating rounds;
prints requests/s, p50/p99 latency and the ratio (target >= 0.6). Then stops the real app
cleanly (SIGTERM: the lifespan flushes the click queue) and checks that the database holds
exactly one click per redirect answered. Every request goes to 127.0.0.1 only; every phase is
bounded by a request count and a time limit. Exit status: 0 ok, 1 clicks lost or errors,
2 ratio below target.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route

ROOT = Path(__file__).resolve().parent.parent
from servers import HOST, free_port, wait_ready  # noqa: E402  (bench/servers.py)

TARGET_RATIO = 0.6
TARGET_URL = "https://shop.example.com/p/1?color=red"
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"


# --- the baseline: the same 302, no tracking ---------------------------------------------------


async def _bare_redirect(request):
    return Response(
        status_code=302,
        headers={"location": f"{TARGET_URL}&relay_click=0000000000000000000000", "cache-control": "no-store"},
    )


baseline_app = Starlette(routes=[Route("/r/{code}", _bare_redirect)])


# --- servers ------------------------------------------------------------------------------------


def start_server(app: str, port: int, env: dict[str, str], *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", app, "--host", HOST, "--port", str(port),
         "--log-level", "warning", "--no-access-log", *extra],
        cwd=ROOT, env=env,
    )


def stop_server(process: subprocess.Popen, timeout: float = 20.0) -> bool:
    """SIGTERM, as a process manager stops a server: uvicorn finishes the lifespan (the click
    queue is flushed) and then re-raises the signal, so -SIGTERM is a clean exit. Returns
    whether it was one."""
    process.send_signal(signal.SIGTERM)
    try:
        code = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return False
    return code in (0, -signal.SIGTERM)


# --- load ---------------------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    requests: int = 0
    redirects: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    #: CPU seconds the server process used meanwhile (all its threads), when /proc tells.
    server_cpu: float = 0.0

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000

    @property
    def cpu_per_request_us(self) -> float:
        return self.server_cpu / self.requests * 1e6 if self.requests else float("nan")

    def add(self, other: Result) -> None:
        self.requests += other.requests
        self.redirects += other.redirects
        self.errors += other.errors
        self.seconds += other.seconds
        self.latencies += other.latencies
        self.server_cpu += other.server_cpu


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, from /proc (0 where there is none)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _connection(port: int, path: str, budget: list[int], deadline: float, result: Result) -> None:
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nUser-Agent: {USER_AGENT}\r\n"
        "Accept: text/html\r\n\r\n"
    ).encode()
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        while budget[0] > 0 and time.perf_counter() < deadline:
            budget[0] -= 1
            started = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = re.search(rb"(?i)\r\ncontent-length: *(\d+)", head)
            if length:
                await reader.readexactly(int(length.group(1)))
            result.latencies.append(time.perf_counter() - started)
            result.requests += 1
            if head.startswith(b"HTTP/1.1 302"):
                result.redirects += 1
            else:
                result.errors += 1
    except (OSError, asyncio.IncompleteReadError):
        result.errors += 1
    finally:
        writer.close()


async def _python_load(port: int, path: str, requests: int, seconds: float, connections: int, name: str) -> Result:
    result = Result(name)
    budget = [requests]
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(*(_connection(port, path, budget, deadline, result) for _ in range(connections)))
    result.seconds = time.perf_counter() - started
    return result


def _wrk_load(port: int, path: str, seconds: float, connections: int, name: str) -> Result:
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{max(1, int(seconds))}s", "--latency",
         "-H", f"User-Agent: {USER_AGENT}", f"http://{HOST}:{port}{path}"],
        capture_output=True, text=True, check=True,
    ).stdout
    result = Result(name, seconds=max(1, int(seconds)))
    result.requests = int(re.search(r"(\d+) requests in", out).group(1))
    non_3xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    # wrk counts 3xx as success; anything else is listed separately.
    result.errors = int(non_3xx.group(1)) if non_3xx else 0
    result.redirects = result.requests - result.errors

    def ms(label: str) -> float:
        value, unit = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0}[unit]

    # Keep the two percentiles wrk reports; the list stands in for the full distribution.
    result.latencies = [ms("50")] * 50 + [ms("99")] * 49 + [ms("99")]
    return result


def load(port: int, path: str, *, requests: int, seconds: float, connections: int, name: str, use_wrk: bool) -> Result:
    if use_wrk:
        return _wrk_load(port, path, seconds, connections, name)
    return asyncio.run(_python_load(port, path, requests, seconds, connections, name))


# --- the database -------------------------------------------------------------------------------


def relay(database_url: str, *args: str) -> str:
    env = {**os.environ, "RELAY_DATABASE_URL": database_url}
    done = subprocess.run(
        [sys.executable, "-m", "relay", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"relay {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


async def _seed(database_url: str) -> tuple[tuple[str, int], tuple[str, int]]:
    """A merchant, a partner and two links: one to load, one to audit exactly."""
    from tortoise import Tortoise

    from accounts.service.merchants import create_merchant
    from core.db import tortoise_config
    from referral.service.links import create_link
    from referral.service.partners import create_partner
    from relay.settings import MODEL_MODULES, Settings

    await Tortoise.init(config=tortoise_config(database_url, MODEL_MODULES), _enable_global_fallback=True)
    try:
        merchant = (await create_merchant(
            "Bench", "CNY", allowed_domains=["shop.example.com"], sealer=Settings().sealer
        )).merchant
        partner = await create_partner(merchant.id, display_name="Bench partner")
        made = []
        for campaign in ("load", "audit"):
            link, _ = await create_link(
                merchant.id, partner.id, target_url=TARGET_URL, scene="personal", campaign=campaign
            )
            made.append((link.code, link.id))
        return made[0], made[1]
    finally:
        await Tortoise.close_connections()


async def _count_clicks(database_url: str, link_id: int) -> int:
    from tortoise import Tortoise

    from core.db import tortoise_config
    from referral.models import Click
    from relay.settings import MODEL_MODULES

    await Tortoise.init(config=tortoise_config(database_url, MODEL_MODULES), _enable_global_fallback=True)
    try:
        return await Click.filter(link_id=link_id).count()
    finally:
        await Tortoise.close_connections()


# --- main ---------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL server, postgres://USER@HOST:PORT/DB: a scratch database is made there and dropped"
        " (the one named is never written to); default: a migrated temporary SQLite file",
    )
    parser.add_argument("--connections", type=int, default=16, help="concurrent keep-alive connections")
    parser.add_argument("--rounds", type=int, default=2, help="measured rounds per server, alternating")
    parser.add_argument("--seconds", type=float, default=2.5, help="time limit of one round")
    parser.add_argument("--requests", type=int, default=20_000, help="request limit of one round")
    parser.add_argument("--audit", type=int, default=3000, help="requests of the exact click audit")
    parser.add_argument("--no-wrk", action="store_true", help="use the Python client even if wrk is on PATH")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))  # the seeding below imports Relay itself
    if args.database_url and args.database_url.startswith(("postgres", "asyncpg")):
        from relay.schema import scratch_database

        with scratch_database(args.database_url) as url:
            return bench(args, url)
    return bench(args, None)


def bench(args: argparse.Namespace, database_url: str | None) -> int:
    """The benchmark on `database_url` (None: a temporary SQLite file); the exit status."""
    use_wrk = shutil.which("wrk") is not None and not args.no_wrk
    workdir = Path(tempfile.mkdtemp(prefix="relay-bench-"))
    temporary = database_url is None
    database_url = database_url or f"sqlite://{workdir / 'bench.sqlite3'}"
    relay(database_url, "migrate")
    (load_code, load_link), (audit_code, audit_link) = asyncio.run(_seed(database_url))
    path = f"/r/{load_code}"

    env = {**os.environ, "RELAY_DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    # One client address and one link: the rate limits (per IP, per link) are checked on every
    # request, as in production (in memory, or in Redis with RELAY_REDIS_URL), but set too high to refuse.
    env.setdefault("RELAY_RATE_LIMIT_REDIRECT_IP", "1000000000/minute")
    env.setdefault("RELAY_RATE_LIMIT_REDIRECT_LINK", "1000000000/minute")
    app_port, base_port = free_port(), free_port()
    app = start_server("relay.app:create_app", app_port, env, "--factory")
    base = start_server("redirect:baseline_app", base_port, env, "--app-dir", str(ROOT / "bench"))
    sent = {"relay": Result("relay /r/{code}"), "baseline": Result("bare Starlette 302")}
    measured = {name: Result(r.name) for name, r in sent.items()}
    audit = Result("audit")
    try:
        wait_ready(app_port, app, "/healthz")
        wait_ready(base_port, base, path)
        client = "wrk" if use_wrk else f"Python asyncio client on raw sockets, {args.connections} connections"
        print(f"client: {client}; {args.rounds} round(s) of <= {args.seconds} s / {args.requests} requests each")
        budget = {"requests": args.requests, "seconds": args.seconds, "connections": args.connections}
        # Warm both (code paths, link cache, connection pools); warm-up clicks are counted too.
        for name, port in (("relay", app_port), ("baseline", base_port)):
            sent[name].add(load(port, path, requests=500, seconds=1.0, connections=args.connections,
                                name=name, use_wrk=False))
        for _ in range(args.rounds):
            for name, port, server in (("relay", app_port, app), ("baseline", base_port, base)):
                cpu_before = cpu_seconds(server.pid)
                round_ = load(port, path, name=name, use_wrk=use_wrk, **budget)
                round_.server_cpu = cpu_seconds(server.pid) - cpu_before
                measured[name].add(round_)
                sent[name].add(round_)
        # Exact accounting on a second link, with a client that reads every answer it caused.
        audit = load(app_port, f"/r/{audit_code}", requests=args.audit, seconds=10.0,
                     connections=args.connections, name="audit", use_wrk=False)
    finally:
        base_clean = stop_server(base)
        app_clean = stop_server(app)

    print(f"{'server':<22}{'requests':>10}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'CPU us/req':>12}")
    for name in ("relay", "baseline"):
        r = measured[name]
        print(
            f"{r.name:<22}{r.requests:>10}{r.rps:>10.0f}{r.percentile(50):>9.2f}{r.percentile(99):>9.2f}"
            f"{r.errors:>8}{r.cpu_per_request_us:>12.1f}"
        )
    ratio = measured["relay"].rps / measured["baseline"].rps if measured["baseline"].rps else 0.0
    print(f"ratio relay/baseline: {ratio:.2f} (target >= {TARGET_RATIO})")

    stored_load = asyncio.run(_count_clicks(database_url, load_link))
    stored_audit = asyncio.run(_count_clicks(database_url, audit_link))
    answered = sent["relay"].redirects
    # wrk stops with up to one request per connection sent but unread: the server answered
    # (and recorded) it, wrk did not count it.
    slack = args.connections * args.rounds if use_wrk else 0
    load_ok = answered <= stored_load <= answered + slack
    audit_ok = stored_audit == audit.redirects == args.audit
    print(f"relay stopped {'cleanly' if app_clean else 'NOT cleanly'} (SIGTERM, lifespan flush)")
    print(f"clicks, audit link: {audit.redirects} redirects answered, {stored_audit} stored"
          f" -> {'exact' if audit_ok else 'MISMATCH'}")
    print(f"clicks, load link: {answered} redirects counted by the client, {stored_load} stored"
          + (f" (wrk leaves up to {slack} in flight uncounted)" if slack else "")
          + f" -> {'ok' if load_ok else 'MISMATCH'}")
    if temporary:
        shutil.rmtree(workdir, ignore_errors=True)
    errors = sent["relay"].errors + sent["baseline"].errors + audit.errors
    if not (load_ok and audit_ok and app_clean and base_clean) or errors:
        print(f"FAIL: clicks lost or errors ({errors} failed requests)")
        return 1
    if ratio < TARGET_RATIO:
        print("BELOW TARGET")
        return 2
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
