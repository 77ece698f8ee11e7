"""What a client's certified ISO/IEC 27001 or ISO 9001 system carries into the questionnaire.

The harmonized structure gives ISO/IEC 20000-1 and those standards the same clauses 4 to 7, 9
and 10; the question bank marks the questions a certified system already answers
(``shared_with``). For a client holding such a certificate they are prefilled, marked with
their provenance, and left for the consultant to confirm or change:

- the prefilled answer is L (largely achieved), documented and practised: the mechanism exists
  and an accredited body has audited it, but it was built for another management system and
  still has to be extended to service management (its scope, policy, objectives and records);
- an answer carried and not confirmed (``confirmed: yes``) counts as unanswered: it never
  raises a score, and the assessment lists it as unconfirmed.
"""

from __future__ import annotations

from readiness.language import Language
from readiness.models.answers import (
    STANDARD_NAMES,
    Answer,
    AnswerFile,
    Certificate,
    Client,
    Standard,
)
from readiness.models.common import Basis, Extent, Rating
from readiness.models.provenance import CarriedAnswer
from readiness.models.questionnaire import Questionnaire

CARRIED_RATING = Rating.L
"""The rating a carried answer is prefilled with (see the module's docstring)."""


def carried_answers(
    questionnaire: Questionnaire, client: Client, language: Language = Language.EN
) -> dict[str, Answer]:
    """The prefilled answers for ``client``'s certificates, by question id, in bank order.

    A question shared with several standards the client holds is carried from the first
    certificate listed. The evidence names the certificate (number, expiry and scope).
    """
    held = {certificate.standard: certificate for certificate in reversed(client.certificates)}
    order = client.holds()
    found: dict[str, Answer] = {}
    for question in questionnaire.questions():
        standard = next((s for s in order if s in question.shared_with), None)
        if standard is None:
            continue
        found[question.id] = Answer(
            rating=CARRIED_RATING,
            documented=Extent.YES,
            practised=Extent.YES,
            evidence=[certificate_evidence(held[standard], language)],
            carried_from=standard,
            confirmed=False,
        )
    return found


def certificate_evidence(certificate: Certificate, language: Language) -> str:
    """``ISO/IEC 27001 certificate IS-123, valid until 2028-05-31``: the evidence a carried
    answer names (at most 300 characters, as any evidence)."""
    zh = language is Language.ZH
    parts = [STANDARD_NAMES[certificate.standard] + (" 证书" if zh else " certificate")]
    if certificate.number:
        parts.append(certificate.number)
    if certificate.expires:
        parts.append(("有效期至 " if zh else "valid until ") + certificate.expires.isoformat())
    text = ("，" if zh else ", ").join([" ".join(parts[:2]), *parts[2:]])
    return text[:300]


def with_carried(
    answers: AnswerFile, questionnaire: Questionnaire, language: Language
) -> AnswerFile:
    """``answers`` with the carried answers added where a shared question is not answered yet."""
    carried = carried_answers(questionnaire, answers.client, language)
    merged = {**carried, **answers.answers}
    return answers.model_copy(update={"answers": merged})


def unconfirmed_answers(answers: AnswerFile, questionnaire: Questionnaire) -> list[CarriedAnswer]:
    """Answers carried from a certified system and not confirmed, in questionnaire order."""
    found: list[CarriedAnswer] = []
    for question in questionnaire.questions():
        answer = answers.answers.get(question.id)
        if answer is not None and answer.carried_from is not None and not answer.confirmed:
            found.append(
                CarriedAnswer(
                    question=question.id,
                    area=question.area_id,
                    standard=answer.carried_from,
                    rating=answer.rating,
                )
            )
    return found


def shared_requirements(questionnaire: Questionnaire) -> dict[str, list[Standard]]:
    """Per requirement, the standards sharing every question that scores it (a requirement
    also asked by a question of ours alone is not shared)."""
    found: dict[str, list[Standard]] = {}
    scored = [q for q in questionnaire.questions() if q.basis is not Basis.PRACTICE]
    for requirement in {r for q in scored for r in q.covers}:
        covering = [q for q in scored if requirement in q.covers]
        common = set.intersection(*(set(q.shared_with) for q in covering))
        if common:
            found[requirement] = sorted(common, key=("iso27001", "iso9001").index)
    return dict(sorted(found.items()))
