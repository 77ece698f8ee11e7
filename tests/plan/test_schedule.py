"""Dates: calendar, levelling, and the schedule of the example's plan."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness.models.assessment import Assessment
from readiness.models.catalogue import Catalogue
from readiness.models.common import LocalText
from readiness.models.plan import Phase, PhaseId, Plan, PlanConfig, Task
from readiness.models.questionnaire import Questionnaire
from readiness.models.scoring import ScoringConfig
from readiness.planning import make_plan
from readiness.planning.calendar import WorkCalendar, add_months
from readiness.planning.schedule import (
    TaskSpec,
    Team,
    schedule,
    to_tasks,
)
from tests.depth import examples
from tests.plan.conftest import START, rated_assessment, tasks_by_id, violated_dependencies

NAME = LocalText(en="t", zh="t")
MAIN_SEQUENCE = [
    PhaseId.PREPARATION,
    PhaseId.GAP_ANALYSIS,
    PhaseId.BUILD,
    PhaseId.IMPLEMENTATION,
    PhaseId.INTERNAL_AUDIT,
    PhaseId.STAGE1,
    PhaseId.CORRECTION,
    PhaseId.STAGE2,
    PhaseId.SURVEILLANCE,
]


# ------------------------------------------------------------------ calendar and engine


def test_calendar_skips_weekends_and_holidays() -> None:
    calendar = WorkCalendar(dt.date(2027, 1, 1), [dt.date(2027, 1, 5)])  # a Friday
    assert [calendar.date(i) for i in range(4)] == [
        dt.date(2027, 1, 1),
        dt.date(2027, 1, 4),
        dt.date(2027, 1, 6),
        dt.date(2027, 1, 7),
    ]
    assert calendar.index_on_or_after(dt.date(2027, 1, 2)) == 1
    assert calendar.index_on_or_after(dt.date(2026, 12, 1)) == 0
    assert calendar.working_days_between(dt.date(2027, 1, 1), dt.date(2027, 1, 8)) == 4
    assert calendar.working_days_between(dt.date(2027, 1, 8), dt.date(2027, 1, 1)) == 0


def test_add_months_clamps_the_day() -> None:
    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2027, 11, 15), 3) == dt.date(2028, 2, 15)
    assert add_months(dt.date(2028, 2, 29), 12) == dt.date(2029, 2, 28)


def team(**pool: float) -> Team:
    return Team(pool=pool, per_task=pool)


def test_one_person_does_one_thing_at_a_time() -> None:
    specs = [
        TaskSpec("a", NAME, PhaseId.BUILD, {"writer": Decimal(2)}),
        TaskSpec("b", NAME, PhaseId.BUILD, {"writer": Decimal(3)}),
        TaskSpec("c", NAME, PhaseId.BUILD, deps=["a", "b"], mode="milestone"),
    ]
    placed = schedule(specs, WorkCalendar(START), team(writer=1.0))
    assert (placed["a"].start, placed["a"].end) == (0, 2)
    assert (placed["b"].start, placed["b"].end) == (2, 5)
    assert (placed["c"].start, placed["c"].end) == (5, 5)


def test_capacity_sets_duration_and_a_weaker_area_goes_first() -> None:
    specs = [
        TaskSpec("strong", NAME, PhaseId.BUILD, {"owner": Decimal(4)}, group="g", rank=(2.0,)),
        TaskSpec("weak", NAME, PhaseId.BUILD, {"owner": Decimal(4)}, group="g", rank=(1.0,)),
    ]
    placed = schedule(specs, WorkCalendar(START), team(owner=0.5))
    assert (placed["weak"].start, placed["weak"].end) == (0, 8)  # 4 pd at 0.5 pd a day
    assert placed["strong"].start == 8


def test_a_blocked_task_holds_back_later_ones_needing_the_same_role() -> None:
    specs = [
        TaskSpec("busy", NAME, PhaseId.BUILD, {"owner": Decimal(3)}),
        TaskSpec("first", NAME, PhaseId.BUILD, {"owner": Decimal(1)}, group="g", rank=(1.0,)),
        TaskSpec("second", NAME, PhaseId.BUILD, {"owner": Decimal(1)}, group="g", rank=(2.0,)),
        TaskSpec("other", NAME, PhaseId.BUILD, {"it": Decimal(1)}, group="g", rank=(3.0,)),
    ]
    # "busy" takes 0.75 of 1.0; "first" wants 1.0 and may start with half: it gets 0.25 — too
    # little; "second" would fit in what is free but must not overtake; "other" may.
    tasks = Team(pool={"owner": 1.0, "it": 1.0}, per_task={"owner": 0.75, "it": 1.0})
    specs[1].boost = specs[2].boost = 1 / 0.75
    placed = schedule(specs, WorkCalendar(START), tasks)
    assert placed["busy"].start == 0
    assert placed["other"].start == 0
    assert placed["first"].start == placed["busy"].end
    assert placed["second"].start >= placed["first"].start


def test_calendar_tasks_span_whole_months() -> None:
    specs = [
        TaskSpec("run", NAME, PhaseId.IMPLEMENTATION, mode="calendar", months=3),
        TaskSpec("wait", NAME, PhaseId.CORRECTION, deps=["run"], mode="calendar", weeks=2),
    ]
    calendar = WorkCalendar(dt.date(2027, 1, 4))
    placed = schedule(specs, calendar, team())
    tasks = {t.id: t for t in to_tasks(specs, placed, calendar)}
    assert tasks["run"].start == dt.date(2027, 1, 4)
    assert tasks["run"].finish == dt.date(2027, 4, 2)  # the last working day before 4 April
    assert tasks["wait"].start == dt.date(2027, 4, 5)
    assert tasks["wait"].duration == 10


# ------------------------------------------------------------------ the example's plan


def phase(plan: Plan, phase_id: PhaseId) -> Phase:
    return next(p for p in plan.phases if p.id is phase_id)


def test_every_dependency_is_respected(standard: Plan, fast: Plan, failing: Plan) -> None:
    for plan in (standard, fast, failing):
        assert violated_dependencies(plan) == []
        ids = {task.id for task in plan.tasks}
        assert all(d in ids for task in plan.tasks for d in task.dependencies)
        assert len(ids) == len(plan.tasks)


def test_phases_follow_in_order(standard: Plan) -> None:
    assert [p.id for p in standard.phases] == list(PhaseId)
    sequence = [phase(standard, p) for p in MAIN_SEQUENCE]
    for before, after in itertools.pairwise(sequence):
        assert after.start > before.finish, (before.id, after.id)
    # management review after the internal audit, training after the documents
    tasks = tasks_by_id(standard)
    assert phase(standard, PhaseId.MANAGEMENT_REVIEW).start > tasks["M.IA"].finish
    assert phase(standard, PhaseId.TRAINING).start > tasks["M.DOCS"].finish
    # the certification body is booked in parallel, before stage 1
    booking = phase(standard, PhaseId.CERTIFICATION_BODY)
    assert booking.start < phase(standard, PhaseId.BUILD).finish
    assert booking.finish < phase(standard, PhaseId.STAGE1).start


def test_milestones_in_order(standard: Plan) -> None:
    tasks = tasks_by_id(standard)
    names = [
        "M.GAP",
        "M.DOCS",
        "M.TRIAL",
        "M.IA",
        "M.MR",
        "M.STAGE1",
        "M.CERT",
        "M.SURV1",
        "M.SURV2",
    ]
    dates = [tasks[name].start for name in names]
    assert dates == sorted(dates)
    for name in names:
        assert tasks[name].milestone
        assert tasks[name].duration == 0
        assert tasks[name].start == tasks[name].finish
        assert tasks[name].effort == {}
    assert sum(task.milestone for task in standard.tasks) == len(names)


def test_the_trial_run_lasts_and_stage_2_waits_for_it(
    standard: Plan, fast: Plan, failing: Plan, plan_config: PlanConfig
) -> None:
    months = plan_config.phases.implementation.min_months
    for plan in (standard, fast, failing):
        tasks = tasks_by_id(plan)
        trial = phase(plan, PhaseId.IMPLEMENTATION)
        assert trial.start > tasks["M.DOCS"].finish  # after the build of what it runs
        assert add_months(trial.start, months) <= trial.finish + dt.timedelta(days=3)
        assert plan.stage2_end >= add_months(trial.start, months)
        assert tasks["S2.AUDIT"].start > tasks["M.TRIAL"].finish
    # months are whole calendar months of records
    runs = [t for t in standard.tasks if t.id.startswith("RUN.")]
    assert [t.id for t in runs] == ["RUN.1", "RUN.2", "RUN.3"]
    assert (runs[0].start, runs[-1].finish) == (dt.date(2027, 6, 28), dt.date(2027, 9, 29))
    # all-failing answers: the practice needs more months than the minimum
    assert sum(t.id.startswith("RUN.") for t in failing.tasks) > months


def test_internal_audit_ends_weeks_before_stage_1(standard: Plan, plan_config: PlanConfig) -> None:
    tasks = tasks_by_id(standard)
    weeks = plan_config.phases.internal_audit.weeks_before_stage1
    assert tasks["S1.AUDIT"].start >= tasks["M.IA"].finish + dt.timedelta(weeks=weeks)
    assert tasks["S1.AUDIT"].start > tasks["M.MR"].finish


def test_surveillance_within_twelve_months_of_each_anniversary(standard: Plan) -> None:
    """The first surveillance audit 10–11 months after the decision (within 12, ISO/IEC
    17021-1), the second 22 months after it, each within a week before its month."""
    tasks = tasks_by_id(standard)
    decision = tasks["M.CERT"].finish
    first, second = tasks["SURV.1.AUDIT"], tasks["SURV.2.AUDIT"]
    assert (
        add_months(decision, 10) - dt.timedelta(days=7) <= first.finish < add_months(decision, 10)
    )
    assert first.finish < add_months(decision, 11) < add_months(decision, 12)
    assert (decision, first.start, first.finish) == (
        dt.date(2028, 1, 28),
        dt.date(2028, 11, 24),
        dt.date(2028, 11, 27),
    )
    assert (
        add_months(decision, 22) - dt.timedelta(days=7) <= second.finish < add_months(decision, 22)
    )
    assert standard.certificate == decision


def test_durations_come_from_effort_and_capacity(standard: Plan) -> None:
    capacity = {role.id: role.capacity for role in standard.roles}
    for task in standard.tasks:
        if task.phase is PhaseId.BUILD and not task.milestone:
            # never faster than the whole team of its busiest role could do it
            need = max(float(days) / capacity[role] for role, days in task.effort.items())
            assert task.duration >= need - 1e-9, task.id
    # the build phase needs at least the process owners' effort over their whole capacity
    build = phase(standard, PhaseId.BUILD)
    assert build.duration >= float(build.effort["process_owner"]) / capacity["process_owner"]


def test_no_task_starts_on_a_weekend(standard: Plan) -> None:
    assert all(task.start.weekday() < 5 and task.finish.weekday() < 5 for task in standard.tasks)


def first_tasks(plan: Plan) -> dict[str, Task]:
    tasks = tasks_by_id(plan)
    return {p.area: tasks[p.tasks[0]] for p in plan.work_packages if p.tasks}


def reachable(plan: Plan) -> dict[str, set[str]]:
    """Work package → every work package it comes after, directly or not."""
    direct = {p.id: set(p.depends_on) for p in plan.work_packages}
    closure: dict[str, set[str]] = {}

    def reach(package: str) -> set[str]:
        if package not in closure:
            closure[package] = set(direct[package])
            for before in direct[package]:
                closure[package] |= reach(before)
        return closure[package]

    return {package: reach(package) for package in direct}


def weak_first_violations(plan: Plan) -> list[str]:
    """Pairs of processes with no dependency between them, the weaker ready no later and
    competing for the same roles, where the stronger started first."""
    tasks = tasks_by_id(plan)
    starts = first_tasks(plan)
    after = reachable(plan)
    processes = [p for p in plan.work_packages if p.process and p.area in starts]
    bad = []
    for weak in processes:
        for strong in processes:
            if weak.score is None or strong.score is None or weak.score >= strong.score:
                continue
            if weak.id in after[strong.id] or strong.id in after[weak.id]:
                continue
            w, s = starts[weak.area], starts[strong.area]
            ready_w = max((tasks[d].finish for d in w.dependencies), default=START)
            ready_s = max((tasks[d].finish for d in s.dependencies), default=START)
            if ready_w <= ready_s and set(w.effort) <= set(s.effort) and w.start > s.start:
                bad.append(
                    f"{weak.area} ({weak.score}) at {w.start} after {strong.area} at {s.start}"
                )
    return bad


def test_a_weaker_process_starts_no_later(standard: Plan, fast: Plan) -> None:
    for plan in (standard, fast):
        assert weak_first_violations(plan) == []
    starts = first_tasks(standard)
    # the weakest processes without predecessors beyond the foundation lead the way
    assert starts["B.CAP"].start <= starts["B.BUD"].start  # 25.0 against 60.5
    assert starts["B.CFG"].start <= starts["B.ISM"].start  # 31.4 against 91.9


def test_weak_areas_get_more_people(standard: Plan, plan_config: PlanConfig) -> None:
    tasks = tasks_by_id(standard)
    weak = next(p for p in standard.work_packages if p.area == "B.CAP")
    strong = next(p for p in standard.work_packages if p.area == "B.SUP")
    assert weak.below_floor and not strong.below_floor
    rate_weak = float(tasks[weak.tasks[0]].effort["process_owner"]) / tasks[weak.tasks[0]].duration
    rate_strong = (
        float(tasks[strong.tasks[0]].effort["process_owner"]) / tasks[strong.tasks[0]].duration
    )
    assert rate_weak > rate_strong
    per_task = 2 * 0.4  # two people of 0.4 a day on one task
    assert rate_strong <= per_task + 1e-9
    assert rate_weak <= per_task * plan_config.schedule.weak_area_boost + 1e-9


def test_fast_track_finishes_no_later(standard: Plan, fast: Plan) -> None:
    assert fast.stage2_end <= standard.stage2_end
    assert fast.certificate <= standard.certificate
    assert phase(fast, PhaseId.BUILD).duration < phase(standard, PhaseId.BUILD).duration
    # overlaps: the internal audit starts inside the trial run; stage 2 still waits for it
    tasks = tasks_by_id(fast)
    assert phase(fast, PhaseId.INTERNAL_AUDIT).start < tasks["M.TRIAL"].finish
    assert tasks["S2.AUDIT"].start > tasks["M.TRIAL"].finish


def test_everything_failing_takes_longer(standard: Plan, failing: Plan) -> None:
    assert failing.stage2_end > standard.stage2_end
    assert phase(failing, PhaseId.BUILD).duration > phase(standard, PhaseId.BUILD).duration
    assert len(failing.actions) > len(standard.actions)


def test_holidays_are_not_worked(
    example_assessment: Assessment, catalogue: Catalogue, plan_config: PlanConfig
) -> None:
    holidays = [dt.date(2027, 1, 4) + dt.timedelta(days=d) for d in range(60)]
    config = plan_config.model_copy(
        update={"schedule": plan_config.schedule.model_copy(update={"holidays": holidays})}
    )
    plan = make_plan(example_assessment, catalogue, config, start=START)
    assert plan.tasks[0].start == dt.date(2027, 3, 5)
    assert not any(task.start in holidays for task in plan.tasks)


# ------------------------------------------------------------------ property


def test_random_failing_requirements_never_break_a_dependency(
    catalogue: Catalogue,
    questionnaire: Questionnaire,
    config: ScoringConfig,
    plan_config: PlanConfig,
) -> None:
    question_ids = [q.id for q in questionnaire.questions()]

    @settings(
        max_examples=examples(25),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(
        st.dictionaries(st.sampled_from(question_ids), st.sampled_from("NPL"), max_size=200),
        st.sampled_from(["standard", "fast-track"]),
    )
    def check(ratings: dict[str, str], scenario: str) -> None:
        assessment = rated_assessment(questionnaire, catalogue, config, ratings)
        plan = make_plan(assessment, catalogue, plan_config, start=START, scenario=scenario)
        assert violated_dependencies(plan) == []
        assert weak_first_violations(plan) == []
        assert plan.stage2_end >= add_months(phase(plan, PhaseId.IMPLEMENTATION).start, 3)

    check()
