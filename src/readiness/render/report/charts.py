"""Inline SVG charts for the HTML gap report: self-contained, deterministic, no scripts.

Every function returns one ``<svg>`` element as a string. Text is escaped (labels come from
client data), colours are given both as CSS classes and as inline fallbacks so a chart also
reads correctly without the page's stylesheet, and fonts are inherited from the page so
Chinese labels use its CJK font stack.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from readiness.models.common import FindingClass
from readiness.render import svg
from readiness.render.palette import CLASS_COLOURS, css_name
from readiness.render.svg import FONT as _FONT

MAJOR = CLASS_COLOURS[FindingClass.MAJOR]
MINOR = CLASS_COLOURS[FindingClass.MINOR]
OBSERVATION = CLASS_COLOURS[FindingClass.OBSERVATION]
CONFORMING = CLASS_COLOURS[FindingClass.CONFORMING]
NOT_APPLICABLE = CLASS_COLOURS[FindingClass.NOT_APPLICABLE]
SCORE = "#2c6fbb"
TARGET = "#7f8c8d"
EMPTY_CELL = "#f4f6f7"
INK = "#1b2631"
GRID = "#d5d8dc"
MUTED = "#5d6d7e"
NO_VALUE = "—"

# Finding classes in heat-map column order: (CSS suffix, colour).
_CLASSES = tuple((css_name(finding), colour) for finding, colour in CLASS_COLOURS.items())
_LINE = 14.0
_PAD = 8.0
_ROW = 24.0
_BAR = 14.0
_DASHED = {"stroke": TARGET, "stroke_width": "1.5", "stroke_dasharray": "5 4"}
_AREA = {"fill": SCORE, "fill_opacity": "0.25", "stroke": SCORE, "stroke_width": "2"}
_HALO = {"stroke": "#ffffff", "stroke_width": "3", "paint_order": "stroke"}
_CONFORMING = ("conforming", CONFORMING)
# A bar row: label, value (None: no bar), printed value, (CSS band, colour).
_Row = tuple[str, float | None, str, tuple[str, str]]


def _value(v: float | None) -> float | None:
    return None if v is None or math.isnan(v) else float(v)


def _band(v: float, threshold: float) -> tuple[str, str]:
    if v < 50:
        return "major", MAJOR
    return ("observation", OBSERVATION) if v < threshold else _CONFORMING


def _rgb(colour: str) -> list[int]:
    return [int(colour[i : i + 2], 16) for i in (1, 3, 5)]


def _mix(low: str, high: str, t: float) -> str:
    pairs = zip(_rgb(low), _rgb(high), strict=True)
    return "#" + "".join(f"{round(p + (q - p) * t):02x}" for p, q in pairs)


def _luminance(colour: str) -> float:
    linear = [c / 3294.6 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in _rgb(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _ink_on(fill: str) -> str:
    """White or dark text, whichever contrasts more with ``fill`` (WCAG contrast ratio)."""
    lum = _luminance(fill)
    return "#ffffff" if (1.05 / (lum + 0.05)) > ((lum + 0.05) / (_luminance(INK) + 0.05)) else INK


def _bars(
    kind: str,
    title: str,
    rows: Sequence[_Row],
    maximum: float,
    ticks: Sequence[tuple[float, str]],
    target: tuple[float, str] | None = None,
    axis_label: str = "",
) -> str:
    """Rows of (label, value, printed value, (band, colour)) as horizontal bars on one axis."""
    left = _PAD + max((svg.text_width(svg.fit(svg.clean(r[0]))) for r in rows), default=0.0) + _PAD
    area = 360.0
    value_w = max((svg.text_width(r[2]) for r in rows), default=0.0) + 2 * _PAD
    top = _PAD + (_LINE if target is not None else 0.0)
    scale = area / maximum if maximum > 0 else 0.0
    bottom = top + _ROW * len(rows)
    body: list[str] = []
    for at, tick in ticks:
        x = left + at * scale
        body.append(svg.line(x, top, x, bottom, class_="grid", stroke=GRID))
        body.append(
            svg.text(x, bottom + _LINE, tick, text_anchor="middle", class_="tick", fill=MUTED)
        )
    if target is not None:
        x = left + min(max(target[0], 0.0), maximum) * scale
        body.append(svg.line(x, top - 2, x, bottom + 2, class_="series-target", **_DASHED))
        body.append(svg.text(x, top - 4, target[1], text_anchor="middle", class_="target-value"))
    for i, (label, value, shown, (band, colour)) in enumerate(rows):
        y = top + i * _ROW
        mid = y + _ROW / 2 + _FONT * 0.35
        body.append(svg.label(left - _PAD, mid, label, text_anchor="end", class_="row-label"))
        end = left
        if value is not None:
            width = min(max(value, 0.0), maximum) * scale
            end = left + width
            box = (left, y + (_ROW - _BAR) / 2, width, _BAR)
            body.append(svg.rect(*box, class_=f"bar bar-{band}", fill=colour))
        body.append(svg.text(end + 4, mid, shown, class_="bar-value", **_HALO))
    height = bottom + _LINE + _PAD
    if axis_label:
        height += _LINE
        body.append(
            svg.text(left + area / 2, bottom + 2 * _LINE + 2, axis_label, text_anchor="middle")
        )
    width = max(left + area + value_w, left + svg.text_width(axis_label) + _PAD)
    return _chart(kind, title, (0.0, 0.0, width, height), body)


def horizontal_bars(
    items: Sequence[tuple[str, float | None]],
    *,
    title: str,
    maximum: float = 100.0,
    unit: str = " %",
    target: float | None = None,
) -> str:
    """Horizontal bars, one row per ``(label, value)``; ``None`` prints '—' and draws no bar.

    Bars are coloured by band: below 50 the major colour, below ``target`` (85 without one)
    the observation colour, else the conforming colour. A dashed line marks ``target``.
    """
    threshold = 85.0 if target is None else target
    rows: list[_Row] = []
    for label, raw in items:
        v = _value(raw)
        shown = NO_VALUE if v is None else f"{v:.1f}{unit}"
        rows.append((label, v, shown, _band(v if v is not None else 0.0, threshold)))
    ticks = [(maximum * k / 4, f"{maximum * k / 4:g}") for k in range(5)]
    goal = _value(target)
    marker = None if goal is None else (goal, f"{goal:.1f}{unit}")
    return _bars("bars", title, rows, maximum, ticks, marker)


def level_bars(items: Sequence[tuple[str, int | None]], *, title: str, level_label: str) -> str:
    """Capability levels 0-5 (ISO/IEC 33020) as horizontal bars, one row per process.

    The axis runs 0..5 with a gridline per level; the level is printed at the bar end ('—'
    without a rating). Levels 0-1 take the major colour, 2 the observation colour, 3+ the
    conforming colour.
    """
    rows: list[_Row] = []
    for label, raw in items:
        if raw is None:
            rows.append((label, None, NO_VALUE, ("none", NOT_APPLICABLE)))
            continue
        level = min(max(int(raw), 0), 5)
        band = ("major", MAJOR) if level <= 1 else ("observation", OBSERVATION)
        rows.append((label, float(level), str(level), band if level <= 2 else _CONFORMING))
    ticks = [(float(k), str(k)) for k in range(6)]
    return _bars("levels", title, rows, 5.0, ticks, axis_label=level_label)


def radar_chart(
    items: Sequence[tuple[str, float | None]],
    target: float,
    *,
    title: str,
    target_label: str,
    score_label: str,
) -> str:
    """Radar (spider) chart of scores 0-100: one spoke per ``(label, score)``.

    The scores form a filled polygon and ``target`` a dashed one; a ``None`` score is drawn at
    the centre and its label ends with '—'. Rings mark 25/50/75/100. With fewer than three
    items a radar says nothing, so :func:`horizontal_bars` is drawn instead.
    """
    if len(items) < 3:
        return horizontal_bars(items, title=title, target=target)
    # A larger radius for many spokes keeps neighbouring labels apart; a label on a vertical
    # spoke is centred on it, so it may only be as wide as the gap to the next spoke's label.
    n, gap = len(items), 10.0
    radius = max(150.0, 13.0 * n - gap)
    room = (radius + gap) * math.sin(2 * math.pi / n) - 6
    narrow = max(10, min(22, int(2 * room / (svg.EM_LATIN * _FONT))))
    angles = [-math.pi / 2 + 2 * math.pi * i / n for i in range(n)]

    def at(angle: float, r: float) -> tuple[float, float]:
        return (r * math.cos(angle), r * math.sin(angle))

    body = [
        f'<circle cx="0.0" cy="0.0" r="{svg.number(radius * k / 4)}" class="ring" fill="none" stroke="{GRID}"/>'
        for k in range(1, 5)
    ]
    body += [svg.line(0.0, 0.0, *at(a, radius), class_="spoke", stroke=GRID) for a in angles]
    goal = min(max(_value(target) or 0.0, 0.0), 100.0) / 100 * radius
    body.append(
        svg.polygon([at(a, goal) for a in angles], class_="series-target", fill="none", **_DASHED)
    )
    scores = [_value(v) for _, v in items]
    points = [
        at(a, min(max(s or 0.0, 0.0), 100.0) / 100 * radius)
        for a, s in zip(angles, scores, strict=True)
    ]
    body.append(svg.polygon(points, class_="series-score", **_AREA))
    body += [
        f'<circle cx="{svg.number(x)}" cy="{svg.number(y)}" r="3.0" class="series-score" fill="{SCORE}"/>'
        for (x, y), s in zip(points, scores, strict=True)
        if s is not None
    ]
    for k in range(1, 5):
        tick = str(25 * k)
        body.append(svg.text(3.0, -radius * k / 4 - 2, tick, font_size="9", fill=MUTED, **_HALO))
    xs, ys = [-radius, radius], [-radius, radius]
    for angle, (label, _), score in zip(angles, items, scores, strict=True):
        element, (left, right), (top, bottom) = _spoke_label(
            angle, label, score, radius + gap, narrow
        )
        body.append(element)
        xs += [left, right]
        ys += [top, bottom]
    legend_y = max(ys) + 2 * _PAD + _FONT
    legend, right = _radar_legend(min(xs), legend_y, score_label, target_label)
    body.append(legend)
    right = max(max(xs), right) + _PAD
    box = (min(xs) - _PAD, min(ys) - _PAD, right - min(xs) + _PAD, legend_y + _PAD - min(ys) + 4)
    return _chart("radar", title, box, body)


def _spoke_label(
    angle: float, label: str, score: float | None, distance: float, narrow: int
) -> tuple[str, tuple[float, float], tuple[float, float]]:
    """The label at the end of a spoke, and the horizontal and vertical extent it covers.

    Beside a horizontal spoke it is centred on it; it slides to sit wholly above (below) the
    top (bottom) spoke's end; on a vertical spoke it may only be ``narrow`` characters wide.
    """
    text = svg.clean(label) + (" " + NO_VALUE if score is None else "")
    cos, sin = math.cos(angle), math.sin(angle)
    lines = svg.wrap(text, narrow if abs(cos) < 0.1 else 22)
    x, y = distance * cos, distance * sin
    anchor = "start" if cos >= 0.1 else "end" if cos <= -0.1 else "middle"
    if anchor == "end":  # a space ending a line would count in its width and shift it
        lines = svg.spaces_first(lines)
    block = (len(lines) - 1) * _LINE
    first = y + sin * (block + _LINE) / 2 - block / 2 + 4
    width = max(svg.text_width(line.rstrip()) for line in lines)
    left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    spans = "".join(
        f'<tspan x="{svg.number(x)}" y="{svg.number(first + j * _LINE)}">{svg.safe(line)}</tspan>'
        for j, line in enumerate(lines)
    )
    css = "axis-label no-score" if score is None else "axis-label"
    element = f'<text class="{css}" text-anchor="{anchor}">{spans}</text>'
    return element, (left, left + width), (first - _FONT, first + block + 4)


def _radar_legend(x: float, y: float, score_label: str, target_label: str) -> tuple[str, float]:
    """The legend under the radar (score area, dashed target) and where it ends on the right."""
    legend = svg.rect(
        x, y - 10, 14, 10, class_="series-score", fill=SCORE, fill_opacity="0.25"
    ) + svg.text(x + 20, y, score_label, class_="legend")
    x += 20 + svg.text_width(score_label) + 3 * _PAD
    legend += svg.line(x, y - 4, x + 20, y - 4, class_="series-target", **_DASHED) + svg.text(
        x + 26, y, target_label, class_="legend"
    )
    return legend, x + 26 + svg.text_width(target_label)


def heat_map(
    rows: Sequence[tuple[str, Sequence[int]]], columns: Sequence[str], *, title: str
) -> str:
    """Heat map of finding counts: one row per clause, one column per finding class.

    Each cell prints its count; its fill runs from light grey at 0 to the full class colour at
    the column's maximum (columns in order major, minor, observation, conforming, not
    applicable). Long row labels widen the left margin up to about 48 units, then end in '…'.
    """
    for label, counts in rows:
        if len(counts) != len(columns):
            raise ValueError(f"row {label!r} has {len(counts)} counts for {len(columns)} columns")
    left = _PAD + max((svg.text_width(svg.fit(svg.clean(r[0]))) for r in rows), default=0.0) + _PAD
    cell = max([56.0] + [svg.text_width(c) + 2 * _PAD for c in columns])
    top = _PAD + _LINE + 6
    peaks = [max((max(c[j], 0) for _, c in rows), default=0) for j in range(len(columns))]
    body: list[str] = []
    for j, name in enumerate(columns):
        x = left + j * cell + cell / 2
        body.append(svg.text(x, top - 6, name, text_anchor="middle", class_="column-label"))
    for i, (label, counts) in enumerate(rows):
        y = top + i * _ROW
        mid = y + _ROW / 2 + _FONT * 0.35
        body.append(svg.label(left - _PAD, mid, label, text_anchor="end", class_="row-label"))
        for j, count in enumerate(counts):
            css, colour = _CLASSES[min(j, len(_CLASSES) - 1)]
            fill = _mix(EMPTY_CELL, colour, max(count, 0) / peaks[j] if peaks[j] else 0.0)
            x = left + j * cell
            body.append(
                svg.rect(x + 1, y + 1, cell - 2, _ROW - 2, class_=f"cell cell-{css}", fill=fill)
            )
            shown = {"text_anchor": "middle", "class_": "cell-count", "fill": _ink_on(fill)}
            body.append(svg.text(x + cell / 2, mid, str(count), **shown))
    width = left + cell * len(columns) + _PAD
    return _chart("heatmap", title, (0.0, 0.0, width, top + _ROW * len(rows) + _PAD), body)


def _chart(kind: str, title: str, box: tuple[float, float, float, float], body: list[str]) -> str:
    return svg.document(kind, title, box, body, font_size=_FONT, ink=INK)
