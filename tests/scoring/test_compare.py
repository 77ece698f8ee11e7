"""Comparing two assessments of the example client: exactly what closed, appeared and moved."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.errors import InputError
from readiness.inputs.answers import load_answer_file
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.comparison import Movement
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.scoring.assess import assess
from readiness.scoring.compare import compare
from tests.conftest import EXAMPLE

LATER = EXAMPLE.with_name("acme-cloud-services-2027-03.yaml")


def _assess(
    path: Path, catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig
) -> Assessment:
    return assess(
        load_answer_file(path, questionnaire, catalogue), catalogue, questionnaire, config
    )


@pytest.fixture(scope="module")
def pair(
    catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig
) -> tuple[Assessment, Assessment]:
    return (
        _assess(EXAMPLE, catalogue, questionnaire, config),
        _assess(LATER, catalogue, questionnaire, config),
    )


def _ids(comparison, movement: Movement) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.id for f in comparison.findings if f.movement is movement}


def test_findings_closed_new_worse_better(pair: tuple[Assessment, Assessment]) -> None:
    comparison = compare(*pair)
    assert _ids(comparison, Movement.CLOSED) == {
        "R-4.1-04",  # climate change: mentioned without a conclusion, then concluded
        "R-9.2-05",
        "R-9.2-06",
        "R-9.3-01",
    }
    assert _ids(comparison, Movement.NEW) == {
        "R-8.7.3.1-02",  # security awareness round missed
        "R-8.6.1-01",  # incidents not logged for three weeks
    }
    old, new = pair
    # 64 % emergency changes fell to 35 %: still above the 30 % line, so the minor stays
    assert "IND-CHG-EMERGENCY-HIGH" in {f.id for f in old.findings} & {f.id for f in new.findings}
    assert _ids(comparison, Movement.WORSE) == {"R-4.1-01"}
    worse = next(f for f in comparison.findings if f.id == "R-4.1-01")
    assert (worse.old, worse.new) == ("observation", "minor")
    assert _ids(comparison, Movement.BETTER) == {
        "R-8.4.3-02",
        "R-9.2-01",
        "R-9.3-02",
        "R-9.3-03",
        "R-9.3-04",
        "R-9.3-05",
    }
    # every finding of either side is accounted for once
    assert comparison.unchanged + 4 + 6 + 1 == len(old.findings) == 202
    assert comparison.unchanged + 2 + 6 + 1 == len(new.findings) == 200
    # most severe movements first
    assert [f.movement for f in comparison.findings][:3] == [Movement.WORSE] + [Movement.NEW] * 2


def test_readiness_preconditions_then_and_now(pair: tuple[Assessment, Assessment]) -> None:
    """Held internal audit, management review and three months of records: preconditions, not
    findings, so they move in their own list."""
    comparison = compare(*pair)
    assert [(p.rule, p.old, p.new) for p in comparison.preconditions] == [
        ("IND-TRIAL-RUN", "not_met", "met"),
        ("IND-NO-INTERNAL-AUDIT", "not_met", "met"),
        ("IND-NO-MANAGEMENT-REVIEW", "not_met", "met"),
    ]
    audit = comparison.preconditions[1]
    assert audit.reason.en == "Internal audits of the SMS completed in the last 12 months: 1."
    backwards = compare(pair[1], pair[0])
    assert [r for r in backwards.regressions if r.startswith("precondition")] == [
        "precondition IND-TRIAL-RUN",
        "precondition IND-NO-INTERNAL-AUDIT",
        "precondition IND-NO-MANAGEMENT-REVIEW",
    ]


def test_score_deltas_levels_and_blockers(pair: tuple[Assessment, Assessment]) -> None:
    comparison = compare(*pair)
    old, new = pair
    assert comparison.overall.old == old.overall.score == 53.3
    assert comparison.overall.new == new.overall.score
    assert comparison.overall.delta == round(new.overall.score - 53.3, 1) == 3.1  # type: ignore[operator]
    areas = {a.id: a for a in comparison.areas}
    assert areas["A.PERF"].delta == 45.1 and areas["B.CAP"].delta == 8.4
    # R-8.6.1-01 (weight 3) fell while the other incident requirements weigh 2: the process
    # score drops below 85, PA 1.1 is no longer F and the capability level falls to 1
    assert areas["B.INC"].delta == -4.6 and (
        areas["B.INC"].old_level,
        areas["B.INC"].new_level,
    ) == (3, 1)
    assert areas["B.SLM"].delta == 0.0
    assert comparison.regressions == [
        "area B.ISM",
        "area B.INC",
        "finding R-4.1-01",
        "finding R-8.7.3.1-02",
        "finding R-8.6.1-01",
    ]
    # records (audit programme and results, review results, continuity tests) are judged by
    # whether records exist ("practised"), documents by "documented"
    assert [b.requirement for b in comparison.blockers_closed] == [
        "R-9.2-06",
        "R-9.3-05",
        "R-8.4.3-02",
    ]
    assert [b.requirement for b in comparison.blockers_remaining] == ["R-9.2-02", "R-8.7.2-05"]
    assert comparison.blockers_new == []
    assert (comparison.old.verdict, comparison.new.verdict) == ("not_ready", "not_ready")
    # the assessment's one count: 64 of the 85 minors are counted in 16 systemic majors
    # (21 + 16 = 37 majors, 85 - 64 = 21 minors)
    assert comparison.old.counts == {"major": 37, "minor": 21, "observation": 96}


def test_json_is_deterministic(pair: tuple[Assessment, Assessment]) -> None:
    first = compare(*pair).model_dump_json(indent=2)
    second = compare(pair[0].model_copy(deep=True), pair[1].model_copy(deep=True))
    assert first == second.model_dump_json(indent=2)


def test_comparing_with_itself_moves_nothing(pair: tuple[Assessment, Assessment]) -> None:
    comparison = compare(pair[0], pair[0])
    assert comparison.findings == [] and comparison.regressions == []
    assert comparison.unchanged == len(pair[0].findings)
    assert all(a.delta == 0 for a in comparison.areas if a.delta is not None)


def test_different_clients_are_refused_unless_forced(pair: tuple[Assessment, Assessment]) -> None:
    old, new = pair
    other = new.model_copy(update={"client": new.client.model_copy(update={"name": "Other Co"})})
    with pytest.raises(InputError, match=r"two different clients .*add --force"):
        compare(old, other, names=("old.yaml", "new.yaml"))
    assert compare(old, other, force=True).forced
    # case and spacing do not make a different client
    same = new.model_copy(
        update={
            "client": new.client.model_copy(update={"name": " acme cloud SERVICES co.,  ltd. "})
        }
    )
    assert not compare(old, same).forced


def test_questions_added_and_removed_are_listed(pair: tuple[Assessment, Assessment]) -> None:
    old, new = pair
    trimmed = [
        r.model_copy(
            update={"contributions": [c for c in r.contributions if c.question != "B.CHG.01"]}
        )
        for r in old.requirements
    ]
    older = old.model_copy(update={"requirements": trimmed})
    comparison = compare(older, new)
    assert comparison.questions_added == ["B.CHG.01"]
    assert comparison.questions_removed == []
    assert compare(new, older).questions_removed == ["B.CHG.01"]
