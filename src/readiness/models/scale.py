"""A rating scale finer than N/P/L/F (such as the P−/P+/L−/L+ of ISO/IEC 33020 practice).

Every rating of a scale has a value (0–1), which the score is made of, and an ISO/IEC 33020
band (N, P, L or F), which the finding rules, the capability levels and the worst-answer rule
read. A value must lie inside its band, so the two never disagree.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field, model_validator

from readiness.models.common import LocalText, Rating, Strict

BAND_RANGES: dict[Rating, tuple[float, float]] = {
    Rating.N: (0.0, 0.15),
    Rating.P: (0.15, 0.50),
    Rating.L: (0.50, 0.85),
    Rating.F: (0.85, 1.0),
}
"""Achievement (0–1) each ISO/IEC 33020 band covers: N 0–15 %, P >15–50 %, L >50–85 %,
F >85–100 % (the lower end belongs to the band below, but for N's 0)."""


def normalise_step(value: str) -> str:
    """A scale label as compared: spaces dropped, the typographic minus read as ``-``, upper case."""
    return "".join(value.split()).replace("\u2212", "-").replace("\u2013", "-").upper()


StepId = Annotated[
    str,
    BeforeValidator(lambda v: normalise_step(v) if isinstance(v, str) else v),
    Field(pattern=r"^[A-Z][A-Z0-9+-]{0,5}$"),
]


class ScaleStep(Strict):
    """One rating of a method's scale: its value (0–1) and the ISO/IEC 33020 band it is in.

    The band is what the finding rules, the capability levels and the worst-answer rule read;
    the value is what the score is made of.
    """

    id: StepId
    band: Rating
    value: float = Field(ge=0, le=1)
    name: LocalText

    @model_validator(mode="after")
    def _value_in_band(self) -> ScaleStep:
        if self.band is Rating.NA:
            raise ValueError(f"{self.id}: NA is always available and is not part of the scale")
        if self.id == "NA":
            raise ValueError("NA is always available and is not part of the scale")
        low, high = BAND_RANGES[self.band]
        inside = low <= self.value <= high if self.band is Rating.N else low < self.value <= high
        if not inside:
            raise ValueError(
                f"{self.id}: value {self.value:g} is outside band {self.band.value} "
                f"({'' if self.band is Rating.N else '>'}{low:g}–{high:g})"
            )
        return self


class RatingScale(Strict):
    """A method's rating scale, worst to best (``scale.yaml``)."""

    steps: list[ScaleStep] = Field(min_length=2, max_length=20)

    @model_validator(mode="after")
    def _ordered(self) -> RatingScale:
        ids = [step.id for step in self.steps]
        errors = [
            f"rating {i} is listed twice" for i in sorted({i for i in ids if ids.count(i) > 1})
        ]
        values = [step.value for step in self.steps]
        if values != sorted(values) or len(set(values)) != len(values):
            errors.append("ratings must be listed worst to best, with rising values")
        missing = [b.value for b in BAND_RANGES if b not in {s.band for s in self.steps}]
        if missing:
            errors.append(f"no rating in band {', '.join(missing)}: every band needs one")
        if errors:
            raise ValueError("; ".join(errors))
        return self

    def step(self, written: str) -> ScaleStep | None:
        """The step a client's ``written`` rating names (any case, either minus), if any."""
        for candidate in (written, *written.split()[:1]):  # "P- 部分" from a dropdown too
            wanted = normalise_step(candidate)
            found = next((s for s in self.steps if s.id == wanted), None)
            if found is not None:
                return found
        return None

    def percent(self) -> dict[str, float]:
        """Each rating's value in percent, as the assessment records it."""
        return {step.id: round(step.value * 100, 4) for step in self.steps}
