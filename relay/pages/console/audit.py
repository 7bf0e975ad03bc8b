"""The audit log: who changed what and when, newest first, paged."""

from __future__ import annotations

import json

from starlette.responses import Response

from accounts.service import audit
from relay.pages.console import pages
from relay.pages.i18n import N_
from relay.pages.routing import Page

PER_PAGE = 50


def _compact(value: object) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


@pages.get("/console/audit", nav=N_("Audit log"))
async def audit_log(page: Page) -> Response:
    action = page.request.query_params.get("action", "").strip()[:64] or None
    entries = await audit.list_entries(page.merchant_id, action=action, before_id=page.query_id("before"), limit=PER_PAGE)
    return page.render("console/audit.html", entries=entries, action=action or "", compact=_compact)
