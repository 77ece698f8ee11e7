"""The interview guide: for each respondent role, the answers to probe first and why.

Roles: each of the 13 processes is interviewed with its owner; the other areas of a part
(Part A's management system, Part C's 2018 additions) with the part's respondents, the SMS
owner first (the catalogue's ``respondent`` of the part says who they are).

What is probed, in the order of ``selection.order`` in ``interview.yaml`` (shipped:
documented but not practised, respondents who disagree, ratings without evidence, the weakest
answers of the weakest processes). A question is probed once, under the first kind that
applies, and carries every kind that applies. Within a kind: the worse predicted finding and
the lower score first (documented but not practised), the wider spread of ratings first
(disagreements), the higher unsupported rating first (an F with nothing to show is the least
credible), the weakest area and the lowest score first (weakest). Ties keep the
questionnaire's order, so the same assessment gives the same guide.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from readiness.models.assessment import Assessment, Contribution, RequirementResult
from readiness.models.catalogue import Catalogue
from readiness.models.common import SEVERITY, Extent, FindingClass, LocalText, Rating
from readiness.models.guide import (
    InterviewData,
    InterviewGuide,
    Probe,
    ProbeKind,
    RoleGuide,
    WeakArea,
)
from readiness.models.provenance import Disagreement
from readiness.models.questionnaire import Question, Questionnaire
from readiness.scoring.ratings import ORDER

DONE = (Extent.YES, Extent.PARTLY)
GAPS = (FindingClass.MAJOR, FindingClass.MINOR)
SUPPORTED = (Rating.P, Rating.L, Rating.F)


def build_guide(
    assessment: Assessment,
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    interview: InterviewData,
) -> InterviewGuide:
    """The interview guide of ``assessment`` (answers of one or several respondents)."""
    results = {r.id: r for r in assessment.requirements}
    answers = _answers(assessment.requirements)
    disagreements: dict[str, list[Disagreement]] = defaultdict(list)
    for disagreement in assessment.disagreements:
        if questionnaire.has_question(disagreement.subject):
            disagreements[disagreement.subject].append(disagreement)
    weak = weak_areas(assessment, catalogue, interview)
    scores = {a.id: a.score or 0.0 for a in assessment.areas}
    counts = dict.fromkeys(interview.selection.order, 0)
    roles: list[RoleGuide] = []
    for role_id, part, areas in respondent_roles(catalogue):
        questions = [q for q in questionnaire.questions() if q.area_id in areas]
        selected = _select(questions, answers, results, disagreements, weak, interview)
        probes = [
            _probe(question, kinds, answers, results, disagreements, interview, catalogue)
            for question, kinds in selected
        ]
        limit = interview.selection.max_per_role
        for probe in probes[:limit]:
            counts[probe.kinds[0]] += 1
        holder = _holder(assessment, role_id, part)
        people = [p.owner for p in probes[:limit] if p.owner and p.owner != holder]
        roles.append(
            RoleGuide(
                id=role_id,
                part=part,
                areas=areas,
                holder=holder,
                people=list(dict.fromkeys(people)),
                probes=probes[:limit],
                reported_differently=[
                    d
                    for d in assessment.disagreements
                    if _subject_area(d.subject, questionnaire) in areas
                ],
                if_time_allows=[p.question for p in probes[limit:]],
            )
        )
    return InterviewGuide(
        tool_version=assessment.tool_version,
        interview_version=interview.interview_version,
        assessed_on=assessment.assessed_on,
        client=assessment.client.name,
        respondents=list(assessment.respondents),
        order=list(interview.selection.order),
        weak_areas=[WeakArea(area=a, score=scores[a]) for a in weak],
        counts=counts,
        roles=roles,
    )


def respondent_roles(catalogue: Catalogue) -> list[tuple[str, str, list[str]]]:
    """``(role id, part, areas)`` in catalogue order: a role per process, and a role per part
    for its areas that are not processes."""
    roles: list[tuple[str, str, list[str]]] = []
    for part in catalogue.parts:
        areas = [a for a in catalogue.areas if a.part == part.id]
        others = [a.id for a in areas if not a.process]
        if others:
            roles.append((part.id, part.id, others))
        roles += [(a.id, part.id, [a.id]) for a in areas if a.process]
    return roles


def weak_areas(assessment: Assessment, catalogue: Catalogue, interview: InterviewData) -> list[str]:
    """The weakest processes (``selection.weakest_processes`` of them) and, if asked, every
    area below the area floor; weakest first."""
    selection = interview.selection
    scored = [a for a in assessment.areas if a.score_exact is not None]
    scored.sort(key=lambda a: (a.score_exact or 0.0, _area_index(catalogue, a.id)))
    chosen = [a.id for a in scored if a.process][: selection.weakest_processes]
    if selection.below_floor:
        chosen += [a.id for a in scored if (a.score_exact or 0.0) < assessment.area_floor]
    return [a.id for a in scored if a.id in set(chosen)]


def _area_index(catalogue: Catalogue, area_id: str) -> int:
    return [a.id for a in catalogue.areas].index(area_id) if catalogue.has_area(area_id) else 0


def _answers(requirements: Iterable[RequirementResult]) -> dict[str, Contribution]:
    """Each question's answer, as its first contribution shows it."""
    found: dict[str, Contribution] = {}
    for result in requirements:
        for contribution in result.contributions:
            found.setdefault(contribution.question, contribution)
    return found


def _covered(question: Question, results: dict[str, RequirementResult]) -> list[RequirementResult]:
    return [results[r] for r in question.covers if r in results]


def _worst(question: Question, results: dict[str, RequirementResult]) -> tuple[int, float]:
    """Severity of the worst covered finding and the lowest covered score."""
    covered = _covered(question, results)
    severity = max((SEVERITY[r.finding] for r in covered), default=0)
    scores = [r.score_exact if r.score_exact is not None else r.score for r in covered]
    return severity, min((s for s in scores if s is not None), default=100.0)


def _kinds(
    question: Question,
    answer: Contribution | None,
    results: dict[str, RequirementResult],
    disagreements: dict[str, list[Disagreement]],
    weak: list[str],
) -> set[ProbeKind]:
    kinds: set[ProbeKind] = set()
    if question.id in disagreements:
        kinds.add(ProbeKind.DISAGREEMENT)
    if answer is None or answer.rating is None or answer.rating is Rating.NA:
        return kinds
    if answer.documented in DONE and answer.practised is Extent.NO:
        kinds.add(ProbeKind.DOCUMENTED_NOT_PRACTISED)
    if answer.rating in SUPPORTED and not answer.evidence:
        kinds.add(ProbeKind.NO_EVIDENCE)
    severity, _ = _worst(question, results)
    if question.area_id in weak and not answer.practice and severity >= SEVERITY[GAPS[-1]]:
        kinds.add(ProbeKind.WEAKEST)
    return kinds


def _spread(disagreements: list[Disagreement]) -> int:
    ratings = [
        ORDER.index(Rating(v))
        for d in disagreements
        if d.field == "rating"
        for v in d.values.values()
        if v in set(ORDER)
    ]
    return max(ratings) - min(ratings) if ratings else 0


def _select(
    questions: list[Question],
    answers: dict[str, Contribution],
    results: dict[str, RequirementResult],
    disagreements: dict[str, list[Disagreement]],
    weak: list[str],
    interview: InterviewData,
) -> list[tuple[Question, list[ProbeKind]]]:
    """The role's questions to probe, in order, each with the kinds that apply to it."""
    order = interview.selection.order
    applying = {q.id: _kinds(q, answers.get(q.id), results, disagreements, weak) for q in questions}
    position = {q.id: index for index, q in enumerate(questions)}
    chosen: list[tuple[Question, list[ProbeKind]]] = []
    placed: set[str] = set()
    for kind in order:
        group = [q for q in questions if kind in applying[q.id] and q.id not in placed]
        group.sort(key=lambda q: _rank(kind, q, answers, results, disagreements, weak, position))
        if kind is ProbeKind.WEAKEST:
            group = _per_area(group, interview.selection.per_weak_area)
        for question in group:
            placed.add(question.id)
            others = sorted(applying[question.id] - {kind}, key=order.index)
            chosen.append((question, [kind, *others]))  # the first kind placed it
    return chosen


def _rank(
    kind: ProbeKind,
    question: Question,
    answers: dict[str, Contribution],
    results: dict[str, RequirementResult],
    disagreements: dict[str, list[Disagreement]],
    weak: list[str],
    position: dict[str, int],
) -> tuple[float, ...]:
    severity, score = _worst(question, results)
    index = float(position[question.id])
    if kind is ProbeKind.DISAGREEMENT:
        return (-_spread(disagreements[question.id]), -severity, score, index)
    if kind is ProbeKind.NO_EVIDENCE:
        rating = answers[question.id].rating
        return (-ORDER.index(rating) if rating in SUPPORTED else 0, index)
    if kind is ProbeKind.WEAKEST:
        return (weak.index(question.area_id), score, -severity, index)
    return (-severity, score, index)


def _per_area(questions: list[Question], limit: int) -> list[Question]:
    taken: dict[str, int] = defaultdict(int)
    kept: list[Question] = []
    for question in questions:
        if taken[question.area_id] < limit:
            taken[question.area_id] += 1
            kept.append(question)
    return kept


def _probe(
    question: Question,
    kinds: list[ProbeKind],
    answers: dict[str, Contribution],
    results: dict[str, RequirementResult],
    disagreements: dict[str, list[Disagreement]],
    interview: InterviewData,
    catalogue: Catalogue,
) -> Probe:
    answer = answers.get(question.id)
    covered = _covered(question, results)
    severity, score = _worst(question, results)
    finding = next((r.finding for r in covered if SEVERITY[r.finding] == severity), None)
    # the reason that placed it, then the other reasons that call for their own question (the
    # weakest-process prompt is general: it is asked only when it placed the answer)
    ask = [interview.probes[kinds[0]].ask]
    ask += [interview.probes[k].ask for k in kinds[1:] if k is not ProbeKind.WEAKEST]
    ask.append(interview.questions.get(question.id, question.text))
    return Probe(
        question=question.id,
        area=question.area_id,
        kinds=kinds,
        requirements=list(question.covers),
        finding=finding or FindingClass.CONFORMING,
        score=round(score, 1) if covered else None,
        rating=answer.rating if answer else None,
        documented=answer.documented if answer else None,
        practised=answer.practised if answer else None,
        evidence=list(answer.evidence) if answer else [],
        owner=answer.owner if answer else None,
        notes=answer.notes if answer else None,
        disagreements=disagreements.get(question.id, []),
        ask=ask,
        listen_for=question.guidance,
        see=_to_see(question, catalogue),
    )


def _to_see(question: Question, catalogue: Catalogue) -> list[LocalText]:
    """The documented information its requirements call for, the question's own evidence
    hint, then the requirements' typical evidence; each once."""
    requirements = [catalogue.requirement(r) for r in question.covers]
    texts = [r.documented.name for r in requirements if r.documented is not None]
    texts += [question.evidence, *(e for r in requirements for e in r.evidence)]
    return list({text.en: text for text in texts}.values())


def _subject_area(subject: str, questionnaire: Questionnaire) -> str | None:
    """The area of a disagreement on a figure (``emergency_change_share``) or a capability
    attribute (``B.CHG PA2.1``); None for a question (probed with the answers)."""
    if questionnaire.has_figure(subject):
        return questionnaire.figure(subject).area
    area, _, attribute = subject.partition(" ")
    return area if attribute else None


def _holder(assessment: Assessment, role_id: str, part: str) -> str | None:
    if role_id == part:
        return assessment.roles.sms_owner
    return assessment.roles.process_owners.get(role_id)
