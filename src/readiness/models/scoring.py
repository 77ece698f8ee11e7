"""Scoring parameters, loaded from ``clauses/scoring.yaml`` so a consultant can tune them."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator, model_validator

from readiness.models.answers import parse_extent
from readiness.models.common import Extent, NonEmpty, Strict

Percent = float


class FindingThresholds(Strict):
    """Requirement score at or below which each finding class is predicted."""

    major: Percent = Field(ge=0, le=100)
    minor: Percent = Field(ge=0, le=100)
    observation: Percent = Field(ge=0, le=100)
    systemic_minors: int = Field(
        default=3, ge=2, description="this many minors against one area: one systemic major"
    )

    @model_validator(mode="after")
    def _ordered(self) -> FindingThresholds:
        if not self.major < self.minor < self.observation:
            raise ValueError("thresholds must rise: major < minor < observation")
        return self


class EvidenceCaps(Strict):
    """Highest score an answer can give when documents or records of practice are missing."""

    practised: dict[Extent, Percent]
    documented: dict[Extent, Percent]

    @field_validator("practised", "documented", mode="before")
    @classmethod
    def _unquoted_keys(cls, value: Any) -> Any:
        # YAML reads unquoted yes/no keys as booleans
        if isinstance(value, dict):
            return {parse_extent(key): cap for key, cap in value.items()}
        return value

    @model_validator(mode="after")
    def _complete(self) -> EvidenceCaps:
        for name in ("practised", "documented"):
            caps = getattr(self, name)
            if set(caps) != set(Extent):
                raise ValueError(f"{name} needs a cap for each of no, partly, yes")
            if not caps[Extent.NO] <= caps[Extent.PARTLY] <= caps[Extent.YES]:
                raise ValueError(f"{name} caps must not fall from no to partly to yes")
        return self


class VerdictRules(Strict):
    """When a client is ready, ready after minor fixes, or not ready."""

    area_floor: Percent = Field(ge=0, le=100, description="any area below: not ready")
    overall_minimum: Percent = Field(ge=0, le=100, description="overall below: not ready")
    overall_ready: Percent = Field(ge=0, le=100, description="needed for 'ready'")
    max_minor_findings: int = Field(ge=0, description="more minors than this: not ready")
    max_unanswered_share: float = Field(
        default=0.10, ge=0, le=1, description="more questions unanswered: verdict incomplete"
    )


class MatrixRules(Strict):
    """Checks on the role and responsibility matrix."""

    max_primary_share: float = Field(gt=0, le=1)
    min_items_for_concentration: int = Field(ge=1)


class ScoringConfig(Strict):
    """Every tunable number of the scoring, in one validated file."""

    version: NonEmpty
    target_score: Percent = Field(ge=0, le=100)
    findings: FindingThresholds
    caps: EvidenceCaps
    verdict: VerdictRules
    matrix: MatrixRules
