"""The aerich history is the only way the schema is made, on each engine, and it is complete."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import textwrap

from core.db import dialect_of
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


async def test_a_database_from_before_secrets_were_sealed_still_verifies_and_signs_after_migrating(
    fresh_database_url, tmp_path
):
    """The step that seals the webhook secrets: a merchant with secrets in clear (current and
    previous, written as the code before that step wrote them) verifies events with both and
    signs outbound ones after `relay migrate`, its secrets now stored sealed."""
    url = await fresh_database_url("sealing")
    engine = dialect_of(url)
    history = ROOT / "migrations" / engine / "models"
    sealing = int(next(history.glob("*_seal_webhook_secrets.py")).name.split("_")[0])
    before = tmp_path / engine / "models"
    before.mkdir(parents=True)
    for step in history.glob("*.py"):
        if int(step.name.split("_")[0]) < sealing:
            shutil.copy(step, before)
    head = textwrap.dedent(
        """
        import asyncio
        from datetime import timedelta
        from pathlib import Path

        from starlette.datastructures import Headers
        from tortoise import Tortoise

        from accounts.models import Merchant
        from accounts.service.merchants import create_merchant
        from accounts.service.settings import shop_signing, webhook_targets
        from core.db import tortoise_config
        from core.time import now
        from relay import schema
        from relay.settings import MODEL_MODULES, Settings
        from relay.shop_events import verify
        from tests.factories.events import envelope, order_data, sign

        PREVIOUS = "whsec_" + "QUJD" * 8

        class InClear:  # what the code before the step stored: the secret itself
            def seal(self, clear):
                return clear
        """
    )
    before_the_step = head + textwrap.dedent(
        f"""
        async def main():
            schema.MIGRATIONS = Path({str(tmp_path)!r})
            await schema.migrate({url!r})
            await Tortoise.init(config=tortoise_config({url!r}, MODEL_MODULES), _enable_global_fallback=True)
            made = await create_merchant("Before sealing", "CNY", sealer=InClear())
            await Merchant.filter(id=made.merchant.id).update(
                previous_webhook_secret=PREVIOUS, previous_secret_valid_until=now() + timedelta(hours=1))
            print("MADE", made.merchant.id, made.webhook_secret)
            await Tortoise.close_connections()

        asyncio.run(main())
        """
    )
    made = await asyncio.to_thread(_python, before_the_step)
    merchant_id, secret = made.split("MADE ")[1].split()
    migrated = await asyncio.to_thread(run_relay, "migrate", database_url=url)
    assert "seal_webhook_secrets" in migrated.stdout
    after_the_step = head + textwrap.dedent(
        f"""
        async def main():
            await Tortoise.init(config=tortoise_config({url!r}, MODEL_MODULES), _enable_global_fallback=True)
            row = await Merchant.get(id={merchant_id})
            print("STORED", row.webhook_secret.startswith("whsec_"), row.previous_webhook_secret.startswith("whsec_"))
            signing = await shop_signing({merchant_id})
            body = envelope("order.created", order_data())
            for secret in ({secret!r}, PREVIOUS):
                print("VERIFIED", verify(signing, body.encode(), Headers(sign(secret, body)), Settings().sealer))
            target = (await webhook_targets([{merchant_id}]))[{merchant_id}]
            print("SIGNS", target.secret(Settings().sealer) == {secret!r})
            await Tortoise.close_connections()

        asyncio.run(main())
        """
    )
    out = await asyncio.to_thread(_python, after_the_step)
    assert "STORED False False" in out
    assert out.count("VERIFIED msg_") == 2 and "SIGNS True" in out


def _python(script: str) -> str:
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout
