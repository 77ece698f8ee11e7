"""Types shared by every model: bilingual text, the rating scale, finding classes."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from readiness.language import Language

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Base of our input models: unknown keys are errors, not silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Result(BaseModel):
    """Base of result models: strict keys, plain data."""

    model_config = ConfigDict(extra="forbid")


class LocalText(Strict):
    """A text in English and Simplified Chinese."""

    en: NonEmpty
    zh: NonEmpty

    def get(self, language: Language | str) -> str:
        """The text in ``language``."""
        return self.zh if language == Language.ZH else self.en


class Rating(StrEnum):
    """Achievement of a requirement on the ISO/IEC 33020 scale, plus not applicable."""

    N = "N"
    P = "P"
    L = "L"
    F = "F"
    NA = "NA"


class Extent(StrEnum):
    """Answer to "is it documented?" and "is it practised with records?"."""

    NO = "no"
    PARTLY = "partly"
    YES = "yes"


class Basis(StrEnum):
    """Where a catalogue item comes from, which decides what a gap in it can become.

    ``requirement``: ISO/IEC 20000-1:2018 itself demands it; a gap can be a nonconformity.
    ``practice``: advice of practitioners, the 2011 edition or certification bodies; a gap is at
    most an observation (opportunity for improvement), listed apart and never in the verdict.
    ``precondition``: what a certification body expects before stage 2 (an operating period
    with records, an internal audit and a management review held); a readiness precondition,
    named as such, not a clause.
    """

    REQUIREMENT = "requirement"
    PRACTICE = "practice"
    PRECONDITION = "precondition"


class FindingClass(StrEnum):
    """What an auditor would most likely record, most severe first."""

    MAJOR = "major"
    MINOR = "minor"
    OBSERVATION = "observation"
    CONFORMING = "conforming"
    NOT_APPLICABLE = "not_applicable"


SEVERITY: dict[FindingClass, int] = {
    FindingClass.MAJOR: 3,
    FindingClass.MINOR: 2,
    FindingClass.OBSERVATION: 1,
    FindingClass.CONFORMING: 0,
    FindingClass.NOT_APPLICABLE: 0,
}
"""Order of severity, for picking the worse of two classes."""
