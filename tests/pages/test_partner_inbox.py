"""The partner's inbox in the portal: the unread count beside the nav item, a notice opened (and
read) in the partner's language, another partner's notice 404, how they are told chosen within
the merchant's channels (set in the console's settings, audited); in Chromium at phone width."""

from __future__ import annotations

from accounts.models import AuditEntry
from notifications.kinds import Kind
from notifications.models import Notification, NotificationPreference
from notifications.service import Notice, notify
from notifications.service.preferences import merchant_channels
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_partner
from tests.pages.conftest import PHONE, client_as_partner, client_as_staff, csrf_of, make_staff, screenshot

ZH = {"accept-language": "zh-CN"}
EN = {"accept-language": "en"}


def paid(partner_id: int, line: int, minor: int = 12345) -> Notice:
    return Notice(partner_id, Kind.payout_line, f"line:{line}:paid",
                  {"outcome": "paid", "amount_minor": minor, "currency": "CNY"})


async def test_the_inbox_shows_the_unread_count_and_a_notice_opened_is_read(client):
    merchant = await make_merchant(name="茶舍")
    partner = await make_partner(merchant.id)
    await notify(merchant.id, [paid(partner.id, 1), Notice(partner.id, Kind.points_credited, "points:1", {"points": 58})])
    await client_as_partner(client, merchant.id, partner.id)

    home = (await client.get("/p/", headers=ZH)).text
    assert 'aria-label="2 条未读">2</span>' in home and ">消息" in home
    inbox = (await client.get("/p/inbox", headers=ZH)).text
    assert "付款已到账：¥123.45" in inbox and "已到账 58 积分" in inbox
    notice = await Notification.get(merchant_id=merchant.id, kind="payout_line")
    opened = await client.get(f"/p/inbox/{notice.id}", headers=EN)
    assert opened.status_code == 200 and "Tea" not in opened.text
    assert "Payout paid: ¥123.45" in opened.text and "茶舍 has paid you ¥123.45." in opened.text
    assert 'aria-label="1 unread">1</span>' in opened.text
    assert (await Notification.get(id=notice.id)).read_at is not None

    done = await client.post("/p/inbox/read-all", data={"csrf_token": csrf_of(opened.text)})
    assert done.status_code == 303
    assert "badge count" not in (await client.get("/p/inbox", headers=EN)).text


async def test_another_partners_notice_is_the_404_page(client):
    merchant = await make_merchant()
    mine, theirs = await make_partner(merchant.id), await make_partner(merchant.id)
    await notify(merchant.id, [paid(theirs.id, 1)])
    theirs_notice = await Notification.get(merchant_id=merchant.id, partner_id=theirs.id)
    await client_as_partner(client, merchant.id, mine.id)
    answer = await client.get(f"/p/inbox/{theirs_notice.id}", headers=ZH)
    assert answer.status_code == 404 and "text/html" in answer.headers["content-type"]
    assert (await Notification.get(id=theirs_notice.id)).read_at is None


async def test_the_partner_chooses_how_they_are_told_among_the_channels_offered(client):
    merchant = await make_merchant()
    partner = await make_partner(merchant.id, email="choose@example.com")
    await client_as_partner(client, merchant.id, partner.id)
    shown = await client.get("/p/inbox/settings", headers=ZH)
    assert shown.status_code == 200 and "积分到账时" in shown.text and "仅在消息中" in shown.text
    assert 'value="sms"' not in shown.text  # the merchant sends no SMS
    refused = await client.post("/p/inbox/settings", headers=ZH,
                                data={"csrf_token": csrf_of(shown.text), "payout_line": "sms"})
    assert refused.status_code == 422 and "请从提供的方式中选择一种。" in refused.text
    assert not await NotificationPreference.filter(merchant_id=merchant.id).exists()
    saved = await client.post("/p/inbox/settings", data={"csrf_token": csrf_of(shown.text), "points_credited": "inbox"})
    assert saved.status_code == 303
    [chosen] = await NotificationPreference.filter(merchant_id=merchant.id)
    assert (chosen.kind, chosen.channel) == ("points_credited", "inbox")
    assert await AuditEntry.filter(merchant_id=merchant.id, action="notification_preferences.update",
                                   actor_kind="partner").exists()


async def test_the_merchant_turns_on_sms_in_the_console_settings_audited(client):
    merchant = await make_merchant()
    staff = await make_staff(merchant.id, "admin")
    await client_as_staff(client, staff)
    shown = await client.get("/console/settings", headers=ZH)
    assert "通知推广员" in shown.text and "通过短信" in shown.text
    saved = await client.post("/console/settings/notifications",
                              data={"csrf_token": csrf_of(shown.text), "email": "1", "sms": "1"})
    assert saved.status_code == 303
    assert (await merchant_channels(merchant.id)).sms
    [entry] = await AuditEntry.filter(merchant_id=merchant.id, action="notification_channels.update")
    assert (entry.actor_kind, entry.after) == ("staff", {"email": True, "sms": True})


async def test_a_partner_reads_a_notice_on_a_phone_in_chinese(new_page):
    merchant = await make_merchant(name="茶舍")
    partner = await make_partner(merchant.id, display_name="林梅")
    await notify(merchant.id, [paid(partner.id, 1, 880), Notice(partner.id, Kind.commission_reversed, "reversal:1", {
        "order": "SO-1", "amount_minor": 500, "currency": "CNY", "reason": "refund"})])
    from tests.pages.conftest import sign_in_partner

    page = await new_page("zh-CN")
    await page.set_viewport_size(PHONE)
    await sign_in_partner(page, merchant.id, partner.id)
    assert await page.locator("nav.main .badge.count").inner_text() == "2"
    await page.click("nav.main >> text=消息")
    await screenshot(page, "partner-inbox-zh")
    await page.click("text=一笔佣金已退回：¥5.00")
    assert "原因：订单已退款" in await page.locator("#notice").inner_text()
    assert await page.locator("nav.main .badge.count").inner_text() == "1"
    await screenshot(page, "partner-notice-zh")
