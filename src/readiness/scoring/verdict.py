"""The certification verdict: ready, ready after minor fixes, not ready, or incomplete.

Certification needs every process to meet the standard: one process far below the floor
blocks it however good the average is. Major nonconformities must be closed before a
certificate is issued; minor ones need an accepted corrective-action plan. The reasons quote
only requirement findings (never good practice) and readiness preconditions. Every threshold
compares unrounded scores; the texts show them rounded, with more decimals where rounding
would hide which side of a bound a score is on.
"""

from __future__ import annotations

from dataclasses import dataclass

from readiness.models.assessment import (
    AreaResult,
    Blocker,
    CheckStatus,
    Completeness,
    Finding,
    FindingCounts,
    NotEvidenced,
    PreconditionResult,
    Reason,
    ScoreGroup,
    Verdict,
    VerdictResult,
)
from readiness.models.scoring import VerdictRules
from readiness.scoring.messages import pct, text


@dataclass(frozen=True)
class VerdictInputs:
    """What the verdict weighs."""

    overall: ScoreGroup
    areas: list[AreaResult]
    counts: FindingCounts
    blockers: list[Blocker]
    stage2_blocked: list[Finding]
    preconditions: list[PreconditionResult]
    not_evidenced: list[NotEvidenced]
    completeness: Completeness


def shown(value: float, bound: float) -> str:
    """``value`` for a text comparing it with ``bound``: 1 decimal, 2 if 1 would round onto it."""
    one = pct(round(value, 1))
    if value != bound and round(value, 1) == bound:
        return f"{value:.2f}"
    return one


def exact(group: ScoreGroup) -> float | None:
    """The unrounded score of a group (the rounded one for groups saved without it)."""
    return group.score_exact if group.score_exact is not None else group.score


def decide(inputs: VerdictInputs, rules: VerdictRules) -> VerdictResult:
    """Weigh findings, blockers, preconditions and scores into a verdict, listing every reason."""
    incomplete = _incomplete(inputs.completeness, rules)
    if incomplete is not None:
        return VerdictResult(verdict=Verdict.INCOMPLETE, reasons=[incomplete])
    # no score at all (every requirement NA or good practice): no score-based reason
    unscored = exact(inputs.overall) is None
    score = exact(inputs.overall) or 0.0
    blocking = _blocking(inputs, rules, score, unscored=unscored)
    if blocking:
        return VerdictResult(verdict=Verdict.NOT_READY, reasons=blocking)
    fixes = _fixes(inputs, rules, score, unscored=unscored)
    if fixes:
        return VerdictResult(verdict=Verdict.READY_AFTER_MINOR_FIXES, reasons=fixes)
    return _ready(score)


def _blocking(
    inputs: VerdictInputs, rules: VerdictRules, score: float, *, unscored: bool
) -> list[Reason]:
    """What stands between the system and certification: each makes it not ready."""
    total = inputs.counts.total
    blocking: list[Reason] = []
    if total.major:
        blocking.append(
            Reason(
                code="majors",
                text=text(
                    f"{total.major} predicted major nonconformities must be closed before "
                    f"certification ({_split_en(inputs.counts, 'major')}).",
                    f"预计有{total.major}项严重不符合，须在认证前关闭（{_split_zh(inputs.counts, 'major')}）。",
                ),
            )
        )
    if inputs.blockers:
        blocking.append(
            Reason(
                code="blockers",
                text=text(
                    f"{len(inputs.blockers)} mandatory documents or records are missing: issues to "
                    "resolve before stage 2 (the stage 1 review would record them).",
                    f"缺少{len(inputs.blockers)}项强制性文件或记录：属于第二阶段前须解决的问题（第一阶段审核会记录这些问题）。",
                ),
            )
        )
    blocking += _weak_areas(inputs.areas, rules)
    if not unscored and score < rules.overall_minimum:
        shown_score = shown(score, rules.overall_minimum)
        blocking.append(
            Reason(
                code="overall_minimum",
                text=text(
                    f"The overall score of {shown_score} % is below the minimum of "
                    f"{pct(rules.overall_minimum)} %.",
                    f"总分 {shown_score}% 低于最低要求 {pct(rules.overall_minimum)}%。",
                ),
            )
        )
    if total.minor > rules.max_minor_findings:
        blocking.append(
            Reason(
                code="too_many_minors",
                text=text(
                    f"{total.minor} minor nonconformities (more than {rules.max_minor_findings}) "
                    "would read as a systemic failure.",
                    f"{total.minor}项一般不符合（超过{rules.max_minor_findings}项）会被视为系统性失效。",
                ),
            )
        )
    for finding in inputs.stage2_blocked:
        blocking.append(Reason(code="stage2_blocked", text=finding.reason))
    for precondition in inputs.preconditions:
        if precondition.status is CheckStatus.NOT_MET:
            blocking.append(
                Reason(
                    code="precondition_not_met",
                    text=text(
                        "Readiness precondition not met (a certification body's expectation "
                        f"before stage 2, not a clause): {precondition.reason.en}",
                        f"认证准备前提条件未满足（认证机构对第二阶段审核的要求，非标准条款）：{precondition.reason.zh}",
                    ),
                )
            )
    return blocking


def _fixes(
    inputs: VerdictInputs, rules: VerdictRules, score: float, *, unscored: bool
) -> list[Reason]:
    """What a ready system must still fix (corrective-action plans, the ready score)."""
    total = inputs.counts.total
    fixes: list[Reason] = []
    if total.minor:
        fixes.append(
            Reason(
                code="minors",
                text=text(
                    f"{total.minor} minor nonconformities need corrective-action plans the "
                    "auditor accepts.",
                    f"{total.minor}项一般不符合需要提交审核员认可的纠正措施计划。",
                ),
            )
        )
    if not unscored and score < rules.overall_ready:
        shown_score = shown(score, rules.overall_ready)
        fixes.append(
            Reason(
                code="overall_ready",
                text=text(
                    f"The overall score of {shown_score} % is below the "
                    f"{pct(rules.overall_ready)} % of a ready system.",
                    f"总分 {shown_score}% 低于就绪体系应达到的 {pct(rules.overall_ready)}%。",
                ),
            )
        )
    fixes += _not_evidenced(inputs)
    return fixes


def _ready(score: float) -> VerdictResult:
    """The verdict of a system with nothing left to fix."""
    return VerdictResult(
        verdict=Verdict.READY,
        reasons=[
            Reason(
                code="ready",
                text=text(
                    "No major or minor nonconformity is predicted, every area is above the "
                    f"floor, every readiness precondition is met and the overall score is "
                    f"{pct(round(score, 1))} %.",
                    f"预计无严重或一般不符合，所有领域均高于底线，认证准备前提条件均已满足，总分为 "
                    f"{pct(round(score, 1))}%。",
                ),
            )
        ],
    )


def _incomplete(done: Completeness, rules: VerdictRules) -> Reason | None:
    missing = len(done.unanswered)
    if not done.questions or missing / done.questions <= rules.max_unanswered_share:
        return None
    share = pct(round(100 * missing / done.questions, 1))
    limit = pct(round(100 * rules.max_unanswered_share, 1))
    return Reason(
        code="incomplete",
        text=text(
            f"{missing} of {done.questions} questions are unanswered ({share} %, more than the "
            f"{limit} % allowed): answer them before reading a verdict into the scores.",
            f"{done.questions}个问题中有{missing}个未回答（{share}%，超过允许的{limit}%）："
            "请先补全回答，再据此判断认证准备情况。",
        ),
    )


def _weak_areas(areas: list[AreaResult], rules: VerdictRules) -> list[Reason]:
    weak = sorted(
        (a for a in areas if (exact(a) is not None and (exact(a) or 0.0) < rules.area_floor)),
        key=lambda a: (exact(a) or 0.0, a.id),
    )
    if not weak:
        return []
    floor = pct(rules.area_floor)
    listed = ", ".join(f"{a.id} {shown(exact(a) or 0.0, rules.area_floor)} %" for a in weak)
    listed_zh = "、".join(f"{a.id} {shown(exact(a) or 0.0, rules.area_floor)}%" for a in weak)
    return [
        Reason(
            code="area_floor",
            text=text(
                f"{len(weak)} {'area scores' if len(weak) == 1 else 'areas score'} below the "
                f"floor of {floor} % ({listed}): one weak process blocks certification "
                "whatever the average.",
                f"{len(weak)}个领域低于底线 {floor}%（{listed_zh}）：任何一个薄弱流程都会阻碍认证，"
                "无论平均分多高。",
            ),
        )
    ]


def _not_evidenced(inputs: VerdictInputs) -> list[Reason]:
    missing = [p.reason for p in inputs.preconditions if p.status is CheckStatus.NOT_EVIDENCED]
    missing += [n.reason for n in inputs.not_evidenced]
    return [Reason(code="not_evidenced", text=reason) for reason in missing]


def _split_en(counts: FindingCounts, name: str) -> str:
    parts = [
        (getattr(counts.requirement, name), "from requirements"),
        (getattr(counts.indicator, name), "from indicator rules"),
        (getattr(counts.matrix, name), "from the role matrix"),
    ]
    listed = [f"{n} {what}" for n, what in parts if n]
    if counts.systemic and name == "major":
        listed[0] += f", {counts.systemic} of them systemic"
    return "; ".join(listed)


def _split_zh(counts: FindingCounts, name: str) -> str:
    parts = [
        (getattr(counts.requirement, name), "来自要求"),
        (getattr(counts.indicator, name), "来自指标规则"),
        (getattr(counts.matrix, name), "来自职责矩阵"),
    ]
    listed = [f"{what}{n}项" for n, what in parts if n]
    if counts.systemic and name == "major":
        listed[0] += f"，其中系统性{counts.systemic}项"
    return "；".join(listed)
