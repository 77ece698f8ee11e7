"""Make a certification project plan from an assessment: backlog, schedule, resources, costs.

Pure and deterministic: no clock, no randomness, stable ordering; the same inputs give a plan
whose JSON is identical byte for byte.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Mapping, Sequence
from decimal import Decimal

from readiness.errors import InputError, Problem
from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.common import LocalText
from readiness.models.plan import (
    Message,
    PhaseId,
    Plan,
    PlanConfig,
    PlanRole,
    Responsibility,
    RoleConfig,
    TargetCheck,
    Task,
    WorkPackage,
)
from readiness.planning.audit_notes import audit_messages
from readiness.planning.backlog import add_effort, build_backlog
from readiness.planning.calendar import WorkCalendar, add_months
from readiness.planning.config import place_in
from readiness.planning.costs import beyond_table, compute_audit_time, cost_plan
from readiness.planning.network import build_network
from readiness.planning.reuse import BUILT, build_factors, combined_config, reuse_message, reused
from readiness.planning.schedule import (
    Placement,
    TaskSpec,
    Team,
    Unschedulable,
    head_count,
    make_team,
    monthly_load,
    schedule,
    staff,
    summarise_phases,
    to_tasks,
)

DEFAULT_AREA_FLOOR = 50.0


def make_plan(
    assessment: Assessment,
    catalogue: Catalogue,
    config: PlanConfig,
    *,
    start: dt.date,
    scenario: str = "standard",
    target_date: dt.date | None = None,
    shared: Mapping[str, Sequence[str]] | None = None,
) -> Plan:
    """Plan the way from ``assessment`` to a certificate, starting on ``start`` (see
    :func:`_make_plan`). Figures of a configuration so large that their products leave the
    range of exact decimal arithmetic are an :class:`InputError` naming the configuration."""
    try:
        return _make_plan(
            assessment,
            catalogue,
            config,
            start=start,
            scenario=scenario,
            target_date=target_date,
            shared=shared,
        )
    except (decimal.InvalidOperation, OverflowError):
        message = (
            "its numbers (rates, efforts, people, fees) are too large to compute a plan with; "
            "use realistic values"
        )
        raise InputError(config.source, [Problem("", message)]) from None


def _make_plan(
    assessment: Assessment,
    catalogue: Catalogue,
    config: PlanConfig,
    *,
    start: dt.date,
    scenario: str = "standard",
    target_date: dt.date | None = None,
    shared: Mapping[str, Sequence[str]] | None = None,
) -> Plan:
    """Plan the way from ``assessment`` to a certificate, starting on ``start``.

    ``scenario`` names one of ``config.scenarios``; an unknown one is an :class:`InputError`
    naming the configuration. With ``target_date``, the plan says whether stage 2 ends by then
    and, if not, by how many working and calendar days it misses it; it never compresses.
    ``shared``: the standards sharing each requirement, for a client holding their certificate
    (:mod:`readiness.planning.reuse`).
    """
    config = combined_config(config, assessment)
    factors = build_factors(config, assessment, shared or {})
    if scenario not in config.scenarios:
        known = ", ".join(config.scenarios)
        message = f"no scenario '{scenario}'; the configuration has {known}"
        raise InputError(config.source, [Problem("scenarios", message)])
    chosen = config.scenarios[scenario]
    floor = config.schedule.area_floor
    if floor is None:
        floor = assessment.area_floor if assessment.area_floor is not None else DEFAULT_AREA_FLOOR
    messages: list[Message] = []

    personnel = assessment.client.personnel_in_scope
    audit = compute_audit_time(config, personnel)
    roles = staff(config, chosen, audit.personnel)
    team = make_team(roles)
    if personnel is None:
        messages.append(_personnel_missing(audit.personnel))
    elif beyond_table(config, personnel):
        messages.append(_beyond_table(personnel, config.table.rows[-1].up_to))
    messages += audit_messages(config, audit)

    backlog = build_backlog(
        assessment,
        catalogue,
        config,
        area_floor=floor,
        effort_factor=chosen.effort_factor,
        adjust=lambda actions: reused(actions, factors),
    )
    if factors:
        count = sum(
            1 for a in backlog.actions if a.kind in BUILT and set(a.requirements) <= set(factors)
        )
        messages.append(reuse_message(assessment, factors, count))
    calendar = WorkCalendar(start, config.schedule.holidays)
    specs = build_network(config, chosen, team, backlog, audit)
    placed = _placed(config, scenario, specs, calendar, team, start)
    tasks = to_tasks(specs, placed, calendar)
    names = {phase: getattr(config.phases, phase.value).name for phase in PhaseId}
    phases = summarise_phases(tasks, placed, names)
    by_id = {task.id: task for task in tasks}
    packages = [
        package.model_copy(update={"tasks": [t.id for t in tasks if t.work_package == package.id]})
        for package in backlog.work_packages
    ]
    total: dict[str, Decimal] = {}
    for task in tasks:
        add_effort(total, task.effort)
    role_ids = list(roles)
    participants = config.costs.training_participants or audit.personnel
    costs = cost_plan(config, roles, tasks, audit, participants, names)

    stage2 = by_id["S2.AUDIT"].finish
    target = _check_target(target_date, stage2, calendar) if target_date is not None else None
    if target is not None and not target.met:
        messages.append(_target_missed(target))
    if not backlog.actions:
        messages.append(_NO_ACTIONS)

    return Plan(
        holidays=sorted(config.schedule.holidays),
        client=assessment.client.name,
        assessed_on=assessment.assessed_on,
        start=start,
        scenario=scenario,
        scenario_name=chosen.name,
        config_source=config.source,
        audit_time_table=config.table.name,
        currency=config.costs.currency,
        overall_score=assessment.overall.score,
        verdict=assessment.verdict.verdict,
        counts=assessment.overall.counts,
        area_floor=floor,
        roles=_plan_roles(roles, team),
        actions=backlog.actions,
        work_packages=packages,
        phases=phases,
        tasks=tasks,
        stage1_start=by_id["S1.AUDIT"].start,
        stage1_end=by_id["S1.AUDIT"].finish,
        stage2_start=by_id["S2.AUDIT"].start,
        stage2_end=stage2,
        certificate=by_id["M.CERT"].finish,
        total_effort={r: total[r] for r in role_ids if r in total},
        load=monthly_load(tasks, placed, calendar, role_ids),
        responsibility=_responsibility(
            tasks, packages, names, [r for r in role_ids if not roles[r].in_scope]
        ),
        costs=costs,
        target=target,
        messages=messages,
    )


_NO_ACTIONS = Message(
    code="no-actions",
    text=LocalText(
        en="The assessment predicts no findings: the plan holds only the certification steps.",
        zh="评估未预测任何不符合项：计划仅包含认证步骤。",
    ),
)


def _placed(
    config: PlanConfig,
    scenario: str,
    specs: list[TaskSpec],
    calendar: WorkCalendar,
    team: Team,
    start: dt.date,
) -> dict[str, Placement]:
    """The tasks placed on the calendar within the plan's horizon, or an :class:`InputError`
    saying why they cannot be."""
    horizon = calendar.index_on_or_after(add_months(start, 12 * config.schedule.horizon_years))
    try:
        return schedule(
            specs, calendar, team, min_share=config.schedule.min_start_share, horizon=horizon
        )
    except Unschedulable as error:
        raise _unschedulable(config, scenario, team, error) from None


def _plan_roles(roles: Mapping[str, RoleConfig], team: Team) -> list[PlanRole]:
    """The roles staffed, with their head count and capacity as the schedule used them."""
    return [
        PlanRole(
            id=role_id,
            name=role.name,
            external=role.external,
            people=head_count(role),
            availability=role.availability,
            capacity=round(team.pool[role_id], 4),
        )
        for role_id, role in roles.items()
    ]


def make_scenarios(
    assessment: Assessment,
    catalogue: Catalogue,
    config: PlanConfig,
    *,
    start: dt.date,
    target_date: dt.date | None = None,
    shared: Mapping[str, Sequence[str]] | None = None,
) -> list[Plan]:
    """One plan per scenario of ``config``, in its order, for a side-by-side comparison."""
    return [
        make_plan(
            assessment,
            catalogue,
            config,
            start=start,
            scenario=scenario,
            target_date=target_date,
            shared=shared,
        )
        for scenario in config.scenarios
    ]


def _unschedulable(
    config: PlanConfig, scenario: str, team: Team, error: Unschedulable
) -> InputError:
    """Why the plan cannot be built, at the role that holds it back, in the config's words."""
    task, years = error.task, config.schedule.horizon_years
    phase = getattr(config.phases, task.phase.value).name.en
    what = f"task {task.id} '{task.name.en}' (phase '{phase}')"
    span = f"{years} year" if years == 1 else f"{years} years"
    horizon = f"the plan's horizon of {span} (schedule → horizon_years)"
    if not error.roles:
        message = (
            f"{what} would end after {horizon}: its calendar time (weeks or months) is too long"
        )
        return InputError(config.source, [Problem(place_in(config, ("schedule",)), message)])
    role = error.roles[0]
    changes = config.scenarios[scenario].roles
    location = ("scenarios", scenario, "roles", role) if role in changes else ("roles", role)
    keys = [(*location, key) for key in ("people", "availability", "per_task")]
    name = f"{role} ({config.roles[role].name.en})"
    if error.days is None:
        message = f"{what} needs {name}, but no capacity of that role ever frees up for it"
    else:
        effort, given = f"{task.effort[role]:,f}", team.allocation(role, task.boost)
        effort = effort.rstrip("0").rstrip(".") if "." in effort else effort
        message = (
            f"{what} needs {effort} person-days of {name}, who can give it {given:.4g} "
            f"person-days a working day: {error.days:,} working days, past {horizon}. Give the "
            "role more people, availability or per_task, or lower the effort"
        )
    return InputError(config.source, [Problem(place_in(config, location, *keys), message)])


def _check_target(target: dt.date, stage2: dt.date, calendar: WorkCalendar) -> TargetCheck:
    late = stage2 > target
    return TargetCheck(
        target=target,
        stage2_end=stage2,
        met=not late,
        late_working_days=calendar.working_days_between(target, stage2) if late else 0,
        late_calendar_days=(stage2 - target).days if late else 0,
    )


def _target_missed(target: TargetCheck) -> Message:
    return Message(
        code="target-missed",
        text=LocalText(
            en=(
                f"Stage 2 ends on {target.stage2_end.isoformat()}, after the target date "
                f"{target.target.isoformat()}: {target.late_working_days} working days "
                f"({target.late_calendar_days} calendar days) late. Add people or "
                f"availability, or move the target; the plan is not compressed."
            ),
            zh=(
                f"第二阶段审核于{target.stage2_end.isoformat()}结束，晚于目标日期"
                f"{target.target.isoformat()}：延后{target.late_working_days}个工作日"
                f"（{target.late_calendar_days}个日历日）。请增加人员或投入时间，或调整目标日期；"
                f"计划不会被压缩。"
            ),
        ),
    )


def _personnel_missing(default: int) -> Message:
    return Message(
        code="personnel-default",
        text=LocalText(
            en=(
                f"The assessment gives no personnel in scope: audit time assumes the configured "
                f"default of {default} people. Confirm the number with the client."
            ),
            zh=f"评估未提供范围内人数：审核时间按配置的默认值{default}人计算。请与客户确认人数。",
        ),
    )


def _beyond_table(personnel: int, last: int) -> Message:
    return Message(
        code="personnel-beyond-table",
        text=LocalText(
            en=(
                f"{personnel} people in scope is beyond the audit-time table (last row: "
                f"{last}); its last value is used. Ask the certification body for audit time."
            ),
            zh=(
                f"范围内人数{personnel}超出审核时间表（最后一行：{last}人），已按最后一行计算。"
                f"请向认证机构确认审核时间。"
            ),
        ),
    )


def _responsibility(
    tasks: list[Task],
    packages: list[WorkPackage],
    names: Mapping[PhaseId, LocalText],
    roles: list[str],
) -> list[Responsibility]:
    """Per phase, then per work package: the role with most effort is P, the others B."""
    rows: list[Responsibility] = []
    for phase in PhaseId:
        effort: dict[str, Decimal] = {}
        for task in tasks:
            if task.phase is phase:
                add_effort(effort, task.effort)
        row = _row(phase.value, names[phase], effort, roles)
        if row is not None:
            rows.append(row)
    for package in packages:
        row = _row(package.id, package.name, package.effort, roles)
        if row is not None:
            rows.append(row)
    return rows


def _row(
    item: str, name: LocalText, effort: Mapping[str, Decimal], roles: list[str]
) -> Responsibility | None:
    ranked = sorted(
        (role for role in roles if effort.get(role, Decimal(0)) > 0),
        key=lambda role: (-effort[role], roles.index(role)),
    )
    if not ranked:
        return None
    return Responsibility(item=item, name=name, primary=ranked[0], backup=ranked[1:])
