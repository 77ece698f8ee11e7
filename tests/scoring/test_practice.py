"""Good practice is never a nonconformity, over the whole shipped catalogue and the example."""

from __future__ import annotations

from pathlib import Path

import yaml

from readiness.inputs.answers import load_answer_file
from readiness.models.assessment import Assessment, FindingSource
from readiness.models.catalogue import Catalogue
from readiness.models.common import Basis, FindingClass
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.scoring.assess import assess
from tests.conftest import EXAMPLE, FIXTURES

MARKS = FIXTURES / "practice-marks.yaml"
SCORE_REASONS = {"blockers", "area_floor", "overall_minimum", "overall_ready", "stage2_blocked"}


def with_bases(
    catalogue: Catalogue, questionnaire: Questionnaire, bases: dict[str, Basis] | Basis
) -> tuple[Catalogue, Questionnaire]:
    """Copies of the data with the items in ``bases`` (or every item) given that basis."""

    def basis(item: dict[str, object]) -> None:
        chosen = bases if isinstance(bases, Basis) else bases.get(str(item["id"]))
        if chosen is not None:
            item["basis"] = chosen

    cat = catalogue.model_dump()
    for requirement in cat["requirements"]:
        basis(requirement)
    bank = questionnaire.model_dump()
    for group in bank["areas"]:
        for question in group["questions"]:
            basis(question)
    for rule in bank["rules"]:
        basis(rule)
    return Catalogue.model_validate(cat), Questionnaire.model_validate(bank)


def assess_example(
    catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig
) -> Assessment:
    answers = load_answer_file(Path(EXAMPLE), questionnaire, catalogue)
    return assess(answers, catalogue, questionnaire, config)


def test_nothing_can_be_a_nonconformity_when_everything_is_practice(
    catalogue, questionnaire, config
) -> None:
    cat, bank = with_bases(catalogue, questionnaire, Basis.PRACTICE)
    result = assess_example(cat, bank, config)
    # only the role matrix (clause 5.3 checks, not catalogue items) can still find anything
    assert {f.source for f in result.findings} <= {FindingSource.MATRIX}
    assert result.systemic == [] and result.blockers == [] and result.not_evidenced == []
    assert result.counts.requirement.model_dump() == {"major": 0, "minor": 0, "observation": 0}
    assert result.counts.indicator.model_dump() == {"major": 0, "minor": 0, "observation": 0}
    assert result.counts.total == result.counts.matrix
    assert result.practice and {f.finding for f in result.practice} == {FindingClass.OBSERVATION}
    assert {f.source for f in result.practice} == {FindingSource.PRACTICE}
    assert result.overall.score is None  # no requirement left to score
    assert not {r.code for r in result.verdict.reasons} & SCORE_REASONS
    # every requirement result is an observation at most
    assert all(r.finding is not FindingClass.MAJOR for r in result.requirements)
    assert all(r.finding is not FindingClass.MINOR for r in result.requirements)


def test_the_items_marked_practice_leave_the_findings_and_the_verdict(
    catalogue, questionnaire, config
) -> None:
    marks = {key: Basis(value) for key, value in yaml.safe_load(MARKS.read_text()).items()}
    known = {r.id for r in catalogue.requirements} | {q.id for q in questionnaire.questions()}
    known |= {r.id for r in questionnaire.rules}
    assert set(marks) <= known, "a mark names no item of the shipped data"
    before = assess_example(catalogue, questionnaire, config)
    cat, bank = with_bases(catalogue, questionnaire, marks)
    after = assess_example(cat, bank, config)
    marked = set(marks)
    for finding in [*after.findings, *after.systemic]:
        assert finding.id not in marked
        if finding.source is FindingSource.REQUIREMENT:
            assert not set(finding.requirements) & marked
    assert not {b.requirement for b in after.blockers} & marked
    # what the marked items found before is now listed apart, as observations
    found_before = {f.id for f in before.findings} & marked
    practice_ids = {f.id for f in after.practice}
    assert found_before - {"IND-TRIAL-RUN"} <= practice_ids
    # the operating period is a readiness precondition: named so in the verdict, not a finding
    assert [(p.rule, p.status.value) for p in after.preconditions] == [("IND-TRIAL-RUN", "not_met")]
    codes = [r.code for r in after.verdict.reasons]
    assert "precondition_not_met" in codes and "stage2_blocked" not in codes
    texts = " ".join(r.text.en for r in after.verdict.reasons)
    assert "Readiness precondition not met" in texts
    for practice_id in practice_ids:
        assert practice_id not in texts
    # fewer findings count toward the verdict than before
    assert after.counts.total.minor + after.counts.total.major < (
        before.counts.total.minor + before.counts.total.major
    )


def test_every_requirement_has_a_requirement_question(catalogue, questionnaire) -> None:
    """A practice question never scores its requirement: each requirement of the 2018 text
    needs at least one question on a requirement basis, or it could never be evidenced."""
    lacking = [
        r.id
        for r in catalogue.requirements
        if r.basis is not Basis.PRACTICE
        and not any(
            questionnaire.question(q).basis is not Basis.PRACTICE
            for q in questionnaire.covering(r.id)
        )
    ]
    assert lacking == []
