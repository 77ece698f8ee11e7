"""The plan's Gantt chart as inline SVG: phases with their tasks beneath, milestones as diamonds.

The time axis runs from the project start to shortly after the expected certificate; work
later than that (the surveillance audits of years 2 and 3) is marked at the right edge with
its date, so the project itself stays readable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from readiness.language import Language
from readiness.models.plan import Phase, PhaseId, Plan, Task
from readiness.render import svg

PHASE_COLOURS: dict[PhaseId, str] = {
    PhaseId.PREPARATION: "#5d6d7e",
    PhaseId.GAP_ANALYSIS: "#2c6fbb",
    PhaseId.BUILD: "#1f8a70",
    PhaseId.IMPLEMENTATION: "#27ae60",
    PhaseId.TRAINING: "#8e44ad",
    PhaseId.INTERNAL_AUDIT: "#d35400",
    PhaseId.MANAGEMENT_REVIEW: "#c0392b",
    PhaseId.CERTIFICATION_BODY: "#7f8c8d",
    PhaseId.STAGE1: "#b9770e",
    PhaseId.CORRECTION: "#a04000",
    PhaseId.STAGE2: "#922b21",
    PhaseId.SURVEILLANCE: "#34495e",
}
ROW = 18
LABEL_WIDTH = 330
CHART_WIDTH = 700
TOP = 34
TAIL_DAYS = 45


PRINT_ROWS = 26
"""Rows of one printed Gantt page: a landscape A4 page holds them with the heading and
caption at a task-name size that reads at 100 % (about 8 pt)."""
PRINT_CHART_WIDTH = 560
"""The time axis of a printed page, narrower than on screen so that the names print larger."""

Line = tuple[Phase, Task | None]
"""One row of the chart: a phase (task None) or one of its tasks."""


def _rows(plan: Plan) -> list[tuple[Phase, list[Task]]]:
    by_id = {task.id: task for task in plan.tasks}
    return [
        (phase, sorted((by_id[t] for t in phase.tasks), key=lambda t: (t.start, t.finish, t.id)))
        for phase in plan.phases
    ]


def _lines(plan: Plan) -> list[Line]:
    return [
        line
        for phase, tasks in _rows(plan)
        for line in [(phase, None), *((phase, t) for t in tasks)]
    ]


def gantt_svg(plan: Plan, language: Language, *, title: str) -> str:
    """The Gantt chart of ``plan`` with labels in ``language``, every row in one chart."""
    return _chart(plan, _lines(plan), language, title, CHART_WIDTH)


def gantt_pages(plan: Plan, language: Language, *, title: str, rows: int = PRINT_ROWS) -> list[str]:
    """The Gantt chart for print: pages of at most ``rows`` rows, each with the whole time
    axis (bars line up from page to page). A phase that does not fit in what is left of a
    page starts the next one; a phase longer than a page goes on over several, its own row
    repeated at the top of each."""
    return [
        _chart(plan, page, language, title, PRINT_CHART_WIDTH)
        for page in split_rows(_rows(plan), rows)
    ]


def split_rows(groups: list[tuple[Phase, list[Task]]], rows: int) -> list[list[Line]]:
    """The rows of ``groups`` (phases and their tasks) cut into pages of at most ``rows``."""
    pages: list[list[Line]] = []
    page: list[Line] = []
    for phase, tasks in groups:
        block: list[Line] = [(phase, None), *((phase, task) for task in tasks)]
        if page and len(page) + len(block) > rows and len(block) <= rows:
            pages.append(page)
            page = []
        while block:
            room = rows - len(page)
            if room < 2:  # a phase row alone at the foot of a page: start the next page
                pages.append(page)
                page = []
                continue
            page += block[:room]
            block = block[room:]
            if block:
                pages.append(page)
                page = []
                block = [(phase, None), *block]
    if page:
        pages.append(page)
    return pages


def _chart(plan: Plan, lines: list[Line], language: Language, title: str, chart: int) -> str:
    first = plan.start
    last = plan.certificate + dt.timedelta(days=TAIL_DAYS)
    span = max((last - first).days, 1)

    def x(day: dt.date) -> float:
        clipped = min(max(day, first), last)
        return LABEL_WIDTH + (clipped - first).days / span * chart

    height = TOP + len(lines) * ROW + 10
    width = LABEL_WIDTH + chart + 90
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="{svg.safe(title)}" class="chart chart-gantt" font-size="11">',
        f"<title>{svg.safe(title)}</title>",
    ]
    parts += _month_axis(first, last, x, height)
    y = TOP
    edge = LABEL_WIDTH + chart
    for phase, task in lines:
        colour = PHASE_COLOURS.get(phase.id, "#2c6fbb")
        if task is None:
            parts.append(_label(y, phase.name.get(language), bold=True))
            parts.append(
                _bar(x(phase.start), x(phase.finish + dt.timedelta(days=1)), y, colour, 0.9)
            )
            parts += _overflow(phase.finish, last, y, edge)
        else:
            parts.append(_label(y, task.name.get(language), bold=False, indent=12))
            if task.milestone:
                parts.append(_diamond(x(task.start), y, colour))
            else:
                end = x(task.finish + dt.timedelta(days=1))
                parts.append(_bar(x(task.start), end, y, colour, 0.45))
            parts += _overflow(task.start if task.milestone else task.finish, last, y, edge)
        y += ROW
    parts.append("</svg>")
    return "".join(parts)


def _month_axis(
    first: dt.date, last: dt.date, x: Callable[[dt.date], float], height: int
) -> list[str]:
    parts = []
    month = dt.date(first.year, first.month, 1)
    while month <= last:
        left = x(max(month, first))
        parts.append(
            f'<line x1="{left:.1f}" y1="{TOP - 6}" x2="{left:.1f}" y2="{height - 6}" '
            'stroke="#d9dee4" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{left + 2:.1f}" y="{TOP - 10}" fill="#5f6b7a" font-size="9">'
            f"{month:%y-%m}</text>"
        )
        month = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return parts


def _label(y: int, text: str, *, bold: bool, indent: int = 0) -> str:
    weight = ' font-weight="700"' if bold else ""
    full = svg.safe(text)
    return (
        f'<text x="{4 + indent}" y="{y + 13}"{weight} fill="#1f2933">'
        f"<title>{full}</title>{svg.safe(svg.fit(text, 52 - indent / 6))}</text>"
    )


def _bar(left: float, right: float, y: int, colour: str, opacity: float) -> str:
    return (
        f'<rect x="{left:.1f}" y="{y + 3}" width="{max(right - left, 2.0):.1f}" height="{ROW - 6}" '
        f'rx="2" fill="{colour}" fill-opacity="{opacity}"/>'
    )


def _diamond(centre: float, y: int, colour: str) -> str:
    middle = y + ROW / 2
    points = f"{centre:.1f},{middle - 6:.1f} {centre + 6:.1f},{middle:.1f} {centre:.1f},{middle + 6:.1f} {centre - 6:.1f},{middle:.1f}"
    return f'<polygon class="milestone" points="{points}" fill="{colour}"/>'


def _overflow(day: dt.date, last: dt.date, y: int, edge: float) -> list[str]:
    """Work beyond the axis: its date at the right ``edge``."""
    if day <= last:
        return []
    return [
        f'<text x="{edge + 6}" y="{y + 13}" fill="#5f6b7a" font-size="10">→ {day.isoformat()}</text>'
    ]
