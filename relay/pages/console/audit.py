"""The audit log: who changed what and when, newest first, paged; actions, subjects and roles in
words (relay.pages.words), a partner by name, each subject the console has a page for linked."""

from __future__ import annotations

import json
from dataclasses import dataclass

from starlette.responses import Response

from accounts.service import audit
from accounts.service.audit import AuditInfo
from referral.service import console_views
from relay.pages.console import pages
from relay.pages.i18n import N_
from relay.pages.routing import Page
from relay.pages.words import AUDIT_ACTIONS, action_text, role_text, subject_text

PER_PAGE = 50
#: subject -> (route, its path parameter) of the console page showing it.
SUBJECT_PAGES = {
    "commission": ("console.commission", "commission_id"),
    "partner": ("console.partner", "partner_id"),
    "partner_application": ("console.application", "application_id"),
    "rule_set": ("console.rule_set", "version"),
}


@dataclass(frozen=True, slots=True)
class Line:
    entry: AuditInfo
    actor: str
    role: str
    action: str
    subject: str
    href: str | None


def _compact(value: object) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _actor(page: Page, entry: AuditInfo, names: dict[int, tuple[str, str]]) -> str:
    kind, actor_id = entry.actor.kind, entry.actor.id
    if kind == "staff":
        return page.gettext("Staff account %(id)s", id=actor_id)
    if kind == "api_key":
        return page.gettext("API key %(id)s", id=actor_id)
    if kind == "partner":
        return names[int(actor_id)][0] if actor_id.isdigit() and int(actor_id) in names else page.gettext(
            "Partner %(id)s", id=actor_id)
    return actor_id


def _line(page: Page, entry: AuditInfo, names: dict[int, tuple[str, str]]) -> Line:
    subject = subject_text(page, entry.subject_type, entry.subject_id)
    href = None
    if entry.subject_type in SUBJECT_PAGES and entry.subject_id.isdigit() and len(entry.subject_id) < 10:
        route, parameter = SUBJECT_PAGES[entry.subject_type]
        href = page.url(route, **{parameter: entry.subject_id})
        if entry.subject_type == "partner" and int(entry.subject_id) in names:
            subject = names[int(entry.subject_id)][0]
    return Line(entry, _actor(page, entry, names), role_text(page, entry.actor.role) if entry.actor.role else "",
                action_text(page, entry.action), subject, href)


@pages.get("/console/audit", nav=N_("Audit log"))
async def audit_log(page: Page) -> Response:
    action = page.request.query_params.get("action", "").strip()[:64] or None
    entries = await audit.list_entries(page.merchant_id, action=action, before_id=page.query_id("before"), limit=PER_PAGE)
    partner_ids = {
        int(found) for e in entries.items for kind, found in ((e.subject_type, e.subject_id), (e.actor.kind, e.actor.id))
        if kind == "partner" and found.isdigit() and len(found) < 19
    }
    names = await console_views.partner_names(page.merchant_id, partner_ids)
    return page.render("console/audit.html", entries=entries, lines=[_line(page, e, names) for e in entries.items],
                       action=action or "", actions=[(code, page.gettext(words)) for code, words in AUDIT_ACTIONS.items()],
                       compact=_compact)
