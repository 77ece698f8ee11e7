"""A line chart of scores over time as inline SVG: one line per series, dates on the x axis
placed by the time between them, 0 to 100 on the y axis, with dashed reference lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from readiness.render import svg

WIDTH = 640.0
HEIGHT = 300.0
LEFT = 48.0
RIGHT = 210.0
TOP = 16.0
BOTTOM = 40.0
COLOURS = ("#1b2631", "#2c6fbb", "#27ae60", "#e67e22", "#8e44ad", "#c0392b")
"""Colours of the series, in order (the first, the overall score, is the darkest)."""
BOUND = "#c0392b"
LEGEND_UNITS = 23
"""Longest legend label (units, a CJK character counts 2) that fits the right margin."""


def line_chart(
    dates: Sequence[dt.date],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    title: str,
    bounds: Sequence[tuple[str, float]] = (),
) -> str:
    """Lines of ``(label, scores)`` (0-100, one per date; None leaves a gap) over ``dates``.

    ``bounds`` are ``(label, score)`` reference lines (the area floor, the overall minimum).
    """
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    first, last = dates[0], dates[-1]
    span = (last - first).days

    def x(index: int) -> float:
        if span <= 0:
            return LEFT + plot_w * (index / max(len(dates) - 1, 1))
        return LEFT + plot_w * (dates[index] - first).days / span

    def y(score: float) -> float:
        return TOP + plot_h * (1 - score / 100)

    body: list[str] = []
    for tick in (0, 25, 50, 75, 100):
        body.append(svg.line(LEFT, y(tick), LEFT + plot_w, y(tick), stroke="#d5d8dc"))
        body.append(svg.text(LEFT - 6, y(tick) + 4, str(tick), text_anchor="end"))
    for index, date in enumerate(dates):
        body.append(svg.line(x(index), TOP, x(index), TOP + plot_h, stroke="#eaeded"))
        body.append(
            svg.text(x(index), HEIGHT - BOTTOM + 16, date.isoformat(), text_anchor="middle")
        )
    for number, (name, scores) in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        run: list[tuple[float, float]] = []
        for index, value in enumerate([*scores, None]):
            if value is None:
                if len(run) > 1:
                    body.append(svg.polyline(run, fill="none", stroke=colour, stroke_width=2.0))
                run = []
                continue
            run.append((x(index), y(value)))
            body.append(svg.circle(x(index), y(value), 3.0, fill=colour))
        legend_y = TOP + 14 + 18 * number
        body.append(svg.rect(WIDTH - RIGHT + 12, legend_y - 9, 12, 10, fill=colour))
        body.append(svg.label(WIDTH - RIGHT + 28, legend_y, name, LEGEND_UNITS))
    for number, (name, score) in enumerate(bounds, start=len(series)):
        # reference lines are named in the legend, never on the plot where lines cross them
        dashed = {"stroke": BOUND, "stroke_dasharray": "4 3"}
        body.append(svg.line(LEFT, y(score), LEFT + plot_w, y(score), **dashed))
        legend_y = TOP + 14 + 18 * number
        body.append(svg.line(WIDTH - RIGHT + 12, legend_y - 4, WIDTH - RIGHT + 24, legend_y - 4,
                             **dashed))  # fmt: skip
        body.append(svg.label(WIDTH - RIGHT + 28, legend_y, name, LEGEND_UNITS, fill=BOUND))
    return svg.document("lines", title, (0, 0, WIDTH, HEIGHT), body)
