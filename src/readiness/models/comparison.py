"""Two assessments of one client compared: what moved, what closed, what is new or worse.

This is what ``comparison.json`` holds. Renderers read it (with the catalogue for names) and
compute nothing.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import Field

from readiness.models.assessment import Blocker, CheckStatus, FindingSource, Verdict
from readiness.models.common import FindingClass, LocalText, Result
from readiness.models.trend import Trend


class Movement(StrEnum):
    """How a finding changed between the two assessments."""

    CLOSED = "closed"
    NEW = "new"
    WORSE = "worse"
    BETTER = "better"
    SAME = "same"


class ScoreChange(Result):
    """A score then and now (None where the group was not scored or did not exist)."""

    id: str
    old: float | None
    new: float | None
    delta: float | None = Field(description="new - old, rounded to 0.1; None if either is None")
    old_level: int | None = None
    new_level: int | None = None


class FindingChange(Result):
    """One predicted finding that appears in either assessment."""

    id: str
    source: FindingSource
    area: str | None
    clause: str | None
    old: FindingClass | None = Field(description="None: there was no such finding then")
    new: FindingClass | None = Field(description="None: the finding is closed")
    movement: Movement
    reason: LocalText = Field(description="the newer reason (the old one for a closed finding)")
    recommendation: LocalText | None = None


class PreconditionChange(Result):
    """A readiness precondition (a certification body's expectation, not a clause) then and now."""

    rule: str
    old: CheckStatus | None = Field(description="None: not checked then")
    new: CheckStatus | None = Field(description="None: not checked now")
    reason: LocalText = Field(description="what the precondition asks, in the newer wording")


class Side(Result):
    """Identity of one of the two assessments."""

    assessed_on: dt.date | None
    client: str
    questionnaire_version: str
    catalogue_version: str
    verdict: Verdict
    verdict_reasons: list[LocalText]
    counts: dict[str, int] = Field(description="predicted findings by class")
    blockers: int


class Comparison(Result):
    """The progress between two assessments of the same client."""

    schema_version: Literal["1.0"] = "1.0"
    tool_version: str
    prepared_by: str | None = Field(
        default=None, description="the consultancy named in the brand file, if one was used"
    )
    old: Side
    new: Side
    forced: bool = Field(description="the clients' names differ and --force was given")
    overall: ScoreChange
    parts: list[ScoreChange]
    areas: list[ScoreChange]
    findings: list[FindingChange] = Field(description="every finding that is not unchanged")
    unchanged: int = Field(description="findings present in both with the same class")
    blockers_closed: list[Blocker]
    blockers_new: list[Blocker]
    blockers_remaining: list[Blocker]
    preconditions: list[PreconditionChange] = Field(
        default_factory=list, description="every readiness precondition of either assessment"
    )
    questions_added: list[str]
    questions_removed: list[str]
    regressions: list[str] = Field(
        description="what got worse: 'area B.INC', 'finding R-8.6.1-01', 'precondition "
        "IND-TRIAL-RUN', 'overall'"
    )
    trend: Trend | None = Field(
        default=None,
        description="over three or more assessments: the trend (this comparison is of the last two)",
    )
