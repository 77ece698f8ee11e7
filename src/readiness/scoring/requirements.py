"""Score one requirement from the answers to the questions that cover it.

A requirement's score is the mean of its answers' scores. An answer's score is its rating's
value (see :mod:`readiness.scoring.ratings`), capped when the practice leaves no records, and,
for requirements that call for a document, when it is not documented (a requirement for
records is judged by whether records exist: the "practised with records" answer). An
unanswered question counts as N: no evidence was offered. NA answers are left out; a
requirement whose answers are all NA is accepted as not applicable only where the catalogue
allows it (ISO/IEC 20000-1:2018 allows no exclusion of clauses 4 to 10), else scored 0.

Answers to good-practice questions are shown but never enter the mean. Thresholds compare
the unrounded mean; the rounded score is for display. For a requirement that calls for
documented information the worst answer decides: one answer saying the document is missing
or the practice is not carried out makes it at least a minor nonconformity. A good-practice
requirement is an observation at most.
"""

from __future__ import annotations

from readiness.models.answers import Answer
from readiness.models.assessment import CapKind, Contribution, Flag, Reason, RequirementResult
from readiness.models.catalogue import Requirement
from readiness.models.common import (
    SEVERITY,
    Basis,
    Extent,
    FindingClass,
    LocalText,
    Rating,
)
from readiness.models.scale import RatingScale
from readiness.models.scoring import ScoringConfig
from readiness.scoring.messages import document_action, evidence_list, pct, text
from readiness.scoring.ratings import answer_value

DONE = (Extent.YES, Extent.PARTLY)


def contribution(
    question_id: str,
    answer: Answer | None,
    requirement: Requirement,
    config: ScoringConfig,
    *,
    practice: bool = False,
    scale: RatingScale | None = None,
) -> Contribution:
    """One answer's value and score for one requirement, with the caps that applied.

    ``practice``: the question asks about good practice; its answer is shown, not scored.
    ``scale``: a method's finer rating scale, which gives the value of a graded answer.
    """
    if answer is None or answer.rating is None:
        return Contribution(
            question=question_id,
            rating=None,
            value=0.0,
            score=0.0,
            capped_by=[],
            evidence=[],
            practice=practice,
        )
    if answer.rating is Rating.NA:
        return _described(question_id, answer, None, None, [], practice)
    value = answer_value(answer, scale)
    score = value
    capped_by: list[CapKind] = []
    if answer.practised is not None and config.caps.practised[answer.practised] < score:
        score = config.caps.practised[answer.practised]
        capped_by.append("practised")
    if _needs_document(requirement) and answer.documented is not None:
        cap = config.caps.documented[answer.documented]
        if cap < score:
            score = cap
            capped_by.append("documented")
    return _described(question_id, answer, value, score, capped_by, practice)


def _needs_document(requirement: Requirement) -> bool:
    """A document, not records: records are judged by "practised with records"."""
    return requirement.documented is not None and requirement.documented.kind == "document"


def _described(
    question_id: str,
    answer: Answer,
    value: float | None,
    score: float | None,
    capped_by: list[CapKind],
    practice: bool,
) -> Contribution:
    return Contribution(
        question=question_id,
        rating=answer.rating,
        grade=answer.grade,
        value=value,
        score=score,
        capped_by=capped_by,
        documented=answer.documented,
        practised=answer.practised,
        evidence=answer.evidence,
        notes=answer.notes,
        owner=answer.owner,
        justification=answer.justification,
        practice=practice,
    )


def classify(score: float, config: ScoringConfig) -> FindingClass:
    """The finding an auditor would most likely record for a requirement at ``score``."""
    bounds = config.findings
    if score <= bounds.major:
        return FindingClass.MAJOR
    if score <= bounds.minor:
        return FindingClass.MINOR
    if score <= bounds.observation:
        return FindingClass.OBSERVATION
    return FindingClass.CONFORMING


def score_requirement(
    requirement: Requirement,
    area_id: str,
    questions: list[str],
    answers: dict[str, Answer],
    config: ScoringConfig,
    practice_questions: frozenset[str] = frozenset(),
    scale: RatingScale | None = None,
) -> RequirementResult:
    """Score ``requirement`` from the answers to ``questions`` (the ones covering it).

    Answers to ``practice_questions`` are listed but left out of the score and the flags.
    """
    parts = [
        contribution(
            q, answers.get(q), requirement, config, practice=q in practice_questions, scale=scale
        )
        for q in questions
    ]
    scored = [c for c in parts if not c.practice]
    rated = [c for c in scored if c.score is not None]
    flags = _flags(scored, requirement)
    if not rated and requirement.na_allowed:
        return RequirementResult(
            id=requirement.id,
            clause=requirement.clause,
            area=area_id,
            weight=requirement.weight,
            score=None,
            finding=FindingClass.NOT_APPLICABLE,
            basis=requirement.basis,
            flags=[Flag.NA_ACCEPTED],
            contributions=parts,
            reasons=[
                Reason(
                    code="na_accepted",
                    text=text(
                        "Marked not applicable with a justification; the catalogue allows this.",
                        "已标注为不适用并说明理由；目录允许此项不适用。",
                    ),
                )
            ],
        )
    exact = sum(c.score or 0.0 for c in rated) / len(rated) if rated else 0.0
    score = round(exact, 2)
    finding = classify(exact, config)
    worst = requirement.documented is not None and _worst_fails(scored, requirement)
    if worst and SEVERITY[finding] < SEVERITY[FindingClass.MINOR]:
        finding = FindingClass.MINOR
    if requirement.documented is not None and _document_missing(scored, requirement, exact, config):
        flags.append(Flag.DOCUMENT_MISSING)
    if (
        requirement.basis is Basis.PRACTICE
        and SEVERITY[finding] > SEVERITY[FindingClass.OBSERVATION]
    ):
        finding = FindingClass.OBSERVATION
    reasons = _reasons(parts, flags, score)
    if worst and finding is FindingClass.MINOR and classify(exact, config) is not finding:
        reasons.append(_WORST_REASON)
    return RequirementResult(
        id=requirement.id,
        clause=requirement.clause,
        area=area_id,
        weight=requirement.weight,
        score=score,
        score_exact=exact,
        finding=finding,
        basis=requirement.basis,
        flags=flags,
        reasons=reasons,
        recommendation=_recommendation(requirement, flags, finding),
        contributions=parts,
    )


_WORST_REASON = Reason(
    code="worst_answer",
    text=text(
        "One answer says the documented information is missing or the practice is not "
        "carried out: at least a minor nonconformity, whatever the mean.",
        "有一个回答表明缺少成文信息或未实施：无论平均分多少，至少为一般不符合。",
    ),
)


def _worst_fails(parts: list[Contribution], requirement: Requirement) -> bool:
    """Whether one answer shows the document missing (for a document) or the practice not
    carried out (rated N, or no records of practice)."""
    for part in parts:
        if part.score is None or part.rating is None:
            continue
        if part.rating is Rating.N or part.practised is Extent.NO:
            return True
        if _needs_document(requirement) and part.documented is Extent.NO:
            return True
    return False


def _flags(parts: list[Contribution], requirement: Requirement) -> list[Flag]:
    flags: list[Flag] = []
    if all(c.rating is None for c in parts):
        flags.append(Flag.UNANSWERED)
    if parts and all(c.rating is Rating.NA for c in parts):
        flags.append(Flag.NA_NOT_ALLOWED)
    if any(c.documented in DONE and c.practised is Extent.NO for c in parts):
        flags.append(Flag.DOCUMENTED_NOT_PRACTISED)
    practised_only = requirement.documented is not None and not _needs_document(requirement)
    if not practised_only and any(c.practised in DONE and c.documented is Extent.NO for c in parts):
        flags.append(Flag.PRACTISED_NOT_DOCUMENTED)
    return flags


def _document_missing(
    parts: list[Contribution], requirement: Requirement, score: float, config: ScoringConfig
) -> bool:
    """Missing when every answer that says says "no", or nobody says and nothing scores.

    For a document the "documented" answers say; for records, "practised with records".
    """
    field = "documented" if _needs_document(requirement) else "practised"
    stated = [
        getattr(c, field) for c in parts if c.score is not None and getattr(c, field) is not None
    ]
    if stated:
        return all(d is Extent.NO for d in stated)
    return score <= config.findings.major


def _reasons(parts: list[Contribution], flags: list[Flag], score: float) -> list[Reason]:
    reasons: list[Reason] = []
    if Flag.NA_NOT_ALLOWED in flags:
        reasons.append(
            Reason(
                code="na_not_allowed",
                text=text(
                    "Marked not applicable, but clauses 4 to 10 cannot be excluded; where another "
                    "party runs this, show how you govern it (8.2.3). Scored as not achieved.",
                    "被标注为不适用，但第4至10章不允许删减；如由其他方实施，需证明对其的管控（8.2.3）。按未实现计分。",
                ),
            )
        )
    elif Flag.UNANSWERED in flags:
        reasons.append(
            Reason(
                code="unanswered",
                text=text(
                    "No answer was given, so no evidence was offered; scored as not achieved.",
                    "未作回答，视为未提供证据；按未实现计分。",
                ),
            )
        )
    else:
        en = [_describe(c, zh=False) for c in parts if c.score is not None and not c.practice]
        zh = [_describe(c, zh=True) for c in parts if c.score is not None and not c.practice]
        reasons.append(
            Reason(
                code="score",
                text=text(
                    f"{pct(score)} % from {len(en)} answer{'s' if len(en) != 1 else ''}: "
                    + "; ".join(en)
                    + ".",
                    f"根据{len(zh)}个回答得分 {pct(score)}%：" + "；".join(zh) + "。",
                ),
            )
        )
    if Flag.DOCUMENTED_NOT_PRACTISED in flags:
        reasons.append(
            Reason(
                code="documented_not_practised",
                text=text(
                    "Documented but not practised: the documents describe work that leaves no records.",
                    "有文件未执行：文件描述的工作没有留下记录。",
                ),
            )
        )
    if Flag.PRACTISED_NOT_DOCUMENTED in flags:
        reasons.append(
            Reason(
                code="practised_not_documented",
                text=text(
                    "Practised but not documented: the work is done, but no document describes it.",
                    "有执行无文件：工作在开展，但没有文件描述。",
                ),
            )
        )
    note = _practice_note(parts)
    if note is not None:
        reasons.append(note)
    if Flag.DOCUMENT_MISSING in flags:
        reasons.append(
            Reason(
                code="document_missing",
                text=text(
                    "Required documented information is missing: a stage 1 audit would stop here.",
                    "缺少要求的成文信息：第一阶段审核会在此受阻。",
                ),
            )
        )
    return reasons


def _describe(part: Contribution, *, zh: bool) -> str:
    rating = part.rating.value if part.rating else "-"
    value = pct(part.value or 0.0)
    caps = {
        "practised": ("no records of practice", "缺少实施记录"),
        "documented": ("not documented", "未形成文件"),
    }
    if zh:
        line = f"{part.question} 评为 {rating}（{value}）"
        if part.capped_by:
            why = "、".join(caps[c][1] for c in part.capped_by)
            line += f"，因{why}封顶为 {pct(part.score or 0.0)}"
        return line
    line = f"{part.question} rated {rating} ({value})"
    if part.capped_by:
        why = " and ".join(caps[c][0] for c in part.capped_by)
        line += f", capped at {pct(part.score or 0.0)} because {why}"
    return line


def _practice_note(parts: list[Contribution]) -> Reason | None:
    listed = [c.question for c in parts if c.practice]
    if not listed:
        return None
    return Reason(
        code="practice_not_scored",
        text=text(
            f"Good-practice questions shown but not scored: {', '.join(listed)}.",
            f"良好实践问题仅列示、不计分：{'、'.join(listed)}。",
        ),
    )


def _recommendation(
    requirement: Requirement, flags: list[Flag], finding: FindingClass
) -> LocalText | None:
    if finding is FindingClass.CONFORMING:
        return None
    if Flag.DOCUMENT_MISSING in flags and requirement.documented is not None:
        return document_action(requirement.documented)
    evidence_en, evidence_zh = evidence_list(requirement)
    if Flag.DOCUMENTED_NOT_PRACTISED in flags:
        return text(
            f"Put the documented practice into operation and keep its records ({evidence_en}).",
            f"将文件规定的做法落实到日常工作中并保存记录（{evidence_zh}）。",
        )
    if Flag.PRACTISED_NOT_DOCUMENTED in flags:
        return text(
            "Document the practice as it is actually performed, then keep it up to date.",
            "按实际执行情况将做法形成文件，并保持更新。",
        )
    if finding is FindingClass.OBSERVATION:
        return text(
            f"Close the remaining gaps and make the evidence complete ({evidence_en}).",
            f"弥补剩余差距，使证据完整（{evidence_zh}）。",
        )
    return text(
        f"{requirement.text.en} Evidence to produce: {evidence_en}.",
        f"{requirement.text.zh}需形成的证据：{evidence_zh}。",
    )
