"""Rules: the active rule set and its versions, a draft edited through a form (one block per rule),
its simulation over past orders next to what was paid, and publishing it."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from commissions.errors import InvalidRuleSet, NoActiveRuleSet
from commissions.models import RuleSetStatus
from commissions.rules.ruleset import SCENES
from commissions.service import rule_sets, simulation
from referral.service import console_views
from referral.service.sales import partner_groups
from relay.pages.console import pages, rule_errors, rule_form
from relay.pages.console.common import actor, date_range
from relay.pages.console.partners import SCENE_LABELS
from relay.pages.i18n import N_
from relay.pages.routing import Page

#: Partners listed in a simulation (largest differences first); the totals cover every partner.
SIMULATION_ROWS = 100
WEEKDAY_LABELS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
REWARD_LABELS = {
    "percent": N_("Percent of the line's net"), "flat_per_unit": N_("Amount per unit"),
    "flat_per_order": N_("Amount per order"), "tiers": N_("Tiers by month's net sales"),
}
STATUS_LABELS = {"draft": N_("Draft"), "active": N_("Active"), "retired": N_("Retired")}


@pages.get("/console/rules", nav=N_("Rules"))
async def rules(page: Page) -> Response:
    versions = await rule_sets.list_versions(page.merchant_id)
    active = next((v for v in versions if v.status == RuleSetStatus.active.value), None)
    return page.render("console/rules.html", versions=versions, active=active, status_labels=STATUS_LABELS)


@pages.post("/console/rules/drafts")
async def new_draft(page: Page) -> Response:
    """A new draft, starting from the active version's rules (or empty when none is active)."""
    try:
        content: dict[str, Any] = (await rule_sets.get_active(page.merchant_id)).content
    except NoActiveRuleSet:
        content = {"rules": []}
    draft = await rule_sets.create_draft(page.merchant_id, content, actor=actor(page))
    page.flash(page.gettext("Draft version %(version)s started.", version=draft.version), "success")
    return page.redirect(page.url("console.rule_set", version=draft.version))


async def _editor(page: Page, info: rule_sets.RuleSetInfo, fields: rule_form.Fields, *, status: int = 200,
                  errors: dict[str, str] | None = None, general: list[dict[str, str]] | None = None,
                  unsaved: bool = False) -> Response:
    period = date_range(page)
    return page.render(
        "console/rule_set.html", status=status, info=info, fields=fields, errors=errors or {}, general=general or [],
        summary=rule_errors.summary(page, errors or {}),
        unsaved=unsaved, editable=info.status == RuleSetStatus.draft.value, period=period,
        groups=await partner_groups(page.merchant_id),
        scene_options=[(scene, page.gettext(SCENE_LABELS[scene])) for scene in SCENES],
        day_options=[(day, page.gettext(label)) for day, label in zip(rule_form.WEEKDAYS, WEEKDAY_LABELS, strict=True)],
        reward_options=[(kind, page.gettext(label)) for kind, label in REWARD_LABELS.items()],
        status_labels=STATUS_LABELS, rules_count=rule_form.count(fields, "rules"),
        modifiers_count=rule_form.count(fields, "modifiers"), value=rule_form.value,
        checked=rule_form.checked, incentive_kept=rule_form.incentive_kept(fields),
    )


@pages.get("/console/rules/{version:int32}")
async def rule_set(page: Page) -> Response:
    info = await rule_sets.get_version(page.merchant_id, page.request.path_params["version"])
    return await _editor(page, info, rule_form.to_fields(info.content, page.currency))


@pages.post("/console/rules/{version:int32}")
async def save_rule_set(page: Page) -> Response:
    """Save the draft (op=save) or change the form's list of rules (add, remove, move: not saved yet)."""
    version = page.request.path_params["version"]
    info = await rule_sets.get_version(page.merchant_id, version)
    form = await page.form()
    fields = rule_form.compact_tiers(rule_form.from_form(form))
    op = str(form.get("op", "save"))
    fields.pop("op", None)
    if op != "save":
        return await _editor(page, info, rule_form.edit(fields, op), unsaved=True)
    try:
        content = rule_form.to_content(fields, page.currency)
    except rule_form.ExtraInvalid as error:
        general = [{"field": str(error), "message": page.gettext("This part is not valid JSON.")}]
        return await _editor(page, info, fields, status=422, general=general, unsaved=True)
    try:
        await rule_sets.update_draft(page.merchant_id, version, content, actor=actor(page))
    except InvalidRuleSet as error:
        placed, general = rule_form.field_errors(rule_errors.translated(page, error.refusals), fields)
        return await _editor(page, info, fields, status=422, errors=placed, general=general, unsaved=True)
    page.flash(page.gettext("Draft version %(version)s saved.", version=version), "success")
    return page.redirect(page.url("console.rule_set", version=version))


@pages.get("/console/rules/{version:int32}/simulation")
async def simulate(page: Page) -> Response:
    version = page.request.path_params["version"]
    info = await rule_sets.get_version(page.merchant_id, version)
    period = date_range(page)
    report = None
    rows: list[tuple[Any, tuple[str, str] | None]] = []
    if not period.errors:
        report = await simulation.simulate(page.merchant_id, version, period.first, period.last)
        ranked = sorted(
            report.partners,
            key=lambda p: -(abs(p.simulated.cash - p.actual.cash) + abs(p.simulated.points - p.actual.points)),
        )[:SIMULATION_ROWS]
        names = await console_views.partner_names(page.merchant_id, (p.partner_id for p in ranked))
        rows = [(item, names.get(item.partner_id)) for item in ranked]
        _remember_simulated(page, info)
    return page.render(
        "console/simulation.html", info=info, period=period, report=report, rows=rows, shown=SIMULATION_ROWS,
        status_labels=STATUS_LABELS,
    )


#: Draft versions whose simulation this session ran, remembered for the publish confirmation (the cookie stays small).
SIMULATIONS_REMEMBERED = 5


def _remember_simulated(page: Page, info: rule_sets.RuleSetInfo) -> None:
    """Note in the session that this version, as last saved, was simulated."""
    simulated = {k: v for k, v in (page.session.get("simulated") or {}).items() if k != str(info.version)}
    kept = dict(list(simulated.items())[-(SIMULATIONS_REMEMBERED - 1):])
    page.session.set("simulated", {**kept, str(info.version): info.updated_at.isoformat()})


def _was_simulated(page: Page, info: rule_sets.RuleSetInfo) -> bool:
    """Whether this session simulated the version as it is saved now (a save since then does not count)."""
    return (page.session.get("simulated") or {}).get(str(info.version)) == info.updated_at.isoformat()


@pages.get("/console/rules/{version:int32}/publish")
async def confirm_publish(page: Page) -> Response:
    """Publishing asks first, and says whether this version's simulation was run."""
    info = await rule_sets.get_version(page.merchant_id, page.request.path_params["version"])
    if info.status != RuleSetStatus.draft.value:
        return page.redirect(page.url("console.rule_set", version=info.version))
    return page.render("console/rule_publish.html", info=info, simulated=_was_simulated(page, info))


@pages.post("/console/rules/{version:int32}/publish")
async def publish(page: Page) -> Response:
    """Publish once confirmed (confirm=1, sent by the confirmation page); without it, to that page."""
    version = page.request.path_params["version"]
    if (await page.form()).get("confirm") != "1":
        return page.redirect(page.url("console.confirm_publish", version=version))
    await rule_sets.publish(page.merchant_id, version, actor=actor(page))
    page.flash(page.gettext("Version %(version)s is now active.", version=version), "success")
    return page.redirect(page.url("console.rules"))
