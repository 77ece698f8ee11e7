"""The internal-audit checklist: every requirement once, in clause order, grouped by clause
and area, with what to sample and the predicted status."""

from __future__ import annotations

import itertools

import pytest

from readiness.models.answers import AnswerFile
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.common import FindingClass
from readiness.models.guide import AuditChecklist, Conclusion
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.scoring.assess import assess
from readiness.scoring.checklist import build_checklist


@pytest.fixture(scope="module")
def example_assessment(
    example: AnswerFile, catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig
) -> Assessment:
    return assess(example, catalogue, questionnaire, config)


@pytest.fixture(scope="module")
def checklist(example_assessment: Assessment, catalogue: Catalogue) -> AuditChecklist:
    return build_checklist(example_assessment, catalogue)


def test_one_line_per_requirement_of_the_catalogue(
    checklist: AuditChecklist, catalogue: Catalogue
) -> None:
    ids = [line.requirement for line in checklist.lines]
    assert len(ids) == len(catalogue.requirements) == 232
    assert sorted(ids) == sorted(r.id for r in catalogue.requirements)


def test_lines_follow_the_clause_order_and_groups_are_runs(
    checklist: AuditChecklist, catalogue: Catalogue
) -> None:
    position = {c.id: n for n, c in enumerate(catalogue.clauses)}
    clauses = [position[line.clause] for line in checklist.lines]
    assert clauses == sorted(clauses)
    for group in checklist.groups:
        assert {line.clause.split(".")[0] for line in group.lines} == {group.clause}
        assert {catalogue.home_area(line.clause).id for line in group.lines} == {group.area}
    keys = [(g.clause, g.area) for g in checklist.groups]
    assert all(a != b for a, b in itertools.pairwise(keys))  # neighbours differ
    assert keys[0] == ("4", "A.CTX") and keys[-1] == ("10", "A.IMP")


def test_lines_carry_what_to_sample_and_the_predicted_status(
    checklist: AuditChecklist, example_assessment: Assessment, catalogue: Catalogue
) -> None:
    results = {r.id: r for r in example_assessment.requirements}
    line = next(x for x in checklist.lines if x.requirement == "R-9.2-01")
    requirement = catalogue.requirement("R-9.2-01")
    assert line.status is results["R-9.2-01"].finding is FindingClass.MAJOR
    documented = [requirement.documented.name] if requirement.documented else []
    assert line.sample == documented + [e for e in requirement.evidence if e not in documented]
    assert "SMS-PRC-020 Internal audit procedure v1.0" in line.named
    for x in checklist.lines:
        assert x.status is results[x.requirement].finding
        assert x.sample, x.requirement  # every requirement says what to look at
    assert checklist.conclusions == list(Conclusion)
