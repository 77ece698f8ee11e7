"""Ratings on a method's finer scale (P-, L+ …) read into an answer file's raw data.

Before an answer file is validated, every rating that names a step of the method's scale is
written as its band (N, P, L or F, which the finding rules read) with the step kept as the
answer's grade (whose value the score is made of). Capability attributes are rated by band
(ISO/IEC 33020 levels read bands only), so a step there is read as its band.
"""

from __future__ import annotations

from typing import Any

from readiness.models.answers import Answer
from readiness.models.common import Rating
from readiness.models.scale import RatingScale

Location = tuple[str | int, ...]


def apply_scale(data: Any, scale: RatingScale) -> Any:
    """``data`` (an answer file's raw mapping) with the scale's steps read as band and grade."""
    if not isinstance(data, dict):
        return data
    result = dict(data)
    answers = data.get("answers")
    if isinstance(answers, dict):
        result["answers"] = {key: _graded(value, scale) for key, value in answers.items()}
    capability = data.get("capability")
    if isinstance(capability, dict):
        result["capability"] = {
            area: {k: _band(v, scale) for k, v in ratings.items()}
            if isinstance(ratings, dict)
            else ratings
            for area, ratings in capability.items()
        }
    return result


def _graded(value: Any, scale: RatingScale) -> Any:
    if isinstance(value, str):
        step = scale.step(value)
        return {"rating": step.band.value, "grade": step.id} if step else value
    if isinstance(value, dict) and isinstance(value.get("rating"), str):
        step = scale.step(value["rating"])
        if step is not None:
            return {**value, "rating": step.band.value, "grade": step.id}
    return value


def _band(value: Any, scale: RatingScale) -> Any:
    step = scale.step(value) if isinstance(value, str) else None
    return step.band.value if step else value


def grade_problems(
    answers: dict[str, Answer], scale: RatingScale | None
) -> list[tuple[Location, str]]:
    """Ratings that the scale in use does not have: a bare band the method refines (a plain
    ``P`` when the scale has P- and P+), or a grade without a method scale."""
    found: list[tuple[Location, str]] = []
    for question_id, answer in answers.items():
        where: Location = ("answers", question_id, "rating")
        if scale is None:
            if answer.grade is not None:
                found.append(
                    (where, f"'{answer.grade}' needs the method whose scale has it (--method)")
                )
            continue
        if answer.rating in (None, Rating.NA):
            continue
        if answer.grade is None or scale.step(answer.grade) is None:
            shown = answer.grade or answer.rating.value
            found.append((where, f"'{shown}' is not a rating of this method; use {steps(scale)}"))
    return found


def steps(scale: RatingScale) -> str:
    """``N, P-, P+, L-, L+, F or NA``."""
    return ", ".join(step.id for step in scale.steps) + " or NA"
