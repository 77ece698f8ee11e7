"""Weighted roll-ups of requirement scores to clauses, areas, parts and the whole."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable

from readiness.models.assessment import Counts, Finding, RequirementResult, ScoreGroup
from readiness.models.common import Basis, FindingClass


def count(
    results: Iterable[RequirementResult],
    grouped: Collection[str] = (),
    systemic: Iterable[Finding] = (),
) -> Counts:
    """Requirements by predicted finding class, as :class:`FindingCounts` counts them.

    Good-practice requirements are counted apart (``practice``, when they show a gap). A minor
    whose requirement is in ``grouped`` is counted in its systemic major instead; each of
    ``systemic`` whose requirements all belong to the group counts as one major.
    """
    results = list(results)
    ids = {r.id for r in results}
    tally: Counter[str] = Counter()
    practice = 0
    for result in results:
        if result.basis is Basis.PRACTICE:
            practice += result.finding is FindingClass.OBSERVATION
        elif not (result.finding is FindingClass.MINOR and result.id in grouped):
            tally[result.finding.value] += 1
    majors = sum(1 for f in systemic if f.requirements and set(f.requirements) <= ids)
    return Counts(
        major=tally["major"] + majors,
        minor=tally["minor"],
        observation=tally["observation"],
        conforming=tally["conforming"],
        not_applicable=tally["not_applicable"],
        practice=practice,
    )


def roll_up(
    group_id: str,
    results: list[RequirementResult],
    grouped: Collection[str] = (),
    systemic: Iterable[Finding] = (),
) -> ScoreGroup:
    """Weighted mean of the scored requirements (NA and good-practice ones are left out).

    Each requirement counts with its catalogue weight (1 to 3), so a missing policy weighs
    more than a missing supporting detail. The mean is kept unrounded in ``score_exact`` (the
    thresholds compare it) and rounded to 1 decimal in ``score`` for display.
    """
    scored = [r for r in results if r.score is not None and r.basis is not Basis.PRACTICE]
    weight = sum(r.weight for r in scored)
    exact = sum(r.weight * _exact(r) for r in scored) / weight if weight else None
    return ScoreGroup(
        id=group_id,
        score=round(exact, 1) if exact is not None else None,
        score_exact=exact,
        weight=weight,
        requirements=[r.id for r in results],
        counts=count(results, grouped, systemic),
    )


def _exact(result: RequirementResult) -> float:
    if result.score_exact is not None:
        return result.score_exact
    return result.score or 0.0
