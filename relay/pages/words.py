"""Words for the codes the services store, so that no raw code reaches a page: audit actions and
their subjects, the roles of keys and staff, and the ledger's memos, in the page's language.
A code without words here is shown as it is (a merchant's own text, or a code newer than this file:
tests/pages/test_words.py finds every action the services record)."""

from __future__ import annotations

import re

from relay.pages.i18n import N_
from relay.pages.routing import Page

#: audit action -> what was done, as a short verb phrase.
AUDIT_ACTIONS = {
    "merchant.update_settings": N_("Changed the merchant settings"),
    "webhook_secret.rotate": N_("Rotated the webhook secret"),
    "webhook_secret.reseal": N_("Re-sealed the webhook secrets under the current server key"),
    "api_key.issue": N_("Issued an API key"),
    "api_key.rotate": N_("Rotated an API key"),
    "api_key.revoke": N_("Revoked an API key"),
    "staff_account.create": N_("Added a staff account"),
    "staff_account.change_role": N_("Changed a staff account's console"),
    "staff_account.deactivate": N_("Deactivated a staff account"),
    "staff_account.reactivate": N_("Reactivated a staff account"),
    "partner.create": N_("Added a partner"),
    "partner.update": N_("Edited a partner"),
    "partner.approve": N_("Approved a partner"),
    "partner.suspend": N_("Suspended a partner"),
    "partner_program.update": N_("Changed the partner program"),
    "partner_application.approve": N_("Approved an application"),
    "partner_application.reject": N_("Rejected an application"),
    "partner_application.request_info": N_("Asked an applicant for information"),
    "link.create": N_("Made a link"),
    "link.switch_on": N_("Switched a link on"),
    "link.switch_off": N_("Switched a link off"),
    "commission.approve": N_("Approved a held commission"),
    "commission.reject": N_("Rejected a commission"),
    "commission_terms.update": N_("Changed the commission terms"),
    "rule_set.create_draft": N_("Started a rule set draft"),
    "rule_set.update_draft": N_("Saved a rule set draft"),
    "rule_set.publish": N_("Published a rule set"),
    "points_settings.update": N_("Changed the points settings"),
    "payee.update": N_("Changed a partner's payee details"),
    "payout_terms.update": N_("Changed the payout terms"),
    "payout_batch.create": N_("Created a payout batch"),
    "payout_batch.approve": N_("Approved a payout batch"),
    "payout_batch.discard": N_("Discarded a payout batch"),
    "payout_batch.export": N_("Downloaded a transfer file"),
    "payout_batch.import_results": N_("Imported the bank's results"),
    "payout_batch.close": N_("Closed a payout batch"),
    "payout_line.paid": N_("Marked a payout line paid"),
    "payout_line.failed": N_("Marked a payout line failed"),
    "payout_line.returned": N_("Marked a payout line returned"),
    "withdrawal.request": N_("Asked to withdraw"),
    "withdrawal.approve": N_("Approved a withdrawal"),
    "withdrawal.reject": N_("Rejected a withdrawal"),
    "withdrawal_terms.update": N_("Changed the withdrawal terms"),
    "notification_channels.update": N_("Changed the notification channels"),
    "notification_preferences.update": N_("Changed how a partner is notified"),
}

#: audit subject -> the thing changed, numbered by its id.
SUBJECTS = {
    "partner": N_("Partner %(id)s"),
    "partner_application": N_("Application %(id)s"),
    "link": N_("Link %(id)s"),
    "commission": N_("Commission %(id)s"),
    "rule_set": N_("Rule set version %(id)s"),
    "api_key": N_("API key %(id)s"),
    "staff_account": N_("Staff account %(id)s"),
    "payout_batch": N_("Payout batch %(id)s"),
    "payout_line": N_("Payout line %(id)s"),
    "withdrawal": N_("Withdrawal %(id)s"),
}
#: audit subjects that are the merchant's one set of settings (the id is the merchant's).
SETTINGS = {
    "merchant": N_("Merchant settings"),
    "partner_program": N_("Partner program"),
    "commission_terms": N_("Commission terms"),
    "points_settings": N_("Points settings"),
    "payout_terms": N_("Payout terms"),
}

#: who acts: an API key's or a staff account's role.
ROLES = {
    "admin": N_("Administrator"),
    "finance": N_("Finance"),
    "integration": N_("Shop integration"),
}

#: A commission's status in a reversal's memo ("commission canceled").
_VOIDED = {"canceled": N_("Commission canceled"), "rejected": N_("Commission rejected")}
#: Withholding rules in a withholding entry's memo (payouts.withholding).
_WITHHOLDING = {"cn_labour_remuneration": N_("Individual income tax on labour remuneration")}
_MEMOS = (
    (re.compile(r"payout batch (\d+)"), N_("Payout batch %(id)s")),
    (re.compile(r"order (.+)"), N_("Order %(id)s")),
)


def action_text(page: Page, action: str) -> str:
    words = AUDIT_ACTIONS.get(action)
    return page.gettext(words) if words else action


def subject_text(page: Page, subject_type: str, subject_id: str) -> str:
    if subject_type in SETTINGS:
        return page.gettext(SETTINGS[subject_type])
    words = SUBJECTS.get(subject_type)
    return page.gettext(words, id=subject_id) if words else f"{subject_type} {subject_id}"


def role_text(page: Page, role: str) -> str:
    words = ROLES.get(role)
    return page.gettext(words) if words else role


def memo_text(page: Page, memo: str) -> str:
    """A ledger entry's memo as the reader reads it (the codes Relay writes; other text as it is)."""
    status = memo.removeprefix("commission ")
    if status != memo and status in _VOIDED:
        return page.gettext(_VOIDED[status])
    if memo in _WITHHOLDING:
        return page.gettext(_WITHHOLDING[memo])
    for pattern, words in _MEMOS:
        if match := pattern.fullmatch(memo):
            return page.gettext(words, id=match[1])
    return memo
