"""The schedule and resource sheets of the plan workbook, and what every plan sheet shares.

Layout, as in the gap report's workbook: the title on row 1, a line of context on row 2, the
column headers on row 3 (frozen, repeated on every printed page), the data from row 4. Texts
go through :func:`readiness.render.workbooks.cells.set_text` (via the report's ``put_value``), so no task,
area or client name is ever a formula. Dates are real Excel dates.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from readiness.data.workbook_layout import FIRST_ROW, HEADER_ROW
from readiness.language import Language
from readiness.models.common import LocalText
from readiness.models.plan import Phase, PhaseId, Plan, Task
from readiness.render.plan.gantt import PHASE_COLOURS
from readiness.render.plan.words import kind_key, part_key
from readiness.render.workbooks import cells
from readiness.render.workbooks.book import Book
from readiness.render.workbooks.cells import Cell, Sheet, cell_range
from readiness.render.workbooks.saving import cache_value
from readiness.render.workbooks.tables import (
    CENTRE,
    CLASS_FILLS,
    INTRO_ROW,
    ROTATED,
    Column,
    put_heading,
    put_merged,
    put_section,
    put_value,
    solid_fill,
)

DATE_FORMAT = "yyyy-mm-dd"
WEEK_FORMAT = "mm-dd"
DAYS_FORMAT = "#,##0.00"
"""Person-days, to the hundredth as the plan computes them."""
MILESTONE = "◆"
WEEK_WIDTH = 3.3
WEEKS_PER_PAGE = 60
"""Printed, the Gantt takes one page across per this many weeks (its labels repeated)."""
_GANTT_LABELS = 5
"""Columns before the first week: id, task, start, finish, working days."""
"""Longest text put in the printed page header (Excel allows 255 characters)."""
_WEEK_HEADER_HEIGHT = 36
_SMALL = Font(size=8)
_MONTH_FONT = Font(size=8, bold=True)
_NO_WRAP = Alignment(wrap_text=False, vertical="top")
_NUMBER_ALIGN = Alignment(wrap_text=False, vertical="top", horizontal="right")
"""Numbers and formulas never wrap (and a formula's text must not count for the row height)."""


def _tint(colour: str, share: float) -> str:
    """``colour`` (``#rrggbb``) mixed with ``share`` of white, as ``RRGGBB``."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * share):02X}" for c in channels)


# Module constants: cells.style_cell caches styles by the identity of the fill.
PHASE_FILLS: dict[PhaseId, PatternFill] = {
    phase: solid_fill(_tint(colour, 0)) for phase, colour in PHASE_COLOURS.items()
}
"""Bars of a phase row: the phase's colour, as in the HTML Gantt."""
TASK_FILLS: dict[PhaseId, PatternFill] = {
    phase: solid_fill(_tint(colour, 0.45)) for phase, colour in PHASE_COLOURS.items()
}
"""Bars of a task: a lighter shade of its phase's colour."""
_MILESTONE_FONTS = {
    phase: Font(bold=True, color=_tint(colour, 0)) for phase, colour in PHASE_COLOURS.items()
}


class PlanBook(Book):
    """The plan's workbook being written: the plan it shows, in one language."""

    __slots__ = ("language", "phases", "plan", "roles")

    def __init__(
        self, workbook: Workbook, plan: Plan, language: Language, words: dict[str, str]
    ) -> None:
        super().__init__(workbook, words, (plan.client, plan.scenario_name.get(language)))
        self.plan = plan
        self.language = language
        self.roles = {role.id: role.name.get(language) for role in plan.roles}
        self.phases = {phase.id: phase.name.get(language) for phase in plan.phases}

    def text(self, text: LocalText | None) -> str:
        """A plan text in the workbook's language ("" for none)."""
        return text.get(self.language) if text is not None else ""

    def role(self, role_id: str) -> str:
        """A role's name (its id when the plan does not staff it)."""
        return self.roles.get(role_id, role_id)

    def part(self, part: str) -> str:
        """A cost part's name, the word the plan's documents use."""
        return self.word(part_key(part))

    def kind(self, kind: str) -> str:
        """A deliverable type's name, the word the plan's documents use."""
        return self.word(kind_key(kind))


def table_sheet(book: PlanBook, key: str, intro: str, columns: Sequence[Column]) -> Sheet:
    """A new table sheet of the plan, titled by the label of ``key`` (``pw_sheet_x`` →
    ``pw_h_x``); see :meth:`Book.table_sheet`."""
    return book.table_sheet(key, book.word(key.replace("_sheet_", "_h_")), intro, columns)


def finish(book: PlanBook, ws: Sheet, **options: Any) -> None:
    """Finish a sheet of the plan (see :meth:`Book.finish`)."""
    book.finish(ws, **options)


def put_date(
    ws: Sheet, row: int, column: int, value: dt.date | None, fill: PatternFill | None = None
) -> Cell:
    """A bordered data cell holding a real date, shown as ``yyyy-mm-dd``."""
    cell = put_value(ws, row, column, None, fill)
    cell.value = value
    cell.number_format = DATE_FORMAT
    return cell


def put_number(
    ws: Sheet,
    row: int,
    column: int,
    value: Decimal | float | str | None,
    number_format: str = DAYS_FORMAT,
    fill: PatternFill | None = None,
    *,
    cached: Decimal | float | None = None,
) -> Cell:
    """A bordered number cell; a ``str`` value is one of the writer's own formulas, written
    with its ``cached`` value (what it computes) for readers that do not calculate."""
    cell = put_value(ws, row, column, None, fill)
    if isinstance(value, str):
        cell.value = value  # a formula: never client text
        if cached is not None:
            cache_value(cell, float(cached))
    elif value is not None:
        cell.value = float(value)
    cell.number_format = number_format
    cell.alignment = _NUMBER_ALIGN
    return cell


# ------------------------------------------------------------------ Gantt


def week_starts(plan: Plan) -> list[dt.date]:
    """The Monday of every week from the plan's start to its last task's finish."""
    first = plan.start - dt.timedelta(days=plan.start.weekday())
    end = max([t.finish for t in plan.tasks] + [p.finish for p in plan.phases] + [plan.start])
    count = (end - first).days // 7 + 1
    return [first + dt.timedelta(weeks=index) for index in range(count)]


def _phase_tasks(plan: Plan, phase: Phase) -> list[Task]:
    by_id = {task.id: task for task in plan.tasks}
    tasks = [by_id[t] for t in phase.tasks if t in by_id]
    return sorted(tasks, key=lambda t: (t.start, t.finish, t.id))


def gantt_sheet(book: PlanBook) -> Sheet:
    """Phases (bold) with their tasks beneath, one narrow column per week, bars coloured by phase."""
    plan = book.plan
    weeks = week_starts(plan)
    columns = [
        Column(book.word("pw_id"), 16),
        Column(book.word("p_task"), 46),
        Column(book.word("p_begin"), 11),
        Column(book.word("p_finish"), 11),
        Column(book.word("p_days"), 8),
    ]
    ws = table_sheet(book, "pw_sheet_gantt", book.word("pw_gantt_intro"), columns)
    _week_headers(ws, weeks)
    row = FIRST_ROW
    for phase in plan.phases:
        _gantt_row(ws, row, weeks, phase, book.text(phase.name))
        row += 1
        for task in _phase_tasks(plan, phase):
            _gantt_row(ws, row, weeks, task, book.text(task.name))
            row += 1
    first_week = get_column_letter(_GANTT_LABELS + 1)
    finish(book, ws, freeze=f"{first_week}{FIRST_ROW}", title_rows=f"{INTRO_ROW}:{HEADER_ROW}")
    ws.row_dimensions[HEADER_ROW].height = _WEEK_HEADER_HEIGHT
    ws.print_title_cols = f"A:{get_column_letter(_GANTT_LABELS)}"
    ws.page_setup.fitToWidth = max(1, math.ceil(len(weeks) / WEEKS_PER_PAGE))
    return ws


def _week_headers(ws: Sheet, weeks: Sequence[dt.date]) -> None:
    """Monday dates, rotated, on the header row; the month above its first week."""
    month = ""
    for column, monday in enumerate(weeks, start=_GANTT_LABELS + 1):
        cell = cells.put_header(ws, column, None, WEEK_WIDTH)
        cell.value = monday
        cell.number_format = WEEK_FORMAT
        cell.alignment = ROTATED
        cell.font = _SMALL
        label = f"{monday.year}-{monday.month:02d}"
        if label != month:
            month = label
            above = cells.cell_at(ws, INTRO_ROW, column)
            cells.set_text(above, label)
            above.font = _MONTH_FONT
            above.alignment = _NO_WRAP


def _gantt_row(
    ws: Sheet, row: int, weeks: Sequence[dt.date], item: Phase | Task, name: str
) -> None:
    """A phase row (bold, on the group fill) or a task row, with its bars in the week columns."""
    is_phase = isinstance(item, Phase)
    phase = item.id if isinstance(item, Phase) else item.phase
    fill = cells.GROUP_FILL if is_phase else None
    put_value(ws, row, 1, "" if is_phase else item.id, fill).alignment = _NO_WRAP
    put_value(ws, row, 2, name, fill).alignment = _NO_WRAP
    put_date(ws, row, 3, item.start, fill)
    put_date(ws, row, 4, item.finish, fill)
    put_value(ws, row, 5, item.duration, fill).alignment = CENTRE
    if is_phase:
        for column in range(1, _GANTT_LABELS + 1):
            ws.cell(row=row, column=column).font = cells.BOLD
    milestone = isinstance(item, Task) and item.milestone
    for column, monday in enumerate(weeks, start=_GANTT_LABELS + 1):
        if not (monday <= item.finish and item.start <= monday + dt.timedelta(days=6)):
            continue
        cell = cells.cell_at(ws, row, column)
        if milestone:
            cells.set_text(cell, MILESTONE)
            cell.font = _MILESTONE_FONTS[phase]
            cell.alignment = CENTRE
        else:
            cells.fill_only(cell, PHASE_FILLS[phase] if is_phase else TASK_FILLS[phase])


# ------------------------------------------------------------------ tasks and backlog


def tasks_sheet(book: PlanBook) -> Sheet:
    """Every task: dates, duration, predecessors, effort per role and its total (a SUM)."""
    plan = book.plan
    roles = plan.roles
    columns = [
        Column(book.word("pw_id"), 16),
        Column(book.word("p_task"), 46),
        Column(book.word("p_phase"), 28),
        Column(book.word("pw_work_package"), 13),
        Column(book.word("p_begin"), 11),
        Column(book.word("p_finish"), 11),
        Column(book.word("p_days"), 8),
        Column(book.word("pw_predecessors"), 26),
        *(Column(book.role(role.id), 12) for role in roles),
        Column(book.word("p_total"), 10),
    ]
    ws = table_sheet(book, "pw_sheet_tasks", book.word("pw_tasks_intro"), columns)
    first_role = 9
    last_role = first_role + len(roles) - 1
    for row, task in enumerate(plan.tasks, start=FIRST_ROW):
        put_value(ws, row, 1, task.id)
        put_value(ws, row, 2, book.text(task.name))
        put_value(ws, row, 3, book.phases.get(task.phase, task.phase.value))
        put_value(ws, row, 4, task.work_package or "")
        put_date(ws, row, 5, task.start)
        put_date(ws, row, 6, task.finish)
        put_value(ws, row, 7, task.duration)
        put_value(ws, row, 8, ", ".join(task.dependencies))
        for column, role in enumerate(roles, start=first_role):
            days = task.effort.get(role.id)
            put_number(ws, row, column, days if days else None)
        total = f"=SUM({cell_range(first_role, row, row, last_role)})"
        effort = sum(task.effort.values(), Decimal(0))
        put_number(ws, row, last_role + 1, total, cached=effort).font = cells.BOLD
        if task.milestone:
            ws.cell(row=row, column=2).font = cells.BOLD
    last = HEADER_ROW + max(len(plan.tasks), 1)
    autofilter = cell_range(1, HEADER_ROW, last, len(columns))
    finish(book, ws, freeze=f"C{FIRST_ROW}", autofilter=autofilter)
    return ws


def backlog_sheet(book: PlanBook) -> Sheet:
    """The remediation actions in priority order, coloured by the class of their finding."""
    plan = book.plan
    areas = {wp.area: book.text(wp.name) for wp in plan.work_packages}
    columns = [
        Column(book.word("p_priority"), 8),
        Column(book.word("pw_area"), 26),
        Column(book.word("p_kind"), 13),
        Column(book.word("p_action"), 44),
        Column(book.word("pw_finding"), 15),
        Column(book.word("p_blocker"), 10),
        Column(book.word("p_quick_win"), 8),
        Column(book.word("p_role"), 16),
        Column(book.word("pw_effort"), 10),
        Column(book.word("pw_recommendation"), 52),
    ]
    ws = table_sheet(book, "pw_sheet_backlog", book.word("pw_backlog_intro"), columns)
    yes = book.word("yes")
    actions = sorted(plan.actions, key=lambda a: (a.priority, a.id))
    for row, action in enumerate(actions, start=FIRST_ROW):
        put_value(ws, row, 1, action.priority).alignment = CENTRE
        put_value(ws, row, 2, f"{action.area} {areas.get(action.area, '')}".strip())
        put_value(ws, row, 3, book.kind(action.kind.value))
        put_value(ws, row, 4, book.text(action.name))
        finding = action.finding.value
        put_value(ws, row, 5, book.word(f"finding_{finding}"), CLASS_FILLS.get(finding))
        put_value(ws, row, 6, yes if action.blocker else "").alignment = CENTRE
        put_value(ws, row, 7, yes if action.quick_win else "").alignment = CENTRE
        put_value(ws, row, 8, book.role(action.role))
        put_number(ws, row, 9, action.total_effort)
        put_value(ws, row, 10, book.text(action.recommendation))
    last = HEADER_ROW + max(len(actions), 1)
    finish(book, ws, freeze=f"A{FIRST_ROW}", autofilter=cell_range(1, HEADER_ROW, last, 10))
    return ws


# ------------------------------------------------------------------ resources


def resources_sheet(book: PlanBook) -> Sheet:
    """Person-days per role and month with SUM totals, then the responsibility matrix."""
    plan = book.plan
    months = sorted(plan.load)
    columns = [
        Column(book.word("p_role"), 36),
        *(Column(month, 9) for month in months),
        Column(book.word("p_total"), 10),
    ]
    heading, intro = book.word("pw_h_resources"), book.word("pw_resources_intro")
    ws = book.table_sheet("p_h_resources", heading, intro, columns)
    total_column = len(months) + 2
    row = FIRST_ROW
    for role in plan.roles:
        put_value(ws, row, 1, book.text(role.name))
        for column, month in enumerate(months, start=2):
            days = plan.load[month].get(role.id)
            put_number(ws, row, column, days if days else None)
        total = f"=SUM({cell_range(2, row, row, total_column - 1)})"
        days = sum((plan.load[m].get(role.id, Decimal(0)) for m in months), Decimal(0))
        put_number(ws, row, total_column, total, cached=days).font = cells.BOLD
        row += 1
    last_role = row - 1
    put_value(ws, row, 1, book.word("p_total")).font = cells.BOLD
    sums = [sum(plan.load[m].values(), Decimal(0)) for m in months]
    sums.append(sum(sums, Decimal(0)))
    for column, days in zip(range(2, total_column + 1), sums, strict=True):
        total = f"=SUM({cell_range(column, FIRST_ROW, last_role)})"
        put_number(ws, row, column, total, cached=days).font = cells.BOLD
    _responsibility(book, ws, row + 2, max(total_column, 8))
    finish(book, ws, freeze=f"B{FIRST_ROW}")
    return ws


def _responsibility(book: PlanBook, ws: Sheet, row: int, width: int) -> None:
    """The plan's P/B matrix: item, primary role, backup roles (spans over the month columns)."""
    put_section(ws, row, book.word("p_h_responsibility"))
    row += 1
    middle = max(3, (width + 1) // 2)
    spans = [(1, 1), (2, middle), (middle + 1, width)]
    headers = [book.word("pw_item"), book.word("pw_primary"), book.word("pw_backup")]
    for (first, last), text in zip(spans, headers, strict=True):
        for column in range(first, last + 1):
            put_heading(ws, row, column, text if column == first else None)
        if last > first:
            cells.merge(ws, row, first, last)
    for item in book.plan.responsibility:
        row += 1
        values = [
            book.text(item.name),
            book.role(item.primary),
            ", ".join(book.role(role) for role in item.backup),
        ]
        for (first, last), value in zip(spans, values, strict=True):
            put_merged(ws, row, first, last, value)
