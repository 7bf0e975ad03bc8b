"""The `relay` command: serve, migrate, merchant, demo and the jobs cron runs."""

from __future__ import annotations

import asyncio
import os
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
payouts_cli = typer.Typer(help="Payout batches: create, approve, export, import results, close, tick.",
                          no_args_is_help=True)
cli.add_typer(payouts_cli, name="payouts")
outbox_cli = typer.Typer(help="Signed events to the merchants' webhook URLs.", no_args_is_help=True)
cli.add_typer(outbox_cli, name="outbox")
notify_cli = typer.Typer(help="Partners' notices by email and SMS.", no_args_is_help=True)
cli.add_typer(notify_cli, name="notify")
staff_cli = typer.Typer(help="Staff accounts of the consoles (roles admin and finance).", no_args_is_help=True)
cli.add_typer(staff_cli, name="staff")
reports_cli = typer.Typer(help="The merchant console's reports.", no_args_is_help=True)
cli.add_typer(reports_cli, name="reports")
secrets_cli = typer.Typer(help="The merchants' webhook secrets, stored sealed.", no_args_is_help=True)
cli.add_typer(secrets_cli, name="secrets")


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

    from relay.access_log import log_config

    settings = Settings()
    uvicorn.run(
        "relay.app:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers,
        log_level="info",
        log_config=log_config(),  # sign-in tokens redacted from the access log
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
    empty: bool = typer.Option(False, help="A step with no SQL, to write by hand (what models cannot declare)."),
) -> None:
    """Generate the next migration step from the models, for both engines at once."""
    if engine == "both":
        for one in ("sqlite", "postgres"):  # separate processes: aerich keeps global state
            more = ["--empty"] if empty else []
            subprocess.run([sys.executable, "-m", "relay", "makemigrations", name, "--engine", one, *more], check=True)
        return
    url = "sqlite://:memory:" if engine == "sqlite" else schema.POSTGRES_FOR_GENERATION
    step = asyncio.run(schema.make_step(url, name, empty=empty))
    typer.echo(f"{engine}: {step or 'no changes'}")


@merchant_cli.command("create")
def merchant_create(
    name: str = typer.Option(..., help="The merchant's name."),
    currency: str = typer.Option(..., help="ISO 4217 code of the merchant's currency, e.g. CNY."),
    timezone: str = typer.Option("Asia/Shanghai", help="IANA time zone for calendars and cutoffs."),
    domain: list[str] = typer.Option([], help="Allowed share-link target host (repeatable)."),
) -> None:
    """Create a merchant; prints its id, API keys and webhook secret once."""
    from accounts.service.merchants import create_merchant

    settings = Settings()
    created = asyncio.run(
        with_database(settings, lambda: create_merchant(
            name, currency, timezone=timezone, allowed_domains=domain, sealer=settings.sealer
        ))
    )
    typer.echo(f"merchant id: {created.merchant.id}")
    for role, key in created.api_keys.items():
        typer.echo(f"{role} key: {key}")
    typer.echo(f"webhook secret: {created.webhook_secret}")
    typer.echo("Keep these: the keys are stored hashed (the secret sealed) and are not shown again.")


@secrets_cli.command("reseal")
def secrets_reseal() -> None:
    """After a rotation of RELAY_SECRET_KEY (the old one listed in RELAY_PREVIOUS_SECRET_KEYS):
    seal every merchant's webhook secrets again under the current server secret."""
    from accounts.service.settings import reseal_webhook_secrets

    settings = Settings()
    done = asyncio.run(with_database(settings, lambda: reseal_webhook_secrets(settings.sealer)))
    typer.echo(f"{done.changed} merchant(s) re-sealed under the current server secret")
    if done.unreadable:
        shown = ", ".join(map(str, done.unreadable[:20])) + (", ..." if len(done.unreadable) > 20 else "")
        typer.echo(f"{len(done.unreadable)} merchant(s) left as they are: sealed under a server secret"
                   f" neither RELAY_SECRET_KEY nor RELAY_PREVIOUS_SECRET_KEYS gives (ids {shown})", err=True)
        raise typer.Exit(1)


@staff_cli.command("create")
def staff_create(
    merchant: int = typer.Option(..., help="Merchant id."),
    email: str = typer.Option(..., help="The person's email (unique within the merchant)."),
    role: str = typer.Option(..., help="admin (merchant console) or finance (finance console)."),
    password: str = typer.Option(
        ..., prompt=True, hide_input=True, confirmation_prompt=True, help="At least 10 characters; prompted if omitted."
    ),
) -> None:
    """Create a staff account that signs in at /console/sign-in."""
    from accounts.service.audit import Actor
    from accounts.service.sign_in import create_staff_account

    staff = _payouts_run(lambda: create_staff_account(merchant, email, password, role, actor=Actor.system("cli")))
    base = Settings().public_url.rstrip("/")
    typer.echo(f"staff account {staff.id}: {staff.email} ({staff.role}) of merchant {staff.merchant_id}")
    typer.echo(f"sign in at {base}/console/sign-in?merchant={staff.merchant_id}")


@staff_cli.command("sign-in-link")
def staff_sign_in_link(
    merchant: int = typer.Option(..., help="Merchant id."),
    email: str = typer.Option(..., help="The staff account's email."),
) -> None:
    """Print a one-time sign-in link for a staff account (valid 15 minutes, once; e.g. a forgotten password)."""
    from accounts.service.sign_in import issue_staff_sign_in_link, staff_by_email

    async def work() -> Any:
        staff = await staff_by_email(merchant, email)
        return await issue_staff_sign_in_link(merchant, staff.id)

    link = _payouts_run(work)
    typer.echo(f"{Settings().public_url.rstrip('/')}{link.path}")


@commissions_cli.command("release")
def commissions_release(
    at: str = typer.Option(None, "--at", help="Release as of this instant (ISO 8601 with offset); default now."),
) -> None:
    """Make pending commissions past their hold available (safe to run from cron on several hosts)."""
    from core.time import parse_instant
    from relay.pipeline import release_commissions

    settings = Settings()
    moment = parse_instant(at) if at else None
    moved = asyncio.run(with_database(settings, lambda: release_commissions(moment)))
    typer.echo(f"released {moved} commission(s)")


@reports_cli.command("catch-up")
def reports_catch_up(
    merchant: int = typer.Option(None, help="Only this merchant (default: every merchant)."),
) -> None:
    """cron: write the reports' running totals up to what has settled (every few minutes; safe on several hosts)."""
    from accounts.service.merchants import merchant_ids
    from commissions.service import rollup as commission_rollup
    from referral.service import rollup as referral_rollup

    async def work() -> None:
        for one in [merchant] if merchant else await merchant_ids():
            zone = await referral_rollup.merchant_timezone(one)  # read once: both domains' days in one zone
            days = (
                await referral_rollup.catch_up(one, timezone=zone),
                await commission_rollup.catch_up(one, timezone=zone),
            )
            typer.echo(f"merchant {one}: {days[0]} day(s) of clicks and orders, {days[1]} of commissions written")

    asyncio.run(with_database(Settings(), work))


# --- payouts: the finance workflow from a shell (the same service functions as the API) -------


def _payouts_run(work: Callable[[], Awaitable[Any]]) -> Any:
    """Run `work` on the database; a Relay error (409, 422...) is printed and exits with 1."""
    from core.errors import RelayError

    try:
        return asyncio.run(with_database(Settings(), work))
    except RelayError as error:
        typer.echo(f"error: {error.detail}", err=True)
        raise typer.Exit(1) from None


def _batch_summary(batch: Any) -> str:
    from core.money import format_major

    def money(minor: int) -> str:
        return f"{format_major(minor, batch.asset)} {batch.asset}"

    t = batch.totals
    return (
        f"batch {batch.id} ({batch.asset}, cutoff {batch.cutoff.isoformat()}): {batch.status}\n"
        f"  pay:             {t.payout.lines} line(s), gross {money(t.payout.gross_minor)},"
        f" withheld {money(t.payout.withheld_minor)}, net {money(t.payout.net_minor)}\n"
        f"  carried forward: {t.carried_forward.lines} line(s), {money(t.carried_forward.gross_minor)}\n"
        f"  held:            {t.held.lines} line(s), {money(t.held.gross_minor)}"
    )


@payouts_cli.command("create")
def payouts_create(
    merchant: int = typer.Option(..., help="Merchant id."),
    asset: str = typer.Option(..., help="The merchant's currency code, or PTS for points."),
    cutoff: str = typer.Option(..., help="First instant not included, with its offset: 2026-11-01T00:00:00+08:00 takes all of October (Shanghai)."),
) -> None:
    """Create the draft batch of an asset up to a cutoff (or show the live one of that cutoff)."""
    from core.time import parse_instant
    from payouts.service.batches import create_batch

    try:
        instant = parse_instant(cutoff)
    except ValueError as error:
        typer.echo(f"error: cutoff: {error}", err=True)
        raise typer.Exit(2) from None
    typer.echo("computing lines...", err=True)
    batch, created = _payouts_run(lambda: create_batch(merchant, asset, instant, created_by="cli", actor=_cli_actor()))
    typer.echo(("created " if created else "already there: ") + _batch_summary(batch))


@payouts_cli.command("approve")
def payouts_approve(
    merchant: int = typer.Option(..., help="Merchant id."),
    batch: int = typer.Option(..., help="Batch id."),
) -> None:
    """Approve a draft: recompute, claim its commissions, post the ledger (one transaction).
    It approves what it recomputes (there is no figure shown first to compare) and prints it."""
    from payouts.service.batches import approve_batch

    bar: list[Any] = []

    def progress(done: int, total: int) -> None:
        if not bar:
            bar.append(typer.progressbar(length=total, label="posting lines", file=sys.stderr))
            bar[0].__enter__()
        bar[0].update(done - bar[0].pos)

    try:
        approved = _payouts_run(
            lambda: approve_batch(
                merchant, batch, approved_by="cli", expected=None, progress=progress, actor=_cli_actor()
            )
        )
    finally:
        if bar:
            bar[0].__exit__(None, None, None)
    typer.echo(_batch_summary(approved))


def _cli_actor() -> Any:
    """Who a payouts command acts as in the audit log: a person at a shell (`system` `cli`)."""
    from accounts.service.audit import Actor

    return Actor.system("cli")


@payouts_cli.command("export")
def payouts_export(
    merchant: int = typer.Option(..., help="Merchant id."),
    batch: int = typer.Option(..., help="Batch id."),
    out: str = typer.Option(..., "--out", help="File to write the bank transfer file to."),
    file_format: str = typer.Option(
        "csv", "--format", help="csv (UTF-8 with a byte-order mark), csv-gbk or xlsx."
    ),
    language: str = typer.Option("en", help="Language of the header row: en or zh-Hans."),
) -> None:
    """Write the bank transfer file of an approved cash batch (the batch becomes exported)."""
    from payouts.export import FileFormat
    from payouts.service.lines import export_batch

    try:
        chosen = FileFormat(file_format)
    except ValueError:
        raise typer.BadParameter("csv, csv-gbk or xlsx", param_hint="--format") from None

    async def work(file: Any) -> Any:
        transfer = await export_batch(merchant, batch, chosen, language, actor=_cli_actor())
        async for data in transfer.content:
            file.write(data)
        return transfer

    try:
        with open(out, "wb") as file:
            transfer = _payouts_run(lambda: work(file))
    except typer.Exit:
        os.remove(out)  # no half or empty transfer file is left behind
        raise
    typer.echo(_batch_summary(transfer.batch))
    typer.echo(f"wrote {out}: {transfer.totals.line_count} line(s), control total {transfer.totals.amount_minor}"
               f" (minor units of {transfer.totals.currency})")


@payouts_cli.command("import-results")
def payouts_import_results(
    merchant: int = typer.Option(..., help="Merchant id."),
    batch: int = typer.Option(..., help="Batch id."),
    file: str = typer.Argument(
        ..., help="The transfer file with its status column filled in (CSV or XLSX), or the bank's reference,status,reason CSV."
    ),
) -> None:
    """Mark lines paid, failed or returned from a result file (all or nothing; idempotent)."""
    from payouts.service.batch_queries import get_batch
    from payouts.service.lines import import_results

    with open(file, "rb") as source:
        data = source.read()

    async def work() -> Any:
        return await import_results(merchant, batch, data, actor=_cli_actor()), await get_batch(merchant, batch)

    summary, info = _payouts_run(work)
    typer.echo(f"paid {summary.paid}, failed {summary.failed}, returned {summary.returned}, unchanged {summary.unchanged}")
    typer.echo(_batch_summary(info))


@payouts_cli.command("close")
def payouts_close(
    merchant: int = typer.Option(..., help="Merchant id."),
    batch: int = typer.Option(..., help="Batch id."),
) -> None:
    """Close a batch once no line is left open."""
    from payouts.service.batches import close_batch

    typer.echo(_batch_summary(_payouts_run(lambda: close_batch(merchant, batch, actor=_cli_actor()))))


@payouts_cli.command("tick")
def payouts_tick(
    at: str = typer.Option(None, "--at", help="As of this instant (ISO 8601 with offset); default now."),
    merchant: int = typer.Option(None, help="Only this merchant (default: every merchant)."),
) -> None:
    """Draft the batch of every scheduled period that ended (idempotent; safe on several hosts)."""
    from core.time import parse_instant
    from payouts.service.schedule import tick

    moment = parse_instant(at) if at else None
    drafted = _payouts_run(lambda: tick(moment, merchant_id=merchant))
    for one in drafted:
        what = f"drafted batch {one.batch.id}" if one.batch else "already drafted"
        typer.echo(f"merchant {one.merchant_id} {one.asset} cutoff {one.cutoff.isoformat()}: {what}")
    typer.echo(f"{sum(1 for one in drafted if one.batch)} batch(es) drafted")


@payouts_cli.command("expire-points")
def payouts_expire_points(
    at: str = typer.Option(None, "--at", help="As of this instant (ISO 8601 with offset); default now."),
    merchant: int = typer.Option(None, help="Only this merchant (default: every merchant with an expiry)."),
) -> None:
    """Lapse wallet points older than each merchant's expiry, oldest first (idempotent; safe on several hosts)."""
    from core.time import parse_instant
    from payouts.wallet.service.expiry import expire_points

    moment = parse_instant(at) if at else None
    runs = _payouts_run(lambda: expire_points(moment, merchant_id=merchant))
    for run in runs:
        typer.echo(f"merchant {run.merchant_id} ({run.expiry_months} months, credited on or before"
                   f" {run.cutoff.isoformat()}): {run.points} point(s) expired in {run.partners} wallet(s)")
    typer.echo(f"{sum(run.points for run in runs)} point(s) expired")


@outbox_cli.command("deliver")
def outbox_deliver(
    once: bool = typer.Option(False, "--once", help="One round, then exit (for cron); default: loop."),
    limit: int = typer.Option(100, min=1, max=1000, help="Events claimed per round."),
    interval: float = typer.Option(1.0, min=0.05, help="Seconds to sleep when a round found little to do."),
    merchant: int = typer.Option(None, help="Only this merchant's events (default: every merchant's)."),
) -> None:
    """Send due events, signed, with retries and backoff (safe on several hosts at once)."""
    from core.time import now
    from payouts.outbox_sender import HttpxSender
    from payouts.service.outbox import deliver_due, deliver_forever

    settings = Settings()

    async def work() -> None:
        async with HttpxSender(settings.webhook_url_rules) as sender:
            if once:
                done = await deliver_due(now(), limit=limit, sender=sender, sealer=settings.sealer, merchant_id=merchant)
                typer.echo(f"{done.claimed} event(s): {done.delivered} delivered, {done.retrying} to retry,"
                           f" {done.dead} dead")
            else:
                await deliver_forever(sender, sealer=settings.sealer, limit=limit, interval=interval,
                                      merchant_id=merchant)

    try:
        asyncio.run(with_database(settings, work))
    except KeyboardInterrupt:
        pass


@notify_cli.command("deliver")
def notify_deliver(
    once: bool = typer.Option(False, "--once", help="One round, then exit (for cron); default: loop."),
    limit: int = typer.Option(100, min=1, max=1000, help="Notices claimed per round."),
    interval: float = typer.Option(1.0, min=0.05, help="Seconds to sleep when a round found little to do."),
) -> None:
    """Send due notices by email or SMS as each partner chose, with retries and backoff (safe on
    several hosts at once)."""
    from core.senders.drivers import senders_for
    from core.time import now
    from relay.notify import deliver_due, deliver_forever

    settings = Settings()

    async def work() -> None:
        senders = senders_for(settings.email, settings.sms)
        try:
            if once:
                done = await deliver_due(now(), senders=senders, secret=settings.secret_key,
                                         public_url=settings.public_url, limit=limit)
                typer.echo(f"{done.claimed} notice(s): {done.sent} sent, {done.inbox_only} inbox only,"
                           f" {done.retrying} to retry, {done.dead} dead")
            else:
                await deliver_forever(senders, secret=settings.secret_key, public_url=settings.public_url,
                                      limit=limit, interval=interval)
        finally:
            await senders.aclose()

    try:
        asyncio.run(with_database(settings, work))
    except KeyboardInterrupt:
        pass


def main() -> None:
    cli()


@cli.command()
def demo() -> None:
    """Seed the demo merchant (once) and print its keys and the URLs to try."""
    from relay.demo import seed

    settings = Settings()
    result = asyncio.run(with_database(settings, lambda: seed(settings)))
    base = settings.public_url.rstrip("/")
    typer.echo("")
    typer.echo(f"Demo merchant {result.merchant_id} ({'created' if result.created else 'already there; new keys issued'})")
    for role, key in result.keys.items():
        typer.echo(f"  {role:<12} key: {key}")
    typer.echo(f"  webhook secret:   {result.webhook_secret}")
    typer.echo("")
    typer.echo("Try, once `relay serve` is up:")
    for link in result.links:
        typer.echo(f"  curl -i {base}/r/{link['code']}        # {link['scene']} link: 302 to the shop, click recorded")
    if result.links:
        typer.echo(f"  {base}/qr/{result.links[0]['code']}.svg    # its QR code (also .png)")
    admin = result.keys["admin"]
    typer.echo(f"  curl -H 'Authorization: Bearer {admin}' {base}/api/v1/reports")
    typer.echo(f"  curl -H 'Authorization: Bearer {admin}' {base}/api/v1/commissions")
    typer.echo(f"  curl -H 'Authorization: Bearer {admin}' {base}/api/v1/partners")
    typer.echo(f"  {base}/openapi.json    # the whole API")
    typer.echo("")
    typer.echo("The consoles (in a browser):")
    typer.echo(f"  {base}/console/sign-in?merchant={result.merchant_id}")
    for role, (email, password) in result.staff.items():
        typer.echo(f"    {role:<8} {email} / {password}")
    if result.partner_sign_in:
        typer.echo(f"  {base}{result.partner_sign_in}    # partner portal: one-time link, 15 minutes")
        typer.echo("  When it has expired (or was used), get a fresh one in any of these ways:")
        typer.echo("    relay demo    # again (make run does it): new passwords, keys and partner link")
        typer.echo(f"    {base}/console/partners/{result.partner_id}    # as admin: \"Make a sign-in link for this partner\"")
        typer.echo(f"    curl -X POST -H 'Authorization: Bearer {admin}' {base}/api/v1/partners/{result.partner_id}/sign-in-link")
    typer.echo("")
