"""The `relay` command: serve, migrate, merchant, demo and the jobs cron runs."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Awaitable, Callable
from typing import Any

import typer
from tortoise import Tortoise

from core.db import dialect_of, tortoise_config
from relay import schema
from relay.settings import MODEL_MODULES, Settings

cli = typer.Typer(help="Relay: social distribution and referral commissions.", no_args_is_help=True)
merchant_cli = typer.Typer(help="Merchants and their API keys.", no_args_is_help=True)
cli.add_typer(merchant_cli, name="merchant")
commissions_cli = typer.Typer(help="Commission jobs.", no_args_is_help=True)
cli.add_typer(commissions_cli, name="commissions")


async def with_database(settings: Settings, work: Callable[[], Awaitable[Any]]) -> Any:
    """Run `work` with Tortoise initialised on the configured database."""
    await Tortoise.init(config=tortoise_config(settings.database_url, MODEL_MODULES), _enable_global_fallback=True)
    try:
        return await work()
    finally:
        await Tortoise.close_connections()


@cli.command()
def serve(
    host: str = typer.Option(None, help="Interface to listen on (RELAY_HOST)."),
    port: int = typer.Option(None, help="Port (RELAY_PORT)."),
    workers: int = typer.Option(1, help="Worker processes."),
) -> None:
    """Serve the API, the redirects and the consoles with uvicorn."""
    import uvicorn

    settings = Settings()
    uvicorn.run(
        "relay.app:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers,
        log_level="info",
        proxy_headers=True,
    )


@cli.command()
def migrate() -> None:
    """Apply the aerich migrations of the configured engine (SQLite or PostgreSQL)."""
    settings = Settings()
    applied = asyncio.run(schema.migrate(settings.database_url))
    engine = dialect_of(settings.database_url)
    typer.echo(f"{engine}: applied {len(applied)} step(s)" + (f": {', '.join(applied)}" if applied else ", up to date"))


@cli.command()
def makemigrations(
    name: str = typer.Argument(..., help="What the step does, e.g. add_payout_schedule."),
    engine: str = typer.Option("both", help="sqlite, postgres or both."),
) -> None:
    """Generate the next migration step from the models, for both engines at once."""
    if engine == "both":
        for one in ("sqlite", "postgres"):  # separate processes: aerich keeps global state
            subprocess.run([sys.executable, "-m", "relay", "makemigrations", name, "--engine", one], check=True)
        return
    url = "sqlite://:memory:" if engine == "sqlite" else schema.POSTGRES_FOR_GENERATION
    step = asyncio.run(schema.make_step(url, name))
    typer.echo(f"{engine}: {step or 'no changes'}")


@merchant_cli.command("create")
def merchant_create(
    name: str = typer.Option(..., help="The merchant's name."),
    currency: str = typer.Option(..., help="ISO 4217 code of the merchant's currency, e.g. CNY."),
    timezone: str = typer.Option("Asia/Shanghai", help="IANA time zone for calendars and cutoffs."),
    domain: list[str] = typer.Option([], help="Allowed share-link target host (repeatable)."),
) -> None:
    """Create a merchant; prints its id, API keys and webhook secret once."""
    from referral.service.merchants import create_merchant

    settings = Settings()
    created = asyncio.run(
        with_database(settings, lambda: create_merchant(name, currency, timezone=timezone, allowed_domains=domain))
    )
    typer.echo(f"merchant id: {created.merchant.id}")
    for role, key in created.api_keys.items():
        typer.echo(f"{role} key: {key}")
    typer.echo(f"webhook secret: {created.merchant.webhook_secret}")
    typer.echo("Keep these: the keys are stored hashed and cannot be shown again.")


@commissions_cli.command("release")
def commissions_release(
    at: str = typer.Option(None, "--at", help="Release as of this instant (ISO 8601 with offset); default now."),
) -> None:
    """Make pending commissions past their hold available (safe to run from cron on several hosts)."""
    from commissions.service.lifecycle import release
    from core.time import parse_instant

    settings = Settings()
    moment = parse_instant(at) if at else None
    moved = asyncio.run(with_database(settings, lambda: release(moment)))
    typer.echo(f"released {moved} commission(s)")


def main() -> None:
    cli()
