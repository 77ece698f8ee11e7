"""The remediation backlog: findings become deliverables, grouped into one work package per area.

What a finding needs is read from data: the documented information its requirement calls for,
the flags of its answers (documented but not practised, practised but not documented, document
missing), and the overrides of ``plans/plan.yaml``. Efforts and roles come from the
configuration too.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from readiness.models.assessment import Assessment, Finding, FindingSource, Flag, RequirementResult
from readiness.models.catalogue import Catalogue
from readiness.models.common import SEVERITY, FindingClass, LocalText
from readiness.models.plan import Action, Kind, PlanConfig, WorkPackage
from readiness.planning.config import area_graph

CENT = Decimal("0.01")
ACTIONABLE = (FindingClass.MAJOR, FindingClass.MINOR, FindingClass.OBSERVATION)
TIERS: dict[Kind, int] = {Kind.POLICY: 1, Kind.PROCEDURE: 2, Kind.RECORD: 3, Kind.TOOL: 3}
"""Deliverables built in the build phase, by document tier (tools go with the records)."""


@dataclass(frozen=True)
class Backlog:
    """Actions in priority order and the work packages that group them (tasks not yet set)."""

    actions: list[Action]
    work_packages: list[WorkPackage]
    area_order: list[str]


def quantize(value: Decimal) -> Decimal:
    """Round person-days or money to cents, halves up."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def scale_effort(
    effort: Mapping[str, Decimal], factor: Mapping[str, Decimal]
) -> dict[str, Decimal]:
    """Effort with each role's scenario factor applied, rounded to cents; zero roles dropped."""
    scaled = {role: quantize(days * factor.get(role, Decimal(1))) for role, days in effort.items()}
    return {role: days for role, days in scaled.items() if days > 0}


def add_effort(total: dict[str, Decimal], effort: Mapping[str, Decimal]) -> None:
    """Add ``effort`` into ``total`` role by role."""
    for role, days in effort.items():
        total[role] = total.get(role, Decimal(0)) + days


def build_backlog(
    assessment: Assessment,
    catalogue: Catalogue,
    config: PlanConfig,
    *,
    area_floor: float,
    effort_factor: Mapping[str, Decimal] | None = None,
    adjust: Callable[[list[Action]], list[Action]] | None = None,
) -> Backlog:
    """Turn every finding of ``assessment`` into actions and group them by area (``adjust``
    changes the actions before they are grouped: see :mod:`readiness.planning.reuse`)."""
    maker = _ActionMaker(assessment, catalogue, config, effort_factor or {})
    for result in assessment.requirements:
        if result.finding in ACTIONABLE:
            maker.add_requirement(result)
    for finding in assessment.findings:
        if finding.source is not FindingSource.REQUIREMENT and finding.finding in ACTIONABLE:
            maker.add_finding(finding)
    graph = area_graph(
        config.dependencies.foundation,
        config.dependencies.after,
        [area.id for area in catalogue.areas],
    )
    order = topological_order(graph, [area.id for area in catalogue.areas])
    position = {area: index for index, area in enumerate(order)}
    actions = sorted(maker.actions.values(), key=lambda a: _priority_key(a, position))
    actions = [
        action.model_copy(update={"priority": rank}) for rank, action in enumerate(actions, 1)
    ]
    actions = adjust(actions) if adjust is not None else actions
    packages = _work_packages(actions, assessment, catalogue, graph, area_floor)
    return Backlog(actions, packages, order)


def requirement_actions(
    assessment: Assessment, catalogue: Catalogue, config: PlanConfig
) -> dict[str, list[Action]]:
    """The deliverables that close each requirement's gap, priced as the backlog prices them.

    A requirement without a predicted gap is priced as an observation: the work that lifts its
    last answers. Good-practice and not-applicable requirements have none.
    """
    maker = _ActionMaker(assessment, catalogue, config, {})
    priced: dict[str, list[Action]] = {}
    for result in assessment.requirements:
        if result.finding is FindingClass.CONFORMING:
            result = result.model_copy(update={"finding": FindingClass.OBSERVATION})
        if result.finding in ACTIONABLE:
            maker.actions = {}
            maker.add_requirement(result)
            priced[result.id] = list(maker.actions.values())
    return priced


def _priority_key(action: Action, position: Mapping[str, int]) -> tuple[object, ...]:
    # issues to resolve before stage 2 (missing mandatory documents) and majors first, then weight, then the order areas are built in
    return (
        not action.blocker,
        -SEVERITY[action.finding],
        -action.weight,
        position.get(action.area, len(position)),
        action.id,
    )


class _ActionMaker:
    def __init__(
        self,
        assessment: Assessment,
        catalogue: Catalogue,
        config: PlanConfig,
        factor: Mapping[str, Decimal],
    ) -> None:
        self.catalogue = catalogue
        self.config = config
        self.factor = factor
        self.blockers = {blocker.requirement for blocker in assessment.blockers}
        self.actions: dict[str, Action] = {}
        self.by_requirement: dict[tuple[str, Kind], str] = {}

    def add_requirement(self, result: RequirementResult) -> None:
        requirement = self.catalogue.requirement(result.id)
        documented = requirement.documented
        document = self.document_kind(result)
        for kind in self.kinds(result):
            subject = (
                documented.name
                if documented is not None and kind is document
                else _clause_title(self.catalogue, result.clause)
            )
            action = self.make(
                f"{result.id}.{kind.value}",
                kind,
                subject,
                area=result.area,
                finding=result.finding,
                source=FindingSource.REQUIREMENT,
                findings=[result.id],
                requirements=[result.id],
                weight=result.weight,
                blocker=result.id in self.blockers,
                recommendation=result.recommendation,
            )
            self.actions[action.id] = action
            self.by_requirement.setdefault((result.id, kind), action.id)

    def add_finding(self, finding: Finding) -> None:
        backlog = self.config.backlog
        source: Literal["indicator", "matrix"] = (
            "indicator" if finding.source is FindingSource.INDICATOR else "matrix"
        )
        kinds = backlog.kinds.get(finding.id) or backlog.source_kinds.get(source)
        for kind in kinds or [Kind.PRACTICE]:
            existing = next(
                (
                    self.by_requirement[(r, kind)]
                    for r in finding.requirements
                    if (r, kind) in self.by_requirement
                ),
                None,
            )
            if existing is not None:
                self.merge(existing, finding)
                continue
            weights = [
                self.catalogue.requirement(r).weight
                for r in finding.requirements
                if self.catalogue.has_requirement(r)
            ]
            action = self.make(
                f"{finding.id}.{kind.value}",
                kind,
                finding.reason,
                area=self.area_of(finding),
                finding=finding.finding,
                source=finding.source,
                findings=[finding.id],
                requirements=list(finding.requirements),
                weight=max(weights, default=2),
                blocker=False,
                recommendation=finding.recommendation,
            )
            self.actions[action.id] = action

    def merge(self, action_id: str, finding: Finding) -> None:
        # one deliverable closes both: keep it, with the worse class and its effort
        action = self.actions[action_id]
        worse = max(action.finding, finding.finding, key=lambda c: SEVERITY[c])
        effort = self.effort(action.kind, worse)
        self.actions[action_id] = action.model_copy(
            update={
                "finding": worse,
                "findings": [*action.findings, finding.id],
                "effort": effort,
                "total_effort": sum(effort.values(), Decimal(0)),
                "quick_win": self.quick_win(action.kind, effort, action.weight),
            }
        )

    def kinds(self, result: RequirementResult) -> list[Kind]:
        override = _override(self.config.backlog.kinds, result.id, result.clause)
        if override is not None:
            return override
        document = self.document_kind(result)
        flags = set(result.flags)
        kinds: list[Kind] = []
        if Flag.DOCUMENT_MISSING in flags and document is not None:
            kinds.append(document)
        if Flag.PRACTISED_NOT_DOCUMENTED in flags:
            kinds.append(document if document in (Kind.POLICY, Kind.PROCEDURE) else Kind.PROCEDURE)
        if Flag.DOCUMENTED_NOT_PRACTISED in flags:
            kinds.append(Kind.PRACTICE)
        if not kinds:
            kinds = [document or Kind.PROCEDURE, Kind.PRACTICE]
        return list(dict.fromkeys(kinds))

    def document_kind(self, result: RequirementResult) -> Kind | None:
        documented = self.catalogue.requirement(result.id).documented
        if documented is None:
            return None
        if documented.kind == "record":
            return Kind.RECORD
        policy = any(
            result.clause == prefix or result.clause.startswith(prefix + ".")
            for prefix in self.config.backlog.policy_clauses
        )
        return Kind.POLICY if policy else Kind.PROCEDURE

    def area_of(self, finding: Finding) -> str:
        if finding.area and self.catalogue.has_area(finding.area):
            return finding.area
        clauses = [finding.clause] if finding.clause else []
        clauses += [
            self.catalogue.requirement(r).clause
            for r in finding.requirements
            if self.catalogue.has_requirement(r)
        ]
        for clause in clauses:
            if clause in self.catalogue.index.home:
                return self.catalogue.home_area(clause).id
        return self.config.backlog.fallback_area

    def effort(self, kind: Kind, finding: FindingClass) -> dict[str, Decimal]:
        deliverable = self.config.deliverables[kind]
        days: Decimal = getattr(deliverable.effort, finding.value)
        effort = {deliverable.role: days}
        review = self.config.review
        add_effort(effort, {review.role: days * review.share.get(kind, Decimal(0))})
        return scale_effort(effort, self.factor)

    def quick_win(self, kind: Kind, effort: Mapping[str, Decimal], weight: int) -> bool:
        rule = self.config.backlog.quick_win
        total = sum(effort.values(), Decimal(0))
        return kind in rule.kinds and 0 < total <= rule.max_effort and weight >= rule.min_weight

    def make(
        self,
        action_id: str,
        kind: Kind,
        subject: LocalText,
        *,
        area: str,
        finding: FindingClass,
        weight: int,
        **fields: object,
    ) -> Action:
        deliverable = self.config.deliverables[kind]
        effort = self.effort(kind, finding)
        name = LocalText(
            en=f"{deliverable.name.en}: {subject.en}", zh=f"{deliverable.name.zh}：{subject.zh}"
        )
        return Action.model_validate(
            {
                "id": action_id,
                "priority": 0,
                "area": area,
                "kind": kind,
                "name": name,
                "finding": finding,
                "weight": weight,
                "quick_win": self.quick_win(kind, effort, weight),
                "role": deliverable.role,
                "effort": effort,
                "total_effort": sum(effort.values(), Decimal(0)),
                **fields,
            }
        )


def _override(kinds: Mapping[str, list[Kind]], item_id: str, clause: str) -> list[Kind] | None:
    if item_id in kinds:
        return kinds[item_id]
    prefixes = [p for p in kinds if clause == p or clause.startswith(p + ".")]
    return kinds[max(prefixes, key=len)] if prefixes else None


def _clause_title(catalogue: Catalogue, clause_id: str) -> LocalText:
    title = catalogue.clause(clause_id).title
    return LocalText(en=f"{clause_id} {title.en}", zh=f"{clause_id} {title.zh}")


def topological_order(graph: Mapping[str, list[str]], preferred: list[str]) -> list[str]:
    """Nodes of an acyclic graph (node → nodes it comes after), ties in ``preferred`` order."""
    rank = {node: index for index, node in enumerate(preferred)}
    nodes = list(dict.fromkeys([*preferred, *graph]))
    rank.update({node: len(preferred) + i for i, node in enumerate(nodes) if node not in rank})
    waiting = {node: len(set(graph.get(node, []))) for node in nodes}
    followers: dict[str, list[str]] = {node: [] for node in nodes}
    for node in nodes:
        for before in set(graph.get(node, [])):
            followers.setdefault(before, []).append(node)
    heap = [(rank[node], node) for node in nodes if waiting[node] == 0]
    heapq.heapify(heap)
    order: list[str] = []
    while heap:
        _, node = heapq.heappop(heap)
        order.append(node)
        for follower in followers.get(node, []):
            waiting[follower] -= 1
            if waiting[follower] == 0:
                heapq.heappush(heap, (rank[follower], follower))
    return order


def _work_packages(
    actions: list[Action],
    assessment: Assessment,
    catalogue: Catalogue,
    graph: Mapping[str, list[str]],
    area_floor: float,
) -> list[WorkPackage]:
    scores = {area.id: area.score for area in assessment.areas}
    by_area: dict[str, list[Action]] = {}
    for action in actions:
        by_area.setdefault(action.area, []).append(action)
    areas = [area for area in catalogue.areas if area.id in by_area]
    predecessors = _package_predecessors(graph, set(by_area))
    ranked = sorted(areas, key=lambda a: (_score_key(scores.get(a.id)), catalogue.areas.index(a)))
    priority = {area.id: rank for rank, area in enumerate(ranked, 1)}
    packages = []
    for area in areas:
        effort: dict[str, Decimal] = {}
        for action in by_area[area.id]:
            add_effort(effort, action.effort)
        score = scores.get(area.id)
        packages.append(
            WorkPackage(
                id=package_id(area.id),
                area=area.id,
                name=area.title,
                part=area.part,
                process=area.process,
                score=score,
                below_floor=score is not None and score < area_floor,
                priority=priority[area.id],
                actions=[action.id for action in by_area[area.id]],
                depends_on=[package_id(p) for p in predecessors[area.id]],
                tasks=[],
                effort=effort,
            )
        )
    return packages


def package_id(area_id: str) -> str:
    """Id of the work package of an area."""
    return f"WP-{area_id}"


def _score_key(score: float | None) -> float:
    return 101.0 if score is None else score


def _package_predecessors(
    graph: Mapping[str, list[str]], present: set[str]
) -> dict[str, list[str]]:
    """Nearest predecessors that have a work package, without ones implied by others."""
    nearest: dict[str, list[str]] = {}

    def resolve(area: str) -> list[str]:
        if area not in nearest:
            found: list[str] = []
            for before in graph.get(area, []):
                found += [before] if before in present else resolve(before)
            nearest[area] = list(dict.fromkeys(found))
        return nearest[area]

    ancestors: dict[str, set[str]] = {}

    def reach(area: str) -> set[str]:
        if area not in ancestors:
            found = set(resolve(area))
            for before in resolve(area):
                found |= reach(before)
            ancestors[area] = found
        return ancestors[area]

    result = {}
    for area in sorted(present):
        direct = resolve(area)
        result[area] = [p for p in direct if not any(p in reach(q) for q in direct if q != p)]
    return result
