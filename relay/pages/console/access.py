"""Who may act for the merchant: API keys (issued per role, rotated, revoked; a new key shown
once) and the staff accounts that sign in to the consoles (added with a password or a one-time
sign-in link shown once, their role changed, deactivated and reactivated). The merchant's last
active admin key and last active admin account are kept (the service refuses, the page says
why). Every change is audited as the staff account."""

from __future__ import annotations

from pydantic import ValidationError
from starlette.responses import Response

from accounts.models import Role, StaffRole
from accounts.schemas.security import ApiKeyCreate
from accounts.service import api_keys, sign_in
from accounts.service.api_keys import IssuedKey, LastAdminKey
from accounts.service.sign_in import LastActiveAdmin, StaffAccountExists
from core.errors import InvalidInput
from relay.pages.console import pages
from relay.pages.console.common import actor
from relay.pages.form_errors import field_errors
from relay.pages.i18n import N_
from relay.pages.routing import Page

KEY_ROLES = {
    Role.admin.value: N_("Admin: partners, links, rules, settings, reports"),
    Role.finance.value: N_("Finance: payout batches, payout terms, the ledger"),
    Role.integration.value: N_("Shop: order events, checkout discounts, points"),
}
STAFF_ROLES = {StaffRole.admin.value: N_("Merchant console (admin)"), StaffRole.finance.value: N_("Finance console")}
#: The service's English reasons about a staff account's fields, in the reader's words.
STAFF_WORDS = {
    "email": N_("Enter an email address like name@example.com."),
    "password": N_("At least %(length)s characters, or leave it blank to send a sign-in link."),
    "role": N_("Choose one of the options."),
}


# --- API keys --------------------------------------------------------------------------------------


async def _keys_page(page: Page, *, issued: IssuedKey | None = None, form: dict[str, str] | None = None,
                     errors: dict[str, str] | None = None, status: int = 200) -> Response:
    return page.render(
        "console/api_keys.html", status=status, keys=await api_keys.list_keys(page.merchant_id), issued=issued,
        form=form or {"role": Role.integration.value, "label": ""}, errors=errors or {},
        roles=[(role, page.gettext(label)) for role, label in KEY_ROLES.items()], role_labels=KEY_ROLES,
    )


@pages.get("/console/settings/api-keys")
async def api_key_list(page: Page) -> Response:
    return await _keys_page(page)


@pages.post("/console/settings/api-keys")
async def issue_api_key(page: Page) -> Response:
    """A new key of the chosen role, shown on this answer only (never stored, never flashed)."""
    submitted = await page.form()
    form = {name: str(submitted.get(name, "")).strip() for name in ("role", "label")}
    try:
        checked = ApiKeyCreate.model_validate(form)
    except ValidationError as error:
        return await _keys_page(page, form=form, errors=field_errors(page, error), status=422)
    issued = await api_keys.issue_key(page.merchant_id, checked.role, checked.label, actor=actor(page))
    return await _keys_page(page, issued=issued)


@pages.post("/console/settings/api-keys/{key_id:int}/rotate")
async def rotate_api_key(page: Page) -> Response:
    """A new key with the same role and label, shown once; the old one is refused from now on."""
    issued = await api_keys.rotate_key(page.merchant_id, page.request.path_params["key_id"], actor=actor(page))
    return await _keys_page(page, issued=issued)


@pages.post("/console/settings/api-keys/{key_id:int}/revoke")
async def revoke_api_key(page: Page) -> Response:
    key_id = page.request.path_params["key_id"]
    try:
        revoked = await api_keys.revoke_key(page.merchant_id, key_id, actor=actor(page))
    except LastAdminKey:
        page.flash(page.gettext("This is your last active admin key: issue another admin key first, or rotate this one."),
                   "error")
    else:
        page.flash(page.gettext("Key %(prefix)s… is revoked: it is refused from now on.", prefix=revoked.prefix), "success")
    return page.redirect(page.url("console.api_key_list"))


# --- staff accounts ----------------------------------------------------------------------------------


async def _staff_page(page: Page, *, link_for: sign_in.StaffInfo | None = None, link_url: str | None = None,
                      form: dict[str, str] | None = None, errors: dict[str, str] | None = None,
                      status: int = 200) -> Response:
    return page.render(
        "console/staff.html", status=status, accounts=await sign_in.list_staff(page.merchant_id),
        link_for=link_for, link_url=link_url, form=form or {"email": "", "role": StaffRole.finance.value},
        errors=errors or {}, roles=[(role, page.gettext(label)) for role, label in STAFF_ROLES.items()],
        role_labels=STAFF_ROLES, min_password=sign_in.MIN_PASSWORD_LENGTH,
    )


def _sign_in_url(page: Page, path: str) -> str:
    return page.request.app.state.settings.public_url.rstrip("/") + path


@pages.get("/console/settings/staff")
async def staff_list(page: Page) -> Response:
    return await _staff_page(page)


@pages.post("/console/settings/staff")
async def add_staff(page: Page) -> Response:
    """A new account; without a password, a one-time sign-in link to send them is shown once."""
    submitted = await page.form()
    form = {name: str(submitted.get(name, "")).strip() for name in ("email", "role")}
    password = str(submitted.get("password", ""))
    try:
        added = await sign_in.create_staff_account(
            page.merchant_id, form["email"], password or None, form["role"], actor=actor(page)
        )
    except InvalidInput as error:
        errors = {item["field"]: page.gettext(STAFF_WORDS[item["field"]], length=sign_in.MIN_PASSWORD_LENGTH)
                  for item in error.extra["errors"] if item["field"] in STAFF_WORDS}
        return await _staff_page(page, form=form, errors=errors, status=422)
    except StaffAccountExists:
        errors = {"email": page.gettext("This email already has an account here.")}
        return await _staff_page(page, form=form, errors=errors, status=422)
    if password:
        page.flash(page.gettext("%(email)s can sign in now with the password you chose.", email=added.email), "success")
        return page.redirect(page.url("console.staff_list"))
    link = await sign_in.issue_staff_sign_in_link(page.merchant_id, added.id)
    return await _staff_page(page, link_for=added, link_url=_sign_in_url(page, link.path))


async def _changed(page: Page, change) -> Response:  # noqa: ANN001
    try:
        changed = await change()
    except LastActiveAdmin:
        page.flash(page.gettext("This is your last active admin account: make another account admin first."), "error")
    else:
        page.flash(page.gettext("%(email)s is saved.", email=changed.email), "success")
    return page.redirect(page.url("console.staff_list"))


@pages.post("/console/settings/staff/{staff_id:int}/role")
async def change_staff_role(page: Page) -> Response:
    role = str((await page.form()).get("role", ""))
    staff_id = page.request.path_params["staff_id"]
    if role not in STAFF_ROLES:
        page.flash(page.gettext("Choose one of the options."), "error")
        return page.redirect(page.url("console.staff_list"))
    return await _changed(page, lambda: sign_in.change_role(page.merchant_id, staff_id, role, actor=actor(page)))


@pages.post("/console/settings/staff/{staff_id:int}/active")
async def set_staff_active(page: Page) -> Response:
    active = (await page.form()).get("active") == "1"
    staff_id = page.request.path_params["staff_id"]
    return await _changed(page, lambda: sign_in.set_active(page.merchant_id, staff_id, active, actor=actor(page)))


@pages.post("/console/settings/staff/{staff_id:int}/sign-in-link")
async def staff_sign_in_link(page: Page) -> Response:
    """A one-time sign-in link for the account (a new colleague, a forgotten password), shown once."""
    staff_id = page.request.path_params["staff_id"]
    account = next((a for a in await sign_in.list_staff(page.merchant_id) if a.id == staff_id), None)
    link = await sign_in.issue_staff_sign_in_link(page.merchant_id, staff_id)
    return await _staff_page(page, link_for=account, link_url=_sign_in_url(page, link.path))
