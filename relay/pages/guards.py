"""Who may open a page. A guard reloads the principal of the session from the database on every
request (a deactivated account or a deleted partner is signed out at once) and sets
``page.merchant`` and ``page.partner`` or ``page.staff``.

- `partner_page`: a partner signed in with an open session; anyone else sees the sign-in page (401).
  A partner not active (an applicant, a rejected one) sees only their application and devices.
- `staff_page(roles=(...))`: a signed-in staff account whose role is listed; no staff session:
  303 to the sign-in form; another role: the 403 page.
- `admin_page` and `finance_page`: the merchant console's and the finance console's guards.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlencode

from starlette.responses import Response

from accounts.models import StaffRole
from accounts.service.merchants import get_merchant
from accounts.service.sign_in import active_staff
from notifications.service import inbox
from relay.pages.routing import Guard, MerchantView, Page
from relay.sign_in import signed_in_partner


async def _merchant(page: Page, merchant_id: int) -> None:
    merchant = await get_merchant(merchant_id)
    page.merchant = MerchantView(merchant.id, merchant.name, merchant.currency, merchant.timezone)


#: What a partner not (or no longer) active may open: where their application stands, their devices.
APPLICANT_PATHS = ("/p/application", "/p/sessions", "/p/inbox")


async def partner_page(page: Page) -> Response | None:
    """A partner signed in with an open session (relay.sign_in): a session ended, expired or of a
    suspended partner signs the browser out."""
    session = page.session
    if session.get("kind") == "partner":
        found = await signed_in_partner(str(session.get("sid") or ""))
        if found is not None and found[1].id == session.get("id") and found[1].merchant_id == session.get("merchant_id"):
            page.partner_session, page.partner = found
            await _merchant(page, page.partner.merchant_id)
            if not page.partner.is_active and not page.request.url.path.startswith(APPLICANT_PATHS):
                return page.redirect(page.url("partner.application"))
            page.badges["partner.inbox"] = await inbox.unread_count(page.merchant_id, page.partner_id)
            return None
        merchant_id = session.get("merchant_id")
        session.sign_out()
        session.set("last_merchant", merchant_id)
    return page.render("partner/sign_in_needed.html", status=401, merchant_id=session.get("last_merchant"))


def staff_sign_in_url(page: Page) -> str:
    query = {"next": page.request.url.path}
    if page.session.get("merchant_id"):
        query["merchant"] = page.session.get("merchant_id")
    return page.url("auth.staff_sign_in") + "?" + urlencode(query)


def staff_page(roles: Iterable[str] = (StaffRole.admin.value,)) -> Guard:
    """A guard letting in signed-in staff whose role is in `roles`."""
    allowed = frozenset(str(role) for role in roles)

    async def guard(page: Page) -> Response | None:
        session = page.session
        staff = None
        if session.get("kind") == "staff":
            staff = await active_staff(session.get("merchant_id"), session.get("id"))
            if staff is None:
                session.sign_out()
        if staff is None:
            return page.redirect(staff_sign_in_url(page))
        page.staff = staff
        await _merchant(page, staff.merchant_id)
        if staff.role not in allowed:
            page.nav = []  # not this console's nav: none of it is theirs
            return page.render("errors/403.html", status=403, reason="role")
        return None

    guard.__name__ = f"staff_page_{'_'.join(sorted(allowed))}"
    return guard


admin_page = staff_page(roles=(StaffRole.admin.value,))
finance_page = staff_page(roles=(StaffRole.finance.value,))
