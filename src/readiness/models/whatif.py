"""What-if to the target: the fewest answer improvements that reach a score or the next verdict.

Person-days are :class:`~decimal.Decimal` rounded to two places, priced by the plan data
(``plans/plan.yaml`` deliverable efforts by kind and finding class), as the plan prices a gap.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import Field

from readiness.models.assessment import Reason, Verdict
from readiness.models.common import Extent, Rating, Result


class Improvement(Result):
    """One answer raised: from what to what, what it lifts, what it gains and costs."""

    question: str
    area: str = Field(description="the question's area")
    rating_from: Rating | None = Field(description="None: the question was unanswered")
    rating_to: Rating
    documented_from: Extent | None
    documented_to: Extent | None
    practised_from: Extent | None
    practised_to: Extent | None
    requirements: list[str] = Field(description="requirements whose score it raises")
    gain: float = Field(description="points it adds to the goal's score (the process or overall)")
    actions: list[str] = Field(description="plan deliverables it needs, not counted before it")
    effort: Decimal = Field(description="person-days of those deliverables, review included")


class Status(StrEnum):
    """Where a goal stands."""

    MET = "met"
    """Already at the target: nothing to change."""
    REACHED = "reached"
    """The improvements reach it (checked by scoring them again)."""
    UNREACHABLE = "unreachable"
    """No answer improvement reaches it; the reasons left say why."""
    INCOMPLETE = "incomplete"
    """Too many questions unanswered for a verdict: answer them first."""


class Search(StrEnum):
    """How far the effort among the smallest sets is proven minimal."""

    EXACT = "exact"
    """Every set of the smallest size was tried: the least effort among them."""
    LOCAL = "local"
    """Too many sets to try: no single swap of one change for another lowers the effort."""
    IRREDUCIBLE = "irreducible"
    """Greedy, then pruned: no change can be left out (the verdict's search)."""


class ProcessWhatIf(Result):
    """The fewest answer improvements that lift one area (process) to the target score."""

    area: str
    process: bool
    score: float | None = Field(description="unrounded score now")
    target: float
    status: Status
    improvements: list[Improvement]
    score_after: float | None = Field(description="unrounded score with the improvements")
    best_possible: float | None = Field(description="the score with every answer improved to F")
    effort: Decimal
    search: Search


class VerdictWhatIf(Result):
    """The fewest answer improvements that take the verdict to the next level."""

    verdict: Verdict
    next: Verdict | None = Field(description="the next level; None when already ready")
    status: Status
    improvements: list[Improvement]
    verdict_after: Verdict
    overall_after: float | None
    effort: Decimal
    remaining: list[Reason] = Field(
        description="reasons no answer improvement lifts (figures, role matrix, preconditions)"
    )
    search: Search = Search.IRREDUCIBLE


class WhatIf(Result):
    """What-if to the target for every area and for the verdict."""

    schema_version: Literal["1.0"] = "1.0"
    target: float = Field(description="score each area is lifted to")
    processes: list[ProcessWhatIf]
    verdict: VerdictWhatIf
