"""No raw code reaches a page: audit actions, subjects and roles, and the ledger's memos are shown
in words (relay.pages.words), in zh-Hans and in en; every action a service records has its words."""

from __future__ import annotations

import ast
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from accounts.service.audit import Actor
from commissions.service import rule_sets
from payouts.service import batches
from referral.service import applications, links, partners
from relay.pages import words
from relay.pages.i18n import translations
from tests.factories.batches import make_commission, make_payee
from tests.factories.commissions import percent_rule
from tests.factories.merchants import make_merchant
from tests.pages.conftest import client_as_staff, make_staff

pytestmark = pytest.mark.usefixtures("database_url")

ROOT = Path(__file__).resolve().parents[2]
ZH = {"accept-language": "zh-CN"}
EN = {"accept-language": "en"}


def _recorded() -> tuple[set[str], set[str]]:
    """Every audit action the services can record (the literal ones, and the f-strings' values),
    and every subject they name."""
    found: set[str] = set()
    subjects: set[str] = set()
    packages = [p for p in ROOT.iterdir() if (p / "__init__.py").exists() and p.name not in ("tests", "bench")]
    for package in packages:
        for path in package.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if not (isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "record" and len(node.args) > 3):
                    continue
                action, subject = node.args[2], node.args[3]
                if isinstance(action, ast.Constant):
                    found.add(action.value)
                elif isinstance(action, ast.JoinedStr):
                    found.add(ast.unparse(action))
                if isinstance(subject, ast.Constant):
                    subjects.add(subject.value)
    source = (ROOT / "referral/service/partners.py").read_text() + (ROOT / "accounts/service/sign_in.py").read_text()
    found |= set(re.findall(r'"((?:partner|staff_account)\.[a-z_]+)"', source))
    expanded = {action for action in found if "{" not in action}
    expanded |= {f"partner_application.{d}" for d in (applications.Decision.approve, applications.Decision.reject,
                                                      applications.Decision.request_info)}
    expanded |= {f"payout_line.{o}" for o in ("paid", "failed", "returned")}
    return expanded, subjects


def test_every_action_the_services_record_has_words_in_both_languages():
    recorded, subjects = _recorded()
    assert {"partner.create", "partner.suspend", "rule_set.publish", "staff_account.reactivate"} <= recorded
    assert {"partner", "rule_set", "merchant"} <= subjects
    assert recorded - set(words.AUDIT_ACTIONS) == set()
    assert subjects - set(words.SUBJECTS) - set(words.SETTINGS) == set()
    zh = translations("zh_Hans")
    for text in [*words.AUDIT_ACTIONS.values(), *words.SUBJECTS.values(), *words.SETTINGS.values(), *words.ROLES.values()]:
        assert zh.gettext(text) != text, text


async def test_the_audit_log_names_actions_subjects_and_roles_in_the_pages_language(client):
    m = await make_merchant()
    staff = await make_staff(m.id, "admin")
    actor = Actor.staff(staff.id, "admin")
    mei = await partners.create_partner(m.id, display_name="王美", actor=actor)
    await links.create_link(m.id, mei.id, target_url="https://shop.example.com/p/1", scene="product", actor=actor)
    draft = await rule_sets.create_draft(m.id, {"rules": [percent_rule("all", "10")]}, actor=actor)
    await client_as_staff(client, staff)

    chinese = (await client.get("/console/audit", headers=ZH)).text
    table = chinese[chinese.index('<table id="audit"'):]
    assert "新建推广员" in table and "生成链接" in table and "新建规则集草稿" in table
    assert f"规则集 第 {draft.version} 版" in table and "管理员" in table and "链接 " in table
    assert f'<a href="/console/partners/{mei.id}">王美</a>' in table
    assert f'<a href="/console/rules/{draft.version}">' in table
    for code in ("partner.create", "link.create", "rule_set", "admin<"):
        assert code not in re.sub(r'(data-action|value)="[^"]*"', "", table), code
    assert "<th>时间</th>" in table
    assert '<option value="partner.suspend">暂停推广员</option>' in chinese  # the filter offers words too

    english = (await client.get("/console/audit", headers=EN)).text
    assert "Added a partner" in english and f"Rule set version {draft.version}" in english
    assert "Administrator" in english and "<th>When</th>" in english
    only = (await client.get("/console/audit?action=link.create", headers=EN)).text
    assert "Made a link" in only and "Added a partner" not in only.split('<table id="audit"')[1]


async def test_a_payout_batch_in_a_partners_statement_reads_as_words(client):
    m = await make_merchant()
    alice = await make_payee(m.id, display_name="Alice Chen")
    await make_commission(m.id, alice.id, 12000)
    batch, _ = await batches.create_batch(m.id, "CNY", datetime(2026, 11, 1, tzinfo=UTC), created_by="test")
    await batches.approve_batch(m.id, batch.id, approved_by="test", expected=None)
    await client_as_staff(client, await make_staff(m.id, "finance"))

    chinese = (await client.get(f"/finance/ledger/partners/{alice.id}", headers=ZH)).text
    assert f"结算批次 {batch.id}" in chinese and "payout batch" not in chinese
    english = (await client.get(f"/finance/ledger/partners/{alice.id}", headers=EN)).text
    assert f"Payout batch {batch.id}" in english and f"payout batch {batch.id}" not in english


class _Page:
    def __init__(self, locale: str) -> None:
        self.locale = locale

    def gettext(self, message: str, **values: object) -> str:
        text = translations(self.locale).gettext(message)
        return text % values if values else text


@pytest.mark.parametrize(("memo", "zh", "en"), [
    ("payout batch 12", "结算批次 12", "Payout batch 12"),
    ("commission rejected", "佣金已驳回", "Commission rejected"),
    ("order SO-1", "订单 SO-1", "Order SO-1"),
    ("cn_labour_remuneration", "劳务报酬个人所得税代扣", "Individual income tax on labour remuneration"),
    ("a note of the merchant's", "a note of the merchant's", "a note of the merchant's"),
])
def test_ledger_memos_are_worded(memo, zh, en):
    assert words.memo_text(_Page("zh_Hans"), memo) == zh
    assert words.memo_text(_Page("en"), memo) == en


async def test_the_rule_editors_conditions_and_the_audit_logs_time_column_have_their_own_words(client):
    m = await make_merchant()
    staff = await make_staff(m.id, "admin")
    draft = await rule_sets.create_draft(m.id, {"rules": [percent_rule("all", "10")]}, actor=Actor.staff(staff.id, "admin"))
    await client_as_staff(client, staff)
    editor = (await client.get(f"/console/rules/{draft.version}", headers=ZH)).text
    assert "<legend>条件</legend>" in editor and "<legend>时间</legend>" not in editor
    assert "<th>时间</th>" in (await client.get("/console/audit", headers=ZH)).text
    assert "<legend>When</legend>" in (await client.get(f"/console/rules/{draft.version}", headers=EN)).text

