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
