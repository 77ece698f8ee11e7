"""The answer improvements a what-if chooses from, each scored by the real scoring functions and
priced by the plan data.

An improvement raises one answer to a rating (P, L or F, never lower than now) and lifts
"documented" and "practised with records" as far as that rating needs so that no evidence cap
holds it back (F needs yes and yes with the shipped caps, L partly and partly). An NA answer is
the client's declaration and is left as it is, unless its requirement refuses NA (clauses 4 to
10 allow no exclusion): then answering it is an improvement. Good-practice questions never
count.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from readiness.models.answers import Answer, AnswerFile
from readiness.models.assessment import Assessment, Flag, RequirementResult
from readiness.models.catalogue import Catalogue
from readiness.models.common import Basis, Extent, Rating
from readiness.models.plan import Action
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.models.whatif import Improvement
from readiness.scoring.ratings import ORDER, RATING_VALUES
from readiness.scoring.requirements import score_requirement

EXTENTS = (Extent.NO, Extent.PARTLY, Extent.YES)
TARGETS = (Rating.P, Rating.L, Rating.F)
EPSILON = 1e-9
"""Sums of gains are compared with this tolerance; every result is then scored again exactly."""


def raised(answer: Answer | None, rating: Rating, config: ScoringConfig) -> Answer:
    """``answer`` rated ``rating``, documented and practised enough for no cap to hold it."""
    value = RATING_VALUES[rating]
    base = answer or Answer()
    return base.model_copy(
        update={
            "rating": rating,
            "practised": _at_least(base.practised, _needed(config.caps.practised, value)),
            "documented": _at_least(base.documented, _needed(config.caps.documented, value)),
        }
    )


def _needed(caps: Mapping[Extent, float], value: float) -> Extent:
    return next((extent for extent in EXTENTS if caps[extent] >= value), Extent.YES)


def _at_least(current: Extent | None, needed: Extent) -> Extent:
    if current is None:
        return needed
    return max(current, needed, key=EXTENTS.index)


@dataclass
class Space:
    """One client's answers, their assessment and the deliverables that close each gap."""

    answers: AnswerFile
    assessment: Assessment
    catalogue: Catalogue
    questionnaire: Questionnaire
    config: ScoringConfig
    priced: dict[str, list[Action]]
    feeds: dict[str, tuple[str, ...]] = field(init=False)
    """Question → the requirements (not good practice) whose score it feeds."""
    areas_of: dict[str, list[str]] = field(init=False)
    """Requirement → the areas scored on it."""
    base: dict[str, RequirementResult] = field(init=False)
    practice: frozenset[str] = field(init=False)
    weights: dict[str, int] = field(init=False)
    """Total weight of the scored requirements, by area id and "overall"."""
    _cache: dict[tuple[str, Rating], dict[str, RequirementResult]] = field(
        init=False, default_factory=dict
    )
    _ratings: dict[str, list[Rating]] = field(init=False, default_factory=dict)
    _raised: dict[tuple[str, Rating], Answer] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.base = {r.id: r for r in self.assessment.requirements}
        self.practice = frozenset(
            q.id for q in self.questionnaire.questions() if q.basis is Basis.PRACTICE
        )
        self.feeds = {}
        for question in self.questionnaire.questions():
            if question.basis is Basis.PRACTICE:
                continue
            fed = tuple(
                r
                for r in question.covers
                if self.catalogue.requirement(r).basis is not Basis.PRACTICE
            )
            if fed:
                self.feeds[question.id] = fed
        self.weights = {area.id: area.weight for area in self.assessment.areas}
        self.weights["overall"] = self.assessment.overall.weight
        self.areas_of = {}
        for area in self.catalogue.areas:
            for requirement in self.catalogue.area_requirements(area.id):
                self.areas_of.setdefault(requirement.id, []).append(area.id)

    def ratings(self, question: str) -> list[Rating]:
        """Ratings ``question`` can be raised to, lowest first (none for an NA accepted)."""
        if question not in self._ratings:
            self._ratings[question] = self._raisable(question)
        return self._ratings[question]

    def _raisable(self, question: str) -> list[Rating]:
        answer = self.answers.answers.get(question)
        if question not in self.feeds:
            return []
        now = answer.rating if answer is not None else None
        if now is Rating.NA:
            refused = any(Flag.NA_NOT_ALLOWED in self.base[r].flags for r in self.feeds[question])
            if not refused:
                return []
            now = None
        return [
            rating
            for rating in TARGETS
            if (now is None or ORDER.index(rating) >= ORDER.index(now))
            and self.answer(question, rating) != answer
        ]

    def rescore(
        self, requirement_ids: Iterable[str], changed: Mapping[str, Answer]
    ) -> dict[str, RequirementResult]:
        """The requirements scored again with ``changed`` answers in place of the client's."""
        answers = {**self.answers.answers, **changed}
        results = {}
        for requirement_id in requirement_ids:
            requirement = self.catalogue.requirement(requirement_id)
            results[requirement_id] = score_requirement(
                requirement,
                self.base[requirement_id].area,
                list(self.questionnaire.covering(requirement_id)),
                answers,
                self.config,
                self.practice,
            )
        return results

    def alone(self, question: str, rating: Rating) -> dict[str, RequirementResult]:
        """The requirements ``question`` feeds, with only it raised to ``rating``."""
        key = (question, rating)
        if key not in self._cache:
            change = {question: self.answer(question, rating)}
            self._cache[key] = self.rescore(self.feeds[question], change)
        return self._cache[key]

    def lifted(self, results: Mapping[str, RequirementResult]) -> list[str]:
        """Requirements whose score, finding or flags differ from the client's."""
        return [
            r
            for r, result in results.items()
            if (result.score_exact or 0.0) > (self.base[r].score_exact or 0.0) + EPSILON
            or result.finding is not self.base[r].finding
            or result.flags != self.base[r].flags
        ]

    def gain(self, results: Mapping[str, RequirementResult], group: str) -> float:
        """Points ``results`` add to ``group`` (an area id or "overall") over the client's."""
        weight = self.weights[group]
        if not weight:
            return 0.0
        total = 0.0
        for r, result in results.items():
            if group != "overall" and group not in self.areas_of.get(r, []):
                continue
            before = self.base[r]
            if before.score_exact is None or result.score_exact is None:
                continue
            total += before.weight * (result.score_exact - before.score_exact)
        return total / weight

    def actions(self, requirement_ids: Iterable[str]) -> dict[str, Decimal]:
        """Deliverables (id → person-days) that close the gaps of ``requirement_ids``."""
        found: dict[str, Decimal] = {}
        for r in requirement_ids:
            for action in self.priced.get(r, []):
                found[action.id] = action.total_effort
        return found

    def effort(self, requirement_ids: Iterable[str]) -> Decimal:
        """Person-days of the deliverables of ``requirement_ids``, each counted once."""
        return sum(self.actions(requirement_ids).values(), Decimal(0))

    def improvements(self, chosen: Iterable[tuple[str, Rating]], group: str) -> list[Improvement]:
        """``chosen`` (question, rating) as improvements in that order, each with its gain in
        ``group`` and the deliverables not already needed by the ones before it."""
        seen: set[str] = set()
        listed = []
        for question, rating in chosen:
            before = self.answers.answers.get(question)
            after = raised(before, rating, self.config)
            results = self.alone(question, rating)
            lifted = self.lifted(results)
            new = {a: days for a, days in self.actions(lifted).items() if a not in seen}
            seen.update(new)
            listed.append(
                Improvement(
                    question=question,
                    area=self.questionnaire.question(question).area_id,
                    rating_from=before.rating if before is not None else None,
                    rating_to=rating,
                    documented_from=before.documented if before is not None else None,
                    documented_to=after.documented,
                    practised_from=before.practised if before is not None else None,
                    practised_to=after.practised,
                    requirements=lifted,
                    gain=self.gain(results, group),
                    actions=sorted(new),
                    effort=sum(new.values(), Decimal(0)),
                )
            )
        return listed

    def answer(self, question: str, rating: Rating) -> Answer:
        """The client's answer to ``question`` raised to ``rating``."""
        key = (question, rating)
        if key not in self._raised:
            self._raised[key] = raised(self.answers.answers.get(question), rating, self.config)
        return self._raised[key]

    def answers_with(self, chosen: Iterable[tuple[str, Rating]]) -> AnswerFile:
        """The client's answers with ``chosen`` improvements applied."""
        changed = dict(self.answers.answers)
        changed.update((q, self.answer(q, rating)) for q, rating in chosen)
        return self.answers.model_copy(update={"answers": changed})
