"""Where an assessment came from: the data it was made with (catalogue, questionnaire, scoring,
method), where several respondents disagreed, and answers carried from a certified system
that the consultant has not yet confirmed."""

from __future__ import annotations

from pydantic import Field

from readiness.models.answers import Standard
from readiness.models.common import Rating, Result
from readiness.models.method import MethodInfo


class Disagreement(Result):
    """Where respondents of one client differ: what each said, and what was kept."""

    subject: str = Field(description="question id, 'area attribute', or figure id")
    field: str
    values: dict[str, str] = Field(description="respondent → value")
    merged: str


class Source(Result):
    """Identity of the data an assessment was made with."""

    standard: str
    edition: str
    catalogue_version: str
    questionnaire: str
    questionnaire_version: str
    scoring_version: str
    rating_values: dict[str, float]
    method: MethodInfo | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="the consultant's method merged over the shipped data, if any",
    )


class CarriedAnswer(Result):
    """An answer prefilled from the client's certified system, not yet confirmed.

    It counts as unanswered: an unconfirmed carried answer never raises a score.
    """

    question: str
    area: str
    standard: Standard
    rating: Rating | None = Field(description="the rating prefilled, left out of the score")
