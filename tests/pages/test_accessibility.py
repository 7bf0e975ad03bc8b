"""Every page passes axe-core (the engine bundled in axe-playwright-python, run in Debian's Chromium)
with no serious or critical violation, in zh-Hans on a phone (390x844) and in English on a desktop
(1366x900); the main pages are photographed at both widths into tests/artifacts/. The page list is checked against
the routes: a new page that is not listed here fails `test_every_page_route_is_checked`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
import pytest_asyncio
from axe_playwright_python.async_playwright import Axe

from accounts.service import sign_in
from commissions.service import queries, rule_sets
from commissions.service.earning import commission_order
from notifications.kinds import Kind, unsubscribe_token
from notifications.models import Notification
from notifications.service import Notice, notify
from payouts.service import batches
from referral.models import PartnerApplication
from referral.program import DEFAULT_KINDS
from referral.service.partners import issue_sign_in_link
from relay import pages as relay_pages
from relay.settings import Settings
from tests.factories.batches import END_OF_OCTOBER, make_commission, make_payee
from tests.factories.commissions import make_order, percent_rule, publish_rule_set
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_link, make_partner
from tests.pages.conftest import BROWSER_UA, DESKTOP, PHONE, csrf_of, make_staff, screenshot, sign_in_staff
from tests.pages.test_phone_width import SMALL_TARGETS

#: Routes that answer with something other than an HTML page (a file, an image, a redirect).
NOT_PAGES = {
    "partner.link_qr", "partner.link_poster", "console.report_csv", "auth.switch_language",
}

#: route name -> (who opens it, its path; `{...}` filled from the world's ids).
PAGES: dict[str, tuple[str, str]] = {
    "auth.staff_sign_in": ("nobody", "/console/sign-in?merchant={merchant}"),
    "auth.staff_sign_in_link": ("nobody", "{staff_link}"),
    "auth.partner_sign_in_link": ("nobody", "{partner_link}"),
    "sign_in.partner_sign_in": ("nobody", "/p/sign-in?merchant={merchant}"),
    "apply.application_form": ("nobody", "/join/{merchant}"),
    "apply.invited_application_form": ("nobody", "/join/{merchant}/{code}"),
    "partner.home": ("partner", "/p/"),
    "partner.links": ("partner", "/p/links"),
    "partner.link": ("partner", "/p/links/{link}"),
    "partner.orders": ("partner", "/p/orders"),
    "partner.order": ("partner", "/p/orders/{order}"),
    "partner.payouts": ("partner", "/p/payouts"),
    "partner.invitees": ("partner", "/p/invitees"),
    "partner.sessions": ("partner", "/p/sessions"),
    "partner.payee": ("partner", "/p/payee"),
    "partner.inbox": ("partner", "/p/inbox"),
    "partner.notice": ("partner", "/p/inbox/{notice}"),
    "partner.notice_settings": ("partner", "/p/inbox/settings"),
    "unsubscribe.confirm": ("nobody", "/unsubscribe/{unsubscribe}"),
    "partner.withdraw": ("partner", "/p/withdraw"),
    "partner.application": ("applicant", "/p/application"),
    "console.home": ("admin", "/console/"),
    "console.partner_list": ("admin", "/console/partners"),
    "console.partner": ("admin", "/console/partners/{partner}"),
    "console.application_list": ("admin", "/console/applications"),
    "console.application": ("admin", "/console/applications/{application}"),
    "console.new_partner": ("admin", "/console/partners/new"),
    "console.edit_partner": ("admin", "/console/partners/{partner}/edit"),
    "console.partner_links": ("admin", "/console/partners/{partner}/links"),
    "console.rules": ("admin", "/console/rules"),
    "console.rule_set": ("admin", "/console/rules/{rule_set}"),
    "console.simulate": ("admin", "/console/rules/{rule_set}/simulation"),
    "console.confirm_publish": ("admin", "/console/rules/{draft}/publish"),
    "console.report": ("admin", "/console/reports"),
    "console.review": ("admin", "/console/review"),
    "console.settings_page": ("admin", "/console/settings"),
    "console.api_key_list": ("admin", "/console/settings/api-keys"),
    "console.staff_list": ("admin", "/console/settings/staff"),
    "console.audit_log": ("admin", "/console/audit"),
    "console.commission": ("admin", "/console/commissions/{commission}"),
    "finance.home": ("finance", "/finance/"),
    "finance.batch_list": ("finance", "/finance/batches"),
    "finance.batch": ("finance", "/finance/batches/{batch}"),
    "finance.confirm_approval": ("finance", "/finance/batches/{batch}/approve"),
    "finance.ledger": ("finance", "/finance/ledger"),
    "finance.terms_page": ("finance", "/finance/terms"),
    "finance.find_partner": ("finance", "/finance/ledger/find?partner=nobody-by-that-name"),
    "finance.statement": ("finance", "/finance/ledger/partners/{payee}"),
    "finance.withdrawals_page": ("finance", "/finance/withdrawals"),
}
#: Pages no route lists: the error pages.
OTHER_PAGES: dict[str, tuple[str, str]] = {
    "errors.not_found": ("partner", "/p/orders/999999999"),
}
#: Pages checked in a state answered with another status than 200 (the error shown on the page).
STATUS = {"finance.find_partner": 404, "errors.not_found": 404}
#: The pages photographed at phone (390x844) and desktop (1366x900) width into tests/artifacts/.
MAIN_PAGES = {
    "sign_in.partner_sign_in", "auth.staff_sign_in", "apply.application_form", "partner.home", "partner.links",
    "partner.link", "partner.orders", "partner.payouts", "console.home", "console.partner_list", "console.partner",
    "console.rule_set", "console.report", "console.commission", "finance.home", "finance.batch", "finance.statement",
}
LOCALES = ("zh-CN", "en")
#: Each page is checked in Chinese on a phone and in English on a desktop: both widths, both languages.
VIEWPORT = {"zh-CN": PHONE, "en": DESKTOP}
#: What a violation must be to fail the check.
BLOCKING = ("serious", "critical")


def test_every_page_route_is_checked():
    """A GET route is either listed in PAGES (and so checked below) or named in NOT_PAGES."""
    routes = {route.name for route in relay_pages.routes() if "GET" in (getattr(route, "methods", None) or ())}
    assert routes - NOT_PAGES - set(PAGES) == set(), "add the new page to PAGES"
    assert set(PAGES) - routes == set(), "a listed page has no route any more"


@dataclass
class World:
    """One merchant with something on every page, and a browser context per reader and language."""

    ids: dict[str, Any]
    contexts: dict[tuple[str, str], Any]

    def path(self, template: str) -> str:
        return template.format(**self.ids)


async def _make_world_data(client) -> dict[str, Any]:
    merchant = await make_merchant(name="茶舍")
    program = {
        "review": "manual", "contact_required": "phone", "kinds": list(DEFAULT_KINDS),
        "questions": [{"id": "community", "zh_Hans": "您所在的小区", "en": "Your neighbourhood", "required": True}],
        "agreement": {"zh_Hans": "推广员协议：请如实推广。", "en": "Partner agreement: promote honestly."},
    }
    assert (await api(client, merchant, "PUT", "/api/v1/partner-program", json=program)).status_code == 200
    partner = await make_partner(merchant.id, display_name="林梅")
    link = await make_link(partner)
    rule_set = await publish_rule_set(merchant.id, {"rules": [percent_rule("toys-10", "10")]})
    draft = await rule_sets.create_draft(merchant.id, {"rules": [percent_rule("toys-10", "12")]})
    order = await make_order(merchant.id, partner.id, [("A", "toys", 1, 12345)], at=datetime(2026, 3, 10, 4, tzinfo=UTC))
    await commission_order(merchant.id, order.for_commission())
    (commission,) = (await queries.list_commissions(merchant.id, queries.CommissionFilter())).items
    payee = await make_payee(merchant.id, display_name="陈伟")
    await make_commission(merchant.id, payee.id, 3558)
    batch, _ = await batches.create_batch(merchant.id, "CNY", datetime.fromisoformat(END_OF_OCTOBER), created_by="test")
    form = await client.get(f"/join/{merchant.id}", headers={"user-agent": BROWSER_UA})
    applied = await client.post(f"/join/{merchant.id}", headers={"user-agent": BROWSER_UA}, data={
        "csrf_token": csrf_of(form.text), "display_name": "王芳", "phone": "13800138300", "kind": "parent",
        "answer_community": "阳光花园", "accept": "yes"})
    assert applied.status_code == 201, applied.text
    application = await PartnerApplication.get(merchant_id=merchant.id)
    await notify(merchant.id, [Notice(partner.id, Kind.payout_line, "line:1:paid",
                                      {"outcome": "paid", "amount_minor": 3558, "currency": "CNY"})])
    notice = await Notification.get(merchant_id=merchant.id, partner_id=partner.id)
    return {
        "notice": notice.id,
        "unsubscribe": unsubscribe_token(Settings().secret_key, merchant.id, partner.id, Kind.payout_line),
        "merchant": merchant.id, "partner": partner.id, "link": link.id, "code": partner.code, "order": order.order.id,
        "rule_set": rule_set, "draft": draft.version, "commission": commission.id, "payee": payee.id, "batch": batch.id,
        "application": application.id, "applicant": application.partner_id,
        "admin": await make_staff(merchant.id, "admin"), "finance": await make_staff(merchant.id, "finance"),
    }


async def _signed_in(context: Any, who: str, ids: dict[str, Any]) -> None:
    if who == "nobody":
        return
    page = await context.new_page()
    if who in ("admin", "finance"):
        await sign_in_staff(page, ids[who])
    else:
        link = await issue_sign_in_link(ids["merchant"], ids["partner" if who == "partner" else "applicant"])
        await page.goto(link.path)
        await page.click("form.stack button[type=submit]")
        await page.wait_for_load_state()
    await page.close()


@pytest_asyncio.fixture(scope="module")
async def world(browser, site, app) -> Any:
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://relay.test") as client:
        ids = await _make_world_data(client)
    contexts = {}
    for locale in LOCALES:
        for who in ("nobody", "partner", "applicant", "admin", "finance"):
            context = await browser.new_context(base_url=site, locale=locale, viewport=DESKTOP, user_agent=BROWSER_UA)
            context.set_default_timeout(10_000)
            await _signed_in(context, who, ids)
            contexts[locale, who] = context
    yield World(ids, contexts)
    for context in contexts.values():
        await context.close()


async def _fresh_links(world: World) -> None:
    """One-time sign-in links are used up by opening them: issue new ones for each check."""
    world.ids["staff_link"] = (await sign_in.issue_staff_sign_in_link(world.ids["merchant"], world.ids["admin"].id)).path
    world.ids["partner_link"] = (await issue_sign_in_link(world.ids["merchant"], world.ids["partner"])).path


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("name", [*PAGES, *OTHER_PAGES])
async def test_the_page_has_no_serious_accessibility_violation(world, name, locale):
    who, path = {**PAGES, **OTHER_PAGES}[name]
    await _fresh_links(world)
    page = await world.contexts[locale, who].new_page()
    try:
        await page.set_viewport_size(VIEWPORT[locale])
        answer = await page.goto(world.path(path))
        assert answer.status == STATUS.get(name, 200), (name, answer.status, page.url)
        results = await Axe().run(page)
        blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
        assert blocking == [], f"{name} ({locale}, {page.url}):\n{describe(blocking)}"
        if VIEWPORT[locale] == PHONE:
            assert await page.evaluate(SMALL_TARGETS) == [], f"{name}: tap targets under 24 px at 390 px"
        if name in MAIN_PAGES:
            await screenshot(page, f"{name.replace('.', '-')}-{locale}")
    finally:
        await page.close()


@pytest.mark.parametrize("name", ["partner.home", "console.home", "finance.home", "auth.staff_sign_in", "apply.application_form"])
async def test_a_skip_link_is_the_first_tab_stop_and_moves_to_the_content(world, name):
    who, path = PAGES[name]
    page = await world.contexts["zh-CN", who].new_page()
    try:
        await page.goto(world.path(path))
        await page.keyboard.press("Tab")
        focused = await page.evaluate("[document.activeElement.className, document.activeElement.textContent]")
        assert focused == ["skip", "跳到正文"]
        box = await page.locator("a.skip").bounding_box()
        assert box["y"] >= 0 and box["height"] >= 24  # shown once focused
        await page.keyboard.press("Enter")
        assert await page.evaluate("document.activeElement.id") == "main"
    finally:
        await page.close()


def _rgb(css: str) -> tuple[float, ...]:
    return tuple(float(part) for part in css[css.index("(") + 1:css.index(")")].split(",")[:3])


def contrast(one: str, other: str) -> float:
    """WCAG contrast ratio of two computed CSS colours (rgb(...))."""
    def luminance(css: str) -> float:
        r, g, b = (c / 255 for c in _rgb(css))
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


#: An element's own colour and the first opaque background behind it.
COLOURS = """(el) => {
  let back = el.parentElement;
  while (back && ['rgba(0, 0, 0, 0)', 'transparent'].includes(getComputedStyle(back).backgroundColor)) back = back.parentElement;
  const style = getComputedStyle(el);
  return {border: style.borderTopColor, outline: style.outlineColor, outlineStyle: style.outlineStyle,
          outlineWidth: parseFloat(style.outlineWidth), background: getComputedStyle(back || document.body).backgroundColor,
          fill: style.backgroundColor};
}"""


async def test_input_borders_and_focus_outlines_stand_out_at_least_3_to_1(world):
    page = await world.contexts["zh-CN", "partner"].new_page()
    try:
        await page.goto("/p/links")
        for selector in ("#f-target_url", "#f-scene"):
            field = page.locator(selector)
            colours = await field.evaluate(COLOURS)
            assert contrast(colours["border"], colours["fill"]) >= 3, (selector, colours)
            await field.focus()
            colours = await field.evaluate(COLOURS)
            assert colours["outlineStyle"] != "none" and colours["outlineWidth"] >= 2, colours
            assert contrast(colours["outline"], colours["background"]) >= 3, (selector, colours)
        await page.goto("/p/")
        await page.keyboard.press("Tab")
        await page.keyboard.press("Tab")  # past the skip link: the brand, a plain link
        colours = await page.evaluate(f"({COLOURS})(document.activeElement)")
        assert colours["outlineStyle"] != "none" and contrast(colours["outline"], colours["background"]) >= 3, colours
    finally:
        await page.close()
