"""The certification verdict: ready, ready after minor fixes, or not ready, with reasons.

Certification needs every process to meet the standard: one process far below the floor
blocks it however good the average is. Major nonconformities must be closed before a
certificate is issued; minor ones need an accepted corrective-action plan.
"""

from __future__ import annotations

from readiness.models.assessment import (
    AreaResult,
    Blocker,
    Finding,
    Reason,
    ScoreGroup,
    Verdict,
    VerdictResult,
)
from readiness.models.common import FindingClass
from readiness.models.scoring import VerdictRules
from readiness.scoring.messages import pct, text


def decide(
    overall: ScoreGroup,
    areas: list[AreaResult],
    findings: list[Finding],
    blockers: list[Blocker],
    stage2_blocked: list[Finding],
    rules: VerdictRules,
) -> VerdictResult:
    """Weigh findings, blockers and scores into a verdict, listing every reason."""
    majors = [f for f in findings if f.finding is FindingClass.MAJOR]
    minors = [f for f in findings if f.finding is FindingClass.MINOR]
    score = overall.score or 0.0
    blocking: list[Reason] = []
    if majors:
        blocking.append(
            Reason(
                code="majors",
                text=text(
                    f"{len(majors)} predicted major nonconformities must be closed before certification.",
                    f"预计有{len(majors)}项严重不符合，须在认证前关闭。",
                ),
            )
        )
    if blockers:
        blocking.append(
            Reason(
                code="blockers",
                text=text(
                    f"{len(blockers)} mandatory documents or records are missing: the stage 1 audit would not pass.",
                    f"缺少{len(blockers)}项强制性文件或记录：第一阶段审核无法通过。",
                ),
            )
        )
    weak = sorted(
        (a for a in areas if a.score is not None and a.score < rules.area_floor),
        key=lambda a: (a.score, a.id),
    )
    if weak:
        listed = ", ".join(f"{a.id} {pct(a.score or 0.0)} %" for a in weak)
        listed_zh = "、".join(f"{a.id} {pct(a.score or 0.0)}%" for a in weak)
        floor = pct(rules.area_floor)
        blocking.append(
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
        )
    if score < rules.overall_minimum:
        blocking.append(
            Reason(
                code="overall_minimum",
                text=text(
                    f"The overall score of {pct(score)} % is below the minimum of {pct(rules.overall_minimum)} %.",
                    f"总分 {pct(score)}% 低于最低要求 {pct(rules.overall_minimum)}%。",
                ),
            )
        )
    if len(minors) > rules.max_minor_findings:
        blocking.append(
            Reason(
                code="too_many_minors",
                text=text(
                    f"{len(minors)} minor nonconformities (more than {rules.max_minor_findings}) "
                    "would read as a systemic failure.",
                    f"{len(minors)}项一般不符合（超过{rules.max_minor_findings}项）会被视为系统性失效。",
                ),
            )
        )
    for finding in stage2_blocked:
        blocking.append(Reason(code="stage2_blocked", text=finding.reason))
    if blocking:
        return VerdictResult(verdict=Verdict.NOT_READY, reasons=blocking)
    fixes: list[Reason] = []
    if minors:
        fixes.append(
            Reason(
                code="minors",
                text=text(
                    f"{len(minors)} minor nonconformities need corrective-action plans the auditor accepts.",
                    f"{len(minors)}项一般不符合需要提交审核员认可的纠正措施计划。",
                ),
            )
        )
    if score < rules.overall_ready:
        fixes.append(
            Reason(
                code="overall_ready",
                text=text(
                    f"The overall score of {pct(score)} % is below the {pct(rules.overall_ready)} % of a ready system.",
                    f"总分 {pct(score)}% 低于就绪体系应达到的 {pct(rules.overall_ready)}%。",
                ),
            )
        )
    if fixes:
        return VerdictResult(verdict=Verdict.READY_AFTER_MINOR_FIXES, reasons=fixes)
    return VerdictResult(
        verdict=Verdict.READY,
        reasons=[
            Reason(
                code="ready",
                text=text(
                    f"No major or minor nonconformity is predicted, every area is above the floor and the "
                    f"overall score is {pct(score)} %.",
                    f"预计无严重或一般不符合，所有领域均高于底线，总分为 {pct(score)}%。",
                ),
            )
        ],
    )
