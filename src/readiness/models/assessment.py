"""The finished assessment: every score with the answers behind it, findings and verdict.

This is what ``assessment.json`` holds (``readiness schema --assessment`` prints its JSON
Schema). Renderers read it and compute nothing.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from readiness.models.answers import Client, MatrixRow, Roles
from readiness.models.common import Extent, FindingClass, LocalText, Rating


class Result(BaseModel):
    """Base of result models: strict keys, plain data."""

    model_config = ConfigDict(extra="forbid")


class Reason(Result):
    """Why a score or finding is what it is, in both languages."""

    code: str
    text: LocalText


CapKind = Literal["practised", "documented"]


class Contribution(Result):
    """One answer's part in a requirement's score."""

    question: str
    rating: Rating | None = Field(description="None when the question was not answered")
    value: float | None = Field(description="percent from the rating; None for NA")
    score: float | None = Field(description="value after evidence caps; None for NA")
    capped_by: list[CapKind] = Field(default_factory=list)
    documented: Extent | None = None
    practised: Extent | None = None
    evidence: list[str] = Field(default_factory=list)
    notes: str | None = None
    owner: str | None = None
    justification: str | None = None


class Flag(StrEnum):
    """Conditions on a requirement worth showing apart from its score."""

    UNANSWERED = "unanswered"
    DOCUMENTED_NOT_PRACTISED = "documented_not_practised"
    PRACTISED_NOT_DOCUMENTED = "practised_not_documented"
    NA_NOT_ALLOWED = "na_not_allowed"
    NA_ACCEPTED = "na_accepted"
    DOCUMENT_MISSING = "document_missing"


class RequirementResult(Result):
    """A requirement's score, predicted finding and the answers that produced them."""

    id: str
    clause: str
    area: str
    weight: int
    score: float | None = Field(description="0-100; None when accepted as not applicable")
    finding: FindingClass
    flags: list[Flag] = Field(default_factory=list)
    reasons: list[Reason] = Field(default_factory=list)
    recommendation: LocalText | None = None
    contributions: list[Contribution] = Field(default_factory=list)


class Counts(Result):
    """Predicted findings by class."""

    major: int = 0
    minor: int = 0
    observation: int = 0
    conforming: int = 0
    not_applicable: int = 0


class ScoreGroup(Result):
    """A roll-up of requirement scores: a clause, an area, a part, or the whole."""

    id: str
    score: float | None = Field(description="weighted mean, 0-100; None if all NA")
    weight: int = Field(description="sum of the weights of the requirements scored")
    requirements: list[str]
    counts: Counts


class Capability(Result):
    """Capability level of a process by the ISO/IEC 33020 rule."""

    level: int = Field(ge=0, le=5)
    attributes: dict[str, Rating]
    limited_by: str | None = Field(description="first attribute that stops the next level")


class AreaResult(ScoreGroup):
    """An area's score, with a capability level for the 13 processes."""

    part: str
    process: bool
    capability: Capability | None = None


class FindingSource(StrEnum):
    """What a finding was predicted from."""

    REQUIREMENT = "requirement"
    INDICATOR = "indicator"
    MATRIX = "matrix"


class Finding(Result):
    """A predicted audit finding."""

    id: str
    source: FindingSource
    finding: FindingClass
    area: str | None = None
    clause: str | None = None
    requirements: list[str] = Field(default_factory=list)
    reason: LocalText
    recommendation: LocalText | None = None


class Blocker(Result):
    """Mandatory documented information missing: the stage 1 audit would stop here."""

    requirement: str
    clause: str
    kind: Literal["document", "record"]
    name: LocalText


class IndicatorResult(Result):
    """One indicator rule checked against the client's figures."""

    rule: str
    figure: str
    value: float | bool | None
    evaluated: bool
    fired: bool


class Verdict(StrEnum):
    """How far from certification the client is."""

    READY = "ready"
    READY_AFTER_MINOR_FIXES = "ready_after_minor_fixes"
    NOT_READY = "not_ready"


class VerdictResult(Result):
    """The certification verdict and every reason for it."""

    verdict: Verdict
    reasons: list[Reason]


class Completeness(Result):
    """How much of the questionnaire was answered."""

    questions: int
    answered: int
    not_applicable: int
    figures: int
    figures_given: int

    @property
    def share(self) -> float:
        """Answered share of the questions, 0-1."""
        return self.answered / self.questions if self.questions else 0.0


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


class Assessment(Result):
    """The complete result of assessing one answer file."""

    schema_version: Literal["1.0"] = "1.0"
    tool_version: str
    assessed_on: dt.date | None
    assessor: str | None
    client: Client
    source: Source
    target_score: float
    area_floor: float = Field(default=50.0, description="an area below this blocks certification")
    overall: ScoreGroup
    parts: list[ScoreGroup]
    areas: list[AreaResult]
    clauses: list[ScoreGroup]
    requirements: list[RequirementResult]
    findings: list[Finding]
    blockers: list[Blocker]
    indicators: list[IndicatorResult]
    completeness: Completeness
    verdict: VerdictResult
    roles: Roles = Field(default_factory=Roles, description="role holders the client named")
    matrix: list[MatrixRow] = Field(
        default_factory=list, description="the client's role and responsibility matrix"
    )
    respondents: list[str] = Field(default_factory=list, description="files merged, if several")
    disagreements: list[Disagreement] = Field(default_factory=list)
