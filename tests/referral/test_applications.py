"""Applications to a partner program through the API: the program says what to give; an
application makes a pending partner (recruited by the inviter), or an active one when the program
approves automatically; the same person applying twice gets their application back; bad input is
refused on its field and writes nothing; the merchant approves, rejects with a reason, or asks,
each audited; the applicant reads and answers through their own session."""

from __future__ import annotations

import pytest

from accounts.models import AuditEntry
from accounts.service import partner_sessions
from referral.models import Partner, PartnerApplication
from tests.factories.merchants import api, make_merchant
from tests.factories.referral import make_partner

pytestmark = pytest.mark.usefixtures("database_url")


@pytest.fixture
def client(messaging_client):
    """The app with the application limits off (tests/relay/test_ratelimits.py tests them)."""
    return messaging_client

PROGRAM = {
    "review": "manual", "contact_required": "phone",
    "kinds": [{"code": "parent", "zh_Hans": "全职妈妈", "en": "Stay-at-home parent"},
              {"code": "sales_guide", "zh_Hans": "导购", "en": "Sales guide"}],
    "questions": [{"id": "community", "zh_Hans": "您所在的小区", "en": "Your neighbourhood", "required": True},
                  {"id": "followers", "zh_Hans": "微信好友数", "en": "WeChat friends", "required": False}],
    "agreement": {"zh_Hans": "推广员协议全文", "en": "The partner agreement"},
}


def application(**overrides):
    return {"display_name": "王芳", "kind": "parent", "phone": "13800138100", "answers": {"community": "阳光花园"},
            "accepted_agreement_version": 1, "locale": "zh_Hans"} | overrides


async def program_merchant(client, **changes):
    merchant = await make_merchant()
    answer = await api(client, merchant, "PUT", "/api/v1/partner-program", json=PROGRAM | changes)
    assert answer.status_code == 200, answer.text
    return merchant


async def apply(client, merchant_id, body):
    return await client.post(f"/api/v1/merchants/{merchant_id}/applications", json=body)


async def test_the_program_is_public_with_labels_and_its_agreement_version(client):
    merchant = await program_merchant(client)
    seen = await client.get(f"/api/v1/merchants/{merchant.id}/partner-program")
    assert seen.status_code == 200
    assert seen.json()["agreement_version"] == 1 and seen.json()["kinds"][0]["zh_Hans"] == "全职妈妈"
    again = await api(client, merchant, "PUT", "/api/v1/partner-program",
                      json=PROGRAM | {"agreement": {"zh_Hans": "新协议", "en": "New agreement"}})
    assert again.json()["agreement_version"] == 2
    same = await api(client, merchant, "PUT", "/api/v1/partner-program", json=PROGRAM | {"review": "auto"} |
                     {"agreement": {"zh_Hans": "新协议", "en": "New agreement"}})
    assert same.json()["agreement_version"] == 2  # the text did not change
    assert await AuditEntry.filter(merchant_id=merchant.id, action="partner_program.update").count() == 3
    default = await client.get(f"/api/v1/merchants/{(await make_merchant()).id}/partner-program")
    assert [k["code"] for k in default.json()["kinds"]] == [
        "parent", "property_manager", "sales_guide", "service_outlet", "customer"]
    assert (await client.get(f"/api/v1/merchants/{10**15}/partner-program")).status_code == 404


async def test_an_application_through_an_invite_makes_a_pending_partner_recruited_by_the_inviter(client):
    merchant = await program_merchant(client)
    inviter = await make_partner(merchant.id, display_name="林梅")
    answer = await apply(client, merchant.id, application(invite_code=inviter.code.lower()))
    assert answer.status_code == 200, answer.text
    assert answer.json() == answer.json() | {"created": True, "status": "pending", "partner_code": None}
    row = await PartnerApplication.get(id=answer.json()["application_id"])
    partner = await Partner.get(id=row.partner_id)
    assert (partner.status, partner.recruiter_id, partner.phone, partner.locale) == (
        "pending", inviter.id, "+8613800138100", "zh_Hans")
    assert row.agreement_version == 1 and row.agreement_accepted_at is not None
    assert row.answers == {"community": "阳光花园"}


async def test_the_same_person_applying_again_gets_their_application_and_nothing_is_written(client):
    merchant = await program_merchant(client)
    first = await apply(client, merchant.id, application(email="wf@example.com"))
    for again in (application(display_name="Other"), application(phone="13800138199", email="WF@example.com")):
        answer = await apply(client, merchant.id, again)
        assert answer.status_code == 200
        assert answer.json()["created"] is False
        assert answer.json()["application_id"] == first.json()["application_id"]
    assert await Partner.filter(merchant_id=merchant.id).count() == 1


async def test_a_program_that_approves_automatically_makes_an_active_partner(client):
    merchant = await program_merchant(client, review="auto")
    answer = await apply(client, merchant.id, application())
    assert answer.json()["status"] == "approved" and answer.json()["partner_code"]
    partner = await Partner.get(merchant_id=merchant.id, code=answer.json()["partner_code"])
    assert partner.status == "active"


@pytest.mark.parametrize(("changes", "field"), [
    ({"phone": None}, "phone"),
    ({"phone": "12345"}, "phone"),
    ({"email": "not-an-email"}, "email"),
    ({"kind": "astronaut"}, "kind"),
    ({"kind": "NOT A CODE!"}, "kind"),
    ({"answers": {}}, "answers.community"),
    ({"answers": {"community": "x", "unknown": "y"}}, "answers.unknown"),
    ({"answers": {"community": "x" * 1001}}, "answers.community"),
    ({"accepted_agreement_version": None}, "accepted_agreement_version"),
    ({"accepted_agreement_version": 0}, "accepted_agreement_version"),
    ({"display_name": "  "}, "display_name"),
    ({"locale": "fr"}, "locale"),
    ({"extra": True}, "extra"),
])
async def test_an_application_falling_short_is_refused_on_its_field_and_writes_nothing(client, changes, field):
    merchant = await program_merchant(client)
    answer = await apply(client, merchant.id, {k: v for k, v in (application() | changes).items() if v is not None})
    assert answer.status_code == 422, answer.text
    assert field in [error["field"] for error in answer.json()["errors"]]
    assert not await Partner.filter(merchant_id=merchant.id).exists()


async def test_an_unknown_or_inactive_inviter_or_merchant_is_404(client):
    merchant = await program_merchant(client)
    inactive = await make_partner(merchant.id, status="pending")
    theirs = await make_partner((await make_merchant()).id)
    for code in ("ZZZZZZZZ", inactive.code, theirs.code):
        answer = await apply(client, merchant.id, application(invite_code=code))
        assert answer.status_code == 404, answer.text
    assert (await apply(client, 10**15, application())).status_code == 404
    assert await Partner.filter(merchant_id=merchant.id).count() == 1


async def test_the_merchant_asks_the_applicant_answers_and_the_merchant_decides_each_audited(client):
    merchant = await program_merchant(client)
    applied = await apply(client, merchant.id, application())
    application_id = applied.json()["application_id"]
    queue = await api(client, merchant, "GET", "/api/v1/applications?status=pending")
    assert [a["id"] for a in queue.json()["items"]] == [application_id]

    empty = await api(client, merchant, "POST", f"/api/v1/applications/{application_id}/request-info",
                      json={"message": " "})
    assert empty.status_code == 422 and empty.json()["errors"][0]["field"] == "message"
    asked = await api(client, merchant, "POST", f"/api/v1/applications/{application_id}/request-info",
                      json={"message": "您在哪个门店？"})
    assert asked.json()["status"] == "needs_info"

    row = await PartnerApplication.get(id=application_id)
    token = (await partner_sessions.start_session(merchant.id, row.partner_id, device="t", via="code")).token
    mine = await client.get("/api/v1/me/application", headers={"authorization": f"Bearer {token}"})
    assert mine.json()["info_request"] == "您在哪个门店？"
    answered = await client.post("/api/v1/me/application/answer", json={"note": "南京路店"},
                                 headers={"authorization": f"Bearer {token}"})
    assert answered.json()["status"] == "pending" and answered.json()["applicant_note"] == "南京路店"
    again = await client.post("/api/v1/me/application/answer", json={"note": "x"},
                              headers={"authorization": f"Bearer {token}"})
    assert again.status_code == 409

    no_reason = await api(client, merchant, "POST", f"/api/v1/applications/{application_id}/reject", json={})
    assert no_reason.status_code == 422 and no_reason.json()["errors"][0]["field"] == "reason"
    rejected = await api(client, merchant, "POST", f"/api/v1/applications/{application_id}/reject",
                         json={"reason": "本期名额已满"})
    assert rejected.json()["status"] == "rejected" and rejected.json()["partner_status"] == "rejected"
    assert (await client.get("/api/v1/me/application", headers={"authorization": f"Bearer {token}"})).json()[
        "reason"] == "本期名额已满"
    closed = await api(client, merchant, "POST", f"/api/v1/applications/{application_id}/approve")
    assert closed.status_code == 409
    actions = await AuditEntry.filter(merchant_id=merchant.id, subject_type="partner_application").values_list(
        "action", flat=True)
    assert sorted(actions) == ["partner_application.reject", "partner_application.request_info"]


async def test_approving_makes_the_partner_active_and_another_merchants_application_is_404(client):
    merchant, other = await program_merchant(client), await make_merchant()
    application_id = (await apply(client, merchant.id, application())).json()["application_id"]
    assert (await api(client, other, "POST", f"/api/v1/applications/{application_id}/approve")).status_code == 404
    assert (await api(client, other, "GET", f"/api/v1/applications/{application_id}")).status_code == 404
    approved = await api(client, merchant, "POST", f"/api/v1/applications/{application_id}/approve")
    assert approved.json()["status"] == "approved" and approved.json()["partner_status"] == "active"
    assert await AuditEntry.filter(merchant_id=merchant.id, action="partner_application.approve").exists()


async def test_a_partner_approved_from_the_partner_list_has_their_application_approved_too(client):
    merchant = await program_merchant(client)
    application_id = (await apply(client, merchant.id, application())).json()["application_id"]
    partner_id = (await PartnerApplication.get(id=application_id)).partner_id
    await api(client, merchant, "PATCH", f"/api/v1/partners/{partner_id}", json={"status": "active"})
    assert (await PartnerApplication.get(id=application_id)).status == "approved"


@pytest.mark.parametrize(("body", "field"), [
    ({"kinds": []}, "kinds"),
    ({"kinds": [{"code": "a", "zh_Hans": "甲", "en": "A"}, {"code": "a", "zh_Hans": "乙", "en": "B"}]}, ""),
    ({"kinds": [{"code": "a", "zh_Hans": "", "en": "A"}]}, "kinds.0.zh_Hans"),
    ({"agreement": {"zh_Hans": "只有中文"}}, "agreement"),
    ({"review": "sometimes"}, "review"),
    ({"contact_required": "fax"}, "contact_required"),
])
async def test_a_bad_program_is_refused_on_its_field_and_changes_nothing(client, body, field):
    merchant = await make_merchant()
    answer = await api(client, merchant, "PUT", "/api/v1/partner-program", json=PROGRAM | body)
    assert answer.status_code == 422, answer.text
    assert any(error["field"].startswith(field) for error in answer.json()["errors"])
    assert (await api(client, merchant, "GET", "/api/v1/partner-program")).json()["agreement_version"] == 0


async def test_applications_are_rate_limited_per_client_ip_and_nothing_is_written_past_the_limit(database_url):
    from relay.settings import Settings
    from tests.conftest import asgi_client, running

    merchant = await make_merchant()
    limits = {"join_ip": "2/minute", "join_merchant": "off"}
    async with running(Settings(database_url=database_url, manage_database=False, rate_limits=limits)) as app:
        async with asgi_client(app, "198.51.100.99") as http:
            bodies = [application(phone=f"1380013820{n}", answers={}, accepted_agreement_version=None) for n in range(3)]
            answers = [await apply(http, merchant.id, body) for body in bodies]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert int(answers[2].headers["retry-after"]) >= 1
    assert await Partner.filter(merchant_id=merchant.id).count() == 2
