"""Capability levels by the ISO/IEC 33020 rule."""

from __future__ import annotations

from readiness.models.common import Rating
from readiness.scoring.capability import capability

R = Rating


def test_level_zero_when_performance_is_partial(mini_questionnaire) -> None:
    result = capability(mini_questionnaire.capability, 40.0, {"PA2.1": R.F, "PA2.2": R.F})
    assert result.level == 0
    assert result.attributes["PA1.1"] is R.P
    assert result.limited_by == "PA1.1"


def test_level_one_when_performed_largely(mini_questionnaire) -> None:
    result = capability(mini_questionnaire.capability, 70.0, {"PA2.1": R.F, "PA2.2": R.F})
    assert result.level == 1  # PA1.1 is L: level 1 reached, but level 2 needs PA1.1 = F
    assert result.limited_by == "PA1.1"


def test_level_two_needs_l_or_f_at_level_two(mini_questionnaire) -> None:
    result = capability(
        mini_questionnaire.capability, 90.0, {"PA2.1": R.L, "PA2.2": R.F, "PA3.1": R.F}
    )
    assert result.level == 2  # level 3 needs PA2.1 = F
    assert result.limited_by == "PA2.1"


def test_level_three_and_missing_ratings_count_as_n(mini_questionnaire) -> None:
    assert (
        capability(
            mini_questionnaire.capability, 100.0, {"PA2.1": R.F, "PA2.2": R.F, "PA3.1": R.L}
        ).level
        == 3
    )
    result = capability(mini_questionnaire.capability, 100.0, {"PA2.1": R.F})
    assert result.level == 1
    assert result.attributes["PA2.2"] is R.N
    assert result.limited_by == "PA2.2"


def test_ratings_without_evidence_count_as_p(mini_questionnaire) -> None:
    """The evidence cap of requirements, for process attributes: at a score of 90 (PA1.1 = F),
    PA2.1 = F and PA2.2 = L reach level 2 with evidence; without it both count as P and the
    process stays at level 1, held by PA2.1. N and P are not raised or lowered."""
    ratings = {"PA2.1": R.F, "PA2.2": R.L, "PA3.1": R.N}
    evidenced = capability(mini_questionnaire.capability, 90.0, ratings)
    assert (evidenced.level, evidenced.capped) == (2, [])
    bare = capability(mini_questionnaire.capability, 90.0, ratings, evidenced=False)
    assert bare.level == 1 and bare.limited_by == "PA2.1"
    assert bare.capped == ["PA2.1", "PA2.2"]
    assert (bare.attributes["PA2.1"], bare.attributes["PA2.2"]) == (R.P, R.P)
    assert bare.attributes["PA3.1"] is R.N
    # PA1.1 comes from the answers' own evidence-capped score: never capped again
    assert bare.attributes["PA1.1"] is R.F and "PA1.1" not in bare.capped
