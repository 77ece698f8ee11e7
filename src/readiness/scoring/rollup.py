"""Weighted roll-ups of requirement scores to clauses, areas, parts and the whole."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from readiness.models.assessment import Counts, RequirementResult, ScoreGroup


def count(results: Iterable[RequirementResult]) -> Counts:
    """Requirements by predicted finding class."""
    tally = Counter(result.finding.value for result in results)
    return Counts(
        major=tally["major"],
        minor=tally["minor"],
        observation=tally["observation"],
        conforming=tally["conforming"],
        not_applicable=tally["not_applicable"],
    )


def roll_up(group_id: str, results: list[RequirementResult]) -> ScoreGroup:
    """Weighted mean of the scored requirements (NA ones are left out), 0-100, 1 decimal.

    Each requirement counts with its catalogue weight (1 to 3), so a missing policy weighs
    more than a missing supporting detail.
    """
    scored = [r for r in results if r.score is not None]
    weight = sum(r.weight for r in scored)
    score = round(sum(r.weight * (r.score or 0.0) for r in scored) / weight, 1) if weight else None
    return ScoreGroup(
        id=group_id,
        score=score,
        weight=weight,
        requirements=[r.id for r in results],
        counts=count(results),
    )
