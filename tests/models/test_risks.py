"""The order of the top risks (models/risks.py), by hand, and as the assessment stores it."""

from __future__ import annotations

import json

import pytest

from readiness.inputs.answers import load_answer_file
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.common import FindingClass
from readiness.models.questionnaire import Questionnaire
from readiness.models.risks import TOP_RISKS, UNWEIGHTED, Candidate, rank_risks
from readiness.models.scoring import ScoringConfig
from readiness.scoring.assess import assess
from tests.conftest import EXAMPLE

MAJOR, MINOR, OBS = FindingClass.MAJOR, FindingClass.MINOR, FindingClass.OBSERVATION


@pytest.fixture(scope="module")
def example_assessment(
    catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig
) -> Assessment:
    answers = load_answer_file(EXAMPLE, questionnaire, catalogue)
    return assess(answers, catalogue, questionnaire, config)


def test_majors_before_minors_even_when_a_minor_blocks_stage_2() -> None:
    candidates = [
        Candidate("minor-blocking", MINOR, before_stage2=True, weight=3, score=20.0),
        Candidate("observation", OBS, before_stage2=False, weight=3, score=60.0),
        Candidate("major-light", MAJOR, before_stage2=False, weight=1, score=10.0),
    ]
    assert rank_risks(candidates) == ["major-light", "minor-blocking", "observation"]


def test_within_a_class_blocking_then_weight_then_score_then_id() -> None:
    candidates = [
        Candidate("b", MAJOR, before_stage2=False, weight=3, score=10.0),
        Candidate("a", MAJOR, before_stage2=False, weight=3, score=10.0),  # tie: id decides
        Candidate("heavy-higher", MAJOR, before_stage2=False, weight=3, score=14.0),
        Candidate("light", MAJOR, before_stage2=False, weight=1, score=0.0),
        Candidate("blocking", MAJOR, before_stage2=True, weight=1, score=15.0),
        Candidate("no-score", MAJOR, before_stage2=False, weight=3, score=None),
    ]
    assert rank_risks(candidates) == ["blocking", "a", "b", "heavy-higher", "no-score", "light"]


def test_conforming_is_no_risk_and_the_list_is_cut() -> None:
    candidates = [Candidate(f"m{i:02}", MINOR, False, 2, 40.0) for i in range(15)]
    candidates.append(Candidate("fine", FindingClass.CONFORMING, False, 3, 100.0))
    ranked = rank_risks(candidates)
    assert len(ranked) == TOP_RISKS == 10 and "fine" not in ranked
    assert ranked == sorted(ranked) and UNWEIGHTED == 2


def test_the_example_lists_majors_and_saved_files_get_the_ranking(
    example_assessment: Assessment,
) -> None:
    classes = {
        f.id: f.finding for f in [*example_assessment.findings, *example_assessment.systemic]
    }
    risks = example_assessment.top_risks
    assert len(risks) == TOP_RISKS and all(classes[r] is MAJOR for r in risks)
    # the example's first: majors whose requirement's mandatory record is missing
    blocked = {b.requirement for b in example_assessment.blockers}
    findings = {f.id: f for f in [*example_assessment.findings, *example_assessment.systemic]}
    leading = [r for r in risks if blocked & set(findings[r].requirements)]
    assert risks[: len(leading)] == leading and leading
    saved = json.loads(example_assessment.model_dump_json())
    assert saved["top_risks"] == risks  # in assessment.json
    del saved["top_risks"]  # a file saved before the ranking was stored
    assert Assessment.model_validate(saved).top_risks == risks
