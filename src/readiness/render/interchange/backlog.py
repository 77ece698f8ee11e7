"""The plan's remediation backlog as trackers see it: work packages as parents, actions below.

Dates come from the plan's schedule, never from the clock: an action is due when the task that
builds it ends (the tier 1, 2 or 3 task of its work package); training actions are due at the
end of the training phase and practice actions at the end of the trial run (implementation),
the phases in which the plan does that work. A work package runs from its first task's start to
its last due date. The owner is the role the plan gives the work: the action's role, and for a
work package the primary of the plan's responsibility matrix.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from readiness.language import Language
from readiness.models.common import FindingClass
from readiness.models.plan import Action, Kind, PhaseId, Plan, WorkPackage
from readiness.planning.backlog import TIERS

_PHASE_OF_KIND = {Kind.TRAINING: PhaseId.TRAINING, Kind.PRACTICE: PhaseId.IMPLEMENTATION}
_RANK = {FindingClass.MAJOR: 0, FindingClass.MINOR: 1, FindingClass.OBSERVATION: 2}


@dataclass(frozen=True)
class Item:
    """One row of a tracker import: a work package (parent) or an action (child)."""

    id: str
    parent: str | None
    title: str
    description: str
    finding: FindingClass
    blocker: bool
    area: str
    kind: str
    owner: str
    owner_role: str
    start: dt.date
    due: dt.date
    requirements: tuple[str, ...]
    findings: tuple[str, ...]

    @property
    def is_parent(self) -> bool:
        """True for a work package."""
        return self.parent is None


def backlog_items(plan: Plan, language: Language) -> list[Item]:
    """Every work package with actions, each followed by its actions in the plan's order."""
    tasks = {task.id: task for task in plan.tasks}
    phases = {phase.id: phase for phase in plan.phases}
    roles = {role.id: role.name.get(language) for role in plan.roles}
    primary = {row.item: row.primary for row in plan.responsibility}
    actions = {action.id: action for action in plan.actions}

    def window(action: Action, package: WorkPackage) -> tuple[dt.date, dt.date]:
        tier = TIERS.get(action.kind)
        task = tasks.get(f"{package.id}.T{tier}") if tier is not None else None
        if task is not None:
            return task.start, task.finish
        phase = phases[_PHASE_OF_KIND.get(action.kind, PhaseId.BUILD)]
        return phase.start, phase.finish

    items: list[Item] = []
    for package in sorted(plan.work_packages, key=lambda p: p.priority):
        members = sorted((actions[a] for a in package.actions), key=lambda a: a.priority)
        if not members:
            continue
        children = []
        for action in members:
            start, due = window(action, package)
            children.append(_action_item(action, package, start, due, roles, language))
        worst = min(members, key=lambda a: (_RANK.get(a.finding, 3), a.priority))
        owner = primary.get(package.id, worst.role)
        items.append(
            Item(
                id=package.id,
                parent=None,
                title=package.name.get(language),
                description=_package_text(package, len(members), language),
                finding=worst.finding,
                blocker=any(a.blocker for a in members),
                area=package.area,
                kind="work_package",
                owner=roles.get(owner, owner),
                owner_role=owner,
                start=min(c.start for c in children),
                due=max(c.due for c in children),
                requirements=tuple(dict.fromkeys(r for a in members for r in a.requirements)),
                findings=tuple(dict.fromkeys(f for a in members for f in a.findings)),
            )
        )
        items.extend(children)
    return items


def _action_item(
    action: Action,
    package: WorkPackage,
    start: dt.date,
    due: dt.date,
    roles: dict[str, str],
    language: Language,
) -> Item:
    lines = [action.recommendation.get(language)] if action.recommendation else []
    label = "Requirements: " if language is Language.EN else "要求："
    lines.append(label + ", ".join(action.requirements))
    return Item(
        id=action.id,
        parent=package.id,
        title=action.name.get(language),
        description="\n".join(lines),
        finding=action.finding,
        blocker=action.blocker,
        area=action.area,
        kind=action.kind.value,
        owner=roles.get(action.role, action.role),
        owner_role=action.role,
        start=start,
        due=due,
        requirements=tuple(action.requirements),
        findings=tuple(action.findings),
    )


def _package_text(package: WorkPackage, actions: int, language: Language) -> str:
    score = "—" if package.score is None else f"{package.score:.1f}"
    if language is Language.ZH:
        return f"{package.name.zh}：{actions} 项整改措施；领域得分 {score}。"
    return f"{package.name.en}: {actions} remediation actions; area score {score}."
