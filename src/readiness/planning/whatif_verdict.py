"""What-if to the next verdict: the answer improvements that lift every reason answers can lift.

*Not ready* becomes *ready after minor fixes* when no requirement is a major nonconformity or
misses its mandatory documented information, no process (or clause of a management-system
area) holds enough minors to count as a systemic major, the minors are no more than allowed,
every area reaches the floor and the overall score the minimum. *Ready after minor fixes*
becomes *ready* when no requirement minor is left and the overall score reaches the ready
bound. These counts are not additive (one answer can clear a major, a document and a systemic
group at once; two answers may be needed for one requirement), so the search is:

1. **Greedy**: repeatedly raise to F the answer that most lowers the distance to the goal
   (a thousand points for each major, missing document, minor over a systemic group's limit or
   over the allowed count; one point for each point an area or the overall score is below its
   bound), ties by the plan's effort. Every requirement is scored by the real scoring function.
2. **Pruned**: every change that can be left out with the goal still met is left out, latest
   first; each change left is lowered to the least rating that still meets it.
3. **Checked**: the answers with the changes are assessed again and the verdict read.

Guarantee: the set meets every condition answers decide, and is irreducible (no change can be
dropped); it is not proven the smallest. A test compares it with brute force on a small case.
What answers cannot lift stays: majors and minors from figures or the role matrix, rules that
block stage 2, readiness preconditions (records period, internal audit, management review)
and figures not evidenced. They are returned as ``remaining``, never hidden.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from readiness.models.answers import Answer
from readiness.models.assessment import Flag, RequirementResult, Verdict
from readiness.models.common import Basis, FindingClass, Rating
from readiness.models.whatif import Search, Status, VerdictWhatIf
from readiness.planning.whatif_space import EPSILON, Space
from readiness.scoring.assess import assess
from readiness.scoring.findings import group_key

RANK = {
    Verdict.INCOMPLETE: 0,
    Verdict.NOT_READY: 1,
    Verdict.READY_AFTER_MINOR_FIXES: 2,
    Verdict.READY: 3,
}
NEXT = {
    Verdict.NOT_READY: Verdict.READY_AFTER_MINOR_FIXES,
    Verdict.READY_AFTER_MINOR_FIXES: Verdict.READY,
}
BIG = 1000.0


@dataclass
class _Tally:
    """What the goal counts, summed over requirement results."""

    majors: int = 0
    blockers: int = 0
    minors: Counter[str] = field(default_factory=Counter)
    sums: dict[str, float] = field(default_factory=dict)
    """Weighted score sums by area id and "overall"."""

    def add(self, space: Space, result: RequirementResult, sign: int) -> None:
        if result.basis is Basis.PRACTICE:
            return
        self.majors += sign * (result.finding is FindingClass.MAJOR)
        documented = space.catalogue.requirement(result.id).documented
        self.blockers += sign * (documented is not None and Flag.DOCUMENT_MISSING in result.flags)
        if result.finding is FindingClass.MINOR:
            self.minors[group_key(result.area, result.clause, space.catalogue)] += sign
        if result.score_exact is not None:
            value = sign * result.weight * result.score_exact
            for group in [*space.areas_of.get(result.id, []), "overall"]:
                self.sums[group] = self.sums.get(group, 0.0) + value

    def copy(self) -> _Tally:
        return _Tally(self.majors, self.blockers, Counter(self.minors), dict(self.sums))


@dataclass
class _Goal:
    space: Space
    next: Verdict
    other_minors: int
    """Minors from figures and the role matrix: answers do not lift them."""
    scored: list[str] = field(default_factory=list)
    """Areas with a score (the floor applies to them)."""

    def __post_init__(self) -> None:
        self.scored = [a.id for a in self.space.assessment.areas if a.score_exact is not None]

    def distance(self, tally: _Tally) -> float:
        """0 when every condition answers decide is met; else how far from it."""
        rules = self.space.config.verdict
        minors = sum(max(0, n) for n in tally.minors.values())
        count = tally.majors + tally.blockers
        if self.next is Verdict.READY:
            count += minors
            short = max(0.0, rules.overall_ready - self._score(tally, "overall"))
            return BIG * count + short
        limit = self.space.config.findings.systemic_minors - 1
        count += sum(max(0, n - limit) for n in tally.minors.values())
        count += max(0, minors - max(0, rules.max_minor_findings - self.other_minors))
        short = max(0.0, rules.overall_minimum - self._score(tally, "overall"))
        for area in self.scored:
            short += max(0.0, rules.area_floor - self._score(tally, area))
        return BIG * count + short

    def _score(self, tally: _Tally, group: str) -> float:
        weight = self.space.weights[group]
        return tally.sums.get(group, 0.0) / weight if weight else 100.0


def verdict_what_if(space: Space) -> VerdictWhatIf:
    """The answer improvements that take the verdict of ``space`` to its next level."""
    now = space.assessment.verdict.verdict
    overall = space.assessment.overall.score_exact
    if now not in NEXT:
        status = Status.MET if now is Verdict.READY else Status.INCOMPLETE
        return VerdictWhatIf(
            verdict=now,
            next=None if now is Verdict.READY else Verdict.NOT_READY,
            status=status,
            improvements=[],
            verdict_after=now,
            overall_after=overall,
            effort=Decimal(0),
            remaining=[] if now is Verdict.READY else list(space.assessment.verdict.reasons),
        )
    counts = space.assessment.counts
    goal = _Goal(space, NEXT[now], counts.indicator.minor + counts.matrix.minor)
    picked = _greedy(space, goal, _base_tally(space))
    order = {area.id: index for index, area in enumerate(space.catalogue.areas)}
    chosen = sorted(
        _pruned(space, goal, picked),
        key=lambda change: (order[space.questionnaire.question(change[0]).area_id], change[0]),
    )
    after = assess(space.answers_with(chosen), space.catalogue, space.questionnaire, space.config)
    improvements = space.improvements(chosen, "overall")
    reached = RANK[after.verdict.verdict] >= RANK[goal.next]
    return VerdictWhatIf(
        verdict=now,
        next=goal.next,
        status=Status.REACHED if reached else Status.UNREACHABLE,
        improvements=improvements,
        verdict_after=after.verdict.verdict,
        overall_after=after.overall.score_exact,
        effort=sum((i.effort for i in improvements), Decimal(0)),
        remaining=[] if reached else list(after.verdict.reasons),
        search=Search.IRREDUCIBLE,
    )


def _base_tally(space: Space) -> _Tally:
    tally = _Tally()
    for result in space.base.values():
        tally.add(space, result, 1)
    return tally


def _moved(
    space: Space,
    tally: _Tally,
    current: Mapping[str, RequirementResult],
    results: Mapping[str, RequirementResult],
) -> _Tally:
    """The tally with ``results`` in place of the ``current`` ones."""
    updated = tally.copy()
    for r, result in results.items():
        updated.add(space, current[r], -1)
        updated.add(space, result, 1)
    return updated


def _greedy(space: Space, goal: _Goal, tally: _Tally) -> list[str]:
    chosen: list[str] = []
    changed: dict[str, Answer] = {}
    current = dict(space.base)
    paid: set[str] = set()
    scored: dict[str, dict[str, RequirementResult]] = {}
    distance = goal.distance(tally)
    while distance > 0:
        best: tuple[float, Decimal, str] | None = None
        for question in space.feeds:
            if question in changed or Rating.F not in space.ratings(question):
                continue
            if question not in scored:
                trial = {question: space.answer(question, Rating.F)}
                scored[question] = space.rescore(space.feeds[question], {**changed, **trial})
            results = scored[question]
            drop = distance - goal.distance(_moved(space, tally, current, results))
            if drop <= EPSILON:
                continue
            lifted = [r for r, result in results.items() if result != current[r]]
            effort = sum((d for a, d in space.actions(lifted).items() if a not in paid), Decimal(0))
            if best is None or (-drop, effort, question) < best:
                best = (-drop, effort, question)
        if best is None:
            break  # no answer lowers the distance any more: what is left is not the answers'
        question = best[2]
        changed[question] = space.answer(question, Rating.F)
        results = scored[question]
        tally = _moved(space, tally, current, results)
        paid.update(space.actions(r for r in results if results[r] != current[r]))
        current.update(results)
        chosen.append(question)
        distance = goal.distance(tally)
        touched = set(space.feeds[question])
        scored = {q: v for q, v in scored.items() if not touched & set(space.feeds[q])}
    return chosen


def _pruned(space: Space, goal: _Goal, chosen: list[str]) -> list[tuple[str, Rating]]:
    """Leave out every change the goal does not need (latest first), then lower each one left
    to the least rating that still meets the goal."""
    ratings = dict.fromkeys(chosen, Rating.F)
    base = _base_tally(space)

    state = dict(space.base)
    tally = _moved(
        space, base, state, space.rescore(_fed(space, ratings), _applied(space, ratings))
    )
    state.update(space.rescore(_fed(space, ratings), _applied(space, ratings)))

    def met(trial: dict[str, Rating], question: str) -> bool:
        """Whether ``trial`` (``ratings`` with ``question`` changed or left out) meets the goal;
        kept as the state when it does."""
        nonlocal tally, state
        results = space.rescore(space.feeds[question], _applied(space, trial))
        moved = _moved(space, tally, state, results)
        if goal.distance(moved) > 0:
            return False
        tally, state = moved, {**state, **results}
        return True

    if goal.distance(tally) > 0:
        return list(ratings.items())  # not met: nothing to prune against
    for question in reversed(chosen):
        trial = {q: r for q, r in ratings.items() if q != question}
        if met(trial, question):
            ratings = trial
    for question in reversed(list(ratings)):
        for rating in space.ratings(question):
            if rating is Rating.F:
                break
            if met({**ratings, question: rating}, question):
                ratings[question] = rating
                break
    return list(ratings.items())


def _fed(space: Space, ratings: Mapping[str, Rating]) -> set[str]:
    return {r for q in ratings for r in space.feeds[q]}


def _applied(space: Space, ratings: Mapping[str, Rating]) -> dict[str, Answer]:
    return space.answers_with(ratings.items()).answers
