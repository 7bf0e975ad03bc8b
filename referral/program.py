"""A merchant's partner program as data, and what an application to it must give (pure: no
database). Labels are in both languages: a kind or a question is never shown by its code."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from core.errors import InvalidInput
from referral.models import ContactRule, ReviewMode

#: The languages every label and the agreement are given in.
LANGUAGES = ("zh_Hans", "en")

DEFAULT_KINDS: tuple[dict[str, str], ...] = (
    {"code": "parent", "zh_Hans": "全职妈妈", "en": "Stay-at-home parent"},
    {"code": "property_manager", "zh_Hans": "物业公司", "en": "Property manager"},
    {"code": "sales_guide", "zh_Hans": "导购", "en": "Sales guide"},
    {"code": "service_outlet", "zh_Hans": "门店", "en": "Service outlet"},
    {"code": "customer", "zh_Hans": "老顾客", "en": "Customer"},
)


@dataclass(frozen=True, slots=True)
class Program:
    """How the merchant takes partners in (referral.models.PartnerProgram)."""

    review: ReviewMode = ReviewMode.manual
    contact_required: ContactRule = ContactRule.phone
    #: [{"code", "zh_Hans", "en"}]
    kinds: tuple[Mapping[str, str], ...] = DEFAULT_KINDS
    #: [{"id", "zh_Hans", "en", "required"}]
    questions: tuple[Mapping[str, Any], ...] = ()
    #: 0: no agreement to accept
    agreement_version: int = 0
    #: {"zh_Hans": text, "en": text}
    agreement: Mapping[str, str] = field(default_factory=dict)

    def label(self, kind: str, locale: str) -> str:
        """A kind's label in `locale` (an unknown kind, e.g. one a merchant removed: its code)."""
        for item in self.kinds:
            if item["code"] == kind:
                return item.get(locale) or item["en"]
        return kind

    def as_json(self) -> dict[str, Any]:
        return {
            "review": self.review.value, "contact_required": self.contact_required.value,
            "kinds": [dict(k) for k in self.kinds], "questions": [dict(q) for q in self.questions],
            "agreement_version": self.agreement_version, "agreement": dict(self.agreement),
        }


DEFAULT_PROGRAM = Program()


def _error(field: str, message: str) -> dict[str, str]:
    return {"field": field, "message": message}


def application_errors(
    program: Program, *, kind: str, phone: str | None, email: str | None, answers: Mapping[str, str],
    accepted_agreement_version: int | None,
) -> list[dict[str, str]]:
    """Every way the application falls short of the program, as field errors (none: acceptable)."""
    errors = []
    if kind not in {k["code"] for k in program.kinds}:
        errors.append(_error("kind", "not one of the program's partner kinds"))
    rule = program.contact_required
    if rule in (ContactRule.phone, ContactRule.both) and phone is None:
        errors.append(_error("phone", "required"))
    if rule in (ContactRule.email, ContactRule.both) and email is None:
        errors.append(_error("email", "required"))
    if rule is ContactRule.either and phone is None and email is None:
        errors.append(_error("phone", "a phone or an email is required"))
    asked = {q["id"]: q for q in program.questions}
    for question_id in answers:
        if question_id not in asked:
            errors.append(_error(f"answers.{question_id}", "not a question of this program"))
    for question_id, question in asked.items():
        if question.get("required") and not (answers.get(question_id) or "").strip():
            errors.append(_error(f"answers.{question_id}", "required"))
    if program.agreement_version and accepted_agreement_version != program.agreement_version:
        errors.append(_error(
            "accepted_agreement_version", f"accept the partner agreement, version {program.agreement_version}"
        ))
    return errors


def check_application(program: Program, **application: Any) -> None:
    """Raise `InvalidInput` (422) naming every field the application gets wrong."""
    errors = application_errors(program, **application)
    if errors:
        raise InvalidInput(f"{errors[0]['field']}: {errors[0]['message']}", errors)
