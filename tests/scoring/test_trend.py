"""The trend over three assessments of the example client: date order, series, periods."""

from __future__ import annotations

import itertools

import pytest

from readiness.errors import InputError
from readiness.inputs.answers import load_answer_file
from readiness.models.assessment import Assessment, Verdict
from readiness.models.catalogue import Catalogue
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.scoring.assess import assess
from readiness.scoring.compare import compare
from readiness.scoring.trend import in_date_order, trend
from tests.conftest import EXAMPLE

FILES = [
    EXAMPLE,
    *(EXAMPLE.with_name(f"acme-cloud-services-{d}.yaml") for d in ("2027-03", "2027-06")),
]


@pytest.fixture(scope="module")
def three(
    catalogue: Catalogue, questionnaire: Questionnaire, config: ScoringConfig
) -> list[tuple[str, Assessment]]:
    return [
        (
            path.name,
            assess(
                load_answer_file(path, questionnaire, catalogue), catalogue, questionnaire, config
            ),
        )
        for path in FILES
    ]


def test_files_are_put_in_date_order(
    three: list[tuple[str, Assessment]], catalogue: Catalogue
) -> None:
    shuffled = [three[2], three[0], three[1]]
    assert [name for name, _ in in_date_order(shuffled)] == [name for name, _ in three]
    assert trend(shuffled, catalogue)[1] == trend(three, catalogue)[1]


def test_series_hold_the_scores_each_report_shows(
    three: list[tuple[str, Assessment]], catalogue: Catalogue
) -> None:
    comparison, result = trend(three, catalogue)
    assert result.overall.scores == [53.3, 56.4, 58.9]
    assert result.overall.change == 5.6  # 58.9 - 53.3
    change = next(s for s in result.areas if s.id == "B.CHG")
    assert change.process and change.scores == [38.5, 38.5, 56.3] and change.change == 17.8
    incidents = next(s for s in result.areas if s.id == "B.INC")
    assert incidents.scores == [88.2, 83.6, 86.0] and incidents.change == -2.2
    assert [p.id for p in result.parts] == ["A", "B", "C"]
    assert [p.verdict for p in result.points] == [Verdict.NOT_READY] * 3
    assert [p.counts["major"] for p in result.points] == [a.counts.total.major for _, a in three]
    assert result.area_floor == 50
    # the comparison the report shows is of the last two, with the trend attached
    assert comparison.old.assessed_on == three[1][1].assessed_on
    assert comparison.trend == result


def test_periods_count_findings_as_compare_does(
    three: list[tuple[str, Assessment]], catalogue: Catalogue
) -> None:
    _, result = trend(three, catalogue)
    assert len(result.periods) == 2
    for period, (old, new) in zip(result.periods, itertools.pairwise(three), strict=True):
        pair = compare(old[1], new[1])
        assert period.start == old[1].assessed_on and period.end == new[1].assessed_on
        assert period.closed == [f.id for f in pair.findings if f.movement.value == "closed"]
        assert period.new == [f.id for f in pair.findings if f.movement.value == "new"]
        assert period.overall_delta == pair.overall.delta
    assert len(result.periods[0].closed) == 4 and len(result.periods[0].new) == 2


def test_a_trend_needs_dates_and_three_assessments(
    three: list[tuple[str, Assessment]], catalogue: Catalogue
) -> None:
    undated = three[1][1].model_copy(update={"assessed_on": None})
    with pytest.raises(InputError, match="date of every assessment"):
        trend([three[0], ("undated.yaml", undated), three[2]], catalogue)
    with pytest.raises(ValueError, match="at least 3"):
        trend(three[:2], catalogue)
