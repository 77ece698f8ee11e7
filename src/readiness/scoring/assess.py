"""Assess an answer file: the one function the CLI and the renderers build on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from readiness.models.answers import AnswerFile, MatrixRow
from readiness.models.assessment import (
    AreaResult,
    Assessment,
    Blocker,
    Completeness,
    FindingCounts,
    Flag,
    RequirementResult,
    ScoreGroup,
)
from readiness.models.catalogue import Catalogue
from readiness.models.common import Basis, FindingClass, Rating
from readiness.models.method import MethodInfo
from readiness.models.provenance import Source
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.scoring.capability import capability
from readiness.scoring.carried import unconfirmed_answers
from readiness.scoring.findings import group_systemic, practice_findings, requirement_findings
from readiness.scoring.indicators import check_indicators
from readiness.scoring.matrix import check_matrix
from readiness.scoring.ratings import scale_values
from readiness.scoring.requirements import score_requirement
from readiness.scoring.rollup import roll_up
from readiness.scoring.verdict import VerdictInputs, decide
from readiness.version import __version__

SEVERITY_ORDER = {FindingClass.MAJOR: 0, FindingClass.MINOR: 1, FindingClass.OBSERVATION: 2}


def assess(
    answers: AnswerFile,
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    config: ScoringConfig,
    *,
    assessed_on: dt.date | None = None,
    method: MethodInfo | None = None,
) -> Assessment:
    """Score every requirement, roll scores up, predict findings and decide the verdict.

    Pure: the same inputs give the same assessment. ``assessed_on`` overrides the date in
    the answer file (the report's date is never read from the clock here). ``method`` names
    the consultant's method the data was merged with, for the record.

    An answer carried from a certified ISO/IEC 27001 or ISO 9001 system that the consultant has
    not confirmed is listed as unconfirmed and scored as unanswered: it cannot raise a score.
    """
    unconfirmed = unconfirmed_answers(answers, questionnaire)
    if unconfirmed:
        left_out = {c.question for c in unconfirmed}
        kept = {q: a for q, a in answers.answers.items() if q not in left_out}
        answers = answers.model_copy(update={"answers": kept})
    requirements = _requirements(answers, catalogue, questionnaire, config)
    indicators = check_indicators(questionnaire, catalogue, answers.figures)
    findings, systemic = group_systemic(
        requirement_findings(requirements), catalogue, config.findings.systemic_minors
    )
    grouped = {f.id for f in findings if f.grouped_into is not None}
    by_id = {result.id: result for result in requirements}

    def group(group_id: str, results: list[RequirementResult]) -> ScoreGroup:
        return roll_up(group_id, results, grouped, systemic)

    areas = [
        _area(area.id, catalogue, questionnaire, answers, by_id, group) for area in catalogue.areas
    ]
    part_of = catalogue.index.part_of_requirement
    parts = [
        group(part.id, [r for r in requirements if part_of[r.id] == part.id])
        for part in catalogue.parts
    ]
    clauses = [
        group(clause.id, [by_id[r.id] for r in catalogue.requirements_under(clause.id)])
        for clause in catalogue.clauses
    ]
    overall = group("overall", requirements)
    findings += indicators.findings
    findings += check_matrix(answers, catalogue, config.matrix)
    area_order = {area.id: index for index, area in enumerate(catalogue.areas)}
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.finding], area_order.get(f.area or "", 99), f.id))
    practice = practice_findings(requirements, questionnaire, catalogue, answers.answers)
    practice += indicators.practice
    blockers = _blockers(requirements, catalogue)
    stage2 = [
        f
        for f in indicators.findings
        if any(rule.id == f.id and rule.blocks_stage2 for rule in questionnaire.rules)
    ]
    counts = FindingCounts.of(
        findings, systemic, practice, indicators.preconditions, indicators.not_evidenced
    )
    completeness = _completeness(answers, questionnaire)
    verdict = decide(
        VerdictInputs(
            overall=overall,
            areas=areas,
            counts=counts,
            blockers=blockers,
            stage2_blocked=stage2,
            preconditions=indicators.preconditions,
            not_evidenced=indicators.not_evidenced,
            completeness=completeness,
        ),
        config.verdict,
    )
    return Assessment(
        tool_version=__version__,
        assessed_on=assessed_on or answers.assessed_on,
        assessor=answers.assessor,
        client=answers.client,
        source=_source(catalogue, questionnaire, config, method),
        target_score=config.target_score,
        area_floor=config.verdict.area_floor,
        overall=overall,
        parts=parts,
        areas=areas,
        clauses=clauses,
        requirements=requirements,
        findings=findings,
        systemic=systemic,
        practice=practice,
        preconditions=indicators.preconditions,
        not_evidenced=indicators.not_evidenced,
        counts=counts,
        blockers=blockers,
        indicators=indicators.results,
        completeness=completeness,
        verdict=verdict,
        roles=answers.roles,
        matrix=_canonical_matrix(answers.matrix),
        unconfirmed=unconfirmed,
    )


def _requirements(
    answers: AnswerFile, catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig
) -> list[RequirementResult]:
    """Every requirement of the catalogue scored from the answers to the questions covering it
    (good-practice questions shown, not scored)."""
    practice_questions = frozenset(
        q.id for q in questionnaire.questions() if q.basis is Basis.PRACTICE
    )
    return [
        score_requirement(
            requirement,
            catalogue.home_area(requirement.clause).id,
            list(questionnaire.covering(requirement.id)),
            answers.answers,
            config,
            practice_questions,
            questionnaire.scale,
        )
        for requirement in catalogue.requirements
    ]


def _source(
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    config: ScoringConfig,
    method: MethodInfo | None,
) -> Source:
    """The data the assessment was made with, by name and version."""
    return Source(
        standard=catalogue.standard,
        edition=catalogue.edition,
        catalogue_version=catalogue.catalogue_version,
        questionnaire=questionnaire.id,
        questionnaire_version=questionnaire.version,
        scoring_version=config.version,
        rating_values=scale_values(questionnaire.scale),
        method=method,
    )


def _canonical_matrix(rows: list[MatrixRow]) -> list[MatrixRow]:
    """Each row's people in the order they first appear in the matrix.

    A workbook lists people by column, a YAML file by row; the assessment must not differ.
    """
    people: dict[str, None] = {}
    for row in rows:
        people.update(dict.fromkeys(row.assign))
    return [
        row.model_copy(update={"assign": {p: row.assign[p] for p in people if p in row.assign}})
        for row in rows
    ]


def _area(
    area_id: str,
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    answers: AnswerFile,
    by_id: dict[str, RequirementResult],
    roll: Callable[[str, list[RequirementResult]], ScoreGroup],
) -> AreaResult:
    area = catalogue.area(area_id)
    group = roll(area_id, [by_id[r.id] for r in catalogue.area_requirements(area_id)])
    level = None
    if area.process:
        level = capability(
            questionnaire.capability,
            group.score,
            answers.capability.get(area_id, {}),
            evidenced=bool(answers.capability_evidence.get(area_id)),
        )
    return AreaResult(**dict(group), part=area.part, process=area.process, capability=level)


def _blockers(requirements: list[RequirementResult], catalogue: Catalogue) -> list[Blocker]:
    blockers: list[Blocker] = []
    for result in requirements:
        documented = catalogue.requirement(result.id).documented
        if result.basis is Basis.PRACTICE:
            continue
        if documented is not None and Flag.DOCUMENT_MISSING in result.flags:
            blockers.append(
                Blocker(
                    requirement=result.id,
                    clause=result.clause,
                    kind=documented.kind,
                    name=documented.name,
                )
            )
    return blockers


def _completeness(answers: AnswerFile, questionnaire: Questionnaire) -> Completeness:
    questions = questionnaire.questions()
    rating = {q.id: answers.answers[q.id].rating for q in questions if q.id in answers.answers}
    ratings = list(rating.values())
    return Completeness(
        questions=len(questions),
        answered=sum(r is not None for r in ratings),
        not_applicable=sum(r is Rating.NA for r in ratings),
        rated_n=sum(r is Rating.N for r in ratings),
        unanswered=[q.id for q in questions if rating.get(q.id) is None],
        figures=len(questionnaire.figures),
        figures_given=sum(answers.figures.get(f.id) is not None for f in questionnaire.figures),
    )
