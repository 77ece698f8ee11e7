"""The schedule's horizon: a task that would end after it, or could never start, is refused
before anything is booked for it (readiness.planning.schedule.Unschedulable)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from readiness.models.common import LocalText
from readiness.models.plan import PhaseId
from readiness.planning.calendar import WorkCalendar
from readiness.planning.schedule import TaskSpec, Team, Unschedulable, schedule

NAME = LocalText(en="t", zh="t")
MONDAY = dt.date(2027, 1, 4)


def test_a_task_ending_on_the_horizon_is_placed_and_one_day_more_is_refused() -> None:
    team = Team(pool={"writer": 0.5, "it": 1.0}, per_task={"writer": 0.5, "it": 1.0})
    fits = [TaskSpec("a", NAME, PhaseId.BUILD, {"writer": Decimal(5), "it": Decimal(1)})]
    assert schedule(fits, WorkCalendar(MONDAY), team, horizon=10)["a"].end == 10  # 5 ÷ 0.5
    late = [TaskSpec("a", NAME, PhaseId.BUILD, {"writer": Decimal("5.5"), "it": Decimal(1)})]
    with pytest.raises(Unschedulable) as raised:
        schedule(late, WorkCalendar(MONDAY), team, horizon=10)
    assert (raised.value.task.id, raised.value.roles, raised.value.days) == ("a", ["writer"], 11)


def test_the_horizon_counts_from_the_start_not_from_the_task() -> None:
    team = Team(pool={"writer": 1.0}, per_task={"writer": 1.0})
    specs = [
        TaskSpec("a", NAME, PhaseId.BUILD, {"writer": Decimal(6)}),
        TaskSpec("b", NAME, PhaseId.BUILD, {"writer": Decimal(5)}, deps=["a"]),
    ]
    with pytest.raises(Unschedulable) as raised:
        schedule(specs, WorkCalendar(MONDAY), team, horizon=10)
    assert raised.value.task.id == "b" and raised.value.days == 5


def test_a_calendar_task_past_the_horizon_is_refused_without_counting_its_days() -> None:
    specs = [TaskSpec("wait", NAME, PhaseId.CORRECTION, mode="calendar", weeks=10**6)]
    calendar = WorkCalendar(MONDAY)
    with pytest.raises(Unschedulable) as raised:
        schedule(specs, calendar, Team(pool={}, per_task={}), horizon=260)
    assert raised.value.roles == [] and raised.value.days == 261
    assert len(calendar.days) <= 262  # the calendar was not extended over 19,000 years


def test_a_task_no_capacity_can_ever_start_is_refused_not_looped_on() -> None:
    team = Team(pool={"writer": 1e-12}, per_task={"writer": 1e-12})
    specs = [TaskSpec("a", NAME, PhaseId.BUILD, {"writer": Decimal(1)})]
    with pytest.raises(Unschedulable) as raised:
        schedule(specs, WorkCalendar(MONDAY), team)
    assert (raised.value.roles, raised.value.days) == (["writer"], None)
