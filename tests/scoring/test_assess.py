"""Whole assessments of the mini catalogue, with every number worked out by hand."""

from __future__ import annotations

from typing import Any

from readiness.models.assessment import FindingSource, Verdict
from readiness.models.common import FindingClass
from readiness.scoring.assess import assess
from tests.conftest import mini_answers

GOOD = {"rating": "F", "documented": "yes", "practised": "yes"}
ROLES = {"sms_owner": "Li Wei", "process_owners": {"B.OPS": "Zhang Min"}}
MATRIX = [{"item": "Plan operations", "area": "B.OPS", "assign": {"Zhang Min": "P", "Li Wei": "B"}}]


def run(mini_catalogue, mini_questionnaire, config, **data: Any):  # type: ignore[no-untyped-def]
    return assess(mini_answers(**data), mini_catalogue, mini_questionnaire, config)


def run_good(mini_catalogue, mini_questionnaire, config, changed=None, **data: Any):  # type: ignore[no-untyped-def]
    """Every question answered F, documented and practised, roles and matrix complete;
    ``changed`` replaces some answers."""
    answers = {q.id: GOOD for q in mini_questionnaire.questions()} | (changed or {})
    data = {"roles": ROLES, "matrix": MATRIX} | data
    return run(mini_catalogue, mini_questionnaire, config, answers=answers, **data)


def test_a_client_doing_everything_is_ready(mini_catalogue, mini_questionnaire, config) -> None:
    answers = {q.id: GOOD for q in mini_questionnaire.questions()}
    answers["A.CTX.03"] = {"rating": "NA", "justification": "No other parties."}
    result = run(
        mini_catalogue,
        mini_questionnaire,
        config,
        answers=answers,
        roles=ROLES,
        matrix=MATRIX,
        capability={"B.OPS": {"PA2.1": "F", "PA2.2": "L"}},
        capability_evidence={"B.OPS": ["Operations process KPI review 2026-10"]},
        figures={
            "emergency_change_share": 5,
            "trial_run_months": 4,
            "sla_states_availability": True,
        },
    )
    assert result.overall.score == 100.0
    assert result.overall.counts.not_applicable == 1
    assert result.findings == []
    assert result.blockers == []
    assert result.verdict.verdict is Verdict.READY
    ops = next(a for a in result.areas if a.id == "B.OPS")
    assert ops.capability is not None and ops.capability.level == 2
    assert result.completeness.answered == 6
    assert result.completeness.not_applicable == 1
    assert result.completeness.figures_given == 3
    assert result.not_evidenced == []


def test_mixed_answers_roll_up_by_weight(mini_catalogue, mini_questionnaire, config) -> None:
    answers = {
        "A.CTX.01": {"rating": "L", "documented": "yes"},  # R-4.1-01, R-4.1-02: 67.5
        "A.CTX.02": {"rating": "F", "documented": "no"},  # R-4.1-01: capped 32.5
        "A.CTX.03": "P",  # R-4.2-01: 32.5
        "A.CTX.04": "F",  # R-5.3-01: 100
        "B.OPS.01": "L",  # R-8.1-01, R-8.1-02: 67.5
        "B.OPS.02": "N",  # R-8.1-02: 0
    }
    result = run(
        mini_catalogue, mini_questionnaire, config, answers=answers, roles=ROLES, matrix=MATRIX
    )
    scores = {r.id: r.score for r in result.requirements}
    assert scores == {
        "R-4.1-01": 50.0,
        "R-4.1-02": 67.5,
        "R-4.2-01": 32.5,
        "R-5.3-01": 100.0,
        "R-8.1-01": 67.5,
        "R-8.1-02": 33.75,
    }
    areas = {a.id: a.score for a in result.areas}
    # A.CTX: (3*50 + 1*67.5 + 2*32.5 + 2*100) / 8 = 60.3125; B.OPS: (2*67.5 + 33.75) / 3 = 56.25
    assert areas == {"A.CTX": 60.3, "B.OPS": 56.2}
    # overall: (150 + 67.5 + 65 + 200 + 135 + 33.75) / 11 = 59.2045…
    assert result.overall.score == 59.2
    assert [p.score for p in result.parts] == [60.3, 56.2]
    assert {c.id: c.score for c in result.clauses}["4"] == 47.1  # (150 + 67.5 + 65) / 6 = 47.08…
    classes = {f.id: f.finding for f in result.findings if f.source is FindingSource.REQUIREMENT}
    assert classes == {
        "R-4.1-01": FindingClass.MINOR,
        "R-4.2-01": FindingClass.MINOR,
        "R-8.1-02": FindingClass.MINOR,
        "R-4.1-02": FindingClass.OBSERVATION,
        "R-8.1-01": FindingClass.OBSERVATION,
    }
    # findings are ordered by severity, then area
    assert [f.finding for f in result.findings][:3] == [FindingClass.MINOR] * 3
    assert result.verdict.verdict is Verdict.NOT_READY
    assert {r.code for r in result.verdict.reasons} == {"overall_minimum"}


def test_a_weak_process_blocks_a_high_average(mini_catalogue, mini_questionnaire, config) -> None:
    weak = {"rating": "P", "documented": "yes", "practised": "yes"}
    changed = {"B.OPS.01": weak, "B.OPS.02": weak}
    result = run_good(mini_catalogue, mini_questionnaire, config, changed)
    assert result.overall.score is not None and result.overall.score >= 70
    assert next(a for a in result.areas if a.id == "B.OPS").score == 32.5
    assert result.verdict.verdict is Verdict.NOT_READY
    assert "area_floor" in {r.code for r in result.verdict.reasons}
    assert result.verdict.reasons[0].text.en == (
        "1 area scores below the floor of 50 % (B.OPS 32.5 %): one weak process blocks "
        "certification whatever the average."
    )


def test_missing_document_is_a_stage_one_blocker(
    mini_catalogue, mini_questionnaire, config
) -> None:
    undocumented = {"rating": "F", "documented": "no", "practised": "yes"}
    changed = {"A.CTX.01": undocumented, "A.CTX.02": undocumented}
    result = run_good(mini_catalogue, mini_questionnaire, config, changed)
    assert [(b.requirement, b.kind, b.name.en) for b in result.blockers] == [
        ("R-4.1-01", "document", "scope statement")
    ]
    assert result.verdict.verdict is Verdict.NOT_READY
    assert "blockers" in {r.code for r in result.verdict.reasons}


def test_minor_findings_only_mean_ready_after_fixes(
    mini_catalogue, mini_questionnaire, config
) -> None:
    result = run_good(
        mini_catalogue, mini_questionnaire, config, figures={"emergency_change_share": 64.5}
    )
    assert [(f.id, f.finding) for f in result.findings] == [("IND-EMERGENCY", FindingClass.MINOR)]
    assert result.verdict.verdict is Verdict.READY_AFTER_MINOR_FIXES
    # the two figures left empty (trial run months, SLA availability) are not evidenced
    assert [r.code for r in result.verdict.reasons] == ["minors", "not_evidenced", "not_evidenced"]


def test_too_few_months_of_records_block_stage_two(
    mini_catalogue, mini_questionnaire, config
) -> None:
    result = run_good(mini_catalogue, mini_questionnaire, config, figures={"trial_run_months": 2})
    assert result.verdict.verdict is Verdict.NOT_READY
    assert [r.code for r in result.verdict.reasons] == ["stage2_blocked"]
    fired = {i.rule: i.fired for i in result.indicators}
    assert fired == {"IND-EMERGENCY": False, "IND-TRIAL": True, "IND-SLA": False}
    assert [i.evaluated for i in result.indicators] == [False, True, False]


def test_yes_no_rule_fires_on_no(mini_catalogue, mini_questionnaire, config) -> None:
    result = run_good(
        mini_catalogue, mini_questionnaire, config, figures={"sla_states_availability": False}
    )
    assert [f.id for f in result.findings] == ["IND-SLA"]
    assert result.findings[0].finding is FindingClass.OBSERVATION
    assert result.findings[0].reason.en == "no availability"
