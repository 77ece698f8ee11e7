"""Microsoft Project XML (MSPDI, Project 2007 and later) of the certification project plan.

One summary task per phase holds the phase's tasks, in the plan's order; one work resource per
role (with its day rate); one assignment per task and role with effort, and each task's work.
Tasks are auto-scheduled with finish-to-start links. Where our levelled schedule starts a task
later than its links alone would (people busy elsewhere), the task carries that gap as a
levelling delay, as Microsoft Project's own levelling records it, so nothing is pinned and a
slip entered later moves what follows. Only the certification body's audits, which are booked,
carry a "start no earlier than" constraint. Fixed costs (fees, travel, material, course
material, tools) sit on their phase's summary task and the contingency on the project summary,
so that the project's cost equals the plan's total. Finish dates follow from the duration on
the Standard calendar, so pass the plan's holidays to keep them equal to ours.

The document is deterministic: its only dates are the plan's.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from readiness.data.labels import labels
from readiness.language import Language
from readiness.models.plan import Phase, Plan, PlanRole, Task
from readiness.planning.calendar import WorkCalendar
from readiness.render.text import document_text

NAMESPACE = "http://schemas.microsoft.com/project"
HOURS_PER_DAY = 8
MINUTES_PER_DAY = HOURS_PER_DAY * 60
CALENDAR_UID = 1
TEXT1 = "188743731"
"""Field id of the task field Text1, which carries our task id."""

# MSPDI codes (Microsoft's Project XML schema reference).
FIXED_DURATION = 1  # task Type: the duration stays when work or units change
FINISH_TO_START = 1  # PredecessorLink Type
START_NO_EARLIER_THAN = 4  # ConstraintType
AS_SOON_AS_POSSIBLE = 0
PRORATED = 2  # FixedCostAccrual
TENTHS_PER_DAY = MINUTES_PER_DAY * 10  # LevelingDelay is in tenths of minutes
DAYS = 7  # DurationFormat
WORK_IN_DAYS = 3  # WorkFormat
PER_DAY = 3  # StandardRateFormat
WORK_RESOURCE = 1  # Resource Type
WORK_HOURS = (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00"))

SYMBOLS = {"CNY": "¥", "JPY": "¥", "USD": "$", "HKD": "HK$", "EUR": "€", "GBP": "£"}


def mspdi_bytes(plan: Plan, language: Language, *, holidays: Iterable[dt.date] = ()) -> bytes:
    """The plan as a Microsoft Project XML document (UTF-8, with an XML declaration).

    ``holidays`` are the non-working dates the plan was scheduled with
    (``PlanConfig.schedule.holidays``); they become exceptions of the Standard calendar.
    """
    days_off = sorted(set(holidays))
    title = f"{plan.client} — {labels(language)['p_title']}"
    fixed = fixed_costs(plan)
    finish = max((task.finish for task in plan.tasks), default=plan.start)
    calendar = WorkCalendar(plan.start, days_off)
    root = ET.Element("Project", xmlns=NAMESPACE)
    _fields(
        root,
        SaveVersion=14,
        Name=title,
        Title=title,
        Company=plan.client,
        CreationDate=_morning(plan.start),
        LastSaved=_morning(plan.start),
        ScheduleFromStart=1,
        StartDate=_morning(plan.start),
        FinishDate=_evening(finish),
        CurrencyDigits=2,
        CurrencySymbol=SYMBOLS.get(plan.currency, plan.currency),
        CurrencyCode=plan.currency,
        CalendarUID=CALENDAR_UID,
        DefaultStartTime="08:00:00",
        DefaultFinishTime="17:00:00",
        MinutesPerDay=MINUTES_PER_DAY,
        MinutesPerWeek=5 * MINUTES_PER_DAY,
        DaysPerMonth=20,
        DefaultTaskType=FIXED_DURATION,
        DurationFormat=DAYS,
        WorkFormat=WORK_IN_DAYS,
        HonorConstraints=1,
        NewTasksEffortDriven=0,
        NewTasksAreManual=0,
    )
    attribute = ET.SubElement(ET.SubElement(root, "ExtendedAttributes"), "ExtendedAttribute")
    _fields(attribute, FieldID=TEXT1, FieldName="Text1", Alias=labels(language)["mspdi_task_id"])
    _calendar(ET.SubElement(root, "Calendars"), days_off)
    tasks = ET.SubElement(root, "Tasks")
    span = calendar.working_days_between(plan.start - dt.timedelta(days=1), finish)
    work = {task.id: sum(task.effort.values(), Decimal(0)) for task in plan.tasks}
    cost = {task.id: _work_cost(plan, task) for task in plan.tasks}
    total = (sum(work.values(), Decimal(0)), plan.costs.total)
    _summary(tasks, 0, "0", 0, title, (plan.start, finish, span), total, plan.costs.contingency)
    rows = _outline(plan)
    uids = {task.id: uid for uid, _, task in rows if isinstance(task, Task)}
    by_id = {task.id: task for task in plan.tasks}
    note = next((m.text.get(language) for m in plan.messages if m.code == "audit-time"), "")
    for uid, outline, row in rows:
        if isinstance(row, Task):
            delay = _levelling_delay(row, by_id, calendar)
            _leaf(
                tasks, uid, outline, row, language, uids, (work[row.id], cost[row.id]), delay, note
            )
        else:
            members = [t.id for t in plan.tasks if t.phase == row.id]
            own = fixed.get(row.id.value, Decimal(0))
            figures = (
                sum((work[t] for t in members), Decimal(0)),
                sum((cost[t] for t in members), Decimal(0)) + own,
            )
            _summary(
                tasks,
                uid,
                outline,
                1,
                row.name.get(language),
                (row.start, row.finish, row.duration),
                figures,
                own,
            )
    _resources(ET.SubElement(root, "Resources"), plan, language)
    _assignments(ET.SubElement(root, "Assignments"), plan, uids)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body.encode() + b"\n"


def _outline(plan: Plan) -> list[tuple[int, str, Phase | Task]]:
    """Rows below the project summary: (UID, outline number, phase or task), in order."""
    rows: list[tuple[int, str, Phase | Task]] = []
    for number, phase in enumerate(plan.phases, 1):
        rows.append((len(rows) + 1, str(number), phase))
        members = [task for task in plan.tasks if task.phase == phase.id]
        for index, task in enumerate(members, 1):
            rows.append((len(rows) + 1, f"{number}.{index}", task))
    return rows


def _fields(parent: ET.Element, **values: object) -> None:
    for tag, value in values.items():
        ET.SubElement(parent, tag).text = document_text(str(value))


def _morning(day: dt.date) -> str:
    return f"{day.isoformat()}T08:00:00"


def _evening(day: dt.date) -> str:
    return f"{day.isoformat()}T17:00:00"


def _start(task: Task) -> str:
    """A task starts in the morning; a milestone at the end of its predecessors' last day."""
    return _evening(task.start) if task.milestone else _morning(task.start)


def _hours(minutes: int) -> str:
    """An ISO 8601 duration as MSPDI writes it: PT{hours}H{minutes}M0S."""
    return f"PT{minutes // 60}H{minutes % 60}M0S"


def _minutes(person_days: Decimal) -> int:
    return int((person_days * MINUTES_PER_DAY).to_integral_value(ROUND_HALF_UP))


def _number(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 2.5, 375, 0.0625."""
    return f"{value.normalize():f}"


def _calendar(calendars: ET.Element, holidays: list[dt.date]) -> None:
    """The Standard calendar: Monday to Friday 08:00–12:00 and 13:00–17:00, minus holidays."""
    calendar = ET.SubElement(calendars, "Calendar")
    _fields(calendar, UID=CALENDAR_UID, Name="Standard", IsBaseCalendar=1, BaseCalendarUID=-1)
    week = ET.SubElement(calendar, "WeekDays")
    for day_type in range(1, 8):  # 1 = Sunday … 7 = Saturday
        day = ET.SubElement(week, "WeekDay")
        working = day_type not in (1, 7)
        _fields(day, DayType=day_type, DayWorking=int(working))
        if working:
            times = ET.SubElement(day, "WorkingTimes")
            for start, end in WORK_HOURS:
                _fields(ET.SubElement(times, "WorkingTime"), FromTime=start, ToTime=end)
    if holidays:
        exceptions = ET.SubElement(calendar, "Exceptions")
        for holiday in holidays:
            exception = ET.SubElement(exceptions, "Exception")
            _fields(exception, EnteredByOccurrences=0)
            period = ET.SubElement(exception, "TimePeriod")
            _fields(period, FromDate=f"{holiday}T00:00:00", ToDate=f"{holiday}T23:59:00")
            _fields(exception, Occurrences=1, Type=1, DayWorking=0)


def fixed_costs(plan: Plan) -> dict[str, Decimal]:
    """Phase id → the amounts of its cost lines that price no role's scheduled time."""
    fixed: dict[str, Decimal] = {}
    for line in plan.costs.lines:
        if line.role is None:
            fixed[line.phase.value] = fixed.get(line.phase.value, Decimal(0)) + line.amount
    return fixed


def _work_cost(plan: Plan, task: Task) -> Decimal:
    """Cost of a task's work: each role's person-days at its day rate."""
    rates = {role.id: _day_rate(plan, role) for role in plan.roles}
    return sum(
        (days * (rates.get(role) or Decimal(0)) for role, days in task.effort.items()), Decimal(0)
    )


def _levelling_delay(task: Task, by_id: dict[str, Task], calendar: WorkCalendar) -> int:
    """Working days between the earliest start the links allow and the levelled start."""
    if task.milestone:
        return 0
    earliest = max(
        (calendar.index_on_or_after(by_id[d].finish) + 1 for d in task.dependencies), default=0
    )
    return max(0, calendar.index_on_or_after(task.start) - earliest)


def _booked(task: Task) -> bool:
    """The certification body's audits are booked ahead: a real date constraint."""
    return task.id in ("S1.AUDIT", "S2.AUDIT") or (
        task.id.startswith("SURV.") and task.id.endswith(".AUDIT")
    )


def _money(value: Decimal) -> str:
    """Currency in MSPDI: in cents, as Microsoft Project writes Cost and FixedCost."""
    return _number((value * 100).quantize(Decimal(1), ROUND_HALF_UP))


def _summary(
    tasks: ET.Element,
    uid: int,
    outline: str,
    level: int,
    name: str,
    span: tuple[dt.date, dt.date, int],
    figures: tuple[Decimal, Decimal],
    fixed: Decimal,
) -> None:
    """A summary task: the project (level 0) or a phase (level 1), with its work, own fixed
    cost and total cost."""
    start, finish, days = span
    work, cost = figures
    task = ET.SubElement(tasks, "Task")
    _fields(task, UID=uid, ID=uid, Name=name, Active=1, Manual=0, Type=FIXED_DURATION)
    _fields(task, IsNull=0, WBS=outline, OutlineNumber=outline, OutlineLevel=level)
    _fields(task, Priority=500, Start=_morning(start), Finish=_evening(finish))
    _fields(task, Duration=_hours(days * MINUTES_PER_DAY), DurationFormat=DAYS)
    _fields(task, Work=_hours(_minutes(work)), EffortDriven=0, Milestone=0, Summary=1)
    _fields(task, FixedCost=_money(fixed), FixedCostAccrual=PRORATED, Cost=_money(cost))
    _fields(task, ConstraintType=AS_SOON_AS_POSSIBLE)


def _leaf(
    tasks: ET.Element,
    uid: int,
    outline: str,
    row: Task,
    language: Language,
    uids: dict[str, int],
    figures: tuple[Decimal, Decimal],
    delay: int,
    note: str,
) -> None:
    """A task or milestone linked to its predecessors, with its work, cost and any levelling
    delay; a booked audit starts no earlier than its date and notes the audit-time basis."""
    start = _start(row)
    duration = _hours(row.duration * MINUTES_PER_DAY)
    work, cost = figures
    task = ET.SubElement(tasks, "Task")
    _fields(task, UID=uid, ID=uid, Name=row.name.get(language), Active=1, Manual=0)
    _fields(task, Type=FIXED_DURATION, IsNull=0, WBS=outline, OutlineNumber=outline)
    _fields(task, OutlineLevel=2, Priority=500, Start=start, Finish=_evening(row.finish))
    _fields(task, Duration=duration, DurationFormat=DAYS, Work=_hours(_minutes(work)))
    _fields(task, EffortDriven=0, Milestone=int(row.milestone), Summary=0, Cost=_money(cost))
    # Nothing done yet, all to do: without these a scheduler (MPXJ's) cannot recalculate.
    _fields(task, ActualDuration=_hours(0), RemainingDuration=duration)
    booked = _booked(row)
    if booked:
        _fields(task, ConstraintType=START_NO_EARLIER_THAN, ConstraintDate=start)
    else:
        _fields(task, ConstraintType=AS_SOON_AS_POSSIBLE)
    if delay:
        _fields(task, LevelingDelay=delay * TENTHS_PER_DAY, LevelingDelayFormat=DAYS)
    if booked and note:
        _fields(task, Notes=note)
    for before in row.dependencies:
        link = ET.SubElement(task, "PredecessorLink")
        _fields(link, PredecessorUID=uids[before], Type=FINISH_TO_START, LinkLag=0, LagFormat=DAYS)
    _fields(ET.SubElement(task, "ExtendedAttribute"), FieldID=TEXT1, Value=row.id)


def _resources(resources: ET.Element, plan: Plan, language: Language) -> None:
    """One work resource per role, as many units as the role's people × availability."""
    for uid, role in enumerate(plan.roles, 1):
        resource = ET.SubElement(resources, "Resource")
        _fields(resource, UID=uid, ID=uid, Name=role.name.get(language), Type=WORK_RESOURCE)
        _fields(resource, IsNull=0, MaxUnits=_number(Decimal(str(round(role.capacity, 4)))))
        rate = _day_rate(plan, role)
        if rate is not None:
            _fields(
                resource, StandardRate=_number(rate / HOURS_PER_DAY), StandardRateFormat=PER_DAY
            )


def _day_rate(plan: Plan, role: PlanRole) -> Decimal | None:
    """The role's day rate, when the cost lines pricing the role's time have one rate."""
    rates = {line.rate for line in plan.costs.lines if line.role == role.id}
    return rates.pop() if len(rates) == 1 else None


def _assignments(assignments: ET.Element, plan: Plan, uids: dict[str, int]) -> None:
    """Each role's person-days on each task, as work in hours; units = work ÷ duration."""
    resource_uids = {role.id: uid for uid, role in enumerate(plan.roles, 1)}
    rates = {role.id: _day_rate(plan, role) for role in plan.roles}
    for task in plan.tasks:
        for role, days in task.effort.items():
            if days <= 0:
                continue
            assignment = ET.SubElement(assignments, "Assignment")
            uid = len(assignments)
            work = _hours(_minutes(days))
            _fields(assignment, UID=uid, TaskUID=uids[task.id], ResourceUID=resource_uids[role])
            _fields(assignment, ActualWork=_hours(0))
            rate = rates.get(role)
            if rate is not None:
                _fields(assignment, Cost=_money(days * rate))
            _fields(assignment, Finish=_evening(task.finish))
            _fields(assignment, RemainingWork=work, Start=_start(task))
            if task.duration > 0:
                units = (days / task.duration).quantize(Decimal("0.0001"), ROUND_HALF_UP)
                _fields(assignment, Units=_number(units))
            _fields(assignment, Work=work)
