"""A requirement's score from its answers, computed by hand on the mini catalogue."""

from __future__ import annotations

import pytest

from readiness.models.assessment import Flag
from readiness.models.catalogue import Catalogue
from readiness.models.common import FindingClass
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.scoring.requirements import classify, score_requirement
from tests.conftest import mini_answers


def score(
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    config: ScoringConfig,
    requirement_id: str,
    answers: dict[str, object],
):  # type: ignore[no-untyped-def]
    requirement = catalogue.requirement(requirement_id)
    return score_requirement(
        requirement,
        catalogue.home_area(requirement.clause).id,
        list(questionnaire.covering(requirement_id)),
        mini_answers(answers=answers).answers,
        config,
    )


def test_mean_of_answers_with_documented_cap(mini_catalogue, mini_questionnaire, config) -> None:
    # A.CTX.01 L (67.5); A.CTX.02 F (100) but not documented: capped at 32.5 for the
    # documented requirement R-4.1-01 → (67.5 + 32.5) / 2 = 50.0, a minor finding.
    result = score(
        mini_catalogue,
        mini_questionnaire,
        config,
        "R-4.1-01",
        {
            "A.CTX.01": {"rating": "L", "documented": "yes", "practised": "partly"},
            "A.CTX.02": {"rating": "F", "documented": "no", "practised": "yes"},
        },
    )
    assert result.score == 50.0
    assert result.finding is FindingClass.MINOR
    assert [c.score for c in result.contributions] == [67.5, 32.5]
    assert result.contributions[1].capped_by == ["documented"]
    assert Flag.PRACTISED_NOT_DOCUMENTED in result.flags
    assert (
        "A.CTX.02 rated F (100), capped at 32.5 because not documented" in result.reasons[0].text.en
    )


def test_documented_cap_ignored_where_no_document_is_required(
    mini_catalogue, mini_questionnaire, config
) -> None:
    result = score(
        mini_catalogue,
        mini_questionnaire,
        config,
        "R-4.1-02",
        {"A.CTX.01": {"rating": "F", "documented": "no"}},
    )
    assert result.score == 100.0
    assert result.finding is FindingClass.CONFORMING
    assert result.recommendation is None


def test_practice_without_records_caps_at_p(mini_catalogue, mini_questionnaire, config) -> None:
    result = score(
        mini_catalogue,
        mini_questionnaire,
        config,
        "R-8.1-01",
        {"B.OPS.01": {"rating": "F", "documented": "yes", "practised": "no"}},
    )
    assert result.score == 32.5
    assert result.flags == [Flag.DOCUMENTED_NOT_PRACTISED]
    assert result.recommendation is not None
    assert result.recommendation.en.startswith("Put the documented practice into operation")


def test_unanswered_counts_as_not_achieved(mini_catalogue, mini_questionnaire, config) -> None:
    result = score(mini_catalogue, mini_questionnaire, config, "R-8.1-02", {})
    assert result.score == 0.0
    assert result.finding is FindingClass.MAJOR
    assert Flag.UNANSWERED in result.flags
    assert Flag.DOCUMENT_MISSING in result.flags
    assert result.recommendation is not None
    assert "Start keeping operation records" in result.recommendation.en


def test_na_accepted_where_allowed(mini_catalogue, mini_questionnaire, config) -> None:
    result = score(
        mini_catalogue,
        mini_questionnaire,
        config,
        "R-4.2-01",
        {"A.CTX.03": {"rating": "NA", "justification": "No external parties."}},
    )
    assert result.score is None
    assert result.finding is FindingClass.NOT_APPLICABLE
    assert result.flags == [Flag.NA_ACCEPTED]


def test_na_not_allowed_scores_zero(mini_catalogue, mini_questionnaire, config) -> None:
    result = score(
        mini_catalogue,
        mini_questionnaire,
        config,
        "R-5.3-01",
        {"A.CTX.04": {"rating": "NA", "justification": "Outsourced."}},
    )
    assert result.score == 0.0
    assert result.finding is FindingClass.MAJOR
    assert Flag.NA_NOT_ALLOWED in result.flags
    assert "cannot be excluded" in result.reasons[0].text.en
    assert "不允许删减" in result.reasons[0].text.zh


def test_na_answer_left_out_of_the_mean(mini_catalogue, mini_questionnaire, config) -> None:
    # R-8.1-02 is covered by B.OPS.01 (NA) and B.OPS.02 (L): the mean is of L alone.
    result = score(
        mini_catalogue,
        mini_questionnaire,
        config,
        "R-8.1-02",
        {"B.OPS.01": {"rating": "NA", "justification": "n/a"}, "B.OPS.02": "L"},
    )
    assert result.score == 67.5
    assert result.finding is FindingClass.OBSERVATION


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, FindingClass.MAJOR),
        (15, FindingClass.MAJOR),
        (15.01, FindingClass.MINOR),
        (50, FindingClass.MINOR),
        (67.5, FindingClass.OBSERVATION),
        (85, FindingClass.OBSERVATION),
        (85.1, FindingClass.CONFORMING),
        (100, FindingClass.CONFORMING),
    ],
)
def test_classify_bands(config, value: float, expected: FindingClass) -> None:
    assert classify(value, config) is expected
