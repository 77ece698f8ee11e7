"""Findings from requirement results: nonconformities, good-practice observations, systemic
majors.

A gap in good practice is never a nonconformity: practice requirements and practice questions
give observations, listed apart. Several minors against one process, or against one clause of
a management-system area, are raised by auditors as one major nonconformity (systemic); the
minors stay listed, each pointing at the major that counts them.
"""

from __future__ import annotations

from readiness.models.answers import Answer
from readiness.models.assessment import Finding, FindingSource, RequirementResult
from readiness.models.catalogue import Catalogue
from readiness.models.common import Basis, FindingClass, Rating
from readiness.models.questionnaire import Questionnaire
from readiness.scoring.messages import text

REPORTED = (FindingClass.MAJOR, FindingClass.MINOR, FindingClass.OBSERVATION)


def requirement_findings(requirements: list[RequirementResult]) -> list[Finding]:
    """A finding for each requirement (not good practice) predicted major, minor or observation."""
    return [
        _of(result, FindingSource.REQUIREMENT)
        for result in requirements
        if result.finding in REPORTED and result.basis is not Basis.PRACTICE
    ]


def practice_findings(
    requirements: list[RequirementResult],
    questionnaire: Questionnaire,
    catalogue: Catalogue,
    answers: dict[str, Answer],
) -> list[Finding]:
    """Observations from good-practice requirements with a gap and good-practice questions
    rated below F, in catalogue then questionnaire order."""
    found = [
        _of(result, FindingSource.PRACTICE)
        for result in requirements
        if result.finding in REPORTED and result.basis is Basis.PRACTICE
    ]
    for question in questionnaire.questions():
        if question.basis is not Basis.PRACTICE:
            continue
        answer = answers.get(question.id)
        rating = answer.rating if answer else None
        if rating is None or rating in (Rating.F, Rating.NA):
            continue
        first = catalogue.requirement(question.covers[0])
        found.append(
            Finding(
                id=question.id,
                source=FindingSource.PRACTICE,
                finding=FindingClass.OBSERVATION,
                area=question.area_id,
                clause=first.clause,
                requirements=list(question.covers),
                reason=text(
                    f"Good practice, not a requirement: rated {rating.value}. {question.text.en}",
                    f"良好实践，非标准要求：评为 {rating.value}。{question.text.zh}",
                ),
                recommendation=question.guidance,
            )
        )
    return found


def _of(result: RequirementResult, source: FindingSource) -> Finding:
    finding = result.finding if source is FindingSource.REQUIREMENT else FindingClass.OBSERVATION
    return Finding(
        id=result.id,
        source=source,
        finding=finding,
        area=result.area,
        clause=result.clause,
        requirements=[result.id],
        reason=result.reasons[0].text,
        recommendation=result.recommendation,
    )


def group_systemic(
    findings: list[Finding], catalogue: Catalogue, minimum: int
) -> tuple[list[Finding], list[Finding]]:
    """The findings with grouped minors marked, and one systemic major per group of at least
    ``minimum`` requirement minors against one process (or one clause of another area)."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.source is FindingSource.REQUIREMENT and finding.finding is FindingClass.MINOR:
            groups.setdefault(group_key(finding.area, finding.clause, catalogue), []).append(
                finding
            )
    systemic: list[Finding] = []
    marked: dict[str, str] = {}
    for key, members in groups.items():
        if len(members) < minimum:
            continue
        major = _systemic(key, members, catalogue)
        systemic.append(major)
        marked.update((m.id, major.id) for m in members)
    updated = [
        f.model_copy(update={"grouped_into": marked[f.id]})
        if f.source is FindingSource.REQUIREMENT and f.id in marked
        else f
        for f in findings
    ]
    return updated, systemic


def group_key(area_id: str | None, clause_id: str | None, catalogue: Catalogue) -> str:
    """The group a requirement minor counts in towards a systemic major: ``B.CHG`` for a
    process; ``A.PERF 9.2`` for a clause of a management-system area."""
    area = area_id or ""
    if catalogue.has_area(area) and catalogue.area(area).process:
        return area
    clause = ".".join((clause_id or "").split(".")[:2])
    return f"{area} {clause}"


def _systemic(key: str, members: list[Finding], catalogue: Catalogue) -> Finding:
    area_id, _, clause = key.partition(" ")
    area = catalogue.area(area_id)
    ids = [m.id for m in members]
    if clause:
        title = catalogue.clause(clause)
        subject_en = f"clause {clause} {title.title.en}"
        subject_zh = f"条款 {clause} {title.title.zh}"
    else:
        subject_en = f"the {area.title.en} process"
        subject_zh = f"{area.title.zh}流程"
    return Finding(
        id=f"SYS-{area_id}" + (f"-{clause}" if clause else ""),
        source=FindingSource.SYSTEMIC,
        finding=FindingClass.MAJOR,
        area=area_id,
        clause=clause or members[0].clause,
        requirements=ids,
        reason=text(
            f"{len(members)} minor nonconformities against {subject_en} ({', '.join(ids)}): "
            "an auditor would raise them as one major nonconformity, a systemic failure.",
            f"{subject_zh}有{len(members)}项一般不符合（{'、'.join(ids)}）：审核员会将其作为一项"
            "严重不符合（系统性失效）提出。",
        ),
        recommendation=text(
            f"Treat the minors behind it together: review how {subject_en} is designed, "
            "resourced and checked, not only each gap.",
            f"对其背后的各项一般不符合统一整改：审视{subject_zh}的设计、资源和检查，而不只是逐项弥补。",
        ),
    )
