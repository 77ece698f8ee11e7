"""The rating scale as numbers.

ISO/IEC 33020 rates achievement in bands: N 0-15 %, P >15-50 %, L >50-85 %, F >85-100 %.
Scoring needs one value per band. We use the band midpoints for P (32.5) and L (67.5), and
the ends of the scale for N (0: nothing to show) and F (100: fully achieved), so that a client
with no evidence scores 0 and a client achieving everything scores 100.
"""

from __future__ import annotations

from readiness.models.answers import Answer
from readiness.models.common import Rating
from readiness.models.scale import RatingScale

RATING_VALUES: dict[Rating, float] = {
    Rating.N: 0.0,
    Rating.P: 32.5,
    Rating.L: 67.5,
    Rating.F: 100.0,
}
"""Percent for each rating; NA has no value (it is left out of every mean)."""

BAND_UPPER: tuple[tuple[float, Rating], ...] = (
    (15.0, Rating.N),
    (50.0, Rating.P),
    (85.0, Rating.L),
    (100.0, Rating.F),
)
"""Upper bound of each ISO/IEC 33020 band."""

ORDER: tuple[Rating, ...] = (Rating.N, Rating.P, Rating.L, Rating.F)
"""Ratings from worst to best (NA is outside the order)."""


def band_of(score: float) -> Rating:
    """The rating whose ISO/IEC 33020 band holds ``score`` (a percent)."""
    for upper, rating in BAND_UPPER:
        if score <= upper:
            return rating
    return Rating.F


def at_least(rating: Rating, floor: Rating) -> bool:
    """Whether ``rating`` is ``floor`` or better (NA counts as not achieved)."""
    if rating is Rating.NA:
        return False
    return ORDER.index(rating) >= ORDER.index(floor)


def answer_value(answer: Answer, scale: RatingScale | None) -> float:
    """Percent of a rated answer (not NA): its step's value on a method's ``scale``, else its
    rating's value above."""
    assert answer.rating is not None and answer.rating is not Rating.NA
    if scale is not None and answer.grade is not None:
        step = scale.step(answer.grade)
        if step is not None:
            return step.value * 100
    return RATING_VALUES[answer.rating]


def scale_values(scale: RatingScale | None) -> dict[str, float]:
    """Percent of every rating of the scale in use, as the assessment records it."""
    if scale is None:
        return {rating.value: value for rating, value in RATING_VALUES.items()}
    return scale.percent()
