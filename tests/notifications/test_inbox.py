"""A partner's inbox and how they are told, through the partner API; the merchant's channels
through the merchant API; the email of each notice read back from a real SMTP server (and the SMS
from a local provider), in zh-Hans and en, once per event; the unsubscribe link."""

from __future__ import annotations

import re

import pytest

from accounts.models import AuditEntry
from accounts.service import partner_sessions
from core.senders.drivers import senders_for
from core.time import now
from notifications.kinds import Kind
from notifications.models import Notification, NotificationPreference
from notifications.service import Notice, notify
from relay import notify as deliverer
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_partner
from tests.mailbox import SMS_TEMPLATES, messaging_settings
from tests.pages.conftest import csrf_of

pytestmark = pytest.mark.usefixtures("database_url")

SECRET = "dev-secret-change-me"
PUBLIC_URL = "http://relay.test"


@pytest.fixture
async def senders(mailbox, sms_provider):
    settings = messaging_settings(mailbox, sms_provider)
    notices = {kind.value: f"SMS_{kind.value.upper()}" for kind in Kind}
    sms = settings["sms"].__class__(**{**{f: getattr(settings["sms"], f) for f in settings["sms"].__slots__},
                                       "templates": SMS_TEMPLATES | {f"notice_{k}": v for k, v in notices.items()}})
    made = senders_for(settings["email"], sms)
    yield made
    await made.aclose()


async def deliver(merchant_id: int, senders):
    return await deliverer.deliver_due(now(), senders=senders, secret=SECRET, public_url=PUBLIC_URL,
                                       merchant_id=merchant_id)


async def token_of(partner) -> dict[str, str]:
    started = await partner_sessions.start_session(partner.merchant_id, partner.id, device="test", via="code")
    return {"authorization": f"Bearer {started.token}"}


async def test_a_notice_is_in_the_inbox_with_its_words_and_the_unread_count(messaging_client):
    http = messaging_client
    merchant = await make_merchant(name="茶舍")
    partner = await make_partner(merchant.id, email="mei@example.com", locale="zh_Hans")
    await notify(merchant.id, [
        Notice(partner.id, Kind.payout_line, "line:1:paid", {"outcome": "paid", "amount_minor": 12345, "currency": "CNY"}),
        Notice(partner.id, Kind.points_credited, "points:1", {"points": 58}),
    ])
    headers = await token_of(partner)
    listed = await http.get("/api/v1/me/notifications", headers=headers)
    assert listed.status_code == 200, listed.text
    body = listed.json()
    assert body["unread"] == 2
    points, paid = body["items"]
    assert points["kind"] == "points_credited" and points["title"] == "已到账 58 积分"
    assert paid["title"] == "付款已到账：¥123.45" and "茶舍已向您付款 ¥123.45" in paid["text"]
    assert paid["params"] == {"outcome": "paid", "amount_minor": 12345, "currency": "CNY"}

    read = await http.post(f"/api/v1/me/notifications/{paid['id']}/read", headers=headers)
    assert read.status_code == 200 and read.json()["read_at"] is not None
    assert (await http.get("/api/v1/me/notifications", headers=headers)).json()["unread"] == 1
    assert (await http.post("/api/v1/me/notifications/read-all", headers=headers)).json() == {"read": 1}


async def test_another_partners_notice_is_404_and_stays_unread(messaging_client):
    http = messaging_client
    merchant = await make_merchant()
    mine, theirs = await make_partner(merchant.id), await make_partner(merchant.id)
    await notify(merchant.id, [Notice(theirs.id, Kind.points_credited, "points:9", {"points": 5})])
    their_notice = await Notification.get(merchant_id=merchant.id, partner_id=theirs.id)
    answer = await http.post(f"/api/v1/me/notifications/{their_notice.id}/read", headers=await token_of(mine))
    assert answer.status_code == 404 and answer.headers["content-type"] == "application/problem+json"
    assert (await Notification.get(id=their_notice.id)).read_at is None
    assert (await http.get("/api/v1/me/notifications", headers=await token_of(mine))).json()["items"] == []


async def test_the_same_event_reported_twice_is_one_notice_and_one_email(messaging_client, mailbox, senders):
    merchant = await make_merchant()
    partner = await make_partner(merchant.id, email="twice@example.com", locale="en")
    event = Notice(partner.id, Kind.commissions_available, "available:77", {"count": 3, "amount_minor": 1250,
                                                                           "currency": "CNY"})
    await notify(merchant.id, [event])
    await notify(merchant.id, [event])
    assert await Notification.filter(merchant_id=merchant.id).count() == 1
    first = await deliver(merchant.id, senders)
    again = await deliver(merchant.id, senders)
    assert (first.sent, again.claimed) == (1, 0)
    [mail] = await mailbox.wait_for("twice@example.com")
    assert mail.subject == "3 commissions became available: ¥12.50"
    assert len(mailbox.messages_to("twice@example.com")) == 1


@pytest.mark.parametrize("locale", ["zh_Hans", "en"])
async def test_every_kind_is_emailed_in_the_partners_language(messaging_client, mailbox, senders, locale):
    merchant = await make_merchant(name="Tea House")
    address = f"every-{locale.lower()}-{merchant.id}@example.com"
    partner = await make_partner(merchant.id, email=address, locale=locale)
    notices = [
        Notice(partner.id, Kind.application_decided, "application:1", {"decision": "approve"}),
        Notice(partner.id, Kind.order_attributed, "order:1", {"order": "SO-1", "amount_minor": 880, "currency": "CNY"}),
        Notice(partner.id, Kind.commissions_available, "available:1", {"count": 1, "amount_minor": 880,
                                                                        "currency": "CNY"}),
        Notice(partner.id, Kind.commission_reversed, "reversal:1", {"order": "SO-1", "amount_minor": 880,
                                                                     "currency": "CNY", "reason": "refund"}),
        Notice(partner.id, Kind.payout_line, "line:1:failed", {"outcome": "failed", "amount_minor": 880,
                                                                "currency": "CNY", "note": "account closed"}),
        Notice(partner.id, Kind.points_credited, "points:1", {"points": 12}),
    ]
    await notify(merchant.id, notices)
    assert (await deliver(merchant.id, senders)).sent == len(notices)
    mails = await mailbox.wait_for(address, count=len(notices))
    subjects = {mail.subject for mail in mails}
    if locale == "en":
        assert subjects == {"Your application is approved", "New order: ¥8.80 expected",
                            "A commission became available: ¥8.80", "A commission was reversed: ¥8.80",
                            "Payout failed: ¥8.80", "12 points credited"}
        reversal = next(mail for mail in mails if mail.subject.startswith("A commission was reversed"))
        assert "because the order was refunded" in reversal.text
    else:
        assert subjects == {"您的申请已通过", "新订单：预计佣金 ¥8.80", "1 笔佣金已可提现：¥8.80", "一笔佣金已退回：¥8.80",
                            "付款失败：¥8.80", "已到账 12 积分"}
        reversal = next(mail for mail in mails if mail.subject.startswith("一笔佣金已退回"))
        assert "订单已退款" in reversal.text
    for mail in mails:
        assert f"{PUBLIC_URL}/unsubscribe/" in mail.text


async def test_preferences_and_the_merchants_channels_decide_email_sms_or_the_inbox_only(
        messaging_client, mailbox, sms_provider, senders):
    http = messaging_client
    merchant = await make_merchant()
    partner = await make_partner(merchant.id, email="prefs@example.com", phone="+8613800138111")
    headers = await token_of(partner)
    refused = await http.put("/api/v1/me/notification-preferences", headers=headers,
                             json={"channels": {"payout_line": "sms"}})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "channels.payout_line"
    assert not await NotificationPreference.filter(merchant_id=merchant.id).exists()

    turned = await api(http, merchant, "PUT", "/api/v1/notification-channels", json={"email": True, "sms": True})
    assert turned.status_code == 200 and turned.json() == {"email": True, "sms": True}
    assert await AuditEntry.filter(merchant_id=merchant.id, action="notification_channels.update").exists()
    chosen = await http.put("/api/v1/me/notification-preferences", headers=headers,
                            json={"channels": {"payout_line": "sms", "points_credited": "inbox"}})
    assert chosen.status_code == 200, chosen.text
    assert chosen.json()["channels"]["payout_line"] == "sms" and chosen.json()["channels"]["order_attributed"] == "email"
    bad = await http.put("/api/v1/me/notification-preferences", headers=headers, json={"channels": {"nope": "sms"}})
    assert bad.status_code == 422

    sent_before = len(sms_provider.requests)
    await notify(merchant.id, [
        Notice(partner.id, Kind.payout_line, "line:5:paid", {"outcome": "paid", "amount_minor": 100, "currency": "CNY"}),
        Notice(partner.id, Kind.points_credited, "points:5", {"points": 3}),
        Notice(partner.id, Kind.order_attributed, "order:5", {"order": "A5", "amount_minor": 10, "currency": "CNY"}),
    ])
    done = await deliver(merchant.id, senders)
    assert (done.sent, done.inbox_only) == (2, 1)
    [sms] = sms_provider.requests[sent_before:]
    assert "+8613800138111" in sms.body.decode()
    [mail] = await mailbox.wait_for("prefs@example.com")
    assert mail.subject.startswith("新订单")

    # The merchant stops SMS: the partner's SMS choice now leaves the notice in the inbox only.
    await api(http, merchant, "PUT", "/api/v1/notification-channels", json={"email": True, "sms": False})
    await notify(merchant.id, [Notice(partner.id, Kind.payout_line, "line:6:paid",
                                      {"outcome": "paid", "amount_minor": 100, "currency": "CNY"})])
    assert (await deliver(merchant.id, senders)).inbox_only == 1
    assert len(sms_provider.requests) == sent_before + 1


async def test_the_unsubscribe_link_asks_then_stops_that_kind_only_without_signing_in(
        messaging_client, mailbox, senders):
    http = messaging_client
    merchant = await make_merchant()
    partner = await make_partner(merchant.id, email="unsub@example.com", locale="en")
    await notify(merchant.id, [Notice(partner.id, Kind.points_credited, "points:1", {"points": 1})])
    await deliver(merchant.id, senders)
    [mail] = await mailbox.wait_for("unsub@example.com")
    link = re.search(r"http://relay\.test(/unsubscribe/\S+)", mail.text).group(1)

    shown = await http.get(link, headers={"accept-language": "en"})
    assert shown.status_code == 200 and "Points are credited" in shown.text
    assert not await NotificationPreference.filter(merchant_id=merchant.id).exists()  # a GET changes nothing
    done = await http.post(link, data={"csrf_token": csrf_of(shown.text)})
    assert done.status_code == 200 and 'id="unsubscribed"' in done.text
    [preference] = await NotificationPreference.filter(merchant_id=merchant.id)
    assert (preference.kind, preference.channel) == ("points_credited", "inbox")

    await notify(merchant.id, [Notice(partner.id, Kind.points_credited, "points:2", {"points": 1}),
                               Notice(partner.id, Kind.payout_line, "line:2:paid",
                                      {"outcome": "paid", "amount_minor": 1, "currency": "CNY"})])
    done_round = await deliver(merchant.id, senders)
    assert (done_round.sent, done_round.inbox_only) == (1, 1)

    tampered = link.replace(f".{partner.id}.", f".{partner.id + 1}.")
    assert (await http.get(tampered)).status_code == 404
    assert (await http.get(link.replace("points_credited", "payout_line"))).status_code == 404


async def test_a_refused_address_is_given_up_and_a_temporary_failure_retried(messaging_client, mailbox, senders):
    merchant = await make_merchant()
    partner = await make_partner(merchant.id, email="refused@example.com")
    mailbox.refuse.add("refused@example.com")
    try:
        await notify(merchant.id, [Notice(partner.id, Kind.points_credited, "points:1", {"points": 1})])
        assert (await deliver(merchant.id, senders)).dead == 1
    finally:
        mailbox.refuse.discard("refused@example.com")
    row = await Notification.get(merchant_id=merchant.id)
    assert row.delivery == "dead" and "refused" in row.last_error


async def test_the_inbox_api_is_documented(messaging_client):
    paths = (await messaging_client.get("/openapi.json")).json()["paths"]
    for path in ("/api/v1/me/notifications", "/api/v1/me/notifications/{notification_id}/read",
                 "/api/v1/me/notifications/read-all", "/api/v1/me/notification-preferences",
                 "/api/v1/notification-channels"):
        assert path in paths, path
