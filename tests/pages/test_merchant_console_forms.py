"""The merchant console in process: the rule editor's form <-> rule set mapping (exact round trip,
errors next to their fields), and its pages through the real app (scoping, CSRF, CSV)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime

import pytest

from commissions.rules.ruleset import CODES, dump_rule_set, parse_rule_set
from commissions.service import rule_sets
from commissions.service.earning import commission_order
from core.errors import InvalidInput
from relay.pages.console import rule_errors, rule_form
from relay.pages.i18n import LOCALES, translations
from tests.factories.commissions import make_order, percent_rule, publish_rule_set
from tests.factories.merchants import make_merchant
from tests.factories.referral import make_click, make_link, make_partner
from tests.pages.conftest import client_as_staff, csrf_of, make_staff

EVERYTHING = {
    "rules": [
        {"id": "toys", "name": "Toys in store", "level": 1, "settle_as": "points",
         "conditions": {"skus": ["A1", "B 2"], "categories": ["toys"], "partner_kinds": ["parent"],
                        "channel": "store", "scenes": ["personal", "service"], "first_order": False,
                        "min_subtotal": "100.50", "date_from": "2026-01-01", "date_to": "2026-12-31",
                        "days_of_month": [1, 15], "weekdays": ["sat", 7], "timezone": "Asia/Shanghai"},
         "reward": {"percent": "12.50"}},
        {"id": "tiers", "level": 2, "reward": {"tiers": [{"min_month_net": 0, "percent": "5"},
                                                          {"min_month_net": 100000, "percent": "7.5"}]}},
        {"id": "unit", "level": 1, "conditions": {"first_order": True}, "reward": {"flat_per_unit": 250}},
        {"id": "order", "level": 1, "reward": {"flat_per_order": "5"}, "partial_refund": "prorate"},
    ],
    "modifiers": [{"name": "weekend", "level": 1, "conditions": {"weekdays": [6, 7]}, "multiply": "1.5"},
                  {"multiply": "0"}],
    "caps": {"per_order": {"cash": 10000, "level": 1}, "per_partner_month": {"cash": 1, "points": 500}},
    "customer_incentive": {"percent": "5", "first_order_only": True},
}


def normalised(content: dict) -> dict:
    return dump_rule_set(parse_rule_set(content, currency="CNY", known_groups=["vip"]))


def test_every_field_the_form_shows_reads_back_exactly():
    stored = normalised(EVERYTHING)
    fields = rule_form.to_fields(stored, "CNY")
    assert fields["rules-0-weekdays"] == ["6", "7"] and fields["rules-0-min_subtotal"] == "100.50"
    assert fields["rules-1-tier-1-min_month_net"] == "1000.00" and fields["rules-2-reward_value"] == "2.50"
    assert "rules-0-extra" not in fields  # everything of the first rule has a form field
    assert (fields["caps-per_order-level"], "caps-per_partner_month-level" in fields) == ("1", False)
    assert fields["rules-3-partial_refund"] == "prorate" and "rules-3-extra" not in fields
    assert (fields["incentive-kind"], fields["incentive-value"], fields["incentive-first_order_only"]) == ("percent", "5", "1")
    assert "extra" not in fields  # the checkout incentive is a form too, not JSON
    assert rule_form.to_content(fields, "CNY") == stored
    # what the browser sends back: every input as text, checkboxes as lists
    assert normalised(rule_form.to_content(fields, "CNY")) == stored


def test_what_the_form_cannot_show_is_kept_as_json_and_put_back_unchanged():
    stored = normalised({
        "rules": [{"id": "a", "level": 1, "conditions": {"scenes": ["service", "personal"], "skus": ["X"]},
                   "reward": {"percent": "10"}},
                  {"id": "b", "level": 1, "reward": {"flat_per_order": 500}, "partial_refund": "keep"}],
        "customer_incentive": {"amount": 500, "min_subtotal": "30"},
    })
    fields = rule_form.to_fields(stored, "CNY")
    assert '"scenes": ["service", "personal"]' in fields["rules-0-extra"]  # checkboxes would reorder them
    assert "rules-0-scenes" not in fields and fields["rules-0-skus"] == "X"
    assert (fields["incentive-kind"], fields["incentive-value"], fields["incentive-min_subtotal"],
            fields["incentive-first_order_only"]) == ("amount", "5.00", "30.00", "")
    assert fields["rules-1-extra"] == '{"partial_refund": "keep"}'  # blank already means keep: stated, it is kept
    assert rule_form.to_content(fields, "CNY") == stored
    # JPY has no minor digits: the round trip holds in any currency
    yen = dump_rule_set(parse_rule_set({"rules": [percent_rule("a", "1", conditions={"min_subtotal": 1000})]},
                                       currency="JPY", known_groups=[]))
    assert rule_form.to_content(rule_form.to_fields(yen, "JPY"), "JPY") == yen


def test_editing_buttons_add_remove_and_reorder_rules():
    fields = rule_form.to_fields(normalised({"rules": [percent_rule("a", "1"), percent_rule("b", "2")]}), "CNY")
    fields = rule_form.edit(fields, "down:0")
    assert [r["id"] for r in rule_form.to_content(fields, "CNY")["rules"]] == ["b", "a"]
    fields = rule_form.edit(rule_form.edit(fields, "add_rule"), "remove_rule:0")
    assert [r["id"] for r in rule_form.to_content(fields, "CNY")["rules"]] == ["a", "rule-3"]
    fields = rule_form.edit(fields, "add_modifier")
    assert rule_form.to_content(fields, "CNY")["modifiers"] == [{"conditions": {}, "multiply": "1"}]


def test_validation_errors_land_on_the_form_field_holding_the_value():
    three = {"rules": [percent_rule("a", "10"), percent_rule("b", "5"), percent_rule("c", "1")]}
    fields = rule_form.to_fields(normalised(three), "CNY")
    fields |= {"rules-1-reward_value": "150", "rules-2-partner_groups": "nobody", "rules-0-date_from": "2026-05-02",
               "rules-0-date_to": "2026-05-01", "caps-per_order-cash": "1.234"}
    with pytest.raises(InvalidInput) as raised:
        parse_rule_set(rule_form.to_content(fields, "CNY"), currency="CNY", known_groups=["vip"], where="content")
    placed, others = rule_form.field_errors(raised.value.extra["errors"], fields)
    assert "between 0 and 100" in placed["rules-1-reward_value"]
    assert "unknown partner group" in placed["rules-2-partner_groups"]
    assert "before it starts" in placed["rules-0-date_to"]
    assert "more decimals" in placed["caps-per_order-cash"]
    assert others == [] or all(o["field"] for o in others)
    assert rule_form.field_of("content.rules.3.reward.tiers.1.min_month_net") == "rules-3-tier-1-min_month_net"
    assert rule_form.field_of("content.rules.0.reward") == "rules-0-reward_type"
    assert rule_form.field_of("content.modifiers.2.conditions.weekdays.0") == "modifiers-2-weekdays"
    assert rule_form.field_of("content.customer_incentive.percent") == "incentive-value"
    assert rule_form.field_of("content.customer_incentive") == "incentive-value"


def test_the_checkout_incentive_form_sets_changes_and_removes_the_incentive():
    stored = normalised({"rules": [percent_rule("a", "10")]})
    fields = rule_form.to_fields(stored, "CNY")
    assert "incentive-kind" not in fields
    chosen = fields | {"incentive-kind": "amount", "incentive-value": "8.8", "incentive-min_subtotal": "50",
                       "incentive-first_order_only": "1"}
    content = normalised(rule_form.to_content(chosen, "CNY"))
    assert content["customer_incentive"] == {"amount": 880, "min_subtotal": 5000, "first_order_only": True}
    fields = rule_form.to_fields(content, "CNY")
    assert "customer_incentive" not in normalised(rule_form.to_content(fields | {"incentive-kind": ""}, "CNY"))
    # an incentive stated in a way the form cannot show stays JSON until a kind is chosen, which replaces it
    kept = {**stored, "customer_incentive": {"percent": "5"}}
    fields = rule_form.to_fields(kept, "CNY")
    assert rule_form.incentive_kept(fields) and rule_form.to_content(fields, "CNY") == kept
    replaced = rule_form.to_content(fields | {"incentive-kind": "percent", "incentive-value": "3"}, "CNY")
    assert replaced["customer_incentive"] == {"percent": "3", "first_order_only": False}
    # bad values are refused next to the incentive's fields
    bad = fields | {"incentive-kind": "percent", "incentive-value": "120", "incentive-min_subtotal": "1.234"}
    with pytest.raises(InvalidInput) as raised:
        parse_rule_set(rule_form.to_content(bad, "CNY"), currency="CNY", known_groups=[], where="content")
    placed, others = rule_form.field_errors(raised.value.extra["errors"], bad)
    assert set(placed) == {"incentive-value", "incentive-min_subtotal"} and others == []
    blank = bad | {"incentive-value": "", "incentive-min_subtotal": ""}
    with pytest.raises(InvalidInput) as raised:
        parse_rule_set(rule_form.to_content(blank, "CNY"), currency="CNY", known_groups=[], where="content")
    placed, _ = rule_form.field_errors(raised.value.extra["errors"], blank)
    assert list(placed) == ["incentive-value"]  # a kind without its value


# --- the pages in process ----------------------------------------------------------------------


async def _admin(client, merchant_id: int, role: str = "admin") -> None:
    await client_as_staff(client, await make_staff(merchant_id, role))


async def test_every_console_page_renders_for_an_admin_and_stays_in_its_merchant(client):
    merchant, other = await make_merchant(), await make_merchant()
    partner = await make_partner(merchant.id, display_name="Wang Fang", group="vip")
    stranger = await make_partner(other.id)
    await make_click(await make_link(partner), "visitor-1")
    version = await publish_rule_set(merchant.id, {"rules": [percent_rule("a", "10")]})
    await _admin(client, merchant.id)
    for path in ("/console/", "/console/partners", "/console/partners?q=wang&status=active&group=vip",
                 f"/console/partners/{partner.id}", "/console/rules", f"/console/rules/{version}",
                 f"/console/rules/{version}/simulation", "/console/reports", "/console/reports?by=scene",
                 "/console/reports?by=day", "/console/review", "/console/audit"):
        answer = await client.get(path)
        assert answer.status_code == 200, (path, answer.text[-2000:])
    assert "Wang Fang" in (await client.get("/console/partners?q=wang")).text
    await make_partner(merchant.id, status="pending")
    assert re.search(r'id="pending-partners">.*?<div class="value">1</div>', (await client.get("/console/")).text, re.S)
    chinese = (await client.get("/console/rules", headers={"accept-language": "zh-CN,zh;q=0.9"})).text
    assert "佣金规则" in chinese and "版本" in chinese
    assert (await client.get(f"/console/partners/{stranger.id}")).status_code == 404
    other_version = await publish_rule_set(other.id, {"rules": [percent_rule("x", "1")]})
    assert (await client.get(f"/console/rules/{other_version + 100}")).status_code == 404
    html = (await client.get("/console/partners")).text
    answer = await client.post(f"/console/partners/{stranger.id}/suspend", data={"csrf_token": csrf_of(html)})
    assert answer.status_code == 404
    answer = await client.post(f"/console/partners/{partner.id}/suspend", data={"csrf_token": "wrong"})
    assert answer.status_code == 403


async def test_a_finance_user_gets_403_on_the_console(client):
    merchant = await make_merchant()
    await _admin(client, merchant.id, role="finance")
    assert (await client.get("/console/rules")).status_code == 403


async def test_saving_through_the_form_and_the_csv_report(client):
    merchant = await make_merchant()
    partner = await make_partner(merchant.id, display_name="Li Lei")
    await publish_rule_set(merchant.id, {"rules": [percent_rule("a", "10")]})
    day = datetime(2026, 3, 10, 4, tzinfo=UTC)
    order = await make_order(merchant.id, partner.id, [("A", "toys", 1, 10000)], at=day, scene="product")
    await commission_order(merchant.id, order.for_commission())
    await _admin(client, merchant.id)
    draft = await rule_sets.create_draft(merchant.id, {"rules": [percent_rule("a", "10")]})
    html = (await client.get(f"/console/rules/{draft.version}")).text
    fields = {"csrf_token": csrf_of(html), "op": "save", **rule_form.to_fields(draft.content, "CNY"),
              "rules-0-reward_value": "101"}
    answer = await client.post(f"/console/rules/{draft.version}", data=fields)
    assert answer.status_code == 422 and 'id="e-rules-0-reward_value"' in answer.text
    answer = await client.post(f"/console/rules/{draft.version}", data={**fields, "rules-0-reward_value": "20"})
    assert answer.status_code == 303
    assert (await rule_sets.get_version(merchant.id, draft.version)).content["rules"][0]["reward"] == {"percent": "20"}

    answer = await client.get("/console/reports.csv?by=partner&from=2026-03-01&to=2026-03-31")
    assert answer.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(answer.text)))
    assert table[0][:3] == ["partner", "code", "name"]
    assert table[1][2:] == ["Li Lei", "0", "0", "1", "100.00", "10.00", "0"]
    assert table[-1][0] == "total" and table[-1][6:8] == ["100.00", "10.00"]
    by_day = list(csv.reader(io.StringIO((await client.get("/console/reports.csv?by=day&from=2026-03-09&to=2026-03-11")).text)))
    assert [row[0] for row in by_day[1:]] == ["2026-03-09", "2026-03-10", "2026-03-11", "total"]
    assert by_day[2][5:8] == ["1", "100.00", "10.00"]
    await make_order(merchant.id, (await make_partner(merchant.id, display_name="=HYPERLINK(1)")).id,
                     [("A", "toys", 1, 100)], at=day)
    names = [row[2] for row in csv.reader(io.StringIO((await client.get("/console/reports.csv?from=2026-03-10&to=2026-03-10")).text))]
    assert "'=HYPERLINK(1)" in names  # never a formula in the merchant's spreadsheet
    by_scene = list(csv.reader(io.StringIO((await client.get("/console/reports.csv?by=scene&from=2026-03-01&to=2026-03-31")).text)))
    assert by_scene[1][0] == "product" and by_scene[1][7] == "10.00"


def _error_next_to(html: str, name: str) -> str:
    """The error text shown under the form field `name` (its input points at it: aria-describedby)."""
    assert f'aria-describedby="e-{name}"' in html, name
    found = re.search(rf'<div class="field-error" id="e-{re.escape(name)}" role="alert">(.*?)</div>', html, re.S)
    assert found, name
    return found[1]


async def test_the_rule_editor_shows_validation_errors_next_to_their_fields_in_the_page_language(client):
    merchant = await make_merchant()
    await make_partner(merchant.id, group="vip")
    await _admin(client, merchant.id)
    draft = await rule_sets.create_draft(
        merchant.id, {"rules": [percent_rule("a", "10"), percent_rule("b", "5"), percent_rule("c", "1")]}
    )
    html = (await client.get(f"/console/rules/{draft.version}")).text
    fields = {
        "csrf_token": csrf_of(html), "op": "save", **rule_form.to_fields(draft.content, "CNY"),
        "rules-0-reward_value": "150", "rules-0-date_from": "2026-05-02", "rules-0-date_to": "2026-05-01",
        "rules-1-partner_groups": "nobody", "rules-1-reward_type": "tiers", "rules-1-tiers": "2",
        "rules-1-tier-0-min_month_net": "100", "rules-1-tier-0-percent": "5",
        "rules-1-tier-1-min_month_net": "50", "rules-1-tier-1-percent": "6",
        "rules-2-level": "3", "caps-per_order-cash": "1.234",
        # kept as JSON (the form has no input for it): listed above the form with its path
        "extra": json.dumps({"customer_incentive": {"percent": "5", "amount": 100}}),
    }
    chinese = await client.post(f"/console/rules/{draft.version}", data=fields,
                                headers={"accept-language": "zh-Hans"})
    assert chinese.status_code == 422
    html = chinese.text
    assert _error_next_to(html, "rules-0-reward_value") == "百分比须在 0 到 100 之间，不能是 150。"
    assert _error_next_to(html, "rules-0-date_to") == "日期范围的结束日（2026-05-01）早于开始日（2026-05-02）。"
    assert _error_next_to(html, "rules-1-partner_groups") == "未知的推广员分组“nobody”（已有分组：vip）。"
    assert _error_next_to(html, "rules-1-tier-1-min_month_net").startswith("阶梯门槛须逐级递增：")
    assert _error_next_to(html, "rules-2-level").startswith("不接受第 3 级：奖励最多向上两级")
    assert _error_next_to(html, "caps-per_order-cash") == "“1.234”的小数位数超过了 CNY 允许的位数（2 位）。"
    assert "<code>customer_incentive</code>: 请填写百分比或金额中的一项，不能同时填写。" in html
    for english in ("between 0 and 100", "unknown partner group", "before it starts", "must increase",
                    "is refused", "more decimals", "give exactly one"):
        assert english not in html

    english = (await client.post(f"/console/rules/{draft.version}", data=fields,
                                 headers={"accept-language": "en"})).text
    assert _error_next_to(english, "rules-0-reward_value") == "A percent must be between 0 and 100, not 150."
    assert _error_next_to(english, "rules-1-partner_groups") == "Unknown partner group “nobody” (known groups: vip)."
    assert (await rule_sets.get_version(merchant.id, draft.version)).content == draft.content  # nothing saved


def test_every_rule_set_error_code_has_words_translated_in_every_language():
    assert set(rule_errors.MESSAGES) == set(CODES)
    for code, words in rule_errors.MESSAGES.items():
        placeholders = set(re.findall(r"%\((\w+)\)s", words))
        assert placeholders <= set(CODES[code]), code  # every placeholder is one of the code's parameters
        for locale in LOCALES:
            text = translations(locale).gettext(words)
            assert set(re.findall(r"%\((\w+)\)s", text)) == placeholders, (locale, code)
            assert "%" not in text % {name: "x" for name in placeholders}, (locale, code)
        assert translations("zh_Hans").gettext(words) != words, code


async def test_the_checkout_incentive_is_set_in_the_rule_editor_refused_next_to_its_field_and_audited(client):
    from accounts.service import audit

    merchant = await make_merchant()
    staff = await make_staff(merchant.id, "admin")
    await client_as_staff(client, staff)
    draft = await rule_sets.create_draft(merchant.id, {"rules": [percent_rule("a", "10")]})
    html = (await client.get(f"/console/rules/{draft.version}", headers={"accept-language": "zh-Hans"})).text
    assert "结账优惠" in html and 'name="incentive-kind"' in html
    fields = {"csrf_token": csrf_of(html), "op": "save", **rule_form.to_fields(draft.content, "CNY"),
              "incentive-kind": "percent", "incentive-value": "150", "incentive-first_order_only": "1"}
    refused = await client.post(f"/console/rules/{draft.version}", data=fields, headers={"accept-language": "zh-Hans"})
    assert refused.status_code == 422
    assert _error_next_to(refused.text, "incentive-value") == "百分比须在 0 到 100 之间，不能是 150。"
    assert (await rule_sets.get_version(merchant.id, draft.version)).content == draft.content  # nothing saved
    answer = await client.post(f"/console/rules/{draft.version}", data={**fields, "incentive-value": "7.5"})
    assert answer.status_code == 303
    saved = (await rule_sets.get_version(merchant.id, draft.version)).content
    assert saved["customer_incentive"] == {"percent": "7.5", "first_order_only": True}
    entry = (await audit.list_entries(merchant.id)).items[0]
    assert (entry.action, entry.actor.id) == ("rule_set.update_draft", str(staff.id))
    shown = (await client.get(f"/console/rules/{draft.version}", headers={"accept-language": "en"})).text
    assert '<option value="percent" selected>' in shown and 'value="7.5"' in shown and "Checkout incentive" in shown
