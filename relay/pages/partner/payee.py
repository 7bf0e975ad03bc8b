"""Where my money goes: the partner's bank account or Alipay account (and legal name and resident
ID when the merchant withholds tax), shown masked. Changing details already given asks for the
code sent to the partner's phone or email: the first save sends it, the form comes back with the
typed details kept and a field for the code."""

from __future__ import annotations

from starlette.responses import Response

from payouts.errors import PayeeInvalid
from payouts.payee import PayeeMethod
from payouts.service import payees
from relay import payee_details
from relay.pages.i18n import N_
from relay.pages.partner import pages
from relay.pages.partner_sign_in import REFUSALS
from relay.pages.routing import Page
from relay.sign_in import CodeRefused

FIELDS = ("method", "account_name", "bank_name", "account_number", "legal_name", "resident_id")

#: payouts.payee's refusal codes in the partner's words.
PAYEE_WORDS = {
    "required": N_("Required."),
    "required_for_tax": N_("Required: the merchant withholds tax on your earnings and files it under this."),
    "text_expected": N_("This value is not valid."),
    "too_long": N_("At most %(max_length)s characters."),
    "method_unknown": N_("Choose one of the options."),
    "bank_number_digits": N_("Enter digits only (spaces and dashes are fine)."),
    "bank_number_length": N_("A bank account number has 8 to 30 digits."),
    "bank_card_length": N_("A UnionPay card number (starting with 62) has 16 to 19 digits."),
    "bank_card_luhn": N_("This is not a valid card number: check the digits."),
    "alipay_account": N_("Enter the mobile number or email of your Alipay account."),
    "resident_id_format": N_("A resident ID number has 18 characters: 17 digits and a digit or X."),
    "resident_id_birth_date": N_("The date of birth in this ID number (characters 7 to 14) is not a real date."),
    "resident_id_checksum": N_("This is not a valid resident ID number: check the characters."),
}
NO_ADDRESS = N_("We have no phone or email to send you a code. Ask the merchant to add one.")
METHODS = {PayeeMethod.bank.value: N_("Bank account or card"), PayeeMethod.alipay.value: N_("Alipay")}


async def _render(page: Page, form: dict, errors: dict, *, status: int = 200, code_sent_to: str | None = None
                  ) -> Response:
    current = await payee_details.my_payee(page.merchant_id, page.partner_id)
    return page.render(
        "partner/payee.html", status=status, current=current, form=form, errors=errors, code_sent_to=code_sent_to,
        tax_required=await payees.tax_details_required(page.merchant_id),
        methods=[(value, page.gettext(label)) for value, label in METHODS.items()], method_names=METHODS,
    )


@pages.get("/p/payee", nav=N_("Payee details"))
async def payee(page: Page) -> Response:
    return await _render(page, {"method": PayeeMethod.bank.value}, {})


@pages.post("/p/payee")
async def save_payee(page: Page) -> Response:
    form = {name: str(value) for name, value in (await page.form()).items()}
    values = {name: form.get(name, "") for name in FIELDS}
    settings, state = page.request.app.state.settings, page.request.app.state
    try:
        await payee_details.change_payee(page.merchant_id, page.partner_id, values, form.get("code", "").strip() or None,
                                         secret=settings.secret_key)
    except PayeeInvalid as refused:
        errors: dict[str, str] = {}
        for refusal in refused.refusals:
            words = page.gettext(PAYEE_WORDS.get(refusal.code, N_("This value is not valid.")))
            errors.setdefault(refusal.field, words % refusal.params if "%(" in words else words)
        return await _render(page, form, errors, status=422)
    except payee_details.CodeNeeded:
        client = page.request.client
        try:
            sent = await payee_details.send_change_code(
                page.merchant_id, page.partner_id, secret=settings.secret_key, senders=state.senders,
                locale=page.locale, limits=state.rate_limits, ip=client.host if client else "",
            )
        except payee_details.NoAddress:
            return await _render(page, form, {"code": page.gettext(NO_ADDRESS)}, status=422)
        form["code"] = ""
        return await _render(page, form, {}, code_sent_to=sent.sent_to)
    except CodeRefused as refused:
        form["code"] = ""
        message = page.gettext(REFUSALS[refused.refusal.value], tries=refused.tries_left)
        return await _render(page, form, {"code": message}, status=422, code_sent_to="")
    except payee_details.NoAddress:
        return await _render(page, form, {"code": page.gettext(NO_ADDRESS)}, status=422)
    page.flash(page.gettext("Payee details saved."), "success")
    return page.redirect(page.url("partner.payee"))
