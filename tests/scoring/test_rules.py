"""The scoring rules of issue 12, each on the mini catalogue with numbers worked out by hand.

Answers: F 100, L 67.5, P 32.5, N 0; caps 32.5 (no) / 67.5 (partly). Mini requirements:
R-4.1-01 (weight 3, a document: scope statement) ← A.CTX.01, A.CTX.02; R-4.1-02 (1) ←
A.CTX.01; R-4.2-01 (2, NA allowed) ← A.CTX.03; R-5.3-01 (2) ← A.CTX.04; R-8.1-01 (2) ←
B.OPS.01; R-8.1-02 (1, records: operation records) ← B.OPS.01, B.OPS.02.
"""

from __future__ import annotations

from typing import Any

import pytest

from readiness.models.assessment import (
    AreaResult,
    CheckStatus,
    ClassCounts,
    Completeness,
    FindingCounts,
    FindingSource,
    Flag,
    ScoreGroup,
    Verdict,
)
from readiness.models.catalogue import Catalogue
from readiness.models.common import Basis, FindingClass
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.scoring.requirements import classify
from readiness.scoring.rollup import roll_up
from readiness.scoring.verdict import VerdictInputs, decide
from tests.scoring.test_assess import GOOD, run_good

FIGURES = {"emergency_change_share": 5, "trial_run_months": 4, "sla_states_availability": True}


def marked(
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    basis: Basis,
    ids: set[str],
) -> tuple[Catalogue, Questionnaire]:
    """Copies of the mini data with the requirements, questions and rules in ``ids`` given
    ``basis`` (built again, so their lookups are rebuilt)."""
    cat = catalogue.model_dump()
    for requirement in cat["requirements"]:
        if requirement["id"] in ids:
            requirement["basis"] = basis
    bank = questionnaire.model_dump()
    for group in bank["areas"]:
        for question in group["questions"]:
            if question["id"] in ids:
                question["basis"] = basis
    for rule in bank["rules"]:
        if rule["id"] in ids:
            rule["basis"] = basis
    return Catalogue.model_validate(cat), Questionnaire.model_validate(bank)


def good(catalogue, questionnaire, config, changed=None, **data: Any):  # type: ignore[no-untyped-def]
    return run_good(catalogue, questionnaire, config, changed, **({"figures": FIGURES} | data))


# --- 1. good practice is never a nonconformity ---------------------------------------------


def test_a_practice_requirement_is_an_observation_apart_and_not_scored(
    mini_catalogue, mini_questionnaire, config
) -> None:
    catalogue, bank = marked(mini_catalogue, mini_questionnaire, Basis.PRACTICE, {"R-8.1-01"})
    result = good(catalogue, bank, config, {"B.OPS.01": {"rating": "N"}})
    by_id = {r.id: r for r in result.requirements}
    # B.OPS.01 N: R-8.1-01 scores 0 (major by score) but is practice: an observation at most
    assert by_id["R-8.1-01"].score == 0.0 and by_id["R-8.1-01"].finding is FindingClass.OBSERVATION
    # R-8.1-02 (a requirement) is still scored from both answers: (0 + 100) / 2 = 50 → minor
    assert by_id["R-8.1-02"].score == 50.0 and by_id["R-8.1-02"].finding is FindingClass.MINOR
    assert [(f.id, f.source) for f in result.practice] == [("R-8.1-01", FindingSource.PRACTICE)]
    assert all(f.id != "R-8.1-01" for f in result.findings)
    # B.OPS without R-8.1-01: only R-8.1-02 (50, weight 1) → 50.0; overall: R-4.1-01 100 ×3,
    # R-4.1-02 100 ×1, R-4.2-01 100 ×2, R-5.3-01 100 ×2, R-8.1-02 50 ×1 → 850 / 9 = 94.44
    ops = next(a for a in result.areas if a.id == "B.OPS")
    assert ops.score == 50.0 and ops.counts.practice == 1 and ops.counts.minor == 1
    assert result.overall.score == 94.4
    assert result.counts.practice == 1 and result.counts.total == ClassCounts(minor=1)
    assert [r.code for r in result.verdict.reasons] == ["minors"]


def test_a_practice_question_does_not_lower_the_requirement(
    mini_catalogue, mini_questionnaire, config
) -> None:
    catalogue, bank = marked(mini_catalogue, mini_questionnaire, Basis.PRACTICE, {"B.OPS.02"})
    result = good(catalogue, bank, config, {"B.OPS.02": {"rating": "N"}})
    records = next(r for r in result.requirements if r.id == "R-8.1-02")
    # B.OPS.01 F alone: 100, not (100 + 0) / 2 = 50; B.OPS.02 is shown, marked practice
    assert records.score == 100.0 and records.finding is FindingClass.CONFORMING
    assert [(c.question, c.practice) for c in records.contributions] == [
        ("B.OPS.01", False),
        ("B.OPS.02", True),
    ]
    assert [(f.id, f.finding) for f in result.practice] == [("B.OPS.02", FindingClass.OBSERVATION)]
    assert result.findings == [] and result.verdict.verdict is Verdict.READY


def test_a_practice_rule_gives_an_observation_apart(
    mini_catalogue, mini_questionnaire, config
) -> None:
    catalogue, bank = marked(mini_catalogue, mini_questionnaire, Basis.PRACTICE, {"IND-EMERGENCY"})
    result = good(catalogue, bank, config, figures=FIGURES | {"emergency_change_share": 64.5})
    assert result.findings == []
    assert [(f.id, f.source, f.finding) for f in result.practice] == [
        ("IND-EMERGENCY", FindingSource.PRACTICE, FindingClass.OBSERVATION)
    ]
    assert result.verdict.verdict is Verdict.READY


def test_a_precondition_not_met_blocks_but_is_no_nonconformity(
    mini_catalogue, mini_questionnaire, config
) -> None:
    catalogue, bank = marked(mini_catalogue, mini_questionnaire, Basis.PRECONDITION, {"IND-TRIAL"})
    result = good(catalogue, bank, config, figures=FIGURES | {"trial_run_months": 2})
    assert result.findings == []
    assert [(p.rule, p.status) for p in result.preconditions] == [
        ("IND-TRIAL", CheckStatus.NOT_MET)
    ]
    assert result.counts.preconditions_not_met == 1 and result.counts.total == ClassCounts()
    assert result.verdict.verdict is Verdict.NOT_READY
    assert [r.code for r in result.verdict.reasons] == ["precondition_not_met"]
    assert "Readiness precondition" in result.verdict.reasons[0].text.en
    met = good(catalogue, bank, config)
    assert [p.status for p in met.preconditions] == [CheckStatus.MET]
    assert met.verdict.verdict is Verdict.READY


# --- absence of evidence is not conformity --------------------------------------------------


def test_an_empty_figure_is_not_evidenced_and_blocks_ready(
    mini_catalogue, mini_questionnaire, config
) -> None:
    catalogue, bank = marked(mini_catalogue, mini_questionnaire, Basis.PRECONDITION, {"IND-TRIAL"})
    figures = {"emergency_change_share": 5, "sla_states_availability": None}
    result = good(catalogue, bank, config, figures=figures)
    # the precondition's figure and the requirement rule IND-SLA's figure are both empty
    assert [(p.rule, p.status) for p in result.preconditions] == [
        ("IND-TRIAL", CheckStatus.NOT_EVIDENCED)
    ]
    assert [n.rule for n in result.not_evidenced] == ["IND-SLA"]
    assert result.counts.not_evidenced == 2
    assert result.verdict.verdict is Verdict.READY_AFTER_MINOR_FIXES
    assert [r.code for r in result.verdict.reasons] == ["not_evidenced", "not_evidenced"]


# --- worst element decides; records judged by records ---------------------------------------


def test_one_answer_with_the_document_missing_makes_at_least_a_minor(
    mini_catalogue, mini_questionnaire, config
) -> None:
    changed = {"A.CTX.02": {"rating": "L", "documented": "no", "practised": "yes"}}
    result = good(mini_catalogue, mini_questionnaire, config, changed)
    scope = next(r for r in result.requirements if r.id == "R-4.1-01")
    # A.CTX.01 100; A.CTX.02 L 67.5 capped at 32.5 (not documented): mean 66.25, an
    # observation by score, but one answer says the document is missing → minor
    assert scope.score == 66.25 and classify(66.25, config) is FindingClass.OBSERVATION
    assert scope.finding is FindingClass.MINOR
    assert "worst_answer" in [r.code for r in scope.reasons]
    # not every answer says "no": the document is not missing altogether, no blocker
    assert Flag.DOCUMENT_MISSING not in scope.flags and result.blockers == []


def test_one_answer_rated_n_makes_a_documented_requirement_a_minor(
    mini_catalogue, mini_questionnaire, config
) -> None:
    changed = {"A.CTX.02": {"rating": "N", "documented": "yes", "practised": "yes"}}
    result = good(mini_catalogue, mini_questionnaire, config, changed)
    scope = next(r for r in result.requirements if r.id == "R-4.1-01")
    # (100 + 0) / 2 = 50: a minor by score already (at or below 50)
    assert scope.score == 50.0 and scope.finding is FindingClass.MINOR
    # a requirement without documented information keeps the mean: R-4.1-02 ← A.CTX.01 only
    assert next(r for r in result.requirements if r.id == "R-4.1-02").score == 100.0


def test_records_are_judged_by_records_not_by_documented(
    mini_catalogue, mini_questionnaire, config
) -> None:
    unwritten = {"rating": "F", "documented": "no", "practised": "yes"}
    result = good(
        mini_catalogue, mini_questionnaire, config, {"B.OPS.01": unwritten, "B.OPS.02": unwritten}
    )
    records = next(r for r in result.requirements if r.id == "R-8.1-02")
    # operation records are kept: no documented cap, no "practised not documented" flag
    assert records.score == 100.0 and records.finding is FindingClass.CONFORMING
    assert records.flags == [] and result.blockers == []
    no_records = {"rating": "F", "documented": "yes", "practised": "no"}
    result = good(
        mini_catalogue, mini_questionnaire, config, {"B.OPS.01": no_records, "B.OPS.02": no_records}
    )
    records = next(r for r in result.requirements if r.id == "R-8.1-02")
    # documented yes, but no records: capped at 32.5 each → 32.5, minor; the records are missing
    assert records.score == 32.5 and records.finding is FindingClass.MINOR
    assert Flag.DOCUMENT_MISSING in records.flags
    assert [(b.requirement, b.kind) for b in result.blockers] == [("R-8.1-02", "record")]


# --- thresholds compare unrounded values ----------------------------------------------------


def test_a_requirement_just_above_a_bound_is_classed_above_it(config: ScoringConfig) -> None:
    assert classify(50.0, config) is FindingClass.MINOR
    assert classify(50.004, config) is FindingClass.OBSERVATION  # 50.00 once rounded
    assert classify(15.004, config) is FindingClass.MINOR


def _group(exact: float | None, group_id: str = "overall") -> ScoreGroup:
    from readiness.models.assessment import Counts

    score = round(exact, 1) if exact is not None else None
    return ScoreGroup(
        id=group_id, score=score, score_exact=exact, weight=1, requirements=[], counts=Counts()
    )


def _area(exact: float) -> AreaResult:
    from readiness.models.assessment import Counts

    return AreaResult(
        id="B.OPS",
        score=round(exact, 1),
        score_exact=exact,
        weight=1,
        requirements=[],
        counts=Counts(),
        part="B",
        process=True,
    )


def _decide(overall: float, area: float, config: ScoringConfig) -> list[str]:
    done = Completeness(questions=1, answered=1, not_applicable=0, figures=0, figures_given=0)
    verdict = decide(
        VerdictInputs(
            overall=_group(overall),
            areas=[_area(area)],
            counts=FindingCounts(),
            blockers=[],
            stage2_blocked=[],
            preconditions=[],
            not_evidenced=[],
            completeness=done,
        ),
        config.verdict,
    )
    return [r.code for r in verdict.reasons] + [
        r.text.en for r in verdict.reasons if r.code in ("overall_minimum", "area_floor")
    ]


def test_the_overall_minimum_compares_the_unrounded_score(config: ScoringConfig) -> None:
    # exactly 70 passes the 70 % minimum (but is below the 85 % of 'ready')
    assert _decide(70.0, 90.0, config) == ["overall_ready"]
    # 69.96 shows as 70.0 rounded, yet is below 70: not ready, and the text says 69.96
    codes = _decide(69.96, 90.0, config)
    assert codes[0] == "overall_minimum"
    assert "69.96 % is below the minimum of 70 %" in codes[-1]


def test_the_area_floor_compares_the_unrounded_score(config: ScoringConfig) -> None:
    assert _decide(90.0, 50.0, config) == ["ready"]
    codes = _decide(90.0, 49.96, config)
    assert codes[0] == "area_floor" and "B.OPS 49.96 %" in codes[-1]


def test_roll_ups_keep_the_unrounded_mean(mini_catalogue, mini_questionnaire, config) -> None:
    result = good(mini_catalogue, mini_questionnaire, config)
    half = result.requirements[0].model_copy(update={"score": 69.92, "score_exact": 69.92})
    full = result.requirements[1].model_copy(
        update={"score": 70.0, "score_exact": 70.0, "weight": 3}
    )
    group = roll_up("x", [half.model_copy(update={"weight": 1}), full])
    # (69.92 × 1 + 70 × 3) / 4 = 69.98: shown 70.0, compared as 69.98
    assert group.score == 70.0 and group.score_exact == pytest.approx(69.98)


# --- unanswered questions and the incomplete verdict -----------------------------------------


def test_unanswered_questions_are_listed_apart_from_n(
    mini_catalogue, mini_questionnaire, config
) -> None:
    # 1 of 6 unanswered = 16.7 % > 10 %: incomplete, and the only reason is that
    result = good(
        mini_catalogue, mini_questionnaire, config, {"B.OPS.02": {}, "A.CTX.02": {"rating": "N"}}
    )
    done = result.completeness
    assert done.unanswered == ["B.OPS.02"] and done.rated_n == 1 and done.answered == 5
    assert result.verdict.verdict is Verdict.INCOMPLETE
    assert [r.code for r in result.verdict.reasons] == ["incomplete"]
    assert "1 of 6 questions are unanswered (16.7 %" in result.verdict.reasons[0].text.en
    # allowed 20 %: the same answers get a verdict from the scores
    looser = config.model_copy(
        update={"verdict": config.verdict.model_copy(update={"max_unanswered_share": 0.2})}
    )
    result = good(
        mini_catalogue, mini_questionnaire, looser, {"B.OPS.02": {}, "A.CTX.02": {"rating": "N"}}
    )
    # R-4.1-01 (100 + 0) / 2 = 50 minor; R-8.1-02 (100 + unanswered 0) / 2 = 50 minor;
    # overall (50×3 + 100 + 100×2 + 100×2 + 100×2 + 50) / 11 = 900 / 11 = 81.8
    assert result.overall.score == 81.8
    assert result.verdict.verdict is Verdict.READY_AFTER_MINOR_FIXES
    assert [r.code for r in result.verdict.reasons] == ["minors", "overall_ready"]


# --- several minors against one process: one systemic major ---------------------------------


def test_minors_against_one_process_become_one_systemic_major(
    mini_catalogue, mini_questionnaire, config
) -> None:
    partly = {"rating": "P", "documented": "yes", "practised": "yes"}
    changed = {"B.OPS.01": partly, "B.OPS.02": partly}
    # R-8.1-01 32.5 and R-8.1-02 32.5: two minors in process B.OPS; default needs 3
    result = good(mini_catalogue, mini_questionnaire, config, changed)
    assert result.systemic == [] and result.counts.total == ClassCounts(minor=2)
    two = config.model_copy(
        update={"findings": config.findings.model_copy(update={"systemic_minors": 2})}
    )
    result = good(mini_catalogue, mini_questionnaire, two, changed)
    assert [(s.id, s.finding, s.requirements) for s in result.systemic] == [
        ("SYS-B.OPS", FindingClass.MAJOR, ["R-8.1-01", "R-8.1-02"])
    ]
    assert [(f.id, f.grouped_into) for f in result.findings] == [
        ("R-8.1-01", "SYS-B.OPS"),
        ("R-8.1-02", "SYS-B.OPS"),
    ]
    counts = result.counts
    assert counts.total == ClassCounts(major=1) and counts.grouped_minors == 2
    assert counts.systemic == 1
    ops = next(a for a in result.areas if a.id == "B.OPS")
    assert (ops.counts.major, ops.counts.minor) == (1, 0)
    assert result.verdict.verdict is Verdict.NOT_READY
    assert "1 of them systemic" in result.verdict.reasons[0].text.en


def test_minors_of_a_management_area_group_by_clause(
    mini_catalogue, mini_questionnaire, config
) -> None:
    partly = {"rating": "P", "documented": "yes", "practised": "yes"}
    two = config.model_copy(
        update={"findings": config.findings.model_copy(update={"systemic_minors": 2})}
    )
    # A.CTX.01 P: R-4.1-01 (32.5 + 100) / 2 = 66.25 … with A.CTX.02 P too: 32.5, minor;
    # R-4.1-02 32.5 minor; R-5.3-01 (A.CTX.04 P) 32.5 minor, but in clause 5.3, not 4.1
    changed = {"A.CTX.01": partly, "A.CTX.02": partly, "A.CTX.04": partly}
    result = good(mini_catalogue, mini_questionnaire, two, changed)
    assert [(s.id, s.requirements) for s in result.systemic] == [
        ("SYS-A.CTX-4.1", ["R-4.1-01", "R-4.1-02"])
    ]
    assert result.counts.total == ClassCounts(major=1, minor=1)


# --- 5.3: no one accountable for the SMS ------------------------------------------------------


def test_no_sms_owner_is_a_major(mini_catalogue, mini_questionnaire, config) -> None:
    roles = {"sms_owner": None, "process_owners": {"B.OPS": "Zhang Min"}}
    result = good(mini_catalogue, mini_questionnaire, config, roles=roles)
    assert [(f.id, f.finding) for f in result.findings] == [
        ("MTX-01-SMS-OWNER", FindingClass.MAJOR)
    ]
    assert result.counts.matrix == ClassCounts(major=1)
    assert result.verdict.verdict is Verdict.NOT_READY


def test_good_answers_still_ready(mini_catalogue, mini_questionnaire, config) -> None:
    result = good(mini_catalogue, mini_questionnaire, config, {"A.CTX.03": GOOD})
    assert result.verdict.verdict is Verdict.READY and result.counts == FindingCounts()
