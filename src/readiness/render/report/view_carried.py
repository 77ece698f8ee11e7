"""The report's view of a certified ISO/IEC 27001 or ISO 9001 system reused: the certificates
the client holds and the carried answers not yet confirmed (scored as unanswered)."""

from __future__ import annotations

from dataclasses import dataclass

from readiness.language import Language
from readiness.models.answers import STANDARD_NAMES, Certificate
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire


@dataclass(frozen=True, slots=True)
class CarriedView:
    """One carried answer the consultant has not confirmed."""

    question: str
    text: str
    area: str
    area_name: str
    provenance: str
    rating: str


@dataclass(frozen=True, slots=True)
class CarriedSection:
    """The certificates held and the unconfirmed carried answers."""

    certificates: list[str]
    unconfirmed: list[CarriedView]


def carried_section(
    assessment: Assessment,
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    language: Language,
    words: dict[str, str],
) -> CarriedSection | None:
    """None when the client declares no certificate and no answer was carried."""
    if not assessment.client.certificates and not assessment.unconfirmed:
        return None
    rows = [
        CarriedView(
            question=c.question,
            text=questionnaire.question(c.question).text.get(language)
            if questionnaire.has_question(c.question)
            else "",
            area=c.area,
            area_name=catalogue.area(c.area).title.get(language)
            if catalogue.has_area(c.area)
            else c.area,
            provenance=words[f"m_carried_{c.standard}"],
            rating=c.rating.value if c.rating is not None else "—",
        )
        for c in assessment.unconfirmed
    ]
    certificates = [_certificate(c, words) for c in assessment.client.certificates]
    return CarriedSection(certificates=certificates, unconfirmed=rows)


def _certificate(certificate: Certificate, words: dict[str, str]) -> str:
    parts = [STANDARD_NAMES[certificate.standard]]
    if certificate.number:
        parts.append(f"{words['m_certificate_number']} {certificate.number}")
    if certificate.expires:
        parts.append(f"{words['m_expires']} {certificate.expires.isoformat()}")
    if certificate.scope:
        parts.append(certificate.scope)
    return ", ".join(parts)
