"""What happened, told to the partner: the inbox (every notice, the unread count beside the nav
item), one notice (read when opened), and how each kind is also sent (email, SMS or the inbox
only), within what the merchant sends by."""

from __future__ import annotations

from starlette.responses import Response

from accounts.service.audit import Actor
from core.errors import InvalidInput
from notifications.kinds import Channel, Kind
from notifications.service import inbox as notices
from notifications.service import preferences
from relay.pages.i18n import N_
from relay.pages.mail.notices import KIND_LABELS, notice_message
from relay.pages.partner import pages
from relay.pages.routing import Page

#: Notices per page of the inbox.
PAGE_SIZE = 30
CHANNEL_LABELS = {Channel.inbox: N_("Inbox only"), Channel.email: N_("Email"), Channel.sms: N_("SMS")}


def _message(page: Page, notice: notices.NoticeInfo):
    assert page.merchant is not None
    return notice_message(notice.kind, notice.params, locale=page.locale, merchant=page.merchant.name)


@pages.get("/p/inbox", nav=N_("Inbox"))
async def inbox(page: Page) -> Response:
    found = await notices.inbox(page.merchant_id, page.partner_id, limit=PAGE_SIZE, before_id=page.query_id("before"))
    return page.render("partner/inbox.html", notices=[(notice, _message(page, notice)) for notice in found],
                       more=len(found) == PAGE_SIZE)


@pages.get("/p/inbox/{notification_id:int}")
async def notice(page: Page) -> Response:
    """Opening a notice marks it read; another partner's is the 404 page."""
    found = await notices.read_notice(page.merchant_id, page.partner_id, page.request.path_params["notification_id"])
    if page.badges.get("partner.inbox"):  # counted before it was read
        page.badges["partner.inbox"] = await notices.unread_count(page.merchant_id, page.partner_id)
    return page.render("partner/notice.html", notice=found, message=_message(page, found))


@pages.post("/p/inbox/read-all")
async def read_all(page: Page) -> Response:
    await notices.read_all(page.merchant_id, page.partner_id)
    return page.redirect(page.url("partner.inbox"))


async def _settings(page: Page, chosen: dict[Kind, Channel], errors: dict[str, str] | None = None) -> Response:
    enabled = await preferences.merchant_channels(page.merchant_id)
    offered = [Channel.inbox] + [c for c, on in ((Channel.email, enabled.email), (Channel.sms, enabled.sms)) if on]
    return page.render(
        "partner/notice_settings.html", status=422 if errors else 200, errors=errors or {},
        kinds=[(kind, page.gettext(KIND_LABELS[kind]), chosen[kind].value) for kind in Kind],
        options=[(channel.value, page.gettext(CHANNEL_LABELS[channel])) for channel in offered],
        enabled=enabled, partner=page.partner,
    )


@pages.get("/p/inbox/settings")
async def notice_settings(page: Page) -> Response:
    return await _settings(page, await preferences.preferences(page.merchant_id, page.partner_id))


@pages.post("/p/inbox/settings")
async def save_notice_settings(page: Page) -> Response:
    form = await page.form()
    current = await preferences.preferences(page.merchant_id, page.partner_id)
    chosen, errors = dict(current), {}
    for kind in Kind:
        value = str(form.get(kind.value) or current[kind].value)
        if value not in Channel.__members__:
            errors[kind.value] = page.gettext("Choose one of the channels offered.")
        else:
            chosen[kind] = Channel(value)
    if not errors:
        try:
            await preferences.set_preferences(page.merchant_id, page.partner_id, chosen,
                                              actor=Actor.partner(page.partner_id))
        except InvalidInput as refused:
            errors = {error["field"].removeprefix("channels."): page.gettext("Choose one of the channels offered.")
                      for error in refused.extra["errors"]}
    if errors:
        return await _settings(page, chosen, errors)
    page.flash(page.gettext("Saved."), "success")
    return page.redirect(page.url("partner.notice_settings"))
