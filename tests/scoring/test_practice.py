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


def test_the_shipped_data_marks_what_issue_12_names_as_practice(catalogue, questionnaire) -> None:
    """The catalogue's own marks: each item the review named is practice (or a precondition)
    in the shipped data, or was taken out of the requirements altogether."""
    marks = {key: Basis(value) for key, value in yaml.safe_load(MARKS.read_text()).items()}
    requirements = {r.id: r.basis for r in catalogue.requirements}
    questions = {q.id: q.basis for q in questionnaire.questions()}
    rules = {r.id: r.basis for r in questionnaire.rules}
    shipped = requirements | questions | rules
    for item, basis in marks.items():
        if item.startswith("R-"):
            assert item not in requirements, f"{item} should be retired, not scored"
        else:
            assert shipped[item] is basis, item


def test_practice_items_leave_the_findings_and_the_verdict(
    catalogue, questionnaire, config
) -> None:
    result = assess_example(catalogue, questionnaire, config)
    practice = {r.id for r in catalogue.requirements if r.basis is Basis.PRACTICE}
    practice |= {q.id for q in questionnaire.questions() if q.basis is Basis.PRACTICE}
    practice |= {r.id for r in questionnaire.rules if r.basis is not Basis.REQUIREMENT}
    for finding in [*result.findings, *result.systemic]:
        assert finding.id not in practice
        if finding.source is FindingSource.REQUIREMENT:
            assert not set(finding.requirements) & practice
    assert not {b.requirement for b in result.blockers} & practice
    # the example's practice gaps are listed apart, as observations only
    assert result.practice and {f.finding for f in result.practice} == {FindingClass.OBSERVATION}
    assert {f.id for f in result.practice} <= practice
    # the operating period, internal audit and management review are readiness preconditions:
    # named so in the verdict, never a finding
    assert [(p.rule, p.status.value) for p in result.preconditions] == [
        ("IND-TRIAL-RUN", "not_met"),
        ("IND-NO-INTERNAL-AUDIT", "not_met"),
        ("IND-NO-MANAGEMENT-REVIEW", "not_met"),
    ]
    codes = [r.code for r in result.verdict.reasons]
    assert codes.count("precondition_not_met") == 3 and "stage2_blocked" not in codes
    texts = " ".join(r.text.en for r in result.verdict.reasons)
    assert "Readiness precondition not met" in texts
    for practice_id in {f.id for f in result.practice}:
        assert practice_id not in texts


def test_marking_the_practice_items_as_requirements_would_raise_more_findings(
    catalogue, questionnaire, config
) -> None:
    """The marks matter: scored as requirements, the same answers give more nonconformities."""
    shipped = assess_example(catalogue, questionnaire, config)
    practice_rules = {
        r.id: Basis.REQUIREMENT for r in questionnaire.rules if r.basis is Basis.PRACTICE
    }
    practice_questions = {
        q.id: Basis.REQUIREMENT for q in questionnaire.questions() if q.basis is Basis.PRACTICE
    }
    cat, bank = with_bases(catalogue, questionnaire, practice_rules | practice_questions)
    strict = assess_example(cat, bank, config)
    assert strict.practice == []
    assert len(strict.findings) > len(shipped.findings)


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
