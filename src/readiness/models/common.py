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
