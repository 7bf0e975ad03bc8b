"""The sender port's drivers against real servers started by the test: SMTP (aiosmtpd) and a
template SMS provider (a local HTTP server), and the configuration that chooses them."""

from __future__ import annotations

import logging

import pytest

from core.senders import Email, SendFailed, Sms
from core.senders.config import (
    EmailConfig,
    SenderConfigError,
    SmsConfig,
    email_config_from_env,
    sms_config_from_env,
)
from core.senders.drivers import senders_for
from core.senders.email import LogEmail, SmtpEmail
from core.senders.sms import HttpTemplateSms, LogSms, signature
from tests.mailbox import SmsProvider, running_mailbox


def smtp(port: int, **overrides) -> SmtpEmail:
    return SmtpEmail(EmailConfig(driver="smtp", sender="Relay <no-reply@relay.test>", smtp_host="127.0.0.1",
                                 smtp_port=port, smtp_security="none", **overrides))


async def test_an_email_in_chinese_arrives_at_the_smtp_server_as_sent():
    with running_mailbox() as box:
        await smtp(box.port).send_email(Email("lin@example.com", "验证码", "您的验证码是 123456，10 分钟内有效。"))
        [got] = await box.wait_for("lin@example.com")
    assert got.subject == "验证码"
    assert got.text.strip() == "您的验证码是 123456，10 分钟内有效。"
    assert str(got.message["From"]) == "Relay <no-reply@relay.test>"


async def test_smtp_logs_in_with_the_configured_user():
    with running_mailbox(auth=True) as box:
        await smtp(box.port, smtp_username="relay", smtp_password="secret").send_email(
            Email("a@example.com", "Hi", "text"))
        await box.wait_for("a@example.com")
    assert box.logins == [("relay", "secret")]


async def test_a_refused_recipient_is_a_permanent_failure():
    with running_mailbox() as box:
        box.refuse.add("gone@example.com")
        with pytest.raises(SendFailed) as failed:
            await smtp(box.port).send_email(Email("gone@example.com", "Hi", "text"))
    assert failed.value.permanent and box.received == []


async def test_no_smtp_server_is_a_failure_to_retry():
    from tests.servers import free_port

    with pytest.raises(SendFailed) as failed:
        await smtp(free_port(), timeout_seconds=2).send_email(Email("a@example.com", "Hi", "text"))
    assert not failed.value.permanent


def sms_config(url: str, **overrides) -> SmsConfig:
    values = {"driver": "http", "url": url, "key_id": "k1", "secret": "s3cret", "sign_name": "茶舍",
              "templates": {"sign_in_code": "SMS_100"}} | overrides
    return SmsConfig(**values)


async def test_an_sms_is_a_signed_template_request_to_the_provider():
    with SmsProvider() as provider:
        driver = HttpTemplateSms(sms_config(provider.url))
        await driver.send_sms(Sms("+8613800138000", "sign_in_code", {"code": "123456"}, "验证码 123456"))
        await driver.aclose()
    [request] = provider.requests
    assert request.json == {"phone": "+8613800138000", "sign_name": "茶舍", "template_id": "SMS_100",
                            "params": {"code": "123456"}}
    headers = request.headers
    assert headers["x-relay-key"] == "k1"
    # The provider recomputes the signature from what it received.
    assert headers["x-relay-signature"] == signature("s3cret", headers["x-relay-timestamp"],
                                                     headers["x-relay-nonce"], request.body)
    assert headers["x-relay-signature"] != signature("other", headers["x-relay-timestamp"],
                                                     headers["x-relay-nonce"], request.body)


@pytest.mark.parametrize(("status", "permanent"), [(400, True), (403, True), (429, False), (500, False), (503, False)])
async def test_a_provider_refusal_says_whether_to_retry(status, permanent):
    with SmsProvider() as provider:
        provider.status = status
        driver = HttpTemplateSms(sms_config(provider.url))
        with pytest.raises(SendFailed) as failed:
            await driver.send_sms(Sms("+8613800138000", "sign_in_code", {"code": "1"}, "x"))
        await driver.aclose()
    assert failed.value.permanent is permanent


async def test_a_message_kind_without_a_template_is_not_sent():
    with SmsProvider() as provider:
        driver = HttpTemplateSms(sms_config(provider.url))
        with pytest.raises(SendFailed) as failed:
            await driver.send_sms(Sms("+8613800138000", "payout_paid", {}, "x"))
        await driver.aclose()
    assert failed.value.permanent and provider.requests == []


async def test_the_log_drivers_write_the_whole_message_to_the_log(caplog):
    caplog.set_level(logging.INFO, logger="relay.senders")
    await LogEmail().send_email(Email("a@example.com", "Subject", "code 654321"))
    await LogSms().send_sms(Sms("+8613800138000", "sign_in_code", {"code": "112233"}, "验证码 112233"))
    assert "code 654321" in caplog.text and "验证码 112233" in caplog.text


def test_the_drivers_follow_the_environment():
    assert email_config_from_env({}).driver == "log"
    assert email_config_from_env({"RELAY_SMTP_HOST": "smtp.example.com"}).driver == "smtp"
    assert sms_config_from_env({}).driver == "log"
    config = sms_config_from_env({"RELAY_SMS_DRIVER": "http", "RELAY_SMS_URL": "https://sms.example.com/send",
                                  "RELAY_SMS_SECRET": "x", "RELAY_SMS_TEMPLATES": "sign_in_code=SMS_1, payout_paid=SMS_2"})
    assert dict(config.templates) == {"sign_in_code": "SMS_1", "payout_paid": "SMS_2"}
    senders = senders_for(email_config_from_env({}), config)
    assert isinstance(senders.email, LogEmail) and isinstance(senders.sms, HttpTemplateSms)


@pytest.mark.parametrize(("environ", "named"), [
    ({"RELAY_EMAIL_DRIVER": "smtp"}, "RELAY_SMTP_HOST"),
    ({"RELAY_EMAIL_DRIVER": "pigeon"}, "RELAY_EMAIL_DRIVER"),
    ({"RELAY_SMTP_HOST": "h", "RELAY_SMTP_SECURITY": "ssl3"}, "RELAY_SMTP_SECURITY"),
    ({"RELAY_SMTP_HOST": "h", "RELAY_SMTP_PORT": "x"}, "RELAY_SMTP_PORT"),
])
def test_a_bad_email_setting_names_its_variable(environ, named):
    with pytest.raises(SenderConfigError, match=named):
        email_config_from_env(environ)


@pytest.mark.parametrize(("environ", "named"), [
    ({"RELAY_SMS_DRIVER": "http"}, "RELAY_SMS_URL"),
    ({"RELAY_SMS_DRIVER": "http", "RELAY_SMS_URL": "ftp://x", "RELAY_SMS_SECRET": "s"}, "RELAY_SMS_URL"),
    ({"RELAY_SMS_DRIVER": "http", "RELAY_SMS_URL": "https://x"}, "RELAY_SMS_SECRET"),
    ({"RELAY_SMS_TEMPLATES": "sign_in_code"}, "RELAY_SMS_TEMPLATES"),
])
def test_a_bad_sms_setting_names_its_variable(environ, named):
    with pytest.raises(SenderConfigError, match=named):
        sms_config_from_env(environ)
