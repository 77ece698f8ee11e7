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


def _rows(plan: Plan) -> list[tuple[Phase, list[Task]]]:
    by_id = {task.id: task for task in plan.tasks}
    return [
        (phase, sorted((by_id[t] for t in phase.tasks), key=lambda t: (t.start, t.finish, t.id)))
        for phase in plan.phases
    ]


def gantt_svg(plan: Plan, language: Language, *, title: str) -> str:
    """The Gantt chart of ``plan`` with labels in ``language``."""
    rows = _rows(plan)
    first = plan.start
    last = plan.certificate + dt.timedelta(days=TAIL_DAYS)
    span = max((last - first).days, 1)

    def x(day: dt.date) -> float:
        clipped = min(max(day, first), last)
        return LABEL_WIDTH + (clipped - first).days / span * CHART_WIDTH

    count = sum(1 + len(tasks) for _, tasks in rows)
    height = TOP + count * ROW + 10
    width = LABEL_WIDTH + CHART_WIDTH + 90
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="{svg.safe(title)}" class="chart chart-gantt" font-size="11">',
        f"<title>{svg.safe(title)}</title>",
    ]
    parts += _month_axis(first, last, x, height)
    y = TOP
    for phase, tasks in rows:
        colour = PHASE_COLOURS.get(phase.id, "#2c6fbb")
        parts.append(_label(y, phase.name.get(language), bold=True))
        parts.append(_bar(x(phase.start), x(phase.finish + dt.timedelta(days=1)), y, colour, 0.9))
        parts += _overflow(phase.finish, last, y)
        y += ROW
        for task in tasks:
            parts.append(_label(y, task.name.get(language), bold=False, indent=12))
            if task.milestone:
                parts.append(_diamond(x(task.start), y, colour))
            else:
                end = x(task.finish + dt.timedelta(days=1))
                parts.append(_bar(x(task.start), end, y, colour, 0.45))
            parts += _overflow(task.start if task.milestone else task.finish, last, y)
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


def _overflow(day: dt.date, last: dt.date, y: int) -> list[str]:
    """Work beyond the axis: its date at the right edge."""
    if day <= last:
        return []
    edge = LABEL_WIDTH + CHART_WIDTH
    return [
        f'<text x="{edge + 6}" y="{y + 13}" fill="#5f6b7a" font-size="10">→ {day.isoformat()}</text>'
    ]
