"""Request and response shapes of applications to a partner program and of its settings."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from referral.models import ApplicationStatus, ContactRule, PartnerStatus, ReviewMode
from referral.program import Program
from referral.schemas.partners import DisplayName, Email, Kind, Locale, Phone
from referral.service.applications import ApplicationInfo, ApplicationPage

Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Answer = Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)]
QuestionId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
Message = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
AgreementText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20000)]


class KindLabel(BaseModel):
    """A partner kind an applicant chooses, with its label in both languages."""

    model_config = ConfigDict(extra="forbid")

    code: Kind
    zh_Hans: Label
    en: Label


class Question(BaseModel):
    """One of the merchant's own questions on the application."""

    model_config = ConfigDict(extra="forbid")

    id: QuestionId
    zh_Hans: Label
    en: Label
    required: bool = False


class Agreement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    zh_Hans: AgreementText = ""
    en: AgreementText = ""

    @model_validator(mode="after")
    def _both_or_neither(self) -> Agreement:
        if bool(self.zh_Hans) != bool(self.en):
            raise ValueError("give the agreement in both languages, or neither")
        return self


class ProgramIn(BaseModel):
    """The whole program (PUT replaces it). A change of the agreement's text makes a new version."""

    model_config = ConfigDict(extra="forbid")

    review: ReviewMode = Field(description="manual: each application waits for review; auto: approved as it arrives")
    contact_required: ContactRule = Field(description="which addresses an application must give")
    kinds: list[KindLabel] = Field(min_length=1, max_length=30)
    questions: list[Question] = Field(default_factory=list, max_length=20)
    agreement: Agreement = Field(default_factory=Agreement)

    @model_validator(mode="after")
    def _unique(self) -> ProgramIn:
        for name, codes in (("kinds", [k.code for k in self.kinds]), ("questions", [q.id for q in self.questions])):
            if len(set(codes)) != len(codes):
                raise ValueError(f"{name}: each code once")
        return self

    def program(self) -> Program:
        return Program(
            review=self.review, contact_required=self.contact_required,
            kinds=tuple(k.model_dump() for k in self.kinds), questions=tuple(q.model_dump() for q in self.questions),
            agreement={"zh_Hans": self.agreement.zh_Hans, "en": self.agreement.en} if self.agreement.en else {},
        )


class ProgramOut(BaseModel):
    review: ReviewMode
    contact_required: ContactRule
    kinds: list[KindLabel]
    questions: list[Question]
    agreement_version: int = Field(description="0: no agreement to accept; an applicant accepts this version")
    agreement: Agreement

    @classmethod
    def of(cls, program: Program) -> ProgramOut:
        return cls(
            review=program.review, contact_required=program.contact_required,
            kinds=[KindLabel(**k) for k in program.kinds], questions=[Question(**q) for q in program.questions],
            agreement_version=program.agreement_version, agreement=Agreement(**program.agreement),
        )


class ApplicationIn(BaseModel):
    """An application to the merchant's program (GET .../partner-program says what it asks)."""

    model_config = ConfigDict(extra="forbid")

    display_name: DisplayName
    kind: Kind = Field(description="one of the program's kinds, by code")
    phone: Phone | None = None
    email: Email | None = None
    answers: dict[QuestionId, Answer] = Field(default_factory=dict, max_length=20)
    accepted_agreement_version: int | None = Field(
        None, ge=0, le=2**31 - 1, description="the agreement version the applicant accepted (required when it is not 0)")
    invite_code: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32)] | None = Field(
        None, description="the inviting partner's code (from their invite link); that partner becomes the recruiter")
    locale: Locale = Field("zh_Hans", description="the applicant's language: messages to them are in it")

    def fields(self) -> dict[str, Any]:
        return self.model_dump(exclude={"display_name"}) | {"display_name": self.display_name}


class ApplicationOut(BaseModel):
    id: int = Field(description="0 for a partner the merchant made (who never applied)")
    status: ApplicationStatus
    partner_id: int
    partner_status: PartnerStatus
    display_name: str
    kind: str
    phone: str | None
    email: str | None
    answers: dict[str, str]
    agreement_version: int
    agreement_accepted_at: datetime | None
    info_request: str | None = Field(description="what the merchant asked the applicant")
    applicant_note: str | None = Field(description="the applicant's answer")
    reason: str | None = Field(description="why it was rejected")
    decided_at: datetime | None
    created_at: datetime

    @classmethod
    def of(cls, application: ApplicationInfo) -> ApplicationOut:
        partner = application.partner
        return cls(
            id=application.id, status=ApplicationStatus(application.status), partner_id=partner.id,
            partner_status=PartnerStatus(partner.status), display_name=partner.display_name, kind=partner.kind,
            phone=partner.phone, email=partner.email, answers=dict(application.answers),
            agreement_version=application.agreement_version,
            agreement_accepted_at=application.agreement_accepted_at, info_request=application.info_request,
            applicant_note=application.applicant_note, reason=application.reason,
            decided_at=application.decided_at, created_at=application.created_at,
        )


class AppliedOut(BaseModel):
    """What an applicant is answered: `created` false when they had applied before (nothing written)."""

    created: bool
    application_id: int
    status: ApplicationStatus
    partner_code: str | None = Field(description="the partner's till code, once approved")


class ApplicationQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: ApplicationStatus | None = None
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=10**9)


class ApplicationList(BaseModel):
    items: list[ApplicationOut]
    total: int
    limit: int
    offset: int

    @classmethod
    def of(cls, page: ApplicationPage) -> ApplicationList:
        return cls(items=[ApplicationOut.of(a) for a in page.items], total=page.total, limit=page.limit,
                   offset=page.offset)


class RejectApplication(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Message = Field(description="shown to the applicant")


class RequestInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message: Message = Field(description="what the applicant is asked")


class ApplicantAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: Message
