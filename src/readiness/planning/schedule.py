"""Dates for a task network: a working-day calendar and resource-levelled scheduling.

Tasks are sized in one of four ways: by effort (duration = the largest effort of a role ÷ the
capacity that role gives the task), by calendar (months or weeks, for the trial run and the
waiting windows), by a number of working days (audits), or as milestones. Dependencies are
finish-to-start.

Effort-driven tasks are levelled against a team of people × availability person-days per
working day per role. A task starts when each role it needs can give it at least a share of the
capacity it would get from an idle team, and runs at what is free on its first day. Among tasks
ready at the same time the earlier phase goes first, then the lower rank; within a group (the work packages of the
build phase) a task that cannot start holds back the tasks ranked after it that need the roles
it is short of, so a weaker area is not overtaken by a stronger one competing for the same
people.
Calendar-bound work (trial run, correction windows, audits) is not levelled: its dates are set
by the calendar, not by the team.

A schedule is bounded by a horizon (working days from the start): a task that would end after
it, or could never start, is :class:`Unschedulable` and names the task and its roles.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from readiness.models.common import LocalText
from readiness.models.plan import Phase, PhaseId, PlanConfig, RoleConfig, ScenarioConfig, Task
from readiness.planning.calendar import WorkCalendar, add_months

PHASE_ORDER = list(PhaseId)
EPSILON = 1e-9
CENT = Decimal("0.01")
Mode = Literal["effort", "calendar", "days", "milestone"]


@dataclass(frozen=True)
class Team:
    """Person-days per working day of each role: the whole pool, and the most for one task."""

    pool: Mapping[str, float]
    per_task: Mapping[str, float]

    def allocation(self, role: str, boost: float = 1.0) -> float:
        """Capacity one task gets from ``role``, boosted for weak areas, never above the pool."""
        return min(self.pool[role], self.per_task[role] * boost)


def staff(
    config: PlanConfig, scenario: ScenarioConfig, personnel: int = 1
) -> dict[str, RoleConfig]:
    """The roles with the scenario's changes to people, availability and per-task limits.

    A role of the staff in scope (``in_scope``) has ``personnel`` people.
    """
    roles = {}
    for role_id, role in config.roles.items():
        change = scenario.roles.get(role_id)
        if change is not None:
            role = role.model_copy(update=change.model_dump(exclude_none=True))
        if role.in_scope:
            role = role.model_copy(update={"people": float(personnel)})
        roles[role_id] = role
    return roles


def head_count(role: RoleConfig) -> float:
    """People of a staffed role (see :func:`staff`)."""
    return role.people if role.people is not None else 1.0


def make_team(roles: Mapping[str, RoleConfig]) -> Team:
    """Capacities of the roles."""
    pool = {r: head_count(role) * role.availability for r, role in roles.items()}
    per_task = {
        r: min(head_count(role), role.per_task or head_count(role)) * role.availability
        for r, role in roles.items()
    }
    return Team(pool, per_task)


@dataclass
class TaskSpec:
    """A task before it has dates."""

    id: str
    name: LocalText
    phase: PhaseId
    effort: dict[str, Decimal] = field(default_factory=dict)
    deps: list[str] = field(default_factory=list)
    mode: Mode = "effort"
    days: int = 0
    months: int = 0
    weeks: int = 0
    anchor: str | None = None
    less: int = 0
    boost: float = 1.0
    group: str | None = None
    rank: tuple[float, ...] = ()
    work_package: str | None = None


class Unschedulable(Exception):
    """A task that cannot be placed within the horizon: too little capacity or too much work.

    ``roles`` are the roles that hold it back; ``days`` the working days it would need at the
    capacity it gets (None when it could never start).
    """

    def __init__(self, task: TaskSpec, roles: list[str], days: int | None, horizon: int) -> None:
        super().__init__(f"cannot schedule {task.id} within {horizon} working days ({roles})")
        self.task, self.roles, self.days, self.horizon = task, roles, days, horizon


@dataclass(frozen=True)
class Placement:
    """Working-day index of the first day and the day after the last."""

    start: int
    end: int


def effort_duration(effort: Mapping[str, Decimal], allocation: Mapping[str, float]) -> int:
    """Working days an effort-driven task needs at the capacity it is given."""
    days = [float(e) / allocation[role] for role, e in effort.items() if e > 0]
    return max(1, math.ceil(max(days, default=1.0) - EPSILON))


def _allocate(
    spec: TaskSpec, team: Team, usage: Mapping[str, list[float]], day: int, min_share: float
) -> tuple[dict[str, float], set[str]]:
    """Capacity a task can have from ``day`` on, and the roles with too little of it free.

    Every booked task started on or before ``day``, so what is free on ``day`` stays free until
    the task ends: a task that starts fits on each of its days.
    """
    given, short = {}, set()
    for role, effort in spec.effort.items():
        if effort <= 0:
            continue
        wanted = team.allocation(role, spec.boost)
        used = usage[role][day] if day < len(usage[role]) else 0.0
        free = min(wanted, team.pool[role] - used)
        if free < wanted * min_share - EPSILON or free <= EPSILON:
            short.add(role)
        given[role] = free
    return given, short


def schedule(
    specs: list[TaskSpec],
    calendar: WorkCalendar,
    team: Team,
    *,
    min_share: float = 0.5,
    horizon: int | None = None,
) -> dict[str, Placement]:
    """Place every task as early as its dependencies and the team allow.

    An effort-driven task starts when each of its roles has at least ``min_share`` of the
    capacity it would get from an idle team; it then runs at what is free on its first day.
    A task that would end after working day ``horizon``, or that no capacity could ever start,
    raises :class:`Unschedulable` before anything is booked for it.
    """
    limit = horizon if horizon is not None else math.inf
    by_id = {spec.id: spec for spec in specs}
    order = {spec.id: index for index, spec in enumerate(specs)}
    waiting = {spec.id: len(set(spec.deps)) for spec in specs}
    followers: dict[str, list[str]] = defaultdict(list)
    for spec in specs:
        for before in set(spec.deps):
            followers[before].append(spec.id)
    placed: dict[str, Placement] = {}
    ready = {spec_id for spec_id, count in waiting.items() if count == 0}
    usage: dict[str, list[float]] = {role: [] for role in team.pool}

    def eligible(spec_id: str) -> int:
        return max((placed[d].end for d in by_id[spec_id].deps), default=0)

    time = 0
    while len(placed) < len(specs):
        changed = True
        while changed:
            changed = False
            candidates = sorted(
                (by_id[i] for i in ready if eligible(i) <= time),
                key=lambda s: (PHASE_ORDER.index(s.phase), s.rank, order[s.id]),
            )
            blocked: dict[str, set[str]] = defaultdict(set)  # group → roles held back
            for spec in candidates:
                if spec.mode == "effort":
                    roles = {r for r, e in spec.effort.items() if e > 0}
                    if spec.group is not None and roles & blocked[spec.group]:
                        continue
                    given, short = _allocate(spec, team, usage, time, min_share)
                    length = effort_duration(spec.effort, given) if not short else 1
                    if time + length > limit:
                        raise Unschedulable(spec, _longest(spec, given), length, int(limit))
                    rates = {r: float(e) / length for r, e in spec.effort.items() if e > 0}
                    if short or not _fits(usage, rates, time, length, team.pool):
                        if spec.group is not None:
                            blocked[spec.group] |= short or roles
                        continue
                    _book(usage, rates, time, length)
                else:
                    length = _fixed_length(spec, time, calendar, placed, limit)
                    if time + length > limit:
                        raise Unschedulable(spec, [], length, int(limit))
                placed[spec.id] = Placement(time, time + length)
                ready.discard(spec.id)
                for follower in followers[spec.id]:
                    waiting[follower] -= 1
                    if waiting[follower] == 0:
                        ready.add(follower)
                changed = True
        if len(placed) == len(specs):
            break
        upcoming = [p.end for p in placed.values() if p.end > time]
        upcoming += [eligible(i) for i in ready if eligible(i) > time]
        if not upcoming:  # the team is idle and a task still cannot start: no capacity
            spec = min((by_id[i] for i in ready), key=lambda s: order[s.id])
            lacking = sorted(_allocate(spec, team, usage, time, min_share)[1])
            raise Unschedulable(spec, lacking, None, int(min(limit, 10**9)))
        time = min(upcoming)
    return placed


def _longest(spec: TaskSpec, given: Mapping[str, float]) -> list[str]:
    """The role whose effort at the capacity given takes longest (the one that sets the length)."""
    days = {role: float(e) / given[role] for role, e in spec.effort.items() if e > 0}
    return [max(days, key=lambda role: days[role])] if days else []


def _fits(
    usage: dict[str, list[float]],
    rates: Mapping[str, float],
    start: int,
    length: int,
    pool: Mapping[str, float],
) -> bool:
    for role, rate in rates.items():
        used = usage[role]
        limit = pool[role] - rate + EPSILON
        for day in range(start, min(start + length, len(used))):
            if used[day] > limit:
                return False
    return True


def _book(
    usage: dict[str, list[float]], rates: Mapping[str, float], start: int, length: int
) -> None:
    for role, rate in rates.items():
        used = usage[role]
        if len(used) < start + length:
            used.extend([0.0] * (start + length - len(used)))
        for day in range(start, start + length):
            used[day] += rate


def _fixed_length(
    spec: TaskSpec,
    start: int,
    calendar: WorkCalendar,
    placed: Mapping[str, Placement],
    limit: float = math.inf,
) -> int:
    """Working days of a task of fixed length; past ``limit`` it is not counted out day by day."""
    if spec.mode == "milestone":
        return 0
    if spec.mode == "days":
        return max(1, spec.days)
    if spec.anchor is not None:
        base = _finish_date(placed[spec.anchor], calendar)
    else:
        base = calendar.date(start)
    try:
        target = add_months(base, spec.months) + dt.timedelta(weeks=spec.weeks)
    except OverflowError:  # past the year 9999: past any horizon
        if limit == math.inf:
            raise
        return int(limit) - start + 1
    if limit != math.inf and target > calendar.date(int(limit)):
        return int(limit) - start + 1
    return max(1, calendar.index_on_or_after(target) - spec.less - start)


def _finish_date(placement: Placement, calendar: WorkCalendar) -> dt.date:
    return calendar.date(max(placement.end - 1, 0))


def to_tasks(
    specs: list[TaskSpec], placed: Mapping[str, Placement], calendar: WorkCalendar
) -> list[Task]:
    """Tasks with dates, ordered by phase, then start, then definition."""
    order = {spec.id: index for index, spec in enumerate(specs)}
    ranked = sorted(
        specs,
        key=lambda s: (PHASE_ORDER.index(s.phase), placed[s.id].start, order[s.id]),
    )
    tasks = []
    for spec in ranked:
        where = placed[spec.id]
        milestone = spec.mode == "milestone"
        start = _finish_date(where, calendar) if milestone else calendar.date(where.start)
        tasks.append(
            Task(
                id=spec.id,
                name=spec.name,
                phase=spec.phase,
                work_package=spec.work_package,
                start=start,
                finish=_finish_date(where, calendar) if not milestone else start,
                duration=where.end - where.start,
                effort=dict(spec.effort),
                dependencies=list(spec.deps),
                milestone=milestone,
            )
        )
    return tasks


def summarise_phases(
    tasks: list[Task], placed: Mapping[str, Placement], names: Mapping[PhaseId, LocalText]
) -> list[Phase]:
    """Span, effort and tasks of every phase that has tasks, in phase order."""
    phases = []
    for phase_id in PHASE_ORDER:
        members = [task for task in tasks if task.phase is phase_id]
        if not members:
            continue
        effort: dict[str, Decimal] = {}
        for task in members:
            for role, days in task.effort.items():
                effort[role] = effort.get(role, Decimal(0)) + days
        first = min(placed[t.id].start for t in members)
        last = max(placed[t.id].end for t in members)
        phases.append(
            Phase(
                id=phase_id,
                name=names[phase_id],
                start=min(task.start for task in members),
                finish=max(task.finish for task in members),
                duration=last - first,
                effort=effort,
                tasks=[task.id for task in members],
            )
        )
    return phases


def monthly_load(
    tasks: list[Task], placed: Mapping[str, Placement], calendar: WorkCalendar, roles: list[str]
) -> dict[str, dict[str, Decimal]]:
    """Person-days per calendar month and role; each task's effort spread over its days.

    Shares are rounded cumulatively, so the months of a task add up exactly to its effort.
    """
    load: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for task in tasks:
        where = placed[task.id]
        length = where.end - where.start
        if length == 0 or not task.effort:
            continue
        months: dict[str, int] = {}
        for index in range(where.start, where.end):
            key = calendar.date(index).strftime("%Y-%m")
            months[key] = months.get(key, 0) + 1
        for role, effort in task.effort.items():
            done, given = 0, Decimal(0)
            for month, count in months.items():
                done += count
                share = (effort * done / length).quantize(CENT, rounding=ROUND_HALF_UP) - given
                given += share
                load[month][role] = load[month].get(role, Decimal(0)) + share
    rank = {role: index for index, role in enumerate(roles)}
    return {
        month: {
            role: load[month][role] for role in sorted(load[month], key=lambda r: rank.get(r, 99))
        }
        for month in sorted(load)
    }
