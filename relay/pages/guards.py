"""Who may open a page. A guard reloads the principal of the session from the database on every
request (a deactivated account or a deleted partner is signed out at once) and sets
``page.merchant`` and ``page.partner`` or ``page.staff``.

- `partner_page`: a signed-in partner; anyone else sees the "ask for a sign-in link" page (401).
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
from core.errors import NotFound
from referral.service.partners import get_partner
from relay.pages.routing import Guard, MerchantView, Page


async def _merchant(page: Page, merchant_id: int) -> None:
    merchant = await get_merchant(merchant_id)
    page.merchant = MerchantView(merchant.id, merchant.name, merchant.currency, merchant.timezone)


async def partner_page(page: Page) -> Response | None:
    session = page.session
    if session.get("kind") == "partner":
        try:
            page.partner = await get_partner(session.get("merchant_id"), session.get("id"))
        except NotFound:
            session.sign_out()
        else:
            await _merchant(page, page.partner.merchant_id)
            return None
    return page.render("partner/sign_in_needed.html", status=401)


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
