"""What-if to the target: the fewest answer improvements that lift each area (process) to the
target score, and that take the verdict to its next level, ranked by the plan's effort.

**Areas.** An area's score is the weighted mean of its requirements' scores, and a requirement's
score the mean of its answers' scores, so each answer's gain in the area is fixed whatever else
changes: gains add up exactly. The fewest changes that close a gap of ``D`` points are therefore
the ``k`` largest gains (each answer raised to F, its largest gain) for the smallest ``k`` whose
sum reaches ``D``: no set of fewer answers can, since any ``k - 1`` answers gain at most the
``k - 1`` largest. Among the sets of that size that reach ``D``, the one with the least effort
is chosen: by trying every one when there are at most :data:`EXACT_LIMIT` of them (``search``
= ``exact``), else by swapping one change for another while that lowers the effort (``local``:
no single swap does better). Each change is then lowered to the least rating (P, L) that still
reaches the target, so the proposal asks no more than needed, and the area is scored again with
the real scoring functions to confirm the target is reached.

**Verdict.** See :mod:`readiness.planning.whatif_verdict`: findings, blockers and systemic majors
are not additive, so that search is greedy with an exact check, then pruned.

**Effort.** A change is priced by the deliverables the plan would build for the requirements it
lifts (``plans/plan.yaml`` effort by deliverable kind and finding class, review included; see
:func:`readiness.planning.backlog.requirement_actions`), each deliverable counted once in a set.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from decimal import Decimal

from readiness.models.answers import AnswerFile
from readiness.models.catalogue import Catalogue
from readiness.models.common import Rating
from readiness.models.plan import PlanConfig
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.models.whatif import ProcessWhatIf, Search, Status, WhatIf
from readiness.planning.backlog import requirement_actions
from readiness.planning.whatif_space import EPSILON, Space
from readiness.planning.whatif_verdict import verdict_what_if
from readiness.scoring.assess import assess
from readiness.scoring.rollup import roll_up

EXACT_LIMIT = 20_000
"""Sets of the smallest size tried one by one for the least effort, at most."""


def what_if(
    answers: AnswerFile,
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    config: ScoringConfig,
    plan: PlanConfig,
    *,
    target: float | None = None,
) -> WhatIf:
    """The what-if of every area to ``target`` (default: the scoring's target score) and of
    the verdict to its next level, for the client's ``answers``."""
    goal = config.target_score if target is None else target
    assessment = assess(answers, catalogue, questionnaire, config)
    space = Space(
        answers, assessment, catalogue, questionnaire, config,
        requirement_actions(assessment, catalogue, plan),
    )  # fmt: skip
    return WhatIf(
        target=goal,
        processes=[area_what_if(space, area.id, goal) for area in catalogue.areas],
        verdict=verdict_what_if(space),
    )


def area_what_if(space: Space, area_id: str, target: float) -> ProcessWhatIf:
    """The fewest answer improvements that lift ``area_id`` to ``target`` (see the module)."""
    area = next(a for a in space.assessment.areas if a.id == area_id)
    score = area.score_exact

    def result(status: Status, chosen: list[tuple[str, Rating]], search: Search) -> ProcessWhatIf:
        improvements = space.improvements(chosen, area_id)
        return ProcessWhatIf(
            area=area_id,
            process=area.process,
            score=score,
            target=target,
            status=status,
            improvements=improvements,
            score_after=_scored(space, area_id, chosen) if chosen else score,
            best_possible=best,
            effort=sum((i.effort for i in improvements), Decimal(0)),
            search=search,
        )

    gains = {
        q: space.gain(space.alone(q, Rating.F), area_id)
        for q in space.feeds
        if Rating.F in space.ratings(q) and set(space.feeds[q]) & _members(space, area_id)
    }
    gains = {q: g for q, g in gains.items() if g > EPSILON}
    best = None if score is None else score + sum(gains.values())
    if score is None or score >= target:
        return result(Status.MET, [], Search.EXACT)
    if best is None or best < target - EPSILON:
        return result(Status.UNREACHABLE, [], Search.EXACT)
    need = target - score
    ranked = sorted(gains, key=lambda q: (-gains[q], _effort(space, [q]), q))
    fewest = next(k for k in range(1, len(ranked) + 1) if _sum(gains, ranked[:k]) >= need - EPSILON)
    for size in range(fewest, len(ranked) + 1):
        chosen, search = _least_effort(space, gains, ranked, size, need)
        modest = _modest(space, area_id, chosen, gains, need)
        if _scored(space, area_id, modest) >= target:
            return result(Status.REACHED, modest, search)
        # the sums met the target only within rounding: one change more
    return result(Status.UNREACHABLE, [], Search.EXACT)  # pragma: no cover - rounding only


def _members(space: Space, area_id: str) -> set[str]:
    return {r.id for r in space.catalogue.area_requirements(area_id)}


def _sum(gains: dict[str, float], questions: Sequence[str]) -> float:
    return sum(gains[q] for q in questions)


def _effort(space: Space, questions: Sequence[str]) -> Decimal:
    lifted = [r for q in questions for r in space.lifted(space.alone(q, Rating.F))]
    return space.effort(lifted)


def _least_effort(
    space: Space, gains: dict[str, float], ranked: list[str], size: int, need: float
) -> tuple[list[str], Search]:
    """The ``size`` questions reaching ``need`` with the least effort (ties: larger gain)."""

    def key(questions: Sequence[str]) -> tuple[Decimal, float, tuple[str, ...]]:
        return (_effort(space, questions), -_sum(gains, questions), tuple(sorted(questions)))

    if math.comb(len(ranked), size) <= EXACT_LIMIT:
        reaching: list[tuple[str, ...]] = [
            c for c in itertools.combinations(ranked, size) if _sum(gains, c) >= need - EPSILON
        ]
        least = min(reaching, key=lambda c: key(c))
        return _ordered(gains, list(least)), Search.EXACT
    chosen = ranked[:size]
    improved = True
    while improved:
        improved = False
        for out, into in itertools.product(list(chosen), ranked):
            if into in chosen:
                continue
            trial = [into if q == out else q for q in chosen]
            if _sum(gains, trial) >= need - EPSILON and key(trial) < key(chosen):
                chosen, improved = trial, True
                break
    return _ordered(gains, chosen), Search.LOCAL


def _ordered(gains: dict[str, float], questions: list[str]) -> list[str]:
    return sorted(questions, key=lambda q: (-gains[q], q))


def _modest(
    space: Space, area_id: str, chosen: list[str], gains: dict[str, float], need: float
) -> list[tuple[str, Rating]]:
    """Each change lowered, smallest gain first, to the least rating that still reaches."""
    total = _sum(gains, chosen)
    ratings = dict.fromkeys(chosen, Rating.F)
    for question in reversed(chosen):
        for rating in space.ratings(question):
            if rating is Rating.F:
                break
            gain = space.gain(space.alone(question, rating), area_id)
            if gain > EPSILON and total - gains[question] + gain >= need - EPSILON:
                total += gain - gains[question]
                ratings[question] = rating
                break
    return list(ratings.items())


def _scored(space: Space, area_id: str, chosen: list[tuple[str, Rating]]) -> float:
    """The area's unrounded score with ``chosen`` applied, by the real scoring functions."""
    changed = space.answers_with(chosen).answers
    members = [r.id for r in space.catalogue.area_requirements(area_id)]
    touched = {r for q, _ in chosen for r in space.feeds[q]} & set(members)
    results = {**space.base, **space.rescore(touched, changed)}
    group = roll_up(area_id, [results[r] for r in members])
    return group.score_exact or 0.0
